namespace LeanTeamsApp.Infrastructure.Graph;

/// <summary>Stands in when no Graph section is configured (local runs, tests): every call answers "not configured".</summary>
internal sealed class UnconfiguredGraphCalendar : IGraphCalendar
{
    private static readonly GraphCalendarResult NotConfigured = GraphCalendarResult.Failure(GraphCalendarStatus.NotConfigured);

    public Task<GraphCalendarResult<CalendarEventRef>> CreateEventAsync(CalendarEventRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new GraphCalendarResult<CalendarEventRef>(NotConfigured));

    public Task<GraphCalendarResult> MoveEventAsync(
        string organiserUserId, string eventId, DateTimeOffset newStart, DateTimeOffset newEnd, string ianaTimeZone, CancellationToken cancellationToken) =>
        Task.FromResult(NotConfigured);

    public Task<GraphCalendarResult> CancelEventAsync(string organiserUserId, string eventId, string comment, CancellationToken cancellationToken) =>
        Task.FromResult(NotConfigured);
}
