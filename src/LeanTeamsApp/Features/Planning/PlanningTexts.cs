using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Features.Planning;

/// <summary>What the year-wheel commands, cards and reminders say, per language (a missing text is a compile error).</summary>
public sealed record PlanningTexts
{
    public required IReadOnlyDictionary<AppointmentKind, string> Kinds { get; init; }
    public required Func<int, string> PlanTitle { get; init; }
    public required string Planned { get; init; }
    public required string Changes { get; init; }
    public required Func<int, int, int, int, int, string> ChangeSummary { get; init; }
    public required string Unplaced { get; init; }
    public required Func<int, string> MoreUnplaced { get; init; }

    /// <summary>Each <see cref="UnplacedReasonKind"/> as a composite format of its arguments.</summary>
    public required IReadOnlyDictionary<UnplacedReasonKind, string> UnplacedReasons { get; init; }
    public required string FishboneBecause { get; init; }
    public required Func<string, int?, bool, string, string> LaggingReason { get; init; }
    public required string CalendarOn { get; init; }
    public required string CalendarOff { get; init; }
    public required string PerLeader { get; init; }
    public required Func<int, int, string> LeaderLoad { get; init; }
    public required string PlanUsage { get; init; }
    public required Func<int, int, int, string> NextYearBecauseLate { get; init; }
    public required string UpcomingTitle { get; init; }
    public required string NothingUpcoming { get; init; }
    public required string YouLead { get; init; }
    public required string YouAttend { get; init; }
    public required string Join { get; init; }
    public required string UnknownPerson { get; init; }
    public required Func<int, string, string, string> ReminderDays { get; init; }
    public required Func<string, string, string> ReminderDay { get; init; }
    public required Func<string, string, string> ReminderToday { get; init; }
    public required string When { get; init; }
    public required string Who { get; init; }
    public required string Unit { get; init; }

    public static PlanningTexts For(Language language) => OwnTerms.In(
        language switch
        {
            Language.Sv => Swedish,
            Language.En => English,
            Language.Nn => Nynorsk,
            _ => Norwegian,
        },
        language);

    private static readonly PlanningTexts Norwegian = new()
    {
        Kinds = Glossary.Labels<AppointmentKind>("", Language.Nb),
        PlanTitle = year => $"Årshjulet for {year} er planlagt",
        Planned = "Planlagt",
        Changes = "Endringer",
        ChangeSummary = (added, moved, reassigned, cancelled, unchanged) => $"{added} {(added == 1 ? "ny" : "nye")} · {moved} flyttet · {reassigned} {(reassigned == 1 ? "ny deltaker" : "nye deltakere")} · {cancelled} avlyst · {unchanged} uendret",
        Unplaced = "Fikk ikke plass",
        MoreUnplaced = n => $"… og {n} til.",
        UnplacedReasons = new Dictionary<UnplacedReasonKind, string>
        {
            [UnplacedReasonKind.UnitNotPlanned] = "Enheten er ikke blant enhetene som planlegges.",
            [UnplacedReasonKind.UnknownTimeZone] = "Ukjent tidssone «{0}».",
            [UnplacedReasonKind.DeadlineLeavesNoDay] = "Fristen {0:yyyy-MM-dd} gir ingen dag etter i dag.",
            [UnplacedReasonKind.NoFreeDayBeforeDeadline] = "Ingen arbeidsdag før {0:yyyy-MM-dd} der {1} alle er ledige utenom tavlemøtet.",
            [UnplacedReasonKind.ReviewCancelled] = "Revisjonen ble avlyst for hånd, og et Gemba-besøk planlegges sammen med en revisjon.",
            [UnplacedReasonKind.NoReviewDay] = "Ingen arbeidsdag i H{0} {1} der {2} er ledige til revisjonen.",
            [UnplacedReasonKind.NoWalkDay] = "Ingen dag i revisjonens uke eller uken før der {0} er ledige innenfor grensene for Gemba-besøk.",
            [UnplacedReasonKind.NoReviewWindow] = "Ingen dag i H{0} {1} etter {2:yyyy-MM-dd} som er {3}–{4} uker fra enhetens andre revisjoner (også de planlagt for {5} og {6}) eller Lean-oppstarten.",
            [UnplacedReasonKind.NoReviewDayInRange] = "Ingen arbeidsdag {0:yyyy-MM-dd}–{1:yyyy-MM-dd} der {2} er ledige til revisjonen, med et Gemba-besøk samme uke eller uken før innenfor lederens grenser.",
            [UnplacedReasonKind.NoValidTime] = "Fant ingen gyldig tid.",
            [UnplacedReasonKind.LeaderAndUnitLeader] = "{0} og {1}",
            [UnplacedReasonKind.LeaderUnitLeaderAndConsultant] = "{0}, {1} og, i veiledningsperioden, {2}",
        },
        FishboneBecause = "Fiskebeinsanalyse fordi",
        LaggingReason = (unit, missed, noneDone, deadline) => $"{unit}: " + string.Join(" og ", new[] { missed is { } m ? $"{m} tavlemøter ikke gjennomført eller ikke rapportert" : null, noneDone ? "ingen forbedringer ferdige" : null }.OfType<string>()) + $" (frist {deadline})",
        CalendarOn = "Avtalene sendes til Outlook med Teams-møte for lederne og deltakerne.",
        CalendarOff = "Microsoft Graph er ikke satt opp: avtalene finnes bare i appen, ikke i Outlook ennå.",
        PerLeader = "Gemba-besøk per tjenesteområdeleder",
        LeaderLoad = (walks, busiest) => $"{walks} besøk, høyst {busiest} i en uke",
        PlanUsage = "Skriv «gemba plan» for i år (fra november: neste år), eller «gemba plan 2027» for et bestemt år.",
        NextYearBecauseLate = (year, thisYear, lagging) => $"Fra november betyr «gemba plan» neste år, så dette er planen for {year}. Skriv «gemba plan {thisYear}» for å planlegge resten av {thisYear}"
            + (lagging > 0 ? $", også fiskebeinsanalysene for {lagging} enheter som henger etter." : "."),
        UpcomingTitle = "Dine neste revisjoner og Gemba-besøk",
        NothingUpcoming = "Du har ingen planlagte revisjoner eller Gemba-besøk. Lean-koordinatoren planlegger dem med «gemba plan».",
        YouLead = "du leder",
        YouAttend = "du deltar",
        Join = "Bli med i Teams-møtet",
        UnknownPerson = "Jeg finner deg ikke i organisasjonen. Be Lean-koordinatoren legge deg til.",
        ReminderDays = (days, kind, unit) => (days == 7 ? "Om en uke" : $"Om {days} dager") + $": {kind} – {unit}",
        ReminderDay = (kind, unit) => $"I morgen: {kind} – {unit}",
        ReminderToday = (kind, unit) => $"I dag: {kind} – {unit}",
        When = "Når",
        Who = "Hvem",
        Unit = "Enhet",
    };

    private static readonly PlanningTexts Nynorsk = new()
    {
        Kinds = new Dictionary<AppointmentKind, string>
        {
            [AppointmentKind.SemiAnnualReview] = "Halvårleg revisjon",
            [AppointmentKind.GembaWalk] = "Gemba-besøk",
            [AppointmentKind.FishboneAnalysis] = "Fiskebeinsanalyse",
        },
        PlanTitle = year => $"Årshjulet for {year} er planlagt",
        Planned = "Planlagt",
        Changes = "Endringar",
        ChangeSummary = (added, moved, reassigned, cancelled, unchanged) => $"{added} nye · {moved} flytta · {reassigned} nye deltakarar · {cancelled} avlyste · {unchanged} uendra",
        Unplaced = "Fekk ikkje plass",
        MoreUnplaced = n => $"… og {n} til.",
        UnplacedReasons = new Dictionary<UnplacedReasonKind, string>
        {
            [UnplacedReasonKind.UnitNotPlanned] = "Eininga er ikkje mellom einingane som blir planlagde.",
            [UnplacedReasonKind.UnknownTimeZone] = "Ukjend tidssone «{0}».",
            [UnplacedReasonKind.DeadlineLeavesNoDay] = "Fristen {0:yyyy-MM-dd} gir ingen dag etter i dag.",
            [UnplacedReasonKind.NoFreeDayBeforeDeadline] = "Ingen arbeidsdag før {0:yyyy-MM-dd} der {1} alle er ledige utanom tavlemøtet.",
            [UnplacedReasonKind.ReviewCancelled] = "Revisjonen vart avlyst for hand, og eit Gemba-besøk blir planlagt saman med ein revisjon.",
            [UnplacedReasonKind.NoReviewDay] = "Ingen arbeidsdag i H{0} {1} der {2} er ledige til revisjonen.",
            [UnplacedReasonKind.NoWalkDay] = "Ingen dag i veka til revisjonen eller veka før der {0} er ledige innanfor grensene for Gemba-besøk.",
            [UnplacedReasonKind.NoReviewWindow] = "Ingen dag i H{0} {1} etter {2:yyyy-MM-dd} som er {3}–{4} veker frå dei andre revisjonane til eininga (òg dei planlagde for {5} og {6}) eller Lean-oppstarten.",
            [UnplacedReasonKind.NoReviewDayInRange] = "Ingen arbeidsdag {0:yyyy-MM-dd}–{1:yyyy-MM-dd} der {2} er ledige til revisjonen, med eit Gemba-besøk same veke eller veka før innanfor grensene til leiaren.",
            [UnplacedReasonKind.NoValidTime] = "Fann inga gyldig tid.",
            [UnplacedReasonKind.LeaderAndUnitLeader] = "{0} og {1}",
            [UnplacedReasonKind.LeaderUnitLeaderAndConsultant] = "{0}, {1} og, i rettleiingsperioden, {2}",
        },
        FishboneBecause = "Fiskebeinsanalyse fordi",
        LaggingReason = (unit, missed, noneDone, deadline) => $"{unit}: " + string.Join(" og ", new[] { missed is { } m ? $"{m} tavlemøte ikkje gjennomførte eller ikkje rapporterte" : null, noneDone ? "ingen forbetringar ferdige" : null }.OfType<string>()) + $" (frist {deadline})",
        CalendarOn = "Avtalane blir sende til Outlook med Teams-møte for leiarane og deltakarane.",
        CalendarOff = "Microsoft Graph er ikkje sett opp: avtalane finst berre i appen, ikkje i Outlook enno.",
        PerLeader = "Gemba-besøk per tenesteområdeleiar",
        LeaderLoad = (walks, busiest) => $"{walks} besøk, høgst {busiest} i ei veke",
        PlanUsage = "Skriv «gemba plan» for i år (frå november: neste år), eller «gemba plan 2027» for eit bestemt år.",
        NextYearBecauseLate = (year, thisYear, lagging) => $"Frå november tyder «gemba plan» neste år, så dette er planen for {year}. Skriv «gemba plan {thisYear}» for å planleggje resten av {thisYear}"
            + (lagging > 0 ? $", også fiskebeinsanalysane for {lagging} einingar som heng etter." : "."),
        UpcomingTitle = "Dei neste revisjonane og Gemba-besøka dine",
        NothingUpcoming = "Du har ingen planlagde revisjonar eller Gemba-besøk. Lean-koordinatoren planlegg dei med «gemba plan».",
        YouLead = "du leier",
        YouAttend = "du deltek",
        Join = "Bli med i Teams-møtet",
        UnknownPerson = "Eg finn deg ikkje i organisasjonen. Be Lean-koordinatoren leggje deg til.",
        ReminderDays = (days, kind, unit) => (days == 7 ? "Om ei veke" : $"Om {days} dagar") + $": {kind} – {unit}",
        ReminderDay = (kind, unit) => $"I morgon: {kind} – {unit}",
        ReminderToday = (kind, unit) => $"I dag: {kind} – {unit}",
        When = "Når",
        Who = "Kven",
        Unit = "Eining",
    };

    private static readonly PlanningTexts Swedish = new()
    {
        Kinds = Glossary.Labels<AppointmentKind>("", Language.Sv),
        PlanTitle = year => $"Årshjulet för {year} är planerat",
        Planned = "Planerat",
        Changes = "Ändringar",
        ChangeSummary = (added, moved, reassigned, cancelled, unchanged) => $"{added} {(added == 1 ? "ny" : "nya")} · {moved} flyttade · {reassigned} {(reassigned == 1 ? "ny deltagare" : "nya deltagare")} · {cancelled} inställda · {unchanged} oförändrade",
        Unplaced = "Fick inte plats",
        MoreUnplaced = n => $"… och {n} till.",
        UnplacedReasons = new Dictionary<UnplacedReasonKind, string>
        {
            [UnplacedReasonKind.UnitNotPlanned] = "Enheten är inte bland enheterna som planeras.",
            [UnplacedReasonKind.UnknownTimeZone] = "Okänd tidszon ”{0}”.",
            [UnplacedReasonKind.DeadlineLeavesNoDay] = "Sista dagen {0:yyyy-MM-dd} lämnar ingen dag efter i dag.",
            [UnplacedReasonKind.NoFreeDayBeforeDeadline] = "Ingen arbetsdag före {0:yyyy-MM-dd} då {1} alla är lediga utanför tavelmötet.",
            [UnplacedReasonKind.ReviewCancelled] = "Halvårsuppföljningen ställdes in för hand, och ett Gemba-besök planeras tillsammans med en halvårsuppföljning.",
            [UnplacedReasonKind.NoReviewDay] = "Ingen arbetsdag under H{0} {1} då {2} är lediga för halvårsuppföljningen.",
            [UnplacedReasonKind.NoWalkDay] = "Ingen dag under halvårsuppföljningens vecka eller veckan före då {0} är lediga inom gränserna för Gemba-besök.",
            [UnplacedReasonKind.NoReviewWindow] = "Ingen dag under H{0} {1} efter {2:yyyy-MM-dd} som är {3}–{4} veckor från enhetens andra halvårsuppföljningar (även de planerade för {5} och {6}) eller Lean-starten.",
            [UnplacedReasonKind.NoReviewDayInRange] = "Ingen arbetsdag {0:yyyy-MM-dd}–{1:yyyy-MM-dd} då {2} är lediga för halvårsuppföljningen, med ett Gemba-besök samma vecka eller veckan före inom chefens gränser.",
            [UnplacedReasonKind.NoValidTime] = "Ingen giltig tid hittades.",
            [UnplacedReasonKind.LeaderAndUnitLeader] = "{0} och {1}",
            [UnplacedReasonKind.LeaderUnitLeaderAndConsultant] = "{0}, {1} och, under handledningen, {2}",
        },
        FishboneBecause = "Fiskbensanalys eftersom",
        LaggingReason = (unit, missed, noneDone, deadline) => $"{unit}: " + string.Join(" och ", new[] { missed is { } m ? $"{m} tavelmöten inte genomförda eller inte rapporterade" : null, noneDone ? "inga förbättringar klara" : null }.OfType<string>()) + $" (senast {deadline})",
        CalendarOn = "Mötena skickas till Outlook med Teams-möte för cheferna och deltagarna.",
        CalendarOff = "Microsoft Graph är inte konfigurerat: mötena finns bara i appen, inte i Outlook ännu.",
        PerLeader = "Gemba-besök per verksamhetsområdeschef",
        LeaderLoad = (walks, busiest) => $"{walks} besök, högst {busiest} en vecka",
        PlanUsage = "Skriv ”gemba plan” för i år (från november: nästa år), eller ”gemba plan 2027” för ett visst år.",
        NextYearBecauseLate = (year, thisYear, lagging) => $"Från november betyder ”gemba plan” nästa år, så detta är planen för {year}. Skriv ”gemba plan {thisYear}” för att planera resten av {thisYear}"
            + (lagging > 0 ? $", även fiskbensanalyserna för {lagging} enheter som halkar efter." : "."),
        UpcomingTitle = "Dina nästa halvårsuppföljningar och Gemba-besök",
        NothingUpcoming = "Du har inga planerade halvårsuppföljningar eller Gemba-besök. Leansamordnaren planerar dem med ”gemba plan”.",
        YouLead = "du leder",
        YouAttend = "du deltar",
        Join = "Anslut till Teams-mötet",
        UnknownPerson = "Jag hittar dig inte i organisationen. Be leansamordnaren lägga till dig.",
        ReminderDays = (days, kind, unit) => (days == 7 ? "Om en vecka" : $"Om {days} dagar") + $": {kind} – {unit}",
        ReminderDay = (kind, unit) => $"I morgon: {kind} – {unit}",
        ReminderToday = (kind, unit) => $"I dag: {kind} – {unit}",
        When = "När",
        Who = "Vem",
        Unit = "Enhet",
    };

    private static readonly PlanningTexts English = new()
    {
        Kinds = Glossary.Labels<AppointmentKind>("", Language.En),
        PlanTitle = year => $"The year wheel for {year} is planned",
        Planned = "Planned",
        Changes = "Changes",
        ChangeSummary = (added, moved, reassigned, cancelled, unchanged) => $"{added} new · {moved} moved · {reassigned} new attendees · {cancelled} cancelled · {unchanged} unchanged",
        Unplaced = "Could not be placed",
        MoreUnplaced = n => $"… and {n} more.",
        UnplacedReasons = new Dictionary<UnplacedReasonKind, string>
        {
            [UnplacedReasonKind.UnitNotPlanned] = "The unit is not among the units to plan.",
            [UnplacedReasonKind.UnknownTimeZone] = "Unknown time zone '{0}'.",
            [UnplacedReasonKind.DeadlineLeavesNoDay] = "The deadline {0:yyyy-MM-dd} leaves no day after today.",
            [UnplacedReasonKind.NoFreeDayBeforeDeadline] = "No working day before {0:yyyy-MM-dd} on which {1} are all free outside the board meeting.",
            [UnplacedReasonKind.ReviewCancelled] = "Its review was cancelled by hand, and a walk is planned in connection with a review.",
            [UnplacedReasonKind.NoReviewDay] = "No working day in H{0} {1} on which {2} are free for the review.",
            [UnplacedReasonKind.NoWalkDay] = "No day in the review's week or the week before on which {0} are free within the walk limits.",
            [UnplacedReasonKind.NoReviewWindow] = "No day in H{0} {1} after {2:yyyy-MM-dd} that is {3}-{4} weeks from the unit's other reviews (also those planned for {5} and {6}) or Lean start.",
            [UnplacedReasonKind.NoReviewDayInRange] = "No working day {0:yyyy-MM-dd}-{1:yyyy-MM-dd} on which {2} are free for the review, with a walk that week or the week before within the leader's walk limits.",
            [UnplacedReasonKind.NoValidTime] = "No valid time was found.",
            [UnplacedReasonKind.LeaderAndUnitLeader] = "{0} and {1}",
            [UnplacedReasonKind.LeaderUnitLeaderAndConsultant] = "{0}, {1} and, during guidance, {2}",
        },
        FishboneBecause = "Fishbone analysis because",
        LaggingReason = (unit, missed, noneDone, deadline) => $"{unit}: " + string.Join(" and ", new[] { missed is { } m ? $"{m} board meetings not held or not reported" : null, noneDone ? "no improvement done" : null }.OfType<string>()) + $" (due by {deadline})",
        CalendarOn = "The appointments go to Outlook with a Teams meeting for the leaders and attendees.",
        CalendarOff = "Microsoft Graph is not set up: the appointments live in the app only, not in Outlook yet.",
        PerLeader = "Gemba walks per service-area leader",
        LeaderLoad = (walks, busiest) => $"{walks} walks, at most {busiest} in a week",
        PlanUsage = "Type \"gemba plan\" for this year (from November on: next year), or \"gemba plan 2027\" for a given year.",
        NextYearBecauseLate = (year, thisYear, lagging) => $"From November on, \"gemba plan\" means next year, so this is the plan for {year}. Type \"gemba plan {thisYear}\" to plan the rest of {thisYear}"
            + (lagging > 0 ? $", including the fishbone analyses for {lagging} units that lag behind." : "."),
        UpcomingTitle = "Your next reviews and Gemba walks",
        NothingUpcoming = "You have no reviews or Gemba walks planned. The Lean coordinator plans them with \"gemba plan\".",
        YouLead = "you lead",
        YouAttend = "you attend",
        Join = "Join the Teams meeting",
        UnknownPerson = "I can't find you in the organisation. Ask the Lean coordinator to add you.",
        ReminderDays = (days, kind, unit) => (days == 7 ? "In a week" : $"In {days} days") + $": {kind} – {unit}",
        ReminderDay = (kind, unit) => $"Tomorrow: {kind} – {unit}",
        ReminderToday = (kind, unit) => $"Today: {kind} – {unit}",
        When = "When",
        Who = "Who",
        Unit = "Unit",
    };
}
