using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation.Import;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.CheckIns;

/// <summary>
/// The check-in prompt scheduler on a fake clock against Azurite and the recording fake connector: prompts at the
/// right local time in Oslo and Stockholm across daylight saving, none on holidays, once with two instances, and
/// a catch-up after downtime.
/// </summary>
public sealed class CheckInSchedulerTests
{
    private const string Organisation = """
        tenantId: "{tenant}"
        name: Grensekommune
        timeZone: Europe/Oslo
        holidayPeriods:
          - { name: Fellesferie, from: 2026-07-06, to: 2026-07-26 }
        serviceAreas:
          - { id: omsorg, name: Omsorg, leader: tol@grense.no }
        people:
          - { email: tol@grense.no, name: Tone Tol }
          - { email: leder@grense.no, name: Leder }
          - { email: koord@grense.no, name: Koordinator }
        units:
          - { id: oslo-mandag, name: Oslo mandag, serviceArea: omsorg, leader: leder@grense.no, coordinators: [koord@grense.no], boardMeeting: { weekday: monday, time: "09:00", minutes: 15 }, leanStart: 2025-01-06, channel: { teamId: "19:fjordvik-team@thread.tacv2", channelId: "19:oslo@thread.tacv2", name: Oslo } }
          - { id: stockholm-mandag, name: Stockholm måndag, serviceArea: omsorg, leader: leder@grense.no, timeZone: Europe/Stockholm, boardMeeting: { weekday: måndag, time: "09:00", minutes: 15 }, leanStart: 2025-01-06, channel: { teamId: "19:fjordvik-team@thread.tacv2", channelId: "19:stockholm@thread.tacv2", name: Stockholm } }
          - { id: oslo-tirsdag, name: Oslo tirsdag, serviceArea: omsorg, leader: leder@grense.no, boardMeeting: { weekday: tirsdag, time: "13:00", minutes: 20 }, leanStart: 2025-01-06, channel: { teamId: "19:fjordvik-team@thread.tacv2", channelId: "19:tirsdag@thread.tacv2", name: Tirsdag } }
        """;

    [Fact]
    public async Task Prompts_OsloAndStockholmAcrossTheSpringChange_GoOutFiveMinutesAfterTheLocalEnd()
    {
        var clock = new FakeTimeProvider(At("2026-03-23T06:00:00Z"));
        await using var bot = await StartAsync(clock);
        var scheduler = bot.App.Services.GetRequiredService<CheckInScheduler>();
        Assert.Equal(0, await scheduler.RunTenantAsync(bot.TenantId, default));

        clock.SetUtcNow(At("2026-03-23T08:19:00Z"));
        Assert.Equal(0, await scheduler.RunTenantAsync(bot.TenantId, default));
        clock.SetUtcNow(At("2026-03-23T08:21:00Z"));
        Assert.Equal(2, await scheduler.RunTenantAsync(bot.TenantId, default));

        // After the change on 29 March, 09:15 local is 07:15 UTC. Before that, only Tuesday the 24th's meeting is due.
        clock.SetUtcNow(At("2026-03-30T07:19:00Z"));
        Assert.Equal(1, await scheduler.RunTenantAsync(bot.TenantId, default));
        clock.SetUtcNow(At("2026-03-30T07:21:00Z"));
        Assert.Equal(2, await scheduler.RunTenantAsync(bot.TenantId, default));
        Assert.Equal(0, await scheduler.RunTenantAsync(bot.TenantId, default));

        var posts = await DeliverAsync(bot);
        Assert.Equal(5, posts.Count);
        Assert.Contains(posts, p => p.Channel == "19:tirsdag@thread.tacv2" && p.Card.Contains("24.03.2026", StringComparison.Ordinal));
        Assert.Contains(posts, p => p.Channel == "19:oslo@thread.tacv2" && p.Card.Contains("Statusrapport etter tavlemøtet – Oslo mandag, 30.03.2026", StringComparison.Ordinal));
        Assert.Contains(posts, p => p.Channel == "19:stockholm@thread.tacv2" && p.Card.Contains("Statusrapport efter tavelmötet – Stockholm måndag, 2026-03-30", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Prompts_OrganisationWritesNynorsk_AreNynorskInEveryChannelAndTheSettingIsExported()
    {
        var clock = new FakeTimeProvider(At("2026-03-23T06:00:00Z"));
        await using var bot = await StartAsync(clock);
        var nynorsk = Organisation.Replace("{tenant}", bot.TenantId, StringComparison.Ordinal)
            .Replace("timeZone: Europe/Oslo\n", "timeZone: Europe/Oslo\nwrittenLanguage: nn\n", StringComparison.Ordinal);
        var imported = await bot.App.ImportAsync(bot.TenantId, "grense.yaml", nynorsk);
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        var scheduler = bot.App.Services.GetRequiredService<CheckInScheduler>();
        Assert.Equal(0, await scheduler.RunTenantAsync(bot.TenantId, default));

        clock.SetUtcNow(At("2026-03-23T08:21:00Z"));
        Assert.Equal(2, await scheduler.RunTenantAsync(bot.TenantId, default));

        var posts = await DeliverAsync(bot);
        // Stockholm's unit too: the organisation's choice overrides the time zone's language.
        Assert.Equal(["19:oslo@thread.tacv2", "19:stockholm@thread.tacv2"], posts.Select(p => p.Channel).Order(StringComparer.Ordinal));
        Assert.All(posts, p => Assert.Contains("Vart tavlemøtet gjennomført?", p.Card, StringComparison.Ordinal));
        Assert.Contains("writtenLanguage: nn", await bot.App.Services.GetRequiredService<OrganisationExport>().YamlAsync(bot.TenantId, default), StringComparison.Ordinal);
    }

    [Theory]
    // Easter Monday: a public holiday in both countries.
    [InlineData("2026-04-06T06:00:00Z", "2026-04-06T07:21:00Z", "")]
    // 17 May 2027 is a Monday: Norway's constitution day, a working day in Sweden.
    [InlineData("2027-05-17T06:00:00Z", "2027-05-17T07:21:00Z", "19:stockholm@thread.tacv2")]
    // The organisation's summer holiday weeks: no prompts, though not a public holiday.
    [InlineData("2026-07-13T06:00:00Z", "2026-07-13T07:21:00Z", "")]
    // An ordinary Monday, for contrast.
    [InlineData("2026-11-23T06:00:00Z", "2026-11-23T08:21:00Z", "19:oslo@thread.tacv2,19:stockholm@thread.tacv2")]
    public async Task Prompts_OnHolidays_AreNotSent(string start, string due, string expectedChannels)
    {
        var clock = new FakeTimeProvider(At(start));
        await using var bot = await StartAsync(clock);
        var scheduler = bot.App.Services.GetRequiredService<CheckInScheduler>();
        await scheduler.RunTenantAsync(bot.TenantId, default);

        clock.SetUtcNow(At(due));
        await scheduler.RunTenantAsync(bot.TenantId, default);

        var posts = await DeliverAsync(bot);
        Assert.Equal(expectedChannels, string.Join(',', posts.Select(p => p.Channel).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Prompts_TwoSchedulerInstances_AreSentOnce()
    {
        await using var connector = await FakeConnector.StartNewAsync();
        var tenant = TestTenants.New();
        var queue = $"twin-{Guid.NewGuid():N}";
        var firstClock = new FakeTimeProvider(At("2026-11-23T06:00:00Z"));
        var secondClock = new FakeTimeProvider(At("2026-11-23T06:00:00Z"));
        await using var first = await StartAsync(firstClock, tenant, connector, queue);
        await using var second = await StartAsync(secondClock, tenant, connector, queue, importAgain: false);
        await first.App.Services.GetRequiredService<CheckInScheduler>().RunTenantAsync(tenant, default);

        firstClock.SetUtcNow(At("2026-11-23T08:21:00Z"));
        secondClock.SetUtcNow(At("2026-11-23T08:21:00Z"));
        var queued = await Task.WhenAll(
            first.App.Services.GetRequiredService<CheckInScheduler>().RunTenantAsync(tenant, default),
            second.App.Services.GetRequiredService<CheckInScheduler>().RunTenantAsync(tenant, default));
        await second.App.Services.GetRequiredService<CheckInScheduler>().RunTenantAsync(tenant, default);

        Assert.Equal(2, queued.Sum());
        await first.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);
        await second.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);
        Assert.Equal(2, connector.Requests.Count(r => r.Operation == ConnectorOperation.CreateConversation));
    }

    [Fact]
    public async Task Prompts_AfterDowntime_AreCaughtUpOnceAndNotRepeatedAfterARestart()
    {
        await using var connector = await FakeConnector.StartNewAsync();
        var tenant = TestTenants.New();
        var queue = $"restart-{Guid.NewGuid():N}";
        var clock = new FakeTimeProvider(At("2026-11-23T06:00:00Z"));
        await using (var before = await StartAsync(clock, tenant, connector, queue))
        {
            await before.App.Services.GetRequiredService<CheckInScheduler>().RunTenantAsync(tenant, default);
        }

        // Down from Monday morning to Wednesday noon: Monday's two meetings and Tuesday's one were missed.
        var later = new FakeTimeProvider(At("2026-11-25T11:00:00Z"));
        await using var after = await StartAsync(later, tenant, connector, queue, importAgain: false);
        var scheduler = after.App.Services.GetRequiredService<CheckInScheduler>();

        Assert.Equal(3, await scheduler.RunTenantAsync(tenant, default));
        Assert.Equal(0, await scheduler.RunTenantAsync(tenant, default));
        await after.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);
        Assert.Equal(
            ["19:oslo@thread.tacv2", "19:stockholm@thread.tacv2", "19:tirsdag@thread.tacv2"],
            connector.Requests.Where(r => r.Operation == ConnectorOperation.CreateConversation).Select(r => r.Parameters!.ChannelData!.Channel!.Id!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Prompts_UnitThatAlreadyCheckedIn_GetsNone()
    {
        var clock = new FakeTimeProvider(At("2026-11-23T06:00:00Z"));
        await using var bot = await StartAsync(clock);
        var scheduler = bot.App.Services.GetRequiredService<CheckInScheduler>();
        await scheduler.RunTenantAsync(bot.TenantId, default);
        await bot.App.Services.GetRequiredService<CheckInStore>().SubmitAsync(bot.TenantId, new CheckIn(
            "oslo-mandag", new DateOnly(2026, 11, 23), true, null, 6, 0, 0, 0, [], [], null, null, "Leder", At("2026-11-23T08:16:00Z")), default);

        clock.SetUtcNow(At("2026-11-23T08:21:00Z"));

        Assert.Equal(1, await scheduler.RunTenantAsync(bot.TenantId, default));
    }

    [Fact]
    public async Task Reminders_NoCheckInFourHoursAfterTheMeeting_GoToTheLeaderAndCoordinator1To1()
    {
        var clock = new FakeTimeProvider(At("2026-11-23T06:00:00Z"));
        await using var bot = await StartAsync(clock);
        var leader = await ReachableAsync(bot, "leder@grense.no");
        var coordinator = await ReachableAsync(bot, "koord@grense.no");
        var scheduler = bot.App.Services.GetRequiredService<CheckInScheduler>();
        await scheduler.RunTenantAsync(bot.TenantId, default);
        clock.SetUtcNow(At("2026-11-23T08:21:00Z"));
        Assert.Equal(2, await scheduler.RunTenantAsync(bot.TenantId, default));

        // The meeting ended 08:15 UTC; four hours and the five-minute delay later the reminders are due.
        clock.SetUtcNow(At("2026-11-23T12:19:00Z"));
        Assert.Equal(0, await scheduler.RunTenantAsync(bot.TenantId, default));
        // Oslo: its leader and unit coordinator. Stockholm, whose meeting ends at the same instant: its leader.
        clock.SetUtcNow(At("2026-11-23T12:21:00Z"));
        Assert.Equal(3, await scheduler.RunTenantAsync(bot.TenantId, default));

        await bot.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);
        var reminders = bot.Connector.Requests
            .Where(r => r.Operation == ConnectorOperation.Send && r.Activity!.Text!.Contains("for Oslo mandag", StringComparison.Ordinal))
            .ToList();
        // Ids are random per run: compare as sets, in one order.
        Assert.Equal(
            new[] { TeamsActivities.PersonalConversationId(coordinator), TeamsActivities.PersonalConversationId(leader) }.Order(StringComparer.Ordinal),
            reminders.Select(r => r.ConversationId!).Order(StringComparer.Ordinal));
        Assert.All(reminders, r => Assert.StartsWith("Påminnelse: statusrapporten etter tavlemøtet 23.11.2026 for Oslo mandag", r.Activity!.Text, StringComparison.Ordinal));
        Assert.All(reminders, r => Assert.Contains("checkin.submit", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PromptAndReminder_Cards_OfferNothingNewAndPassTheOfficialRenderer()
    {
        var clock = new FakeTimeProvider(At("2026-11-23T06:00:00Z"));
        await using var bot = await StartAsync(clock);
        await ReachableAsync(bot, "leder@grense.no");
        var scheduler = bot.App.Services.GetRequiredService<CheckInScheduler>();
        await scheduler.RunTenantAsync(bot.TenantId, default);
        clock.SetUtcNow(At("2026-11-23T08:21:00Z"));
        await scheduler.RunTenantAsync(bot.TenantId, default);
        clock.SetUtcNow(At("2026-11-23T12:21:00Z"));
        await scheduler.RunTenantAsync(bot.TenantId, default);

        await bot.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);
        var cards = bot.Connector.Requests
            .Where(r => r.Operation is ConnectorOperation.CreateConversation or ConnectorOperation.Send)
            .Select(r => (r.Operation, Card: (r.Activity ?? r.Parameters?.Activity)?.Attachments?.SingleOrDefault()?.Content?.ToJsonString()))
            .Where(c => c.Card is not null)
            .Select((c, i) => ($"checkin-{(c.Operation == ConnectorOperation.Send ? "reminder" : "prompt")}-{i}", c.Card!))
            .ToDictionary(c => c.Item1, c => c.Item2);
        Assert.Contains(cards.Keys, k => k.StartsWith("checkin-prompt", StringComparison.Ordinal));
        Assert.Contains(cards.Keys, k => k.StartsWith("checkin-reminder", StringComparison.Ordinal));
        Assert.All(cards.Values, c => Assert.Contains($"\"verb\":\"{CheckInCard.NothingNewVerb}\"", c, StringComparison.Ordinal));

        var verdicts = await LeanTeamsApp.IntegrationTests.Cards.OfficialRenderer.ValidateAsync(cards, LeanTeamsApp.IntegrationTests.Cards.OfficialRenderer.ArtifactsFolder);

        Assert.All(verdicts.Values, v => Assert.True(v.IsValid, v.ToString()));
    }

    // The outbox keeps its rows (and so their keys) long after a person has left; logs go to other systems.
    [Fact]
    public async Task Reminders_OutboxKeysAndLogs_NameNoEmailAddressButStayOnePerPerson()
    {
        var clock = new FakeTimeProvider(At("2026-11-23T06:00:00Z"));
        var logs = new RecordedLogs();
        await using var bot = await StartAsync(clock, logs: logs);
        await ReachableAsync(bot, "leder@grense.no");
        var scheduler = bot.App.Services.GetRequiredService<CheckInScheduler>();
        await scheduler.RunTenantAsync(bot.TenantId, default);
        clock.SetUtcNow(At("2026-11-23T08:21:00Z"));
        await scheduler.RunTenantAsync(bot.TenantId, default);

        clock.SetUtcNow(At("2026-11-23T12:21:00Z"));
        var reminded = await scheduler.RunTenantAsync(bot.TenantId, default);

        var keys = new List<string>();
        await foreach (var row in bot.App.Services.GetRequiredService<Outbox>().Rows.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == bot.TenantId, select: ["RowKey"]))
        {
            keys.Add(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(row.RowKey.Replace('_', '/').Replace('-', '+'))));
        }

        // The leader of both Monday units is reachable; the Oslo unit's coordinator is not.
        Assert.Equal(2, reminded);
        Assert.Contains($"checkin-reminder|oslo-mandag|2026-11-23|{LeanTeamsApp.Features.Organisation.Person.Pseudonym("leder@grense.no")}", keys);
        Assert.All(keys, k => Assert.DoesNotContain("@", k, StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Message.StartsWith($"Cannot reach person {LeanTeamsApp.Features.Organisation.Person.Pseudonym("koord@grense.no")} 1:1", StringComparison.Ordinal));
        Assert.All(logs.Entries, e => Assert.DoesNotContain("@", e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminders_CheckInAlreadyGiven_AreNotSent()
    {
        var clock = new FakeTimeProvider(At("2026-11-23T06:00:00Z"));
        await using var bot = await StartAsync(clock);
        await ReachableAsync(bot, "leder@grense.no");
        var scheduler = bot.App.Services.GetRequiredService<CheckInScheduler>();
        await scheduler.RunTenantAsync(bot.TenantId, default);
        await bot.App.Services.GetRequiredService<CheckInStore>().SubmitAsync(bot.TenantId, new CheckIn(
            "oslo-mandag", new DateOnly(2026, 11, 23), true, null, 6, 0, 0, 0, [], [], null, null, "Leder", At("2026-11-23T08:30:00Z")), default);

        clock.SetUtcNow(At("2026-11-23T12:21:00Z"));
        await scheduler.RunTenantAsync(bot.TenantId, default);

        await bot.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);
        Assert.DoesNotContain(bot.Connector.Requests, r => r.Operation == ConnectorOperation.Send && r.Activity!.Text!.Contains("Oslo mandag", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminders_TwoMissedWeeksInARow_TellTheServiceAreaLeaderOncePerStreak()
    {
        var clock = new FakeTimeProvider(At("2026-11-16T06:00:00Z"));
        await using var bot = await StartAsync(clock);
        var areaLeader = await ReachableAsync(bot, "tol@grense.no");
        var scheduler = bot.App.Services.GetRequiredService<CheckInScheduler>();
        await scheduler.RunTenantAsync(bot.TenantId, default);

        foreach (var day in new[] { "2026-11-16", "2026-11-23", "2026-11-30" })
        {
            clock.SetUtcNow(At($"{day}T12:21:00Z"));
            await scheduler.RunTenantAsync(bot.TenantId, default);
        }

        await bot.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);
        var notices = bot.Connector.Requests
            .Where(r => r.Operation == ConnectorOperation.Send && r.ConversationId == TeamsActivities.PersonalConversationId(areaLeader))
            .Select(r => r.Activity!.Text!)
            .ToList();
        Assert.Equal(
            ["Oslo mandag har ikke sendt statusrapport etter tavlemøtene 16.11.2026 og 23.11.2026. Kanskje enheten trenger støtte med tavlemøtene? Lean-koordinatoren hjelper gjerne."],
            notices.Where(n => n.StartsWith("Oslo mandag", StringComparison.Ordinal)));
        Assert.Contains(notices, n => n.StartsWith("Oslo tirsdag har ikke sendt statusrapport etter tavlemøtene 17.11.2026 og 24.11.2026.", StringComparison.Ordinal));
    }

    /// <summary>
    /// A tenant the scheduler first sees less than a tick before its prompts are due: that first tick prompts nothing (the
    /// tenant starts then), but the prompts still go out when due, 30 s before the next regular tick, not on it. The
    /// scheduler's own loop on the fake clock, against an Azurite of the test's own.
    /// </summary>
    [Fact]
    public async Task Prompts_TenantFirstSeenLessThanATickBeforeTheyAreDue_AreQueuedWhenDueNotOnTheNextTick()
    {
        await using var azurite = await Azurite.StartAsync();
        // The Monday meetings in Oslo and Stockholm end at 08:15 UTC; their prompts are due at 08:20.
        var clock = new FakeTimeProvider(At("2026-11-23T08:18:30Z"));
        await using var bot = await StartAsync(clock, storage: azurite);
        var leases = bot.App.Services.GetRequiredService<LeanTeamsApp.Infrastructure.Storage.StorageTables>().Get(CheckInStore.Table);

        // The first tick, at 08:19:30: the tenant starts, up to 08:14:30.
        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually(async () => await leases.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(bot.TenantId, "scheduler|checkin-prompts") is { HasValue: true } lease
            && lease.Value!.GetDateTimeOffset("Checkpoint") == At("2026-11-23T08:14:30Z"));
        Assert.Empty(await QueuedPromptsAsync(bot));

        // Just past 08:20, half a tick before the next regular one.
        clock.Advance(TimeSpan.FromSeconds(30.02));
        await Eventually(async () => (await QueuedPromptsAsync(bot)).Count == 2);

        Assert.Equal(["checkin-prompt|oslo-mandag|2026-11-23", "checkin-prompt|stockholm-mandag|2026-11-23"], (await QueuedPromptsAsync(bot)).Order(StringComparer.Ordinal));
    }

    private static async Task<List<string>> QueuedPromptsAsync(BotHost bot)
    {
        var ids = new List<string>();
        await foreach (var row in bot.App.Services.GetRequiredService<Outbox>().Rows.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == bot.TenantId, select: ["RowKey"]))
        {
            ids.Add(Outbox.IdOf(row.RowKey));
        }

        return [.. ids.Where(id => id.StartsWith("checkin-prompt|", StringComparison.Ordinal))];
    }

    /// <summary>Waits (in real time: the scheduler's tick runs on its own) until the condition holds, or fails.</summary>
    private static async Task Eventually(Func<Task<bool>> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), patience.Token);
        }
    }

    /// <summary>Gives a demo person a Teams identity and a personal chat with the app, as installing it 1:1 does.</summary>
    private static async Task<TeamsUser> ReachableAsync(BotHost bot, string email)
    {
        var user = TeamsUser.Create(email, email);
        var person = await bot.App.Store.GetPersonAsync(bot.TenantId, email, default);
        Assert.Equal(LeanTeamsApp.Features.Organisation.WriteOutcome.Written, (await bot.App.Store.SavePersonAsync(bot.TenantId, person! with { AadObjectId = user.AadObjectId }, default)).Outcome);
        using var installed = await bot.PostAsync(bot.Activities.PersonalInstallation(user));
        Assert.True(installed.IsSuccessStatusCode);
        return user;
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<BotHost> StartAsync(
        FakeTimeProvider clock, string? tenant = null, FakeConnector? connector = null, string? queue = null, bool importAgain = true, RecordedLogs? logs = null, Azurite? storage = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = "false",
            // The scheduler's own loop visits every tenant in storage: only a test with an Azurite of its own runs it.
            ["CheckIns:SchedulerEnabled"] = storage is null ? "false" : "true",
        };
        if (queue is not null)
        {
            settings["Outbox:QueueName"] = queue;
        }

        var bot = await BotHost.StartAsync(settings, logs is null ? null : logs.AddTo, time: clock, importDemo: false, tenantId: tenant, connector: connector, storage: storage);
        if (importAgain)
        {
            var imported = await bot.App.ImportAsync(bot.TenantId, "grense.yaml", Organisation.Replace("{tenant}", bot.TenantId, StringComparison.Ordinal));
            Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
            using var installed = await bot.PostAsync(bot.Activities.TeamInstalled(bot.Coordinator));
            Assert.True(installed.IsSuccessStatusCode);
        }

        return bot;
    }

    private static async Task<List<(string Channel, string Card)>> DeliverAsync(BotHost bot)
    {
        await bot.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);
        return [.. bot.Connector.Requests
            .Where(r => r.Operation == ConnectorOperation.CreateConversation)
            .Select(r => (r.Parameters!.ChannelData!.Channel!.Id!, BotHost.Said(new RecordedRequest(r.Method, r.Path, r.Operation, r.ConversationId, r.ActivityId, r.Parameters.Activity, r.Parameters, r.Body, r.Authorization, r.ReceivedAt, r.StatusCode, r.ResultId))))];
    }
}
