using System.Globalization;
using System.Text.RegularExpressions;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Features.Reviews;
using LeanTeamsApp.Features.Weeks;

namespace LeanTeamsApp.Features.Reports;

/// <summary>
/// A reporting period: a quarter, a tertial (January-April, May-August, September-December, as many Norwegian
/// municipalities report to their council) or a whole year.
/// </summary>
public sealed partial record ReportPeriod(int Year, int? Quarter)
{
    /// <summary>1 to 3 for a tertial; <see cref="Quarter"/> is then null.</summary>
    public int? Tertial { get; init; }

    private int Months => Quarter is not null ? 3 : Tertial is not null ? 4 : 12;

    private int Index => Quarter ?? Tertial ?? 1;

    public DateOnly From => new(Year, ((Index - 1) * Months) + 1, 1);

    public DateOnly To => From.AddMonths(Months).AddDays(-1);

    /// <summary>The period before, of the same length: what a report is held against.</summary>
    public ReportPeriod Previous => Quarter is { } q ? (q == 1 ? new ReportPeriod(Year - 1, 4) : new ReportPeriod(Year, q - 1))
        : Tertial is { } t ? new ReportPeriod(Year - (t == 1 ? 1 : 0), null) { Tertial = t == 1 ? 3 : t - 1 }
        : new ReportPeriod(Year - 1, null);

    /// <summary>The period of <paramref name="cycle"/> that <paramref name="date"/> falls in.</summary>
    public static ReportPeriod Of(DateOnly date, ReportCycle cycle) => cycle == ReportCycle.Tertial
        ? new ReportPeriod(date.Year, null) { Tertial = ((date.Month - 1) / 4) + 1 }
        : new ReportPeriod(date.Year, ((date.Month - 1) / 3) + 1);

    /// <summary>"2026-Q3", "2026-T2" or "2026": the form in file names and URLs.</summary>
    public override string ToString() =>
        Quarter is { } q ? string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{q}")
        : Tertial is { } t ? string.Create(CultureInfo.InvariantCulture, $"{Year}-T{t}")
        : Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads what people type: "Q3 2026", "2026-Q3", "K3 2026" (kvartal), "3. kvartal 2026", "2026 Q3", "T2 2026",
    /// "2026-T2", "2. tertial 2026", or a year alone.
    /// </summary>
    public static bool TryParse(string? text, out ReportPeriod period)
    {
        period = new ReportPeriod(0, null);
        var match = Pattern().Match((text ?? "").Trim());
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Success ? match.Groups["year"].Value : match.Groups["year2"].Value, CultureInfo.InvariantCulture);
        var numberText = match.Groups["n"].Success ? match.Groups["n"].Value : match.Groups["n2"].Success ? match.Groups["n2"].Value : match.Groups["n3"].Value;
        var tertial = match.Groups["t"].Success || match.Groups["t3"].Success || match.Groups["tword"].Success;
        int? number = numberText.Length > 0 ? int.Parse(numberText, CultureInfo.InvariantCulture) : null;
        if (year is < 2000 or > 2100 || number < 1 || number > (tertial ? 3 : 4))
        {
            return false;
        }

        period = tertial ? new ReportPeriod(year, null) { Tertial = number } : new ReportPeriod(year, number);
        return true;
    }

    [GeneratedRegex(@"^(?:(?:(?:[QqKk]|(?<t>[Tt]))(?<n>\d)|(?<n2>\d)\.?\s*(?:kvartal|quarter|(?<tword>tertial)))[\s,/-]*(?<year>\d{4})|(?<year2>\d{4})(?:[\s-]*(?:[QqKk]|(?<t3>[Tt]))(?<n3>\d))?)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}

/// <summary>
/// What a report covers: the whole organisation, or the units of some service areas (a service-area leader's). Area
/// ids are organisation-chosen slugs, not personal data, so a download link can carry them.
/// </summary>
public sealed class ReportScope
{
    private ReportScope(IReadOnlyList<string>? areaIds) => AreaIds = areaIds;

    public static ReportScope Organisation { get; } = new(null);

    /// <summary>Null for the whole organisation; otherwise the area ids, sorted and distinct.</summary>
    public IReadOnlyList<string>? AreaIds { get; }

    public static ReportScope Areas(IEnumerable<string> areaIds) =>
        new([.. areaIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

    public bool Covers(string areaId) => AreaIds is null || AreaIds.Contains(areaId, StringComparer.Ordinal);

    /// <summary>One string per scope, for a signature: "*" or "areas:" and the sorted ids.</summary>
    public override string ToString() => AreaIds is null ? "*" : "areas:" + string.Join(',', AreaIds);
}

/// <summary>One unit's row of the report: the seeds' fixed measurement points.</summary>
public sealed record ReportRow(string AreaName, string UnitName)
{
    public int MeetingsExpected { get; init; }

    public int MeetingsHeld { get; init; }

    public int CheckIns { get; init; }

    public int ImprovementsNew { get; init; }

    public int ImprovementsDone { get; init; }

    public int Deviations { get; init; }

    public int GembaWalksDone { get; init; }

    public int ReviewsDone { get; init; }

    public int FishboneAnalysesDone { get; init; }

    public FollowUpCount FollowUps { get; init; } = new(0, 0, 0, 0);

    public IReadOnlyList<BenefitSum> Benefits { get; init; } = [];

    /// <summary>Benefit figures left out of <see cref="Benefits"/> as out of bounds (<see cref="InputLimits"/>).</summary>
    public int BenefitsLeftOut { get; init; }

    /// <summary>The unit's benefits per stage in the period, counted from the records (<see cref="StageSum.Of"/>).</summary>
    public IReadOnlyList<StageSum> Stages { get; init; } = [];

    /// <summary>The same, in the period before (<see cref="ReportPeriod.Previous"/>): what this period's are held against.</summary>
    public IReadOnlyList<StageSum> PreviousStages { get; init; } = [];

    /// <summary>The rows summed under <paramref name="areaName"/> and <paramref name="unitName"/>: an area's subtotal or the report's total.</summary>
    public static ReportRow Sum(IReadOnlyList<ReportRow> rows, string areaName, string unitName)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new(areaName, unitName)
        {
            MeetingsExpected = rows.Sum(r => r.MeetingsExpected),
            MeetingsHeld = rows.Sum(r => r.MeetingsHeld),
            CheckIns = rows.Sum(r => r.CheckIns),
            ImprovementsNew = rows.Sum(r => r.ImprovementsNew),
            ImprovementsDone = rows.Sum(r => r.ImprovementsDone),
            Deviations = rows.Sum(r => r.Deviations),
            GembaWalksDone = rows.Sum(r => r.GembaWalksDone),
            ReviewsDone = rows.Sum(r => r.ReviewsDone),
            FishboneAnalysesDone = rows.Sum(r => r.FishboneAnalysesDone),
            FollowUps = new FollowUpCount(rows.Sum(r => r.FollowUps.Opened), rows.Sum(r => r.FollowUps.Closed), rows.Sum(r => r.FollowUps.OpenAtEnd), rows.Sum(r => r.FollowUps.OverdueAtEnd)),
            Benefits = UnitWeeks.Sum(rows.SelectMany(r => r.Benefits)),
            BenefitsLeftOut = rows.Sum(r => r.BenefitsLeftOut),
            Stages = StageSum.Sum(rows.SelectMany(r => r.Stages)),
            PreviousStages = StageSum.Sum(rows.SelectMany(r => r.PreviousStages)),
        };
    }
}

public sealed record Report(string Organisation, ReportPeriod Period, DateOnly CountedUntil, IReadOnlyList<ReportRow> Rows)
{
    /// <summary>The same units' benefits per stage in the period before, to hold this period's against.</summary>
    public IReadOnlyList<StageSum> PreviousStages { get; init; } = [];

    /// <summary>The organisation's hours per årsverk, by which figures in hours are shown in årsverk.</summary>
    public decimal HoursPerWorkYear { get; init; } = LeanTeamsApp.Features.Organisation.Organisation.DefaultHoursPerWorkYear;

    /// <summary>Every kind and unit of measure that occurs, in a fixed order: the benefit columns.</summary>
    public IReadOnlyList<(BenefitKind Kind, BenefitMeasure Measure)> BenefitColumns =>
        [.. Rows.SelectMany(r => r.Benefits).Select(b => (b.Kind, b.Measure)).Distinct().Order()];

    public ReportRow Total => ReportRow.Sum(Rows, "", "");

    public static decimal Amount(ReportRow row, BenefitKind kind, BenefitMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(row);
        return InputLimits.Sum(row.Benefits.Where(b => b.Kind == kind && b.Measure == measure).Select(b => b.Amount));
    }
}

/// <summary>
/// Builds the quarterly or annual report from the weekly aggregates (a week counts in the period its board-meeting
/// date falls in), the year wheel's recorded appointments and the follow-up areas. Reads the period, not history.
/// </summary>
public sealed class ReportBuilder(
    OrganisationStore organisation,
    UnitWeeks weeks,
    YearWheel appointments,
    FollowUps followUps,
    ImprovementStore records,
    TimeProvider time)
{
    /// <summary>The report for the organisation, or only for the service areas <paramref name="scope"/> names.</summary>
    public async Task<Report?> BuildAsync(string tenantId, ReportPeriod period, ReportScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scope);
        if (await organisation.GetOrganisationAsync(tenantId, cancellationToken) is not { } org)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(org.DefaultTimeZone)).DateTime);
        var until = period.To < today ? period.To : today;
        var areas = (await organisation.ListServiceAreasAsync(tenantId, cancellationToken))
            .Where(a => scope.Covers(a.Id))
            .ToDictionary(a => a.Id, StringComparer.Ordinal);
        var units = (await organisation.ListUnitsAsync(tenantId, cancellationToken)).Where(u => areas.ContainsKey(u.ServiceAreaId)).ToList();
        // A week belongs to the period of its meeting date; the weeks that straddle the ends are read and sorted below.
        var recorded = period.From > until ? [] : await weeks.ListWeeksAsync(tenantId, IsoWeek.Of(period.From), IsoWeek.Of(until), cancellationToken);
        var held = (await appointments.ListYearAsync(tenantId, period.Year, cancellationToken))
            .Where(a => a.Status == AppointmentStatus.Done && DateOnly.FromDateTime(a.Plan.Start.DateTime) >= period.From && DateOnly.FromDateTime(a.Plan.Start.DateTime) <= until)
            .ToList();
        var counts = await followUps.CountPerUnitAsync(tenantId, period.From, until, cancellationToken);
        var benefits = (await records.ListAllBenefitsAsync(tenantId, cancellationToken)).ToLookup(b => b.UnitId, StringComparer.Ordinal);
        var previous = period.Previous;
        var rows = new List<ReportRow>();
        foreach (var unit in units.OrderBy(u => areas.GetValueOrDefault(u.ServiceAreaId)?.Name, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal))
        {
            var mine = recorded.Where(w => w.UnitId == unit.Id && InPeriod(MeetingClock.DateIn(unit, w.Week))).ToList();
            bool InPeriod(DateOnly date) => date >= period.From && date <= until;
            rows.Add(new ReportRow(areas.GetValueOrDefault(unit.ServiceAreaId)?.Name ?? unit.ServiceAreaId, unit.Name)
            {
                MeetingsExpected = ExpectedMeetings(unit, org, period.From, until, now),
                MeetingsHeld = mine.Count(w => w.Held),
                CheckIns = mine.Count(w => w.Reported),
                ImprovementsNew = mine.Sum(w => w.ImprovementsNew),
                ImprovementsDone = mine.Sum(w => w.ImprovementsDone),
                Deviations = mine.Sum(w => w.Deviations),
                GembaWalksDone = held.Count(a => a.Plan.UnitId == unit.Id && a.Plan.Kind == AppointmentKind.GembaWalk),
                ReviewsDone = held.Count(a => a.Plan.UnitId == unit.Id && a.Plan.Kind == AppointmentKind.SemiAnnualReview),
                FishboneAnalysesDone = held.Count(a => a.Plan.UnitId == unit.Id && a.Plan.Kind == AppointmentKind.FishboneAnalysis),
                FollowUps = counts.GetValueOrDefault(unit.Id) ?? new FollowUpCount(0, 0, 0, 0),
                Benefits = UnitWeeks.Sum(mine.SelectMany(w => w.Benefits)),
                BenefitsLeftOut = mine.Sum(w => w.BenefitsLeftOut),
                Stages = StageSum.Of(benefits[unit.Id], period.From, until),
                PreviousStages = StageSum.Of(benefits[unit.Id], previous.From, previous.To),
            });
        }

        return new Report(org.Name, period, until, rows)
        {
            PreviousStages = StageSum.Sum(rows.SelectMany(r => r.PreviousStages)),
            HoursPerWorkYear = org.HoursPerWorkYear,
        };
    }

    /// <summary>The unit's board meetings from its Lean start in the period that have ended by now and were not days off.</summary>
    private static int ExpectedMeetings(Unit unit, Organisation.Organisation org, DateOnly from, DateOnly until, DateTimeOffset now)
    {
        var count = 0;
        var first = from < unit.LeanStart ? unit.LeanStart : from;
        for (var week = IsoWeek.Of(first); week <= IsoWeek.Of(until); week = week.Next)
        {
            var date = MeetingClock.DateIn(unit, week);
            if (date >= first && date <= until && MeetingClock.End(unit, date) <= now && !MeetingClock.IsDayOff(unit, org, date))
            {
                count++;
            }
        }

        return count;
    }
}
