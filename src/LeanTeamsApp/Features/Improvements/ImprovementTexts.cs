using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Features.Improvements;

/// <summary>What the improvement commands and card say, per language (a missing text is a compile error).</summary>
public sealed record ImprovementTexts
{
    public required Func<string, string> ListTitle { get; init; }

    public required string Reinvest { get; init; }

    public required string RealisedTitle { get; init; }

    public required string ReinvestLabel { get; init; }

    public required Func<string, string> ReinvestSaved { get; init; }

    public required Func<int, string> ReinvestMissing { get; init; }

    public required Func<string, string> NotRealisedYet { get; init; }
    public required Func<int, int, int, string> Counts { get; init; }
    public required string NoneOpen { get; init; }
    public required Func<int, string> More { get; init; }
    public required IReadOnlyDictionary<ImprovementStage, string> Stages { get; init; }

    /// <summary>The button that moves an improvement to a stage.</summary>
    public required IReadOnlyDictionary<ImprovementStage, string> MoveTo { get; init; }
    public required Func<string, string, string> Since { get; init; }

    /// <summary>The person who sees an improvement through, as the tab's board names them.</summary>
    public required Func<string, string> Owner { get; init; }

    /// <summary>An owner who has left the organisation, by name.</summary>
    public required Func<string, string> OwnerLeft { get; init; }

    /// <summary>An owner the organisation no longer knows at all (erased): shown instead of an id.</summary>
    public required string OwnerErased { get; init; }

    public required Func<string, string> Deadline { get; init; }

    /// <summary>A deadline passed while the work is still to be done (glossary: overdue).</summary>
    public required Func<string, string> Overdue { get; init; }
    public required Func<string, string, string> Moved { get; init; }
    public required Func<string, string, string> AlreadyThere { get; init; }
    public required Func<string, string, string> NotAllowed { get; init; }
    public required string NotFound { get; init; }
    public required string BenefitTitle { get; init; }
    public required string SaveBenefit { get; init; }
    public required string BenefitIncomplete { get; init; }
    public required Func<string, string> BenefitSaved { get; init; }

    /// <summary>The button on an open improvement that opens the benefit form at the estimate.</summary>
    public required string EstimateBenefit { get; init; }
    public required string EstimateTitle { get; init; }
    public required string StageLabel { get; init; }
    public required IReadOnlyDictionary<BenefitStage, string> BenefitStages { get; init; }
    public required string PlannedOn { get; init; }
    public required string PlannedOnMissing { get; init; }

    /// <summary>The measure a figure in hours may be typed in instead: it is stored as hours.</summary>
    public required string WorkYears { get; init; }

    /// <summary>Improvement title and benefit stage.</summary>
    public required Func<string, string, string> StageSaved { get; init; }

    /// <summary>Asked when an improvement is started: its benefit is to be estimated while the work is planned.</summary>
    public required Func<string, string> AskEstimate { get; init; }
    public required Func<string, string, string> Added { get; init; }
    public required Func<string, string> AlreadyAdded { get; init; }
    public required string AddUsage { get; init; }
    public required Func<int, string> TitleTooLong { get; init; }
    public required string NoUnit { get; init; }
    public required Func<int, string> DeviationsTitle { get; init; }
    public required Func<string, string> ReportedOn { get; init; }
    public required string CloseDeviation { get; init; }
    public required Func<string, string> DeviationClosed { get; init; }
    public required Func<string, string> DeviationAlreadyClosed { get; init; }
    public required string DeviationNotFound { get; init; }
    public required string MakeFollowUp { get; init; }
    public required string FollowUpOwner { get; init; }
    public required string FollowUpOtherOwner { get; init; }
    public required string FollowUpDeadline { get; init; }
    public required string CreateFollowUp { get; init; }
    public required string FollowUpOwnerMissing { get; init; }
    public required string FollowUpOwnerUnknown { get; init; }
    public required string FollowUpDeadlineMissing { get; init; }

    /// <summary>Deviation text, owner and deadline.</summary>
    public required Func<string, string, string, string> FollowUpCreated { get; init; }
    public required Func<string, string> AlreadyFollowedUp { get; init; }

    /// <summary>The glossary's stage names; the first stage's figure is a guess, and the card says so.</summary>
    private static Dictionary<BenefitStage, string> StagesFromGlossary(Language language, string estimate) =>
        Glossary.Labels<BenefitStage>("benefitStage.", language).ToDictionary(
            stage => stage.Key,
            stage => stage.Key == BenefitStage.Identified ? $"{stage.Value} ({estimate})" : stage.Value);

    public static ImprovementTexts For(Language language) => OwnTerms.In(
        language switch
        {
            Language.Sv => Swedish,
            Language.En => English,
            Language.Nn => Nynorsk,
            _ => Norwegian,
        },
        language);

    private static readonly ImprovementTexts Norwegian = new()
    {
        ListTitle = unit => $"Åpne forbedringer – {unit}",
        Counts = (suggested, inProgress, done) => $"{suggested} foreslått · {inProgress} pågår · {done} {(done == 1 ? "ferdig" : "ferdige")}, venter på gevinst",
        NoneOpen = "Ingen åpne forbedringer. Skriv «forbedring ny <tekst>» for å legge til en.",
        More = n => $"… og {n} til. Se alle i fanen.",
        Stages = StageNames.For(Language.Nb),
        MoveTo = new Dictionary<ImprovementStage, string>
        {
            [ImprovementStage.Suggested] = "Ta opp igjen",
            [ImprovementStage.InProgress] = "Start",
            [ImprovementStage.Done] = "Ferdig",
            [ImprovementStage.BenefitRealised] = "Registrer gevinst",
            [ImprovementStage.Rejected] = "Avvis",
        },
        Since = (owner, date) => $"{owner} · lagt til {date}",
        Owner = name => $"Ansvarlig: {name}",
        OwnerLeft = name => $"{name} (ikke lenger i organisasjonen)",
        OwnerErased = "slettet person",
        Deadline = date => $"Frist: {date}",
        Overdue = date => $"Frist: {date} – forfalt",
        Moved = (title, stage) => $"«{title}» er nå: {stage}.",
        AlreadyThere = (title, stage) => $"«{title}» var allerede: {stage}.",
        NotAllowed = (title, stage) => $"«{title}» er {stage.ToLowerInvariant()} og kan ikke flyttes dit. Listen er oppdatert.",
        NotFound = "Fant ikke forbedringen. Den kan være slettet fra en rettet statusrapport.",
        BenefitTitle = "Hvilken gevinst ga den?",
        SaveBenefit = "Lagre gevinst",
        BenefitIncomplete = "Fyll ut type, verdi (over 0) og måleenhet for gevinsten.",
        BenefitSaved = title => $"Gevinsten av «{title}» er registrert.",
        EstimateBenefit = "Gevinstanslag",
        Reinvest = "Reinvestert i …",
        RealisedTitle = "Gevinst realisert: hva gikk kapasiteten til?",
        ReinvestLabel = "Hva ble den frigjorte kapasiteten brukt til?",
        ReinvestSaved = title => $"Det er registrert hva gevinsten av «{title}» ble reinvestert i.",
        ReinvestMissing = max => $"Skriv hva den frigjorte kapasiteten ble brukt til, med høyst {max} tegn.",
        NotRealisedYet = title => $"Registrer først den realiserte gevinsten av «{title}»: bare en realisert gevinst frigjør kapasitet å reinvestere.",
        EstimateTitle = "Hvilken gevinst venter dere?",
        StageLabel = "Trinn",
        BenefitStages = StagesFromGlossary(Language.Nb, "anslag"),
        PlannedOn = "Planlagt realisert innen",
        PlannedOnMissing = "Velg datoen gevinsten er planlagt realisert innen.",
        WorkYears = "årsverk",
        StageSaved = (title, stage) => $"Gevinsten av «{title}» er registrert: {stage.ToLowerInvariant()}.",
        AskEstimate = title => $"Hvilken gevinst venter dere av «{title}»? Legg inn et anslag med «Gevinstanslag».",
        Added = (title, unit) => $"«{title}» er lagt til som forbedring for {unit}. Skriv «forbedringer» for å se listen.",
        AlreadyAdded = title => $"«{title}» var allerede lagt til.",
        AddUsage = "Skriv hva som kan bli bedre, for eksempel «forbedring ny felles mal for vaktbytte».",
        TitleTooLong = max => $"En forbedring kan ha høyst {max} tegn. Skriv den kortere.",
        NoUnit = "Jeg vet ikke hvilken enhet du mener. Skriv i enhetens kanal, eller be Lean-koordinatoren registrere deg som leder eller koordinator for enheten.",
        DeviationsTitle = n => $"Åpne avvik ({n})",
        ReportedOn = date => $"meldt {date}",
        CloseDeviation = "Lukk",
        DeviationClosed = text => $"Avviket «{text}» er lukket.",
        DeviationAlreadyClosed = text => $"Avviket «{text}» var allerede lukket.",
        DeviationNotFound = "Fant ikke avviket. Det kan være fjernet fra en rettet statusrapport.",
        MakeFollowUp = "Gjør til oppfølgingsområde",
        FollowUpOwner = "Ansvarlig",
        FollowUpOtherOwner = "… eller e-post til en annen i organisasjonen",
        FollowUpDeadline = "Frist",
        CreateFollowUp = "Opprett oppfølgingsområde",
        FollowUpOwnerMissing = "Velg en ansvarlig, eller skriv e-posten til en i organisasjonen.",
        FollowUpOwnerUnknown = "Ingen i organisasjonen har denne e-posten.",
        FollowUpDeadlineMissing = "Velg en frist fra i dag av.",
        FollowUpCreated = (text, owner, deadline) => $"«{text}» er nå et oppfølgingsområde: {owner} er ansvarlig, frist {deadline}. Avviket er lukket.",
        AlreadyFollowedUp = text => $"«{text}» var allerede gjort til et oppfølgingsområde.",
    };

    private static readonly ImprovementTexts Nynorsk = new()
    {
        ListTitle = unit => $"Opne forbetringar – {unit}",
        Counts = (suggested, inProgress, done) => $"{suggested} føreslått · {inProgress} pågår · {done} {(done == 1 ? "ferdig" : "ferdige")}, ventar på gevinst",
        NoneOpen = "Ingen opne forbetringar. Skriv «forbetring ny <tekst>» for å leggje til ei.",
        More = n => $"… og {n} til. Sjå alle i fana.",
        Stages = StageNames.For(Language.Nn),
        MoveTo = new Dictionary<ImprovementStage, string>
        {
            [ImprovementStage.Suggested] = "Ta opp att",
            [ImprovementStage.InProgress] = "Start",
            [ImprovementStage.Done] = "Ferdig",
            [ImprovementStage.BenefitRealised] = "Registrer gevinst",
            [ImprovementStage.Rejected] = "Avvis",
        },
        Since = (owner, date) => $"{owner} · lagd til {date}",
        Owner = name => $"Ansvarleg: {name}",
        OwnerLeft = name => $"{name} (ikkje lenger i organisasjonen)",
        OwnerErased = "sletta person",
        Deadline = date => $"Frist: {date}",
        Overdue = date => $"Frist: {date} – fristen er ute",
        Moved = (title, stage) => $"«{title}» er no: {stage}.",
        AlreadyThere = (title, stage) => $"«{title}» var alt: {stage}.",
        NotAllowed = (title, stage) => $"«{title}» er {stage.ToLowerInvariant()} og kan ikkje flyttast dit. Lista er oppdatert.",
        NotFound = "Fann ikkje forbetringa. Ho kan vere sletta frå ein retta statusrapport.",
        BenefitTitle = "Kva gevinst gav ho?",
        SaveBenefit = "Lagre gevinst",
        BenefitIncomplete = "Fyll ut type, verdi (over 0) og måleeining for gevinsten.",
        BenefitSaved = title => $"Gevinsten av «{title}» er registrert.",
        Added = (title, unit) => $"«{title}» er lagd til som forbetring for {unit}. Skriv «forbetringar» for å sjå lista.",
        AlreadyAdded = title => $"«{title}» var alt lagd til.",
        AddUsage = "Skriv kva som kan bli betre, til dømes «forbetring ny felles mal for vaktbyte».",
        TitleTooLong = max => $"Ei forbetring kan ha høgst {max} teikn. Skriv ho kortare.",
        NoUnit = "Eg veit ikkje kva eining du meiner. Skriv i kanalen til eininga, eller be Lean-koordinatoren registrere deg som leiar eller koordinator for eininga.",
        DeviationsTitle = n => $"Opne avvik ({n})",
        ReportedOn = date => $"meld {date}",
        CloseDeviation = "Lukk",
        DeviationClosed = text => $"Avviket «{text}» er lukka.",
        DeviationAlreadyClosed = text => $"Avviket «{text}» var alt lukka.",
        DeviationNotFound = "Fann ikkje avviket. Det kan vere fjerna frå ein retta statusrapport.",
        MakeFollowUp = "Gjer til oppfølgingsområde",
        FollowUpOwner = "Ansvarleg",
        FollowUpOtherOwner = "… eller e-post til ein annan i organisasjonen",
        FollowUpDeadline = "Frist",
        CreateFollowUp = "Opprett oppfølgingsområde",
        FollowUpOwnerMissing = "Vel ein ansvarleg, eller skriv e-posten til nokon i organisasjonen.",
        FollowUpOwnerUnknown = "Ingen i organisasjonen har denne e-posten.",
        FollowUpDeadlineMissing = "Vel ein frist frå i dag av.",
        FollowUpCreated = (text, owner, deadline) => $"«{text}» er no eit oppfølgingsområde: {owner} er ansvarleg, frist {deadline}. Avviket er lukka.",
        AlreadyFollowedUp = text => $"«{text}» var alt gjort om til eit oppfølgingsområde.",
        EstimateBenefit = "Gevinstanslag",
        Reinvest = "Reinvestert i …",
        RealisedTitle = "Gevinst realisert: kva gjekk kapasiteten til?",
        ReinvestLabel = "Kva vart den frigjorde kapasiteten brukt til?",
        ReinvestSaved = title => $"Det er registrert kva gevinsten av «{title}» vart reinvestert i.",
        ReinvestMissing = max => $"Skriv kva den frigjorde kapasiteten vart brukt til, med høgst {max} teikn.",
        NotRealisedYet = title => $"Registrer først den realiserte gevinsten av «{title}»: berre ein realisert gevinst frigjer kapasitet å reinvestere.",
        EstimateTitle = "Kva gevinst ventar de?",
        StageLabel = "Steg",
        BenefitStages = StagesFromGlossary(Language.Nn, "anslag"),
        PlannedOn = "Planlagt realisert innan",
        PlannedOnMissing = "Vel datoen gevinsten er planlagt realisert innan.",
        WorkYears = "årsverk",
        StageSaved = (title, stage) => $"Gevinsten av «{title}» er registrert: {stage.ToLowerInvariant()}.",
        AskEstimate = title => $"Kva gevinst ventar de av «{title}»? Legg inn eit anslag med «Gevinstanslag».",
    };

    private static readonly ImprovementTexts Swedish = new()
    {
        ListTitle = unit => $"Öppna förbättringar – {unit}",
        Counts = (suggested, inProgress, done) => $"{suggested} {(suggested == 1 ? "föreslagen" : "föreslagna")} · {inProgress} pågår · {done} {(done == 1 ? "klar" : "klara")}, väntar på nytta",
        NoneOpen = "Inga öppna förbättringar. Skriv ”förbättring ny <text>” för att lägga till en.",
        More = n => $"… och {n} till. Se alla i fliken.",
        Stages = StageNames.For(Language.Sv),
        MoveTo = new Dictionary<ImprovementStage, string>
        {
            [ImprovementStage.Suggested] = "Ta upp igen",
            [ImprovementStage.InProgress] = "Starta",
            [ImprovementStage.Done] = "Genomförd",
            [ImprovementStage.BenefitRealised] = "Registrera nytta",
            [ImprovementStage.Rejected] = "Avslå",
        },
        Since = (owner, date) => $"{owner} · tillagd {date}",
        Owner = name => $"Ansvarig: {name}",
        OwnerLeft = name => $"{name} (inte längre i organisationen)",
        OwnerErased = "raderad person",
        Deadline = date => $"Klart senast: {date}",
        Overdue = date => $"Klart senast: {date} – försenad",
        Moved = (title, stage) => $"”{title}” är nu: {stage}.",
        AlreadyThere = (title, stage) => $"”{title}” var redan: {stage}.",
        NotAllowed = (title, stage) => $"”{title}” är {stage.ToLowerInvariant()} och kan inte flyttas dit. Listan är uppdaterad.",
        NotFound = "Hittade inte förbättringen. Den kan ha tagits bort i en rättad statusrapport.",
        BenefitTitle = "Vilken nytta gav den?",
        SaveBenefit = "Spara nytta",
        BenefitIncomplete = "Fyll i typ, mängd (över 0) och måttenhet för nyttan.",
        BenefitSaved = title => $"Nyttan av ”{title}” är registrerad.",
        EstimateBenefit = "Nyttoskattning",
        Reinvest = "Återinvesterad i …",
        RealisedTitle = "Nytta realiserad: vad gick kapaciteten till?",
        ReinvestLabel = "Vad användes den frigjorda kapaciteten till?",
        ReinvestSaved = title => $"Det är registrerat vad nyttan av ”{title}” återinvesterades i.",
        ReinvestMissing = max => $"Skriv vad den frigjorda kapaciteten användes till, med högst {max} tecken.",
        NotRealisedYet = title => $"Registrera först den realiserade nyttan av ”{title}”: bara en realiserad nytta frigör kapacitet att återinvestera.",
        EstimateTitle = "Vilken nytta väntar ni er?",
        StageLabel = "Steg",
        BenefitStages = StagesFromGlossary(Language.Sv, "skattning"),
        PlannedOn = "Planerad att realiseras senast",
        PlannedOnMissing = "Välj datumet då nyttan ska vara realiserad.",
        WorkYears = "årsarbeten",
        StageSaved = (title, stage) => $"Nyttan av ”{title}” är registrerad: {stage.ToLowerInvariant()}.",
        AskEstimate = title => $"Vilken nytta väntar ni er av ”{title}”? Lägg in en skattning med ”Nyttoskattning”.",
        Added = (title, unit) => $"”{title}” är tillagd som förbättring för {unit}. Skriv ”förbättringar” för att se listan.",
        AlreadyAdded = title => $"”{title}” var redan tillagd.",
        AddUsage = "Skriv vad som kan bli bättre, till exempel ”förbättring ny gemensam mall för passbyte”.",
        TitleTooLong = max => $"En förbättring kan ha högst {max} tecken. Skriv den kortare.",
        NoUnit = "Jag vet inte vilken enhet du menar. Skriv i enhetens kanal, eller be leansamordnaren registrera dig som chef eller koordinator för enheten.",
        DeviationsTitle = n => $"Öppna avvikelser ({n})",
        ReportedOn = date => $"rapporterad {date}",
        CloseDeviation = "Stäng",
        DeviationClosed = text => $"Avvikelsen ”{text}” är stängd.",
        DeviationAlreadyClosed = text => $"Avvikelsen ”{text}” var redan stängd.",
        DeviationNotFound = "Hittade inte avvikelsen. Den kan ha tagits bort i en rättad statusrapport.",
        MakeFollowUp = "Gör till uppföljningsområde",
        FollowUpOwner = "Ansvarig",
        FollowUpOtherOwner = "… eller e-post till någon annan i organisationen",
        FollowUpDeadline = "Klart senast",
        CreateFollowUp = "Skapa uppföljningsområde",
        FollowUpOwnerMissing = "Välj en ansvarig, eller skriv e-posten till någon i organisationen.",
        FollowUpOwnerUnknown = "Ingen i organisationen har den e-posten.",
        FollowUpDeadlineMissing = "Välj när det ska vara klart senast, i dag eller senare.",
        FollowUpCreated = (text, owner, deadline) => $"”{text}” är nu ett uppföljningsområde: {owner} är ansvarig, klart senast {deadline}. Avvikelsen är stängd.",
        AlreadyFollowedUp = text => $"”{text}” var redan gjort till ett uppföljningsområde.",
    };

    private static readonly ImprovementTexts English = new()
    {
        ListTitle = unit => $"Open improvements – {unit}",
        Counts = (suggested, inProgress, done) => $"{suggested} suggested · {inProgress} in progress · {done} done, benefit to record",
        NoneOpen = "No open improvements. Type \"improvement add <text>\" to add one.",
        More = n => $"… and {n} more. See them all in the tab.",
        Stages = StageNames.For(Language.En),
        MoveTo = new Dictionary<ImprovementStage, string>
        {
            [ImprovementStage.Suggested] = "Take up again",
            [ImprovementStage.InProgress] = "Start",
            [ImprovementStage.Done] = "Done",
            [ImprovementStage.BenefitRealised] = "Record benefit",
            [ImprovementStage.Rejected] = "Reject",
        },
        Since = (owner, date) => $"{owner} · added {date}",
        Owner = name => $"Owner: {name}",
        OwnerLeft = name => $"{name} (no longer in the organisation)",
        OwnerErased = "erased person",
        Deadline = date => $"Deadline: {date}",
        Overdue = date => $"Deadline: {date} – overdue",
        Moved = (title, stage) => $"\"{title}\" is now: {stage}.",
        AlreadyThere = (title, stage) => $"\"{title}\" was already: {stage}.",
        NotAllowed = (title, stage) => $"\"{title}\" is {stage.ToLowerInvariant()} and cannot move there. The list is up to date.",
        NotFound = "That improvement was not found. A corrected check-in may have removed it.",
        BenefitTitle = "What benefit did it give?",
        SaveBenefit = "Save benefit",
        BenefitIncomplete = "Fill in the benefit's kind, amount (above 0) and unit of measure.",
        BenefitSaved = title => $"The benefit of \"{title}\" is recorded.",
        EstimateBenefit = "Benefit estimate",
        Reinvest = "Reinvested in …",
        RealisedTitle = "Benefit realised: what did the capacity go to?",
        ReinvestLabel = "What did the freed capacity go to?",
        ReinvestSaved = title => $"What the benefit of \"{title}\" was reinvested in is recorded.",
        ReinvestMissing = max => $"Write what the freed capacity went to, in at most {max} characters.",
        NotRealisedYet = title => $"Record the realised benefit of \"{title}\" first: only a realised benefit frees capacity to reinvest.",
        EstimateTitle = "What benefit do you expect?",
        StageLabel = "Stage",
        BenefitStages = StagesFromGlossary(Language.En, "estimate"),
        PlannedOn = "Planned to be realised by",
        PlannedOnMissing = "Choose the date the benefit is planned to be realised by.",
        WorkYears = "full-time equivalents (årsverk)",
        StageSaved = (title, stage) => $"The benefit of \"{title}\" is recorded: {stage.ToLowerInvariant()}.",
        AskEstimate = title => $"What benefit do you expect of \"{title}\"? Add an estimate with \"Benefit estimate\".",
        Added = (title, unit) => $"\"{title}\" is on {unit}'s improvement list. Type \"improvements\" to see the list.",
        AlreadyAdded = title => $"\"{title}\" was already on the list.",
        AddUsage = "Say what could be better, e.g. \"improvement add shared template for shift swaps\".",
        TitleTooLong = max => $"An improvement can have at most {max} characters. Please shorten it.",
        NoUnit = "I don't know which unit you mean. Write in the unit's channel, or ask the Lean coordinator to register you as the unit's leader or coordinator.",
        DeviationsTitle = n => $"Open deviations ({n})",
        ReportedOn = date => $"reported {date}",
        CloseDeviation = "Close",
        DeviationClosed = text => $"The deviation \"{text}\" is closed.",
        DeviationAlreadyClosed = text => $"The deviation \"{text}\" was already closed.",
        DeviationNotFound = "That deviation was not found. A corrected check-in may have removed it.",
        MakeFollowUp = "Make it a follow-up area",
        FollowUpOwner = "Owner",
        FollowUpOtherOwner = "… or the e-mail of someone else in the organisation",
        FollowUpDeadline = "Deadline",
        CreateFollowUp = "Create follow-up area",
        FollowUpOwnerMissing = "Choose an owner, or type the e-mail of someone in the organisation.",
        FollowUpOwnerUnknown = "Nobody in the organisation has this e-mail.",
        FollowUpDeadlineMissing = "Choose a deadline from today on.",
        FollowUpCreated = (text, owner, deadline) => $"\"{text}\" is now a follow-up area: {owner} owns it, deadline {deadline}. The deviation is closed.",
        AlreadyFollowedUp = text => $"\"{text}\" was already made a follow-up area.",
    };
}
