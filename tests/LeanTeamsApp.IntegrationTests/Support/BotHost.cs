using System.Text;
using System.Text.Json.Nodes;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.BotFramework.Connector;

namespace LeanTeamsApp.IntegrationTests.Support;

/// <summary>
/// The service with a recording fake Bot Connector on loopback and the demo organisation in a fresh tenant. Teams
/// users in the roster map to demo people, so caller resolution goes the real way (roster -> UPN -> person).
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly bool _ownsConnector;

    private BotHost(AppFactory app, FakeConnector connector, string tenantId, bool ownsConnector)
    {
        _ownsConnector = ownsConnector;
        App = app;
        Connector = connector;
        TenantId = tenantId;
        Activities = new TeamsActivities(tenantId, connector.ServiceUrl);
    }

    public AppFactory App { get; }

    public FakeConnector Connector { get; }

    public string TenantId { get; }

    public TeamsActivities Activities { get; }

    public TeamsUser Coordinator { get; } = TeamsUser.Create("Jonas Vik", "lean.koordinator@fjordvik.kommune.no");

    public TeamsUser ByggesakLeader { get; } = TeamsUser.Create("Randi Lie", "Leder.Byggesak@fjordvik.kommune.no");

    public TeamsUser HelseLeader { get; } = TeamsUser.Create("Kari Nordby", "tol.helse@fjordvik.kommune.no");

    public TeamsUser Stranger { get; } = TeamsUser.Create("Ukjent Person", "ukjent.person@example.com");

    public static Dictionary<string, string?> LocalSettings() => new()
    {
        ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
        ["Bot:ExtraTrustedServiceUrlHosts:0"] = "127.0.0.1",
        ["Outbox:IdlePollInterval"] = "00:00:00.100",
        // Every instance in a test run shares one Azurite; a queue of its own keeps one test's messages from being
        // sent by another test's instance. Tests of several instances pass the same name on purpose.
        ["Outbox:QueueName"] = $"outbox-{Guid.NewGuid():N}",
        // The prompt scheduler visits every tenant in the shared Azurite; scheduler tests drive it themselves.
        ["CheckIns:SchedulerEnabled"] = "false",
        ["YearWheel:SchedulerEnabled"] = "false",
        ["Digest:SchedulerEnabled"] = "false",
        // Likewise the calendar sync; its tests drive it themselves with a mocked Graph calendar.
        ["CalendarSync:Enabled"] = "false",
    };

    public static async Task<BotHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        TimeProvider? time = null,
        bool importDemo = true,
        string? tenantId = null,
        FakeConnector? connector = null,
        string? environment = null,
        Azurite? storage = null)
    {
        var ownsConnector = connector is null;
        connector ??= await FakeConnector.StartNewAsync();
        var merged = LocalSettings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var app = await AppFactory.StartAsync(merged, configureServices, time, environment, storage);
        var host = new BotHost(app, connector, tenantId ?? TestTenants.New(), ownsConnector);
        if (importDemo)
        {
            var imported = await app.ImportDemoAsync(host.TenantId);
            Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        }

        var everyone = new[] { host.Coordinator, host.ByggesakLeader, host.HelseLeader, host.Stranger };
        var roster = everyone.Select(u => new TeamsChannelAccount
        {
            Id = u.Id,
            Name = u.Name,
            AadObjectId = u.AadObjectId,
            UserPrincipalName = u.Email,
            Email = u.Email,
            TenantId = host.TenantId,
        }).ToList();
        foreach (var conversation in new[] { TeamsActivities.TeamId, TeamsActivities.ByggesakChannelId, TeamsActivities.ForumChannelId })
        {
            connector.SetMembers(conversation, roster);
        }

        foreach (var user in everyone)
        {
            connector.SetMembers(TeamsActivities.PersonalConversationId(user), roster.Where(m => m.Id == user.Id));
        }

        return host;
    }

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization = null)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Posts a message and returns everything the bot answered to it (replies are sent within the turn).</summary>
    public async Task<string> SayAsync(JsonObject activity)
    {
        var before = Connector.Requests.Count;
        using var response = await PostAsync(activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var answers = Connector.Requests.Skip(before).Where(r => r.Operation is ConnectorOperation.Reply or ConnectorOperation.Send).ToList();
        Assert.NotEmpty(answers);
        return string.Join("\n", answers.Select(Said));
    }

    /// <summary>
    /// Sends what the outbox holds and waits until nothing more can go out: the outbox queue is empty (a message being
    /// sent, or waiting out Teams' throttling, is still in it) and the fake connector is answering nothing. What the
    /// connector has recorded then is all that a test's actions will ever send, so "sent once" needs no sleep. Sends
    /// itself too, so it works where the dispatcher's own loop is off or waits on a fake clock.
    /// </summary>
    public async Task<IReadOnlyList<RecordedRequest>> DrainOutboxAsync()
    {
        var outbox = App.Services.GetRequiredService<Outbox>();
        var dispatcher = App.Services.GetRequiredService<OutboxDispatcher>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await outbox.EnsureQueueAsync(patience.Token);
        while (true)
        {
            var handled = await dispatcher.DispatchOnceAsync(patience.Token);
            if (handled == 0 && Connector.Idle && (await outbox.Queue.GetPropertiesAsync(patience.Token)).Value.ApproximateMessagesCount == 0)
            {
                return Connector.Requests;
            }

            if (handled == 0)
            {
                // Messages out of sight: another instance is sending them, or they wait out a throttle.
                await Task.Delay(TimeSpan.FromMilliseconds(50), patience.Token);
            }
        }
    }

    /// <summary>What a user would read: the text and any card's JSON (its TextBlocks and facts).</summary>
    public static string Said(RecordedRequest request) =>
        (request.Activity?.Text ?? "") + string.Concat(request.Activity?.Attachments?.Select(a => a.Content?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })) ?? []);

    /// <summary>
    /// What Teams shows of what the bot said: card text is written with Markdown escapes (a backslash before
    /// punctuation, doubled in JSON), which Teams renders as the character alone.
    /// </summary>
    public static string Shown(string said) =>
        System.Text.RegularExpressions.Regex.Replace(said, @"\\\\([!-/:-@\[-`{-~])", "$1");

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_ownsConnector)
        {
            await Connector.DisposeAsync();
        }
    }
}
