using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Setup;

/// <summary>The setup commands as people type them (every word works in every locale) and as `help` lists them.</summary>
internal static class SetupWords
{
    public static readonly CommandText RegisterUnit = new(
        [(Language.En, "register unit"), (Language.Nb, "registrer enhet"), (Language.Nn, "registrer eining"), (Language.Sv, "registrera enhet")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("registrer enhet <navn>", "Koble denne kanalen til en enhet (Lean-koordinator, i enhetens kanal)."),
            [Language.Nn] = new("registrer eining <namn>", "Kopla denne kanalen til ei eining (Lean-koordinator, i kanalen til eininga)."),
            [Language.Sv] = new("registrera enhet <namn>", "Koppla den här kanalen till en enhet (leansamordnare, i enhetens kanal)."),
            [Language.En] = new("register unit <name>", "Bind this channel to a unit (Lean coordinator, in the unit's channel)."),
        });

    public static readonly CommandText UnregisterUnit = new(
        [(Language.En, "unregister unit"), (Language.Nb, "avregistrer enhet"), (Language.Nn, "avregistrer eining"), (Language.Sv, "avregistrera enhet")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("avregistrer enhet", "Løs denne kanalen fra enheten den er koblet til (Lean-koordinator, i kanalen)."),
            [Language.Nn] = new("avregistrer eining", "Løys denne kanalen frå eininga han er kopla til (Lean-koordinator, i kanalen)."),
            [Language.Sv] = new("avregistrera enhet", "Koppla loss den här kanalen från enheten den hör till (leansamordnare, i kanalen)."),
            [Language.En] = new("unregister unit", "Unbind this channel from its unit (Lean coordinator, in the channel)."),
        });

    public static readonly CommandText SetCoordinatorChannel = new(
        [(Language.En, "set coordinator channel"), (Language.Nb, "sett koordinatorkanal"), (Language.Nn, "set koordinatorkanal"), (Language.Sv, "ange koordinatorkanal")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("sett koordinatorkanal", "Send ukesoppsummeringen for forbedringsforumet til denne kanalen (Lean-koordinator)."),
            [Language.Nn] = new("set koordinatorkanal", "Send vekeoppsummeringa til forbetringsforumet til denne kanalen (Lean-koordinator)."),
            [Language.Sv] = new("ange koordinatorkanal", "Skicka veckosammanfattningen för förbättringsforumet till den här kanalen (leansamordnare)."),
            [Language.En] = new("set coordinator channel", "Post the improvement forum's weekly digest in this channel (Lean coordinator)."),
        });

    public static readonly CommandText BoardMeeting = new(
        [(Language.En, "board meeting"), (Language.Nb, "tavlemøte"), (Language.Nb, "tavlemote"), (Language.Nn, "tavlemøte"), (Language.Sv, "tavelmöte"), (Language.Sv, "tavelmote")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("tavlemøte <ukedag> <TT:MM> [minutter]", "Sett når enheten har sitt faste tavlemøte, for eksempel «tavlemøte tirsdag 08:45 15»."),
            [Language.Nn] = new("tavlemøte <vekedag> <TT:MM> [minutt]", "Set når eininga har det faste tavlemøtet sitt, til dømes «tavlemøte tysdag 08:45 15»."),
            [Language.Sv] = new("tavelmöte <veckodag> <TT:MM> [minuter]", "Ange när enheten har sitt fasta tavelmöte, till exempel ”tavelmöte tisdag 08:45 15”."),
            [Language.En] = new("board meeting <weekday> <HH:MM> [minutes]", "Set when the unit holds its weekly board meeting, e.g. \"board meeting tuesday 08:45 15\"."),
        });

    public static readonly CommandText Units = new(
        [(Language.En, "units"), (Language.Nb, "enheter"), (Language.Nn, "einingar"), (Language.Sv, "enheter")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("enheter", "Vis enhetene med kanal og tidspunkt for tavlemøtet."),
            [Language.Nn] = new("einingar", "Vis einingane med kanal og tidspunkt for tavlemøtet."),
            [Language.Sv] = new("enheter", "Visa enheterna med kanal och tid för tavelmötet."),
            [Language.En] = new("units", "List the units with their channel and board-meeting time."),
        });

    public static readonly CommandText WhoAmI = new(
        [(Language.En, "whoami"), (Language.En, "who am i"), (Language.Nb, "hvem er jeg"), (Language.Nn, "kven er eg"), (Language.Sv, "vem är jag")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("hvem er jeg", "Vis hvilke roller du har i LeanTeamsApp."),
            [Language.Nn] = new("kven er eg", "Vis kva roller du har i LeanTeamsApp."),
            [Language.Sv] = new("vem är jag", "Visa vilka roller du har i LeanTeamsApp."),
            [Language.En] = new("whoami", "Show your roles in LeanTeamsApp."),
        });
}
