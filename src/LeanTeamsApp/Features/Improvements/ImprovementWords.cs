using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Improvements;

/// <summary>The improvement commands as people type them (every word works in every locale) and as `help` lists them.</summary>
internal static class ImprovementWords
{
    public static readonly CommandText ImprovementAdd = new(
        [(Language.En, "improvement add"), (Language.En, "add improvement"), (Language.Nb, "forbedring ny"), (Language.Nb, "ny forbedring"), (Language.Nn, "forbetring ny"), (Language.Nn, "ny forbetring"), (Language.Sv, "förbättring ny"), (Language.Sv, "ny förbättring"), (Language.Sv, "forbattring ny")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("forbedring ny <tekst>", "Legg til en forbedring i enhetens liste, for eksempel «forbedring ny felles mal for vaktbytte»."),
            [Language.Nn] = new("forbetring ny <tekst>", "Legg til ei forbetring i lista til eininga, til dømes «forbetring ny felles mal for vaktbyte»."),
            [Language.Sv] = new("förbättring ny <text>", "Lägg till en förbättring i enhetens lista, till exempel ”förbättring ny gemensam mall för passbyte”."),
            [Language.En] = new("improvement add <text>", "Put an improvement on your unit's list, e.g. \"improvement add shared template for shift swaps\"."),
        });

    public static readonly CommandText Improvements = new(
        [(Language.En, "improvements"), (Language.Nb, "forbedringer"), (Language.Nn, "forbetringar"), (Language.Sv, "förbättringar"), (Language.Sv, "forbattringar")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("forbedringer", "Se enhetens åpne forbedringer og flytt dem videre: pågår, ferdig, gevinst realisert. Lukk avvik, eller gjør dem til oppfølgingsområder."),
            [Language.Nn] = new("forbetringar", "Sjå dei opne forbetringane til eininga og flytt dei vidare: pågår, ferdig, gevinst realisert. Lukk avvik, eller gjer dei om til oppfølgingsområde."),
            [Language.Sv] = new("förbättringar", "Se enhetens öppna förbättringar och flytta dem vidare: pågår, genomförd, nytta realiserad. Stäng avvikelser, eller gör dem till uppföljningsområden."),
            [Language.En] = new("improvements", "See your unit's open improvements and move them along: in progress, done, benefit realised. Close deviations, or make them follow-up areas."),
        });
}
