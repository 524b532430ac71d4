using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Features.Planning;

/// <summary>
/// What `gemba move|cancel|owner`, the year wheel's changes and the messages about them say, per language (a missing
/// text is a compile error). Dates come formatted in the language's culture.
/// </summary>
public sealed record ChangeTexts
{
    public required Language Language { get; init; }
    public required string Usage { get; init; }
    public required IReadOnlyDictionary<string, AppointmentKind> KindWords { get; init; }
    public required Func<string, string, string> NoAppointment { get; init; }
    public required Func<string, string, string, int, string> MovedAnswer { get; init; }
    public required Func<string, string, int, string> CancelledAnswer { get; init; }
    public required Func<string, string, string, int, string> ReassignedAnswer { get; init; }
    public required Func<string, string, string> MovedTitle { get; init; }
    public required Func<string, string, string> CancelledTitle { get; init; }
    public required Func<string, string, string> ReassignedTitle { get; init; }
    public required string Was { get; init; }
    public required string Owner { get; init; }
    public required string ChangedBy { get; init; }
    public required Func<string, string> PersonNotFound { get; init; }
    public required Func<string, IReadOnlyList<string>, string> PersonAmbiguous { get; init; }
    public required string NotPlanned { get; init; }
    public required string ChangedMeanwhile { get; init; }
    public required string InThePast { get; init; }
    public required string Weekend { get; init; }
    public required Func<string, string> PublicHoliday { get; init; }
    public required Func<string, string, string, string> Blackout { get; init; }
    public required Func<string, string, string> OutsideWorkingHours { get; init; }
    public required string BoardMeeting { get; init; }
    public required Func<string, string, string> OutsidePeriod { get; init; }
    public required Func<string?, string?, string> ReviewSpacing { get; init; }
    public required string UnknownPerson { get; init; }
    public required string SameOwner { get; init; }
    public required Func<string, string, string> WalkApart { get; init; }
    public required Func<string, string, string, string> PersonBusy { get; init; }

    public static ChangeTexts For(Language language) => OwnTerms.In(
        language switch
        {
            Language.Sv => Swedish,
            Language.En => English,
            Language.Nn => Nynorsk,
            _ => Norwegian,
        },
        language);

    /// <summary>The refusal as a sentence.</summary>
    public string Refusal(ChangeProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        string Day(DateOnly? date) => date?.ToString("d", Language.Culture()) ?? "";
        var rules = new PlannerRules();
        return problem.Refusal switch
        {
            ChangeRefusal.NotPlanned => NotPlanned,
            ChangeRefusal.ChangedMeanwhile => ChangedMeanwhile,
            ChangeRefusal.InThePast => InThePast,
            ChangeRefusal.Weekend => Weekend,
            ChangeRefusal.PublicHoliday => PublicHoliday(problem.Name ?? ""),
            ChangeRefusal.Blackout => Blackout(problem.Name ?? "", Day(problem.From), Day(problem.To)),
            ChangeRefusal.OutsideWorkingHours => OutsideWorkingHours(rules.WorkdayStart.ToString("HH:mm", Language.Culture()), rules.WorkdayEnd.ToString("HH:mm", Language.Culture())),
            ChangeRefusal.BoardMeeting => BoardMeeting,
            ChangeRefusal.OutsidePeriod => OutsidePeriod(Day(problem.From), Day(problem.To)),
            ChangeRefusal.ReviewSpacing => ReviewSpacing(problem.From is null ? null : Day(problem.From), problem.To is null ? null : Day(problem.To)),
            ChangeRefusal.UnknownPerson => UnknownPerson,
            _ => SameOwner,
        };
    }

    private static readonly ChangeTexts Norwegian = new()
    {
        Language = Language.Nb,
        Usage = "Skriv for eksempel «gemba flytt Byggesak revisjon 2027-03-10 09:00», «gemba avlys Byggesak besøk» eller «gemba ansvarlig Byggesak revisjon kari.nordby@kommune.no». "
            + "Typene er revisjon, besøk og fiskebein; det gjelder enhetens neste planlagte av den typen.",
        KindWords = KindWordsOf(["revisjon", "halvårlig revisjon"], ["besøk", "gemba-besøk", "gembabesøk"], ["fiskebein", "fiskebeinsanalyse"]),
        NoAppointment = (kind, unit) => $"{unit} har ingen planlagt {kind.ToLowerInvariant()} som kan endres.",
        MovedAnswer = (kind, unit, when, told) => $"{kind} – {unit} er flyttet til {when}. " + Told(told, "person", "personer", "får beskjed", "Ingen andre trengte beskjed"),
        CancelledAnswer = (kind, unit, told) => $"{kind} – {unit} er avlyst. " + Told(told, "person", "personer", "får beskjed", "Ingen andre trengte beskjed"),
        ReassignedAnswer = (kind, unit, owner, told) => $"{owner} er nå ansvarlig for {kind.ToLowerInvariant()} – {unit}. " + Told(told, "person", "personer", "får beskjed", "Ingen andre trengte beskjed"),
        MovedTitle = (kind, unit) => $"Flyttet: {kind} – {unit}",
        CancelledTitle = (kind, unit) => $"Avlyst: {kind} – {unit}",
        ReassignedTitle = (kind, unit) => $"Ny ansvarlig: {kind} – {unit}",
        Was = "Før",
        Owner = "Ansvarlig",
        ChangedBy = "Endret av",
        PersonNotFound = typed => $"Jeg finner ingen i organisasjonen som heter eller har e-post «{typed}».",
        PersonAmbiguous = (typed, names) => $"Flere passer til «{typed}»: {string.Join(", ", names)}. Skriv e-postadressen.",
        NotPlanned = "Avtalen er allerede gjennomført eller avlyst, og kan ikke endres.",
        ChangedMeanwhile = "Noen endret avtalen i mellomtiden. Last inn på nytt og prøv igjen.",
        InThePast = "Tidspunktet har passert. Velg et senere tidspunkt.",
        Weekend = "Datoen er en lørdag eller søndag. Velg en arbeidsdag.",
        PublicHoliday = name => $"Datoen er en helligdag ({name}). Velg en arbeidsdag.",
        Blackout = (name, from, to) => $"Datoen er i {name} ({from}–{to}), da planlegges ingen revisjoner eller besøk.",
        OutsideWorkingHours = (from, to) => $"Avtalen må ligge innenfor arbeidstiden, {from}–{to}.",
        BoardMeeting = "Tidspunktet kolliderer med enhetens tavlemøte.",
        OutsidePeriod = (from, to) => $"Datoen må være mellom {from} og {to}.",
        ReviewSpacing = (from, to) => "Enhetens revisjoner skal ligge 22–30 uker fra hverandre" + (from, to) switch
        {
            (not null, not null) => $": velg en dato mellom {from} og {to}.",
            (not null, null) => $": velg en dato fra {from}.",
            (null, not null) => $": velg en dato til og med {to}.",
            _ => ".",
        },
        UnknownPerson = "Den nye ansvarlige må være en person i organisasjonen.",
        SameOwner = "Personen er allerede ansvarlig for avtalen.",
        WalkApart = (other, when) => $"Merk: {other.ToLowerInvariant()} er {when}, og besøket skal være før revisjonen, samme uke eller uken før. Flytt den også, ellers flytter neste «gemba plan» den.",
        PersonBusy = (person, other, when) => $"Merk: {person} har {other} {when}.",
    };

    private static readonly ChangeTexts Nynorsk = new()
    {
        Language = Language.Nn,
        Usage = "Skriv til dømes «gemba flytt Byggjesak revisjon 2027-03-10 09:00», «gemba avlys Byggjesak besøk» eller «gemba ansvarleg Byggjesak revisjon kari.nordby@kommune.no». "
            + "Typane er revisjon, besøk og fiskebein; det gjeld den neste planlagde av den typen i eininga.",
        KindWords = KindWordsOf(["revisjon", "halvårleg revisjon"], ["besøk", "gemba-besøk", "gembabesøk"], ["fiskebein", "fiskebeinsanalyse"]),
        NoAppointment = (kind, unit) => $"{unit} har ingen planlagd {kind.ToLowerInvariant()} som kan endrast.",
        MovedAnswer = (kind, unit, when, told) => $"{kind} – {unit} er flytta til {when}. " + Told(told, "person", "personar", "får melding", "Ingen andre trong melding"),
        CancelledAnswer = (kind, unit, told) => $"{kind} – {unit} er avlyst. " + Told(told, "person", "personar", "får melding", "Ingen andre trong melding"),
        ReassignedAnswer = (kind, unit, owner, told) => $"{owner} er no ansvarleg for {kind.ToLowerInvariant()} – {unit}. " + Told(told, "person", "personar", "får melding", "Ingen andre trong melding"),
        MovedTitle = (kind, unit) => $"Flytta: {kind} – {unit}",
        CancelledTitle = (kind, unit) => $"Avlyst: {kind} – {unit}",
        ReassignedTitle = (kind, unit) => $"Ny ansvarleg: {kind} – {unit}",
        Was = "Før",
        Owner = "Ansvarleg",
        ChangedBy = "Endra av",
        PersonNotFound = typed => $"Eg finn ingen i organisasjonen som heiter eller har e-post «{typed}».",
        PersonAmbiguous = (typed, names) => $"Fleire passar til «{typed}»: {string.Join(", ", names)}. Skriv e-postadressa.",
        NotPlanned = "Avtalen er alt gjennomført eller avlyst, og kan ikkje endrast.",
        ChangedMeanwhile = "Nokon endra avtalen i mellomtida. Last inn på nytt og prøv igjen.",
        InThePast = "Tidspunktet er passert. Vel eit seinare tidspunkt.",
        Weekend = "Datoen er ein laurdag eller sundag. Vel ein arbeidsdag.",
        PublicHoliday = name => $"Datoen er ein heilagdag ({name}). Vel ein arbeidsdag.",
        Blackout = (name, from, to) => $"Datoen er i {name} ({from}–{to}), då blir det ikkje planlagt revisjonar eller besøk.",
        OutsideWorkingHours = (from, to) => $"Avtalen må liggje innanfor arbeidstida, {from}–{to}.",
        BoardMeeting = "Tidspunktet kolliderer med tavlemøtet til eininga.",
        OutsidePeriod = (from, to) => $"Datoen må vere mellom {from} og {to}.",
        ReviewSpacing = (from, to) => "Revisjonane til eininga skal liggje 22–30 veker frå kvarandre" + (from, to) switch
        {
            (not null, not null) => $": vel ein dato mellom {from} og {to}.",
            (not null, null) => $": vel ein dato frå {from}.",
            (null, not null) => $": vel ein dato til og med {to}.",
            _ => ".",
        },
        UnknownPerson = "Den nye ansvarlege må vere ein person i organisasjonen.",
        SameOwner = "Personen er alt ansvarleg for avtalen.",
        WalkApart = (other, when) => $"Merk: {other.ToLowerInvariant()} er {when}, og besøket skal vere før revisjonen, same veke eller veka før. Flytt han også, elles flyttar neste «gemba plan» han.",
        PersonBusy = (person, other, when) => $"Merk: {person} har {other} {when}.",
    };

    private static readonly ChangeTexts Swedish = new()
    {
        Language = Language.Sv,
        Usage = "Skriv till exempel ”gemba flytta Bygglov uppföljning 2027-03-10 09:00”, ”gemba ställ in Bygglov besök” eller ”gemba ansvarig Bygglov uppföljning anna.berg@kommun.se”. "
            + "Typerna är uppföljning, besök och fiskben; det gäller enhetens nästa planerade av den typen.",
        KindWords = KindWordsOf(["uppföljning", "halvårsuppföljning", "revision", "halvårsrevision"], ["besök", "gemba-besök", "gembabesök"], ["fiskben", "fiskbensanalys"]),
        NoAppointment = (kind, unit) => $"{unit} har ingen planerad {kind.ToLowerInvariant()} som kan ändras.",
        MovedAnswer = (kind, unit, when, told) => $"{kind} – {unit} är flyttad till {when}. " + Told(told, "person", "personer", "får besked", "Ingen annan behövde besked"),
        CancelledAnswer = (kind, unit, told) => $"{kind} – {unit} är inställd. " + Told(told, "person", "personer", "får besked", "Ingen annan behövde besked"),
        ReassignedAnswer = (kind, unit, owner, told) => $"{owner} är nu ansvarig för {kind.ToLowerInvariant()} – {unit}. " + Told(told, "person", "personer", "får besked", "Ingen annan behövde besked"),
        MovedTitle = (kind, unit) => $"Flyttat: {kind} – {unit}",
        CancelledTitle = (kind, unit) => $"Inställt: {kind} – {unit}",
        ReassignedTitle = (kind, unit) => $"Ny ansvarig: {kind} – {unit}",
        Was = "Tidigare",
        Owner = "Ansvarig",
        ChangedBy = "Ändrat av",
        PersonNotFound = typed => $"Jag hittar ingen i organisationen som heter eller har e-post ”{typed}”.",
        PersonAmbiguous = (typed, names) => $"Flera passar in på ”{typed}”: {string.Join(", ", names)}. Skriv e-postadressen.",
        NotPlanned = "Mötet är redan genomfört eller inställt och kan inte ändras.",
        ChangedMeanwhile = "Någon ändrade mötet under tiden. Ladda om och försök igen.",
        InThePast = "Tidpunkten har passerat. Välj en senare tidpunkt.",
        Weekend = "Datumet är en lördag eller söndag. Välj en arbetsdag.",
        PublicHoliday = name => $"Datumet är en helgdag ({name}). Välj en arbetsdag.",
        Blackout = (name, from, to) => $"Datumet ligger i {name} ({from}–{to}), då planeras inga halvårsuppföljningar eller besök.",
        OutsideWorkingHours = (from, to) => $"Mötet måste ligga inom arbetstiden, {from}–{to}.",
        BoardMeeting = "Tidpunkten krockar med enhetens tavelmöte.",
        OutsidePeriod = (from, to) => $"Datumet måste vara mellan {from} och {to}.",
        ReviewSpacing = (from, to) => "Enhetens halvårsuppföljningar ska ligga 22–30 veckor från varandra" + (from, to) switch
        {
            (not null, not null) => $": välj ett datum mellan {from} och {to}.",
            (not null, null) => $": välj ett datum från {from}.",
            (null, not null) => $": välj ett datum till och med {to}.",
            _ => ".",
        },
        UnknownPerson = "Den nya ansvariga måste vara en person i organisationen.",
        SameOwner = "Personen är redan ansvarig för mötet.",
        WalkApart = (other, when) => $"Obs: {other.ToLowerInvariant()} är {when}, och besöket ska vara före halvårsuppföljningen, samma vecka eller veckan före. Flytta den också, annars flyttar nästa ”gemba plan” den.",
        PersonBusy = (person, other, when) => $"Obs: {person} har {other} {when}.",
    };

    private static readonly ChangeTexts English = new()
    {
        Language = Language.En,
        Usage = "Type for example \"gemba move Byggesak review 2027-03-10 09:00\", \"gemba cancel Byggesak walk\" or \"gemba owner Byggesak review kari.nordby@kommune.no\". "
            + "The kinds are review, walk and fishbone; it is the unit's next planned one of that kind.",
        KindWords = KindWordsOf(["review", "semi-annual review"], ["walk", "gemba walk", "gemba-walk"], ["fishbone", "fishbone analysis"]),
        NoAppointment = (kind, unit) => $"{unit} has no planned {kind.ToLowerInvariant()} that can be changed.",
        MovedAnswer = (kind, unit, when, told) => $"{kind} – {unit} is moved to {when}. " + Told(told, "person is", "people are", "told", "Nobody else needed telling"),
        CancelledAnswer = (kind, unit, told) => $"{kind} – {unit} is cancelled. " + Told(told, "person is", "people are", "told", "Nobody else needed telling"),
        ReassignedAnswer = (kind, unit, owner, told) => $"{owner} now leads the {kind.ToLowerInvariant()} – {unit}. " + Told(told, "person is", "people are", "told", "Nobody else needed telling"),
        MovedTitle = (kind, unit) => $"Moved: {kind} – {unit}",
        CancelledTitle = (kind, unit) => $"Cancelled: {kind} – {unit}",
        ReassignedTitle = (kind, unit) => $"New owner: {kind} – {unit}",
        Was = "Was",
        Owner = "Owner",
        ChangedBy = "Changed by",
        PersonNotFound = typed => $"I can't find anyone in the organisation named \"{typed}\" or with that e-mail.",
        PersonAmbiguous = (typed, names) => $"Several people match \"{typed}\": {string.Join(", ", names)}. Type the e-mail address.",
        NotPlanned = "The appointment has already been held or cancelled and cannot change.",
        ChangedMeanwhile = "Someone changed the appointment meanwhile. Reload and try again.",
        InThePast = "That time has passed. Choose a later one.",
        Weekend = "The date is a Saturday or Sunday. Choose a working day.",
        PublicHoliday = name => $"The date is a public holiday ({name}). Choose a working day.",
        Blackout = (name, from, to) => $"The date is in {name} ({from}–{to}), when no reviews or walks are planned.",
        OutsideWorkingHours = (from, to) => $"The appointment must be within working hours, {from}–{to}.",
        BoardMeeting = "That time clashes with the unit's board meeting.",
        OutsidePeriod = (from, to) => $"The date must be between {from} and {to}.",
        ReviewSpacing = (from, to) => "A unit's reviews are 22–30 weeks apart" + (from, to) switch
        {
            (not null, not null) => $": choose a date between {from} and {to}.",
            (not null, null) => $": choose a date from {from}.",
            (null, not null) => $": choose a date up to {to}.",
            _ => ".",
        },
        UnknownPerson = "The new owner must be a person of the organisation.",
        SameOwner = "That person already leads the appointment.",
        WalkApart = (other, when) => $"Note: the {other.ToLowerInvariant()} is {when}, and the walk belongs before the review, in its week or the week before. Move that one too, or the next \"gemba plan\" will.",
        PersonBusy = (person, other, when) => $"Note: {person} has {other} {when}.",
    };

    private static string Told(int count, string one, string many, string verb, string none) =>
        count == 0 ? $"{none}." : $"{count} {(count == 1 ? one : many)} {verb}.";

    private static Dictionary<string, AppointmentKind> KindWordsOf(string[] review, string[] walk, string[] fishbone)
    {
        var words = new Dictionary<string, AppointmentKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var w in review)
        {
            words[w] = AppointmentKind.SemiAnnualReview;
        }

        foreach (var w in walk)
        {
            words[w] = AppointmentKind.GembaWalk;
        }

        foreach (var w in fishbone)
        {
            words[w] = AppointmentKind.FishboneAnalysis;
        }

        return words;
    }
}
