using LeanTeamsApp.Features.Organisation;

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
    public required string DownloadExcel { get; init; }
    public required Func<int, string> LinksValid { get; init; }
    public required string Usage { get; init; }
    public required string Future { get; init; }

    public static ReportTexts For(Language language) => language switch
    {
        Language.Sv => Swedish,
        Language.En => English,
        _ => Norwegian,
    };

    private static readonly ReportTexts Norwegian = new()
    {
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
        DownloadExcel = "Last ned Excel",
        LinksValid = hours => $"Lenkene virker i {hours} timer.",
        Usage = "Skriv for eksempel «rapport K3 2026» for et kvartal eller «rapport 2026» for et år.",
        Future = "Den perioden har ikke begynt ennå.",
    };

    private static readonly ReportTexts Swedish = new()
    {
        SheetName = "Rapport",
        Title = (org, period, until) => $"Leanrapport {period} – {org} (siffror till och med {until})",
        Area = "Verksamhetsområde",
        Unit = "Enhet",
        MeetingsExpected = "Tavelmöten väntade",
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
        DownloadExcel = "Ladda ner Excel",
        LinksValid = hours => $"Länkarna fungerar i {hours} timmar.",
        Usage = "Skriv till exempel ”rapport K3 2026” för ett kvartal eller ”rapport 2026” för ett år.",
        Future = "Den perioden har inte börjat ännu.",
    };

    private static readonly ReportTexts English = new()
    {
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
        DownloadExcel = "Download Excel",
        LinksValid = hours => $"The links work for {hours} hours.",
        Usage = "Type e.g. \"report Q3 2026\" for a quarter or \"report 2026\" for a year.",
        Future = "That period has not begun yet.",
    };
}
