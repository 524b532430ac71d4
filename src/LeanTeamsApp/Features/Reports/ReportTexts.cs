using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Features.Reports;

/// <summary>The report's column names and the `report` command's answers, per language.</summary>
public sealed record ReportTexts
{
    public required string SheetName { get; init; }
    public required Func<string, string, string, string> Title { get; init; }
    public required string Area { get; init; }
    public required string Unit { get; init; }
    public required string MeetingsExpected { get; init; }
    public required string MeetingsHeld { get; init; }
    public required string CheckIns { get; init; }
    public required string ImprovementsNew { get; init; }
    public required string ImprovementsDone { get; init; }
    public required string Deviations { get; init; }
    public required string GembaWalks { get; init; }
    public required string Reviews { get; init; }
    public required string Fishbones { get; init; }
    public required string FollowUpsOpened { get; init; }
    public required string FollowUpsClosed { get; init; }
    public required string FollowUpsOpen { get; init; }
    public required string FollowUpsOverdue { get; init; }

    /// <summary>The column of benefit figures left out as out of bounds, shown only when there are any.</summary>
    public required string BenefitsLeftOut { get; init; }

    /// <summary>The card's word on figures left out: how many, and in which units.</summary>
    public required Func<int, string, string> LeftOutNote { get; init; }
    public required string Total { get; init; }
    public required string Benefits { get; init; }
    public required string DownloadCsv { get; init; }

    public required string OpenReports { get; init; }
    public required string DownloadExcel { get; init; }
    public required Func<int, string> LinksValid { get; init; }
    public required string Usage { get; init; }

    /// <summary>Benefits per stage: the heading, the stage names, årsverk, and "previous period" with its name.</summary>
    public required string StagesTitle { get; init; }
    public required IReadOnlyDictionary<Board.BenefitStage, string> Stages { get; init; }
    public required string WorkYears { get; init; }
    public required Func<string, string> Previous { get; init; }
    public required string Future { get; init; }

    /// <summary>A quarter (number, year) and a tertial as people in the language name them; a year is its number.</summary>
    public required Func<int, int, string> QuarterName { get; init; }
    public required Func<int, int, string> TertialName { get; init; }

    /// <summary>The period as the reader says it ("3. kvartal 2026"), not as files and links name it ("2026-Q3").</summary>
    public string PeriodName(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Quarter is { } q ? QuarterName(q, period.Year)
            : period.Tertial is { } t ? TertialName(t, period.Year)
            : period.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static ReportTexts For(Language language) => OwnTerms.In(
        language switch
        {
            Language.Sv => Swedish,
            Language.En => English,
            Language.Nn => Nynorsk,
            _ => Norwegian,
        },
        language);

    private static readonly ReportTexts Norwegian = new()
    {
        QuarterName = (q, year) => $"{q}. kvartal {year}",
        TertialName = (t, year) => $"{t}. tertial {year}",
        SheetName = "Rapport",
        Title = (org, period, until) => $"Lean-rapport {period} – {org} (tall til og med {until})",
        Area = "Tjenesteområde",
        Unit = "Enhet",
        MeetingsExpected = "Tavlemøter forventet",
        MeetingsHeld = "Tavlemøter gjennomført",
        CheckIns = "Statusrapporter",
        ImprovementsNew = "Forbedringer, nye",
        ImprovementsDone = "Forbedringer, ferdige",
        Deviations = "Avvik",
        GembaWalks = "Gemba-besøk gjennomført",
        Reviews = "Revisjoner gjennomført",
        Fishbones = "Fiskebeinsanalyser",
        FollowUpsOpened = "Oppfølgingsområder, nye",
        FollowUpsClosed = "Oppfølgingsområder, lukket",
        FollowUpsOpen = "Oppfølgingsområder, åpne",
        FollowUpsOverdue = "Oppfølgingsområder, forfalt",
        BenefitsLeftOut = "Gevinsttall holdt utenfor (ugyldige)",
        LeftOutNote = (n, units) => $"{n} gevinsttall er holdt utenfor summene fordi beløpet er ugyldig eller urimelig stort ({units}). Rett eller slett dem på enhetens side i fanen.",
        Total = "Sum",
        Benefits = "Gevinster realisert",
        DownloadCsv = "Last ned CSV",
        OpenReports = "Åpne rapportene",
        DownloadExcel = "Last ned Excel",
        LinksValid = hours => $"Lenkene virker i {hours} timer.",
        Usage = "Skriv for eksempel «rapport K3 2026» for et kvartal, «rapport T2 2026» for et tertial eller «rapport 2026» for et år.",
        StagesTitle = "Gevinster per trinn",
        Stages = Glossary.Labels<Board.BenefitStage>("benefitStage.", Language.Nb),
        WorkYears = "årsverk",
        Previous = period => $"forrige periode ({period})",
        Future = "Den perioden har ikke begynt ennå.",
    };

    private static readonly ReportTexts Nynorsk = new()
    {
        QuarterName = (q, year) => $"{q}. kvartal {year}",
        TertialName = (t, year) => $"{t}. tertial {year}",
        SheetName = "Rapport",
        Title = (org, period, until) => $"Lean-rapport {period} – {org} (tal til og med {until})",
        Area = "Tenesteområde",
        Unit = "Eining",
        MeetingsExpected = "Tavlemøte, forventa",
        MeetingsHeld = "Tavlemøte, gjennomførte",
        CheckIns = "Statusrapportar",
        ImprovementsNew = "Forbetringar, nye",
        ImprovementsDone = "Forbetringar, ferdige",
        Deviations = "Avvik",
        GembaWalks = "Gemba-besøk gjennomførte",
        Reviews = "Revisjonar gjennomførte",
        Fishbones = "Fiskebeinsanalysar",
        FollowUpsOpened = "Oppfølgingsområde, nye",
        FollowUpsClosed = "Oppfølgingsområde, lukka",
        FollowUpsOpen = "Oppfølgingsområde, opne",
        FollowUpsOverdue = "Oppfølgingsområde, fristen er ute",
        BenefitsLeftOut = "Gevinsttal haldne utanfor (ugyldige)",
        LeftOutNote = (n, units) => $"{n} gevinsttal er haldne utanfor summane fordi verdien er ugyldig eller urimeleg stor ({units}). Rett eller slett dei på sida til eininga i fana.",
        Total = "Sum",
        Benefits = "Gevinstar realiserte",
        DownloadCsv = "Last ned CSV",
        DownloadExcel = "Last ned Excel",
        LinksValid = hours => $"Lenkjene verkar i {hours} timar.",
        Usage = "Skriv til dømes «rapport K3 2026» for eit kvartal, «rapport T2 2026» for eit tertial eller «rapport 2026» for eit år.",
        Future = "Den perioden har ikkje byrja enno.",
        StagesTitle = "Gevinstar per steg",
        Stages = Glossary.Labels<Board.BenefitStage>("benefitStage.", Language.Nn),
        WorkYears = "årsverk",
        Previous = period => $"førre periode ({period})",
        OpenReports = "Opne rapportane",
    };

    private static readonly ReportTexts Swedish = new()
    {
        QuarterName = (q, year) => $"kvartal {q} {year}",
        TertialName = (t, year) => $"tertial {t} {year}",
        SheetName = "Rapport",
        Title = (org, period, until) => $"Leanrapport {period} – {org} (siffror till och med {until})",
        Area = "Verksamhetsområde",
        Unit = "Enhet",
        MeetingsExpected = "Tavelmöten, förväntade",
        MeetingsHeld = "Tavelmöten genomförda",
        CheckIns = "Statusrapporter",
        ImprovementsNew = "Förbättringar, nya",
        ImprovementsDone = "Förbättringar, genomförda",
        Deviations = "Avvikelser",
        GembaWalks = "Gemba-besök genomförda",
        Reviews = "Halvårsuppföljningar genomförda",
        Fishbones = "Fiskbensanalyser",
        FollowUpsOpened = "Uppföljningsområden, nya",
        FollowUpsClosed = "Uppföljningsområden, stängda",
        FollowUpsOpen = "Uppföljningsområden, öppna",
        FollowUpsOverdue = "Uppföljningsområden, försenade",
        BenefitsLeftOut = "Nyttotal utelämnade (ogiltiga)",
        LeftOutNote = (n, units) => $"{n} nyttotal är utelämnade ur summorna eftersom beloppet är ogiltigt eller orimligt stort ({units}). Rätta eller ta bort dem på enhetens sida i fliken.",
        Total = "Summa",
        Benefits = "Nytta realiserad",
        DownloadCsv = "Ladda ner CSV",
        OpenReports = "Öppna rapporterna",
        DownloadExcel = "Ladda ner Excel",
        LinksValid = hours => $"Länkarna fungerar i {hours} timmar.",
        Usage = "Skriv till exempel ”rapport K3 2026” för ett kvartal, ”rapport T2 2026” för ett tertial eller ”rapport 2026” för ett år.",
        StagesTitle = "Nytta per steg",
        Stages = Glossary.Labels<Board.BenefitStage>("benefitStage.", Language.Sv),
        WorkYears = "årsarbeten",
        Previous = period => $"föregående period ({period})",
        Future = "Den perioden har inte börjat ännu.",
    };

    private static readonly ReportTexts English = new()
    {
        QuarterName = (q, year) => $"Q{q} {year}",
        TertialName = (t, year) => $"four-month period {t} of {year}",
        SheetName = "Report",
        Title = (org, period, until) => $"Lean report {period} – {org} (figures up to {until})",
        Area = "Service area",
        Unit = "Unit",
        MeetingsExpected = "Board meetings expected",
        MeetingsHeld = "Board meetings held",
        CheckIns = "Check-ins",
        ImprovementsNew = "Improvements, new",
        ImprovementsDone = "Improvements, done",
        Deviations = "Deviations",
        GembaWalks = "Gemba walks done",
        Reviews = "Reviews done",
        Fishbones = "Fishbone analyses",
        FollowUpsOpened = "Follow-up areas, new",
        FollowUpsClosed = "Follow-up areas, closed",
        FollowUpsOpen = "Follow-up areas, open",
        FollowUpsOverdue = "Follow-up areas, overdue",
        BenefitsLeftOut = "Benefit figures left out (invalid)",
        LeftOutNote = (n, units) => $"{n} benefit figure(s) left out of the sums because the amount is invalid or implausibly large ({units}). Correct or delete them on the unit's page in the tab.",
        Total = "Total",
        Benefits = "Benefits realised",
        DownloadCsv = "Download CSV",
        OpenReports = "Open the reports",
        DownloadExcel = "Download Excel",
        LinksValid = hours => $"The links work for {hours} hours.",
        Usage = "Type e.g. \"report Q3 2026\" for a quarter, \"report T2 2026\" for a tertial or \"report 2026\" for a year.",
        StagesTitle = "Benefits by stage",
        Stages = Glossary.Labels<Board.BenefitStage>("benefitStage.", Language.En),
        WorkYears = "årsverk (FTE)",
        Previous = period => $"previous period ({period})",
        Future = "That period has not begun yet.",
    };
}
