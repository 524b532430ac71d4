using System.Globalization;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.BotFramework.Activities;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Bot;

/// <summary>
/// A service restarted in the middle of sending a tenant's prompts: the instance that died still holds the tenant's
/// sender lease, so the new one must wait for it to lapse, and then send everything left, once each.
/// </summary>
public sealed class OutboxRestartTests
{
    [Fact]
    public async Task Outbox_RestartedWhileTheDeadInstanceHoldsTheSenderLease_SendsEveryRemainingPromptOnceAfterItLapses()
    {
        await using var connector = await FakeConnector.StartNewAsync();
        var tenant = TestTenants.New();
        var queue = $"restart-{Guid.NewGuid():N}";
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-23T08:21:00Z", CultureInfo.InvariantCulture));
        // The lease is judged by the storage service's clock (no instance's clock can extend it), so it lapses in real
        // time: long enough that the restarted instance starts well within it, short enough for a test.
        var settings = new Dictionary<string, string?> { ["Outbox:QueueName"] = queue, ["Outbox:SenderLease"] = "00:00:20", ["Outbox:SenderRecheck"] = "00:00:00.100" };

        // The first instance sends the first prompts, taking the tenant's sender lease, and stops without giving it up.
        await using (var dead = await BotHost.StartAsync(settings, time: clock, importDemo: false, tenantId: tenant, connector: connector))
        {
            var outbox = dead.App.Services.GetRequiredService<Outbox>();
            for (var i = 0; i < 5; i++)
            {
                Assert.True(await outbox.EnqueueAsync(Prompt(dead, i), default));
            }

            await dead.DrainOutboxAsync();
            Assert.Equal(5, connector.SentTexts.Count);
        }

        await using var restarted = await BotHost.StartAsync(settings, time: clock, importDemo: false, tenantId: tenant, connector: connector);
        var restartedOutbox = restarted.App.Services.GetRequiredService<Outbox>();
        for (var i = 5; i < 25; i++)
        {
            Assert.True(await restartedOutbox.EnqueueAsync(Prompt(restarted, i), default));
        }

        // The lease is still the dead instance's: the new one takes the messages and hands them back, sending none.
        var dispatcher = restarted.App.Services.GetRequiredService<OutboxDispatcher>();
        Assert.True(await dispatcher.DispatchOnceAsync(default) > 0);
        Assert.Equal(5, connector.SentTexts.Count);

        // Until the lease lapses; the instance's own waits (when to ask for the lease again) are on the fake clock.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (connector.SentTexts.Count < 25)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            if (await dispatcher.DispatchOnceAsync(patience.Token) == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), patience.Token);
            }
        }

        // Nothing more goes out once the queue is empty: no prompt twice.
        await restarted.DrainOutboxAsync();

        var sent = connector.SentTexts;
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"Påminnelse {i}"), sent.OrderBy(t => int.Parse(t.Split(' ')[1], CultureInfo.InvariantCulture)));
    }

    private static OutboundMessage Prompt(BotHost bot, int i) =>
        new($"prompt-{i}", bot.TenantId, bot.Connector.ServiceUrl, new Activity { Type = ActivityTypes.Message, Text = $"Påminnelse {i}" }) { ConversationId = $"a:unit-{i}" };
}
