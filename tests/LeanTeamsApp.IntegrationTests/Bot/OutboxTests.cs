using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Features.Organisation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Bot;

/// <summary>Proactive messages: durable, paced, retried on throttling, and never sent twice.</summary>
public sealed class OutboxTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Outbox_429StormFromTeams_DeliversEveryMessageOnceLater()
    {
        await using var bot = await BotHost.StartAsync(importDemo: false);
        var outbox = bot.App.Services.GetRequiredService<Outbox>();
        // More 429s than the connector's own retries absorb, so messages also go back to the queue and return.
        bot.Connector.ThrottleNext(40, TimeSpan.FromSeconds(1));

        for (var i = 0; i < 20; i++)
        {
            Assert.True(await outbox.EnqueueAsync(Message(bot, $"storm-{i}", $"a:conversation-{i}"), default));
        }

        var sends = (await bot.DrainOutboxAsync()).Where(r => r.Operation == ConnectorOperation.Send).ToList();
        Assert.Equal(20, sends.Count);
        Assert.Equal(20, sends.Select(s => s.ConversationId).Distinct().Count());
        Assert.Equal(40, bot.Connector.Rejected.Count);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(OutboxState.Sent, (await outbox.GetAsync(bot.TenantId, $"storm-{i}", default))?.State);
        }
    }

    [Fact]
    public async Task Outbox_ThrottledBackToTheQueueThenSent_RowSaysSentWithNoErrorAndKeepsItsMessage()
    {
        // No retries inside the connector: Teams' 429 sends the message back to the queue with the answer as its error.
        await using var bot = await BotHost.StartAsync(
            new Dictionary<string, string?>(), services => services.Configure<LeanTeamsApp.BotFramework.Connector.ConnectorOptions>(o => o.MaxRetries = 0), importDemo: false);
        var outbox = bot.App.Services.GetRequiredService<Outbox>();
        bot.Connector.ThrottleNext(1, TimeSpan.FromSeconds(1));

        Assert.True(await outbox.EnqueueAsync(Message(bot, "throttled-once", "a:throttled-once"), default));
        var sends = (await bot.DrainOutboxAsync()).Where(r => r.Operation == ConnectorOperation.Send).ToList();

        // The state changes are merged into the row: the earlier error is cleared, not left behind, and the stored
        // message is still whole.
        var entry = await outbox.GetAsync(bot.TenantId, "throttled-once", default);
        Assert.Single(sends);
        Assert.Single(bot.Connector.Rejected);
        Assert.Equal(OutboxState.Sent, entry?.State);
        Assert.Equal(2, entry?.Attempts);
        Assert.False(string.IsNullOrEmpty(entry?.SentActivityId));
        Assert.Null(entry?.Error);
        var row = await outbox.Rows.GetEntityAsync<Azure.Data.Tables.TableEntity>(bot.TenantId, Outbox.Key("throttled-once"));
        Assert.Contains("throttled-once", Outbox.ReadActivity(row.Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_SameIdEnqueuedTwice_IsSentOnce()
    {
        await using var bot = await BotHost.StartAsync(importDemo: false);
        var outbox = bot.App.Services.GetRequiredService<Outbox>();

        var first = await outbox.EnqueueAsync(Message(bot, "once", "a:once"), default);
        var second = await outbox.EnqueueAsync(Message(bot, "once", "a:once"), default);
        var sent = await bot.DrainOutboxAsync();

        Assert.True(first);
        Assert.False(second);
        Assert.Single(sent, r => r.Operation == ConnectorOperation.Send);
    }

    [Fact]
    public async Task Outbox_RestartAfterQueuing_SendsWhatWasQueuedOnce()
    {
        await using var connector = await FakeConnector.StartNewAsync();
        var tenant = TestTenants.New();
        var queue = new Dictionary<string, string?> { ["Outbox:QueueName"] = $"restart-{Guid.NewGuid():N}" };
        await using (var stopped = await BotHost.StartAsync(new Dictionary<string, string?>(queue) { ["Outbox:Enabled"] = "false" }, importDemo: false, tenantId: tenant, connector: connector))
        {
            var outbox = stopped.App.Services.GetRequiredService<Outbox>();
            for (var i = 0; i < 5; i++)
            {
                await outbox.EnqueueAsync(Message(stopped, $"restart-{i}", $"a:restart-{i}"), default);
            }

            // All five still wait in the queue, and nobody has ever taken one: the stopped dispatcher sent nothing.
            var waiting = await outbox.Queue.PeekMessagesAsync(32);
            Assert.Equal(5, waiting.Value.Length);
            Assert.All(waiting.Value, m => Assert.Equal(0, m.DequeueCount));
            Assert.Empty(connector.Requests);
        }

        await using var restarted = await BotHost.StartAsync(queue, importDemo: false, tenantId: tenant, connector: connector);

        var sent = await restarted.DrainOutboxAsync();
        Assert.Equal(5, sent.Count(r => r.Operation == ConnectorOperation.Send));
        Assert.Equal(5, sent.Select(r => r.ConversationId).Distinct().Count());
    }

    [Fact]
    public async Task Outbox_TwoInstancesDraining_SendEachMessageOnce()
    {
        await using var connector = await FakeConnector.StartNewAsync();
        var tenant = TestTenants.New();
        var queue = new Dictionary<string, string?> { ["Outbox:QueueName"] = $"pair-{Guid.NewGuid():N}" };
        await using var first = await BotHost.StartAsync(queue, importDemo: false, tenantId: tenant, connector: connector);
        await using var second = await BotHost.StartAsync(queue, importDemo: false, tenantId: tenant, connector: connector);
        var outbox = first.App.Services.GetRequiredService<Outbox>();
        var otherOutbox = second.App.Services.GetRequiredService<Outbox>();

        for (var i = 0; i < 30; i++)
        {
            await outbox.EnqueueAsync(Message(first, $"pair-{i}", $"a:pair-{i}"), default);
            // A second producer racing with the same id must not cause a second send.
            await otherOutbox.EnqueueAsync(Message(first, $"pair-{i}", $"a:pair-{i}"), default);
        }

        var sends = (await first.DrainOutboxAsync()).Where(r => r.Operation == ConnectorOperation.Send).ToList();
        Assert.Equal(30, sends.Count);
        Assert.Equal(30, sends.Select(s => s.ConversationId).Distinct().Count());
    }

    [Fact]
    public async Task Outbox_OneSendAnsweredSlowly_DoesNotHoldUpTheMessagesQueuedAfterIt()
    {
        await using var connector = await FakeConnector.StartNewAsync();
        var tenant = TestTenants.New();
        var queue = new Dictionary<string, string?> { ["Outbox:QueueName"] = $"slow-{Guid.NewGuid():N}" };
        await using var bot = await BotHost.StartAsync(queue, importDemo: false, tenantId: tenant, connector: connector);
        var outbox = bot.App.Services.GetRequiredService<Outbox>();
        const int Others = 60;
        var slowAnswer = connector.HoldAnswers("a:slow");
        try
        {
            // Queued first, so it is received with the first of the others; more than a receive's 32 come after it.
            await outbox.EnqueueAsync(Message(bot, "slow", "a:slow"), default);
            for (var i = 0; i < Others; i++)
            {
                await outbox.EnqueueAsync(Message(bot, $"after-slow-{i}", $"a:after-slow-{i}"), default);
            }

            // Every other message reaches Teams while the slow one still waits for its answer: well before the connector
            // client would give up on it (30 s) and free its place.
            await connector.WaitForAsync(r => r.Count(x => x.ConversationId?.StartsWith("a:after-slow-", StringComparison.Ordinal) == true) >= Others, TimeSpan.FromSeconds(15));
            Assert.Equal(OutboxState.Sending, (await outbox.GetAsync(tenant, "slow", default))?.State);
        }
        finally
        {
            slowAnswer.Dispose();
        }

        await WaitUntilAsync(async () => (await outbox.GetAsync(tenant, "slow", default))?.State == OutboxState.Sent);
        Assert.Single(connector.Requests, r => r.ConversationId == "a:slow");
    }

    [Fact]
    public async Task Outbox_StopWhileAMessageWaitsForAPlace_HandsItBackAtOnceAndFinishesTheSendUnderWay()
    {
        await using var connector = await FakeConnector.StartNewAsync();
        var tenant = TestTenants.New();
        var settings = new Dictionary<string, string?> { ["Outbox:QueueName"] = $"place-{Guid.NewGuid():N}", ["Outbox:Concurrency"] = "1" };
        const int Others = 5;
        await using (var producer = await BotHost.StartAsync(new Dictionary<string, string?>(settings) { ["Outbox:Enabled"] = "false" }, importDemo: false, tenantId: tenant, connector: connector))
        {
            var outbox = producer.App.Services.GetRequiredService<Outbox>();
            await outbox.EnqueueAsync(Message(producer, "under-way", "a:under-way"), default);
            for (var i = 0; i < Others; i++)
            {
                await outbox.EnqueueAsync(Message(producer, $"waiting-{i}", $"a:waiting-{i}"), default);
            }
        }

        var answer = connector.HoldAnswers("a:under-way");
        var sender = await BotHost.StartAsync(settings, importDemo: false, tenantId: tenant, connector: connector);
        var senderOutbox = sender.App.Services.GetRequiredService<Outbox>();
        Task stopped;
        try
        {
            // One place: the first message is on the wire, the next one received with it waits for the place.
            await connector.WaitForAsync(r => r.Any(x => x.ConversationId == "a:under-way"), Patience);
            await WaitUntilAsync(async () => (await senderOutbox.Queue.PeekMessagesAsync(32)).Value.Length == Others - 1);

            // Stopping: the waiting one goes back to the queue at once, while the send under way still waits for Teams.
            stopped = sender.DisposeAsync().AsTask();
            await WaitUntilAsync(async () => (await senderOutbox.Queue.PeekMessagesAsync(32)).Value.Length == Others);
            Assert.False(stopped.IsCompleted);
        }
        finally
        {
            answer.Dispose();
        }

        await stopped;
        await using var next = await BotHost.StartAsync(settings, importDemo: false, tenantId: tenant, connector: connector);
        var nextOutbox = next.App.Services.GetRequiredService<Outbox>();
        Assert.Equal(OutboxState.Sent, (await nextOutbox.GetAsync(tenant, "under-way", default))?.State);
        await WaitUntilAsync(async () => (await Task.WhenAll(Enumerable.Range(0, Others).Select(i => nextOutbox.GetAsync(tenant, $"waiting-{i}", default)))).All(e => e?.State == OutboxState.Sent));
        Assert.Equal(Others + 1, connector.Requests.Count(r => r.Operation == ConnectorOperation.Send));
    }

    [Fact]
    public async Task Outbox_GracefulStopWhileSending_FinishesWhatIsOnTheWireAndTheNextInstanceSendsTheRestOnce()
    {
        await using var connector = await FakeConnector.StartNewAsync();
        // Teams has a message as soon as the request arrives; its answer comes later. A send given up in between
        // was delivered all the same, and sending it again would be a duplicate.
        connector.ResponseDelay = TimeSpan.FromMilliseconds(400);
        var tenant = TestTenants.New();
        var settings = new Dictionary<string, string?>
        {
            ["Outbox:QueueName"] = $"stop-{Guid.NewGuid():N}",
            // The shortest lease, so that a message left behind by the stopped instance would come back (and be sent
            // twice) well within this test's patience rather than hide behind a two-minute lease.
            ["Outbox:Lease"] = "00:00:30",
        };
        var first = await BotHost.StartAsync(settings, importDemo: false, tenantId: tenant, connector: connector);
        var outbox = first.App.Services.GetRequiredService<Outbox>();
        const int Count = 60;
        for (var i = 0; i < Count; i++)
        {
            await outbox.EnqueueAsync(Message(first, $"stop-{i}", $"a:stop-{i}"), default);
        }

        await connector.WaitForAsync(r => r.Count(x => x.Operation == ConnectorOperation.Send) >= 8, Patience);
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await first.DisposeAsync();
        stopping.Stop();

        var sentBeforeStop = connector.SentTexts;
        Assert.InRange(sentBeforeStop.Count, 8, Count - 1);
        Assert.True(stopping.Elapsed < new HostOptions().ShutdownTimeout, $"Stopping took {stopping.Elapsed}.");

        await using var second = await BotHost.StartAsync(settings, importDemo: false, tenantId: tenant, connector: connector);
        var secondOutbox = second.App.Services.GetRequiredService<Outbox>();
        foreach (var text in sentBeforeStop.Distinct(StringComparer.Ordinal))
        {
            // Marked sent by the instance that sent it, before it stopped: nothing left for a later instance to repeat.
            Assert.Equal(OutboxState.Sent, (await secondOutbox.GetAsync(tenant, text["Melding ".Length..], default))?.State);
        }

        // Done when every row is sent and the queue is empty: nothing is left that could be sent again.
        await WaitUntilAsync(async () => await secondOutbox.Queue.GetPropertiesAsync() is { Value.ApproximateMessagesCount: 0 }
            && (await Task.WhenAll(Enumerable.Range(0, Count).Select(i => secondOutbox.GetAsync(tenant, $"stop-{i}", default)))).All(e => e?.State == OutboxState.Sent));
        var sent = connector.SentTexts;
        var twice = sent.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} of {Count} messages were sent more than once: {string.Join(", ", twice)}");
        Assert.Equal(Count, sent.Count);
    }

    [Fact]
    public async Task OutboxCleanup_TwoInstances_DeleteRowsPastRetentionOncePerInterval()
    {
        await using var connector = await FakeConnector.StartNewAsync();
        var tenant = TestTenants.New();
        // Years before any other test's clock: the clean-up scans every tenant in the shared Azurite, and only this
        // test's rows may be old enough for it.
        var start = new DateTimeOffset(2001, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var clocks = new[] { new FakeTimeProvider(start), new FakeTimeProvider(start) };
        var settings = new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = "false",
            ["Outbox:QueueName"] = $"cleanup-{Guid.NewGuid():N}",
            ["Outbox:RetentionDays"] = "8",
            ["Outbox:CleanupInterval"] = "7.00:00:00",
        };
        await using var first = await BotHost.StartAsync(settings, time: clocks[0], importDemo: false, tenantId: tenant, connector: connector);
        await using var second = await BotHost.StartAsync(settings, time: clocks[1], importDemo: false, tenantId: tenant, connector: connector);
        var outbox = first.App.Services.GetRequiredService<Outbox>();
        var cleanups = new[] { first, second }.Select(b => b.App.Services.GetRequiredService<OutboxCleanupScheduler>()).ToArray();
        void SetClocks(TimeSpan sinceStart)
        {
            foreach (var clock in clocks)
            {
                clock.SetUtcNow(start + sinceStart);
            }
        }

        for (var i = 0; i < 5; i++)
        {
            await outbox.EnqueueAsync(Message(first, $"old-{i}", $"a:old-{i}"), default);
        }

        SetClocks(TimeSpan.FromDays(5));
        for (var i = 0; i < 3; i++)
        {
            await outbox.EnqueueAsync(Message(first, $"newer-{i}", $"a:newer-{i}"), default);
        }

        // Day 9: the first rows are past eight days, the newer ones are not. Both instances tick at once (the test
        // ticks them: their timers are off, or a fake clock moved by days would tick them too).
        SetClocks(TimeSpan.FromDays(9));
        var firstRun = await Task.WhenAll(cleanups.Select(c => c.RunOnceAsync(default)));
        Assert.Equal(5, firstRun.Sum());
        Assert.Contains(0, firstRun);
        Assert.Equal(["newer-0", "newer-1", "newer-2"], await RemainingAsync(outbox, tenant, "old-", "newer-"));

        // Day 14: the newer rows are past retention too, but a week has not passed since the last clean-up.
        SetClocks(TimeSpan.FromDays(14));
        var notDue = await Task.WhenAll(cleanups.Select(c => c.RunOnceAsync(default)));
        Assert.Equal([0, 0], notDue);
        Assert.Equal(3, (await RemainingAsync(outbox, tenant, "newer-")).Count);

        // Day 16: a week after the last one, the next clean-up runs, again on one instance only.
        SetClocks(TimeSpan.FromDays(16));
        var secondRun = await Task.WhenAll(cleanups.Select(c => c.RunOnceAsync(default)));
        Assert.Equal(3, secondRun.Sum());
        Assert.Contains(0, secondRun);
        Assert.Empty(await RemainingAsync(outbox, tenant, "old-", "newer-"));
    }

    [Fact]
    public async Task RegisterUnit_WithCoordinatorChannelSet_NotifiesTheForumOnceThroughTheOutbox()
    {
        await using var bot = await BotHost.StartAsync();
        await bot.PostAsync(bot.Activities.TeamInstalled(bot.Coordinator));
        await bot.SayAsync(bot.Activities.ChannelMessage(bot.Coordinator, "sett koordinatorkanal", channelId: TeamsActivities.ForumChannelId, channelName: "Forbedringsforum"));

        await bot.SayAsync(bot.Activities.ChannelMessage(bot.Coordinator, "registrer enhet byggesak"));

        var posted = await bot.DrainOutboxAsync();
        var post = Assert.Single(posted, r => r.Operation == ConnectorOperation.CreateConversation);
        Assert.Equal(TeamsActivities.ForumChannelId, post.Parameters?.ChannelData?.Channel?.Id);
        Assert.Equal("Byggesak er nå koblet til kanalen «Byggesak».", post.Parameters?.Activity?.Text);
    }

    [Fact]
    public async Task Outbox_ConversationGone_MarksTheMessageFailedWithoutRetrying()
    {
        await using var bot = await BotHost.StartAsync(importDemo: false);
        var outbox = bot.App.Services.GetRequiredService<Outbox>();
        bot.Connector.FailNext(1, 403, "ConversationBlockedByUser");

        await outbox.EnqueueAsync(Message(bot, "blocked", "a:blocked"), default);

        var entry = await WaitForStateAsync(outbox, bot.TenantId, "blocked", OutboxState.Failed);
        Assert.Equal(1, entry.Attempts);
        Assert.Contains("ConversationBlockedByUser", entry.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Connector.Requests, r => r.Operation == ConnectorOperation.Send);
    }

    [Fact]
    public async Task Outbox_UnreadableRowInABatch_FailsForGoodWithoutHoldingUpTheOthers()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" }, importDemo: false);
        var outbox = bot.App.Services.GetRequiredService<Outbox>();
        for (var i = 0; i < 5; i++)
        {
            await outbox.EnqueueAsync(Message(bot, $"good-{i}", $"a:good-{i}"), default);
        }

        await outbox.EnqueueAsync(Message(bot, "broken", "a:broken"), default);
        var row = (await outbox.Rows.GetEntityAsync<Azure.Data.Tables.TableEntity>(bot.TenantId, Outbox.Key("broken"))).Value;
        row["Activity"] = "{ this is not json";
        await outbox.Rows.UpdateEntityAsync(row, row.ETag);

        var handled = await bot.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);

        Assert.Equal(6, handled);
        Assert.Equal(5, bot.Connector.Requests.Count(r => r.Operation == ConnectorOperation.Send));
        var broken = await outbox.GetAsync(bot.TenantId, "broken", default);
        Assert.Equal(OutboxState.Failed, broken?.State);
        Assert.Equal("The stored message cannot be read.", broken?.Error);
    }

    [Fact]
    public async Task Outbox_ActivityLargerThanATableProperty_IsStoredInPiecesAndSentWhole()
    {
        await using var bot = await BotHost.StartAsync(importDemo: false);
        var outbox = bot.App.Services.GetRequiredService<Outbox>();
        // Teams takes messages of about 100 KB; one table property holds 32K characters.
        var text = string.Concat(Enumerable.Range(0, 8000).Select(i => $"ø{i:D4}:"));

        Assert.True(await outbox.EnqueueAsync(new OutboundMessage("large", bot.TenantId, bot.Connector.ServiceUrl, new Activity { Type = ActivityTypes.Message, Text = text }) { ConversationId = "a:large" }, default));

        var sent = await bot.Connector.WaitForAsync(r => r.Any(x => x.Operation == ConnectorOperation.Send), Patience);
        Assert.Equal(text, sent.Single(r => r.Operation == ConnectorOperation.Send).Activity!.Text);
    }

    private static OutboundMessage Message(BotHost bot, string id, string conversationId) =>
        new(id, bot.TenantId, bot.Connector.ServiceUrl, new Activity { Type = ActivityTypes.Message, Text = $"Melding {id}" }) { ConversationId = conversationId };

    /// <summary>The ids among <c>{prefix}0</c> to <c>{prefix}9</c> whose outbox rows still exist.</summary>
    private static async Task<List<string>> RemainingAsync(Outbox outbox, string tenant, params string[] prefixes)
    {
        var remaining = new List<string>();
        foreach (var id in prefixes.SelectMany(p => Enumerable.Range(0, 10).Select(i => $"{p}{i}")))
        {
            if (await outbox.GetAsync(tenant, id, default) is not null)
            {
                remaining.Add(id);
            }
        }

        return remaining;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException("The outbox did not settle.");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<OutboxEntry> WaitForStateAsync(Outbox outbox, string tenant, string id, OutboxState state)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await outbox.GetAsync(tenant, id, default) is { } entry && entry.State == state)
            {
                return entry;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Outbox message {id} never reached {state}.");
    }
}
