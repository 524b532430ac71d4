using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Features.Planning;

/// <summary>What the Outlook events and their errors say, per language (a missing text is a compile error).</summary>
public sealed record CalendarSyncTexts
{
    public required IReadOnlyDictionary<AppointmentKind, string> Kinds { get; init; }

    /// <summary>What the meeting is for, given the kind and the unit's name (already HTML-encoded).</summary>
    public required Func<AppointmentKind, string, string> Purpose { get; init; }

    public required string PlannedBy { get; init; }

    /// <summary>The comment attendees get when the appointment left the plan.</summary>
    public required string Cancelled { get; init; }

    /// <summary>The comment attendees get when the event is replaced by one with other people.</summary>
    public required string Replaced { get; init; }

    public required Func<string, string> OrganiserNotFound { get; init; }
    public required Func<string, string> Forbidden { get; init; }
    public required Func<string, string> UnknownUnit { get; init; }
    public required Func<string, string> Refused { get; init; }

    public static CalendarSyncTexts For(Language language) => OwnTerms.In(
        language switch
        {
            Language.Sv => Swedish,
            Language.Nn => Nynorsk,
            _ => Norwegian,
        },
        language);

    private static readonly CalendarSyncTexts Norwegian = new()
    {
        Kinds = Glossary.Labels<AppointmentKind>("", Language.Nb),
        Purpose = (kind, unit) => kind switch
        {
            AppointmentKind.GembaWalk => $"Gemba-besøk i {unit}: tjenesteområdelederen kommer til enheten for å se arbeidet og tavla der verdien skapes, og for å lytte til de ansatte.",
            AppointmentKind.SemiAnnualReview => $"Halvårlig revisjon av Lean-arbeidet i {unit}: hvor enheten står, hva som virker, og hva neste halvår skal gi.",
            _ => $"Fiskebeinsanalyse for {unit}: sammen finner dere årsakene bak det som gjør Lean-arbeidet tungt, og hva som kan hjelpe.",
        },
        PlannedBy = "Planlagt av LeanTeamsApp ut fra årshjulet. Endres planen, flyttes eller avlyses denne avtalen automatisk.",
        Cancelled = "Avlyst: avtalen er tatt ut av årshjulet i LeanTeamsApp.",
        Replaced = "Avlyst fordi deltakerne er endret; en ny innkalling kommer fra LeanTeamsApp.",
        OrganiserNotFound = owner => $"Microsoft 365 finner ikke arrangøren {owner}, eller vedkommende har ingen postboks. Sjekk e-postadressen til tjenesteområdelederen i organisasjonen.",
        Forbidden = owner => $"Appen får ikke skrive i kalenderen til {owner}. IT må gi appen Calendars.ReadWrite eller ta med postboksen i tilgangspolicyen i Exchange.",
        UnknownUnit = unit => $"Enheten {unit} finnes ikke lenger i organisasjonen.",
        Refused = status => $"Microsoft 365 avviste avtalen ({status}).",
    };

    private static readonly CalendarSyncTexts Nynorsk = new()
    {
        Kinds = new Dictionary<AppointmentKind, string>
        {
            [AppointmentKind.GembaWalk] = "Gemba-besøk",
            [AppointmentKind.SemiAnnualReview] = "Halvårleg revisjon",
            [AppointmentKind.FishboneAnalysis] = "Fiskebeinsanalyse",
        },
        Purpose = (kind, unit) => kind switch
        {
            AppointmentKind.GembaWalk => $"Gemba-besøk i {unit}: tenesteområdeleiaren kjem til eininga for å sjå arbeidet og tavla der verdien blir skapt, og for å lytte til dei tilsette.",
            AppointmentKind.SemiAnnualReview => $"Halvårleg revisjon av Lean-arbeidet i {unit}: kvar eininga står, kva som verkar, og kva neste halvår skal gi.",
            _ => $"Fiskebeinsanalyse for {unit}: saman finn de årsakene bak det som gjer Lean-arbeidet tungt, og kva som kan hjelpe.",
        },
        PlannedBy = "Planlagd av LeanTeamsApp ut frå årshjulet. Blir planen endra, blir denne avtalen flytta eller avlyst automatisk.",
        Cancelled = "Avlyst: avtalen er teken ut av årshjulet i LeanTeamsApp.",
        Replaced = "Avlyst fordi deltakarane er endra; ei ny innkalling kjem frå LeanTeamsApp.",
        OrganiserNotFound = owner => $"Microsoft 365 finn ikkje arrangøren {owner}, eller vedkomande har ingen postkasse. Sjekk e-postadressa til tenesteområdeleiaren i organisasjonen.",
        Forbidden = owner => $"Appen får ikkje skrive i kalenderen til {owner}. IT må gi appen Calendars.ReadWrite eller ta med postkassa i tilgangspolicyen i Exchange.",
        UnknownUnit = unit => $"Eininga {unit} finst ikkje lenger i organisasjonen.",
        Refused = status => $"Microsoft 365 avviste avtalen ({status}).",
    };

    private static readonly CalendarSyncTexts Swedish = new()
    {
        Kinds = Glossary.Labels<AppointmentKind>("", Language.Sv),
        Purpose = (kind, unit) => kind switch
        {
            AppointmentKind.GembaWalk => $"Gemba-besök på {unit}: verksamhetsområdeschefen kommer till enheten för att se arbetet och tavlan där värdet skapas och för att lyssna på medarbetarna.",
            AppointmentKind.SemiAnnualReview => $"Halvårsuppföljning av Lean-arbetet på {unit}: var enheten står, vad som fungerar och vad nästa halvår ska ge.",
            _ => $"Fiskbensanalys för {unit}: tillsammans hittar ni orsakerna bakom det som gör Lean-arbetet tungt och vad som kan hjälpa.",
        },
        PlannedBy = "Planerat av LeanTeamsApp utifrån årshjulet. Ändras planen flyttas eller ställs detta möte in automatiskt.",
        Cancelled = "Inställt: mötet har tagits bort ur årshjulet i LeanTeamsApp.",
        Replaced = "Inställt eftersom deltagarna har ändrats; en ny kallelse kommer från LeanTeamsApp.",
        OrganiserNotFound = owner => $"Microsoft 365 hittar inte organisatören {owner}, eller så saknar personen postlåda. Kontrollera verksamhetsområdeschefens e-postadress i organisationen.",
        Forbidden = owner => $"Appen får inte skriva i kalendern för {owner}. IT behöver ge appen Calendars.ReadWrite eller ta med postlådan i åtkomstprincipen i Exchange.",
        UnknownUnit = unit => $"Enheten {unit} finns inte längre i organisationen.",
        Refused = status => $"Microsoft 365 avvisade mötet ({status}).",
    };
}
