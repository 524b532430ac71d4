using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Reviews;

/// <summary>The review and follow-up commands as people type them (every word works in every locale) and as `help` lists them.</summary>
internal static class ReviewWords
{
    public static readonly CommandText ReviewDone = new(
        [(Language.En, "review done"), (Language.Nb, "revisjon ferdig"), (Language.Nn, "revisjon ferdig"), (Language.Sv, "uppföljning klar"), (Language.Sv, "revision klar")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("revisjon ferdig <enhet>", "Registrer hva siste revisjon, Gemba-besøk eller fiskebeinsanalyse i enheten fant, med oppfølgingsområder (tjenesteområdeleder, Lean-koordinator, forbedringskonsulent)."),
            [Language.Nn] = new("revisjon ferdig <eining>", "Registrer kva siste revisjon, Gemba-besøk eller fiskebeinsanalyse i eininga fann, med oppfølgingsområde (tenesteområdeleiar, Lean-koordinator, forbetringskonsulent)."),
            [Language.Sv] = new("uppföljning klar <enhet>", "Registrera vad enhetens senaste halvårsuppföljning, Gemba-besök eller fiskbensanalys kom fram till, med uppföljningsområden (verksamhetsområdeschef, leansamordnare, verksamhetsutvecklare)."),
            [Language.En] = new("review done <unit>", "Record what the unit's latest review, Gemba walk or fishbone analysis found, with follow-up areas (service-area leader, Lean coordinator, improvement consultant)."),
        });

    public static readonly CommandText FollowUps = new(
        [(Language.En, "followups"), (Language.En, "follow-ups"), (Language.Nb, "oppfølging"), (Language.Nb, "oppfolging"), (Language.Nn, "oppfølging"), (Language.Sv, "uppföljning"), (Language.Sv, "uppfoljning")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("oppfølging", "Se åpne oppfølgingsområder for enhetene dine, de med passert frist først, og lukk dem som er fulgt opp."),
            [Language.Nn] = new("oppfølging", "Sjå opne oppfølgingsområde for einingane dine, dei med fristen ute først, og lukk dei som er følgde opp."),
            [Language.Sv] = new("uppföljning", "Se öppna uppföljningsområden för dina enheter, de försenade först, och stäng dem som är uppföljda."),
            [Language.En] = new("followups", "See the open follow-up areas of your units, overdue first, and close those followed up."),
        });
}
