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
/// A unit's estimates and plans as the digest sums them (<see cref="StageSum.Of"/>), so that a digest of a recent week
/// reads them from the overview rows, not every benefit of the tenant: the identified and planned figures dated on or
/// after <see cref="From"/>, summed per stage, kind, measure and part of an ISO week in one calendar year (kept under the
/// part's first day). A period from a Monday or 1 January to a Sunday or 31 December takes a part whole or not at all,
/// so its sums are those of the records.
/// </summary>
public sealed record StageFigures(DateOnly From)
{
    /// <summary>More parts than a unit's row keeps; beyond it none are kept and <see cref="TooMany"/> says so.</summary>
    public const int MaxFigures = 1_000;

    /// <summary>The stages the digest counts from the records rather than from the weeks.</summary>
    private static readonly BenefitStage[] Kept = [BenefitStage.Identified, BenefitStage.Planned];

    public IReadOnlyList<StageFigure> Figures { get; init; } = [];

    /// <summary>The unit had more than <see cref="MaxFigures"/> parts: none are kept, and the digest counts from the records.</summary>
    public bool TooMany { get; init; }

    /// <summary>What <paramref name="benefits"/> count from <paramref name="from"/> on, as a unit's row keeps it.</summary>
    public static StageFigures Of(IEnumerable<Benefit> benefits, DateOnly from)
    {
        var parts = StageSum.Figures(benefits)
            .Where(f => Kept.Contains(f.Sum.Stage) && f.On >= from)
            .GroupBy(f => (f.Sum.Stage, f.Sum.Kind, f.Sum.Measure, On: PartOf(f.On)))
            .OrderBy(g => g.Key)
            .Select(g => new StageFigure(new StageSum(g.Key.Stage, g.Key.Kind, g.Key.Measure, InputLimits.Sum(g.Select(f => f.Sum.Amount))), g.Key.On))
            .ToList();
        return parts.Count > MaxFigures ? new StageFigures(from) { TooMany = true } : new StageFigures(from) { Figures = parts };
    }

    /// <summary>Whether the figures hold every estimate and plan dated from <paramref name="from"/> on.</summary>
    public bool Covers(DateOnly from) => !TooMany && From <= from;

    /// <summary>
    /// The figures from <paramref name="from"/> (a Monday or 1 January) to <paramref name="until"/> (a Sunday or 31 December),
    /// not yet summed: <see cref="StageSum.Sum"/> sums them, with other units' if need be.
    /// </summary>
    public IEnumerable<StageSum> In(DateOnly from, DateOnly until)
    {
        if (!Covers(from) || (from.DayOfWeek != DayOfWeek.Monday && from.DayOfYear != 1) || (until.DayOfWeek != DayOfWeek.Sunday && until.AddDays(1).DayOfYear != 1))
        {
            throw new ArgumentException($"The figures from {From} hold whole weeks and years: {from} to {until} is not a period of them.", nameof(from));
        }

        return Figures.Where(f => f.On >= from && f.On <= until).Select(f => f.Sum);
    }

    /// <summary>The first day of the part of an ISO week in one calendar year that <paramref name="day"/> is in.</summary>
    private static DateOnly PartOf(DateOnly day)
    {
        var monday = IsoWeek.Of(day).Monday;
        var january = new DateOnly(day.Year, 1, 1);
        return monday > january ? monday : january;
    }
}

/// <summary>
/// What the tab's overview shows of a unit, in one row: its weeks from <see cref="UnitWeekStore.RecentWeeks"/> weeks
/// before the week it was last counted in on, its years from the earliest of those on, and its board. Every unit in
/// one range scan, where the weeks, years and boards were three scans and a row per unit and week.
/// </summary>
public sealed record UnitOverview(string UnitId)
{
    /// <summary>Weeks with something recorded, oldest first; a week in range that is not here had nothing recorded.</summary>
    public IReadOnlyList<UnitWeek> Weeks { get; init; } = [];

    public IReadOnlyList<UnitYear> Years { get; init; } = [];

    public OpenCounts? Open { get; init; }

    /// <summary>
    /// The improvements done and waiting for their benefit, as on the unit's board row, so the digest need not read the
    /// boards as well; null only in a row written before the overview kept them (<see cref="UnitWeekStore.ListOverviewAsync"/>
    /// fills such a row in from the board).
    /// </summary>
    public IReadOnlyList<AwaitingBenefit>? AwaitingBenefit { get; init; }

    /// <summary>
    /// The unit's estimates and plans of this year and the last, so the digest need not read every benefit of the tenant;
    /// null only in a row written before the overview kept them (<see cref="UnitWeekStore.ListOverviewAsync"/> fills such a
    /// row in from the records).
    /// </summary>
    public StageFigures? Stages { get; init; }
}

/// <summary>
/// Weekly and yearly aggregates per unit, in a table partitioned by tenant: `week|2026-W47|unit` rows (a week of every
/// unit is one range scan), `year|2026|unit` rows and `board|unit` rows (every unit's open improvements now, one
/// scan). They are recomputed from their sources whenever a check-in, a benefit or an improvement is stored or moved,
/// from chat or the tab, so they never drift: a week from its check-in and the unit's records, a year from its weeks.
/// </summary>
public sealed class UnitWeekStore(StorageTables tables, CheckInHistory checkIns, ImprovementStore records, TimeProvider time)
{
    internal const string Table = "UnitWeeks";

    /// <summary>How many weeks back, from the week of writing, a unit's overview row holds: the overview shows 12.</summary>
    public const int RecentWeeks = 12;

    // Table Storage: a string property holds at most 32K UTF-16 characters, an entity at most 1 MiB.
    private const int ChunkLength = 30_000;
    private const int MaxEntityChars = 450_000;

    // Before every overview row, so that the overview's scan does not pass it.
    private const string OverviewBuiltKey = "overview-built";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _overviewBuilt = new(StringComparer.Ordinal);

    private TableClient Client => tables.Get(Table);

    /// <summary>
    /// Recomputes the unit's week whose board meeting is <paramref name="meetingDate"/>, its year and its board. Called
    /// after anything that changes what they count, whoever made the change and from where.
    /// </summary>
    public Task RefreshAsync(string tenantId, Unit unit, DateOnly meetingDate, CancellationToken cancellationToken) =>
        RefreshAsync(tenantId, unit, [meetingDate], cancellationToken);

    /// <summary>
    /// Recomputes the unit's weeks whose board meetings are <paramref name="meetingDates"/> (a check-in sent in a later
    /// week than its meeting changes both), its years and its board: the unit's records read once, and every row
    /// written in one transaction.
    /// </summary>
    public async Task RefreshAsync(string tenantId, Unit unit, IReadOnlyCollection<DateOnly> meetingDates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(meetingDates);
        var unitId = unit.Id;
        var tz = TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone);
        var allBenefits = await records.ListBenefitsAsync(tenantId, unitId, cancellationToken);
        var improvements = await records.ListImprovementsAsync(tenantId, unitId, cancellationToken);
        var counted = new List<UnitWeek>();
        foreach (var meetingDate in meetingDates.DistinctBy(IsoWeek.Of))
        {
            counted.Add(Count(unitId, IsoWeek.Of(meetingDate), await checkIns.GetAsync(tenantId, unitId, meetingDate, cancellationToken), allBenefits, improvements, tz));
        }

        // The unit's weeks of every year the year rows and the overview row count, read before the write so that all
        // of them go in one transaction; each week as just counted takes the place of its stored row.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), tz).DateTime);
        var recentFrom = RecentFrom(today);
        var firstYear = Math.Min(counted.Min(w => w.Week.Year), recentFrom.Year);
        var stored = await QueryAsync<UnitWeek>(tenantId, string.Create(CultureInfo.InvariantCulture, $"unit|{unitId}|{firstYear:D4}-W"), $"unit|{unitId}|", cancellationToken);
        var mine = stored.Where(w => counted.All(c => c.Week != w.Week)).Concat(counted).OrderBy(w => w.Week).ToList();
        var years = mine.Select(w => w.Week.Year).Append(recentFrom.Year).Concat(counted.Select(c => c.Week.Year)).Distinct().Order().Select(y => YearOf(unitId, y, mine)).ToList();
        var board = OpenCounts.Of(improvements);
        var awaiting = BenefitChase.Awaiting(improvements, tz);
        var overview = new UnitOverview(unitId)
        {
            Weeks = [.. mine.Where(w => w.Week >= recentFrom)],
            Years = years,
            Open = board,
            AwaitingBenefit = awaiting,
            Stages = StagesOf(allBenefits, today),
        };

        // The same week under two keys: by week for the digest (every unit's week in one scan), by unit for the unit's
        // year (its weeks in one scan). The board, the years and the overview row go with them, as the records stand now.
        await StorageTransaction.SubmitAsync(
            Client,
            [
                .. counted.SelectMany(w => new[]
                {
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(tenantId, WeekKey(w.Week, unitId), w)),
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(tenantId, UnitWeekKey(unitId, w.Week), w)),
                }),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(tenantId, BoardKey(unitId), new UnitBoard(unitId, board) { AwaitingBenefit = awaiting })),
                .. counted.Select(w => w.Week.Year).Distinct().Select(y => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(tenantId, YearKey(y, unitId), years.Single(x => x.Year == y)))),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(tenantId, OverviewKey(unitId), overview)),
            ],
            cancellationToken);
    }

    /// <summary>A unit's week as counted from its sources: the week's check-in and the unit's records.</summary>
    internal static UnitWeek Count(string unitId, IsoWeek week, CheckIn? checkIn, IReadOnlyList<Benefit> allBenefits, IReadOnlyList<Improvement> improvements, TimeZoneInfo tz)
    {
        var benefits = allBenefits.Where(b => b.IsRealised && IsoWeek.Of(b.RealisedOn) == week).ToList();
        var counts = CheckIn.WithTypedFigures(ImprovementCounts.InWeek(improvements, week, tz), checkIn);
        return new UnitWeek(unitId, week)
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
    }

    /// <summary>The first week a unit's overview row holds when written in the week of <paramref name="today"/>.</summary>
    /// <remarks>One week more than shown: the overview counts weeks in the organisation's time zone, the writer in the unit's.</remarks>
    internal static IsoWeek RecentFrom(DateOnly today) => IsoWeek.Of(today.AddDays(-7 * RecentWeeks));

    /// <summary>
    /// What a unit's row keeps of its estimates and plans when written on <paramref name="today"/>: this year's and the
    /// last, so that any digest of a week the row holds (and of the weeks of the year before it) counts from the row.
    /// </summary>
    internal static StageFigures StagesOf(IEnumerable<Benefit> benefits, DateOnly today) => StageFigures.Of(benefits, new DateOnly(today.Year - 1, 1, 1));

    /// <summary>
    /// Every unit's overview row: one range scan (units with nothing ever recorded have none). A tenant whose weeks were
    /// counted before overview rows existed gets them built from its stored weeks first, once; rows written before they
    /// kept the improvements waiting for their benefit, or the estimates and plans, get those from the boards and the
    /// records (<see cref="FillAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<UnitOverview>> ListOverviewAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (!_overviewBuilt.ContainsKey(tenantId))
        {
            await BuildOverviewAsync(tenantId, cancellationToken);
            _overviewBuilt.TryAdd(tenantId, true);
        }

        var filter = KeyPrefix.Filter(tenantId, "overview|");
        var rows = new List<(UnitOverview Overview, Azure.ETag ETag)>();
        await foreach (var row in Client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add((Read<UnitOverview>(row), row.ETag));
        }

        return rows.All(r => r.Overview is { AwaitingBenefit: not null, Stages: not null })
            ? [.. rows.Select(r => r.Overview)]
            : await FillAsync(tenantId, rows, cancellationToken);
    }

    /// <summary>
    /// Overview rows written before they kept the improvements waiting for their benefit (taken from the unit's board row,
    /// written in the same transaction) or the estimates and plans (counted from every benefit of the tenant, one scan),
    /// and written back so the next read needs neither: once per tenant, best effort, in transactions cut at Table Storage's
    /// limits (<see cref="StorageTransaction.Batches"/>: 100 actions and 4 MiB each, in the tenant's one partition). A unit
    /// with benefits and no row (its records never counted) gets one, so that no estimate is missing from the rows. A row
    /// recounted meanwhile (its ETag changed, or it was added) keeps what the recount wrote.
    /// </summary>
    private async Task<IReadOnlyList<UnitOverview>> FillAsync(string tenantId, IReadOnlyList<(UnitOverview Overview, Azure.ETag ETag)> rows, CancellationToken cancellationToken)
    {
        var benefits = rows.Any(r => r.Overview.Stages is null)
            ? (await records.ListAllBenefitsAsync(tenantId, cancellationToken)).ToLookup(b => b.UnitId, StringComparer.Ordinal)
            : null;
        var has = rows.Select(r => r.Overview.UnitId).ToHashSet(StringComparer.Ordinal);
        var missing = benefits?.Select(g => g.Key).Where(u => !has.Contains(u)).ToList() ?? [];
        var boards = rows.Any(r => r.Overview.AwaitingBenefit is null) || missing.Count > 0
            ? (await ListBoardsAsync(tenantId, cancellationToken)).ToDictionary(b => b.UnitId, StringComparer.Ordinal)
            : [];
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        UnitOverview Filled(UnitOverview o) => o with
        {
            AwaitingBenefit = o.AwaitingBenefit ?? boards.GetValueOrDefault(o.UnitId)?.AwaitingBenefit ?? [],
            Stages = o.Stages ?? StagesOf(benefits?[o.UnitId] ?? [], today),
        };
        var filled = rows.Select(r => (Overview: Filled(r.Overview), r.ETag, Changed: r.Overview is not { AwaitingBenefit: not null, Stages: not null })).ToList();
        var added = missing.Select(u => Filled(new UnitOverview(u) { Open = boards.GetValueOrDefault(u)?.Open })).ToList();
        // Best effort: what is returned is right either way, and the write-back only spares the next read the boards and
        // the records. A read must not fail because storage refused a write it did not need.
        var changed = filled.Where(r => r.Changed).Select(r => (Row: Row(tenantId, OverviewKey(r.Overview.UnitId), r.Overview), r.ETag));
        foreach (var batch in StorageTransaction.Batches(changed, r => r.Row))
        {
            try
            {
                await StorageTransaction.SubmitAsync(Client, [.. batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateReplace, r.Row, r.ETag))], cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
            {
                // A unit of the batch was recounted meanwhile, and its row is the newer: write the others one by one.
                foreach (var (row, etag) in batch)
                {
                    try
                    {
                        await Client.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellationToken);
                    }
                    catch (Azure.RequestFailedException single) when (single.Status is 412 or 404)
                    {
                        // Recounted (or gone) meanwhile; that row stands.
                    }
                    catch (Azure.RequestFailedException)
                    {
                        // Storage busy: the next read fills what is left of the batch; the other batches are still tried.
                        break;
                    }
                }
            }
            catch (Azure.RequestFailedException)
            {
                // Storage busy: the next read fills what is left; the other batches are still tried.
            }
        }

        try
        {
            await AddRowsAsync([.. added.Select(o => Row(tenantId, OverviewKey(o.UnitId), o))], cancellationToken);
        }
        catch (Azure.RequestFailedException)
        {
            // Storage busy: the next read adds what is left.
        }

        return [.. filled.Select(r => r.Overview), .. added];
    }

    /// <summary>
    /// Adds rows in transactions cut at Table Storage's limits (<see cref="StorageTransaction.Batches"/>: 100 actions and
    /// 4 MiB each, one partition); a row that exists already (a recount wrote it meanwhile) stands.
    /// </summary>
    private async Task AddRowsAsync(IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var batch in StorageTransaction.Batches(rows, r => r))
        {
            try
            {
                await StorageTransaction.SubmitAsync(Client, [.. batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r))], cancellationToken);
            }
            catch (TableTransactionFailedException)
            {
                // A unit of the batch was recounted meanwhile, and its row is the newer: add the others one by one.
                foreach (var row in batch)
                {
                    try
                    {
                        await Client.AddEntityAsync(row, cancellationToken);
                    }
                    catch (Azure.RequestFailedException e) when (e.Status == 409)
                    {
                        // Recounted meanwhile; that row stands.
                    }
                }
            }
        }
    }

    /// <summary>
    /// Writes the overview row of every unit that has counted weeks but no overview row, from those weeks, unless the
    /// tenant's marker says this was done. A unit counted meanwhile keeps the row its recount wrote (added rows never
    /// replace one). Storage refusing the marker alone fails nothing: the rows are all there, this process remembers the
    /// tenant as built, and the next process to read it builds again, finding nothing to add, and marks it.
    /// </summary>
    private async Task BuildOverviewAsync(string tenantId, CancellationToken cancellationToken)
    {
        var marker = await Client.GetEntityIfExistsAsync<TableEntity>(tenantId, OverviewBuiltKey, ["RowKey"], cancellationToken);
        if (marker.HasValue)
        {
            return;
        }

        var has = (await QueryAsync<UnitOverview>(tenantId, "overview|", cancellationToken)).Select(o => o.UnitId).ToHashSet(StringComparer.Ordinal);
        var boards = (await ListBoardsAsync(tenantId, cancellationToken)).ToDictionary(b => b.UnitId, StringComparer.Ordinal);
        var recentFrom = RecentFrom(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var rows = (await QueryAsync<UnitWeek>(tenantId, "unit|", cancellationToken))
            .Where(w => !has.Contains(w.UnitId))
            .GroupBy(w => w.UnitId, StringComparer.Ordinal)
            .Select(g =>
            {
                var weeks = g.Where(w => w.Week.Year >= recentFrom.Year).OrderBy(w => w.Week).ToList();
                return Row(tenantId, OverviewKey(g.Key), new UnitOverview(g.Key)
                {
                    Weeks = [.. weeks.Where(w => w.Week >= recentFrom)],
                    Years = [.. weeks.Select(w => w.Week.Year).Append(recentFrom.Year).Distinct().Order().Select(y => YearOf(g.Key, y, weeks))],
                    Open = boards.GetValueOrDefault(g.Key)?.Open,
                    AwaitingBenefit = boards.GetValueOrDefault(g.Key)?.AwaitingBenefit ?? [],
                });
            })
            .ToList();
        await AddRowsAsync(rows, cancellationToken);
        try
        {
            await Client.UpsertEntityAsync(new TableEntity(tenantId, OverviewBuiltKey), TableUpdateMode.Replace, cancellationToken);
        }
        catch (Azure.RequestFailedException)
        {
            // Storage busy: the rows are written, the mark is not needed for this read.
        }
    }

    private static UnitYear YearOf(string unitId, int year, IEnumerable<UnitWeek> weeks)
    {
        var of = weeks.Where(w => w.Week.Year == year).ToList();
        return new UnitYear(unitId, year)
        {
            MeetingsHeld = of.Count(w => w.Held),
            CheckIns = of.Count(w => w.Reported),
            ImprovementsNew = of.Sum(w => w.ImprovementsNew),
            ImprovementsDone = of.Sum(w => w.ImprovementsDone),
            Deviations = of.Sum(w => w.Deviations),
            Benefits = Sum(of.SelectMany(w => w.Benefits)),
            BenefitsLeftOut = of.Sum(w => w.BenefitsLeftOut),
        };
    }

    /// <summary>
    /// Recomputes the week in which <paramref name="at"/> falls for the unit (a move made with a button, from chat or
    /// the tab, counts then).
    /// </summary>
    public Task RefreshWeekOfAsync(string tenantId, Unit unit, DateTimeOffset at, CancellationToken cancellationToken) =>
        RefreshAsync(tenantId, unit, MeetingOfWeek(unit, at), cancellationToken);

    /// <summary>The unit's board meeting in the week, in the unit's time zone, in which <paramref name="at"/> falls.</summary>
    public static DateOnly MeetingOfWeek(Unit unit, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).DateTime);
        return MeetingClock.DateIn(unit, IsoWeek.Of(today));
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

    private Task<IReadOnlyList<T>> QueryAsync<T>(string tenantId, string prefix, CancellationToken cancellationToken) =>
        QueryAsync<T>(tenantId, prefix, prefix, cancellationToken);

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string tenantId, string from, string through, CancellationToken cancellationToken)
    {
        var filter = KeyPrefix.Filter(tenantId, from, through);
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
        var chunks = row.GetInt32("DataChunks") ?? 1;
        var data = string.Concat(Enumerable.Range(0, chunks).Select(i => row.GetString(i == 0 ? "Data" : $"Data{i}") ?? ""));
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

    private static string OverviewKey(string unitId) => $"overview|{unitId}";

    /// <summary>
    /// The value as JSON, split over numbered properties where it passes a property's limit (an overview row with
    /// twelve weeks of help-needed texts and benefits can); one beyond what an entity holds is refused here, since
    /// Azurite would take it and Table Storage would not.
    /// </summary>
    private static TableEntity Row<T>(string tenantId, string key, T value)
    {
        var json = JsonSerializer.Serialize(value, Json);
        if (json.Length > MaxEntityChars)
        {
            throw new InvalidOperationException($"The aggregate row {key} would be {json.Length} characters, more than a table entity holds.");
        }

        var row = new TableEntity(tenantId, key);
        var chunks = (json.Length + ChunkLength - 1) / ChunkLength;
        if (chunks > 1)
        {
            row["DataChunks"] = chunks;
        }

        for (var i = 0; i < Math.Max(1, chunks); i++)
        {
            row[i == 0 ? "Data" : $"Data{i}"] = json.Substring(i * ChunkLength, Math.Min(ChunkLength, json.Length - (i * ChunkLength)));
        }

        return row;
    }
}
