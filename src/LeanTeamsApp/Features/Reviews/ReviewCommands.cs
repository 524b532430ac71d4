using System.Text.Json.Nodes;
using LeanTeamsApp.Bot;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.Features.Reviews;

/// <summary>
/// `review done &lt;unit&gt;` and `followups`, the record card's save and the follow-up list's close button. Who may
/// record (the unit's service-area leader, who owns reviews, walks and fishbone analyses, the appointment's owner, the
/// Lean coordinator and the improvement consultants), see and close follow-up areas is the access rule's to say.
/// </summary>
public sealed partial class ReviewCommands(
    OrganisationStore organisation,
    YearWheel appointments,
    ReviewStore store,
    AccessRule access,
    TimeProvider time,
    ILogger<ReviewCommands> logger)
{
    /// <summary>How far ahead `review done` looks for an appointment held earlier than planned.</summary>
    private static readonly TimeSpan RecordEarlyWithin = TimeSpan.FromDays(30);

    public async Task ReviewDoneAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        var t = ReviewTexts.For(turn.Language);
        if (await organisation.GetOrganisationAsync(turn.TenantId, cancellationToken) is null)
        {
            await turn.ReplyAsync(turn.Texts.NotSetUp, cancellationToken);
            return;
        }

        var units = await organisation.ListUnitsAsync(turn.TenantId, cancellationToken);
        Unit? unit;
        if (string.IsNullOrWhiteSpace(arguments))
        {
            // In a unit's channel the unit is known; elsewhere a service-area leader has several, so it must be named.
            if (!turn.InChannel || UnitInChat.Meant(turn, units) is not [var bound])
            {
                await turn.ReplyAsync(t.Usage, cancellationToken);
                return;
            }

            unit = bound;
        }
        else if ((unit = UnitInChat.Find(units, arguments)) is null)
        {
            await turn.ReplyAsync(turn.Texts.UnitNotFound(arguments.Trim(), UnitInChat.Closest(units, arguments.Trim())), cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var today = MeetingClock.Today(unit, now);
        // Last year's too: in January, December's review is the one to record. Next year's: one held early.
        var unitAppointments = new List<Appointment>();
        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            unitAppointments.AddRange((await appointments.ListYearAsync(turn.TenantId, year, cancellationToken)).Where(a => a.Plan.UnitId == unit.Id && a.Status != AppointmentStatus.Cancelled));
        }

        var held = unitAppointments.Where(a => a.Plan.Start <= now).OrderByDescending(a => a.Plan.Start).ToList();
        // Held earlier than planned: the next planned one, if it is near, can be recorded with the day it was held.
        var early = held.Any(a => a.Status == AppointmentStatus.Planned)
            ? null
            : unitAppointments.Where(a => a.Status == AppointmentStatus.Planned && a.Plan.Start > now && a.Plan.Start <= now + RecordEarlyWithin).MinBy(a => a.Plan.Start);
        // The owner of the appointment in question may record it too, whatever their role.
        var target = (early ?? held.FirstOrDefault()) is { } latest
            ? AccessTarget.Appointment(unit, latest.Plan.OwnerId)
            : AccessTarget.ForUnit(unit);
        if (!access.Check(turn.Caller, Permission.RecordReview, target, "review done"))
        {
            await turn.ReplyAsync(turn.Texts.NotAllowed(Permission.RecordReview, unit.Name), cancellationToken);
            return;
        }

        var people = await organisation.ListPeopleAsync(turn.TenantId, cancellationToken);
        if ((held.FirstOrDefault(a => a.Status == AppointmentStatus.Planned) ?? early) is { } due)
        {
            if (await store.GetRecordAsync(turn.TenantId, due.Year, due.Id, cancellationToken) is { } recorded)
            {
                // Recorded, but marking the appointment done failed last time: finish that now.
                await MarkDoneAsync(turn.TenantId, due, cancellationToken);
                await turn.ReplyAsync(await SummaryAsync(turn, unit, due, recorded, people, t.AlreadyRecorded, cancellationToken), AppointmentRecordCard.Title(turn.Language, unit, due), cancellationToken);
                return;
            }

            await turn.ReplyAsync(AppointmentRecordCard.Form(turn.Language, unit, due, people, today: today), AppointmentRecordCard.Title(turn.Language, unit, due), cancellationToken);
            return;
        }

        foreach (var done in held.Where(a => a.Status == AppointmentStatus.Done))
        {
            if (await store.GetRecordAsync(turn.TenantId, done.Year, done.Id, cancellationToken) is { } recorded)
            {
                await turn.ReplyAsync(await SummaryAsync(turn, unit, done, recorded, people, t.AlreadyRecorded, cancellationToken), AppointmentRecordCard.Title(turn.Language, unit, done), cancellationToken);
                return;
            }
        }

        await turn.ReplyAsync(t.NoAppointment(unit.Name), cancellationToken);
    }

    /// <summary>
    /// Finds the record card's appointment and unit in the caller's own tenant, so the access rule can let its owner,
    /// the unit's service-area leader, the coordinator and the consultants record it.
    /// </summary>
    public async Task<CardTarget> RecordTargetAsync(Turn turn, JsonObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(data);
        if (await ReadAppointmentAsync(turn, data, cancellationToken) is not { } found)
        {
            return CardTarget.Malformed("The card's data has no unit, appointment or year.");
        }

        return found is ({ } unit, { } appointment) && appointment.Plan.UnitId == unit.Id
            ? CardTarget.Found(AccessTarget.Appointment(unit, appointment.Plan.OwnerId))
            : CardTarget.Gone;
    }

    /// <summary>The record card's save, once the access rule has let the caller record the appointment.</summary>
    public async Task<AdaptiveCardInvokeResponse> OnRecordAsync(AllowedCardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (turn, data, unit) = (action.Turn, action.Data, action.Unit);
        var t = ReviewTexts.For(turn.Language);
        if (await ReadAppointmentAsync(turn, data, cancellationToken) is not (_, { } appointment))
        {
            return AdaptiveCardInvokeResponse.Message(t.AppointmentGone);
        }

        var year = appointment.Year;
        var caller = turn.Caller;
        var people = await organisation.ListPeopleAsync(turn.TenantId, cancellationToken);
        if (await store.GetRecordAsync(turn.TenantId, year, appointment.Id, cancellationToken) is { } existing)
        {
            await MarkDoneAsync(turn.TenantId, appointment, cancellationToken);
            return Card(await SummaryAsync(turn, unit, appointment, existing, people, t.AlreadyRecorded, cancellationToken));
        }

        if (appointment.Status == AppointmentStatus.Cancelled)
        {
            return AdaptiveCardInvokeResponse.Message(t.Cancelled);
        }

        var now = time.GetUtcNow();
        var (record, followUps, errors) = AppointmentRecordCard.Read(
            turn.Language, unit, appointment, people, data, MeetingClock.Today(unit, now), caller.DisplayName, caller.Email, now);
        if (record is null)
        {
            return Card(AppointmentRecordCard.Form(turn.Language, unit, appointment, people, data, errors, MeetingClock.Today(unit, now)));
        }

        var (outcome, stored) = await store.RecordAsync(turn.TenantId, record, followUps, cancellationToken);
        // After the record, so a failure here leaves it stored; the next save or `review done` finishes the job.
        await MarkDoneAsync(turn.TenantId, appointment, cancellationToken);
        return Card(await SummaryAsync(turn, unit, appointment, stored, people, outcome == RecordOutcome.AlreadyRecorded ? t.AlreadyRecorded : null, cancellationToken));
    }

    public async Task FollowUpsAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        if (await organisation.GetOrganisationAsync(turn.TenantId, cancellationToken) is null)
        {
            await turn.ReplyAsync(turn.Texts.NotSetUp, cancellationToken);
            return;
        }

        var caller = turn.Caller;
        if (caller.Person is null)
        {
            await turn.ReplyAsync(turn.Texts.UnknownPerson(caller.Email ?? caller.DisplayName), cancellationToken);
            return;
        }

        var units = await VisibleUnitsAsync(turn, cancellationToken);
        if (units.Count == 0 && turn.InChannel && (await organisation.ListUnitsAsync(turn.TenantId, cancellationToken)).FirstOrDefault(u => u.Channel?.ChannelId == turn.ChannelId) is { } here)
        {
            // The list would be shown to everyone in the unit's channel: only to those who may see that unit's board.
            access.Check(caller, Permission.ViewUnit, AccessTarget.ForUnit(here), "followups");
            await turn.ReplyAsync(turn.Texts.NotAllowed(Permission.ViewUnit, here.Name), cancellationToken);
            return;
        }

        if (units.Count == 0)
        {
            await turn.ReplyAsync(ReviewTexts.For(turn.Language).NothingToSee, cancellationToken);
            return;
        }

        var (card, count) = await ListCardAsync(turn, units, null, cancellationToken);
        await turn.ReplyAsync(card, ReviewTexts.For(turn.Language).ListTitle(count), cancellationToken);
    }

    /// <summary>"Close" on the follow-up list: closes the area once, however often it is clicked, and shows the list again.</summary>
    public async Task<AdaptiveCardInvokeResponse> OnCloseAsync(AllowedCardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (turn, data, unit) = (action.Turn, action.Data, action.Unit);
        var t = ReviewTexts.For(turn.Language);
        if (data["followUpId"]?.ToString() is not { } followUpId)
        {
            return AdaptiveCardInvokeResponse.BadRequest("The card's data has no follow-up area.");
        }

        var (outcome, current) = await store.CloseFollowUpAsync(turn.TenantId, unit.Id, followUpId, turn.Caller.DisplayName, time.GetUtcNow(), cancellationToken);
        var notice = outcome switch
        {
            CloseOutcome.Closed => t.Closed(current!.Text),
            CloseOutcome.AlreadyClosed => t.AlreadyClosed(current!.Text),
            _ => t.FollowUpNotFound,
        };
        return Card((await ListCardAsync(turn, await VisibleUnitsAsync(turn, cancellationToken), notice, cancellationToken)).Card);
    }

    /// <summary>
    /// The units whose follow-up areas the caller sees: those whose board the access rule lets them see. In a unit's
    /// channel, only that unit's: the list is shown to everyone there.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, Unit>> VisibleUnitsAsync(Turn turn, CancellationToken cancellationToken)
    {
        var units = await organisation.ListUnitsAsync(turn.TenantId, cancellationToken);
        IEnumerable<Unit> visible = AccessRule.Filter(turn.Caller, Permission.ViewUnit, units);
        if (turn.InChannel && units.Any(u => u.Channel?.ChannelId == turn.ChannelId))
        {
            visible = visible.Where(u => u.Channel?.ChannelId == turn.ChannelId);
        }

        return visible.ToDictionary(u => u.Id, StringComparer.Ordinal);
    }

    /// <summary>The unit and appointment a record card names, in the caller's tenant; null when the data lacks them.</summary>
    private async Task<(Unit? Unit, Appointment? Appointment)?> ReadAppointmentAsync(Turn turn, JsonObject data, CancellationToken cancellationToken)
    {
        if (data["unitId"]?.ToString() is not { } unitId || data["appointmentId"]?.ToString() is not { } appointmentId
            || !int.TryParse(data["year"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        return (await organisation.GetUnitAsync(turn.TenantId, unitId, cancellationToken), await appointments.GetAsync(turn.TenantId, year, appointmentId, cancellationToken));
    }

    private async Task<(AdaptiveCard Card, int Count)> ListCardAsync(Turn turn, IReadOnlyDictionary<string, Unit> units, string? notice, CancellationToken cancellationToken)
    {
        var open = (await store.ListOpenFollowUpsAsync(turn.TenantId, cancellationToken)).Where(a => units.ContainsKey(a.UnitId)).ToList();
        var people = await organisation.ListPeopleAsync(turn.TenantId, cancellationToken);
        return (FollowUpsCard.Create(turn.Language, open, units, people, time.GetUtcNow(), notice), open.Count);
    }

    private async Task<AdaptiveCard> SummaryAsync(Turn turn, Unit unit, Appointment appointment, ReviewRecord record, IReadOnlyList<Person> people, string? notice, CancellationToken cancellationToken)
    {
        var followUps = await store.ListFollowUpsAsync(turn.TenantId, unit.Id, cancellationToken);
        return AppointmentRecordCard.Summary(turn.Language, unit, appointment, record, followUps, people, notice);
    }

    /// <summary>Marks the appointment held; if the year wheel could not, the record stays stored and the next `review done` finishes it.</summary>
    private async Task MarkDoneAsync(string tenantId, Appointment appointment, CancellationToken cancellationToken)
    {
        if (!await appointments.MarkDoneAsync(tenantId, appointment, cancellationToken))
        {
            LogNotMarkedDone(logger, tenantId, appointment.Id);
        }
    }

    private static AdaptiveCardInvokeResponse Card(AdaptiveCard card) => AdaptiveCardInvokeResponse.Card(card.ToJson());

    [LoggerMessage(Level = LogLevel.Warning, Message = "The appointment {AppointmentId} of tenant {TenantId} is recorded but could not be marked done; the next 'review done' retries.")]
    private static partial void LogNotMarkedDone(ILogger logger, string tenantId, string appointmentId);
}
