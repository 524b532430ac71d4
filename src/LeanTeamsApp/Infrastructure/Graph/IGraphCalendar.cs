namespace LeanTeamsApp.Infrastructure.Graph;

/// <summary>
/// The app's one seam to Microsoft Graph: calendar events with a Teams meeting in the organiser's Outlook calendar.
/// Features depend on this interface and mock it in tests; <see cref="GraphCalendar"/> is the Graph implementation.
/// Expected failures come back as a result with a status; anything else is an exception.
/// </summary>
public interface IGraphCalendar
{
    /// <summary>Creates the event in the organiser's calendar and invites the attendees; Graph adds the Teams meeting.</summary>
    Task<GraphCalendarResult<CalendarEventRef>> CreateEventAsync(CalendarEventRequest request, CancellationToken cancellationToken);

    /// <summary>Moves an event to a new start and end; Graph sends the attendees an update.</summary>
    Task<GraphCalendarResult> MoveEventAsync(
        string organiserUserId, string eventId, DateTimeOffset newStart, DateTimeOffset newEnd, string ianaTimeZone, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels an event as its organiser; the attendees get the comment with the cancellation.
    /// <see cref="GraphCalendarStatus.EventNotFound"/> means the event is already gone, which a caller may take as done.
    /// </summary>
    Task<GraphCalendarResult> CancelEventAsync(string organiserUserId, string eventId, string comment, CancellationToken cancellationToken);
}

/// <param name="OrganiserUserId">The organiser's user principal name or Entra object id; the event goes in their calendar.</param>
/// <param name="IanaTimeZone">The zone the meeting is held in, e.g. "Europe/Oslo"; start and end are shown in it.</param>
/// <param name="TransactionId">Our stable appointment id: Graph uses it to avoid creating the event twice when a create is retried.</param>
public sealed record CalendarEventRequest(
    string OrganiserUserId,
    string Subject,
    string BodyHtml,
    DateTimeOffset Start,
    DateTimeOffset End,
    string IanaTimeZone,
    IReadOnlyList<CalendarAttendee> Attendees,
    string TransactionId,
    string? Location);

public sealed record CalendarAttendee(string Email, string? Name);

/// <param name="EventId">Graph's immutable event id: it stays the same when the event moves between folders.</param>
/// <param name="JoinUrl">The Teams join link, or null when Graph created the event without one (Teams meetings not enabled for the mailbox).</param>
public sealed record CalendarEventRef(string EventId, string? JoinUrl);
