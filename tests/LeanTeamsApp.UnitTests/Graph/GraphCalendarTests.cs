using System.Net;
using System.Text.Json;
using LeanTeamsApp.Infrastructure.Graph;
using Microsoft.Graph.Models.ODataErrors;

namespace LeanTeamsApp.UnitTests.Graph;

/// <summary>
/// The requests <see cref="GraphCalendar"/> sends, checked against Graph v1.0's documentation: "Create event"
/// (user-post-events, example "Create and enable an event as an online meeting"), "Update event" and "event: cancel".
/// </summary>
public sealed class GraphCalendarTests
{
    private const string EventId = "AAMkAGI1AAAt8AHjAAA=";
    private const string JoinUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzIy%40thread.v2/0";

    // Trimmed from the documented 201 answer to an online-meeting create.
    private const string CreatedJson = $$$"""
        {"id":"{{{EventId}}}","subject":"Tavlemøte","isOnlineMeeting":true,"onlineMeetingProvider":"teamsForBusiness",
         "onlineMeeting":{"joinUrl":"{{{JoinUrl}}}","conferenceId":"177513992"}}
        """;

    private static readonly CalendarEventRequest Request = new(
        OrganiserUserId: "leder@kommune.no",
        Subject: "Tavlemøte",
        BodyHtml: "<p>Ukens forbedringer</p>",
        Start: new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero),
        End: new DateTimeOffset(2026, 3, 10, 8, 30, 0, TimeSpan.Zero),
        IanaTimeZone: "Europe/Oslo",
        Attendees: [new("kari@kommune.no", "Kari Nordmann"), new("ola@kommune.no", null)],
        TransactionId: "appointment-0042",
        Location: "Tavla, 2. etasje");

    [Fact]
    public async Task CreateEvent_Request_PostsTheDocumentedTeamsMeetingEventToTheOrganisersCalendar()
    {
        var host = new GraphTestHost();
        host.Answer(HttpStatusCode.Created, CreatedJson);

        var result = await host.Calendar.CreateEventAsync(Request, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(new CalendarEventRef(EventId, JoinUrl), result.Value);
        var sent = Assert.Single(host.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/v1.0/users/leder%40kommune.no/events", sent.Path);
        Assert.Equal("", sent.Query);
        AssertGraphHeaders(sent);

        var body = sent.Json;
        Assert.Equal(
            ["@odata.type", "attendees", "body", "end", "isOnlineMeeting", "location", "onlineMeetingProvider", "start", "subject", "transactionId"],
            PropertyNames(body));
        Assert.Equal("#microsoft.graph.event", body.GetProperty("@odata.type").GetString());
        Assert.Equal("Tavlemøte", body.GetProperty("subject").GetString());
        Assert.Equal(["content", "contentType"], PropertyNames(body.GetProperty("body")));
        Assert.Equal("html", body.GetProperty("body").GetProperty("contentType").GetString());
        Assert.Equal("<p>Ukens forbedringer</p>", body.GetProperty("body").GetProperty("content").GetString());

        // 08:00Z on 10 March is 09:00 in Oslo (CET), sent as Oslo's Windows zone.
        AssertDateTimeTimeZone(body.GetProperty("start"), "2026-03-10T09:00:00", "W. Europe Standard Time");
        AssertDateTimeTimeZone(body.GetProperty("end"), "2026-03-10T09:30:00", "W. Europe Standard Time");

        Assert.Equal(["displayName"], PropertyNames(body.GetProperty("location")));
        Assert.Equal("Tavla, 2. etasje", body.GetProperty("location").GetProperty("displayName").GetString());

        var attendees = body.GetProperty("attendees").EnumerateArray().ToList();
        Assert.Equal(2, attendees.Count);
        Assert.All(attendees, a => Assert.Equal(["@odata.type", "emailAddress", "type"], PropertyNames(a)));
        Assert.All(attendees, a => Assert.Equal("#microsoft.graph.attendee", a.GetProperty("@odata.type").GetString()));
        Assert.All(attendees, a => Assert.Equal("required", a.GetProperty("type").GetString()));
        Assert.Equal(["address", "name"], PropertyNames(attendees[0].GetProperty("emailAddress")));
        Assert.Equal("kari@kommune.no", attendees[0].GetProperty("emailAddress").GetProperty("address").GetString());
        Assert.Equal("Kari Nordmann", attendees[0].GetProperty("emailAddress").GetProperty("name").GetString());
        Assert.Equal(["address"], PropertyNames(attendees[1].GetProperty("emailAddress")));
        Assert.Equal("ola@kommune.no", attendees[1].GetProperty("emailAddress").GetProperty("address").GetString());

        Assert.True(body.GetProperty("isOnlineMeeting").GetBoolean());
        Assert.Equal("teamsForBusiness", body.GetProperty("onlineMeetingProvider").GetString());
        Assert.Equal("appointment-0042", body.GetProperty("transactionId").GetString());
    }

    [Fact]
    public async Task CreateEvent_NoLocationAndNoJoinUrlInAnswer_SendsNoLocationAndReturnsTheEventWithoutLink()
    {
        var host = new GraphTestHost();
        host.Answer(HttpStatusCode.Created, $$"""{"id":"{{EventId}}","isOnlineMeeting":true,"onlineMeeting":null}""");

        var result = await host.Calendar.CreateEventAsync(Request with { Location = null }, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(new CalendarEventRef(EventId, null), result.Value);
        Assert.False(Assert.Single(host.Requests).Json.TryGetProperty("location", out _));
    }

    [Fact]
    public async Task MoveEvent_NewTimes_PatchesOnlyStartAndEnd()
    {
        var host = new GraphTestHost();
        host.Answer(HttpStatusCode.OK, $$"""{"id":"{{EventId}}"}""");

        var result = await host.Calendar.MoveEventAsync(
            "leder@kommune.no", EventId, new DateTimeOffset(2026, 6, 16, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 16, 7, 45, 0, TimeSpan.Zero),
            "Europe/Oslo", CancellationToken.None);

        Assert.True(result.Succeeded);
        var sent = Assert.Single(host.Requests);
        Assert.Equal(HttpMethod.Patch, sent.Method);
        Assert.Equal("/v1.0/users/leder%40kommune.no/events/AAMkAGI1AAAt8AHjAAA%3D", sent.Path);
        AssertGraphHeaders(sent);
        Assert.Equal(["@odata.type", "end", "start"], PropertyNames(sent.Json));
        Assert.Equal("#microsoft.graph.event", sent.Json.GetProperty("@odata.type").GetString());

        // Summer time: 07:00Z is 09:00 in Oslo (CEST).
        AssertDateTimeTimeZone(sent.Json.GetProperty("start"), "2026-06-16T09:00:00", "W. Europe Standard Time");
        AssertDateTimeTimeZone(sent.Json.GetProperty("end"), "2026-06-16T09:45:00", "W. Europe Standard Time");
    }

    [Theory]
    [InlineData("Europe/Stockholm", "2026-01-15T07:00:00Z", "2026-01-15T08:00:00", "W. Europe Standard Time")]
    [InlineData("Europe/Helsinki", "2026-01-15T07:00:00Z", "2026-01-15T09:00:00", "FLE Standard Time")]
    [InlineData("Europe/Oslo", "2026-03-29T00:30:00Z", "2026-03-29T01:30:00", "W. Europe Standard Time")]
    // 00:30Z on 25 October 2026 is 02:30 in Oslo, an hour that happens twice as the clocks go back: sent in UTC.
    [InlineData("Europe/Oslo", "2026-10-25T00:30:00Z", "2026-10-25T00:30:00", "UTC")]
    public async Task MoveEvent_ZoneAndInstant_SendsWallClockTimeWithWindowsZoneName(string ianaZone, string startUtc, string expectedDateTime, string expectedZone)
    {
        var host = new GraphTestHost();
        host.Answer(HttpStatusCode.OK, $$"""{"id":"{{EventId}}"}""");
        var start = DateTimeOffset.Parse(startUtc, System.Globalization.CultureInfo.InvariantCulture);

        await host.Calendar.MoveEventAsync("leder@kommune.no", EventId, start, start.AddMinutes(15), ianaZone, CancellationToken.None);

        AssertDateTimeTimeZone(Assert.Single(host.Requests).Json.GetProperty("start"), expectedDateTime, expectedZone);
    }

    [Fact]
    public async Task MoveEvent_UnknownTimeZone_ThrowsWithoutCallingGraph()
    {
        var host = new GraphTestHost();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Calendar.MoveEventAsync(
            "leder@kommune.no", EventId, Request.Start, Request.End, "Europe/Atlantis", CancellationToken.None));
        Assert.Empty(host.Requests);
    }

    [Fact]
    public async Task CancelEvent_Comment_PostsTheCancelActionWithTheComment()
    {
        var host = new GraphTestHost();
        host.Answer(HttpStatusCode.Accepted);

        var result = await host.Calendar.CancelEventAsync("leder@kommune.no", EventId, "Tavlemøtet flyttes til neste uke.", CancellationToken.None);

        Assert.True(result.Succeeded);
        var sent = Assert.Single(host.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/v1.0/users/leder%40kommune.no/events/AAMkAGI1AAAt8AHjAAA%3D/cancel", sent.Path);
        AssertGraphHeaders(sent);

        // The action parameter is spelt "Comment" in Graph's metadata, which the SDK follows, as does the docs' example request.
        Assert.Equal(["Comment"], PropertyNames(sent.Json));
        Assert.Equal("Tavlemøtet flyttes til neste uke.", sent.Json.GetProperty("Comment").GetString());
    }

    [Fact]
    public async Task CreateEvent_OrganiserUnknownToGraph_IsOrganiserNotFound()
    {
        var host = new GraphTestHost();
        host.AnswerError(HttpStatusCode.NotFound, "ErrorInvalidUser");

        var result = await host.Calendar.CreateEventAsync(Request, CancellationToken.None);

        Assert.Equal(GraphCalendarStatus.OrganiserNotFound, result.Status);
        Assert.Equal("ErrorInvalidUser", result.GraphErrorCode);
        Assert.Null(result.Value);
        Assert.Single(host.Requests);
    }

    [Fact]
    public async Task CreateEvent_AppNotAllowedOnThisMailbox_IsForbidden()
    {
        var host = new GraphTestHost();
        host.AnswerError(HttpStatusCode.Forbidden, "ErrorAccessDenied");

        var result = await host.Calendar.CreateEventAsync(Request, CancellationToken.None);

        Assert.Equal(GraphCalendarStatus.Forbidden, result.Status);
        Assert.Equal("ErrorAccessDenied", result.GraphErrorCode);
        Assert.Single(host.Requests);
    }

    [Theory]
    [InlineData("ErrorItemNotFound", GraphCalendarStatus.EventNotFound)]
    [InlineData("ErrorInvalidUser", GraphCalendarStatus.OrganiserNotFound)]
    public async Task CancelEvent_NotFound_SaysWhetherTheEventOrTheOrganiserIsGone(string graphCode, GraphCalendarStatus expected)
    {
        var host = new GraphTestHost();
        host.AnswerError(HttpStatusCode.NotFound, graphCode);

        var result = await host.Calendar.CancelEventAsync("leder@kommune.no", EventId, "Avlyst", CancellationToken.None);

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public async Task MoveEvent_EventGone_IsEventNotFound()
    {
        var host = new GraphTestHost();
        host.AnswerError(HttpStatusCode.NotFound, "ErrorItemNotFound");

        var result = await host.Calendar.MoveEventAsync("leder@kommune.no", EventId, Request.Start, Request.End, "Europe/Oslo", CancellationToken.None);

        Assert.Equal(GraphCalendarStatus.EventNotFound, result.Status);
    }

    [Fact]
    public async Task CancelEvent_BadRequest_IsAnExceptionNotAResult()
    {
        var host = new GraphTestHost();
        host.AnswerError(HttpStatusCode.BadRequest, "ErrorInvalidRequest");

        var error = await Assert.ThrowsAsync<ODataError>(() => host.Calendar.CancelEventAsync("leder@kommune.no", EventId, "Avlyst", CancellationToken.None));

        Assert.Equal(400, error.ResponseStatusCode);
    }

    private static void AssertGraphHeaders(RecordedRequest sent)
    {
        Assert.Equal($"Bearer {GraphTestHost.Token}", sent.Headers["Authorization"]);
        Assert.Equal("IdType=\"ImmutableId\"", sent.Headers["Prefer"]);
        Assert.StartsWith("application/json", sent.Headers["Content-Type"], StringComparison.Ordinal);
    }

    private static void AssertDateTimeTimeZone(JsonElement value, string dateTime, string timeZone)
    {
        Assert.Equal(["dateTime", "timeZone"], PropertyNames(value));
        Assert.Equal(dateTime, value.GetProperty("dateTime").GetString());
        Assert.Equal(timeZone, value.GetProperty("timeZone").GetString());
    }

    private static string[] PropertyNames(JsonElement value) =>
        [.. value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
