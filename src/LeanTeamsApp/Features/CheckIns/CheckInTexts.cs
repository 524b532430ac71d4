using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Features.CheckIns;

/// <summary>What the check-in card and its answers say, per language (a missing text is a compile error).</summary>
public sealed record CheckInTexts
{
    public required Func<string, string, string> Title { get; init; }
    public required string Intro { get; init; }
    public required string Held { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string WhyNotHeld { get; init; }

    /// <summary>The one-tap answer: held, and nothing new to report.</summary>
    public required string NothingNew { get; init; }

    /// <summary>Held, with something to report: shows what a held meeting asks for.</summary>
    public required string HeldFillIn { get; init; }

    /// <summary>Not held: shows only why not.</summary>
    public required string NotHeldChoice { get; init; }

    /// <summary>How a check-in given with one tap reads on the summary, after "yes".</summary>
    public required string NothingNewSummary { get; init; }
    public required IReadOnlyDictionary<NotHeldReason, string> Reasons { get; init; }
    public required string Attendance { get; init; }
    public required string Goals { get; init; }
    public required IReadOnlyDictionary<GoalStatus, string> Statuses { get; init; }
    public required string ImprovementsNew { get; init; }
    public required string ImprovementsNewHint { get; init; }
    public required string OpenImprovements { get; init; }
    public required string OpenImprovementsHint { get; init; }
    public required Func<string, string> DoneAwaitingBenefit { get; init; }
    public required Func<int, string> MoreOpen { get; init; }
    public required string ImprovementsMoved { get; init; }
    public required string TypedFigures { get; init; }
    public required string Deviations { get; init; }
    public required string DeviationsHint { get; init; }
    public required string Benefit { get; init; }
    public required IReadOnlyDictionary<BenefitKind, string> Kinds { get; init; }
    public required string Kind { get; init; }
    public required string Amount { get; init; }
    public required string Measure { get; init; }
    public required IReadOnlyDictionary<BenefitMeasure, string> Measures { get; init; }
    public required string AffectsOthers { get; init; }

    /// <summary>A unit chosen as affected that the organisation does not have (any more): the card is not ours, or old.</summary>
    public required string AffectsUnknown { get; init; }

    /// <summary>A unit chosen as affected that was archived (closed down or merged) after the card was sent.</summary>
    public required Func<string, string> AffectsArchived { get; init; }

    /// <summary>More units chosen as affected than a card can take ({0} in all, {1} outside the unit's service area); the first are kept.</summary>
    public required Func<int, int, string> AffectsTooMany { get; init; }
    public required string NeedHelp { get; init; }
    public required string Note { get; init; }
    public required string Send { get; init; }
    public required string Edit { get; init; }
    public required string Required { get; init; }
    public required Func<int, int, string> Range { get; init; }

    /// <summary>The label of a goal's indicator value: the indicator's name and its target.</summary>
    public required Func<string, string, string> IndicatorValue { get; init; }

    /// <summary>The indicator values are optional: a board that has not counted this week leaves them empty.</summary>
    public required string IndicatorHint { get; init; }

    public required Func<string, string> IndicatorRange { get; init; }
    public required Func<int, string> TooLong { get; init; }
    public required Func<int, int, string> TooManyLines { get; init; }
    public required string BenefitIncomplete { get; init; }

    /// <summary>The improvements done with no benefit recorded for the organisation's number of weeks, and that number.</summary>
    public required Func<string, int, string> ChaseBenefit { get; init; }

    /// <summary>The label of the choice of improvement a benefit belongs to.</summary>
    public required string BenefitOf { get; init; }
    public required string AmountNotANumber { get; init; }

    /// <summary>Measure, its largest amount, and whether it is a whole number (a count).</summary>
    public required Func<string, string, bool, string> AmountOutOfRange { get; init; }
    public required string TooLongAltogether { get; init; }

    /// <summary>The help field's short name, for a message about it.</summary>
    public required string HelpField { get; init; }

    /// <summary>A message that names its field: "Note: at most 1000 characters."</summary>
    public Func<string, string, string> Field { get; init; } = (field, message) => $"{field}: {message}";
    public required string FixBelow { get; init; }
    public required Func<string, string, string> SubmittedBy { get; init; }
    public required string NotHeldSummary { get; init; }
    public required Func<int, string> AttendanceSummary { get; init; }
    public required Func<int, int, int, string> ImprovementsSummary { get; init; }
    public required string Closed { get; init; }

    /// <summary>A card for a date that was not the unit's meeting that week: unit, that date, the meeting that week.</summary>
    public required Func<string, string, string, string> NotDue { get; init; }
    public required string NoUnit { get; init; }
    public required string ChangedMeanwhile { get; init; }
    public required Func<string, string, string> Reminder { get; init; }
    public required Func<string, int, string> StatusTitle { get; init; }

    /// <summary>On a check-in shown to someone who sees the unit but does not report for it: why they cannot change it.</summary>
    public required Func<string, string> ReadOnly { get; init; }

    /// <summary>The unit, the meeting's date: no check-in yet, to someone who does not report for the unit.</summary>
    public required Func<string, string, string> NotGivenYet { get; init; }
    public required Func<int, string, string> Week { get; init; }
    public required string NoReport { get; init; }
    public required string DayOff { get; init; }

    public required Func<string, string, string, string> TwoWeeksMissed { get; init; }

    public static CheckInTexts For(Language language) => OwnTerms.In(
        language switch
        {
            Language.Sv => Swedish,
            Language.En => English,
            Language.Nn => Nynorsk,
            _ => Norwegian,
        },
        language);

    private static readonly CheckInTexts Norwegian = new()
    {
        Title = (unit, date) => $"Statusrapport etter tavlemøtet – {unit}, {date}",
        Intro = "Ingenting nytt siden sist? Da holder ett trykk.",
        Held = "Ble tavlemøtet gjennomført?",
        Yes = "Ja",
        No = "Nei",
        WhyNotHeld = "Hvorfor ikke?",
        NothingNew = "Gjennomført, ikke noe nytt",
        HeldFillIn = "Gjennomført – fyll ut",
        NotHeldChoice = "Ikke gjennomført",
        NothingNewSummary = "ikke noe nytt",
        Reasons = new Dictionary<NotHeldReason, string>
        {
            [NotHeldReason.LeaderAbsent] = "Leder borte, ingen stedfortreder",
            [NotHeldReason.TooBusy] = "For travelt",
            [NotHeldReason.HolidayOrClosure] = "Ferie eller stengt",
            [NotHeldReason.TooFewPresent] = "For få til stede",
            [NotHeldReason.Other] = "Annet (skriv i notatet)",
        },
        Attendance = "Hvor mange deltok?",
        Goals = "Status på målene",
        Statuses = Glossary.Labels<GoalStatus>("goalStatus.", Language.Nb),
        ImprovementsNew = "Nye forbedringer",
        ImprovementsNewHint = "Én per linje – de føres inn i enhetens forbedringsliste",
        OpenImprovements = "Forbedringer på tavlen",
        OpenImprovementsHint = "Sett den nye fasen for dem dere flyttet på tavlen i dag.",
        DoneAwaitingBenefit = titles => $"Ferdig, venter på gevinst: {titles}",
        MoreOpen = n => $"… og {n} til. Skriv «forbedringer» for å se alle.",
        ImprovementsMoved = "Flyttet på tavlen",
        TypedFigures = "Forbedringer (tastet inn)",
        Deviations = "Nye avvik",
        DeviationsHint = "Ett avvik per linje",
        Benefit = "Gevinst realisert denne uken",
        Kinds = Glossary.Labels<BenefitKind>("benefitKind.", Language.Nb),
        Kind = "Type gevinst",
        Amount = "Verdi",
        Measure = "Måleenhet",
        Measures = Glossary.Labels<BenefitMeasure>("measure.", Language.Nb, capitalised: false),
        AffectsOthers = "Påvirker det andre enheter?",
        AffectsUnknown = "En av enhetene du valgte, finnes ikke i organisasjonen. Velg på nytt.",
        AffectsArchived = name => $"{name} er arkivert (lagt ned eller slått sammen) og ble tatt ut. Velg enheten som har overtatt arbeidet, og send på nytt.",
        AffectsTooMany = (all, outside) => $"Velg høyst {all} enheter, og høyst {outside} utenfor tjenesteområdet deres. De første er beholdt: se over og send på nytt.",
        NeedHelp = "Trenger dere hjelp fra Utviklingsenheten? Skriv hva dere trenger hjelp til",
        Note = "Notat",
        Send = "Send",
        Edit = "Rediger",
        Required = "Må fylles ut.",
        Range = (min, max) => $"Skriv et tall fra {min} til {max}.",
        IndicatorValue = (name, target) => $"{name} nå (mål: {target})",
        IndicatorHint = "Tallene er frivillige: la feltet stå tomt om dere ikke har målt denne uken.",
        IndicatorRange = max => $"Skriv et tall mellom -{max} og {max}.",
        TooLong = max => $"Høyst {max} tegn.",
        TooManyLines = (lines, max) => $"Høyst {lines} linjer, hver på høyst {max} tegn.",
        BenefitIncomplete = "Fyll ut type, verdi og enhet for gevinsten, eller la alle tre stå tomme.",
        BenefitOf = "Gevinsten av forbedringen (valgfritt)",
        ChaseBenefit = (titles, weeks) => $"Registrer gevinsten av {titles}: ferdig for mer enn {weeks} uker siden, uten registrert gevinst. Velg forbedringen under.",
        AmountNotANumber = "Skriv et vanlig tall, for eksempel 12.5.",
        AmountOutOfRange = (measure, max, whole) => whole ? $"Skriv et heltall fra 1 til {max} ({measure})." : $"Skriv et tall over 0 og høyst {max} ({measure}), med høyst to desimaler.",
        TooLongAltogether = "Statusrapporten blir for lang til å lagres. Skriv kortere her.",
        HelpField = "Hjelp",
        FixBelow = "Noe mangler – se merknadene under. Ingenting er lagret ennå.",
        SubmittedBy = (who, when) => $"Sendt av {who} {when}",
        NotHeldSummary = "Tavlemøtet ble ikke gjennomført",
        AttendanceSummary = n => $"{n} deltok",
        ImprovementsSummary = (n, p, d) => $"Forbedringer: {n} {(n == 1 ? "ny" : "nye")}, {p} pågår, {d} {(d == 1 ? "ferdig" : "ferdige")}",
        Closed = "Denne statusrapporten kan ikke endres lenger: neste tavlemøte har startet.",
        NotDue = (unit, date, due) => $"{unit} hadde ikke tavlemøte {date}: den uken var møtet {due}. Ingenting ble lagret.",
        NoUnit = "Jeg vet ikke hvilken enhet du rapporterer for. Bruk kommandoen i enhetens kanal, eller be Lean-koordinatoren legge deg til som leder eller koordinator.",
        ChangedMeanwhile = "Noen andre endret rapporten samtidig. Her er den lagrede versjonen – rediger på nytt om nødvendig.",
        StatusTitle = (unit, weeks) => $"{unit} – de siste {weeks} tavlemøtene",
        ReadOnly = unit => $"Du ser statusrapporten til {unit}. Bare enhetslederen og enhetskoordinatorene kan sende eller rette den.",
        NotGivenYet = (unit, date) => $"{unit} har ikke sendt statusrapporten for tavlemøtet {date} ennå. Bare enhetslederen og enhetskoordinatorene kan sende den; «status {unit}» viser de siste tavlemøtene.",
        Week = (week, date) => $"Uke {week} ({date})",
        NoReport = "Ingen statusrapport",
        DayOff = "Fridag – ingen rapport forventet",
        Reminder = (unit, date) => $"Påminnelse: statusrapporten etter tavlemøtet {date} for {unit} er ikke sendt ennå. Den tar to minutter:",
        TwoWeeksMissed = (unit, earlier, later) => $"{unit} har ikke sendt statusrapport etter tavlemøtene {earlier} og {later}. Kanskje enheten trenger støtte med tavlemøtene? Lean-koordinatoren hjelper gjerne.",
    };

    private static readonly CheckInTexts Nynorsk = new()
    {
        Title = (unit, date) => $"Statusrapport etter tavlemøtet – {unit}, {date}",
        Intro = "Ikkje noko nytt sidan sist? Då held det med eitt trykk.",
        Held = "Vart tavlemøtet gjennomført?",
        Yes = "Ja",
        No = "Nei",
        WhyNotHeld = "Kvifor ikkje?",
        NothingNew = "Gjennomført, ikkje noko nytt",
        HeldFillIn = "Gjennomført – fyll ut",
        NotHeldChoice = "Ikkje gjennomført",
        NothingNewSummary = "ikkje noko nytt",
        Reasons = new Dictionary<NotHeldReason, string>
        {
            [NotHeldReason.LeaderAbsent] = "Leiaren borte, ingen stadfortredar",
            [NotHeldReason.TooBusy] = "For travelt",
            [NotHeldReason.HolidayOrClosure] = "Ferie eller stengt",
            [NotHeldReason.TooFewPresent] = "For få til stades",
            [NotHeldReason.Other] = "Anna (skriv i notatet)",
        },
        Attendance = "Kor mange deltok?",
        Goals = "Status på måla",
        Statuses = new Dictionary<GoalStatus, string> { [GoalStatus.Green] = "Grøn – i rute", [GoalStatus.Yellow] = "Gul – litt etter plan", [GoalStatus.Red] = "Raud – etter plan" },
        ImprovementsNew = "Nye forbetringar",
        ImprovementsNewHint = "Éi per linje – dei blir førte inn i forbetringslista til eininga",
        OpenImprovements = "Forbetringar på tavla",
        OpenImprovementsHint = "Set den nye fasen for dei de flytta på tavla i dag.",
        DoneAwaitingBenefit = titles => $"Ferdige, ventar på gevinst: {titles}",
        MoreOpen = n => $"… og {n} til. Skriv «forbetringar» for å sjå alle.",
        ImprovementsMoved = "Flytta på tavla",
        TypedFigures = "Forbetringar (tasta inn)",
        Deviations = "Nye avvik",
        DeviationsHint = "Eitt avvik per linje",
        Benefit = "Gevinst realisert denne veka",
        Kinds = new Dictionary<BenefitKind, string>
        {
            [BenefitKind.TimeSaved] = "Spart tid",
            [BenefitKind.Money] = "Pengar",
            [BenefitKind.Quality] = "Kvalitet",
            [BenefitKind.LeadTime] = "Kortare leietid",
            [BenefitKind.CapacityFreed] = "Frigjord kapasitet",
            [BenefitKind.UserSatisfaction] = "Brukartilfredsheit",
        },
        Kind = "Type gevinst",
        Amount = "Verdi",
        Measure = "Måleeining",
        Measures = new Dictionary<BenefitMeasure, string>
        {
            [BenefitMeasure.Hours] = "timar",
            [BenefitMeasure.Nok] = "NOK",
            [BenefitMeasure.Sek] = "SEK",
            [BenefitMeasure.DaysOfLeadTime] = "dagar leietid",
            [BenefitMeasure.PlacesFreed] = "frigjorde plassar",
        },
        AffectsOthers = "Påverkar det andre einingar?",
        AffectsUnknown = "Ei av einingane du valde, finst ikkje i organisasjonen. Vel på nytt.",
        AffectsArchived = name => $"{name} er arkivert (lagd ned eller slått saman) og vart teken ut. Vel eininga som har teke over arbeidet, og send på nytt.",
        AffectsTooMany = (all, outside) => $"Vel høgst {all} einingar, og høgst {outside} utanfor tenesteområdet dykkar. Dei første er haldne på: sjå over og send på nytt.",
        NeedHelp = "Treng de hjelp frå utviklingseininga? Skriv kva de treng hjelp til",
        Note = "Notat",
        Send = "Send",
        Edit = "Rediger",
        Required = "Må fyllast ut.",
        Range = (min, max) => $"Skriv eit tal frå {min} til {max}.",
        IndicatorValue = (name, target) => $"{name} no (mål: {target})",
        IndicatorHint = "Tala er frivillige: la feltet stå tomt om de ikkje har målt denne veka.",
        IndicatorRange = max => $"Skriv eit tal mellom -{max} og {max}.",
        TooLong = max => $"Høgst {max} teikn.",
        TooManyLines = (lines, max) => $"Høgst {lines} linjer, kvar på høgst {max} teikn.",
        BenefitIncomplete = "Fyll ut type, verdi og eining for gevinsten, eller la alle tre stå tomme.",
        AmountNotANumber = "Skriv eit vanleg tal, til dømes 12.5.",
        AmountOutOfRange = (measure, max, whole) => whole ? $"Skriv eit heiltal frå 1 til {max} ({measure})." : $"Skriv eit tal over 0 og høgst {max} ({measure}), med høgst to desimalar.",
        TooLongAltogether = "Statusrapporten blir for lang til å lagrast. Skriv kortare her.",
        HelpField = "Hjelp",
        FixBelow = "Noko manglar – sjå merknadene under. Ingenting er lagra enno.",
        SubmittedBy = (who, when) => $"Sendt av {who} {when}",
        NotHeldSummary = "Tavlemøtet vart ikkje gjennomført",
        AttendanceSummary = n => $"{n} deltok",
        ImprovementsSummary = (n, p, d) => $"Forbetringar: {n} nye, {p} pågår, {d} ferdige",
        Closed = "Denne statusrapporten kan ikkje endrast lenger: neste tavlemøte har starta.",
        NotDue = (unit, date, due) => $"{unit} hadde ikkje tavlemøte {date}: den veka var møtet {due}. Ingenting vart lagra.",
        NoUnit = "Eg veit ikkje kva eining du rapporterer for. Bruk kommandoen i kanalen til eininga, eller be Lean-koordinatoren leggje deg til som leiar eller koordinator.",
        ChangedMeanwhile = "Nokon andre endra rapporten samtidig. Her er den lagra versjonen – rediger på nytt om det trengst.",
        StatusTitle = (unit, weeks) => $"{unit} – dei siste {weeks} tavlemøta",
        Week = (week, date) => $"Veke {week} ({date})",
        NoReport = "Ingen statusrapport",
        DayOff = "Fridag – ingen rapport forventa",
        Reminder = (unit, date) => $"Påminning: statusrapporten etter tavlemøtet {date} for {unit} er ikkje send enno. Han tek to minutt:",
        TwoWeeksMissed = (unit, earlier, later) => $"{unit} har ikkje sendt statusrapport etter tavlemøta {earlier} og {later}. Kanskje eininga treng støtte med tavlemøta? Lean-koordinatoren hjelper gjerne.",
        BenefitOf = "Gevinsten av forbetringa (valfritt)",
        ChaseBenefit = (titles, weeks) => $"Registrer gevinsten av {titles}: ferdig for meir enn {weeks} veker sidan, utan registrert gevinst. Vel forbetringa under.",
        ReadOnly = unit => $"Du ser statusrapporten til {unit}. Berre einingsleiaren og einingskoordinatorane kan sende eller rette han.",
        NotGivenYet = (unit, date) => $"{unit} har ikkje sendt statusrapporten for tavlemøtet {date} enno. Berre einingsleiaren og einingskoordinatorane kan sende han; «status {unit}» viser dei siste tavlemøta.",
    };

    private static readonly CheckInTexts Swedish = new()
    {
        Title = (unit, date) => $"Statusrapport efter tavelmötet – {unit}, {date}",
        Intro = "Inget nytt sedan sist? Då räcker ett tryck.",
        Held = "Genomfördes tavelmötet?",
        Yes = "Ja",
        No = "Nej",
        WhyNotHeld = "Varför inte?",
        NothingNew = "Genomfört, inget nytt",
        HeldFillIn = "Genomfört – fyll i",
        NotHeldChoice = "Inte genomfört",
        NothingNewSummary = "inget nytt",
        Reasons = new Dictionary<NotHeldReason, string>
        {
            [NotHeldReason.LeaderAbsent] = "Chefen borta, ingen ersättare",
            [NotHeldReason.TooBusy] = "För mycket att göra",
            [NotHeldReason.HolidayOrClosure] = "Semester eller stängt",
            [NotHeldReason.TooFewPresent] = "För få på plats",
            [NotHeldReason.Other] = "Annat (skriv i anteckningen)",
        },
        Attendance = "Hur många deltog?",
        Goals = "Status för målen",
        Statuses = Glossary.Labels<GoalStatus>("goalStatus.", Language.Sv),
        ImprovementsNew = "Nya förbättringar",
        ImprovementsNewHint = "En per rad – de läggs in i enhetens förbättringslista",
        OpenImprovements = "Förbättringar på tavlan",
        OpenImprovementsHint = "Ange den nya fasen för dem ni flyttade på tavlan i dag.",
        DoneAwaitingBenefit = titles => $"Genomförda, väntar på nytta: {titles}",
        MoreOpen = n => $"… och {n} till. Skriv ”förbättringar” för att se alla.",
        ImprovementsMoved = "Flyttade på tavlan",
        TypedFigures = "Förbättringar (inskrivna)",
        Deviations = "Nya avvikelser",
        DeviationsHint = "En avvikelse per rad",
        Benefit = "Nytta som realiserats den här veckan",
        Kinds = Glossary.Labels<BenefitKind>("benefitKind.", Language.Sv),
        Kind = "Typ av nytta",
        Amount = "Mängd",
        Measure = "Måttenhet",
        Measures = Glossary.Labels<BenefitMeasure>("measure.", Language.Sv, capitalised: false),
        AffectsOthers = "Påverkar det andra enheter?",
        AffectsUnknown = "En av enheterna du valde finns inte i organisationen. Välj igen.",
        AffectsArchived = name => $"{name} är arkiverad (nedlagd eller sammanslagen) och togs bort. Välj enheten som har tagit över arbetet och skicka igen.",
        AffectsTooMany = (all, outside) => $"Välj högst {all} enheter, och högst {outside} utanför ert verksamhetsområde. De första har behållits: se över och skicka igen.",
        NeedHelp = "Behöver ni hjälp från utvecklingsenheten? Skriv med vad",
        Note = "Anteckning",
        Send = "Skicka",
        Edit = "Redigera",
        Required = "Måste fyllas i.",
        Range = (min, max) => $"Skriv ett tal från {min} till {max}.",
        IndicatorValue = (name, target) => $"{name} nu (mål: {target})",
        IndicatorHint = "Siffrorna är frivilliga: lämna fältet tomt om ni inte har mätt den här veckan.",
        IndicatorRange = max => $"Skriv ett tal mellan -{max} och {max}.",
        TooLong = max => $"Högst {max} tecken.",
        TooManyLines = (lines, max) => $"Högst {lines} rader, var och en på högst {max} tecken.",
        BenefitIncomplete = "Fyll i typ, mängd och enhet för nyttan, eller lämna alla tre tomma.",
        BenefitOf = "Nyttan av förbättringen (valfritt)",
        ChaseBenefit = (titles, weeks) => $"Registrera nyttan av {titles}: genomförd för mer än {weeks} veckor sedan, utan registrerad nytta. Välj förbättringen nedan.",
        AmountNotANumber = "Skriv ett vanligt tal, till exempel 12.5.",
        AmountOutOfRange = (measure, max, whole) => whole ? $"Skriv ett heltal från 1 till {max} ({measure})." : $"Skriv ett tal över 0 och högst {max} ({measure}), med högst två decimaler.",
        TooLongAltogether = "Statusrapporten blir för lång för att sparas. Skriv kortare här.",
        HelpField = "Hjälp",
        FixBelow = "Något saknas – se anmärkningarna nedan. Inget är sparat ännu.",
        SubmittedBy = (who, when) => $"Skickad av {who} {when}",
        NotHeldSummary = "Tavelmötet genomfördes inte",
        AttendanceSummary = n => $"{n} deltog",
        ImprovementsSummary = (n, p, d) => $"Förbättringar: {n} {(n == 1 ? "ny" : "nya")}, {p} pågår, {d} {(d == 1 ? "klar" : "klara")}",
        Closed = "Den här statusrapporten kan inte ändras längre: nästa tavelmöte har börjat.",
        NotDue = (unit, date, due) => $"{unit} hade inget tavelmöte {date}: den veckan var mötet {due}. Inget sparades.",
        NoUnit = "Jag vet inte vilken enhet du rapporterar för. Använd kommandot i enhetens kanal, eller be leansamordnaren lägga till dig som chef eller koordinator.",
        ChangedMeanwhile = "Någon annan ändrade rapporten samtidigt. Här är den sparade versionen – redigera igen vid behov.",
        StatusTitle = (unit, weeks) => $"{unit} – de senaste {weeks} tavelmötena",
        ReadOnly = unit => $"Du ser statusrapporten för {unit}. Bara chefen och enhetens koordinatorer kan skicka eller rätta den.",
        NotGivenYet = (unit, date) => $"{unit} har inte skickat statusrapporten för tavelmötet {date} ännu. Bara chefen och enhetens koordinatorer kan skicka den; ”status {unit}” visar de senaste tavelmötena.",
        Week = (week, date) => $"Vecka {week} ({date})",
        NoReport = "Ingen statusrapport",
        DayOff = "Ledig dag – ingen rapport väntad",
        Reminder = (unit, date) => $"Påminnelse: statusrapporten efter tavelmötet {date} för {unit} är inte skickad ännu. Den tar två minuter:",
        TwoWeeksMissed = (unit, earlier, later) => $"{unit} har inte skickat statusrapport efter tavelmötena {earlier} och {later}. Kanske behöver enheten stöd med tavelmötena? Leansamordnaren hjälper gärna till.",
    };

    private static readonly CheckInTexts English = new()
    {
        Title = (unit, date) => $"Board meeting check-in – {unit}, {date}",
        Intro = "Nothing new since last time? Then one tap is enough.",
        Held = "Was the board meeting held?",
        Yes = "Yes",
        No = "No",
        WhyNotHeld = "Why not?",
        NothingNew = "Held, nothing new",
        HeldFillIn = "Held – fill in",
        NotHeldChoice = "Not held",
        NothingNewSummary = "nothing new",
        Reasons = new Dictionary<NotHeldReason, string>
        {
            [NotHeldReason.LeaderAbsent] = "Leader away, no stand-in",
            [NotHeldReason.TooBusy] = "Too busy",
            [NotHeldReason.HolidayOrClosure] = "Holiday or closed",
            [NotHeldReason.TooFewPresent] = "Too few present",
            [NotHeldReason.Other] = "Other (say in the note)",
        },
        Attendance = "How many attended?",
        Goals = "Goal status",
        Statuses = Glossary.Labels<GoalStatus>("goalStatus.", Language.En),
        ImprovementsNew = "New improvements",
        ImprovementsNewHint = "One per line – each is added to the unit's improvement list",
        OpenImprovements = "Improvements on the board",
        OpenImprovementsHint = "Set the new stage of those you moved on the board today.",
        DoneAwaitingBenefit = titles => $"Done, benefit to record: {titles}",
        MoreOpen = n => $"… and {n} more. Type \"improvements\" to see them all.",
        ImprovementsMoved = "Moved on the board",
        TypedFigures = "Improvements (typed in)",
        Deviations = "New deviations",
        DeviationsHint = "One deviation per line",
        Benefit = "Benefit realised this week",
        Kinds = Glossary.Labels<BenefitKind>("benefitKind.", Language.En),
        Kind = "Kind of benefit",
        Amount = "Amount",
        Measure = "Unit of measure",
        Measures = Glossary.Labels<BenefitMeasure>("measure.", Language.En, capitalised: false),
        AffectsOthers = "Does it affect other units?",
        AffectsUnknown = "One of the units you chose is not in the organisation. Choose again.",
        AffectsArchived = name => $"{name} is archived (closed down or merged) and was taken out. Choose the unit that took over its work, and send again.",
        AffectsTooMany = (all, outside) => $"Choose at most {all} units, and at most {outside} outside your service area. The first ones were kept: check them and send again.",
        NeedHelp = "Do you need help from the development unit? Say with what",
        Note = "Note",
        Send = "Send",
        Edit = "Edit",
        Required = "Required.",
        Range = (min, max) => $"Enter a number from {min} to {max}.",
        IndicatorValue = (name, target) => $"{name} now (target: {target})",
        IndicatorHint = "The figures are optional: leave a field empty if you did not measure this week.",
        IndicatorRange = max => $"Enter a number between -{max} and {max}.",
        TooLong = max => $"At most {max} characters.",
        TooManyLines = (lines, max) => $"At most {lines} lines of at most {max} characters each.",
        BenefitIncomplete = "Give the benefit's kind, amount and measure, or leave all three empty.",
        BenefitOf = "The benefit of the improvement (optional)",
        ChaseBenefit = (titles, weeks) => $"Record the benefit of {titles}: done more than {weeks} weeks ago with no benefit recorded. Choose the improvement below.",
        AmountNotANumber = "Enter a plain number, such as 12.5.",
        AmountOutOfRange = (measure, max, whole) => whole ? $"Enter a whole number from 1 to {max} ({measure})." : $"Enter a number above 0 and at most {max} ({measure}), with at most two decimals.",
        TooLongAltogether = "The check-in is too long to be stored. Please shorten it here.",
        HelpField = "Help",
        FixBelow = "Something is missing - see the notes below. Nothing has been saved yet.",
        SubmittedBy = (who, when) => $"Sent by {who} {when}",
        NotHeldSummary = "The board meeting was not held",
        AttendanceSummary = n => $"{n} attended",
        ImprovementsSummary = (n, p, d) => $"Improvements: {n} new, {p} in progress, {d} done",
        Closed = "This check-in can no longer be changed: the next board meeting has started.",
        NotDue = (unit, date, due) => $"{unit} had no board meeting on {date}: that week's meeting was on {due}. Nothing was stored.",
        NoUnit = "I don't know which unit you report for. Use the command in the unit's channel, or ask the Lean coordinator to add you as its leader or coordinator.",
        ChangedMeanwhile = "Someone else changed the check-in at the same time. Here is the saved version - edit again if needed.",
        StatusTitle = (unit, weeks) => $"{unit} – the last {weeks} board meetings",
        ReadOnly = unit => $"You are seeing {unit}'s check-in. Only its unit leader and unit coordinators can send or correct it.",
        NotGivenYet = (unit, date) => $"{unit} has not sent the check-in for the board meeting on {date} yet. Only its unit leader and unit coordinators can send it; \"status {unit}\" shows the last board meetings.",
        Week = (week, date) => $"Week {week} ({date})",
        NoReport = "No check-in",
        DayOff = "Day off – no check-in expected",
        Reminder = (unit, date) => $"Reminder: the check-in after {unit}'s board meeting on {date} has not been sent yet. It takes two minutes:",
        TwoWeeksMissed = (unit, earlier, later) => $"{unit} has sent no check-in after the board meetings on {earlier} and {later}. Perhaps the unit could use a hand with its board meetings? The Lean coordinator is glad to help.",
    };
}
