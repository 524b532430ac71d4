using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Weeks;

/// <summary>A benefit in one week, summed per kind and unit of measure, with the units it spilled over to.</summary>
public sealed record BenefitSum(BenefitKind Kind, BenefitMeasure Measure, decimal Amount, IReadOnlyList<string> AffectsUnitIds);

/// <summary>
/// One unit's week as the digest and the reports count it: its check-in (if any), its improvements as their records
/// show them (<see cref="ImprovementCounts"/>) and the benefits realised that week. Kept so a digest or a quarter
/// reads a few rows per unit, never the unit's whole history.
/// </summary>
public sealed record UnitWeek(string UnitId, IsoWeek Week)
{
    public bool Reported { get; init; }

    public bool Held { get; init; }

    public int ImprovementsNew { get; init; }

    /// <summary>In progress at the end of the week.</summary>
    public int ImprovementsInProgress { get; init; }

    public int ImprovementsDone { get; init; }

    public int Deviations { get; init; }

    public int RedGoals { get; init; }

    public string? HelpNeeded { get; init; }

    public IReadOnlyList<BenefitSum> Benefits { get; init; } = [];

    /// <summary>Benefit figures of the week left out of <see cref="Benefits"/> as out of bounds (<see cref="InputLimits.IsCountable"/>).</summary>
    public int BenefitsLeftOut { get; init; }
}

/// <summary>A unit's running totals for a year: what the digest shows as "this year" and the annual report counts.</summary>
public sealed record UnitYear(string UnitId, int Year)
{
    public int MeetingsHeld { get; init; }

    public int CheckIns { get; init; }

    public int ImprovementsNew { get; init; }

    public int ImprovementsDone { get; init; }

    public int Deviations { get; init; }

    public IReadOnlyList<BenefitSum> Benefits { get; init; } = [];

    public int BenefitsLeftOut { get; init; }
}

/// <summary>A unit's open improvements by stage as of the last change to any of them: the board as it stands.</summary>
public sealed record UnitBoard(string UnitId, OpenCounts Open)
{
    /// <summary>The improvements done and waiting for their benefit, for the digest's chase.</summary>
    public IReadOnlyList<AwaitingBenefit> AwaitingBenefit { get; init; } = [];
}

/// <summary>
/// Weekly and yearly aggregates per unit, in a table partitioned by tenant: `week|2026-W47|unit` rows (a week of every
/// unit is one range scan), `year|2026|unit` rows and `board|unit` rows (every unit's open improvements now, one
/// scan). They are recomputed from their sources whenever a check-in, a benefit or an improvement is stored or moved,
/// from chat or the tab, so they never drift: a week from its check-in and the unit's records, a year from its weeks.
/// </summary>
public sealed class UnitWeekStore(StorageTables tables, CheckInHistory checkIns, ImprovementStore records)
{
    internal const string Table = "UnitWeeks";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private TableClient Client => tables.Get(Table);

    /// <summary>
    /// Recomputes the unit's week whose board meeting is <paramref name="meetingDate"/>, its year and its board. Called
    /// after anything that changes what they count, whoever made the change and from where.
    /// </summary>
    public async Task RefreshAsync(string tenantId, Unit unit, DateOnly meetingDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var unitId = unit.Id;
        var week = IsoWeek.Of(meetingDate);
        var checkIn = await checkIns.GetAsync(tenantId, unitId, meetingDate, cancellationToken);
        var benefits = (await records.ListBenefitsAsync(tenantId, unitId, cancellationToken))
            .Where(b => b.IsRealised && IsoWeek.Of(b.RealisedOn) == week).ToList();
        var improvements = await records.ListImprovementsAsync(tenantId, unitId, cancellationToken);
        var counts = CheckIn.WithTypedFigures(ImprovementCounts.InWeek(improvements, week, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)), checkIn);
        var unitWeek = new UnitWeek(unitId, week)
        {
            Reported = checkIn is not null,
            Held = checkIn?.MeetingHeld ?? false,
            ImprovementsNew = counts.New,
            ImprovementsInProgress = counts.InProgress,
            ImprovementsDone = counts.Done,
            Deviations = checkIn?.NewDeviations.Count ?? 0,
            RedGoals = checkIn?.GoalStatuses.Values.Count(g => g == GoalStatus.Red) ?? 0,
            HelpNeeded = checkIn?.HelpNeeded,
            // A figure out of bounds (stored before the bounds) would make every sum after it wrong, or overflow:
            // it is left out and counted, so the digest, the report and the tab can say so and it can be corrected.
            Benefits = Sum(benefits.Where(InputLimits.IsCountable).Select(b => new BenefitSum(b.Kind, b.Measure, b.Amount, b.AffectsUnitIds))),
            BenefitsLeftOut = benefits.Count(b => !InputLimits.IsCountable(b)),
        };
        // The same week under two keys, in one transaction: by week for the digest (every unit's week in one scan),
        // by unit for the unit's year (its weeks in one scan). The board goes with them, as the records stand now.
        await Client.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(tenantId, WeekKey(week, unitId), unitWeek)),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(tenantId, UnitWeekKey(unitId, week), unitWeek)),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(tenantId, BoardKey(unitId), new UnitBoard(unitId, OpenCounts.Of(improvements)) { AwaitingBenefit = BenefitChase.Awaiting(improvements, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)) })),
            ],
            cancellationToken);

        var year = week.Year;
        var mine = await QueryAsync<UnitWeek>(tenantId, string.Create(CultureInfo.InvariantCulture, $"unit|{unitId}|{year:D4}-W"), cancellationToken);
        var unitYear = new UnitYear(unitId, year)
        {
            MeetingsHeld = mine.Count(w => w.Held),
            CheckIns = mine.Count(w => w.Reported),
            ImprovementsNew = mine.Sum(w => w.ImprovementsNew),
            ImprovementsDone = mine.Sum(w => w.ImprovementsDone),
            Deviations = mine.Sum(w => w.Deviations),
            Benefits = Sum(mine.SelectMany(w => w.Benefits)),
            BenefitsLeftOut = mine.Sum(w => w.BenefitsLeftOut),
        };
        await Client.UpsertEntityAsync(Row(tenantId, YearKey(year, unitId), unitYear), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Recomputes the week in which <paramref name="at"/> falls for the unit (a move made with a button, from chat or
    /// the tab, counts then).
    /// </summary>
    public Task RefreshWeekOfAsync(string tenantId, Unit unit, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).DateTime);
        return RefreshAsync(tenantId, unit, MeetingClock.DateIn(unit, IsoWeek.Of(today)), cancellationToken);
    }

    /// <summary>Every unit's open improvements by stage (units whose records never changed have no row).</summary>
    public Task<IReadOnlyList<UnitBoard>> ListBoardsAsync(string tenantId, CancellationToken cancellationToken) =>
        QueryAsync<UnitBoard>(tenantId, "board|", cancellationToken);

    /// <summary>Every unit's aggregate for <paramref name="week"/> (units with nothing recorded have no row).</summary>
    public Task<IReadOnlyList<UnitWeek>> ListWeekAsync(string tenantId, IsoWeek week, CancellationToken cancellationToken) =>
        QueryAsync<UnitWeek>(tenantId, $"week|{week}|", cancellationToken);

    /// <summary>Every unit's weeks from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public async Task<IReadOnlyList<UnitWeek>> ListWeeksAsync(string tenantId, IsoWeek from, IsoWeek to, CancellationToken cancellationToken)
    {
        var lower = $"week|{from}|";
        var upper = $"week|{to}|";
        var filter = KeyPrefix.Filter(tenantId, lower, upper);
        var found = new List<UnitWeek>();
        await foreach (var row in Client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(Read<UnitWeek>(row));
        }

        return found;
    }

    public Task<IReadOnlyList<UnitYear>> ListYearAsync(string tenantId, int year, CancellationToken cancellationToken) =>
        QueryAsync<UnitYear>(tenantId, $"year|{year:D4}|", cancellationToken);

    /// <summary>Sums benefits per kind and measure; the affected units of the parts are kept together.</summary>
    public static IReadOnlyList<BenefitSum> Sum(IEnumerable<BenefitSum> benefits) =>
    [
        .. benefits
            .GroupBy(b => (b.Kind, b.Measure))
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Measure)
            .Select(g => new BenefitSum(g.Key.Kind, g.Key.Measure, InputLimits.Sum(g.Select(b => b.Amount)), [.. g.SelectMany(b => b.AffectsUnitIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)])),
    ];

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string tenantId, string prefix, CancellationToken cancellationToken)
    {
        var filter = KeyPrefix.Filter(tenantId, prefix);
        var found = new List<T>();
        await foreach (var row in Client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(Read<T>(row));
        }

        return found;
    }

    /// <summary>
    /// An aggregate as stored. One written before the bounds may hold a benefit sum that countable figures cannot add up
    /// to (negative, beyond <see cref="InputLimits.MaxRecordsInASum"/> times the largest amount, or no number at all): such
    /// a sum is left out and counted as left out, like the figures it came from, until the week is counted again.
    /// </summary>
    private static T Read<T>(TableEntity row)
    {
        var data = row.GetString("Data");
        T value;
        var unreadable = 0;
        try
        {
            value = JsonSerializer.Deserialize<T>(data, Json)!;
        }
        catch (JsonException)
        {
            var node = JsonNode.Parse(data)!.AsObject();
            unreadable = node["benefits"] is JsonArray list ? list.Count : 1;
            node.Remove("benefits");
            value = node.Deserialize<T>(Json)!;
        }

        return value switch
        {
            UnitWeek week when unreadable > 0 || week.Benefits.Any(Uncountable) => (T)(object)(week with
            {
                Benefits = [.. week.Benefits.Where(b => !Uncountable(b))],
                BenefitsLeftOut = week.BenefitsLeftOut + unreadable + week.Benefits.Count(Uncountable),
            }),
            UnitYear year when unreadable > 0 || year.Benefits.Any(Uncountable) => (T)(object)(year with
            {
                Benefits = [.. year.Benefits.Where(b => !Uncountable(b))],
                BenefitsLeftOut = year.BenefitsLeftOut + unreadable + year.Benefits.Count(Uncountable),
            }),
            _ => value,
        };
    }

    private static bool Uncountable(BenefitSum sum) => !InputLimits.IsCountableSum(sum.Kind, sum.Measure, sum.Amount);

    private static string WeekKey(IsoWeek week, string unitId) => $"week|{week}|{unitId}";

    private static string UnitWeekKey(string unitId, IsoWeek week) => $"unit|{unitId}|{week}";

    private static string BoardKey(string unitId) => $"board|{unitId}";

    private static string YearKey(int year, string unitId) => string.Create(CultureInfo.InvariantCulture, $"year|{year:D4}|{unitId}");

    private static TableEntity Row<T>(string tenantId, string key, T value) => new(tenantId, key) { ["Data"] = JsonSerializer.Serialize(value, Json) };
}
