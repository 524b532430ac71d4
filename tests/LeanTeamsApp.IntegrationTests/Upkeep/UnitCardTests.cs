using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Upkeep;
using LeanTeamsApp.Infrastructure.Auth;
using LeanTeamsApp.Infrastructure.Storage;
using LeanTeamsApp.IntegrationTests.Cards;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Upkeep;

/// <summary>
/// `edit unit` in chat: a unit's leader changes the board meeting, unit coordinators and goals on a card, through the
/// same rules, ETag and history as the tab's form; nobody else but the Lean coordinator may, and a refusal, a stale
/// card or a wrong field writes nothing and loses nothing typed.
/// </summary>
public sealed class UnitCardTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Monday 23 November 2026, 07:00 in Oslo: Byggesak's board meeting is on Thursday.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        var settings = DevelopmentSignIn.Settings();
        settings["Outbox:Enabled"] = "false";
        _bot = await BotHost.StartAsync(settings, time: _clock, environment: DevelopmentSignIn.Environment);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    /// <summary>Byggesak's own unit Lean coordinator, known to Teams as the demo's other people are.</summary>
    private TeamsUser UnitCoordinator()
    {
        var user = TeamsUser.Create("Linn Aasen", "linn.aasen@fjordvik.kommune.no");
        _bot.Connector.SetMembers(TeamsActivities.PersonalConversationId(user), [new TeamsChannelAccount
        {
            Id = user.Id, Name = user.Name, AadObjectId = user.AadObjectId, UserPrincipalName = user.Email, Email = user.Email, TenantId = _bot.TenantId,
        }]);
        return user;
    }

    private Task<Unit> ByggesakAsync() => _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default)!;

    private async Task<(HttpStatusCode Status, string Body)> SaveAsync(TeamsUser caller, JsonObject inputs, string? etag, string locale = "nb-NO")
    {
        var data = inputs.DeepClone().AsObject();
        data["unitId"] = "byggesak";
        data["etag"] = etag;
        var invoke = _bot.Activities.Invoke(caller, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = UnitCard.SaveVerb, ["data"] = data },
            ["trigger"] = "manual",
        });
        invoke["locale"] = locale;
        invoke["replyToId"] = "unit-card-1";
        using var response = await _bot.PostAsync(invoke);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(body)!.ToJsonString(Unescaped));
    }

    private static JsonObject Inputs(string weekday = "tuesday", string time = "08:00", string minutes = "20", string goal0 = "Færre mangelfulle søknader") => new()
    {
        ["weekday"] = weekday,
        ["time"] = time,
        ["minutes"] = minutes,
        ["coordinator0"] = "linn.aasen@fjordvik.kommune.no",
        ["coordinator1"] = "",
        ["goal0"] = goal0,
        ["supports0"] = "effektiv-saksbehandling",
        ["goal1"] = "",
        ["supports1"] = "-",
    };

    /// <summary>
    /// Every row of the tenant in the directory and the change history, to show that nothing was written. A person's
    /// first turn links their object id to their row; the callers have had theirs before this is read.
    /// </summary>
    private async Task<string> StoredAsync(params TeamsUser[] callers)
    {
        foreach (var caller in callers)
        {
            await _bot.SayAsync(_bot.Activities.PersonalMessage(caller, "hvem er jeg"));
        }

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

    private async Task<JsonArray> HistoryAsync()
    {
        var token = TabAuthModule.IssueDevToken(
            _bot.App.Services.GetRequiredService<DevSigningKey>(), _bot.TenantId, "lean.koordinator@fjordvik.kommune.no", "Jonas Vik", DateTimeOffset.UtcNow);
        using var http = _bot.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tab/organisation/history?unitId=byggesak");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    [Theory]
    [InlineData("rediger enhet", "nb-NO", "Rediger Byggesak")]
    [InlineData("rediger eining", "nn-NO", "Rediger Byggesak")]
    [InlineData("redigera enhet", "sv-SE", "Redigera Byggesak")]
    [InlineData("edit unit", "en-GB", "Edit Byggesak")]
    public async Task EditUnit_TheLeaderInPersonalChat_GetsTheCardOfTheirUnitWithItsMeetingAndGoals(string command, string locale, string title)
    {
        var unit = await ByggesakAsync();

        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, command, locale));

        Assert.Contains(title, said, StringComparison.Ordinal);
        Assert.Contains(UnitCard.SaveVerb, said, StringComparison.Ordinal);
        Assert.Contains(unit.ETag!, said.Replace("\\\"", "\"", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(unit.Goals[0], said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditUnit_TheUnitsOwnUnitCoordinatorInChat_IsRefusedWithTheReason()
    {
        var unitCoordinator = UnitCoordinator();

        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(unitCoordinator, "rediger enhet Byggesak"));

        Assert.Contains("Du har ikke tilgang til å endre Byggesak", said, StringComparison.Ordinal);
        Assert.DoesNotContain(UnitCard.SaveVerb, said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveCard_ByTheLeader_ChangesMeetingCoordinatorsAndGoalsKeepsEarlierWeeksAndLeavesHistory()
    {
        var before = await ByggesakAsync();

        var (status, body) = await SaveAsync(_bot.ByggesakLeader, Inputs(), before.ETag);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Byggesak er lagret", body, StringComparison.Ordinal);
        var after = await ByggesakAsync();
        Assert.Equal((DayOfWeek.Tuesday, new TimeOnly(8, 0), 20), (after.BoardMeeting.Weekday, after.BoardMeeting.Start, after.BoardMeeting.Minutes));
        Assert.Equal(["linn.aasen@fjordvik.kommune.no"], after.CoordinatorIds);
        Assert.Equal(["Færre mangelfulle søknader"], after.Goals);
        Assert.Equal("effektiv-saksbehandling", after.GoalSupports["Færre mangelfulle søknader"]);
        // The rest of the unit is as it was, and the weeks before keep the Thursday meeting they were due on.
        Assert.Equal((before.Name, before.LeaderId, before.ServiceAreaId), (after.Name, after.LeaderId, after.ServiceAreaId));
        Assert.Contains(after.EarlierMeetings, m => m.Meeting.Weekday == before.BoardMeeting.Weekday);
        Assert.Contains(await HistoryAsync(), e => (string?)e!["byName"] == "Randi Lie");
        // The card sent back carries the new ETag, so a second save from it is not stale.
        Assert.Contains(JsonSerializer.Serialize(after.ETag, Unescaped), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveCard_TheLeadersOwnUnitCoordinator_IsRefusedAndNothingIsWritten()
    {
        var unitCoordinator = UnitCoordinator();
        var before = await StoredAsync(unitCoordinator);

        var (status, body) = await SaveAsync(unitCoordinator, Inputs(), (await ByggesakAsync()).ETag);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Ingenting ble endret", body, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task SaveCard_AnotherUnitsLeaderAndAStranger_AreRefusedAndNothingIsWritten()
    {
        var before = await StoredAsync(_bot.HelseLeader, _bot.Stranger);
        var etag = (await ByggesakAsync()).ETag;

        var (_, helse) = await SaveAsync(_bot.HelseLeader, Inputs(), etag);
        var (_, stranger) = await SaveAsync(_bot.Stranger, Inputs(), etag);

        Assert.Contains("Ingenting ble endret", helse, StringComparison.Ordinal);
        Assert.Contains("Ingenting ble endret", stranger, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task SaveCard_TheLeanCoordinator_MayEditAnyUnit()
    {
        var (_, body) = await SaveAsync(_bot.Coordinator, Inputs(weekday: "friday"), (await ByggesakAsync()).ETag);

        Assert.Contains("Byggesak er lagret", body, StringComparison.Ordinal);
        Assert.Equal(DayOfWeek.Friday, (await ByggesakAsync()).BoardMeeting.Weekday);
    }

    [Fact]
    public async Task SaveCard_FromACardOlderThanTheLastChange_WritesNothingAndShowsTheUnitAsItIsNow()
    {
        var old = (await ByggesakAsync()).ETag;
        await SaveAsync(_bot.Coordinator, Inputs(weekday: "friday"), old);
        var before = await StoredAsync(_bot.ByggesakLeader);

        var (_, body) = await SaveAsync(_bot.ByggesakLeader, Inputs(weekday: "monday"), old);

        Assert.Contains("Noen andre endret enheten", body, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
        Assert.Equal(DayOfWeek.Friday, (await ByggesakAsync()).BoardMeeting.Weekday);
        Assert.Contains("\"value\":\"friday\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveCard_WrongTimeTooLongGoalAndAbsurdMinutes_NamesEachFieldKeepsWhatWasTypedAndWritesNothing()
    {
        var before = await StoredAsync(_bot.ByggesakLeader);
        var longGoal = new string('x', Goal.MaxTitleLength + 1);

        var (_, body) = await SaveAsync(_bot.ByggesakLeader, Inputs(time: "25:99", goal0: longGoal), (await ByggesakAsync()).ETag);
        var (_, minutes) = await SaveAsync(_bot.ByggesakLeader, Inputs(minutes: "99999999999"), (await ByggesakAsync()).ETag);

        Assert.Contains("Ikke lagret", body, StringComparison.Ordinal);
        Assert.Contains("Skriv klokkeslettet som TT:MM", body, StringComparison.Ordinal);
        Assert.Contains($"høyst {Goal.MaxTitleLength} tegn", body, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"25:99\"", body, StringComparison.Ordinal);
        Assert.Contains(longGoal, body, StringComparison.Ordinal);
        Assert.Contains("Varigheten må være mellom", minutes, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task SaveCard_CoordinatorNotInTheOrganisation_IsNamedInItsFieldAndNothingIsWritten()
    {
        var before = await StoredAsync(_bot.ByggesakLeader);
        var inputs = Inputs();
        inputs["coordinator1"] = "ikke.en.epost";

        var (_, body) = await SaveAsync(_bot.ByggesakLeader, inputs, (await ByggesakAsync()).ETag);

        Assert.Contains("Skriv e-postadressen til noen i organisasjonen", body, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task SaveCard_OfAnArchivedUnit_WritesNothingAndSaysItIsArchived()
    {
        var store = _bot.App.Store;
        var unit = await ByggesakAsync();
        await store.SaveUnitAsync(_bot.TenantId, unit with { Archived = true }, default);
        var before = await StoredAsync(_bot.ByggesakLeader);

        var (_, body) = await SaveAsync(_bot.ByggesakLeader, Inputs(), (await ByggesakAsync()).ETag);

        Assert.Contains("arkivert", body, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task UnitCard_InEveryLanguageWithErrors_PassesTheOfficialRenderer()
    {
        var unit = await ByggesakAsync();
        var areas = await _bot.App.Store.ListServiceAreasAsync(_bot.TenantId, default);
        var errors = new Dictionary<string, string> { ["boardMeeting.time"] = "x", ["goal0.title"] = "y", ["coordinators"] = "z", ["leader"] = "w" };
        var cards = Enum.GetValues<Language>().ToDictionary(
            l => $"unit-edit-{l}", l => UnitCard.Create(l, unit, areas, "notice", errors, Inputs()).ToJson().ToJsonString());

        var verdicts = await OfficialRenderer.ValidateAsync(cards, OfficialRenderer.ArtifactsFolder);

        Assert.All(verdicts, v => Assert.True(v.Value.IsValid, $"{v.Key}: {v.Value}"));
    }
}
