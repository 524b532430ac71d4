using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Infrastructure.Auth;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Upkeep;

/// <summary>
/// The organisation edited one thing at a time in the tab, through the same rules, journal and history as an import:
/// units added, edited, moved, archived and restored, a service area's goals, the settings; a unit's leader and a
/// service area's leader each edit only their part; a stale ETag is a 412; every change is in the history.
/// </summary>
public sealed class OrganisationFormTests : IAsyncLifetime
{
    private const string CoordinatorEmail = "lean.koordinator@fjordvik.kommune.no";
    private const string ByggesakLeader = "leder.byggesak@fjordvik.kommune.no";
    private const string SamfunnLeader = "tol.samfunn@fjordvik.kommune.no";

    // Monday 23 November 2026, 07:00 in Oslo: Byggesak's board meeting is on Thursday at 09:30.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private BotHost _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var settings = DevelopmentSignIn.Settings();
        settings["Outbox:Enabled"] = "false";
        settings["CheckIns:SchedulerEnabled"] = "false";
        _bot = await BotHost.StartAsync(settings, time: _clock, environment: DevelopmentSignIn.Environment);
        _http = _bot.App.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
    }

    private string Token(string email, string name = "Someone") =>
        TabAuthModule.IssueDevToken(_bot.App.Services.GetRequiredService<DevSigningKey>(), _bot.TenantId, email, name, DateTimeOffset.UtcNow);

    private string Coordinator => Token(CoordinatorEmail, "Jonas Vik");

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(
        HttpMethod method, string path, string token, JsonNode? body = null, string? ifMatch = null, string? language = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private async Task<JsonObject> UnitFormAsync(string unitId, string? token = null)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"/api/tab/organisation/units/{unitId}", token ?? Coordinator);
        Assert.Equal(HttpStatusCode.OK, status);
        return body!.AsObject();
    }

    private async Task<JsonArray> HistoryAsync(string? unitId = null)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/api/tab/organisation/history" + (unitId is null ? "" : "?unitId=" + unitId), Coordinator);
        Assert.Equal(HttpStatusCode.OK, status);
        return body!.AsArray();
    }

    private static IEnumerable<JsonNode> Changes(JsonArray history) => history.SelectMany(e => e!["changes"]!.AsArray()).Select(c => c!);

    /// <summary>Every row of the tenant in the directory and the change history, to show that a refusal wrote nothing.</summary>
    private async Task<string> StoredAsync()
    {
        var rows = new List<string>();
        var tables = _bot.App.Services.GetRequiredService<StorageTables>();
        foreach (var table in new[] { OrganisationStore.DirectoryTable, "OrganisationChanges" })
        {
            await foreach (var row in tables.Get(table).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {_bot.TenantId}")))
            {
                rows.Add($"{table}/{row.RowKey}/{row.ETag}");
            }
        }

        return string.Join("\n", rows.Order(StringComparer.Ordinal));
    }

    private static JsonObject NewUnit() => new()
    {
        ["id"] = "oppmaling",
        ["name"] = "Oppmåling",
        ["serviceArea"] = "samfunn-og-teknikk",
        ["leader"] = "ny.leder@fjordvik.kommune.no",
        ["leaderName"] = "Nora Leder",
        ["coordinators"] = new JsonArray("linn.aasen@fjordvik.kommune.no"),
        ["timeZone"] = "Europe/Oslo",
        ["boardMeeting"] = new JsonObject { ["weekday"] = "onsdag", ["time"] = "08:15", ["minutes"] = 15 },
        ["leanStart"] = "2026-12-01",
        ["guidance"] = new JsonObject { ["consultant"] = "ingrid.solheim@fjordvik.kommune.no", ["from"] = "2026-12-01", ["to"] = "2027-05-31" },
        ["goals"] = new JsonArray(new JsonObject { ["title"] = "Raskere matrikkelføring", ["supports"] = "effektiv-saksbehandling" }),
    };

    [Fact]
    public async Task CreateUnit_ByTheCoordinator_IsStoredWithANewLeaderAndInTheHistory()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/tab/organisation/units", Coordinator, NewUnit());

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.False(string.IsNullOrEmpty((string?)body!["etag"]));
        var unit = await _bot.App.Store.GetUnitAsync(_bot.TenantId, "oppmaling", default);
        Assert.NotNull(unit);
        Assert.Equal(("Oppmåling", "ny.leder@fjordvik.kommune.no", DayOfWeek.Wednesday), (unit.Name, unit.LeaderId, unit.BoardMeeting.Weekday));
        Assert.Equal("effektiv-saksbehandling", unit.GoalSupports["Raskere matrikkelføring"]);
        Assert.Equal("Nora Leder", (await _bot.App.Store.GetPersonAsync(_bot.TenantId, "ny.leder@fjordvik.kommune.no", default))!.Name);
        var history = await HistoryAsync("oppmaling");
        Assert.Equal("Jonas Vik", (string?)history.Single()!["byName"]);
        Assert.Contains(Changes(history), c => (string?)c["kind"] == "added" && (string?)c["id"] == "oppmaling");

        var (again, problem) = await SendAsync(HttpMethod.Post, "/api/tab/organisation/units", Coordinator, NewUnit());
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.NotNull(problem!["errors"]!["id"]);
    }

    [Fact]
    public async Task EditUnit_NameLeaderCoordinatorsAndGoals_AreSavedAndTheHistoryHasBeforeAndAfter()
    {
        var form = await UnitFormAsync("byggesak");
        form["name"] = "Byggesak og oppmåling";
        form["leader"] = "leder.vannavlop@fjordvik.kommune.no";
        form["coordinators"] = new JsonArray("linn.aasen@fjordvik.kommune.no", "Per Ny <per.ny@fjordvik.kommune.no>");
        form["goals"] = new JsonArray(
            new JsonObject { ["title"] = "Saksbehandlingstid under 2 uker", ["supports"] = "effektiv-saksbehandling" },
            new JsonObject { ["title"] = "Forutsigbare tilsyn", ["supports"] = "forutsigbar-drift" });

        var (status, body) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/byggesak", Coordinator, form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual((string?)form["etag"], (string?)body!["etag"]);
        var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!;
        Assert.Equal("Byggesak og oppmåling", unit.Name);
        Assert.Equal("leder.vannavlop@fjordvik.kommune.no", unit.LeaderId);
        Assert.Equal(["linn.aasen@fjordvik.kommune.no", "per.ny@fjordvik.kommune.no"], unit.CoordinatorIds);
        Assert.Equal("forutsigbar-drift", unit.GoalSupports["Forutsigbare tilsyn"]);
        var changes = Changes(await HistoryAsync("byggesak")).ToList();
        var leader = changes.Single(c => (string?)c["field"] == "leader");
        Assert.Equal((ByggesakLeader, "leder.vannavlop@fjordvik.kommune.no"), ((string?)leader["before"], (string?)leader["after"]));
        Assert.Contains(changes, c => (string?)c["field"] == "coordinators" && ((string?)c["after"])!.Contains("per.ny@", StringComparison.Ordinal));
        Assert.Contains(changes, c => (string?)c["field"] == "goals" && ((string?)c["after"])!.Contains("Forutsigbare tilsyn -> forutsigbar-drift", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditUnit_BrokenFields_Answer400NamingEachFieldAndWriteNothing()
    {
        var form = await UnitFormAsync("byggesak");
        form["boardMeeting"] = new JsonObject { ["weekday"] = "someday", ["time"] = "25:00", ["minutes"] = 500 };
        form["coordinators"] = new JsonArray("a@fjordvik.kommune.no", "b@fjordvik.kommune.no", "c@fjordvik.kommune.no");
        form["goals"] = new JsonArray(new JsonObject { ["title"] = "Mål", ["supports"] = "finnes-ikke" }, new JsonObject { ["title"] = "" });
        var before = await StoredAsync();

        var (status, body) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/byggesak", Coordinator, form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["boardMeeting.minutes", "boardMeeting.time", "boardMeeting.weekday", "coordinators", "goals[0].supports", "goals[1].title"], errors);
        Assert.Equal(before, await StoredAsync());

        form = await UnitFormAsync("byggesak");
        form["goals"] = new JsonArray(new JsonObject { ["title"] = "Mål", ["supports"] = "finnes-ikke" });
        (status, body) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/byggesak", Coordinator, form, language: "en-GB");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("unknown goal", (string?)body!["errors"]!["goals[0].supports"]![0], StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task MoveUnit_ToAnotherServiceArea_NeedsItsGoalsRelinkedAndThenMovesIt()
    {
        var form = await UnitFormAsync("byggesak");
        form["serviceArea"] = "helse-og-omsorg";

        var (refused, problem) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/byggesak", Coordinator, form, language: "en-GB");
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("cannot support", (string?)problem!["errors"]!["goals[0].supports"]![0], StringComparison.Ordinal);

        form["goals"] = new JsonArray(new JsonObject { ["title"] = "Saksbehandlingstid under 3 uker", ["supports"] = "brukeren-i-sentrum" });
        var (status, _) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/byggesak", Coordinator, form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(await _bot.App.Store.ListUnitsInServiceAreaAsync(_bot.TenantId, "helse-og-omsorg", default), u => u.Id == "byggesak");
        Assert.DoesNotContain(await _bot.App.Store.ListUnitsInServiceAreaAsync(_bot.TenantId, "samfunn-og-teknikk", default), u => u.Id == "byggesak");
        Assert.Contains(Changes(await HistoryAsync("byggesak")), c => (string?)c["field"] == "serviceArea" && (string?)c["after"] == "helse-og-omsorg");
    }

    [Fact]
    public async Task ConcurrentEdits_TheSecondWithTheSameETag_Is412AndLosesNothing()
    {
        var first = await UnitFormAsync("byggesak");
        var second = first.DeepClone().AsObject();
        first["name"] = "Byggesak A";
        second["name"] = "Byggesak B";

        var (saved, _) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/byggesak", Coordinator, first);
        var (stale, problem) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/byggesak", Coordinator, second);

        Assert.Equal(HttpStatusCode.OK, saved);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale);
        Assert.Equal("Changed by someone else", (string?)problem!["title"]);
        Assert.Equal("Byggesak A", (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!.Name);

        // The same through If-Match, as the rest of the tab API takes it.
        second.Remove("etag");
        (stale, _) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/byggesak", Coordinator, second, ifMatch: (string?)first["etag"]);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale);
    }

    [Fact]
    public async Task ArchiveThenRestore_ArchivedUnitGetsNoPromptAtItsMeetingAndARestoredOneDoes()
    {
        var store = _bot.App.Store;
        var byggesak = (await store.GetUnitAsync(_bot.TenantId, "byggesak", default))!;
        Assert.Equal(WriteOutcome.Written, (await store.SaveUnitAsync(_bot.TenantId, byggesak with { Channel = new ChannelReference(TeamsActivities.TeamId, TeamsActivities.ByggesakChannelId, "Byggesak") }, default)).Outcome);
        using (var installed = await _bot.PostAsync(_bot.Activities.TeamInstalled(_bot.Coordinator)))
        {
            Assert.True(installed.IsSuccessStatusCode);
        }

        var scheduler = _bot.App.Services.GetRequiredService<CheckInScheduler>();
        await scheduler.RunTenantAsync(_bot.TenantId, default);

        var form = await UnitFormAsync("byggesak");
        var (archived, body) = await SendAsync(HttpMethod.Post, "/api/tab/organisation/units/byggesak/archive", Coordinator, new JsonObject { ["etag"] = form["etag"]!.DeepClone() });
        Assert.Equal(HttpStatusCode.OK, archived);
        Assert.True((bool)body!["archived"]!);
        Assert.True((await store.GetUnitAsync(_bot.TenantId, "byggesak", default))!.Archived);

        // Thursday 26 November: the meeting ends 09:45 in Oslo, the prompt is due five minutes later.
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await scheduler.RunTenantAsync(_bot.TenantId, default);
        Assert.Empty(await PromptsToByggesakAsync());

        var (restored, again) = await SendAsync(HttpMethod.Post, "/api/tab/organisation/units/byggesak/restore", Coordinator, null, ifMatch: (string?)body["etag"]);
        Assert.Equal(HttpStatusCode.OK, restored);
        Assert.False((bool)again!["archived"]!);
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await scheduler.RunTenantAsync(_bot.TenantId, default);
        Assert.Single(await PromptsToByggesakAsync());

        var changes = Changes(await HistoryAsync("byggesak")).Where(c => (string?)c["field"] == "archived").ToList();
        Assert.Equal(["yes", "no"], changes.Select(c => (string)c["after"]!).Reverse());
    }

    private async Task<List<RecordedRequest>> PromptsToByggesakAsync()
    {
        await _bot.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);
        return [.. _bot.Connector.Requests.Where(r => r.Operation == ConnectorOperation.CreateConversation
            && r.Parameters?.ChannelData?.Channel?.Id == TeamsActivities.ByggesakChannelId)];
    }

    [Fact]
    public async Task ArchivedUnit_IsLeftOutOfTheOverviewWithoutReportsAndStaysInTheExport()
    {
        var form = await UnitFormAsync("byggesak");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, "/api/tab/organisation/units/byggesak/archive", Coordinator, null, ifMatch: (string?)form["etag"])).Status);

        var (_, overview) = await SendAsync(HttpMethod.Get, "/api/tab/overview", Coordinator);
        Assert.DoesNotContain(overview!["units"]!.AsArray(), u => (string?)u!["id"] == "byggesak");
        Assert.Contains(overview["units"]!.AsArray(), u => (string?)u!["id"] == "barneverntjenesten");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tab/organisation/file");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Coordinator);
        using var response = await _http.SendAsync(request);
        var yaml = await response.Content.ReadAsStringAsync();
        Assert.Contains("archived: true", yaml, StringComparison.Ordinal);
        var (previewed, preview) = await UploadAsync(yaml);
        Assert.Equal(HttpStatusCode.OK, previewed);
        Assert.Empty(preview!["problems"]!.AsArray());
        Assert.DoesNotContain(preview["changes"]!.AsArray(), c => (string)c!["kind"]! != "note");
    }

    [Fact]
    public async Task UnitLeader_EditsOwnMeetingCoordinatorsAndGoals_ButNothingElseAndNoOtherUnit()
    {
        var leader = Token(ByggesakLeader, "Randi Lie");
        var form = await UnitFormAsync("byggesak", leader);
        Assert.True((bool)form["leaderOnly"]!);
        // The leader has no list of the organisation's people or goals: the form names its own, by name and title.
        Assert.Contains(form["people"]!.AsArray(), p => (string?)p!["id"] == "linn.aasen@fjordvik.kommune.no" && (string?)p["name"] == "Linn Aasen");
        var areaGoals = (await _bot.App.Store.ListServiceAreasAsync(_bot.TenantId, default)).Single(a => a.Id == "samfunn-og-teknikk").Goals;
        var choices = form["goalChoices"]!.AsArray().Select(g => ((string?)g!["id"], (string?)g["title"])).ToList();
        Assert.Equal(areaGoals.Select(g => ((string?)g.Id, (string?)g.Title)), choices.Take(areaGoals.Count));
        Assert.Contains(choices, c => c.Item1 == "brukeren-i-sentrum"); // an overall goal
        var mine = new JsonObject
        {
            ["boardMeeting"] = new JsonObject { ["weekday"] = "tirsdag", ["time"] = "08:00", ["minutes"] = 20 },
            ["coordinators"] = new JsonArray("linn.aasen@fjordvik.kommune.no", "Per Ny <per.ny@fjordvik.kommune.no>"),
            ["goals"] = new JsonArray(new JsonObject { ["title"] = "Færre mangelfulle søknader", ["supports"] = "effektiv-saksbehandling" }),
            ["etag"] = form["etag"]!.DeepClone(),
        };

        var (status, body) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/byggesak", leader, mine);

        Assert.Equal(HttpStatusCode.OK, status);
        var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!;
        Assert.Equal(["linn.aasen@fjordvik.kommune.no", "per.ny@fjordvik.kommune.no"], unit.CoordinatorIds);
        Assert.Equal(["Færre mangelfulle søknader"], unit.Goals);
        Assert.Equal(("Byggesak", ByggesakLeader), (unit.Name, unit.LeaderId));
        // The fake clock stands still, so the demo's own import and this save may share an instant: look for the entry.
        Assert.Contains(await HistoryAsync("byggesak"), e => (string?)e!["byName"] == "Randi Lie");

        var before = await StoredAsync();
        var renamed = body!.DeepClone().AsObject();
        renamed["name"] = "Mitt navn";
        var (refused, problem) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/byggesak", leader, renamed);
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Contains("name", (string?)problem!["detail"], StringComparison.Ordinal);
        var other = await UnitFormAsync("barneverntjenesten");
        (refused, _) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/barneverntjenesten", leader, other);
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "/api/tab/organisation/units/byggesak/archive", leader, new JsonObject { ["etag"] = body["etag"]!.DeepClone() })).Status);
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [InlineData("sv-SE", "är inte ett klockslag", "ett måls titel har högst 120 tecken")]
    [InlineData("nn-NO", "er ikkje eit klokkeslett", "tittelen på eit mål har høgst 120 teikn")]
    public async Task UnitLeader_InSwedishOrNynorsk_SeesEachFieldErrorInTheirLanguageAndNothingIsWritten(string locale, string badTime, string longTitle)
    {
        var leader = Token(ByggesakLeader, "Randi Lie");
        var form = await UnitFormAsync("byggesak", leader);
        var title = new string('x', Goal.MaxTitleLength + 1);
        var mine = new JsonObject
        {
            ["boardMeeting"] = new JsonObject { ["weekday"] = "tirsdag", ["time"] = "25:00", ["minutes"] = 20 },
            ["coordinators"] = new JsonArray("linn.aasen@fjordvik.kommune.no"),
            ["goals"] = new JsonArray(new JsonObject { ["title"] = title, ["supports"] = "effektiv-saksbehandling" }),
            ["etag"] = form["etag"]!.DeepClone(),
        };
        var before = await StoredAsync();

        var (status, body) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/byggesak", leader, mine, language: locale);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalidField", (string?)body!["code"]);
        var language = Languages.FromLocale(locale);
        var time = (string?)body["errors"]!["boardMeeting.time"]![0];
        var goal = (string?)body["errors"]!["goals[0].title"]![0];
        Assert.Equal(ImportReason.Of(ImportReasonKind.NotStartTime, "25:00").In(language), time);
        Assert.Contains(badTime, time, StringComparison.Ordinal);
        Assert.Equal(ImportReason.Of(ImportReasonKind.GoalTitleTooLong, Goal.MaxTitleLength, title.Length).In(language), goal);
        Assert.StartsWith(longTitle, goal, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task ServiceAreaLeader_EditsTheAreaGoals_ButNotItsNameOrAnotherArea()
    {
        var leader = Token(SamfunnLeader, "Mona Strand");
        var (_, area) = await SendAsync(HttpMethod.Get, "/api/tab/organisation/areas/samfunn-og-teknikk", leader);
        var goals = area!["goals"]!.AsArray();
        goals.Add(new JsonObject { ["id"] = "klimatilpasning", ["title"] = "Klimatilpasning", ["supports"] = "baerekraftig-drift" });

        var (status, _) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/areas/samfunn-og-teknikk", leader, area);

        Assert.Equal(HttpStatusCode.OK, status);
        var stored = (await _bot.App.Store.ListServiceAreasAsync(_bot.TenantId, default)).Single(a => a.Id == "samfunn-og-teknikk");
        Assert.Contains(stored.Goals, g => g.Id == "klimatilpasning" && g.SupportsId == "baerekraftig-drift");
        Assert.Contains(Changes(await HistoryAsync()), c => (string?)c["subject"] == "serviceArea" && (string?)c["field"] == "goals");

        var before = await StoredAsync();
        var (_, fresh) = await SendAsync(HttpMethod.Get, "/api/tab/organisation/areas/samfunn-og-teknikk", leader);
        fresh!["name"] = "Mitt område";
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Put, "/api/tab/organisation/areas/samfunn-og-teknikk", leader, fresh)).Status);
        var (_, otherArea) = await SendAsync(HttpMethod.Get, "/api/tab/organisation/areas/helse-og-omsorg", Coordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Put, "/api/tab/organisation/areas/helse-og-omsorg", leader, otherArea)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/byggesak", leader, await UnitFormAsync("byggesak"))).Status);
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [InlineData("linn.aasen@fjordvik.kommune.no")] // unit coordinator of Byggesak
    [InlineData("ingrid.solheim@fjordvik.kommune.no")] // consultant
    [InlineData("radmann@fjordvik.kommune.no")] // top management
    [InlineData("ola.utenfor@fjordvik.kommune.no")] // not in the organisation
    public async Task Edits_ByAnyoneElse_Are403AndWriteNothing(string email)
    {
        var token = Token(email);
        var unit = await UnitFormAsync("byggesak");
        var (_, forms) = await SendAsync(HttpMethod.Get, "/api/tab/organisation/forms", Coordinator);
        var area = forms!["areas"]!.AsArray().Single(a => (string?)a!["id"] == "samfunn-og-teknikk")!;
        var before = await StoredAsync();

        var answers = new[]
        {
            (await SendAsync(HttpMethod.Get, "/api/tab/organisation/forms", token)).Status,
            (await SendAsync(HttpMethod.Post, "/api/tab/organisation/units", token, NewUnit())).Status,
            (await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/byggesak", token, unit)).Status,
            (await SendAsync(HttpMethod.Post, "/api/tab/organisation/units/byggesak/archive", token, null, ifMatch: (string?)unit["etag"])).Status,
            (await SendAsync(HttpMethod.Post, "/api/tab/organisation/units/byggesak/restore", token, null, ifMatch: (string?)unit["etag"])).Status,
            (await SendAsync(HttpMethod.Put, "/api/tab/organisation/areas/samfunn-og-teknikk", token, area.DeepClone())).Status,
            (await SendAsync(HttpMethod.Put, "/api/tab/organisation/settings", token, forms["settings"]!.DeepClone())).Status,
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Forbidden, a));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Settings_HolidayPeriodsReminderHoursAndDigestTime_AreSavedOrNamedWhenWrong()
    {
        var (_, forms) = await SendAsync(HttpMethod.Get, "/api/tab/organisation/forms", Coordinator);
        var settings = forms!["settings"]!.AsObject();
        settings["holidayPeriods"] = new JsonArray(new JsonObject { ["name"] = "Juleuke", ["from"] = "2026-12-28", ["to"] = "2026-12-24" });
        settings["digestTime"] = "25:99";
        var before = await StoredAsync();

        var (bad, problem) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/settings", Coordinator, settings);

        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal(["digestTime", "holidayPeriods[0].to"], problem!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(before, await StoredAsync());

        settings["holidayPeriods"] = new JsonArray(new JsonObject { ["name"] = "Juleuke", ["from"] = "2026-12-24", ["to"] = "2026-12-31" });
        settings["digestTime"] = "14:30";
        settings["digestWeekday"] = "torsdag";
        settings["reminderAfterHours"] = 6;
        var (status, _) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/settings", Coordinator, settings);

        Assert.Equal(HttpStatusCode.OK, status);
        var organisation = (await _bot.App.Store.GetOrganisationAsync(_bot.TenantId, default))!;
        Assert.Equal(new DigestSchedule(DayOfWeek.Thursday, new TimeOnly(14, 30)), organisation.Digest);
        Assert.Equal(6, organisation.ReminderAfterHours);
        Assert.Equal("Juleuke", organisation.HolidayPeriods.Single().Name);
        Assert.Contains(Changes(await HistoryAsync()), c => (string?)c["subject"] == "organisation" && (string?)c["field"] == "digest" && (string?)c["after"] == "Thursday 14:30");

        var (stale, _) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/settings", Coordinator, settings);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale);
    }

    [Fact]
    public async Task Settings_SavedInTheTab_KeepWhatTheFormDoesNotShow()
    {
        // Set in the organisation file: hours per årsverk, the benefit chase, tertials and Nynorsk in the channels.
        var store = _bot.App.Store;
        var stored = (await store.GetOrganisationAsync(_bot.TenantId, default))!;
        Assert.Equal(WriteOutcome.Written, (await store.SaveOrganisationAsync(
            stored with { HoursPerWorkYear = 1500m, BenefitChaseWeeks = 2, ReportCycle = ReportCycle.Tertial, WrittenLanguage = Language.Nn }, default)).Outcome);
        var (_, forms) = await SendAsync(HttpMethod.Get, "/api/tab/organisation/forms", Coordinator);
        var settings = forms!["settings"]!.AsObject();
        settings["digestTime"] = "14:30";

        var (status, _) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/settings", Coordinator, settings);

        Assert.Equal(HttpStatusCode.OK, status);
        var saved = (await store.GetOrganisationAsync(_bot.TenantId, default))!;
        Assert.Equal(new TimeOnly(14, 30), saved.Digest.Time);
        Assert.Equal((1500m, 2, ReportCycle.Tertial, (Language?)Language.Nn), (saved.HoursPerWorkYear, saved.BenefitChaseWeeks, saved.ReportCycle, saved.WrittenLanguage));
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> UploadAsync(string yaml, string? apply = null)
    {
        var path = $"/api/tab/organisation/file?fileName=organisation.yaml{(apply is null ? "" : "&apply=" + apply)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(yaml)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Coordinator);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text));
    }

    /// <summary>
    /// A file that leaves out Byggesak and its unit coordinator Linn Aasen: the unit is kept, still naming her, and she
    /// is removed. The file exported after that names her on the kept unit; uploaded back, it must change nothing.
    /// </summary>
    [Fact]
    public async Task ExportThenReimport_KeptUnitNamingARemovedPerson_ChangesNothingButNewlyNamingThemIsRefused()
    {
        using var download = new HttpRequestMessage(HttpMethod.Get, "/api/tab/organisation/file");
        download.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Coordinator);
        using var response = await _http.SendAsync(download);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n').ToList();
        var start = lines.FindIndex(l => l.TrimStart() == "- id: byggesak");
        var indent = lines[start].IndexOf('-', StringComparison.Ordinal);
        var end = lines.FindIndex(start + 1, l => l.Length <= indent || l[indent] != ' ');
        lines.RemoveRange(start, (end < 0 ? lines.Count : end) - start);
        lines.RemoveAll(l => l.TrimStart().StartsWith("- {email:", StringComparison.Ordinal) && l.Contains("linn.aasen@", StringComparison.Ordinal));
        var (_, preview) = await UploadAsync(string.Join('\n', lines));
        Assert.Empty(preview!["problems"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(string.Join('\n', lines), (string)preview["fingerprint"]!)).Status);
        Assert.True((await _bot.App.Store.GetPersonAsync(_bot.TenantId, "linn.aasen@fjordvik.kommune.no", default))!.Removed);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/tab/organisation/file");
        again.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Coordinator);
        using var exported = await _http.SendAsync(again);
        var yaml = await exported.Content.ReadAsStringAsync();
        var (status, reimport) = await UploadAsync(yaml);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(reimport!["problems"]!.AsArray());
        Assert.DoesNotContain(reimport["changes"]!.AsArray(), c => (string)c!["kind"]! != "note");

        // Naming her anew, on another unit, in a file or a form, is still refused.
        var renamed = yaml.Replace(
            "leader: \"leder.vannavlop@fjordvik.kommune.no\"", "leader: \"leder.vannavlop@fjordvik.kommune.no\"\n  coordinators: [linn.aasen@fjordvik.kommune.no]", StringComparison.Ordinal);
        Assert.NotEqual(yaml, renamed);
        var (_, refused) = await UploadAsync(renamed);
        Assert.Contains(refused!["problems"]!.AsArray(), p => (string?)p!["field"] == "coordinators");
        var form = await UnitFormAsync("vann-og-avlop");
        form["coordinators"] = new JsonArray("linn.aasen@fjordvik.kommune.no");
        var (bad, problem) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/vann-og-avlop", Coordinator, form, language: "en-GB");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("removed", (string?)problem!["errors"]!["coordinators"]![0], StringComparison.Ordinal);
    }

    private async Task<JsonObject> PersonAsync(string email)
    {
        var (status, forms) = await SendAsync(HttpMethod.Get, "/api/tab/organisation/forms", Coordinator);
        Assert.Equal(HttpStatusCode.OK, status);
        return forms!["people"]!.AsArray().Single(p => (string?)p!["id"] == email)!.AsObject();
    }

    private static JsonObject RolesOf(JsonObject person, bool coordinator, bool consultant, bool topManagement) => new()
    {
        ["person"] = person["id"]!.DeepClone(),
        ["coordinator"] = coordinator,
        ["consultant"] = consultant,
        ["topManagement"] = topManagement,
        ["etag"] = person["etag"]!.DeepClone(),
    };

    [Fact]
    public async Task Roles_CoordinatorAddsAndRemovesOrganisationWideRoles_StoredAndInTheHistory()
    {
        var newcomer = new JsonObject
        {
            ["person"] = "siv.ny@fjordvik.kommune.no",
            ["name"] = "Siv Ny",
            ["coordinator"] = true,
            ["topManagement"] = true,
        };

        var (added, body) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/roles", Coordinator, newcomer);

        Assert.Equal(HttpStatusCode.OK, added);
        Assert.Equal((true, false, true), ((bool)body!["coordinator"]!, (bool)body["consultant"]!, (bool)body["topManagement"]!));
        var siv = (await _bot.App.Store.GetPersonAsync(_bot.TenantId, "siv.ny@fjordvik.kommune.no", default))!;
        Assert.Equal(("Siv Ny", OrganisationRoles.Coordinator | OrganisationRoles.TopManagement), (siv.Name, siv.Roles));

        var petter = await PersonAsync("petter.aas@fjordvik.kommune.no");
        Assert.True((bool)petter["consultant"]!);
        var (removed, _) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/roles", Coordinator, RolesOf(petter, coordinator: false, consultant: false, topManagement: false));

        Assert.Equal(HttpStatusCode.OK, removed);
        Assert.Equal(OrganisationRoles.None, (await _bot.App.Store.GetPersonAsync(_bot.TenantId, "petter.aas@fjordvik.kommune.no", default))!.Roles);
        var changes = Changes(await HistoryAsync()).ToList();
        Assert.Contains(changes, c => (string?)c["subject"] == "person" && (string?)c["kind"] == "added" && (string?)c["id"] == "siv.ny@fjordvik.kommune.no");
        Assert.Contains(changes, c => (string?)c["subject"] == "person" && (string?)c["id"] == "petter.aas@fjordvik.kommune.no"
            && (string?)c["field"] == "roles" && (string?)c["before"] == "consultant");

        // The form Petter was read with is stale now: saving it again is a 412 and writes nothing.
        var before = await StoredAsync();
        var (stale, problem) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/roles", Coordinator, RolesOf(petter, coordinator: true, consultant: true, topManagement: false));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale);
        Assert.Equal("Changed by someone else", (string?)problem!["title"]);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Roles_RemovingTheLastLeanCoordinator_Is400NamingCoordinatorUntilSomeoneElseHasTheRole()
    {
        var jonas = await PersonAsync(CoordinatorEmail);
        var before = await StoredAsync();

        var (refused, problem) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/roles", Coordinator, RolesOf(jonas, coordinator: false, consultant: true, topManagement: false));

        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal(["coordinator"], problem!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, await StoredAsync());

        var ingrid = await PersonAsync("ingrid.solheim@fjordvik.kommune.no");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, "/api/tab/organisation/roles", Coordinator, RolesOf(ingrid, coordinator: true, consultant: true, topManagement: false))).Status);
        var (handedOver, _) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/roles", Coordinator, RolesOf(jonas, coordinator: false, consultant: true, topManagement: false));
        Assert.Equal(HttpStatusCode.OK, handedOver);
        Assert.Equal(OrganisationRoles.Consultant, (await _bot.App.Store.GetPersonAsync(_bot.TenantId, CoordinatorEmail, default))!.Roles);
    }

    [Fact]
    public async Task Roles_NewPersonWithoutAName_Is400NamingName()
    {
        var (status, problem) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/roles", Coordinator, new JsonObject { ["person"] = "ukjent@fjordvik.kommune.no", ["consultant"] = true });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]!["name"]);
        Assert.Null(await _bot.App.Store.GetPersonAsync(_bot.TenantId, "ukjent@fjordvik.kommune.no", default));
    }

    [Theory]
    [InlineData(ByggesakLeader)] // a unit leader
    [InlineData(SamfunnLeader)] // a service area's leader
    [InlineData("ola.utenfor@fjordvik.kommune.no")] // not in the organisation
    public async Task Roles_ChangedByAnyoneButTheCoordinator_Are403AndWriteNothing(string email)
    {
        var token = Token(email);
        var petter = await PersonAsync("petter.aas@fjordvik.kommune.no");
        var before = await StoredAsync();

        var answers = new[]
        {
            (await SendAsync(HttpMethod.Put, "/api/tab/organisation/roles", token, RolesOf(petter, coordinator: true, consultant: true, topManagement: true))).Status,
            (await SendAsync(HttpMethod.Put, "/api/tab/organisation/roles", token, new JsonObject { ["person"] = email, ["name"] = "Meg Selv", ["coordinator"] = true })).Status,
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Forbidden, a));
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [InlineData(CoordinatorEmail, true)]
    [InlineData(ByggesakLeader, true)]
    [InlineData("linn.aasen@fjordvik.kommune.no", false)] // a member (and unit coordinator) of Byggesak
    [InlineData(SamfunnLeader, false)] // the leader of Byggesak's service area
    public async Task UnitPage_CanEditUnit_IsTrueOnlyForThoseTheUnitFormAccepts(string email, bool expected)
    {
        var token = Token(email);

        var (status, unit) = await SendAsync(HttpMethod.Get, "/api/tab/units/byggesak", token);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, (bool)unit!["canEditUnit"]!);
        var (form, _) = await SendAsync(HttpMethod.Get, "/api/tab/organisation/units/byggesak", token);
        Assert.Equal(expected ? HttpStatusCode.OK : HttpStatusCode.Forbidden, form);
    }

    [Fact]
    public async Task UnitPage_AnotherUnitsLeader_DoesNotSeeTheUnitNorGetItsForm()
    {
        var token = Token("leder.barnevern@fjordvik.kommune.no");

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/api/tab/units/byggesak", token)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, "/api/tab/organisation/units/byggesak", token)).Status);
        var (status, own) = await SendAsync(HttpMethod.Get, "/api/tab/units/barneverntjenesten", token);
        Assert.Equal((HttpStatusCode.OK, true), (status, (bool)own!["canEditUnit"]!));
    }
}
