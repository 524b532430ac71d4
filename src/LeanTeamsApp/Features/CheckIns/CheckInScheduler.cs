using System.ComponentModel.DataAnnotations;
using LeanTeamsApp.Bot;
using Azure;
using Azure.Data.Tables;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Cards;
using LeanTeamsApp.Infrastructure.Scheduling;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.Options;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Features.CheckIns;

public sealed class CheckInOptions
{
    public const string Section = "CheckIns";

    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>How long after a board meeting ends its check-in card is posted: people are back at their desks.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "02:00:00")]
    public TimeSpan PromptDelay { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one instance holds a tenant while posting its prompts; another takes over after that.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:30:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Posts each unit's check-in card shortly after its board meeting ends, in the unit's own time zone. Per tenant a
/// checkpoint says up to when prompts were posted; it lives in the tenant's lease row, so a tick claims it with the
/// lease (two instances never work a tenant at once), posts what came due since, and moves it on with the release, so
/// a restart or an outage catches up on what was missed. Each prompt goes through the outbox under the id
/// "checkin-prompt|unit|date", so even a repeated tick sends it once. No prompt on public holidays of the unit's
/// country or in the organisation's holiday periods.
/// </summary>
public sealed partial class CheckInScheduler(
    OrganisationStore organisation,
    CheckInStore checkIns,
    ImprovementStore improvements,
    ConversationReferences conversations,
    Outbox outbox,
    StorageTables tables,
    IOptions<CheckInOptions> options,
    TimeProvider time,
    ILogger<CheckInScheduler> logger) : Scheduler(tables, time, logger)
{
    // A check-in closes when the next meeting starts, so prompts older than a week are not worth sending.
    private static readonly TimeSpan MaxCatchUp = TimeSpan.FromDays(7);

    private readonly TenantLease _lease = new(tables.Get(CheckInStore.Table), "scheduler|checkin-prompts", options.Value.Lease, time);

    protected override TimeSpan? Interval => options.Value.SchedulerEnabled ? options.Value.TickInterval : null;

    /// <summary>One tick for every tenant. Returns how many prompts it queued.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        await ForEachTenantAsync(await organisation.ListTenantIdsAsync(cancellationToken), RunTenantAsync, cancellationToken);

    /// <summary>One tick's work for one tenant. Returns how many prompts it queued (none when another instance holds the tenant).</summary>
    public async Task<int> RunTenantAsync(string tenant, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var until = now - options.Value.PromptDelay;
        if (await _lease.TryAcquireAsync(tenant, cancellationToken) is not { } lease)
        {
            return 0;
        }

        var state = lease.Row;
        if (state.GetDateTimeOffset("Checkpoint") is null)
        {
            // A new tenant starts now: prompts that fell due before the app knew the tenant are not sent.
            state["Checkpoint"] = until;
            state["Since"] = until;
        }

        var from = Max(state.GetDateTimeOffset("Checkpoint") ?? until, until - MaxCatchUp);
        var queued = 0;
        var failed = false;
        var prompted = 0;
        TimeSpan? firstLate = null;
        if (await organisation.GetOrganisationAsync(tenant, cancellationToken) is { } org)
        {
            OwnTerms.Use(org.Terms);
            var units = await organisation.ListUnitsAsync(tenant, cancellationToken);
            // Also on a tenant's first tick, which prompts nothing: meetings ending before the next tick are prompted then.
            AskForTickWhenDue(units, until);
            // An archived unit holds no more board meetings: nobody is asked about them.
            var ending = from < until ? await organisation.ListUnitsWithMeetingEndingAsync(tenant, from, until, cancellationToken) : [];
            foreach (var unit in ending.Where(u => !u.Archived))
            {
                foreach (var date in MeetingClock.EndingBetween(unit, from, until))
                {
                    try
                    {
                        if (await PromptAsync(tenant, org, unit, date, units, cancellationToken))
                        {
                            queued++;
                            prompted++;
                            firstLate ??= Time.GetUtcNow() - (MeetingClock.End(unit, date) + options.Value.PromptDelay);
                        }
                    }
                    catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                    {
                        // The others still go out; the checkpoint stays so the next tick tries this one again
                        // (the outbox ids keep the ones that went out from going twice).
                        failed = true;
                        LogPromptFailed(Logger, unit.Id, date, e);
                    }
                }
            }

            // The same window, the organisation's reminder delay earlier: meetings whose check-in is now overdue.
            // Meetings that ended before the app knew the tenant were never prompted, so they are not reminded either.
            var shift = TimeSpan.FromHours(org.ReminderAfterHours);
            var since = state.GetDateTimeOffset("Since") ?? DateTimeOffset.MinValue;
            var remindFrom = Max(from - shift, since);
            if (remindFrom < until - shift)
            {
                foreach (var unit in (await organisation.ListUnitsWithMeetingEndingAsync(tenant, remindFrom, until - shift, cancellationToken)).Where(u => !u.Archived))
                {
                    foreach (var date in MeetingClock.EndingBetween(unit, remindFrom, until - shift))
                    {
                        try
                        {
                            queued += await RemindAsync(tenant, org, unit, date, since, units, cancellationToken);
                        }
                        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                        {
                            failed = true;
                            LogPromptFailed(Logger, unit.Id, date, e);
                        }
                    }
                }
            }
        }

        if (firstLate is { } late)
        {
            // How late the fan-out starts: the first prompt queued against when it was due.
            var took = Time.GetUtcNow() - now;
            LogPrompted(Logger, tenant, prompted, late.TotalMilliseconds, took.TotalMilliseconds);
        }

        state["Checkpoint"] = failed ? from : Max(from, until);
        // False when our lease ran out mid-tick and another instance took over: it repeats what we did, and the
        // outbox's idempotency keys keep every prompt single.
        await lease.ReleaseAsync(cancellationToken);
        return queued;
    }

    /// <summary>
    /// Reminds the unit's leader and unit coordinators 1:1 of a missing check-in, with the card to fill in. When the
    /// week before was missed too (and the one before that was not), the service-area leader hears of it, once per
    /// streak: worded as an offer of help, since the app makes status visible rather than policing units.
    /// </summary>
    private async Task<int> RemindAsync(string tenant, Organisation.Organisation org, Unit unit, DateOnly date, DateTimeOffset since, IReadOnlyList<Unit> units, CancellationToken cancellationToken)
    {
        if (MeetingClock.IsDayOff(unit, org, date) || await checkIns.GetAsync(tenant, unit.Id, date, cancellationToken) is not null)
        {
            return 0;
        }

        var language = WrittenLanguage.Of(org, unit);
        var t = CheckInTexts.For(language);
        var culture = language.Culture();
        var card = CheckInCard.Form(language, unit, date, units, await improvements.ListImprovementsAsync(tenant, unit.Id, cancellationToken), deviationSystem: org.DeviationSystem, benefitChaseWeeks: org.BenefitChaseWeeks).ToJson();
        var sent = 0;
        foreach (var personId in unit.CoordinatorIds.Prepend(unit.LeaderId).Distinct())
        {
            var reminder = new Activity
            {
                Type = ActivityTypes.Message,
                Text = t.Reminder(unit.Name, date.ToString("d", culture)),
                Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card.DeepClone() }],
            };
            var target = new DeliveryTarget(unit.Id, personId == unit.LeaderId ? DeliveryRoute.LeaderChat : DeliveryRoute.PersonalChat, Person.Pseudonym(personId));
            sent += await SendPersonalAsync(tenant, personId, $"checkin-reminder|{unit.Id}|{date:yyyy-MM-dd}|{Person.Pseudonym(personId)}", reminder, target, cancellationToken) ? 1 : 0;
        }

        var (previous, beforeThat) = MeetingClock.Back(unit, date, 3) switch { var m => (m[1], m[2]) };
        if (await IsMissedAsync(tenant, org, unit, previous, since, cancellationToken)
            && !await IsMissedAsync(tenant, org, unit, beforeThat, since, cancellationToken)
            && (await organisation.ListServiceAreasAsync(tenant, cancellationToken)).FirstOrDefault(a => a.Id == unit.ServiceAreaId) is { } area)
        {
            var notice = new Activity
            {
                Type = ActivityTypes.Message,
                Text = t.TwoWeeksMissed(unit.Name, previous.ToString("d", culture), date.ToString("d", culture)),
            };
            // No target: the service-area leader not hearing of it leaves the unit itself no less reachable.
            sent += await SendPersonalAsync(tenant, area.LeaderId, $"checkin-missed-twice|{unit.Id}|{date:yyyy-MM-dd}", notice, null, cancellationToken) ? 1 : 0;
        }

        return sent;
    }

    /// <summary>A meeting that was prompted (after the app knew the tenant, not a day off) and has no check-in.</summary>
    private async Task<bool> IsMissedAsync(string tenant, Organisation.Organisation org, Unit unit, DateOnly date, DateTimeOffset since, CancellationToken cancellationToken) =>
        MeetingClock.End(unit, date) >= since
        && !MeetingClock.IsDayOff(unit, org, date)
        && await checkIns.GetAsync(tenant, unit.Id, date, cancellationToken) is null;

    private async Task<bool> SendPersonalAsync(string tenant, string personId, string messageId, Activity activity, DeliveryTarget? target, CancellationToken cancellationToken)
    {
        if (await organisation.GetPersonAsync(tenant, personId, cancellationToken) is { AadObjectId: { } aad }
            && await conversations.GetAsync(tenant, ConversationScope.Personal, aad, cancellationToken) is { } personal)
        {
            return await outbox.EnqueueAsync(
                new OutboundMessage(messageId, tenant, personal.ServiceUrl, activity) { ConversationId = personal.ConversationId, Target = target }, cancellationToken);
        }

        var pseudonym = Person.Pseudonym(personId);
        LogUnreachable(Logger, pseudonym);
        return false;
    }

    private async Task<bool> PromptAsync(string tenant, Organisation.Organisation org, Unit unit, DateOnly date, IReadOnlyList<Unit> units, CancellationToken cancellationToken)
    {
        if (MeetingClock.IsDayOff(unit, org, date))
        {
            LogSkipped(Logger, unit.Id, date, "holiday");
            return false;
        }

        if (await checkIns.GetAsync(tenant, unit.Id, date, cancellationToken) is not null)
        {
            return false;
        }

        var language = WrittenLanguage.Of(org, unit);
        var card = CheckInCard.Form(language, unit, date, units, await improvements.ListImprovementsAsync(tenant, unit.Id, cancellationToken), deviationSystem: org.DeviationSystem, benefitChaseWeeks: org.BenefitChaseWeeks);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Summary = CheckInTexts.For(language).Title(unit.Name, date.ToString("d", language.Culture())),
            Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card.ToJson() }],
        };
        var id = $"checkin-prompt|{unit.Id}|{date:yyyy-MM-dd}";
        if (unit.Channel is { } channel && await conversations.GetAsync(tenant, ConversationScope.Team, channel.TeamId, cancellationToken) is { } team)
        {
            return await outbox.EnqueueAsync(
                new OutboundMessage(id, tenant, team.ServiceUrl, activity) { ChannelId = channel.ChannelId, Target = DeliveryTarget.Channel(unit.Id) }, cancellationToken);
        }

        // No channel bound (or the app is not in its team): the unit leader gets it 1:1, if the app can reach them.
        return await SendPersonalAsync(tenant, unit.LeaderId, id, activity, new DeliveryTarget(unit.Id, DeliveryRoute.LeaderChat, Person.Pseudonym(unit.LeaderId)), cancellationToken);
    }

    /// <summary>
    /// Asks for a tick when the first prompt before the next regular tick falls due, so that it goes out then and not
    /// up to a tick interval late. Meetings ending exactly at a window's end belong to the next window, hence the
    /// moment just after.
    /// </summary>
    private void AskForTickWhenDue(IReadOnlyList<Unit> units, DateTimeOffset until)
    {
        DateTimeOffset? first = null;
        var horizon = until + options.Value.TickInterval;
        foreach (var unit in units)
        {
            foreach (var date in MeetingClock.EndingBetween(unit, until, horizon))
            {
                var end = MeetingClock.End(unit, date);
                first = first is null || end < first ? end : first;
            }
        }

        if (first is { } due)
        {
            TickAlsoAt(due + options.Value.PromptDelay + TimeSpan.FromMilliseconds(10));
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} check-in prompts for tenant {TenantId} in {TickMilliseconds:F0} ms; the first queued {LateMilliseconds:F0} ms after it was due")]
    private static partial void LogPrompted(ILogger logger, string tenantId, int count, double lateMilliseconds, double tickMilliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Check-in prompt for {UnitId} on {Date} could not be queued; the next tick tries again")]
    private static partial void LogPromptFailed(ILogger logger, string unitId, DateOnly date, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cannot reach person {PersonPseudonym} 1:1: no Teams identity known or the app is not installed for them")]
    private static partial void LogUnreachable(ILogger logger, string personPseudonym);

    [LoggerMessage(Level = LogLevel.Information, Message = "No check-in prompt for {UnitId} on {Date}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string unitId, DateOnly date, string reason);
}
