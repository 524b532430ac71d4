using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Features.Reviews;

/// <summary>What the review commands and cards say, per language (a missing text is a compile error).</summary>
public sealed record ReviewTexts
{
    public required IReadOnlyDictionary<AppointmentKind, string> Kinds { get; init; }

    /// <summary>The card's title: kind, unit, date.</summary>
    public required Func<string, string, string, string> Title { get; init; }
    public required string FormIntro { get; init; }
    public required string Observations { get; init; }
    public required string ObservationsHint { get; init; }
    public required string AgreedActions { get; init; }
    public required string AgreedActionsHint { get; init; }
    public required string FollowUps { get; init; }
    public required string FollowUpsHint { get; init; }
    public required Func<int, string> FollowUpLabel { get; init; }
    public required string FollowUpHint { get; init; }
    public required string Owner { get; init; }
    public required string ChooseOwner { get; init; }
    public required string Deadline { get; init; }
    public required string FishboneQuestion { get; init; }
    public required string Causes { get; init; }
    public required string CausesTitle { get; init; }
    public required IReadOnlyDictionary<FishboneCategory, string> Categories { get; init; }
    public required string Measures { get; init; }
    public required string MeasuresHint { get; init; }
    public required Func<int, string> MeasureLabel { get; init; }
    public required string MeasureHint { get; init; }
    public required string Decision { get; init; }
    public required IReadOnlyDictionary<DevelopmentUnitDecision, string> Decisions { get; init; }
    public required string Save { get; init; }
    public required string FixBelow { get; init; }
    public required string Required { get; init; }
    public required string OwnerRequired { get; init; }
    public required string DeadlineRequired { get; init; }
    public required Func<string, string> DeadlinePast { get; init; }
    public required string HeldOn { get; init; }
    public required Func<string, string> HeldOnHint { get; init; }
    public required Func<string, string> NotYetHeld { get; init; }
    public required Func<string, string> HeldInFuture { get; init; }
    public required Func<string, string> HeldOnSummary { get; init; }
    public required string UnknownOwner { get; init; }
    public required string TextMissing { get; init; }
    public required Func<int, string> TooLong { get; init; }
    public required Func<int, int, string> TooManyLines { get; init; }
    public required string CauseRequired { get; init; }
    public required Func<string, string, string> RecordedBy { get; init; }
    public required string NoFollowUps { get; init; }
    public required Func<string, string, string> OwnerAndDeadline { get; init; }
    public required string AlreadyRecorded { get; init; }
    public required string Usage { get; init; }
    public required Func<string, string> NoAppointment { get; init; }
    public required string AppointmentGone { get; init; }
    public required string Cancelled { get; init; }
    public required Func<int, string> ListTitle { get; init; }
    public required Func<int, string> OverdueCount { get; init; }
    public required Func<string, string> OverdueOn { get; init; }
    public required Func<string, string> DueOn { get; init; }
    public required string Close { get; init; }
    public required Func<string, string> Closed { get; init; }
    public required Func<string, string> AlreadyClosed { get; init; }
    public required string NoneOpen { get; init; }
    public required Func<int, string> More { get; init; }
    public required string NothingToSee { get; init; }
    public required string FollowUpNotFound { get; init; }

    public static ReviewTexts For(Language language) => OwnTerms.In(
        language switch
        {
            Language.Sv => Swedish,
            Language.En => English,
            Language.Nn => Nynorsk,
            _ => Norwegian,
        },
        language);

    private static readonly ReviewTexts Norwegian = new()
    {
        Kinds = Glossary.Labels<AppointmentKind>("", Language.Nb),
        Title = (kind, unit, date) => $"{kind} – {unit}, {date}",
        FormIntro = "Legg til observasjoner og avtalte tiltak. Avvik dere fant, blir oppfølgingsområder med ansvarlig og frist.",
        Observations = "Observasjoner",
        ObservationsHint = "Hva så dere? Tavlemøtet, mål, gevinster, behov …",
        AgreedActions = "Avtalte tiltak",
        AgreedActionsHint = "Hva ble dere enige om?",
        FollowUps = "Oppfølgingsområder (avvik)",
        FollowUpsHint = "Opptil 5. Hvert område trenger ansvarlig og frist.",
        FollowUpLabel = n => $"Oppfølgingsområde {n}",
        FollowUpHint = "Hva skal følges opp?",
        Owner = "Ansvarlig",
        ChooseOwner = "Velg ansvarlig",
        Deadline = "Frist",
        FishboneQuestion = "Hva hindrer enheten i å lykkes fullt ut med Lean og kontinuerlig forbedring?",
        Causes = "Årsaker – én per linje",
        CausesTitle = "Årsaker",
        Categories = new Dictionary<FishboneCategory, string>
        {
            [FishboneCategory.People] = "Mennesker",
            [FishboneCategory.Method] = "Metode",
            [FishboneCategory.Tools] = "Verktøy",
            [FishboneCategory.Environment] = "Miljø",
            [FishboneCategory.Management] = "Ledelse",
            [FishboneCategory.Measurement] = "Måling",
        },
        Measures = "Tiltak",
        MeasuresHint = "Opptil 5. Hvert tiltak trenger ansvarlig og frist.",
        MeasureLabel = n => $"Tiltak {n}",
        MeasureHint = "Hva skal gjøres?",
        Decision = "Beslutning",
        Decisions = new Dictionary<DevelopmentUnitDecision, string>
        {
            [DevelopmentUnitDecision.Continue] = "Utviklingsenheten fortsetter å bistå enheten",
            [DevelopmentUnitDecision.Withdraw] = "Utviklingsenheten trekker seg ut, og tjenesteområdelederen tar over",
        },
        Save = "Lagre",
        FixBelow = "Noe mangler eller er feil – se under. Ingenting er lagret.",
        Required = "Må fylles ut.",
        OwnerRequired = "Velg ansvarlig.",
        DeadlineRequired = "Velg frist.",
        DeadlinePast = today => $"Fristen kan ikke være før i dag ({today}).",
        HeldOn = "Gjennomført dato",
        HeldOnHint = planned => $"Planlagt {planned}. Ble den gjennomført en annen dag, skriv datoen her.",
        NotYetHeld = planned => $"Den er planlagt {planned} og kan registreres fra da. Ble den gjennomført tidligere, skriv datoen den ble gjennomført.",
        HeldInFuture = today => $"Datoen kan ikke være etter i dag ({today}).",
        HeldOnSummary = date => $"Gjennomført {date}",
        UnknownOwner = "Velg en ansvarlig fra listen.",
        TextMissing = "Beskriv hva som skal følges opp, eller fjern ansvarlig og frist.",
        TooLong = max => $"Høyst {max} tegn.",
        TooManyLines = (lines, length) => $"Høyst {lines} linjer på inntil {length} tegn hver.",
        CauseRequired = "Legg til minst én årsak.",
        RecordedBy = (name, when) => $"Registrert av {name} {when}",
        NoFollowUps = "Ingen oppfølgingsområder.",
        OwnerAndDeadline = (owner, date) => $"{owner} · frist {date}",
        AlreadyRecorded = "Dette var allerede registrert. Her er det som ble lagret.",
        Usage = "Skriv hvilken enhet, for eksempel «revisjon ferdig Byggesak».",
        NoAppointment = unit => $"{unit} har ingen revisjon, Gemba-besøk eller fiskebeinsanalyse i år som er gjennomført og ikke registrert.",
        AppointmentGone = "Avtalen finnes ikke lenger i årshjulet.",
        Cancelled = "Avtalen er avlyst og kan ikke registreres.",
        ListTitle = count => $"Åpne oppfølgingsområder ({count})",
        OverdueCount = count => count == 1 ? "1 har passert fristen. Det står først." : $"{count} har passert fristen. De står først.",
        OverdueOn = date => $"Frist {date} – passert",
        DueOn = date => $"Frist {date}",
        Close = "Lukk",
        Closed = text => $"«{text}» er lukket.",
        AlreadyClosed = text => $"«{text}» var allerede lukket.",
        NoneOpen = "Ingen åpne oppfølgingsområder.",
        More = n => $"… og {n} til.",
        NothingToSee = "Du har ingen enheter å se oppfølgingsområder for. De vises for Lean-koordinatoren, tjenesteområdelederen og enhetens leder og Lean-koordinator.",
        FollowUpNotFound = "Fant ikke oppfølgingsområdet.",
    };

    private static readonly ReviewTexts Nynorsk = new()
    {
        Kinds = new Dictionary<AppointmentKind, string>
        {
            [AppointmentKind.SemiAnnualReview] = "Halvårleg revisjon",
            [AppointmentKind.GembaWalk] = "Gemba-besøk",
            [AppointmentKind.FishboneAnalysis] = "Fiskebeinsanalyse",
        },
        Title = (kind, unit, date) => $"{kind} – {unit}, {date}",
        FormIntro = "Legg til observasjonar og avtalte tiltak. Avvik de fann, blir oppfølgingsområde med ansvarleg og frist.",
        Observations = "Observasjonar",
        ObservationsHint = "Kva såg de? Tavlemøtet, mål, gevinstar, behov …",
        AgreedActions = "Avtalte tiltak",
        AgreedActionsHint = "Kva vart de samde om?",
        FollowUps = "Oppfølgingsområde (avvik)",
        FollowUpsHint = "Opptil 5. Kvart område treng ansvarleg og frist.",
        FollowUpLabel = n => $"Oppfølgingsområde {n}",
        FollowUpHint = "Kva skal følgjast opp?",
        Owner = "Ansvarleg",
        ChooseOwner = "Vel ansvarleg",
        Deadline = "Frist",
        FishboneQuestion = "Kva hindrar eininga i å lukkast fullt ut med Lean og kontinuerleg forbetring?",
        Causes = "Årsaker – éi per linje",
        CausesTitle = "Årsaker",
        Categories = new Dictionary<FishboneCategory, string>
        {
            [FishboneCategory.People] = "Menneske",
            [FishboneCategory.Method] = "Metode",
            [FishboneCategory.Tools] = "Verktøy",
            [FishboneCategory.Environment] = "Miljø",
            [FishboneCategory.Management] = "Leiing",
            [FishboneCategory.Measurement] = "Måling",
        },
        Measures = "Tiltak",
        MeasuresHint = "Opptil 5. Kvart tiltak treng ansvarleg og frist.",
        MeasureLabel = n => $"Tiltak {n}",
        MeasureHint = "Kva skal gjerast?",
        Decision = "Avgjerd",
        Decisions = new Dictionary<DevelopmentUnitDecision, string>
        {
            [DevelopmentUnitDecision.Continue] = "Utviklingseininga held fram med å hjelpe eininga",
            [DevelopmentUnitDecision.Withdraw] = "Utviklingseininga trekkjer seg ut, og tenesteområdeleiaren tek over",
        },
        Save = "Lagre",
        FixBelow = "Noko manglar eller er feil – sjå under. Ingenting er lagra.",
        Required = "Må fyllast ut.",
        OwnerRequired = "Vel ansvarleg.",
        DeadlineRequired = "Vel frist.",
        DeadlinePast = today => $"Fristen kan ikkje vere før i dag ({today}).",
        HeldOn = "Gjennomført dato",
        HeldOnHint = planned => $"Planlagd {planned}. Vart han gjennomført ein annan dag, skriv datoen her.",
        NotYetHeld = planned => $"Han er planlagd {planned} og kan registrerast frå då. Vart han gjennomført tidlegare, skriv datoen han vart gjennomført.",
        HeldInFuture = today => $"Datoen kan ikkje vere etter i dag ({today}).",
        HeldOnSummary = date => $"Gjennomført {date}",
        UnknownOwner = "Vel ein ansvarleg frå lista.",
        TextMissing = "Skildra kva som skal følgjast opp, eller fjern ansvarleg og frist.",
        TooLong = max => $"Høgst {max} teikn.",
        TooManyLines = (lines, length) => $"Høgst {lines} linjer på inntil {length} teikn kvar.",
        CauseRequired = "Legg til minst éi årsak.",
        RecordedBy = (name, when) => $"Registrert av {name} {when}",
        NoFollowUps = "Ingen oppfølgingsområde.",
        OwnerAndDeadline = (owner, date) => $"{owner} · frist {date}",
        AlreadyRecorded = "Dette var alt registrert. Her er det som vart lagra.",
        Usage = "Skriv kva eining, til dømes «revisjon ferdig Byggjesak».",
        NoAppointment = unit => $"{unit} har ingen revisjon, Gemba-besøk eller fiskebeinsanalyse i år som er gjennomført og ikkje registrert.",
        AppointmentGone = "Avtalen finst ikkje lenger i årshjulet.",
        Cancelled = "Avtalen er avlyst og kan ikkje registrerast.",
        ListTitle = count => $"Opne oppfølgingsområde ({count})",
        OverdueCount = count => count == 1 ? "1 har fristen ute. Det står først." : $"{count} har fristen ute. Dei står først.",
        OverdueOn = date => $"Frist {date} – ute",
        DueOn = date => $"Frist {date}",
        Close = "Lukk",
        Closed = text => $"«{text}» er lukka.",
        AlreadyClosed = text => $"«{text}» var alt lukka.",
        NoneOpen = "Ingen opne oppfølgingsområde.",
        More = n => $"… og {n} til.",
        NothingToSee = "Du har ingen einingar å sjå oppfølgingsområde for. Dei blir viste for Lean-koordinatoren, tenesteområdeleiaren og leiaren og einingskoordinatoren i eininga.",
        FollowUpNotFound = "Fann ikkje oppfølgingsområdet.",
    };

    private static readonly ReviewTexts Swedish = new()
    {
        Kinds = Glossary.Labels<AppointmentKind>("", Language.Sv),
        Title = (kind, unit, date) => $"{kind} – {unit}, {date}",
        FormIntro = "Skriv in observationer och överenskomna åtgärder. Avvikelser ni hittade blir uppföljningsområden med ansvarig och datum då det ska vara klart.",
        Observations = "Observationer",
        ObservationsHint = "Vad såg ni? Tavelmötet, mål, nytta, behov …",
        AgreedActions = "Överenskomna åtgärder",
        AgreedActionsHint = "Vad kom ni överens om?",
        FollowUps = "Uppföljningsområden (avvikelser)",
        FollowUpsHint = "Upp till 5. Varje område behöver ansvarig och datum då det ska vara klart.",
        FollowUpLabel = n => $"Uppföljningsområde {n}",
        FollowUpHint = "Vad ska följas upp?",
        Owner = "Ansvarig",
        ChooseOwner = "Välj ansvarig",
        Deadline = "Klart senast",
        FishboneQuestion = "Vad hindrar enheten från att fullt ut lyckas med Lean och ständiga förbättringar?",
        Causes = "Orsaker – en per rad",
        CausesTitle = "Orsaker",
        Categories = new Dictionary<FishboneCategory, string>
        {
            [FishboneCategory.People] = "Människor",
            [FishboneCategory.Method] = "Metod",
            [FishboneCategory.Tools] = "Verktyg",
            [FishboneCategory.Environment] = "Miljö",
            [FishboneCategory.Management] = "Ledning",
            [FishboneCategory.Measurement] = "Mätning",
        },
        Measures = "Åtgärder",
        MeasuresHint = "Upp till 5. Varje åtgärd behöver ansvarig och datum då den ska vara klar.",
        MeasureLabel = n => $"Åtgärd {n}",
        MeasureHint = "Vad ska göras?",
        Decision = "Beslut",
        Decisions = new Dictionary<DevelopmentUnitDecision, string>
        {
            [DevelopmentUnitDecision.Continue] = "Utvecklingsenheten fortsätter att stödja enheten",
            [DevelopmentUnitDecision.Withdraw] = "Utvecklingsenheten drar sig ur, och verksamhetsområdeschefen tar över",
        },
        Save = "Spara",
        FixBelow = "Något saknas eller är fel – se nedan. Inget har sparats.",
        Required = "Måste fyllas i.",
        OwnerRequired = "Välj ansvarig.",
        DeadlineRequired = "Välj när det ska vara klart senast.",
        DeadlinePast = today => $"Klart senast kan inte vara före i dag ({today}).",
        HeldOn = "Genomförd den",
        HeldOnHint = planned => $"Planerad {planned}. Genomfördes den en annan dag, skriv datumet här.",
        NotYetHeld = planned => $"Den är planerad {planned} och kan registreras från då. Genomfördes den tidigare, skriv datumet den genomfördes.",
        HeldInFuture = today => $"Datumet kan inte vara efter i dag ({today}).",
        HeldOnSummary = date => $"Genomförd {date}",
        UnknownOwner = "Välj en ansvarig från listan.",
        TextMissing = "Beskriv vad som ska följas upp, eller ta bort ansvarig och datum.",
        TooLong = max => $"Högst {max} tecken.",
        TooManyLines = (lines, length) => $"Högst {lines} rader med upp till {length} tecken var.",
        CauseRequired = "Skriv minst en orsak.",
        RecordedBy = (name, when) => $"Registrerad av {name} {when}",
        NoFollowUps = "Inga uppföljningsområden.",
        OwnerAndDeadline = (owner, date) => $"{owner} · klart senast {date}",
        AlreadyRecorded = "Det här var redan registrerat. Här är det som sparades.",
        Usage = "Skriv vilken enhet, till exempel ”uppföljning klar Byggesak”.",
        NoAppointment = unit => $"{unit} har ingen halvårsuppföljning, inget Gemba-besök och ingen fiskbensanalys i år som har genomförts och inte registrerats.",
        AppointmentGone = "Mötet finns inte längre i årshjulet.",
        Cancelled = "Mötet är inställt och kan inte registreras.",
        ListTitle = count => $"Öppna uppföljningsområden ({count})",
        OverdueCount = count => count == 1 ? "1 är försenat. Det står först." : $"{count} är försenade. De står först.",
        OverdueOn = date => $"Klart senast {date} – försenad",
        DueOn = date => $"Klart senast {date}",
        Close = "Stäng",
        Closed = text => $"”{text}” är stängt.",
        AlreadyClosed = text => $"”{text}” var redan stängt.",
        NoneOpen = "Inga öppna uppföljningsområden.",
        More = n => $"… och {n} till.",
        NothingToSee = "Du har inga enheter att se uppföljningsområden för. De visas för leansamordnaren, verksamhetsområdeschefen och enhetens chef och leankoordinator.",
        FollowUpNotFound = "Hittade inte uppföljningsområdet.",
    };

    private static readonly ReviewTexts English = new()
    {
        Kinds = Glossary.Labels<AppointmentKind>("", Language.En),
        Title = (kind, unit, date) => $"{kind} – {unit}, {date}",
        FormIntro = "Record the observations and agreed actions. Deviations you found become follow-up areas with an owner and a deadline.",
        Observations = "Observations",
        ObservationsHint = "What did you see? The board meeting, goals, benefits, needs …",
        AgreedActions = "Agreed actions",
        AgreedActionsHint = "What did you agree on?",
        FollowUps = "Follow-up areas (deviations)",
        FollowUpsHint = "Up to 5. Each needs an owner and a deadline.",
        FollowUpLabel = n => $"Follow-up area {n}",
        FollowUpHint = "What is to be followed up?",
        Owner = "Owner",
        ChooseOwner = "Choose an owner",
        Deadline = "Deadline",
        FishboneQuestion = "What prevents the unit from fully succeeding with Lean continuous improvement?",
        Causes = "Causes – one per line",
        CausesTitle = "Causes",
        Categories = new Dictionary<FishboneCategory, string>
        {
            [FishboneCategory.People] = "People",
            [FishboneCategory.Method] = "Method",
            [FishboneCategory.Tools] = "Tools",
            [FishboneCategory.Environment] = "Environment",
            [FishboneCategory.Management] = "Management",
            [FishboneCategory.Measurement] = "Measurement",
        },
        Measures = "Measures",
        MeasuresHint = "Up to 5. Each needs an owner and a deadline.",
        MeasureLabel = n => $"Measure {n}",
        MeasureHint = "What is to be done?",
        Decision = "Decision",
        Decisions = new Dictionary<DevelopmentUnitDecision, string>
        {
            [DevelopmentUnitDecision.Continue] = "The development unit continues to assist the unit",
            [DevelopmentUnitDecision.Withdraw] = "The development unit withdraws, and the service-area leader takes over",
        },
        Save = "Save",
        FixBelow = "Something is missing or wrong – see below. Nothing was saved.",
        Required = "Required.",
        OwnerRequired = "Choose an owner.",
        DeadlineRequired = "Choose a deadline.",
        DeadlinePast = today => $"The deadline cannot be before today ({today}).",
        HeldOn = "Held on",
        HeldOnHint = planned => $"Planned for {planned}. If it was held on another day, give that date here.",
        NotYetHeld = planned => $"It is planned for {planned} and can be recorded from then. If it was held earlier, give the date it was held.",
        HeldInFuture = today => $"The date cannot be after today ({today}).",
        HeldOnSummary = date => $"Held on {date}",
        UnknownOwner = "Choose an owner from the list.",
        TextMissing = "Say what is to be followed up, or clear the owner and deadline.",
        TooLong = max => $"At most {max} characters.",
        TooManyLines = (lines, length) => $"At most {lines} lines of up to {length} characters each.",
        CauseRequired = "Give at least one cause.",
        RecordedBy = (name, when) => $"Recorded by {name} {when}",
        NoFollowUps = "No follow-up areas.",
        OwnerAndDeadline = (owner, date) => $"{owner} · deadline {date}",
        AlreadyRecorded = "This was recorded already. Here is what was saved.",
        Usage = "Say which unit, e.g. \"review done Byggesak\".",
        NoAppointment = unit => $"{unit} has no review, Gemba walk or fishbone analysis this year that has been held and not yet recorded.",
        AppointmentGone = "That appointment is no longer in the year wheel.",
        Cancelled = "That appointment was cancelled and cannot be recorded.",
        ListTitle = count => $"Open follow-up areas ({count})",
        OverdueCount = count => $"{count} past the deadline, listed first.",
        OverdueOn = date => $"Deadline {date} – overdue",
        DueOn = date => $"Deadline {date}",
        Close = "Close",
        Closed = text => $"\"{text}\" is closed.",
        AlreadyClosed = text => $"\"{text}\" was already closed.",
        NoneOpen = "No open follow-up areas.",
        More = n => $"… and {n} more.",
        NothingToSee = "You have no units whose follow-up areas you can see. They are shown to the Lean coordinator, the service-area leader and the unit's leader and Lean coordinator.",
        FollowUpNotFound = "That follow-up area was not found.",
    };
}
