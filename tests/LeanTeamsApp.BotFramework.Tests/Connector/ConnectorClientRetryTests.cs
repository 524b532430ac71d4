using System.Net;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.BotFramework.Tests.Connector.Support;
using Microsoft.Extensions.Logging;

namespace LeanTeamsApp.BotFramework.Tests.Connector;

public class ConnectorClientRetryTests
{
    private static readonly Activity Message = new() { Type = ActivityTypes.Message, Text = "Påminnelse" };

    private static TimeSpan Gap(IReadOnlyList<SentRequest> requests, int index) => requests[index].At - requests[index - 1].At;

    [Fact]
    public async Task SendAsync_429WithRetryAfterSeconds_WaitsThatLongThenSucceeds()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueError(429, "Throttled", r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(3)));
        rig.Handler.EnqueueJson("""{"id":"after-throttle"}""");

        var id = await rig.RunAsync(rig.Client.SendAsync(ConnectorRig.Address(), Message, CancellationToken.None));

        var requests = rig.Handler.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(3), Gap(requests, 1));
        Assert.Equal("after-throttle", id);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfterDate_WaitsUntilThatTime()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueError(429, "Throttled", r => r.Headers.RetryAfter = new(ConnectorRig.Start.AddSeconds(4)));

        await rig.RunAsync(rig.Client.SendAsync(ConnectorRig.Address(), Message, CancellationToken.None));

        var requests = rig.Handler.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(ConnectorRig.Start.AddSeconds(4), requests[1].At);
    }

    [Fact]
    public async Task SendAsync_429WithoutRetryAfter_BacksOffExponentiallyWithJitter()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueError(429, "Throttled");
        rig.Handler.EnqueueError(429, "Throttled");
        rig.Handler.EnqueueError(429, "Throttled");

        await rig.RunAsync(rig.Client.SendAsync(ConnectorRig.Address(), Message, CancellationToken.None));

        var requests = rig.Handler.Requests;
        Assert.Equal(4, requests.Count);
        for (var retry = 1; retry <= 3; retry++)
        {
            // RetryBaseDelay 1 s doubling, ±20 % jitter; the fake clock moves in 10 ms steps.
            var expected = TimeSpan.FromSeconds(Math.Pow(2, retry - 1));
            var gap = Gap(requests, retry);
            Assert.InRange(gap, expected * 0.8, (expected * 1.2) + TimeSpan.FromMilliseconds(10));
        }
    }

    [Fact]
    public async Task SendAsync_LongBackoff_CappedAtMaxRetryDelay()
    {
        await using var rig = new ConnectorRig(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromSeconds(10);
            o.MaxRetryDelay = TimeSpan.FromSeconds(12);
        });
        rig.Handler.EnqueueError(503, "ServiceUnavailable");
        rig.Handler.EnqueueError(503, "ServiceUnavailable");

        await rig.RunAsync(rig.Client.SendAsync(ConnectorRig.Address(), Message, CancellationToken.None), TimeSpan.FromMilliseconds(100));

        var requests = rig.Handler.Requests;
        Assert.Equal(3, requests.Count);
        Assert.InRange(Gap(requests, 2), TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(12.1));
    }

    [Theory]
    [InlineData(412, "PreconditionFailed")]
    [InlineData(502, "ServiceError")]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(504, "GatewayTimeout")]
    public async Task SendAsync_TransientStatus_RetriedUntilSuccess(int status, string code)
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueError(status, code);
        rig.Handler.EnqueueJson("""{"id":"delivered"}""");

        var id = await rig.RunAsync(rig.Client.SendAsync(ConnectorRig.Address(), Message, CancellationToken.None));

        Assert.Equal(2, rig.Handler.Requests.Count);
        Assert.Equal("delivered", id);
    }

    [Fact]
    public async Task SendAsync_NetworkFailure_Retried()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.Enqueue(_ => throw new HttpRequestException("Connection reset by peer"));

        var id = await rig.RunAsync(rig.Client.SendAsync(ConnectorRig.Address(), Message, CancellationToken.None));

        Assert.Equal(2, rig.Handler.Requests.Count);
        Assert.NotNull(id);
    }

    [Theory]
    [InlineData(400, "BadArgument")]
    [InlineData(401, "BotNotRegistered")]
    [InlineData(403, "BotDisabledByAdmin")]
    [InlineData(404, "ActivityNotFoundInConversation")]
    [InlineData(413, "MessageSizeTooBig")]
    [InlineData(500, "ServiceError")]
    public async Task SendAsync_PermanentStatus_NotRetriedAndSurfacedWithCode(int status, string code)
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueError(status, code, r => r.Headers.Add("X-Correlating-OperationId", "op-42"));

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => rig.RunAsync(rig.Client.SendAsync(ConnectorRig.Address(), Message, CancellationToken.None)));

        Assert.Single(rig.Handler.Requests);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(code, exception.ErrorCode);
        Assert.Equal("op-42", exception.OperationId);
        Assert.False(exception.IsTransient);
        Assert.False(exception.IsConversationGone);
    }

    [Theory]
    [InlineData(403, """{"error":{"code":"MessageWritesBlocked","message":"Bot is blocked"}}""")]
    [InlineData(403, """{"error":{"code":"Forbidden","message":"Bot is blocked","subCode":"MessageWritesBlocked"}}""")]
    [InlineData(403, """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""")]
    [InlineData(403, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""")]
    [InlineData(404, """{"error":{"code":"ConversationNotFound","message":"Conversation not found."}}""")]
    public async Task SendAsync_AppGoneFromConversation_IsConversationGoneWithoutRetry(int status, string body)
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueJson(body, (HttpStatusCode)status);

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => rig.RunAsync(rig.Client.SendAsync(ConnectorRig.Address(), Message, CancellationToken.None)));

        Assert.Single(rig.Handler.Requests);
        Assert.True(exception.IsConversationGone);
        Assert.False(exception.IsTransient);
    }

    [Fact]
    public async Task SendAsync_AlwaysThrottled_GivesUpAfterMaxRetries()
    {
        await using var rig = new ConnectorRig(o => o.MaxRetries = 3);
        for (var i = 0; i < 10; i++)
        {
            rig.Handler.EnqueueError(429, "Throttled", r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(1)));
        }

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => rig.RunAsync(rig.Client.SendAsync(ConnectorRig.Address(), Message, CancellationToken.None)));

        Assert.Equal(4, rig.Handler.Requests.Count);
        Assert.Equal(429, exception.StatusCode);
        Assert.Equal(ConnectorErrorCodes.Throttled, exception.ErrorCode);
        Assert.True(exception.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(1), exception.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_RetryAfterLongerThanMaxRetryDelay_FailsAtOnceSoTheCallerCanRequeue()
    {
        await using var rig = new ConnectorRig(o => o.MaxRetryDelay = TimeSpan.FromSeconds(30));
        rig.Handler.EnqueueError(429, "Throttled", r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(120)));

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => rig.RunAsync(rig.Client.SendAsync(ConnectorRig.Address(), Message, CancellationToken.None)));

        Assert.Single(rig.Handler.Requests);
        Assert.True(exception.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_Throttled_LogsCorrelationIds()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueError(429, "Throttled", r =>
        {
            r.Headers.RetryAfter = new(TimeSpan.FromSeconds(1));
            r.Headers.Add("X-Correlating-OperationId", "op-7f3a");
            r.Headers.Add("MS-CV", "cv-Ab12.1");
        });

        await rig.RunAsync(rig.Client.SendAsync(ConnectorRig.Address(), Message, CancellationToken.None));

        var warning = Assert.Single(rig.Logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("op-7f3a", warning.Message, StringComparison.Ordinal);
        Assert.Contains("cv-Ab12.1", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_FinalFailure_LoggedWithCorrelationIds()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueError(403, "MessageWritesBlocked", r => r.Headers.Add("MS-CV", "cv-blocked.1"));

        await Assert.ThrowsAsync<ConnectorException>(
            () => rig.RunAsync(rig.Client.SendAsync(ConnectorRig.Address(), Message, CancellationToken.None)));

        var warning = Assert.Single(rig.Logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("403", warning.Message, StringComparison.Ordinal);
        Assert.Contains("cv-blocked.1", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_EveryAttempt_AsksForTheToken()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueError(502, "ServiceError");

        await rig.RunAsync(rig.Client.SendAsync(ConnectorRig.Address(), Message, CancellationToken.None));

        Assert.Equal(2, rig.Tokens.Calls);
        Assert.All(rig.Handler.Requests, r => Assert.Equal("Bearer connector-token", r.Authorization));
    }
}
