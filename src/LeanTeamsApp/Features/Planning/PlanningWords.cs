using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Planning;

/// <summary>The year-wheel commands as people type them (every word works in every locale) and as `help` lists them.</summary>
internal static class PlanningWords
{
    public static readonly CommandText GembaPlan = new(
        [(Language.En, "gemba plan"), (Language.Nb, "gemba plan"), (Language.Sv, "gemba plan"), (Language.Nb, "planlegg årshjul"), (Language.Nn, "gemba plan"), (Language.Sv, "planera årshjul")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("gemba plan [år]", "Planlegg årets revisjoner, Gemba-besøk og fiskebeinsanalyser, eller planlegg på nytt etter endringer (Lean-koordinator)."),
            [Language.Nn] = new("gemba plan [år]", "Planlegg årets revisjonar, Gemba-besøk og fiskebeinsanalysar, eller planlegg på nytt etter endringar (Lean-koordinator)."),
            [Language.Sv] = new("gemba plan [år]", "Planera årets halvårsuppföljningar, Gemba-besök och fiskbensanalyser, eller planera om efter ändringar (leansamordnare)."),
            [Language.En] = new("gemba plan [year]", "Plan the year's reviews, Gemba walks and fishbone analyses, or re-plan after changes (Lean coordinator)."),
        });

    public static readonly CommandText Gemba = new(
        [(Language.En, "gemba"), (Language.Nb, "gemba"), (Language.Nn, "gemba"), (Language.Sv, "gemba")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("gemba", "Se dine neste revisjoner og Gemba-besøk."),
            [Language.Nn] = new("gemba", "Sjå dei neste revisjonane og Gemba-besøka dine."),
            [Language.Sv] = new("gemba", "Se dina nästa halvårsuppföljningar och Gemba-besök."),
            [Language.En] = new("gemba", "See your next reviews and Gemba walks."),
        });

    public static readonly CommandText AppointmentMove = new(
        [(Language.En, "gemba move"), (Language.Nb, "gemba flytt"), (Language.Nn, "gemba flytt"), (Language.Sv, "gemba flytta")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("gemba flytt <enhet> <revisjon|besøk|fiskebein> <dato> [TT:MM]", "Flytt enhetens neste revisjon, Gemba-besøk eller fiskebeinsanalyse; de som deltar får beskjed (Lean-koordinator, den som er ansvarlig)."),
            [Language.Nn] = new("gemba flytt <eining> <revisjon|besøk|fiskebein> <dato> [TT:MM]", "Flytt den neste revisjonen, Gemba-besøket eller fiskebeinsanalysen til eininga; dei som deltek, får melding (Lean-koordinator, den som er ansvarleg)."),
            [Language.Sv] = new("gemba flytta <enhet> <uppföljning|besök|fiskben> <datum> [TT:MM]", "Flytta enhetens nästa halvårsuppföljning, Gemba-besök eller fiskbensanalys; deltagarna får besked (leansamordnare, den som är ansvarig)."),
            [Language.En] = new("gemba move <unit> <review|walk|fishbone> <date> [HH:MM]", "Move the unit's next review, Gemba walk or fishbone analysis; its people are told (Lean coordinator, its owner)."),
        });

    public static readonly CommandText AppointmentCancel = new(
        [(Language.En, "gemba cancel"), (Language.Nb, "gemba avlys"), (Language.Nn, "gemba avlys"), (Language.Sv, "gemba ställ in"), (Language.Sv, "gemba stall in")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("gemba avlys <enhet> <revisjon|besøk|fiskebein>", "Avlys enhetens neste av den typen; den planlegges ikke på nytt (Lean-koordinator, den som er ansvarlig)."),
            [Language.Nn] = new("gemba avlys <eining> <revisjon|besøk|fiskebein>", "Avlys den neste av den typen i eininga; han blir ikkje planlagd på nytt (Lean-koordinator, den som er ansvarleg)."),
            [Language.Sv] = new("gemba ställ in <enhet> <uppföljning|besök|fiskben>", "Ställ in enhetens nästa av den typen; den planeras inte om (leansamordnare, den som är ansvarig)."),
            [Language.En] = new("gemba cancel <unit> <review|walk|fishbone>", "Cancel the unit's next one of that kind; it is not planned again (Lean coordinator, its owner)."),
        });

    public static readonly CommandText AppointmentOwner = new(
        [(Language.En, "gemba owner"), (Language.Nb, "gemba ansvarlig"), (Language.Nn, "gemba ansvarleg"), (Language.Sv, "gemba ansvarig")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("gemba ansvarlig <enhet> <revisjon|besøk|fiskebein> <person>", "Gi enhetens neste av den typen en annen ansvarlig, ved navn eller e-post (Lean-koordinator, den som er ansvarlig)."),
            [Language.Nn] = new("gemba ansvarleg <eining> <revisjon|besøk|fiskebein> <person>", "Gi den neste av den typen i eininga ein annan ansvarleg, ved namn eller e-post (Lean-koordinator, den som er ansvarleg)."),
            [Language.Sv] = new("gemba ansvarig <enhet> <uppföljning|besök|fiskben> <person>", "Ge enhetens nästa av den typen en annan ansvarig, med namn eller e-post (leansamordnare, den som är ansvarig)."),
            [Language.En] = new("gemba owner <unit> <review|walk|fishbone> <person>", "Hand the unit's next one of that kind to someone else, by name or e-mail (Lean coordinator, its owner)."),
        });
}
