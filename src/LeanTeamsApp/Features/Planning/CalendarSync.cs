using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using LeanTeamsApp.Bot;
using Azure;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Graph;
using LeanTeamsApp.Infrastructure.Scheduling;
using LeanTeamsApp.Infrastructure.Storage;
using LeanTeamsApp.Infrastructure.Terms;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Features.Planning;

public sealed class CalendarSyncOptions
{
    public const string Section = "CalendarSync";

    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long one instance holds a tenant; renewed while it works, taken over by another instance when it lapses.
    /// Long enough for one Graph call with all its throttling retries (up to a minute) between renewals.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "00:30:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most appointments one tick sends to Graph per tenant, soonest first; the rest wait for the next tick.</summary>
    [Range(1, 1000)]
    public int MaxPerTick { get; set; } = 200;
}

/// <summary>
/// Keeps Outlook in step with the year wheel: every appointment whose calendar is pending gets its Teams-meeting
/// event created, moved, replaced or cancelled through <see cref="IGraphCalendar"/>. Per tenant a lease, renewed while
/// the tick works, makes sure two instances never sync one tenant at once. Graph throttling pauses the tenant until
/// Graph's Retry-After has passed; "not configured" leaves appointments in the app only. Each save carries the ETag it
/// was read with, so an appointment re-planned meanwhile is never overwritten: it is pending again with a new version
/// for the next tick.
/// </summary>
public sealed partial class CalendarSyncScheduler(
    AppointmentStore appointments,
    OrganisationStore organisation,
    IGraphCalendar calendar,
    StorageTables tables,
    IOptions<CalendarSyncOptions> options,
    TimeProvider time,
    ILogger<CalendarSyncScheduler> logger) : Scheduler(tables, time, logger)
{
    internal const string Table = "CalendarSync";

    private readonly TenantLease _lease = new(tables.Get(Table), "lease", options.Value.Lease, time);

    protected override TimeSpan? Interval => options.Value.Enabled ? options.Value.TickInterval : null;

    /// <summary>One tick for every tenant. Returns how many appointments it settled.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        await ForEachTenantAsync(await organisation.ListTenantIdsAsync(cancellationToken), RunTenantAsync, cancellationToken);

    /// <summary>
    /// One tick's work for one tenant: the pending appointments, soonest first, up to <see cref="CalendarSyncOptions.MaxPerTick"/>.
    /// Returns how many it settled (synced, failed for good, or marked not configured); those left pending come again.
    /// </summary>
    public async Task<int> RunTenantAsync(string tenant, CancellationToken cancellationToken)
    {
        // Not while Graph has asked the tenant to wait (its Retry-After, kept in the lease row).
        if (await _lease.TryAcquireAsync(tenant, row => !(row.GetDateTimeOffset("PausedUntil") > Time.GetUtcNow()), cancellationToken) is not { } lease)
        {
            return 0;
        }

        var tick = new Tick(tenant);
        var pending = await appointments.ListCalendarPendingAsync(tenant, cancellationToken);
        if (pending.Count > 0)
        {
            tick.Units = (await organisation.ListUnitsAsync(tenant, cancellationToken)).ToDictionary(u => u.Id, StringComparer.Ordinal);
            var org = await organisation.GetOrganisationAsync(tenant, cancellationToken);
            if (org is not null)
            {
                // The invitations' texts in the organisation's words; RunTenantAsync is async, so they stay with this tenant.
                OwnTerms.Use(org.Terms);
            }

            tick.DefaultTimeZone = org?.DefaultTimeZone;
            tick.WrittenLanguage = org?.WrittenLanguage;
        }

        foreach (var appointment in pending.OrderBy(a => a.Plan.Start).ThenBy(a => a.Id, StringComparer.Ordinal).Take(options.Value.MaxPerTick))
        {
            if (tick.Stopped || !await lease.RenewIfDueAsync(cancellationToken))
            {
                if (lease.Lost)
                {
                    LogLeaseLost(Logger, tenant);
                }

                break;
            }

            try
            {
                tick.Settled += await SyncAsync(tick, appointment, cancellationToken) ? 1 : 0;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // It stays pending and comes again next tick; the others go on.
                LogAppointmentFailed(Logger, tenant, appointment.Id, e);
            }
        }

        lease.Row["PausedUntil"] = tick.PausedUntil;
        // False when our lease ran out and another instance took over; its tick does the rest.
        await lease.ReleaseAsync(cancellationToken);
        return tick.Settled;
    }

    /// <summary>
    /// Graph's transactionId for creating this version's event: the same on every retry, so Graph creates it once even
    /// when we crashed before storing its id; another for the next version, whose create must not be taken for a retry.
    /// </summary>
    internal static string TransactionId(string appointmentId, int version)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{appointmentId}|v{version}")));
        var bytes = hash.AsSpan(0, 16).ToArray();
        // RFC 9562 version 8 (custom) with the standard variant, so it is a well-formed UUID.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    /// <summary>Does what the appointment's state asks of Outlook; true when it was settled and saved.</summary>
    private async Task<bool> SyncAsync(Tick tick, Appointment appointment, CancellationToken cancellationToken)
    {
        var unit = tick.Units.GetValueOrDefault(appointment.Plan.UnitId);
        var texts = CalendarSyncTexts.For(tick.WrittenLanguage ?? WrittenLanguage.OfTimeZone(unit?.TimeZone ?? tick.DefaultTimeZone));
        var liveEvent = appointment.CalendarCancelled ? null : appointment.CalendarEventId;

        if (appointment.Status != AppointmentStatus.Planned)
        {
            // Cancelled, or held already: an event still in calendars is cancelled; otherwise there is nothing to tell Outlook.
            return appointment.Status == AppointmentStatus.Cancelled && liveEvent is not null
                ? await CancelAsync(tick, appointment, liveEvent, texts, cancellationToken)
                : await SaveAsync(tick, appointment with { Calendar = CalendarState.Synced, CalendarError = null }, keepOnNewer: null, cancellationToken);
        }

        if (tick.GraphOff)
        {
            return await SaveAsync(tick, NotConfigured(appointment), keepOnNewer: null, cancellationToken);
        }

        if (unit is null)
        {
            // The planner cancels appointments of units that are gone; until it runs, there is no zone or name to send.
            return await SaveAsync(tick, Failed(appointment, texts.UnknownUnit(appointment.Plan.UnitId)), keepOnNewer: null, cancellationToken);
        }

        if (liveEvent is null)
        {
            return await CreateAsync(tick, appointment, unit, texts, cancellationToken);
        }

        if (!SamePeople(appointment))
        {
            return await ReplaceAsync(tick, appointment, unit, liveEvent, texts, cancellationToken);
        }

        var organiser = appointment.CalendarOrganiserId ?? appointment.Plan.OwnerId;
        var moved = await calendar.MoveEventAsync(organiser, liveEvent, appointment.Plan.Start, appointment.Plan.End, unit.TimeZone, cancellationToken);
        if (moved.Status == GraphCalendarStatus.EventNotFound)
        {
            // Deleted in Outlook: the appointment is still planned, so it gets a new event.
            return await CreateAsync(tick, appointment, unit, texts, cancellationToken);
        }

        return moved.Succeeded
            ? await SaveAsync(tick, appointment with { Calendar = CalendarState.Synced, CalendarError = null }, keepOnNewer: null, cancellationToken)
            : await SettleFailureAsync(tick, appointment, moved, organiser, texts, cancellationToken);
    }

    private async Task<bool> CreateAsync(Tick tick, Appointment appointment, Unit unit, CalendarSyncTexts texts, CancellationToken cancellationToken)
    {
        var plan = appointment.Plan;
        var attendeeIds = AttendeesOf(plan);
        var attendees = new List<CalendarAttendee>(attendeeIds.Count);
        foreach (var id in attendeeIds)
        {
            attendees.Add(new CalendarAttendee(id, (await PersonAsync(tick, id, cancellationToken))?.Name));
        }

        var unitName = WebUtility.HtmlEncode(unit.Name);
        var request = new CalendarEventRequest(
            plan.OwnerId,
            $"{texts.Kinds[plan.Kind]}: {unit.Name}",
            $"<p>{texts.Purpose(plan.Kind, unitName)}</p><p>{texts.PlannedBy}</p>",
            plan.Start,
            plan.End,
            unit.TimeZone,
            attendees,
            TransactionId(appointment.Id, appointment.Version),
            Location: null);
        var created = await calendar.CreateEventAsync(request, cancellationToken);
        if (!created.Succeeded)
        {
            return await SettleFailureAsync(tick, appointment, GraphCalendarResult.Failure(created.Status, created.GraphErrorCode, created.RetryAfter), plan.OwnerId, texts, cancellationToken);
        }

        var eventRef = created.Value;
        Appointment WithEvent(Appointment a) => a with
        {
            CalendarEventId = eventRef.EventId,
            JoinUrl = eventRef.JoinUrl,
            CalendarOrganiserId = plan.OwnerId,
            CalendarAttendeeIds = attendeeIds,
            CalendarCancelled = false,
        };

        return await SaveAsync(tick, WithEvent(appointment) with { Calendar = CalendarState.Synced, CalendarError = null }, WithEvent, cancellationToken);
    }

    private async Task<bool> CancelAsync(Tick tick, Appointment appointment, string eventId, CalendarSyncTexts texts, CancellationToken cancellationToken)
    {
        if (tick.GraphOff)
        {
            return await SaveAsync(tick, NotConfigured(appointment), keepOnNewer: null, cancellationToken);
        }

        var organiser = appointment.CalendarOrganiserId ?? appointment.Plan.OwnerId;
        var cancelled = await calendar.CancelEventAsync(organiser, eventId, texts.Cancelled, cancellationToken);
        if (!cancelled.Succeeded && cancelled.Status != GraphCalendarStatus.EventNotFound)
        {
            return await SettleFailureAsync(tick, appointment, cancelled, organiser, texts, cancellationToken);
        }

        return await SaveAsync(
            tick,
            appointment with { Calendar = CalendarState.Synced, CalendarError = null, CalendarCancelled = true },
            a => a.CalendarEventId == eventId ? a with { CalendarCancelled = true } : a,
            cancellationToken);
    }

    /// <summary>
    /// Another organiser or other attendees: the seam cannot hand an event over or change its attendees, so the old
    /// event is cancelled (removed people hear of it) and a new one sent. The cancellation is saved before the create,
    /// so a create that fails now is retried as a create, never as a second cancel.
    /// </summary>
    private async Task<bool> ReplaceAsync(Tick tick, Appointment appointment, Unit unit, string eventId, CalendarSyncTexts texts, CancellationToken cancellationToken)
    {
        var organiser = appointment.CalendarOrganiserId ?? appointment.Plan.OwnerId;
        var cancelled = await calendar.CancelEventAsync(organiser, eventId, texts.Replaced, cancellationToken);

        // A former leader's mailbox that is gone took the event with it.
        if (!cancelled.Succeeded && cancelled.Status is not (GraphCalendarStatus.EventNotFound or GraphCalendarStatus.OrganiserNotFound))
        {
            return await SettleFailureAsync(tick, appointment, cancelled, organiser, texts, cancellationToken);
        }

        if (!await SaveAsync(tick, appointment with { CalendarCancelled = true }, a => a.CalendarEventId == eventId ? a with { CalendarCancelled = true } : a, cancellationToken)
            || await appointments.GetAsync(tick.Tenant, appointment.Year, appointment.Id, cancellationToken) is not { } saved
            || saved.Version != appointment.Version)
        {
            return false;
        }

        return await CreateAsync(tick, saved, unit, texts, cancellationToken);
    }

    /// <summary>What a failed Graph call means for the appointment and for the rest of this tenant's tick.</summary>
    private async Task<bool> SettleFailureAsync(
        Tick tick, Appointment appointment, GraphCalendarResult result, string organiser, CalendarSyncTexts texts, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case GraphCalendarStatus.NotConfigured:
                // Configuration, not this appointment: nothing else in the tenant goes to Graph this tick either.
                LogNotConfigured(Logger, tick.Tenant);
                tick.GraphOff = true;
                return await SaveAsync(tick, NotConfigured(appointment), keepOnNewer: null, cancellationToken);

            case GraphCalendarStatus.Throttled:
                // Pending as it is; more calls now would only lengthen the throttling.
                tick.PausedUntil = Time.GetUtcNow() + (result.RetryAfter ?? TimeSpan.Zero);
                tick.Stopped = true;
                LogThrottled(Logger, tick.Tenant, result.RetryAfter);
                return false;

            default:
                LogRefused(Logger, tick.Tenant, appointment.Id, result.Status, result.GraphErrorCode);
                var error = result.Status switch
                {
                    GraphCalendarStatus.OrganiserNotFound => texts.OrganiserNotFound(organiser),
                    GraphCalendarStatus.Forbidden => texts.Forbidden(organiser),
                    var other => texts.Refused(other.ToString()),
                };
                return await SaveAsync(tick, Failed(appointment, result.GraphErrorCode is { } code ? $"{error} ({code})" : error), keepOnNewer: null, cancellationToken);
        }
    }

    /// <summary>
    /// Saves with the ETag the appointment was read with. When it was re-planned meanwhile the new plan stands, pending
    /// for the next tick; <paramref name="keepOnNewer"/> records on it what Outlook now holds (an event created or
    /// cancelled), so the next tick moves or cancels that event rather than creating a second one.
    /// </summary>
    private async Task<bool> SaveAsync(Tick tick, Appointment updated, Func<Appointment, Appointment>? keepOnNewer, CancellationToken cancellationToken)
    {
        if (await appointments.UpdateAsync(tick.Tenant, updated, cancellationToken))
        {
            return true;
        }

        LogChangedMeanwhile(Logger, tick.Tenant, updated.Id);
        if (keepOnNewer is not null && await appointments.GetAsync(tick.Tenant, updated.Year, updated.Id, cancellationToken) is { } newer
            && !await appointments.UpdateAsync(tick.Tenant, keepOnNewer(newer), cancellationToken))
        {
            LogEventNotRecorded(Logger, tick.Tenant, updated.Id, updated.CalendarEventId);
        }

        return false;
    }

    private async Task<Person?> PersonAsync(Tick tick, string id, CancellationToken cancellationToken)
    {
        if (!tick.People.TryGetValue(id, out var person))
        {
            person = await organisation.GetPersonAsync(tick.Tenant, id, cancellationToken);
            tick.People[id] = person;
        }

        return person;
    }

    /// <summary>Who gets invited besides the organiser, each once.</summary>
    private static List<string> AttendeesOf(PlannedAppointment plan) =>
        [.. plan.AttendeeIds.Where(id => !string.Equals(id, plan.OwnerId, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static bool SamePeople(Appointment appointment) =>
        string.Equals(appointment.CalendarOrganiserId ?? appointment.Plan.OwnerId, appointment.Plan.OwnerId, StringComparison.OrdinalIgnoreCase)
        && (appointment.CalendarAttendeeIds is not { } invited
            || invited.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(AttendeesOf(appointment.Plan)));

    private static Appointment NotConfigured(Appointment appointment) =>
        appointment with { Calendar = CalendarState.NotConfigured, CalendarError = null };

    private static Appointment Failed(Appointment appointment, string error) =>
        appointment with { Calendar = CalendarState.Failed, CalendarError = error };

    /// <summary>One tenant's tick: what it read once, and what it learnt about Graph on the way.</summary>
    private sealed class Tick(string tenant)
    {
        public string Tenant { get; } = tenant;

        public IReadOnlyDictionary<string, Unit> Units { get; set; } = new Dictionary<string, Unit>();

        public string? DefaultTimeZone { get; set; }

        public Language? WrittenLanguage { get; set; }

        public Dictionary<string, Person?> People { get; } = new(StringComparer.OrdinalIgnoreCase);

        public bool GraphOff { get; set; }

        public bool Stopped { get; set; }

        public DateTimeOffset? PausedUntil { get; set; }

        public int Settled { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Calendar sync of appointment {AppointmentId} in tenant {TenantId} failed; it stays pending for the next tick")]
    private static partial void LogAppointmentFailed(ILogger logger, string tenantId, string appointmentId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph is not configured: the appointments of tenant {TenantId} stay in the app only")]
    private static partial void LogNotConfigured(ILogger logger, string tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph throttles calendar sync for tenant {TenantId}; the tenant waits {RetryAfter}")]
    private static partial void LogThrottled(ILogger logger, string tenantId, TimeSpan? retryAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph refused appointment {AppointmentId} of tenant {TenantId}: {Status} {GraphErrorCode}")]
    private static partial void LogRefused(ILogger logger, string tenantId, string appointmentId, GraphCalendarStatus status, string? graphErrorCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment {AppointmentId} of tenant {TenantId} was re-planned during its calendar sync; the next tick syncs the new version")]
    private static partial void LogChangedMeanwhile(ILogger logger, string tenantId, string appointmentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Appointment {AppointmentId} of tenant {TenantId} changed twice during its sync; event {EventId} is not recorded on it")]
    private static partial void LogEventNotRecorded(ILogger logger, string tenantId, string appointmentId, string? eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar sync lost its lease on tenant {TenantId} to another instance; that instance goes on")]
    private static partial void LogLeaseLost(ILogger logger, string tenantId);
}
