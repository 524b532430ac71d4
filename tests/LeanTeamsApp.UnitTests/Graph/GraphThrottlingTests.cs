using System.Net;
using LeanTeamsApp.Infrastructure.Graph;

namespace LeanTeamsApp.UnitTests.Graph;

/// <summary>
/// Graph's throttling guidance: on 429 wait the Retry-After seconds and retry; without Retry-After (and on 503/504)
/// back off exponentially. Waits run on a fake clock: each test sees the wait start and advances exactly that far.
/// </summary>
public sealed class GraphThrottlingTests
{
    private const string EventId = "AAMkAGI1AAAt8AHjAAA=";

    // Graph's documented 429 answer.
    private const string ThrottledJson = """
        {"error":{"code":"TooManyRequests","innerError":{"code":"429","message":"Please retry after","status":"429"},"message":"Please retry again later."}}
        """;

    private static readonly CalendarEventRequest Request = new(
        "leder@kommune.no", "Tavlemøte", "<p>Agenda</p>", new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 3, 10, 8, 30, 0, TimeSpan.Zero), "Europe/Oslo", [new("kari@kommune.no", "Kari")], "appointment-0042", null);

    [Fact]
    public async Task CreateEvent_ThrottledWithRetryAfter7_WaitsSevenSecondsThenSendsTheSameCreateAgain()
    {
        var host = new GraphTestHost();
        host.Answer(HttpStatusCode.TooManyRequests, ThrottledJson, ("Retry-After", "7"));
        host.Answer(HttpStatusCode.Created, $$"""{"id":"{{EventId}}"}""");

        var creating = host.Calendar.CreateEventAsync(Request, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(7), await host.Time.NextWaitAsync());
        host.Time.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromMilliseconds(1));
        Assert.Single(host.Requests);
        Assert.False(creating.IsCompleted);

        host.Time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await creating.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.Succeeded);
        Assert.Equal(EventId, result.Value.EventId);
        Assert.Equal(2, host.Requests.Count);
        Assert.Equal(host.Requests[0].Body, host.Requests[1].Body);
        Assert.Equal("appointment-0042", host.Requests[1].Json.GetProperty("transactionId").GetString());
    }

    [Fact]
    public async Task MoveEvent_ThrottledOnEveryAttempt_GivesUpAfterMaxAttemptsAsThrottled()
    {
        var host = new GraphTestHost(new GraphOptions { MaxAttempts = 3 });
        for (var i = 0; i < 3; i++)
        {
            host.Answer(HttpStatusCode.TooManyRequests, ThrottledJson, ("Retry-After", "7"));
        }

        var moving = host.Calendar.MoveEventAsync("leder@kommune.no", EventId, Request.Start, Request.End, "Europe/Oslo", CancellationToken.None);
        for (var wait = 0; wait < 2; wait++)
        {
            Assert.Equal(TimeSpan.FromSeconds(7), await host.Time.NextWaitAsync());
            host.Time.Advance(TimeSpan.FromSeconds(7));
        }

        var result = await moving.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(GraphCalendarStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.Equal("TooManyRequests", result.GraphErrorCode);
        Assert.Equal(3, host.Requests.Count);
        Assert.Equal(0, host.Time.UnobservedWaits);
    }

    [Fact]
    public async Task CreateEvent_RetryAfterLongerThanMaxRetryWait_GivesUpAtOnceWithGraphsWait()
    {
        var host = new GraphTestHost(new GraphOptions { MaxRetryWait = TimeSpan.FromSeconds(10) });
        host.Answer(HttpStatusCode.TooManyRequests, ThrottledJson, ("Retry-After", "120"));

        var result = await host.Calendar.CreateEventAsync(Request, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(GraphCalendarStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Single(host.Requests);
        Assert.Equal(0, host.Time.UnobservedWaits);
    }

    [Fact]
    public async Task CancelEvent_UnavailableThenGatewayTimeout_BacksOffExponentiallyThenSucceeds()
    {
        var host = new GraphTestHost(new GraphOptions { FirstBackoff = TimeSpan.FromSeconds(1) });
        host.AnswerError(HttpStatusCode.ServiceUnavailable, "ServiceNotAvailable");
        host.AnswerError(HttpStatusCode.GatewayTimeout, "GatewayTimeout");
        host.Answer(HttpStatusCode.Accepted);

        var cancelling = host.Calendar.CancelEventAsync("leder@kommune.no", EventId, "Avlyst", CancellationToken.None);

        var first = await host.Time.NextWaitAsync();
        Assert.InRange(first, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.2));
        host.Time.Advance(first);
        var second = await host.Time.NextWaitAsync();
        Assert.InRange(second, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.4));
        host.Time.Advance(second);
        var result = await cancelling.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.Succeeded);
        Assert.Equal(3, host.Requests.Count);
    }

    [Theory]
    [InlineData("7", 7.0)]
    [InlineData("2.128", 2.128)]
    [InlineData("Sat, 01 Jan 2000 00:00:30 GMT", 30.0)]
    public void RetryAfter_HeaderValue_IsReadAsAWait(string header, double expectedSeconds)
    {
        var now = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), GraphRetryHandler.RetryAfter([header], now));
    }

    [Fact]
    public void RetryAfter_Unreadable_IsNoWait()
    {
        Assert.Null(GraphRetryHandler.RetryAfter(["soon"], DateTimeOffset.UnixEpoch));
    }
}
