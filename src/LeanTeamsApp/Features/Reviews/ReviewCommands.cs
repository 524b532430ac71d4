using System.Text.Json.Nodes;
using LeanTeamsApp.Bot;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.Features.Reviews;

/// <summary>
/// `review done &lt;unit&gt;` and `followups`, the record card's save and the follow-up list's close button. Recording is
/// for the unit's service-area leader (who owns reviews, walks and fishbone analyses), the Lean coordinator and the
/// improvement consultants; follow-up areas are seen by the coordinator (all), a service-area leader (their units)
/// and a unit's leader and Lean coordinators (their unit).
/// </summary>
public sealed partial class ReviewCommands(
    OrganisationStore organisation,
    AppointmentStore appointments,
    ReviewStore store,
    Callers callers,
    TimeProvider time,
    ILogger<ReviewCommands> logger)
{
    public async Task ReviewDoneAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        var t = ReviewTexts.For(turn.Language);
        if (await organisation.GetOrganisationAsync(turn.TenantId, cancellationToken) is null)
        {
            await turn.ReplyAsync(turn.Texts.NotSetUp, cancellationToken);
            return;
        }

        var units = await organisation.ListUnitsAsync(turn.TenantId, cancellationToken);
        var caller = await callers.ResolveAsync(turn, cancellationToken);
        Unit? unit;
        if (string.IsNullOrWhiteSpace(arguments))
        {
            // In a unit's channel the unit is known; elsewhere a service-area leader has several, so it must be named.
            if (!turn.InChannel || OrganisationCommands.UnitsMeant(turn, caller, units) is not [var bound])
            {
                await turn.ReplyAsync(t.Usage, cancellationToken);
                return;
            }

            unit = bound;
        }
        else if ((unit = OrganisationCommands.Find(units, arguments)) is null)
        {
            await turn.ReplyAsync(turn.Texts.UnitNotFound(arguments.Trim(), OrganisationCommands.Closest(units, arguments.Trim())), cancellationToken);
            return;
        }

        if (!MayRecord(caller, unit))
        {
            await turn.ReplyAsync(t.NotAllowed(unit.Name), cancellationToken);
            return;
        }

        var today = ReviewRules.Today(unit, time.GetUtcNow());
        var held = (await appointments.ListYearAsync(turn.TenantId, today.Year, cancellationToken))
            .Where(a => a.Plan.UnitId == unit.Id && ReviewRules.LocalDate(a) <= today)
            .OrderByDescending(a => a.Plan.Start)
            .ToList();
        var people = await organisation.ListPeopleAsync(turn.TenantId, cancellationToken);
        if (held.FirstOrDefault(a => a.Status == AppointmentStatus.Planned) is { } due)
        {
            if (await store.GetRecordAsync(turn.TenantId, due.Year, due.Id, cancellationToken) is { } recorded)
            {
                // Recorded, but marking the appointment done failed last time: finish that now.
                await MarkDoneAsync(turn.TenantId, due, cancellationToken);
                await turn.ReplyAsync(await SummaryAsync(turn, unit, due, recorded, people, t.AlreadyRecorded, cancellationToken), AppointmentRecordCard.Title(turn.Language, unit, due), cancellationToken);
                return;
            }

            await turn.ReplyAsync(AppointmentRecordCard.Form(turn.Language, unit, due, people), AppointmentRecordCard.Title(turn.Language, unit, due), cancellationToken);
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

    /// <summary>The record card's save. The unit and appointment are looked up in the caller's own tenant.</summary>
    public async Task<AdaptiveCardInvokeResponse> OnRecordAsync(Turn turn, JsonObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var t = ReviewTexts.For(turn.Language);
        if (data["unitId"]?.ToString() is not { } unitId || data["appointmentId"]?.ToString() is not { } appointmentId
            || !int.TryParse(data["year"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            return AdaptiveCardInvokeResponse.BadRequest("The card's data has no unit, appointment or year.");
        }

        if (await organisation.GetUnitAsync(turn.TenantId, unitId, cancellationToken) is not { } unit)
        {
            return AdaptiveCardInvokeResponse.Message(t.UnknownUnit);
        }

        if (await appointments.GetAsync(turn.TenantId, year, appointmentId, cancellationToken) is not { } appointment || appointment.Plan.UnitId != unit.Id)
        {
            return AdaptiveCardInvokeResponse.Message(t.AppointmentGone);
        }

        var caller = await callers.ResolveAsync(turn, cancellationToken);
        if (!MayRecord(caller, unit))
        {
            return AdaptiveCardInvokeResponse.Message(t.NotAllowed(unit.Name));
        }

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
            turn.Language, unit, appointment, people, data, ReviewRules.Today(unit, now), caller.DisplayName, caller.Email, now);
        if (record is null)
        {
            return Card(AppointmentRecordCard.Form(turn.Language, unit, appointment, people, data, errors));
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

        var caller = await callers.ResolveAsync(turn, cancellationToken);
        if (caller.Person is null)
        {
            await turn.ReplyAsync(turn.Texts.UnknownPerson(caller.Email ?? caller.DisplayName), cancellationToken);
            return;
        }

        var units = await VisibleUnitsAsync(turn, caller, cancellationToken);
        if (units.Count == 0)
        {
            await turn.ReplyAsync(ReviewTexts.For(turn.Language).NothingToSee, cancellationToken);
            return;
        }

        var (card, count) = await ListCardAsync(turn, units, null, cancellationToken);
        await turn.ReplyAsync(card, ReviewTexts.For(turn.Language).ListTitle(count), cancellationToken);
    }

    /// <summary>"Close" on the follow-up list: closes the area once, however often it is clicked, and shows the list again.</summary>
    public async Task<AdaptiveCardInvokeResponse> OnCloseAsync(Turn turn, JsonObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var t = ReviewTexts.For(turn.Language);
        if (data["unitId"]?.ToString() is not { } unitId || data["followUpId"]?.ToString() is not { } followUpId)
        {
            return AdaptiveCardInvokeResponse.BadRequest("The card's data has no unit or follow-up area.");
        }

        if (await organisation.GetUnitAsync(turn.TenantId, unitId, cancellationToken) is not { } unit)
        {
            return AdaptiveCardInvokeResponse.Message(t.UnknownUnit);
        }

        var caller = await callers.ResolveAsync(turn, cancellationToken);
        var units = await VisibleUnitsAsync(turn, caller, cancellationToken);
        if (!units.ContainsKey(unit.Id))
        {
            return AdaptiveCardInvokeResponse.Message(t.NotYourFollowUp);
        }

        var (outcome, current) = await store.CloseFollowUpAsync(turn.TenantId, unit.Id, followUpId, caller.DisplayName, time.GetUtcNow(), cancellationToken);
        var notice = outcome switch
        {
            CloseOutcome.Closed => t.Closed(current!.Text),
            CloseOutcome.AlreadyClosed => t.AlreadyClosed(current!.Text),
            _ => t.FollowUpNotFound,
        };
        return Card((await ListCardAsync(turn, units, notice, cancellationToken)).Card);
    }

    internal static bool MayRecord(Caller caller, Unit unit) =>
        caller.IsCoordinator || caller.Has(Role.Consultant, null) || caller.Has(Role.ServiceAreaLeader, unit.ServiceAreaId);

    /// <summary>
    /// The units whose follow-up areas the caller sees: all for the coordinator, a service area's for its leader, a
    /// unit's for its leader and Lean coordinators. In a unit's channel, only that unit's: the list is shown to everyone there.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, Unit>> VisibleUnitsAsync(Turn turn, Caller caller, CancellationToken cancellationToken)
    {
        var units = await organisation.ListUnitsAsync(turn.TenantId, cancellationToken);
        var visible = units.Where(u => caller.IsCoordinator
            || caller.Has(Role.ServiceAreaLeader, u.ServiceAreaId)
            || caller.Has(Role.UnitLeader, u.Id)
            || caller.Has(Role.UnitCoordinator, u.Id));
        if (turn.InChannel && units.Any(u => u.Channel?.ChannelId == turn.ChannelId))
        {
            visible = visible.Where(u => u.Channel?.ChannelId == turn.ChannelId);
        }

        return visible.ToDictionary(u => u.Id, StringComparer.Ordinal);
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

    /// <summary>
    /// Marks the appointment held. The planner or the calendar sync may have saved it meanwhile (ETag): then it is read
    /// again and tried once more. A second failure leaves the record stored; the next `review done` finishes it.
    /// </summary>
    private async Task MarkDoneAsync(string tenantId, Appointment appointment, CancellationToken cancellationToken)
    {
        var current = appointment;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (current.Status == AppointmentStatus.Done)
            {
                return;
            }

            if (await appointments.UpdateAsync(tenantId, current with { Status = AppointmentStatus.Done }, cancellationToken))
            {
                return;
            }

            if (await appointments.GetAsync(tenantId, current.Year, current.Id, cancellationToken) is not { } reread)
            {
                break;
            }

            current = reread;
        }

        LogNotMarkedDone(logger, tenantId, appointment.Id);
    }

    private static AdaptiveCardInvokeResponse Card(AdaptiveCard card) => AdaptiveCardInvokeResponse.Card(card.ToJson());

    [LoggerMessage(Level = LogLevel.Warning, Message = "The appointment {AppointmentId} of tenant {TenantId} is recorded but could not be marked done; the next 'review done' retries.")]
    private static partial void LogNotMarkedDone(ILogger logger, string tenantId, string appointmentId);
}
