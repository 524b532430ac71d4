using System.Globalization;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;
using Microsoft.Kiota.Abstractions;

namespace LeanTeamsApp.Infrastructure.Graph;

/// <summary>
/// <see cref="IGraphCalendar"/> over Microsoft Graph v1.0 with app-only access (Calendars.ReadWrite):
/// create = POST /users/{organiser}/events, move = PATCH /users/{organiser}/events/{id} with start and end only,
/// cancel = POST /users/{organiser}/events/{id}/cancel. Throttling is handled below, in <see cref="GraphRetryHandler"/>.
/// </summary>
internal sealed class GraphCalendar(GraphServiceClient graph, TimeProvider time) : IGraphCalendar
{
    // Outlook event ids change when an item moves between folders unless immutable ids are asked for, on every request.
    // We store the id to move or cancel the event weeks later, so every call asks for them.
    private const string PreferImmutableIds = "IdType=\"ImmutableId\"";

    // Graph's code for an unknown user; 404s on an event path without it are taken to mean the event is gone.
    private const string InvalidUserCode = "ErrorInvalidUser";

    public async Task<GraphCalendarResult<CalendarEventRef>> CreateEventAsync(CalendarEventRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (start, end) = EventTimes(request.Start, request.End, request.IanaTimeZone);

        // Only properties with a value are set: the SDK tracks every property set, and sends one set to null as an
        // explicit JSON null. The SDK's own "@odata.type" annotations on the event and attendees go out as it makes them.
        var body = new Event
        {
            Subject = request.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = request.BodyHtml },
            Start = start,
            End = end,
            Attendees = [.. request.Attendees.Select(RequiredAttendee)],
            IsOnlineMeeting = true,
            OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness,
            TransactionId = request.TransactionId,
        };
        if (request.Location is { } location)
        {
            body.Location = new Location { DisplayName = location };
        }

        try
        {
            var created = await graph.Users[request.OrganiserUserId].Events
                .PostAsync(body, c => c.Headers.Add("Prefer", PreferImmutableIds), cancellationToken);
            return created?.Id is { } id
                ? new GraphCalendarResult<CalendarEventRef>(new CalendarEventRef(id, created.OnlineMeeting?.JoinUrl))
                : throw new InvalidOperationException("Graph answered the create without an event id.");
        }
        catch (ApiException e) when (Expected(e, eventInPath: false) is { } failure)
        {
            return new GraphCalendarResult<CalendarEventRef>(failure);
        }
    }

    public async Task<GraphCalendarResult> MoveEventAsync(
        string organiserUserId, string eventId, DateTimeOffset newStart, DateTimeOffset newEnd, string ianaTimeZone, CancellationToken cancellationToken)
    {
        var (start, end) = EventTimes(newStart, newEnd, ianaTimeZone);

        // Only start and end: anything else in a PATCH would overwrite what the organiser may have edited in Outlook.
        var patch = new Event { Start = start, End = end };
        try
        {
            await graph.Users[organiserUserId].Events[eventId]
                .PatchAsync(patch, c => c.Headers.Add("Prefer", PreferImmutableIds), cancellationToken);
            return GraphCalendarResult.Success;
        }
        catch (ApiException e) when (Expected(e, eventInPath: true) is { } failure)
        {
            return failure;
        }
    }

    public async Task<GraphCalendarResult> CancelEventAsync(string organiserUserId, string eventId, string comment, CancellationToken cancellationToken)
    {
        try
        {
            await graph.Users[organiserUserId].Events[eventId].Cancel
                .PostAsync(new CancelPostRequestBody { Comment = comment }, c => c.Headers.Add("Prefer", PreferImmutableIds), cancellationToken);
            return GraphCalendarResult.Success;
        }
        catch (ApiException e) when (Expected(e, eventInPath: true) is { } failure)
        {
            return failure;
        }
    }

    /// <summary>
    /// Start and end as Graph's dateTimeTimeZone: the wall-clock time in the meeting's zone, named the Windows way.
    /// Graph accepts every Windows zone name but only a listed subset of IANA names for timeZone, and that list has
    /// neither Europe/Oslo nor Europe/Stockholm, so "Europe/Oslo" is sent as "W. Europe Standard Time". A wall-clock
    /// time that occurs twice (the autumn hour when clocks go back) would be ambiguous, so such an event goes in UTC.
    /// </summary>
    internal static (DateTimeTimeZone Start, DateTimeTimeZone End) EventTimes(DateTimeOffset start, DateTimeOffset end, string ianaTimeZone)
    {
        if (end <= start)
        {
            throw new ArgumentException("An event must end after it starts.", nameof(end));
        }

        if (!TimeZoneInfo.TryConvertIanaIdToWindowsId(ianaTimeZone, out var windowsZone))
        {
            throw new ArgumentException($"'{ianaTimeZone}' is not an IANA time zone with a Windows equivalent.", nameof(ianaTimeZone));
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(ianaTimeZone);
        return zone.IsAmbiguousTime(start) || zone.IsAmbiguousTime(end)
            ? (WallClock(start.ToUniversalTime(), "UTC"), WallClock(end.ToUniversalTime(), "UTC"))
            : (WallClock(TimeZoneInfo.ConvertTime(start, zone), windowsZone), WallClock(TimeZoneInfo.ConvertTime(end, zone), windowsZone));
    }

    private static Attendee RequiredAttendee(CalendarAttendee attendee)
    {
        var email = new EmailAddress { Address = attendee.Email };
        if (attendee.Name is { } name)
        {
            email.Name = name;
        }

        return new Attendee { EmailAddress = email, Type = AttendeeType.Required };
    }

    private static DateTimeTimeZone WallClock(DateTimeOffset local, string zoneName) =>
        new() { DateTime = local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), TimeZone = zoneName };

    /// <summary>The failures a caller can act on; anything else stays an exception.</summary>
    private GraphCalendarResult? Expected(ApiException e, bool eventInPath)
    {
        var code = (e as ODataError)?.Error?.Code;
        return e.ResponseStatusCode switch
        {
            403 => GraphCalendarResult.Failure(GraphCalendarStatus.Forbidden, code),
            404 when !eventInPath || code == InvalidUserCode => GraphCalendarResult.Failure(GraphCalendarStatus.OrganiserNotFound, code),
            404 => GraphCalendarResult.Failure(GraphCalendarStatus.EventNotFound, code),

            // What the retry handler gave up on.
            429 or 503 or 504 => GraphCalendarResult.Failure(GraphCalendarStatus.Throttled, code, RetryAfter(e)),
            _ => null,
        };
    }

    private TimeSpan? RetryAfter(ApiException e) =>
        e.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)) is { Value: { } values }
            ? GraphRetryHandler.RetryAfter(values, time.GetUtcNow())
            : null;
}
