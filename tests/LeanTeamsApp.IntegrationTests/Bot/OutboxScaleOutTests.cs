using System.Globalization;
using System.Text;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Features.CheckIns;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Bot;

/// <summary>
/// Several service instances sharing one outbox queue and one tenant: Teams counts the tenant's 50 requests a second
/// across all of them, so together they must stay inside it, as one instance does alone.
/// </summary>
public sealed class OutboxScaleOutTests
{
    /// <summary>
    /// 2,000 units. Both the fake connector and the instances' pacers run Teams' windows at half length, so the test
    /// takes half the 40 s that 2,000 posts need at the real 50 a second.
    /// </summary>
    [Fact]
    public Task Outbox_ThreeInstancesSendingOneLargeTenantsPrompts_PostEachOnceWithNo429() => SendAsync(units: 2000, scale: 0.5);

    /// <summary>
    /// The tenant's window five times as long (50 in 5 s, 10 a second), which one instance reaches alone even on a
    /// loaded machine: three instances each pacing to it by themselves would together send three times that and be
    /// answered 429. The large test above cannot show that on two busy cores, where no instance gets near 50 a second.
    /// </summary>
    [Fact]
    public Task Outbox_ThreeInstancesAtATenantLimitOneInstanceReachesAlone_StayInsideItTogether() => SendAsync(units: 150, scale: 5);

    private static async Task SendAsync(int units, double scale)
    {
        await using var connector = await FakeConnector.StartNewAsync();
        connector.EnforceTeamsRateLimits(true, scale);
        var tenant = TestTenants.New();
        var queue = $"scale-{Guid.NewGuid():N}";

        // The prompts come from the real scheduler on an instance of its own, on a fake clock that puts every board
        // meeting just behind it; its outbox is off, so the three below do all the sending.
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-23T06:00:00Z", CultureInfo.InvariantCulture));
        await using var planner = await BotHost.StartAsync(
            new Dictionary<string, string?> { ["Outbox:QueueName"] = queue, ["Outbox:Enabled"] = "false" },
            time: clock, importDemo: false, tenantId: tenant, connector: connector);
        var imported = await planner.App.ImportAsync(tenant, "storby.yaml", Organisation(tenant, units));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        using (var installed = await planner.PostAsync(planner.Activities.TeamInstalled(planner.Coordinator)))
        {
            Assert.True(installed.IsSuccessStatusCode);
        }

        var scheduler = planner.App.Services.GetRequiredService<CheckInScheduler>();
        Assert.Equal(0, await scheduler.RunTenantAsync(tenant, default));

        // The installation's welcome was a reply within a turn, paced by the instance that answered it alone (README):
        // the test is about the outbox's prompts, so the connector's windows start empty with them.
        connector.Clear();

        var senders = new List<BotHost>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                senders.Add(await BotHost.StartAsync(
                    new Dictionary<string, string?> { ["Outbox:QueueName"] = queue }, services => ScaledPacing(services, scale), importDemo: false, tenantId: tenant, connector: connector));
            }

            clock.SetUtcNow(DateTimeOffset.Parse("2026-03-23T08:21:00Z", CultureInfo.InvariantCulture));
            Assert.Equal(units, await scheduler.RunTenantAsync(tenant, default));

            var requests = await connector.WaitForAsync(r => Prompts(r).Count >= units, TimeSpan.FromMinutes(5));

            var prompts = Prompts(requests);
            Assert.Equal(units, prompts.Count);
            Assert.Equal(units, prompts.Select(p => p.Parameters!.ChannelData!.Channel!.Id).Distinct().Count());
            var rejected = connector.Rejected;
            Assert.True(rejected.Count == 0, $"{rejected.Count} requests were answered 429 (Teams allows the tenant 50 a window across all instances): " +
                string.Join(", ", rejected.Take(5).Select(r => $"{r.Operation} {r.ConversationId} {r.Parameters?.ChannelData?.Channel?.Id} {r.Activity?.Type}")));
        }
        finally
        {
            foreach (var sender in senders)
            {
                await sender.DisposeAsync();
            }
        }
    }

    private static void ScaledPacing(IServiceCollection services, double scale)
    {
        // A holder gives the tenant up once idle for longer than Teams' window, so that the next holder's pacer cannot
        // push the window over; with the window stretched, so is that wait.
        services.PostConfigure<OutboxOptions>(o => o.SenderIdleRelease *= Math.Max(1, scale));
        services.PostConfigure<ConnectorOptions>(o =>
        {
            o.ConversationWriteLimits = [.. o.ConversationWriteLimits.Select(l => new RateLimitWindow(l.Permits, l.Window * scale))];
            o.TenantLimits = [.. o.TenantLimits.Select(l => new RateLimitWindow(l.Permits, l.Window * scale))];
            // The fake connector counts arrivals by the real clock, and on two shared cores a request can arrive a good
            // while after it was paced; the margin covers that delay rather than the network's. Three times the one
            // instance's rate still goes well over a stretched window with its longer margin.
            o.PacingMargin = TimeSpan.FromMilliseconds(250) * Math.Max(1, scale);
            o.TenantPacingMargin = o.PacingMargin;
            o.MinimumTenantPacingMargin = o.PacingMargin;
        });
    }

    private static List<RecordedRequest> Prompts(IReadOnlyList<RecordedRequest> requests) =>
        [.. requests.Where(r => r.Operation == ConnectorOperation.CreateConversation
            && r.Parameters?.ChannelData?.Channel?.Id?.StartsWith("19:enhet-", StringComparison.Ordinal) == true)];

    /// <summary>A municipality whose units all meet on Monday 09:00-09:15 in Oslo, each unit with its own channel.</summary>
    private static string Organisation(string tenant, int units)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"tenantId: \"{tenant}\"");
        yaml.AppendLine("name: Storby kommune");
        yaml.AppendLine("timeZone: Europe/Oslo");
        yaml.AppendLine("serviceAreas:");
        yaml.AppendLine("  - { id: omsorg, name: Omsorg, leader: tol@storby.no }");
        yaml.AppendLine("people:");
        yaml.AppendLine("  - { email: tol@storby.no, name: Tone Tol }");
        yaml.AppendLine("  - { email: leder@storby.no, name: Leder }");
        yaml.AppendLine("units:");
        for (var u = 0; u < units; u++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture,
                $"  - {{ id: enhet-{u}, name: Enhet {u}, serviceArea: omsorg, leader: leder@storby.no, boardMeeting: {{ weekday: monday, time: \"09:00\", minutes: 15 }}, " +
                $"leanStart: 2025-01-06, channel: {{ teamId: \"{TeamsActivities.TeamId}\", channelId: \"19:enhet-{u}@thread.tacv2\", name: Enhet {u} }} }}");
        }

        return yaml.ToString();
    }
}
