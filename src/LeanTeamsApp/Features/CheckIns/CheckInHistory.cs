namespace LeanTeamsApp.Features.CheckIns;

/// <summary>
/// A unit's check-ins as they were given, for the features that count or show them (the weekly figures, the tab, the
/// year planner). Only this feature writes check-ins; others read them here, never from its store.
/// </summary>
public sealed class CheckInHistory(CheckInStore store)
{
    public Task<CheckIn?> GetAsync(string tenantId, string unitId, DateOnly meetingDate, CancellationToken cancellationToken) =>
        store.GetAsync(tenantId, unitId, meetingDate, cancellationToken);

    /// <summary>The unit's check-ins for meetings on or after <paramref name="from"/>, by meeting date.</summary>
    public Task<IReadOnlyDictionary<DateOnly, CheckIn>> ListSinceAsync(string tenantId, string unitId, DateOnly from, CancellationToken cancellationToken) =>
        store.ListSinceAsync(tenantId, unitId, from, cancellationToken);
}
