using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LeanTeamsApp.IntegrationTests.Operations;

/// <summary>
/// What a Teams administrator sees: the service's metrics and traces, read from an in-memory exporter wired into
/// the service the way Application Insights' is. Every host in the test run shares the meter names, so each test
/// counts only its own tenant's (or queue's) points; and they run alone, because OpenTelemetry merges instruments
/// of the same name from every host in the process into one stream and drops that stream when any of those hosts
/// is disposed.
/// </summary>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests
{
    // Byggesak's latest board meeting was the Thursday before, and its check-in is still open.
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private const string Organisation = """
        tenantId: "{tenant}"
        name: Målekommune
        timeZone: Europe/Oslo
        serviceAreas:
          - { id: drift, name: Drift, leader: tol@maale.no }
        people:
          - { email: tol@maale.no, name: Tone Tol }
          - { email: leder@maale.no, name: Leder }
        units:
          - { id: en, name: En, serviceArea: drift, leader: leder@maale.no, boardMeeting: { weekday: monday, time: "09:00", minutes: 15 }, leanStart: 2025-01-06, channel: { teamId: "19:fjordvik-team@thread.tacv2", channelId: "19:en@thread.tacv2", name: En } }
          - { id: to, name: To, serviceArea: drift, leader: leder@maale.no, boardMeeting: { weekday: monday, time: "09:00", minutes: 15 }, leanStart: 2025-01-06, channel: { teamId: "19:fjordvik-team@thread.tacv2", channelId: "19:to@thread.tacv2", name: To } }
          - { id: blokkert, name: Blokkert, serviceArea: drift, leader: leder@maale.no, boardMeeting: { weekday: monday, time: "09:00", minutes: 15 }, leanStart: 2025-01-06, channel: { teamId: "19:fjordvik-team@thread.tacv2", channelId: "19:blokkert@thread.tacv2", name: Blokkert } }
          - { id: borte, name: Borte, serviceArea: drift, leader: leder@maale.no, boardMeeting: { weekday: monday, time: "09:00", minutes: 15 }, leanStart: 2025-01-06, channel: { teamId: "19:fjordvik-team@thread.tacv2", channelId: "19:borte@thread.tacv2", name: Borte } }
          - { id: travel, name: Travel, serviceArea: drift, leader: leder@maale.no, boardMeeting: { weekday: monday, time: "09:00", minutes: 15 }, leanStart: 2025-01-06, channel: { teamId: "19:fjordvik-team@thread.tacv2", channelId: "19:travel@thread.tacv2", name: Travel } }
        """;

    [Fact]
    public async Task Metrics_PromptFanOutWithFailures_CountQueuedSentAndFailedByReason()
    {
        var exported = new List<MetricSnapshot>();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T06:00:00Z", CultureInfo.InvariantCulture));
        await using var bot = await BotHost.StartAsync(
            new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Outbox:MaxAttempts"] = "1" },
            services =>
            {
                services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddInMemoryExporter(exported));
                // One 429 is the end of it, so the throttled prompt fails for good in this round.
                services.Configure<ConnectorOptions>(o => o.MaxRetries = 0);
            },
            time: clock,
            importDemo: false);
        var imported = await bot.App.ImportAsync(bot.TenantId, "maale.yaml", Organisation.Replace("{tenant}", bot.TenantId, StringComparison.Ordinal));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        using (var installed = await bot.PostAsync(bot.Activities.TeamInstalled(bot.Coordinator)))
        {
            Assert.True(installed.IsSuccessStatusCode);
        }

        bot.Connector.FailThread("19:blokkert@thread.tacv2", 403, "BotNotInConversationRoster");
        bot.Connector.FailThread("19:borte@thread.tacv2", 404, "ConversationNotFound");
        bot.Connector.FailThread("19:travel@thread.tacv2", 429, "Throttled", TimeSpan.FromSeconds(30));
        var scheduler = bot.App.Services.GetRequiredService<CheckInScheduler>();
        await scheduler.RunTenantAsync(bot.TenantId, default);
        clock.SetUtcNow(DateTimeOffset.Parse("2026-11-23T08:21:00Z", CultureInfo.InvariantCulture));

        Assert.Equal(5, await scheduler.RunTenantAsync(bot.TenantId, default));
        await bot.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);

        Flush(bot);
        var prompt = ("kind", "checkin-prompt");
        Assert.Equal(5, Sum(exported, "leanteamsapp.outbox.queued", bot.TenantId, prompt));
        Assert.Equal(2, Sum(exported, "leanteamsapp.outbox.sent", bot.TenantId, prompt));
        Assert.Equal(1, Sum(exported, "leanteamsapp.outbox.failed", bot.TenantId, prompt, ("reason", "blocked")));
        Assert.Equal(1, Sum(exported, "leanteamsapp.outbox.failed", bot.TenantId, prompt, ("reason", "gone")));
        Assert.Equal(1, Sum(exported, "leanteamsapp.outbox.failed", bot.TenantId, prompt, ("reason", "throttled")));
        Assert.Equal(0, Sum(exported, "leanteamsapp.outbox.failed", bot.TenantId, prompt, ("reason", "other")));
        Assert.Equal(1, Sum(exported, "botframework.connector.throttled", bot.TenantId, ("operation", "createConversation")));
        // The counts agree with what the connector saw.
        Assert.Equal(2, bot.Connector.Requests.Count(r => r.Operation == ConnectorOperation.CreateConversation));
        Assert.Equal(3, bot.Connector.Rejected.Count(r => r.Operation == ConnectorOperation.CreateConversation));
    }

    [Fact]
    public async Task Metrics_OutboxGauges_FollowTheQueue()
    {
        var exported = new List<MetricSnapshot>();
        await using var bot = await BotHost.StartAsync(
            new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" },
            services => services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddInMemoryExporter(exported)),
            importDemo: false);
        var outbox = bot.App.Services.GetRequiredService<Outbox>();
        var dispatcher = bot.App.Services.GetRequiredService<OutboxDispatcher>();
        for (var i = 0; i < 3; i++)
        {
            await outbox.EnqueueAsync(new OutboundMessage($"gauge-{i}", bot.TenantId, bot.Connector.ServiceUrl, new() { Type = "message", Text = $"gauge {i}" }) { ConversationId = $"a:gauge-{i}" }, default);
        }

        await dispatcher.MeasureAsync(default);
        Flush(bot);
        Assert.Equal(3, Gauge(exported, "leanteamsapp.outbox.depth", outbox.Queue.Name));
        Assert.InRange(Gauge(exported, "leanteamsapp.outbox.oldest_age", outbox.Queue.Name), 0, 60);

        Assert.Equal(3, await dispatcher.DispatchOnceAsync(default));
        await dispatcher.MeasureAsync(default);
        Flush(bot);
        Assert.Equal(0, Gauge(exported, "leanteamsapp.outbox.depth", outbox.Queue.Name));
    }

    [Fact]
    public async Task Metrics_CheckInSubmittedInTeams_CountTheCheckInAndTimeTheTurns()
    {
        var exported = new List<MetricSnapshot>();
        var clock = new FakeTimeProvider(Wednesday);
        await using var bot = await BotHost.StartAsync(configureServices: services => services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddInMemoryExporter(exported)), time: clock);
        var byggesak = (await bot.App.Store.GetUnitAsync(bot.TenantId, "byggesak", default))!;

        await bot.SayAsync(bot.Activities.PersonalMessage(bot.ByggesakLeader, "statusrapport"));
        using (var submitted = await bot.PostAsync(SubmitCheckIn(bot, MeetingClock.Latest(byggesak, clock.GetUtcNow()))))
        {
            Assert.True(submitted.IsSuccessStatusCode);
        }

        Flush(bot);
        Assert.Equal(1, Sum(exported, "leanteamsapp.checkins.stored", bot.TenantId, ("kind", "new")));
        Assert.Equal(1, HistogramCount(exported, "leanteamsapp.bot.turn.duration", bot.TenantId, ("activity_type", "invoke"), ("outcome", "ok")));
        Assert.Equal(1, HistogramCount(exported, "leanteamsapp.bot.turn.duration", bot.TenantId, ("activity_type", "message"), ("outcome", "ok")));
    }

    [Fact]
    public async Task Traces_TurnsThatReadPeopleByEmail_CarryNoPersonalData()
    {
        var spans = new List<Activity>();
        var clock = new FakeTimeProvider(Wednesday);
        await using var bot = await BotHost.StartAsync(configureServices: services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans)), time: clock);
        var byggesak = (await bot.App.Store.GetUnitAsync(bot.TenantId, "byggesak", default))!;
        var leader = bot.ByggesakLeader;

        await bot.SayAsync(bot.Activities.PersonalMessage(leader, "hvem er jeg"));
        await bot.SayAsync(bot.Activities.PersonalMessage(leader, "statusrapport"));
        using (var submitted = await bot.PostAsync(SubmitCheckIn(bot, MeetingClock.Latest(byggesak, clock.GetUtcNow()))))
        {
            Assert.True(submitted.IsSuccessStatusCode);
        }

        bot.App.Services.GetRequiredService<TracerProvider>().ForceFlush();
        Activity[] mine;
        lock (spans)
        {
            mine = [.. spans];
        }

        // The spans that would carry it if anything did: the turns, and the storage calls that look people up by
        // their e-mail address (a person's row key) and the connector calls to their chat.
        Assert.Contains(mine, s => s.Source.Name == "LeanTeamsApp" && s.DisplayName == "bot turn" && Equals(s.GetTagItem("tenant_id"), bot.TenantId));
        Assert.Contains(mine, s => s.GetTagItem("url.full") is string url && url.Contains("/Directory(", StringComparison.Ordinal));
        Assert.Contains(mine, s => s.GetTagItem("url.full") is string url && url.Contains("/v3/conversations/", StringComparison.Ordinal));
        var forbidden = new[]
        {
            leader.Email, Uri.EscapeDataString(leader.Email), Uri.EscapeDataString(leader.Email.ToLowerInvariant()), leader.Email.ToLowerInvariant(),
            leader.Name, leader.Id, Uri.EscapeDataString(leader.Id), leader.AadObjectId, "@", "%40",
        };
        var leaks = mine
            .SelectMany(s => s.TagObjects.Select(t => $"{s.DisplayName} {t.Key}={t.Value}").Append(s.DisplayName))
            .Where(text => forbidden.Any(f => text.Contains(f, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(leaks.Count == 0, "Personal data in spans:\n" + string.Join("\n", leaks));
    }

    private static JsonObject SubmitCheckIn(BotHost bot, DateOnly meetingDate)
    {
        var invoke = bot.Activities.Invoke(bot.ByggesakLeader, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = CheckInCard.SubmitVerb,
                ["data"] = new JsonObject
                {
                    ["unitId"] = "byggesak",
                    ["meetingDate"] = meetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["held"] = "yes",
                    ["attendance"] = "6",
                    ["goal0"] = "Green",
                    ["goal1"] = "Red",
                    ["improvementsNew"] = "Fast tid for veiledning av søkere",
                    ["improvementsInProgress"] = "2",
                    ["improvementsDone"] = "1",
                    ["note"] = "Godt møte",
                },
            },
            ["trigger"] = "manual",
        });
        invoke["replyToId"] = "card-message-1";
        return invoke;
    }

    private static void Flush(BotHost bot) => Assert.True(bot.App.Services.GetRequiredService<MeterProvider>().ForceFlush());

    private static MetricSnapshot? Latest(List<MetricSnapshot> exported, string name)
    {
        lock (exported)
        {
            return exported.LastOrDefault(m => m.Name == name);
        }
    }

    private static bool Matches(ReadOnlyTagCollection tags, params (string Key, string Value)[] wanted)
    {
        var have = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            have[tag.Key] = tag.Value;
        }

        return wanted.All(w => have.TryGetValue(w.Key, out var value) && Equals(value, w.Value));
    }

    private static long Sum(List<MetricSnapshot> exported, string name, string tenant, params (string Key, string Value)[] tags)
    {
        var sum = 0L;
        foreach (var point in Latest(exported, name)?.MetricPoints ?? [])
        {
            if (Matches(point.Tags, [("tenant_id", tenant), .. tags]))
            {
                sum += point.GetSumLong();
            }
        }

        return sum;
    }

    private static long HistogramCount(List<MetricSnapshot> exported, string name, string tenant, params (string Key, string Value)[] tags)
    {
        var count = 0L;
        foreach (var point in Latest(exported, name)?.MetricPoints ?? [])
        {
            if (Matches(point.Tags, [("tenant_id", tenant), .. tags]))
            {
                count += point.GetHistogramCount();
            }
        }

        return count;
    }

    private static double Gauge(List<MetricSnapshot> exported, string name, string queue)
    {
        var snapshot = Latest(exported, name);
        foreach (var point in snapshot?.MetricPoints ?? [])
        {
            if (Matches(point.Tags, ("queue", queue)))
            {
                return snapshot!.MetricType is MetricType.LongGauge ? point.GetGaugeLastValueLong() : point.GetGaugeLastValueDouble();
            }
        }

        throw new Xunit.Sdk.XunitException($"No {name} point for queue {queue}.");
    }
}

[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryTestsRunAlone;
