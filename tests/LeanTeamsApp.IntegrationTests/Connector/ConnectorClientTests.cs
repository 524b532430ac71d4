using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.BotFramework.Connector;

namespace LeanTeamsApp.IntegrationTests.Connector;

/// <summary>The real <see cref="ConnectorClient"/>, as AddBotConnector builds it, against the fake connector over loopback.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string TenantId = "5d7c1e2a-3b4f-4a6e-9c8d-7e6f5a4b3c2d";

    private FakeConnector _connector = null!;
    private ServiceProvider _services = null!;

    private ConnectorClient Client => _services.GetRequiredService<ConnectorClient>();

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartNewAsync();
        _services = Build();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static ServiceProvider Build(Action<ConnectorOptions>? configure = null) => new ServiceCollection()
        .AddBotConnector(o =>
        {
            o.TrustedServiceUrlHosts.Add("127.0.0.1");
            configure?.Invoke(o);
        })
        .BuildServiceProvider();

    private ConversationAddress Address(string conversationId) => new(_connector.ServiceUrl, conversationId, TenantId);

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task SendAsync_OverLoopback_RecordedWithTheActivity()
    {
        var id = await Client.SendAsync(Address("19:forum@thread.tacv2;messageid=42"), Message("Ukens forbedringer"), CancellationToken.None);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal(ConnectorOperation.Send, request.Operation);
        Assert.Equal("POST", request.Method);
        Assert.Equal("19:forum@thread.tacv2;messageid=42", request.ConversationId);
        Assert.Equal("Ukens forbedringer", request.Activity?.Text);
        Assert.Null(request.Authorization);
        Assert.Equal(request.ResultId, id);
    }

    [Fact]
    public async Task ReplyUpdateDelete_OverLoopback_RecordedInOrder()
    {
        var to = Address("a:kari");
        var sent = await Client.SendAsync(to, Message("Kort"), CancellationToken.None);
        await Client.ReplyAsync(to, sent!, Message("Svar"), CancellationToken.None);
        await Client.UpdateAsync(to, sent!, Message("Oppdatert kort"), CancellationToken.None);
        await Client.DeleteAsync(to, sent!, CancellationToken.None);

        var requests = _connector.Requests;
        Assert.Equal(
            [ConnectorOperation.Send, ConnectorOperation.Reply, ConnectorOperation.Update, ConnectorOperation.Delete],
            requests.Select(r => r.Operation));
        Assert.All(requests.Skip(1), r => Assert.Equal(sent, r.ActivityId));
        Assert.Equal("Oppdatert kort", requests[2].Activity?.Text);
    }

    [Fact]
    public async Task CreateConversationAsync_ChannelPost_ReturnsThreadToReplyInto()
    {
        var created = await Client.CreateConversationAsync(
            _connector.ServiceUrl,
            ConversationParameters.ForChannelPost(TenantId, "19:forum@thread.tacv2", Message("Nytt forslag")),
            CancellationToken.None);

        Assert.Equal($"19:forum@thread.tacv2;messageid={created.ActivityId}", created.Id);
        await Client.SendAsync(Address(created.Id!), Message("Første svar"), CancellationToken.None);
        Assert.Equal(created.Id, _connector.Requests[^1].ConversationId);
        Assert.Equal("Nytt forslag", _connector.Requests[0].Activity?.Text);
    }

    [Fact]
    public async Task CreateConversationAsync_SameUserTwice_SamePersonalConversation()
    {
        var parameters = ConversationParameters.ForPersonalChat(TenantId, "29:ola");

        var first = await Client.CreateConversationAsync(_connector.ServiceUrl, parameters, CancellationToken.None);
        var second = await Client.CreateConversationAsync(_connector.ServiceUrl, parameters, CancellationToken.None);
        var other = await Client.CreateConversationAsync(_connector.ServiceUrl, ConversationParameters.ForPersonalChat(TenantId, "29:kari"), CancellationToken.None);

        Assert.StartsWith("a:", first.Id, StringComparison.Ordinal);
        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.Id, other.Id);
    }

    [Fact]
    public async Task GetMembersAsync_RosterOverSeveralPages_ReturnsEveryMember()
    {
        _connector.MaxMembersPerPage = 2;
        _connector.SetMembers("19:team@thread.tacv2", Enumerable.Range(1, 5).Select(i => new TeamsChannelAccount { Id = $"29:user-{i}", Email = $"user{i}@kommune.no" }));

        var members = await Client.GetMembersAsync(Address("19:team@thread.tacv2"), CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"29:user-{i}"), members.Select(m => m.Id));
        Assert.Equal(3, _connector.Requests.Count(r => r.Operation == ConnectorOperation.GetPagedMembers));
    }

    [Fact]
    public async Task GetMemberAsync_KnownAndUnknownUser_MemberOrNull()
    {
        _connector.SetMembers("a:kari", [new TeamsChannelAccount { Id = "29:kari", UserPrincipalName = "kari@kommune.no" }]);

        var kari = await Client.GetMemberAsync(Address("a:kari"), "29:kari", CancellationToken.None);
        var nobody = await Client.GetMemberAsync(Address("a:kari"), "29:nobody", CancellationToken.None);

        Assert.Equal("kari@kommune.no", kari?.UserPrincipalName);
        Assert.Null(nobody);
    }

    [Fact]
    public async Task SendAsync_FailNextWithBlockedBot_SurfacesConversationGone()
    {
        _connector.FailNext(1, 403, "MessageWritesBlocked");

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => Client.SendAsync(Address("a:blocked"), Message("Hei"), CancellationToken.None));

        Assert.True(exception.IsConversationGone);
        Assert.Empty(_connector.Requests);
        Assert.Single(_connector.Rejected);
    }

    [Fact]
    public async Task SendAsync_429Storm_EveryMessageDeliveredExactlyOnce()
    {
        _connector.ThrottleNext(10, TimeSpan.FromSeconds(1));
        var texts = Enumerable.Range(0, 20).Select(i => $"Melding {i}").ToList();

        await Task.WhenAll(texts.Select((text, i) => Client.SendAsync(Address($"a:user-{i % 4}"), Message(text), CancellationToken.None)));

        var delivered = await _connector.WaitForAsync(r => r.Count >= texts.Count, TimeSpan.FromSeconds(10));
        Assert.Equal(texts.Order(), delivered.Select(r => r.Activity!.Text!).Order());
        Assert.Equal(10, _connector.Rejected.Count);
        Assert.All(_connector.Rejected, r => Assert.Equal(429, r.StatusCode));
    }

    [Fact]
    public async Task SendAsync_BurstUnderTeamsLimits_PacedSoNoneRejected()
    {
        // Both sides scale Teams' windows to a quarter so that the test takes seconds, not minutes.
        const double scale = 0.25;
        _connector.EnforceTeamsRateLimits(true, scale);
        await using var services = Build(o =>
        {
            o.ConversationWriteLimits = [.. o.ConversationWriteLimits.Select(l => new RateLimitWindow(l.Permits, l.Window * scale))];
            o.TenantLimits = [.. o.TenantLimits.Select(l => new RateLimitWindow(l.Permits, l.Window * scale))];
            o.MaxRetries = 0;

            // The fake connector counts arrivals by the real clock; on two shared cores a request can arrive hundreds
            // of milliseconds after it was paced, so the margin covers that delay rather than the network's.
            o.PacingMargin = TimeSpan.FromSeconds(1);
            o.TenantPacingMargin = TimeSpan.FromSeconds(1);
            o.MinimumTenantPacingMargin = TimeSpan.FromSeconds(1);
        });
        var client = services.GetRequiredService<ConnectorClient>();
        var to = Address("19:tavle@thread.tacv2");
        var started = TimeProvider.System.GetTimestamp();

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => client.SendAsync(to, Message($"Punkt {i}"), CancellationToken.None)));

        Assert.Equal(30, _connector.Requests.Count);
        Assert.Empty(_connector.Rejected);
        // Paced, not sent at once: 30 messages to one conversation cannot go in less than the scaled windows allow.
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(1), $"{TimeProvider.System.GetElapsedTime(started)}");
    }

    [Fact]
    public async Task EnforceTeamsRateLimits_UnpacedBurst_Rejected()
    {
        _connector.EnforceTeamsRateLimits(true);
        await using var services = Build(o =>
        {
            o.ConversationWriteLimits = [new RateLimitWindow(1000, TimeSpan.FromSeconds(1))];
            o.MaxRetries = 0;
        });
        var client = services.GetRequiredService<ConnectorClient>();

        var sends = Enumerable.Range(0, 10).Select(i => client.SendAsync(Address("19:tavle@thread.tacv2"), Message($"Punkt {i}"), CancellationToken.None));
        var outcomes = await Task.WhenAll(sends.Select(async send =>
        {
            try
            {
                await send;
                return 0;
            }
            catch (ConnectorException e)
            {
                return e.StatusCode;
            }
        }));

        Assert.Equal(7, _connector.Requests.Count);
        Assert.Equal(3, outcomes.Count(s => s == 429));
        Assert.All(_connector.Rejected, r => Assert.Equal(429, r.StatusCode));
    }
}
