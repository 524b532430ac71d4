using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Auth;
using LeanTeamsApp.IntegrationTests.Cards;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.CheckIns;

/// <summary>
/// A unit goal measured by an indicator: set in the tab's unit form, its value asked on each check-in card, and the
/// values of the last weeks returned with the unit page, oldest first, one per week.
/// </summary>
public sealed class GoalIndicatorTests : IAsyncLifetime
{
    private const string CoordinatorEmail = "lean.koordinator@fjordvik.kommune.no";
    private const string Goal = "Saksbehandlingstid under 3 uker";

    // Monday 23 November 2026, 07:00 in Oslo: Byggesak's latest board meeting was Thursday 19 November, still open.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private BotHost _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var settings = DevelopmentSignIn.Settings();
        settings["Outbox:Enabled"] = "false";
        _bot = await BotHost.StartAsync(settings, time: _clock, environment: DevelopmentSignIn.Environment);
        _http = _bot.App.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
    }

    private CheckInStore CheckIns => _bot.App.Services.GetRequiredService<CheckInStore>();

    private async Task<DateOnly> LatestMeetingAsync() =>
        MeetingClock.Latest((await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!, _clock.GetUtcNow());

    [Fact]
    public async Task Indicator_ReportedInThreeWeeks_UnitPageReturnsTheValuesOldestFirst()
    {
        await SetIndicatorAsync(new JsonObject { ["indicator"] = "saksbehandlingstid i dager", ["target"] = 21, ["better"] = "lower" });
        var reported = new[] { "30", "26,5", "22" };
        var dates = new List<DateOnly>();
        foreach (var value in reported)
        {
            var (status, body) = await SubmitAsync(Held(value));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.DoesNotContain("Rett feltene", body, StringComparison.Ordinal);
            dates.Add(await LatestMeetingAsync());
            _clock.Advance(TimeSpan.FromDays(7));
        }

        var indicator = (await UnitGoalAsync())["indicator"]!;
        Assert.Equal(("saksbehandlingstid i dager", 21m, "lower"), ((string)indicator["name"]!, (decimal)indicator["target"]!, (string)indicator["better"]!));
        var values = indicator["values"]!.AsArray();
        Assert.Equal([30m, 26.5m, 22m], values.Select(v => (decimal)v!["value"]!));
        Assert.Equal(dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), values.Select(v => (string)v!["meetingDate"]!));
        Assert.Equal(["2026-W47", "2026-W48", "2026-W49"], values.Select(v => (string)v!["week"]!));
    }

    [Fact]
    public async Task Submit_AbsurdIndicatorValue_RefusedInTheFieldKeepingTheAnswersAndNothingStored()
    {
        await SetIndicatorAsync(new JsonObject { ["indicator"] = "saksbehandlingstid i dager", ["target"] = 21, ["better"] = "lower" });

        var answers = Held("5000000000");
        answers["note"] = "Notatet skal bli stående";
        var (status, body) = await SubmitAsync(answers);

        Assert.Equal(HttpStatusCode.OK, status);
        var card = JsonNode.Parse(body)!["value"]!;
        var texts = Elements(card).Where(e => (string?)e["type"] == "TextBlock").Select(e => (string)e["text"]!).ToList();
        Assert.Contains("Skriv et tall mellom -1 000 000 000 og 1 000 000 000.", texts.Select(t => t.Replace('\u00a0', ' ')));
        var inputs = Elements(card).Where(e => e["id"] is not null).ToDictionary(e => (string)e["id"]!);
        Assert.Equal(5_000_000_000d, (double)inputs["indicator0"]["value"]!);
        Assert.Equal("Notatet skal bli stående", (string?)inputs["note"]["value"]);
        Assert.Equal("Green", (string?)inputs["goal0"]["value"]);
        Assert.Null(await CheckIns.GetAsync(_bot.TenantId, "byggesak", await LatestMeetingAsync(), default));
    }

    [Fact]
    public async Task Correction_NewIndicatorValue_ReplacesTheWeeksValue()
    {
        await SetIndicatorAsync(new JsonObject { ["indicator"] = "saksbehandlingstid i dager", ["target"] = 21, ["better"] = "lower" });
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(Held("30"))).Status);
        var stored = await CheckIns.GetAsync(_bot.TenantId, "byggesak", await LatestMeetingAsync(), default);

        var correction = Held("28");
        correction["etag"] = stored!.ETag;
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(correction)).Status);

        var values = (await UnitGoalAsync())["indicator"]!["values"]!.AsArray();
        Assert.Equal([28m], values.Select(v => (decimal)v!["value"]!));
        var corrected = await CheckIns.GetAsync(_bot.TenantId, "byggesak", await LatestMeetingAsync(), default);
        Assert.Equal((2, 28m), (corrected!.Revision, corrected.IndicatorValues[Goal]));
    }

    [Fact]
    public async Task Submit_IndicatorLeftEmpty_StoresTheCheckInWithoutAValue()
    {
        await SetIndicatorAsync(new JsonObject { ["indicator"] = "saksbehandlingstid i dager", ["target"] = 21, ["better"] = "lower" });

        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(Held(null))).Status);

        var stored = await CheckIns.GetAsync(_bot.TenantId, "byggesak", await LatestMeetingAsync(), default);
        Assert.NotNull(stored);
        Assert.Empty(stored.IndicatorValues);
        Assert.Empty((await UnitGoalAsync())["indicator"]!["values"]!.AsArray());
    }

    [Theory]
    [InlineData("target", "null", "goals[0].target")]
    [InlineData("target", "5000000000", "goals[0].target")]
    [InlineData("better", "\"sideways\"", "goals[0].better")]
    [InlineData("indicator", "null", "goals[0].indicator")]
    [InlineData("indicator", "\"0123456789012345678901234567890123456789012345678901234567890\"", "goals[0].indicator")]
    public async Task UnitForm_IndicatorIncompleteOrWrong_IsRefusedNamingTheField(string key, string json, string field)
    {
        var form = await UnitFormAsync();
        var goal = form["goals"]![0]!.AsObject();
        (goal["indicator"], goal["target"], goal["better"]) = ("saksbehandlingstid i dager", 21, "lower");
        goal[key] = JsonNode.Parse(json);

        var (status, body) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/byggesak", form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([field], body!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Null((await UnitFormAsync())["goals"]![0]!["indicator"]);
    }

    [Fact]
    public async Task UnitForm_OldGoalWithoutIndicator_ReadsBackWithNone()
    {
        var form = await UnitFormAsync();

        Assert.All(form["goals"]!.AsArray(), g => Assert.Null(g!["indicator"]));
        Assert.Null((await UnitGoalAsync())["indicator"]);
    }

    [Fact]
    public async Task CheckInCard_WithIndicator_PassesTheOfficialRendererInBokmalAndNynorsk()
    {
        await SetIndicatorAsync(new JsonObject { ["indicator"] = "saksbehandlingstid i dager", ["target"] = 21, ["better"] = "lower" });
        var cards = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var locale in new[] { "nb-NO", "nn-NO" })
        {
            await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "statusrapport", locale));
            var card = _bot.Connector.Requests.Last(r => r.Operation == ConnectorOperation.Reply).Activity!.Attachments![0].Content!;
            Assert.Contains("indicator0", card.ToJsonString(), StringComparison.Ordinal);
            cards[$"checkin-indicator-{locale}"] = card.ToJsonString();
        }

        cards["checkin-indicator-error"] = JsonNode.Parse((await SubmitAsync(Held("5000000000"))).Body)!["value"]!.ToJsonString();
        Assert.Contains("saksbehandlingstid i dager no (mål: 21)", Elements(JsonNode.Parse(cards["checkin-indicator-nn-NO"])).Select(e => (string?)e["label"]));
        Assert.Contains("saksbehandlingstid i dager nå (mål: 21)", Elements(JsonNode.Parse(cards["checkin-indicator-nb-NO"])).Select(e => (string?)e["label"]));

        var verdicts = await OfficialRenderer.ValidateAsync(cards, OfficialRenderer.ArtifactsFolder);

        Assert.Equal(3, verdicts.Count);
        Assert.All(verdicts.Values, v => Assert.True(v.IsValid, v.ToString()));
    }

    private static JsonObject Held(string? indicator) => new()
    {
        ["held"] = "yes", ["attendance"] = "6", ["goal0"] = "Green", ["goal1"] = "Yellow", ["indicator0"] = indicator,
    };

    private async Task SetIndicatorAsync(JsonObject indicator)
    {
        var form = await UnitFormAsync();
        var goal = form["goals"]!.AsArray().Single(g => (string?)g!["title"] == Goal)!.AsObject();
        foreach (var (key, value) in indicator)
        {
            goal[key] = value?.DeepClone();
        }

        var (status, body) = await SendAsync(HttpMethod.Put, "/api/tab/organisation/units/byggesak", form);
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
    }

    private async Task<JsonObject> UnitFormAsync()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/api/tab/organisation/units/byggesak");
        Assert.Equal(HttpStatusCode.OK, status);
        return body!.AsObject();
    }

    private async Task<JsonNode> UnitGoalAsync()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/api/tab/units/byggesak");
        Assert.Equal(HttpStatusCode.OK, status);
        return body!["goals"]!.AsArray().Single(g => (string?)g!["name"] == Goal)!;
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        var token = TabAuthModule.IssueDevToken(_bot.App.Services.GetRequiredService<DevSigningKey>(), _bot.TenantId, CoordinatorEmail, "Jonas Vik", DateTimeOffset.UtcNow);
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task<(HttpStatusCode Status, string Body)> SubmitAsync(JsonObject answers)
    {
        var data = answers.DeepClone().AsObject();
        data["unitId"] = "byggesak";
        data["meetingDate"] = (await LatestMeetingAsync()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var invoke = _bot.Activities.Invoke(_bot.ByggesakLeader, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = CheckInCard.SubmitVerb, ["data"] = data },
            ["trigger"] = "manual",
        });
        invoke["replyToId"] = "card-message-1";
        using var response = await _bot.PostAsync(invoke);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.ToJsonString(Unescaped));
    }

    private static IEnumerable<JsonObject> Elements(JsonNode? node) => node switch
    {
        JsonObject o when o["type"] is not null => [o, .. o.Where(p => p.Key is not "fallback").SelectMany(p => Elements(p.Value))],
        JsonObject o => o.SelectMany(p => Elements(p.Value)),
        JsonArray a => a.SelectMany(Elements),
        _ => [],
    };
}
