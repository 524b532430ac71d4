using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Reports;

/// <summary>The report as files people open in Excel: a CSV and a workbook, with the same columns and totals.</summary>
public static class ReportFiles
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// CSV in the user's culture: Norwegian and Swedish Excel expect ';' between fields and a decimal comma. The BOM
    /// makes Excel read UTF-8, so "Hjemmetjenesten sør" keeps its ø.
    /// </summary>
    public static byte[] Csv(Report report, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var culture = language.Culture();
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(culture)))
        {
            foreach (var row in Table(report, language))
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell switch
                    {
                        decimal d => d.ToString("0.##", culture),
                        int i => i.ToString(culture),
                        _ => AsText(cell?.ToString() ?? ""),
                    });
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Names come from users and HR files: one that starts like a formula (=, +, -, @, tab or carriage return, the
    /// OWASP list) would run as one when the coordinator opens the file in Excel, so it gets the apostrophe that makes
    /// Excel show it as text. Only text cells: the figures are written here and must stay numbers.
    /// </summary>
    internal static string AsText(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>The workbook needs no escaping: a string value is stored as text, never read as a formula.</summary>
    public static byte[] Excel(Report report, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = ReportTexts.For(language);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(t.SheetName);
        sheet.Cell(1, 1).Value = t.Title(report.Organisation, t.PeriodName(report.Period), report.CountedUntil.ToString("d", language.Culture()));
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        var table = Table(report, language);
        for (var r = 0; r < table.Count; r++)
        {
            for (var c = 0; c < table[r].Count; c++)
            {
                var cell = sheet.Cell(r + 3, c + 1);
                switch (table[r][c])
                {
                    case int i:
                        cell.Value = i;
                        break;
                    case decimal d:
                        cell.Value = d;
                        cell.Style.NumberFormat.Format = "#,##0.##";
                        break;
                    default:
                        cell.Value = table[r][c]?.ToString() ?? "";
                        break;
                }
            }
        }

        var header = sheet.Range(3, 1, 3, table[0].Count);
        header.Style.Font.Bold = true;
        header.Style.Alignment.WrapText = true;
        sheet.Range(table.Count + 2, 1, table.Count + 2, table[0].Count).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(3);
        // Widths by hand: measuring text needs System.Drawing's fonts, which Linux hosts do not have.
        sheet.Column(1).Width = 28;
        sheet.Column(2).Width = 28;
        for (var c = 3; c <= table[0].Count; c++)
        {
            sheet.Column(c).Width = 14;
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>The header, one row per unit, and the totals, as typed cells.</summary>
    internal static List<List<object?>> Table(Report report, Language language)
    {
        var t = ReportTexts.For(language);
        var c = CheckInTexts.For(language);
        var benefitColumns = report.BenefitColumns;
        List<object?> header =
        [
            t.Area, t.Unit, t.MeetingsExpected, t.MeetingsHeld, t.CheckIns, t.ImprovementsNew, t.ImprovementsDone, t.Deviations,
            t.GembaWalks, t.Reviews, t.Fishbones, t.FollowUpsOpened, t.FollowUpsClosed, t.FollowUpsOpen, t.FollowUpsOverdue,
            .. benefitColumns.Select(b => $"{c.Kinds[b.Kind]} ({c.Measures[b.Measure]})"),
        ];
        // Benefits per stage from the records, hours also in årsverk, after the realised sums of the weeks; beside each the
        // same figure in the period before, which is what a council report sets this period against.
        var stageColumns = report.Rows.SelectMany(r => r.Stages.Concat(r.PreviousStages)).Select(s => (s.Stage, s.Kind, s.Measure)).Distinct().Order().ToList();
        var previous = t.Previous(t.PeriodName(report.Period.Previous));
        foreach (var (stage, kind, measure) in stageColumns)
        {
            var name = $"{t.Stages[stage]}: {c.Kinds[kind]}";
            header.Add($"{name} ({c.Measures[measure]})");
            if (measure == Board.BenefitMeasure.Hours)
            {
                header.Add($"{name} ({t.WorkYears})");
            }

            header.Add($"{name} ({c.Measures[measure]}), {previous}");
            if (measure == Board.BenefitMeasure.Hours)
            {
                header.Add($"{name} ({t.WorkYears}), {previous}");
            }
        }

        // Figures left out as out of bounds get a column of their own, only when there are any, so they are seen.
        var leftOut = report.Total.BenefitsLeftOut > 0;
        if (leftOut)
        {
            header.Add(t.BenefitsLeftOut);
        }

        var rows = new List<List<object?>> { header };
        // Each area's units, then the area's sum, and the organisation's total last.
        var lines = report.Rows.GroupBy(r => r.AreaName, StringComparer.Ordinal)
            .SelectMany(area => area.Append(ReportRow.Sum([.. area], area.Key, t.Total)))
            .Append(report.Total with { AreaName = t.Total });
        foreach (var row in lines)
        {
            rows.Add(
            [
                row.AreaName, row.UnitName, row.MeetingsExpected, row.MeetingsHeld, row.CheckIns, row.ImprovementsNew, row.ImprovementsDone,
                row.Deviations, row.GembaWalksDone, row.ReviewsDone, row.FishboneAnalysesDone, row.FollowUps.Opened, row.FollowUps.Closed,
                row.FollowUps.OpenAtEnd, row.FollowUps.OverdueAtEnd,
                .. benefitColumns.Select(b => (object?)Report.Amount(row, b.Kind, b.Measure)),
            ]);
            foreach (var (stage, kind, measure) in stageColumns)
            {
                foreach (var sums in (IReadOnlyList<StageSum>[])[row.Stages, row.PreviousStages])
                {
                    var amount = Board.InputLimits.Sum(sums.Where(s => (s.Stage, s.Kind, s.Measure) == (stage, kind, measure)).Select(s => s.Amount));
                    rows[^1].Add(amount);
                    if (measure == Board.BenefitMeasure.Hours)
                    {
                        rows[^1].Add(Board.WorkYears.FromHours(amount, report.HoursPerWorkYear));
                    }
                }
            }

            if (leftOut)
            {
                rows[^1].Add(row.BenefitsLeftOut);
            }
        }

        return rows;
    }

    public static string FileName(Report report, string extension)
    {
        ArgumentNullException.ThrowIfNull(report);
        var safe = new string([.. report.Organisation.Select(ch => char.IsLetterOrDigit(ch) ? ch : '-')]).Trim('-');
        return string.Create(CultureInfo.InvariantCulture, $"lean-rapport-{safe}-{report.Period}.{extension}");
    }
}
