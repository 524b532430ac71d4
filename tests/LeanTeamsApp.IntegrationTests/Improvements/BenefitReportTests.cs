using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.IntegrationTests.Improvements;

/// <summary>
/// The report's benefits per stage add up to the records: seeded benefits at every stage in two units of two service
/// areas, some inside the period asked for, some in the one before, some after. It is Friday 20 November 2026.
/// </summary>
public sealed class BenefitReportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 11, 1, 0, TimeSpan.Zero);

    /// <summary>One figure of one stage on the day it counts: what each seeded record is made of.</summary>
    private sealed record Figure(string UnitId, string BenefitId, BenefitStage Stage, BenefitKind Kind, BenefitMeasure Measure, decimal Amount, DateOnly On);

    private static readonly Figure[] Figures =
    [
        new("byggesak", "b1", BenefitStage.Identified, BenefitKind.TimeSaved, BenefitMeasure.Hours, 100m, new(2026, 5, 10)),
        new("byggesak", "b1", BenefitStage.Planned, BenefitKind.TimeSaved, BenefitMeasure.Hours, 80m, new(2026, 8, 31)),
        new("byggesak", "b1", BenefitStage.Realised, BenefitKind.TimeSaved, BenefitMeasure.Hours, 70m, new(2026, 9, 15)),
        new("byggesak", "b1", BenefitStage.Reinvested, BenefitKind.TimeSaved, BenefitMeasure.Hours, 70m, new(2026, 9, 20)),
        new("byggesak", "b2", BenefitStage.Identified, BenefitKind.TimeSaved, BenefitMeasure.Hours, 40m, new(2026, 7, 5)),
        new("byggesak", "b3", BenefitStage.Realised, BenefitKind.TimeSaved, BenefitMeasure.Hours, 30m, new(2026, 6, 10)),
        new("byggesak", "b4", BenefitStage.Realised, BenefitKind.TimeSaved, BenefitMeasure.Hours, 500m, new(2026, 10, 10)),
        new("barneverntjenesten", "b5", BenefitStage.Identified, BenefitKind.Money, BenefitMeasure.Nok, 25000m, new(2026, 4, 20)),
        new("barneverntjenesten", "b5", BenefitStage.Realised, BenefitKind.Money, BenefitMeasure.Nok, 20000m, new(2026, 8, 1)),
        new("barneverntjenesten", "b6", BenefitStage.Realised, BenefitKind.TimeSaved, BenefitMeasure.Hours, 12.5m, new(2026, 7, 30)),
        // Across the year boundary: the last tertial of 2025 is what the first of 2026 is held against.
        new("byggesak", "b7", BenefitStage.Identified, BenefitKind.TimeSaved, BenefitMeasure.Hours, 60m, new(2025, 10, 5)),
        new("byggesak", "b7", BenefitStage.Planned, BenefitKind.TimeSaved, BenefitMeasure.Hours, 50m, new(2026, 2, 15)),
        new("byggesak", "b8", BenefitStage.Realised, BenefitKind.TimeSaved, BenefitMeasure.Hours, 16m, new(2026, 3, 3)),
        new("barneverntjenesten", "b9", BenefitStage.Identified, BenefitKind.Money, BenefitMeasure.Nok, 10000m, new(2025, 9, 10)),
        new("barneverntjenesten", "b9", BenefitStage.Realised, BenefitKind.Money, BenefitMeasure.Nok, 8000m, new(2025, 12, 20)),
        new("barneverntjenesten", "b10", BenefitStage.Identified, BenefitKind.TimeSaved, BenefitMeasure.Hours, 20m, new(2026, 1, 12)),
    ];

    private BoardHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BoardHost.StartAsync(Friday);
        foreach (var record in Figures.GroupBy(f => (f.UnitId, f.BenefitId)))
        {
            var first = record.First();
            var benefit = new Benefit(first.UnitId, first.BenefitId, first.Kind, BenefitStage.Identified, 0, first.Measure, [], first.On, "Randi Lie", RecordSource.Command) { Title = "Seeded" };
            foreach (var figure in record)
            {
                benefit = figure.Stage == BenefitStage.Reinvested ? benefit.WithReinvested("Mer veiledning", figure.On) : benefit.WithStage(figure.Stage, figure.Amount, figure.On);
            }

            Assert.True((await _host.Records.AddBenefitAsync(_host.TenantId, benefit, default)).Added);
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>What the card should say for a stage: the seeded figures of that stage dated in the period, summed per kind and measure.</summary>
    private static string Expected(BenefitStage stage, DateOnly from, DateOnly to)
    {
        var c = CheckInTexts.For(Language.Nb);
        var nb = CultureInfo.GetCultureInfo("nb-NO");
        var sums = Figures.Where(f => f.Stage == stage && f.On >= from && f.On <= to)
            .GroupBy(f => (f.Kind, f.Measure)).OrderBy(g => g.Key).Select(g => (g.Key.Kind, g.Key.Measure, Amount: g.Sum(f => f.Amount))).ToList();
        return sums.Count == 0 ? "–" : string.Join("; ", sums.Select(s => $"{c.Kinds[s.Kind]} {s.Amount.ToString("#,0.##", nb)} {c.Measures[s.Measure]}"
            + (s.Measure == BenefitMeasure.Hours ? $" ({WorkYears.FromHours(s.Amount, 1695m).ToString("#,0.##", nb)} årsverk)" : "")));
    }

    private async Task<Dictionary<string, string>> StageFactsAsync(string command)
    {
        await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.Coordinator, command));
        var card = _host.LastCard();
        var sets = card["body"]!.AsArray().Where(e => (string?)e!["type"] == "FactSet").ToList();
        var stages = sets[1]!["facts"]!.AsArray();
        return stages.ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!, StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("rapport K3 2026", "2026-07-01", "2026-09-30", "2026-04-01", "2026-06-30", "2. kvartal 2026")]
    [InlineData("rapport T2 2026", "2026-05-01", "2026-08-31", "2026-01-01", "2026-04-30", "1. tertial 2026")]
    public async Task Report_SeededPeriod_StageTotalsEqualTheSumOfTheRecordsAndThePreviousPeriods(string command, string from, string to, string previousFrom, string previousTo, string previousName)
    {
        var facts = await StageFactsAsync(command);

        var names = new Dictionary<BenefitStage, string>
        {
            [BenefitStage.Identified] = "Identifisert", [BenefitStage.Planned] = "Planlagt", [BenefitStage.Realised] = "Realisert", [BenefitStage.Reinvested] = "Reinvestert",
        };
        foreach (var (stage, name) in names)
        {
            var expected = $"{Expected(stage, DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture))}"
                + $" · forrige periode ({previousName}): {Expected(stage, DateOnly.Parse(previousFrom, CultureInfo.InvariantCulture), DateOnly.Parse(previousTo, CultureInfo.InvariantCulture))}";
            Assert.Equal(expected, facts[name]);
        }
    }

    private async Task<List<string[]>> CsvAsync(string path)
    {
        var csv = await _host.TabTextAsync(path, _host.Token("lean.koordinator@fjordvik.kommune.no", "Jonas Vik"));

        // Column names such as "Improvements, new" hold the separator, so the file is read as CSV, quotes and all.
        using var reader = new CsvHelper.CsvReader(new StringReader(csv.TrimStart('\uFEFF')), new CsvHelper.Configuration.CsvConfiguration(CultureInfo.GetCultureInfo("en")));
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Parser.Record!);
        }

        return rows;
    }

    [Fact]
    public async Task TabReport_FirstTertial_EachUnitAreaAndTotalHoldsTheRecordsOfThePeriodBesideTheLastTertialOfTheYearBefore()
    {
        var rows = await CsvAsync("/api/tab/reports/2026-T1.csv?lang=en");

        var header = rows[0];
        var byggesak = rows.Single(r => r[1] == "Byggesak");
        var barnevern = rows.Single(r => r[1] == "Barneverntjenesten");
        Assert.NotEqual(byggesak[0], barnevern[0]);
        var lines = new (string[] Row, Func<Figure, bool> Covers)[]
        {
            (byggesak, f => f.UnitId == "byggesak"),
            (rows.Single(r => r[0] == byggesak[0] && r[1] == "Total"), f => f.UnitId == "byggesak"),
            (barnevern, f => f.UnitId == "barneverntjenesten"),
            (rows.Single(r => r[0] == barnevern[0] && r[1] == "Total"), f => f.UnitId == "barneverntjenesten"),
            (rows[^1], _ => true),
        };
        Assert.Equal("Total", rows[^1][0]);
        var (t, c) = (Features.Reports.ReportTexts.For(Language.En), CheckInTexts.For(Language.En));
        var periods = new[] { (Suffix: "", From: new DateOnly(2026, 1, 1), To: new DateOnly(2026, 4, 30)), (Suffix: ", previous period (four-month period 3 of 2025)", From: new DateOnly(2025, 9, 1), To: new DateOnly(2025, 12, 31)) };
        var compared = 0;
        foreach (var (stage, kind, measure) in Figures.Select(f => (f.Stage, f.Kind, f.Measure)).Distinct())
        {
            foreach (var (suffix, from, to) in periods)
            {
                var name = $"{t.Stages[stage]}: {c.Kinds[kind]}";
                var amountColumn = Array.IndexOf(header, $"{name} ({c.Measures[measure]}){suffix}");
                var yearsColumn = Array.IndexOf(header, $"{name} ({t.WorkYears}){suffix}");
                foreach (var (row, covers) in lines)
                {
                    var expected = Figures.Where(f => covers(f) && (f.Stage, f.Kind, f.Measure) == (stage, kind, measure) && f.On >= from && f.On <= to).Sum(f => f.Amount);
                    if (expected == 0)
                    {
                        continue;
                    }

                    Assert.True(amountColumn > 0, $"no column for {name}{suffix}: {string.Join(" | ", header)}");
                    Assert.Equal(expected, decimal.Parse(row[amountColumn], CultureInfo.InvariantCulture));
                    if (measure == BenefitMeasure.Hours)
                    {
                        Assert.Equal(WorkYears.FromHours(expected, 1695m), decimal.Parse(row[yearsColumn], CultureInfo.InvariantCulture));
                    }

                    compared++;
                }
            }
        }

        // Identified, planned and realised in both periods, in two units, their areas and the total.
        Assert.True(compared >= 20, $"{compared} figures compared");
    }

    [Fact]
    public async Task TabReport_Tertial_CountsTheRealisedHoursOfTheRecordsInHoursAndÅrsverk()
    {
        var rows = await CsvAsync("/api/tab/reports/2026-T2.csv?lang=en");

        var (header, total) = (rows[0], rows[^1]);
        var hours = Array.IndexOf(header, "Realised: Time saved (hours)");
        var years = Array.IndexOf(header, "Realised: Time saved (årsverk (FTE))");
        var expected = Figures.Where(f => f.Stage == BenefitStage.Realised && f.Measure == BenefitMeasure.Hours && f.On >= new DateOnly(2026, 5, 1) && f.On <= new DateOnly(2026, 8, 31)).Sum(f => f.Amount);
        Assert.True(hours > 0 && years > 0, string.Join(" | ", header));
        Assert.Equal((expected, WorkYears.FromHours(expected, 1695m)), (decimal.Parse(total[hours], CultureInfo.InvariantCulture), decimal.Parse(total[years], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Report_NoPeriodNamed_IsTheRunningPeriodOfTheOrganisationsCycle()
    {
        await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.Coordinator, "rapport"));

        Assert.Contains("Lean-rapport 4. kvartal 2026", _host.LastCard().ToJsonString(), StringComparison.Ordinal);
    }
}
