using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.CheckIns;

/// <summary>The check-in commands as people type them (every word works in every locale) and as `help` lists them.</summary>
internal static class CheckInWords
{
    public static readonly CommandText CheckIn = new(
        [(Language.En, "checkin"), (Language.En, "check-in"), (Language.Nb, "statusrapport"), (Language.Nn, "statusrapport"), (Language.Sv, "statusrapport")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("statusrapport", "Få statusrapporten etter tavlemøtet for enheten din nå."),
            [Language.Nn] = new("statusrapport", "Få statusrapporten etter tavlemøtet for eininga di no."),
            [Language.Sv] = new("statusrapport", "Få statusrapporten efter tavelmötet för din enhet nu."),
            [Language.En] = new("checkin", "Get your unit's board-meeting check-in card now."),
        });

    public static readonly CommandText Status = new(
        [(Language.En, "status"), (Language.Nb, "status"), (Language.Nn, "status"), (Language.Sv, "status")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("status", "Se enhetens siste seks tavlemøter samlet."),
            [Language.Nn] = new("status", "Sjå dei siste seks tavlemøta til eininga samla."),
            [Language.Sv] = new("status", "Se enhetens senaste sex tavelmöten samlat."),
            [Language.En] = new("status", "See your unit's last six board meetings at a glance."),
        });
}
