using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Planning;

public enum AppointmentStatus
{
    Planned,

    /// <summary>Held and recorded (observations, follow-up areas, or the fishbone analysis).</summary>
    Done,

    Cancelled,
}

/// <summary>Whether the appointment's Outlook event (with its Teams meeting) matches the plan.</summary>
public enum CalendarState
{
    /// <summary>The plan changed and the calendar has not been told yet.</summary>
    Pending,

    Synced,

    /// <summary>Microsoft Graph is not configured: the appointment lives only in the app.</summary>
    NotConfigured,

    /// <summary>Graph refused for good (organiser unknown, no permission); a coordinator has to look.</summary>
    Failed,
}

/// <summary>A planned appointment as stored: the plan, whether it was held, and its calendar event.</summary>
public sealed record Appointment(int Year, PlannedAppointment Plan, AppointmentStatus Status)
{
    public CalendarState Calendar { get; init; } = CalendarState.Pending;

    public string? CalendarEventId { get; init; }

    public string? JoinUrl { get; init; }

    public string? CalendarError { get; init; }

    /// <summary>Whose calendar the event is in. A new owner cannot take over an event, so the event is replaced.</summary>
    public string? CalendarOrganiserId { get; init; }

    /// <summary>Who the event invited. The calendar seam moves events but cannot change attendees, so others mean a new event.</summary>
    public IReadOnlyList<string>? CalendarAttendeeIds { get; init; }

    /// <summary>The event was cancelled (its id is kept for history): planning the appointment again needs a new event.</summary>
    public bool CalendarCancelled { get; init; }

    /// <summary>Its owner was given by hand (`gemba owner`, the year wheel): re-planning keeps them.</summary>
    public bool OwnerByHand { get; init; }

    /// <summary>Cancelled by hand (`gemba cancel`, the year wheel): re-planning does not plan it again.</summary>
    public bool CancelledByHand { get; init; }

    /// <summary>Goes up with every change of time or people, so the calendar sync and reminders can tell versions apart.</summary>
    public int Version { get; init; } = 1;

    [JsonIgnore]
    public string? ETag { get; init; }

    public string Id => Plan.Id;
}

/// <summary>
/// The year wheel's appointments in a table partitioned by tenant, one row per appointment under `year|id`, so a
/// year's plan is one range scan. Rows hold the record as JSON beside the columns queries filter on.
/// </summary>
public sealed class AppointmentStore(StorageTables tables)
{
    internal const string Table = "Appointments";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private TableClient Client => tables.Get(Table);

    public async Task<IReadOnlyList<Appointment>> ListYearAsync(string tenantId, int year, CancellationToken cancellationToken)
    {
        var prefix = YearPrefix(year);
        var filter = KeyPrefix.Filter(tenantId, prefix);
        var found = new List<Appointment>();
        await foreach (var row in Client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(Read(row));
        }

        return found;
    }

    /// <summary>
    /// The year's appointments still planned that start before <paramref name="before"/>: the held, the cancelled and
    /// the later ones stay in storage (filtered on the Status and Start columns), where a year's plan is thousands of rows.
    /// </summary>
    public async Task<IReadOnlyList<Appointment>> ListPlannedBeforeAsync(string tenantId, int year, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var planned = nameof(AppointmentStatus.Planned);
        var filter = $"{KeyPrefix.Filter(tenantId, YearPrefix(year))} and {TableClient.CreateQueryFilter($"Status eq {planned} and Start lt {before}")}";
        var found = new List<Appointment>();
        await foreach (var row in Client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(Read(row));
        }

        return found;
    }

    public async Task<Appointment?> GetAsync(string tenantId, int year, string id, CancellationToken cancellationToken)
    {
        var row = await Client.GetEntityIfExistsAsync<TableEntity>(tenantId, Key(year, id), cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    /// <summary>Appointments whose calendar event has to be created, moved or cancelled.</summary>
    public async Task<IReadOnlyList<Appointment>> ListCalendarPendingAsync(string tenantId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and Calendar eq {nameof(CalendarState.Pending)}");
        var found = new List<Appointment>();
        await foreach (var row in Client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(Read(row));
        }

        return found;
    }

    /// <summary>
    /// Stores what a new plan changed: added appointments, moved or reassigned ones (a new version, the calendar to be
    /// told), and cancelled ones. Unchanged appointments are not written. In transactions of up to 100 rows; a row
    /// changed by someone else meanwhile (ETag) fails its batch, and the planner is simply run again.
    /// </summary>
    public async Task ApplyAsync(string tenantId, int year, YearPlan plan, IReadOnlyList<Appointment> stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(stored);
        var byId = stored.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var actions = new List<TableTransactionAction>();
        foreach (var added in plan.Added)
        {
            if (byId.TryGetValue(added.Id, out var before))
            {
                // A cancelled appointment planned again (a unit back in the plan) is the same row, revived.
                actions.Add(Replace(tenantId, before with { Plan = added, Status = AppointmentStatus.Planned, Calendar = CalendarState.Pending, Version = before.Version + 1 }));
            }
            else
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, Row(tenantId, new Appointment(year, added, AppointmentStatus.Planned))));
            }
        }

        foreach (var change in plan.Moved.Concat(plan.Reassigned))
        {
            var before = byId[change.Before.Id];
            actions.Add(Replace(tenantId, before with { Plan = change.After, Calendar = CalendarState.Pending, Version = before.Version + 1 }));
        }

        foreach (var cancelled in plan.Cancelled)
        {
            var before = byId[cancelled.Id];
            actions.Add(Replace(tenantId, before with
            {
                Status = AppointmentStatus.Cancelled,
                Calendar = before.CalendarEventId is null ? before.Calendar : CalendarState.Pending,
                Version = before.Version + 1,
            }));
        }

        foreach (var batch in actions.Chunk(100))
        {
            await Client.SubmitTransactionAsync(batch, cancellationToken);
        }
    }

    /// <summary>Saves a changed appointment read with its ETag; false when it changed meanwhile.</summary>
    public async Task<bool> UpdateAsync(string tenantId, Appointment appointment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        try
        {
            await Client.UpdateEntityAsync(Row(tenantId, appointment), new ETag(appointment.ETag!), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    private static TableTransactionAction Replace(string tenantId, Appointment appointment) =>
        new(TableTransactionActionType.UpdateReplace, Row(tenantId, appointment), new ETag(appointment.ETag!));

    private static string YearPrefix(int year) => year.ToString("D4", CultureInfo.InvariantCulture) + "|";

    private static string Key(int year, string id) => YearPrefix(year) + id;

    private static TableEntity Row(string tenantId, Appointment appointment) => new(tenantId, Key(appointment.Year, appointment.Id))
    {
        ["Data"] = JsonSerializer.Serialize(appointment, Json),
        ["Status"] = appointment.Status.ToString(),
        ["Calendar"] = appointment.Calendar.ToString(),
        ["Start"] = appointment.Plan.Start,
        ["UnitId"] = appointment.Plan.UnitId,
    };

    private static Appointment Read(TableEntity row) =>
        JsonSerializer.Deserialize<Appointment>(row.GetString("Data"), Json)! with { ETag = row.ETag.ToString() };
}
