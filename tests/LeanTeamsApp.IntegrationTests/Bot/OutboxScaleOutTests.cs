using System.Globalization;
using System.Text;
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
    private const int Units = 2000;

    // Both the fake connector and the instances' pacers run Teams' windows at half length, so the test takes half the
    // 40 s that 2,000 posts need at the real 50 a second.
    private const double Scale = 0.5;

    [Fact]
    public async Task Outbox_ThreeInstancesSendingOneLargeTenantsPrompts_PostEachOnceWithNo429()
    {
        await using var connector = await FakeConnector.StartNewAsync();
        connector.EnforceTeamsRateLimits(true, Scale);
        var tenant = TestTenants.New();
        var queue = $"scale-{Guid.NewGuid():N}";

        // The prompts come from the real scheduler on an instance of its own, on a fake clock that puts every board
        // meeting just behind it; its outbox is off, so the three below do all the sending.
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-23T06:00:00Z", CultureInfo.InvariantCulture));
        await using var planner = await BotHost.StartAsync(
            new Dictionary<string, string?> { ["Outbox:QueueName"] = queue, ["Outbox:Enabled"] = "false" },
            time: clock, importDemo: false, tenantId: tenant, connector: connector);
        var imported = await planner.App.ImportAsync(tenant, "storby.yaml", Organisation(tenant));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        using (var installed = await planner.PostAsync(planner.Activities.TeamInstalled(planner.Coordinator)))
        {
            Assert.True(installed.IsSuccessStatusCode);
        }

        var scheduler = planner.App.Services.GetRequiredService<CheckInScheduler>();
        Assert.Equal(0, await scheduler.RunTenantAsync(tenant, default));

        var senders = new List<BotHost>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                senders.Add(await BotHost.StartAsync(
                    new Dictionary<string, string?> { ["Outbox:QueueName"] = queue }, ScaledPacing, importDemo: false, tenantId: tenant, connector: connector));
            }

            clock.SetUtcNow(DateTimeOffset.Parse("2026-03-23T08:21:00Z", CultureInfo.InvariantCulture));
            Assert.Equal(Units, await scheduler.RunTenantAsync(tenant, default));

            var requests = await connector.WaitForAsync(r => Prompts(r).Count >= Units, TimeSpan.FromMinutes(5));

            var prompts = Prompts(requests);
            Assert.Equal(Units, prompts.Count);
            Assert.Equal(Units, prompts.Select(p => p.Parameters!.ChannelData!.Channel!.Id).Distinct().Count());
            Assert.Empty(connector.Rejected);
        }
        finally
        {
            foreach (var sender in senders)
            {
                await sender.DisposeAsync();
            }
        }
    }

    private static void ScaledPacing(IServiceCollection services) =>
        services.PostConfigure<ConnectorOptions>(o =>
        {
            o.ConversationWriteLimits = [.. o.ConversationWriteLimits.Select(l => new RateLimitWindow(l.Permits, l.Window * Scale))];
            o.TenantLimits = [.. o.TenantLimits.Select(l => new RateLimitWindow(l.Permits, l.Window * Scale))];
            // The fake connector counts arrivals by the real clock, and on two shared cores a request can arrive a good
            // while after it was paced; the margin covers that delay rather than the network's.
            o.PacingMargin = TimeSpan.FromMilliseconds(250);
        });

    private static List<RecordedRequest> Prompts(IReadOnlyList<RecordedRequest> requests) =>
        [.. requests.Where(r => r.Operation == ConnectorOperation.CreateConversation
            && r.Parameters?.ChannelData?.Channel?.Id?.StartsWith("19:enhet-", StringComparison.Ordinal) == true)];

    /// <summary>A municipality whose units all meet on Monday 09:00-09:15 in Oslo, each unit with its own channel.</summary>
    private static string Organisation(string tenant)
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
        for (var u = 0; u < Units; u++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture,
                $"  - {{ id: enhet-{u}, name: Enhet {u}, serviceArea: omsorg, leader: leder@storby.no, boardMeeting: {{ weekday: monday, time: \"09:00\", minutes: 15 }}, " +
                $"leanStart: 2025-01-06, channel: {{ teamId: \"{TeamsActivities.TeamId}\", channelId: \"19:enhet-{u}@thread.tacv2\", name: Enhet {u} }} }}");
        }

        return yaml.ToString();
    }
}
