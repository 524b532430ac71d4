using System.Globalization;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.BotFramework.Activities;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Bot;

/// <summary>
/// Messages of a tenant another instance sends for: the instance that receives them hands them back at once, visible
/// to the holder (at the end of a fan-out they are all the holder has left to send), and then holds off receiving for
/// the recheck rather than taking the same messages again and again.
/// </summary>
public sealed class OutboxHandOnTests
{
    [Fact]
    public async Task HandOn_AnInstanceNotSendingForTheTenant_LeavesItsMessagesToTheHolderAtOnce()
    {
        await using var connector = await FakeConnector.StartNewAsync();
        var tenant = TestTenants.New();
        // A recheck far longer than the test: a message hidden for it would not reach the holder in time.
        var settings = Settings($"hand-on-{Guid.NewGuid():N}", recheck: "00:01:00");
        await using var holder = await HolderAsync(settings, tenant, connector);
        await using var other = await BotHost.StartAsync(settings, importDemo: false, tenantId: tenant, connector: connector);
        var outbox = holder.App.Services.GetRequiredService<Outbox>();
        for (var i = 1; i <= 10; i++)
        {
            Assert.True(await outbox.EnqueueAsync(Message(holder, tenant, i), default));
        }

        Assert.Equal(10, await other.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default));
        Assert.Equal(["Melding 0"], connector.SentTexts);

        Assert.Equal(10, await holder.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default));
        Assert.Equal(Enumerable.Range(0, 11).Select(i => $"Melding {i}"), connector.SentTexts.OrderBy(t => int.Parse(t.Split(' ')[1], CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// A message queued a moment before its row is written (the enqueue writes the queue first) and handed back by an
    /// instance that does not send for its tenant, again and again: however often it was received, the holder waits for
    /// its row rather than taking it for the remains of a crashed enqueue, and sends it once the row is there.
    /// </summary>
    [Fact]
    public async Task HandOn_MessageWhoseRowIsNotWrittenYetHandedBackOften_IsSentOnceTheRowIsThere()
    {
        await using var connector = await FakeConnector.StartNewAsync();
        var tenant = TestTenants.New();
        var settings = Settings($"hand-on-{Guid.NewGuid():N}", recheck: "00:01:00");
        await using var holder = await HolderAsync(settings, tenant, connector);
        await using var other = await BotHost.StartAsync(settings, importDemo: false, tenantId: tenant, connector: connector);
        var outbox = holder.App.Services.GetRequiredService<Outbox>();
        Assert.True(await outbox.EnqueueAsync(Message(holder, tenant, 1), default));
        var row = (await outbox.Rows.GetEntityAsync<Azure.Data.Tables.TableEntity>(tenant, Outbox.Key("hand-on-1"))).Value;
        await outbox.Rows.DeleteEntityAsync(row);

        var otherDispatcher = other.App.Services.GetRequiredService<OutboxDispatcher>();
        for (var look = 0; look < 12; look++)
        {
            Assert.Equal(1, await otherDispatcher.DispatchOnceAsync(default));
        }

        var holderDispatcher = holder.App.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(1, await holderDispatcher.DispatchOnceAsync(default));
        Assert.True(Assert.Single(await QueuedOrHiddenAsync(outbox)).DequeueCount > 12);

        row.ETag = default;
        await outbox.Rows.AddEntityAsync(row);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (connector.SentTexts.Count < 2)
        {
            await holderDispatcher.DispatchOnceAsync(patience.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
        }

        Assert.Equal(["Melding 0", "Melding 1"], connector.SentTexts);
    }

    /// <summary>
    /// The other side: a queue message whose row never appears (its enqueue crashed between the two writes) is dropped
    /// once it is older than the patience by the queue's clock, and not before.
    /// </summary>
    [Fact]
    public async Task Outbox_MessageWhoseRowNeverAppears_IsDroppedOnceOlderThanThePatienceAndNotBefore()
    {
        await using var connector = await FakeConnector.StartNewAsync();
        var tenant = TestTenants.New();
        var settings = Settings($"hand-on-{Guid.NewGuid():N}", recheck: "00:01:00");
        settings["Outbox:MissingRowPatience"] = "00:00:02";
        await using var holder = await HolderAsync(settings, tenant, connector);
        var outbox = holder.App.Services.GetRequiredService<Outbox>();
        Assert.True(await outbox.EnqueueAsync(Message(holder, tenant, 1), default));
        await outbox.Rows.DeleteEntityAsync(tenant, Outbox.Key("hand-on-1"));
        var dispatcher = holder.App.Services.GetRequiredService<OutboxDispatcher>();

        Assert.Equal(1, await dispatcher.DispatchOnceAsync(default));
        Assert.Single(await QueuedOrHiddenAsync(outbox));

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await outbox.Queue.GetPropertiesAsync(patience.Token)).Value.ApproximateMessagesCount > 0)
        {
            await dispatcher.DispatchOnceAsync(patience.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
        }

        Assert.Equal(["Melding 0"], connector.SentTexts);
    }

    /// <summary>
    /// The other instance's own loop, on a clock the test moves: a batch all of the holder's tenant is handed back once
    /// and not received again until the recheck has passed, though the queue is never empty meanwhile.
    /// </summary>
    [Fact]
    public async Task HandOn_BatchAllOfAnotherInstancesTenant_HandedBackOnceAndNotTakenAgainBeforeTheRecheck()
    {
        await using var connector = await FakeConnector.StartNewAsync();
        var tenant = TestTenants.New();
        var queue = $"hand-on-{Guid.NewGuid():N}";
        await using var holder = await HolderAsync(Settings(queue, recheck: "00:00:10"), tenant, connector);
        var outbox = holder.App.Services.GetRequiredService<Outbox>();
        for (var i = 1; i <= 5; i++)
        {
            Assert.True(await outbox.EnqueueAsync(Message(holder, tenant, i), default));
        }

        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T08:20:00Z", CultureInfo.InvariantCulture));
        var loopSettings = Settings(queue, recheck: "00:00:10");
        loopSettings["Outbox:Enabled"] = "true";
        // No idle poll comes due while the test runs: only the hold-off keeps the loop from asking again.
        loopSettings["Outbox:IdlePollInterval"] = "00:01:00";
        await using var other = await BotHost.StartAsync(loopSettings, time: clock, importDemo: false, tenantId: TestTenants.New(), connector: connector);

        // Until the loop has received every message once and handed it back.
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while ((await QueuedAsync(outbox)).Count(m => m.DequeueCount >= 1) < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), patience.Token);
            }
        }

        // Five seconds of its clock, half the recheck, over a second of real time: each message was received once.
        for (var step = 0; step < 50; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        var queued = await QueuedAsync(outbox);
        Assert.Equal(5, queued.Count);
        Assert.All(queued, m => Assert.Equal(1, m.DequeueCount));
        Assert.Equal(["Melding 0"], connector.SentTexts);

        // Past the recheck it looks again (the hold-off began a step or two after the hand-backs ended, at most).
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            while ((await QueuedAsync(outbox)).Count(m => m.DequeueCount >= 2) < 5)
            {
                clock.Advance(TimeSpan.FromMilliseconds(100));
                await Task.Delay(TimeSpan.FromMilliseconds(20), patience.Token);
            }
        }
    }

    private static Dictionary<string, string?> Settings(string queue, string recheck) => new()
    {
        ["Outbox:QueueName"] = queue,
        ["Outbox:Enabled"] = "false",
        ["Outbox:SenderRecheck"] = recheck,
        // The holder keeps the tenant for the whole test: nothing renews its lease with its loop off.
        ["Outbox:SenderLease"] = "00:05:00",
    };

    /// <summary>An instance that has sent one message ("Melding 0") for the tenant, and so holds its sender lease.</summary>
    private static async Task<BotHost> HolderAsync(Dictionary<string, string?> settings, string tenant, FakeConnector connector)
    {
        var holder = await BotHost.StartAsync(settings, importDemo: false, tenantId: tenant, connector: connector);
        try
        {
            Assert.True(await holder.App.Services.GetRequiredService<Outbox>().EnqueueAsync(Message(holder, tenant, 0), default));
            Assert.Equal(1, await holder.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default));
            Assert.Equal(["Melding 0"], connector.SentTexts);
            return holder;
        }
        catch
        {
            await holder.DisposeAsync();
            throw;
        }
    }

    private static async Task<List<Azure.Storage.Queues.Models.PeekedMessage>> QueuedAsync(Outbox outbox) =>
        [.. (await outbox.Queue.PeekMessagesAsync(32)).Value];

    /// <summary>The queue's messages, visible or not yet again: waits out a hand-back's half second.</summary>
    private static async Task<List<Azure.Storage.Queues.Models.PeekedMessage>> QueuedOrHiddenAsync(Outbox outbox)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while ((await outbox.Queue.GetPropertiesAsync(patience.Token)).Value.ApproximateMessagesCount > (await QueuedAsync(outbox)).Count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), patience.Token);
        }

        return await QueuedAsync(outbox);
    }

    private static OutboundMessage Message(BotHost bot, string tenant, int i) =>
        new($"hand-on-{i}", tenant, bot.Connector.ServiceUrl, new Activity { Type = ActivityTypes.Message, Text = $"Melding {i}" }) { ConversationId = $"a:unit-{i}" };
}
