using System.ComponentModel.DataAnnotations;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Features.Reviews;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.Infrastructure.Cards;
using LeanTeamsApp.Infrastructure.Scheduling;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.Options;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Features.Digest;

public sealed class DigestOptions
{
    public const string Section = "Digest";

    public bool SchedulerEnabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:30", "00:30:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// What a tenant's digest is computed from, as storage holds it: the whole organisation's, whoever reads the digest.
/// <see cref="Awaiting"/> is every unit's improvements done and waiting for their benefit, by unit id. The estimates and
/// plans are counted from <see cref="Stages"/> when it is there (a recent week: the overview rows keep them), else from
/// <see cref="Benefits"/>, every benefit of the tenant.
/// </summary>
public sealed record DigestReads(
    IReadOnlyList<ServiceArea> Areas,
    IReadOnlyList<Unit> Units,
    IReadOnlyList<UnitWeek> Recent,
    IReadOnlyList<UnitYear> Year,
    IReadOnlyList<Appointment> Planned,
    int OverdueFollowUps,
    IReadOnlyDictionary<string, IReadOnlyList<AwaitingBenefit>> Awaiting,
    IReadOnlyList<Benefit> Benefits)
{
    /// <summary>Every unit's estimates and plans as its overview row keeps them, by unit id; a unit not here has none.</summary>
    public IReadOnlyDictionary<string, StageFigures>? Stages { get; init; }
}

/// <summary>Computes a tenant's digest for a week from the aggregates, and posts it.</summary>
public sealed class DigestService(
    OrganisationStore organisation,
    UnitWeeks weeks,
    YearWheel appointments,
    FollowUps followUps,
    ImprovementStore records)
{
    private static DateOnly LocalDay(Unit unit, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).DateTime);

    /// <summary>The digest of the whole organisation, or of <paramref name="onlyAreaIds"/> (the areas the reader may see).</summary>
    public async Task<WeeklyDigest> ComputeAsync(Organisation.Organisation org, IsoWeek week, DateTimeOffset now, IReadOnlySet<string>? onlyAreaIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(org);
        return Compose(org, week, now, onlyAreaIds, await ReadAsync(org.TenantId, week, now, cancellationToken));
    }

    /// <summary>
    /// Everything the digest of <paramref name="week"/> at <paramref name="now"/> reads from storage. Each read is a range
    /// scan that needs nothing from another, so they go out together and the digest waits for the slowest, not the sum.
    /// </summary>
    public async Task<DigestReads> ReadAsync(string tenantId, IsoWeek week, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var areas = organisation.ListServiceAreasAsync(tenantId, cancellationToken);
        var units = organisation.ListUnitsAsync(tenantId, cancellationToken);
        var aggregates = AggregatesAsync(tenantId, week, now, cancellationToken);
        var planned = PlannedAsync(tenantId, week, now, cancellationToken);
        var overdue = followUps.CountOverdueAsync(tenantId, now, cancellationToken);
        // A recent week's estimates and plans are in the overview rows: every benefit of the tenant is read only for an
        // older week, or when a row does not hold them (a unit with more than its row keeps).
        var benefits = IsRecent(week, now) ? null : records.ListAllBenefitsAsync(tenantId, cancellationToken);
        await Task.WhenAll(areas, units, aggregates, planned, overdue, benefits ?? Task.CompletedTask);
        var (recent, year, awaiting, stages) = await aggregates;
        return new DigestReads(await areas, await units, recent, year, await planned, await overdue, awaiting, stages is null ? await (benefits ?? records.ListAllBenefitsAsync(tenantId, cancellationToken)) : [])
        {
            Stages = stages,
        };
    }

    /// <summary>
    /// Whether the four weeks up to <paramref name="week"/> are in every overview row (see <see cref="UnitWeeks.RecentFrom"/>).
    /// Strictly after: a unit's row starts at the week twelve weeks before the day it was written, in its own zone.
    /// </summary>
    private static bool IsRecent(IsoWeek week, DateTimeOffset now) => week.Previous.Previous.Previous > UnitWeeks.RecentFrom(DateOnly.FromDateTime(now.UtcDateTime));

    /// <summary>
    /// The appointments the digest names: still planned and starting before the fortnight it looks ahead ends, so the
    /// upcoming ones and those whose time has passed unrecorded, not the year's plan. Next year's too in the last weeks.
    /// </summary>
    private async Task<IReadOnlyList<Appointment>> PlannedAsync(string tenantId, IsoWeek week, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = now.AddDays(WeeklyDigest.UpcomingDays);
        int[] years = week.Week >= 50 ? [week.Year, week.Year + 1] : [week.Year];
        var found = await Task.WhenAll(years.Select(y => appointments.ListPlannedBeforeAsync(tenantId, y, before, cancellationToken)));
        return [.. found.SelectMany(y => y)];
    }

    /// <summary>The digest from what <see cref="ReadAsync"/> read, in memory: of <paramref name="onlyAreaIds"/> when given.</summary>
    public static WeeklyDigest Compose(Organisation.Organisation org, IsoWeek week, DateTimeOffset now, IReadOnlySet<string>? onlyAreaIds, DigestReads read)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(read);
        var areas = read.Areas.Where(a => onlyAreaIds is null || onlyAreaIds.Contains(a.Id)).ToList();
        var areaIds = areas.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        // An archived unit is expected at no board meeting, so the digest does not count it as missing one.
        var units = read.Units.Where(u => areaIds.Contains(u.ServiceAreaId) && !u.Archived).ToList();
        var chase = units.ToDictionary(
            u => u.Id,
            u => BenefitChase.Due(read.Awaiting.GetValueOrDefault(u.Id) ?? [], LocalDay(u, now), org.BenefitChaseWeeks),
            StringComparer.Ordinal);
        var digest = WeeklyDigest.Compute(week, now, areas, units, read.Recent, read.Year, read.Planned, read.OverdueFollowUps, (unit, date) => MeetingClock.IsDayOff(unit, org, date), chase);
        // Estimates and plans are in no weekly aggregate (those count what was realised): they come from what the overview
        // rows keep of the records, or from the records.
        var unitIds = units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var benefits = read.Benefits.Where(b => unitIds.Contains(b.UnitId)).ToList();
        var stages = read.Stages?.Where(s => unitIds.Contains(s.Key)).Select(s => s.Value).ToList();
        var (monday, january) = (week.Monday, new DateOnly(week.Year, 1, 1));
        IReadOnlyList<StageSum> Of(BenefitStage stage, DateOnly from, DateOnly until) =>
        [
            .. (stages is null ? StageSum.Of(benefits, from, until) : StageSum.Sum(stages.SelectMany(s => s.In(from, until)))).Where(s => s.Stage == stage),
        ];
        return digest with
        {
            IdentifiedThisWeek = Of(BenefitStage.Identified, monday, monday.AddDays(6)),
            IdentifiedThisYear = Of(BenefitStage.Identified, january, monday.AddDays(6)),
            PlannedThisYear = Of(BenefitStage.Planned, january, new DateOnly(week.Year, 12, 31)),
        };
    }

    /// <summary>
    /// The four weeks up to <paramref name="week"/> and its year, for every unit with something recorded, and every
    /// unit's improvements waiting for their benefit as its board stands now. A recent week (every overview row holds it,
    /// see <see cref="UnitWeeks.RecentFrom"/>) comes from the overview's read model, one row per unit that holds the
    /// board's waiting improvements and the unit's estimates and plans as well, where the week rows, year rows and board
    /// rows were five or six per unit and the benefits every one of the tenant's; an older one from those rows. The
    /// estimates and plans are null unless every row holds all of the period the digest counts them in.
    /// </summary>
    internal async Task<(IReadOnlyList<UnitWeek> Recent, IReadOnlyList<UnitYear> Year, IReadOnlyDictionary<string, IReadOnlyList<AwaitingBenefit>> Awaiting, IReadOnlyDictionary<string, StageFigures>? Stages)> AggregatesAsync(
        string tenantId, IsoWeek week, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = week.Previous.Previous.Previous;
        if (IsRecent(week, now))
        {
            var rows = await weeks.ListOverviewAsync(tenantId, cancellationToken);
            // The digest counts estimates from the week's Monday or 1 January, whichever is first (week 1 can start in December).
            var from = week.Monday < new DateOnly(week.Year, 1, 1) ? week.Monday : new DateOnly(week.Year, 1, 1);
            return (
                [.. rows.SelectMany(r => r.Weeks).Where(w => w.Week >= first && w.Week <= week)],
                [.. rows.SelectMany(r => r.Years).Where(y => y.Year == week.Year)],
                rows.ToDictionary(r => r.UnitId, r => r.AwaitingBenefit ?? [], StringComparer.Ordinal),
                rows.All(r => r.Stages?.Covers(from) == true) ? rows.ToDictionary(r => r.UnitId, r => r.Stages!, StringComparer.Ordinal) : null);
        }

        var weekRows = weeks.ListWeeksAsync(tenantId, first, week, cancellationToken);
        var yearRows = weeks.ListYearAsync(tenantId, week.Year, cancellationToken);
        var boards = weeks.ListBoardsAsync(tenantId, cancellationToken);
        await Task.WhenAll(weekRows, yearRows, boards);
        return (await weekRows, await yearRows, (await boards).ToDictionary(b => b.UnitId, b => b.AwaitingBenefit, StringComparer.Ordinal), null);
    }
}

/// <summary>
/// Posts the weekly digest to the coordinator's channel at the organisation's digest time (Friday 12:00 local by
/// default). Through the outbox under the id "digest|week": exactly once per week with two instances, after a restart
/// (the week's digest is posted late, not skipped), and a failed post is retried by the outbox, not lost.
/// </summary>
public sealed partial class DigestScheduler(
    OrganisationStore organisation,
    DigestService digests,
    ConversationReferences conversations,
    DeliveryHealth delivery,
    Outbox outbox,
    StorageTables tables,
    IOptions<DigestOptions> options,
    TabLinks tab,
    TimeProvider time,
    ILogger<DigestScheduler> logger) : Scheduler(tables, time, logger)
{
    private readonly TenantLease _lease = new(tables.Get(DigestModule.LeaseTable), "scheduler|digest", options.Value.Lease, time);

    protected override TimeSpan? Interval => options.Value.SchedulerEnabled ? options.Value.TickInterval : null;

    /// <summary>One tick for every tenant; returns how many digests it queued.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        await ForEachTenantAsync(await organisation.ListTenantIdsAsync(cancellationToken), async (tenant, ct) => await RunTenantAsync(tenant, ct) ? 1 : 0, cancellationToken);

    /// <summary>One tick for one tenant: true when this tick queued the digest of the period that is due.</summary>
    public async Task<bool> RunTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (await organisation.GetOrganisationAsync(tenantId, cancellationToken) is not { CoordinatorChannel: { } channel } org)
        {
            return false;
        }

        OwnTerms.Use(org.Terms);
        var now = Time.GetUtcNow();
        var week = DuePeriod(org, now);
        var id = $"digest|{week}";
        // The outbox first: one read a minute per tenant, where the lease would be a write.
        if (await outbox.GetAsync(tenantId, id, cancellationToken) is not null || await _lease.TryAcquireAsync(tenantId, cancellationToken) is not { } lease)
        {
            return false;
        }

        if (await conversations.GetAsync(tenantId, ConversationScope.Team, channel.TeamId, cancellationToken) is not { } team)
        {
            LogNoTeam(Logger, tenantId);
            await lease.ReleaseAsync(cancellationToken);
            return false;
        }

        var language = WrittenLanguage.Of(org);
        var digest = await digests.ComputeAsync(org, week, now, null, cancellationToken);
        var card = DigestCard.Create(language, org.Name, digest, await delivery.ListAsync(tenantId, cancellationToken), tab);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Summary = DigestTexts.For(language).Title(week.Week, org.Name),
            Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card.ToJson() }],
        };
        var queued = await outbox.EnqueueAsync(new OutboundMessage(id, tenantId, team.ServiceUrl, activity) { ChannelId = channel.ChannelId }, cancellationToken);
        await lease.ReleaseAsync(cancellationToken);
        return queued;
    }

    /// <summary>
    /// The ISO week whose digest is due: this week's once its digest time has passed in the organisation's zone,
    /// else last week's. So a tick after downtime posts the latest digest that fell due, and only that one.
    /// </summary>
    public static IsoWeek DuePeriod(Organisation.Organisation org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(org);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(org.DefaultTimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var week = IsoWeek.Of(DateOnly.FromDateTime(local));
        var dueLocal = week.Monday.AddDays(((int)org.Digest.Weekday + 6) % 7).ToDateTime(org.Digest.Time);
        return local >= dueLocal ? week : week.Previous;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {TenantId} has a coordinator channel but the app is not installed in its team")]
    private static partial void LogNoTeam(ILogger logger, string tenantId);
}
