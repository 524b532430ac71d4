using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Bot;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Digest;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.IntegrationTests.Cards;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Digest;

/// <summary>
/// The weekly digest on a fake clock: Friday 20 November 2026 (week 47) just after 12:00 in Oslo, the default digest
/// time, against Azurite and the recording fake connector.
/// </summary>
public sealed class DigestTests : IAsyncLifetime
{
    private static readonly DateTimeOffset FridayNoon = new(2026, 11, 20, 11, 1, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(FridayNoon);
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" }, time: _clock);
        using var installed = await _bot.PostAsync(_bot.Activities.TeamInstalled(_bot.Coordinator));
        Assert.True(installed.IsSuccessStatusCode);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private DigestScheduler Scheduler => _bot.App.Services.GetRequiredService<DigestScheduler>();

    [Fact]
    public async Task DigestCommand_SeededWeek_ShowsExactCountsSumsTrendAndSiloWarning()
    {
        await SeedWeekAsync();

        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "ukeoppsummering"));

        var expected = await ExpectedThisWeekAsync();
        Assert.Contains("Forbedringsforum uke 47 – Fjordvik kommune", said, StringComparison.Ordinal);
        Assert.Contains($"{{\"title\":\"Tavlemøter gjennomført\",\"value\":\"2 av {expected} denne uken · ", said, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Forbedringer\",\"value\":\"2 nye · 1 ferdig\"}", said, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Gevinster denne uken\",\"value\":\"Spart tid 5,5 timer\"}", said, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Gevinster hittil i år\",\"value\":\"Spart tid 9,5 timer\"}", said, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Avvik\",\"value\":\"2 nye · 0 oppfølgingsområder forfalt\"}", said, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Ber om hjelp fra utviklingsenheten\",\"value\":\"1: Byggesak\"}", said, StringComparison.Ordinal);
        Assert.True(said.Contains("• Byggesak: Spart tid 3,5 timer – påvirker Servicetorget. Er arbeidet flyttet, ikke spart?", StringComparison.Ordinal), said);
        Assert.Contains("• Byggesak ber om hjelp: Hjelp med verdistrømanalyse", said, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Byggesak\",\"value\":\"gjennomført · 1/4 · 2 nye/1 ferdig · Spart tid 3,5 timer\"}", said, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Vann og avløp\",\"value\":\"ikke gjennomført · 0/4 · 0 nye/0 ferdige\"}", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DigestCommand_SeededEstimatesAndPlans_CountsIdentifiedAndPlannedByStageFromTheRecords()
    {
        await SeedWeekAsync();
        var records = _bot.App.Services.GetRequiredService<ImprovementStore>();
        async Task AddAsync(string unitId, string id, BenefitKind kind, BenefitMeasure measure, decimal identified, DateOnly identifiedOn, (decimal Amount, DateOnly By)? planned = null)
        {
            var benefit = new Benefit(unitId, id, kind, BenefitStage.Identified, 0, measure, [], identifiedOn, "Randi Lie", RecordSource.Command) { Title = "Seeded " + id }
                .WithStage(BenefitStage.Identified, identified, identifiedOn);
            if (planned is { } plan)
            {
                benefit = benefit.WithStage(BenefitStage.Planned, plan.Amount, plan.By);
            }

            Assert.True((await records.AddBenefitAsync(_bot.TenantId, benefit, default)).Added);
            // As every write path does: the overview rows keep the estimates and plans the digest counts.
            var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, unitId, default))!;
            await _bot.App.Services.GetRequiredService<LeanTeamsApp.Infrastructure.Events.Announcer<BoardChanged>>().AnnounceAsync(new BoardChanged(_bot.TenantId, unit, FridayNoon), default);
        }

        // Week 47 runs from Monday 16 to Sunday 22 November 2026.
        await AddAsync("byggesak", "e1", BenefitKind.TimeSaved, BenefitMeasure.Hours, 100m, new(2026, 11, 17), (80m, new(2026, 12, 15)));
        await AddAsync("servicetorget", "e2", BenefitKind.Money, BenefitMeasure.Nok, 12000m, new(2026, 10, 1), (9000m, new(2026, 11, 30)));
        await AddAsync("byggesak", "e3", BenefitKind.TimeSaved, BenefitMeasure.Hours, 20m, new(2025, 12, 1), (10m, new(2027, 1, 15)));
        await AddAsync("byggesak", "e4", BenefitKind.TimeSaved, BenefitMeasure.Hours, 7.5m, new(2026, 11, 22));

        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "ukeoppsummering"));
        var facts = LastFacts();
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "digest", "en-GB"));
        var english = LastFacts();

        Assert.Equal("denne uken: Spart tid 107,5 timer · hittil i år: Spart tid 107,5 timer; Penger 12\u00a0000 kroner", facts["Gevinster identifisert"]);
        Assert.Equal("Spart tid 80 timer; Penger 9\u00a0000 kroner", facts["Gevinster planlagt realisert i år"]);
        // The realised figures still come from the weeks, as before.
        Assert.Equal("Spart tid 5,5 timer", facts["Gevinster denne uken"]);
        Assert.StartsWith("this week: ", english["Benefits identified"], StringComparison.Ordinal);
        Assert.Contains("107.5", english["Benefits identified"], StringComparison.Ordinal);
        Assert.Contains("80", english["Benefits planned to be realised this year"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DigestCommand_NoEstimatesOrPlans_SaysNone()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "ukeoppsummering"));
        var facts = LastFacts();

        Assert.Equal(("denne uken: ingen · hittil i år: ingen", "ingen"), (facts["Gevinster identifisert"], facts["Gevinster planlagt realisert i år"]));
    }

    /// <summary>The digest card's first list of facts, by title.</summary>
    private Dictionary<string, string> LastFacts() =>
        JsonNode.Parse(LastReply())!["body"]!.AsArray().First(e => (string?)e!["type"] == "FactSet")!["facts"]!.AsArray()
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!, StringComparer.Ordinal);

    [Fact]
    public async Task Digest_ThisWeeksFromTheOverviewReadModel_EqualsTheWeeksRecountedFromCheckInsAndRecords()
    {
        await SeedWeekAsync();
        // A correction after the seeding: Servicetorget's meeting was not held after all, and saved nothing.
        var checkIns = _bot.App.Services.GetRequiredService<CheckInStore>();
        var torget = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "servicetorget", default))!;
        var stored = (await checkIns.GetAsync(_bot.TenantId, "servicetorget", MeetingClock.Latest(torget, FridayNoon), default))!;
        var (outcome, corrected) = await checkIns.CorrectAsync(_bot.TenantId, stored with { MeetingHeld = false, NotHeldReason = NotHeldReason.TooBusy, Attendance = null, Benefits = [] }, stored.ETag!, default);
        Assert.Equal(SubmitOutcome.Stored, outcome);
        await _bot.App.Services.GetRequiredService<LeanTeamsApp.Infrastructure.Events.Announcer<CheckInStored>>().AnnounceAsync(new CheckInStored(_bot.TenantId, torget, corrected!, FridayNoon), default);
        // And an estimate with a plan, stored and announced as the tab does.
        var estimate = new Benefit("byggesak", "estimate", BenefitKind.TimeSaved, BenefitStage.Identified, 0, BenefitMeasure.Hours, [], new DateOnly(2026, 11, 17), "Randi Lie", RecordSource.Command) { Title = "Anslag" }
            .WithStage(BenefitStage.Identified, 12m, new DateOnly(2026, 11, 17)).WithStage(BenefitStage.Planned, 10m, new DateOnly(2026, 12, 31));
        Assert.True((await _bot.App.Services.GetRequiredService<ImprovementStore>().AddBenefitAsync(_bot.TenantId, estimate, default)).Added);
        await _bot.App.Services.GetRequiredService<LeanTeamsApp.Infrastructure.Events.Announcer<BoardChanged>>().AnnounceAsync(
            new BoardChanged(_bot.TenantId, (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!, FridayNoon), default);
        var week = IsoWeek.Of(DateOnly.FromDateTime(FridayNoon.UtcDateTime));

        var (recent, year, _, _) = await _bot.App.Services.GetRequiredService<DigestService>().AggregatesAsync(_bot.TenantId, week, FridayNoon, default);

        // The same rows as the week and year rows the digest read before, ...
        var weeks = _bot.App.Services.GetRequiredService<UnitWeekStore>();
        string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value);
        Assert.Equal(
            (await weeks.ListWeeksAsync(_bot.TenantId, week.Previous.Previous.Previous, week, default)).Select(Json).Order(StringComparer.Ordinal),
            recent.Select(Json).Order(StringComparer.Ordinal));
        Assert.Equal((await weeks.ListYearAsync(_bot.TenantId, week.Year, default)).Select(Json).Order(StringComparer.Ordinal), year.Select(Json).Order(StringComparer.Ordinal));
        // ... and each week as counted again now from the unit's check-in and records.
        var records = _bot.App.Services.GetRequiredService<ImprovementStore>();
        Assert.Contains(recent, w => w.UnitId == "servicetorget" && w.Week == week && w.Reported && !w.Held && w.Benefits.Count == 0);
        foreach (var read in recent)
        {
            var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, read.UnitId, default))!;
            var checkIn = await checkIns.GetAsync(_bot.TenantId, unit.Id, MeetingClock.DateIn(unit, read.Week), default);
            var recounted = UnitWeekStore.Count(unit.Id, read.Week, checkIn,
                await records.ListBenefitsAsync(_bot.TenantId, unit.Id, default), await records.ListImprovementsAsync(_bot.TenantId, unit.Id, default), TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone));
            Assert.Equal(Json(recounted), Json(read));
        }

        Assert.Equal(3, recent.Count(w => w.Week == week && w.Reported));

        // The estimates and plans each row keeps are those its unit's records give now.
        var rows = await _bot.App.Services.GetRequiredService<UnitWeeks>().ListOverviewAsync(_bot.TenantId, default);
        Assert.Contains(rows, r => r.Stages is { Figures.Count: > 0 });
        foreach (var row in rows)
        {
            var benefits = await records.ListBenefitsAsync(_bot.TenantId, row.UnitId, default);
            Assert.Equal(Json(UnitWeekStore.StagesOf(benefits, DateOnly.FromDateTime(FridayNoon.UtcDateTime))), Json(row.Stages!));
        }
    }

    [Fact]
    public async Task Digest_AppointmentsReadStillPlannedAndStartingBeforeTheFortnightEnds_NamesWhatTheYearsPlanNames()
    {
        await SeedWeekAsync();
        var services = _bot.App.Services;
        var org = (await _bot.App.Store.GetOrganisationAsync(_bot.TenantId, default))!;
        await services.GetRequiredService<PlanningCommands>().PlanYearAsync(_bot.TenantId, org, 2026, new DateOnly(2026, 1, 1), default);
        var wheel = services.GetRequiredService<YearWheel>();
        var plan = await wheel.ListYearAsync(_bot.TenantId, 2026, default);
        // The digest a day before the second appointment ahead: the first passed appointment held and recorded, the first
        // ahead cancelled, so the digest names neither.
        var ahead = plan.Where(a => a.Plan.Start >= FridayNoon).OrderBy(a => a.Plan.Start).ToList();
        Assert.True(ahead.Count >= 2, $"{ahead.Count} appointments ahead");
        var at = ahead[1].Plan.Start.AddDays(-1);
        var held = plan.Where(a => a.Plan.End < FridayNoon).OrderBy(a => a.Plan.Start).First();
        Assert.True(await wheel.MarkDoneAsync(_bot.TenantId, held, default));
        var cancelled = ahead[0];
        Assert.True(await services.GetRequiredService<AppointmentStore>().UpdateAsync(_bot.TenantId, cancelled with { Status = AppointmentStatus.Cancelled }, default));
        var week = IsoWeek.Of(DateOnly.FromDateTime(at.UtcDateTime));

        var read = await services.GetRequiredService<DigestService>().ReadAsync(_bot.TenantId, week, at, default);
        var digest = DigestService.Compose(org, week, at, null, read);
        var fromThePlan = DigestService.Compose(org, week, at, null, read with { Planned = await wheel.ListYearAsync(_bot.TenantId, 2026, default) });

        Assert.True(read.Planned.Count < plan.Count, $"{read.Planned.Count} of {plan.Count}");
        Assert.NotEmpty(digest.Upcoming);
        Assert.NotEmpty(digest.Overdue);
        Assert.Equal(fromThePlan.Upcoming.Select(a => a.Id), digest.Upcoming.Select(a => a.Id));
        Assert.Equal(fromThePlan.Overdue.Select(a => a.Id), digest.Overdue.Select(a => a.Id));
        Assert.DoesNotContain(digest.Overdue.Concat(digest.Upcoming), a => a.Id == held.Id || a.Id == cancelled.Id);
        Assert.Equal(DigestCard.Create(Language.Nb, org.Name, fromThePlan).ToJson().ToJsonString(), DigestCard.Create(Language.Nb, org.Name, digest).ToJson().ToJsonString());
    }

    [Fact]
    public async Task DigestCommand_ServiceAreaLeader_SeesOnlyTheirArea()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.HelseLeader, "digest", "en-GB"));

        var card = LastReply();
        Assert.Contains("Helse og omsorg – ", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Samfunnsutvikling og teknikk", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DigestCommand_UnitLeader_IsRefused()
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "digest", "en-GB"));

        Assert.Contains("You are not allowed to see the whole organisation's figures.", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduler_TwoInstancesAtTheDigestTime_PostTheWeekOnce()
    {
        await SetCoordinatorChannelAsync();
        var second = ActivatorUtilities.CreateInstance<DigestScheduler>(_bot.App.Services);

        var queued = await Task.WhenAll(Scheduler.RunTenantAsync(_bot.TenantId, default), second.RunTenantAsync(_bot.TenantId, default));
        var again = await Scheduler.RunTenantAsync(_bot.TenantId, default);

        Assert.Single(queued, q => q);
        Assert.False(again);
        var posts = await DeliverAsync();
        var post = Assert.Single(posts);
        Assert.Equal(TeamsActivities.ForumChannelId, post.Parameters!.ChannelData!.Channel!.Id);
        Assert.Contains("Forbedringsforum uke 47", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduler_BeforeTheDigestTime_PostsLastWeeksThenThisWeeksAtTheTime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 10, 59, 0, TimeSpan.Zero));
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" }, time: clock);
        using var installed = await bot.PostAsync(bot.Activities.TeamInstalled(bot.Coordinator));
        await bot.SayAsync(bot.Activities.ChannelMessage(bot.Coordinator, "sett koordinatorkanal", channelId: TeamsActivities.ForumChannelId, channelName: "Forbedringsforum"));
        var scheduler = bot.App.Services.GetRequiredService<DigestScheduler>();
        Assert.True(await scheduler.RunTenantAsync(bot.TenantId, default));
        var lastWeeks = await bot.App.Services.GetRequiredService<Outbox>().GetAsync(bot.TenantId, "digest|2026-W46", default);

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 10, 59, 30, TimeSpan.Zero));
        var stillBefore = await scheduler.RunTenantAsync(bot.TenantId, default);
        clock.SetUtcNow(FridayNoon);
        var atNoon = await scheduler.RunTenantAsync(bot.TenantId, default);

        Assert.NotNull(lastWeeks);
        Assert.False(stillBefore);
        Assert.True(atNoon);
    }

    [Fact]
    public async Task Scheduler_AfterDowntimeOverTheDigestTime_PostsTheMissedWeekOnce()
    {
        await SetCoordinatorChannelAsync();
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

        var first = await Scheduler.RunTenantAsync(_bot.TenantId, default);
        var second = await Scheduler.RunTenantAsync(_bot.TenantId, default);

        Assert.Equal((true, false), (first, second));
        Assert.NotNull(await _bot.App.Services.GetRequiredService<Outbox>().GetAsync(_bot.TenantId, "digest|2026-W47", default));
        Assert.Contains("Forbedringsforum uke 47", Assert.Single(await DeliverAsync()).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduler_NoCoordinatorChannel_PostsNothing()
    {
        Assert.False(await Scheduler.RunTenantAsync(_bot.TenantId, default));
        Assert.Null(await _bot.App.Services.GetRequiredService<Outbox>().GetAsync(_bot.TenantId, "digest|2026-W47", default));
    }

    [Fact]
    public async Task Scheduler_DigestTimeSetByTheOrganisation_IsFollowed()
    {
        await SetCoordinatorChannelAsync();
        var store = _bot.App.Store;
        var org = (await store.GetOrganisationAsync(_bot.TenantId, default))!;
        Assert.Equal(WriteOutcome.Written, (await store.SaveOrganisationAsync(org with { Digest = new DigestSchedule(DayOfWeek.Monday, new TimeOnly(9, 0)) }, default)).Outcome);

        Assert.Equal(new IsoWeek(2026, 47), DigestScheduler.DuePeriod((await store.GetOrganisationAsync(_bot.TenantId, default))!, FridayNoon));
        Assert.Equal(new IsoWeek(2026, 47), DigestScheduler.DuePeriod(org with { Digest = new DigestSchedule(DayOfWeek.Monday, new TimeOnly(9, 0)) }, new DateTimeOffset(2026, 11, 23, 7, 59, 0, TimeSpan.Zero)));
        Assert.Equal(new IsoWeek(2026, 48), DigestScheduler.DuePeriod(org with { Digest = new DigestSchedule(DayOfWeek.Monday, new TimeOnly(9, 0)) }, new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(150)]
    public async Task DigestCard_0_1_150Units_IsAValidCardUnderTeamsSizeLimit(int count)
    {
        var areas = Enumerable.Range(0, 10).Select(i => new ServiceArea($"area-{i}", $"Tjenesteområde {i}", ServiceAreaKind.ServiceArea, $"tol{i}@k.no")).ToList();
        var units = Enumerable.Range(0, count).Select(i => new Unit($"unit-{i}", $"Enhet nummer {i} med et langt navn", $"area-{i % 10}", $"leder{i}@k.no", [], "Europe/Oslo",
            new BoardMeeting((DayOfWeek)(1 + (i % 5)), new TimeOnly(8, 30), 15), new DateOnly(2025, 1, 6), null, null)).ToList();
        var week = new IsoWeek(2026, 47);
        var weeks = units.SelectMany((u, i) => new[] { week, week.Previous, week.Previous.Previous, week.Previous.Previous.Previous }.Select(w => new UnitWeek(u.Id, w)
        {
            Reported = i % 7 != 0,
            Held = i % 5 != 0,
            ImprovementsNew = i % 3,
            ImprovementsDone = i % 2,
            HelpNeeded = i % 11 == 0 ? "Vi trenger hjelp med å komme i gang igjen etter omorganiseringen" : null,
            Benefits = [new BenefitSum(BenefitKind.TimeSaved, BenefitMeasure.Hours, 1.5m, i % 13 == 0 ? [$"unit-{(i + 1) % count}"] : [])],
        })).ToList();
        var digest = WeeklyDigest.Compute(week, FridayNoon, areas, units, weeks, [], [], 3, (_, _) => false);

        var json = DigestCard.Create(Language.Nb, "Store kommune", digest).ToJson().ToJsonString();

        // Teams counts a message's size in UTF-16; it refuses more than about 100 KB and advises at most 80 KB.
        Assert.True(Encoding.Unicode.GetByteCount(json) < 80 * 1024, $"{Encoding.Unicode.GetByteCount(json)} bytes");
        var name = $"digest-{count}-units";
        var verdicts = await OfficialRenderer.ValidateAsync(new Dictionary<string, string> { [name] = json }, OfficialRenderer.ArtifactsFolder);
        Assert.True(verdicts[name].IsValid, verdicts[name].ToString());
        Assert.Equal(count == 0 ? 0 : Math.Min(count, 10), JsonNode.Parse(json)!["body"]!.AsArray().Count(e => (string?)e!["type"] == "Container" && e["isVisible"] is not null));
    }

    [Fact]
    public async Task DigestCard_FromTheSeededWeek_IsValidForTheOfficialRenderer()
    {
        await SeedWeekAsync();
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "digest", "sv-SE"));

        var verdicts = await OfficialRenderer.ValidateAsync(new Dictionary<string, string> { ["digest-seeded"] = LastReply() }, OfficialRenderer.ArtifactsFolder);

        Assert.True(verdicts["digest-seeded"].IsValid, verdicts["digest-seeded"].ToString());
    }

    [Fact]
    public async Task DigestCard_AskedInNynorsk_IsWrittenInNynorskAndValidForTheOfficialRenderer()
    {
        await SeedWeekAsync();
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "vekeoppsummering", "nn-NO"));
        var card = LastReply();

        var verdicts = await OfficialRenderer.ValidateAsync(new Dictionary<string, string> { ["digest-seeded-nn"] = card }, OfficialRenderer.ArtifactsFolder);

        Assert.True(verdicts["digest-seeded-nn"].IsValid, verdicts["digest-seeded-nn"].ToString());
        Assert.Contains("Forbetringsforum veke 47", card, StringComparison.Ordinal);
        Assert.Contains("Tavlemøte gjennomførte", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Forbedringer", card, StringComparison.Ordinal);
    }

    /// <summary>
    /// Week 47: Byggesak submits its check-in on the card (2 new improvements, 1 started two weeks ago moved to done,
    /// 2 deviations, 3.5 hours that affect Servicetorget, a call for help); Servicetorget held its meeting and saved 2
    /// hours; Vann og avløp did not hold it. Byggesak saved 4 hours in week 40, which counts for the year only.
    /// </summary>
    private async Task SeedWeekAsync()
    {
        var byggesak = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!;
        var meeting = MeetingClock.Latest(byggesak, FridayNoon);
        var started = FridayNoon.AddDays(-14);
        await _bot.App.Services.GetRequiredService<ImprovementStore>().AddImprovementAsync(_bot.TenantId,
            new("byggesak", "started", "Ny mal for nabovarsel", "Randi Lie", ImprovementStage.InProgress,
                RecordSource.Command, started)
            {
                History = [new(ImprovementStage.InProgress, "Randi Lie", started)],
            },
            default);
        var answers = new JsonObject
        {
            ["unitId"] = "byggesak",
            ["meetingDate"] = meeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["held"] = "yes", ["attendance"] = "8", ["goal0"] = "Green", ["goal1"] = "Red",
            ["improvementsNew"] = "Digital sjekkliste\nFast veiledningstid",
            ["shown"] = new JsonObject { ["started"] = "InProgress" }, ["stage-started"] = "Done",
            ["deviations"] = "Feil i skjema\nVentetid på attest",
            ["benefitKind"] = "TimeSaved", ["benefitAmount"] = "3.5", ["benefitMeasure"] = "Hours", ["benefitAffects"] = "servicetorget",
            ["helpNeeded"] = "Hjelp med verdistrømanalyse",
        };
        var invoke = _bot.Activities.Invoke(_bot.ByggesakLeader, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = CheckInCard.SubmitVerb, ["data"] = answers },
            ["trigger"] = "manual",
        });
        using var response = await _bot.PostAsync(invoke);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

        var checkIns = _bot.App.Services.GetRequiredService<CheckInStore>();
        var weeks = _bot.App.Services.GetRequiredService<UnitWeekStore>();
        async Task StoreAsync(string unitId, DateOnly date, bool held, decimal hours)
        {
            IReadOnlyList<BenefitEntry> benefits = hours > 0 ? [new BenefitEntry(BenefitKind.TimeSaved, hours, BenefitMeasure.Hours, [])] : [];
            var checkIn = new CheckIn(unitId, date, held, held ? null : NotHeldReason.TooBusy, held ? 5 : null, 0, 0, 0, [], benefits, null, null, "Seed", FridayNoon);
            await checkIns.SubmitAsync(_bot.TenantId, checkIn, default);
            await _bot.App.Services.GetRequiredService<ImprovementStore>().RecordCheckInAsync(_bot.TenantId, checkIn.UnitId, checkIn.MeetingDate, CheckInRecords.Of(checkIn), default);
            await weeks.RefreshAsync(_bot.TenantId, (await _bot.App.Store.GetUnitAsync(_bot.TenantId, unitId, default))!, date, default);
        }

        var torget = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "servicetorget", default))!;
        var vann = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "vann-og-avlop", default))!;
        await StoreAsync("servicetorget", MeetingClock.Latest(torget, FridayNoon), true, 2m);
        await StoreAsync("vann-og-avlop", MeetingClock.Latest(vann, FridayNoon), false, 0m);
        await StoreAsync("byggesak", meeting.AddDays(-49), true, 4m);
    }

    private async Task<int> ExpectedThisWeekAsync()
    {
        var units = await _bot.App.Store.ListUnitsAsync(_bot.TenantId, default);
        return units.Count(u => MeetingClock.Latest(u, FridayNoon) >= new DateOnly(2026, 11, 16)
            && new DateTimeOffset(MeetingClock.Latest(u, FridayNoon).ToDateTime(u.BoardMeeting.End), TimeSpan.FromHours(1)) <= FridayNoon);
    }

    private async Task SetCoordinatorChannelAsync() =>
        await _bot.SayAsync(_bot.Activities.ChannelMessage(_bot.Coordinator, "sett koordinatorkanal", channelId: TeamsActivities.ForumChannelId, channelName: "Forbedringsforum"));

    private async Task<List<RecordedRequest>> DeliverAsync()
    {
        await _bot.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);
        return [.. _bot.Connector.Requests.Where(r => r.Operation == ConnectorOperation.CreateConversation && r.Parameters?.ChannelData?.Channel?.Id == TeamsActivities.ForumChannelId && r.Body.Contains("Forbedringsforum uke", StringComparison.Ordinal))];
    }

    private string LastReply() =>
        _bot.Connector.Requests.Last(r => r.Operation == ConnectorOperation.Reply).Activity!.Attachments![0].Content!.ToJsonString(
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
