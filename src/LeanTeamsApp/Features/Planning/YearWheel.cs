namespace LeanTeamsApp.Features.Planning;

/// <summary>
/// The year wheel as other features see it: a year's appointments, one appointment, and the one change they make to
/// it, that an appointment was held. Planning, moving and the calendar events stay with this feature and its store.
/// </summary>
public sealed class YearWheel(AppointmentStore store)
{
    public Task<IReadOnlyList<Appointment>> ListYearAsync(string tenantId, int year, CancellationToken cancellationToken) =>
        store.ListYearAsync(tenantId, year, cancellationToken);

    /// <summary>The year's appointments still planned that start before <paramref name="before"/> (none held or cancelled).</summary>
    public Task<IReadOnlyList<Appointment>> ListPlannedBeforeAsync(string tenantId, int year, DateTimeOffset before, CancellationToken cancellationToken) =>
        store.ListPlannedBeforeAsync(tenantId, year, before, cancellationToken);

    public Task<Appointment?> GetAsync(string tenantId, int year, string id, CancellationToken cancellationToken) =>
        store.GetAsync(tenantId, year, id, cancellationToken);

    /// <summary>
    /// Marks the appointment held. The planner or the calendar sync may have saved it meanwhile (ETag): then it is read
    /// again and tried once more. False when that failed too (or it is gone), so the caller can say it is not done yet.
    /// </summary>
    public async Task<bool> MarkDoneAsync(string tenantId, Appointment appointment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var current = appointment;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (current.Status == AppointmentStatus.Done || await store.UpdateAsync(tenantId, current with { Status = AppointmentStatus.Done }, cancellationToken))
            {
                return true;
            }

            if (await store.GetAsync(tenantId, current.Year, current.Id, cancellationToken) is not { } reread)
            {
                return false;
            }

            current = reread;
        }

        return false;
    }
}
