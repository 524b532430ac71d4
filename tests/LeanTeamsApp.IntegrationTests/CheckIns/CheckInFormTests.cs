using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.IntegrationTests.Cards;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.CheckIns;

/// <summary>
/// The check-in form shows only what the answer to "held?" needs, and the server reads only that answer's section:
/// a hidden section's inputs still arrive with the submit.
/// </summary>
public sealed class CheckInFormTests : IAsyncLifetime
{
    // A Wednesday: Byggesak's latest board meeting was Thursday 19 November, and its check-in is still open.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private BotHost _bot = null!;
    private Unit _byggesak = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(time: _clock);
        _byggesak = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private CheckInStore CheckIns => _bot.App.Services.GetRequiredService<CheckInStore>();

    private DateOnly LatestMeeting => MeetingClock.Latest(_byggesak, _clock.GetUtcNow());

    private static readonly string[] HeldOnly = ["attendance", "goal0", "goal1", "improvementsNew", "deviations", "benefitKind", "benefitAmount", "benefitMeasure", "benefitAffects"];

    [Fact]
    public async Task CheckInForm_New_ShowsTheQuestionAndItsThreeAnswersOnly()
    {
        var card = await FormAsync("nb-NO");

        // Every input sits in a section that is hidden until "held?" is answered.
        var sections = Sections(card);
        Assert.All(sections.Values, s => Assert.False((bool?)s["isVisible"] ?? true, (string?)s["id"]));
        Assert.Equal(["notHeldReason"], InputsOf(sections[CheckInCard.NotHeldSection]));
        Assert.Equal(HeldOnly, InputsOf(sections[CheckInCard.HeldSection]));
        Assert.Equal(["helpNeeded", "note"], InputsOf(sections["commonSection"]));
        Assert.Empty(Elements(card).Where(e => ((string)e["type"]!).StartsWith("Input.", StringComparison.Ordinal)).Except(sections.Values.SelectMany(Elements)));

        var answers = Elements(card).Single(e => (string?)e["id"] == "held")["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(["Gjennomført, ikke noe nytt", "Gjennomført – fyll ut", "Ikke gjennomført"], answers.Select(a => (string)a["title"]!));
        Assert.Equal(
            [("heldSection", true), ("notHeldSection", false), ("commonSection", true), ("sendHeld", true), ("sendNotHeld", false)],
            Targets(answers[1]));
        Assert.Equal(
            [("heldSection", false), ("notHeldSection", true), ("commonSection", true), ("sendHeld", false), ("sendNotHeld", true)],
            Targets(answers[2]));
        Assert.Equal("yes", (string?)SendIn(sections["sendHeld"])["data"]!["held"]);
        Assert.Equal("no", (string?)SendIn(sections["sendNotHeld"])["data"]!["held"]);
        Assert.Equal("auto", (string?)SendIn(sections["sendNotHeld"])["associatedInputs"]);
    }

    [Fact]
    public async Task Submit_NotHeld_StoresTheReasonAndIgnoresWhatTheHiddenHeldSectionSent()
    {
        // What a client sends from the hidden section, some of it invalid: none of it may stop or enter this answer.
        var (status, card) = await SubmitAsync(new JsonObject
        {
            ["held"] = "no", ["notHeldReason"] = "LeaderAbsent", ["helpNeeded"] = "Stedfortreder for tavlemøtet", ["note"] = "Leder på kurs",
            ["attendance"] = "0", ["goal0"] = "Purple", ["goal1"] = "Red", ["improvementsNew"] = "Skal ikke lagres",
            ["deviations"] = "Heller ikke dette", ["benefitKind"] = "TimeSaved",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Nei · Leder borte, ingen stedfortreder", card, StringComparison.Ordinal);
        var stored = await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default);
        Assert.NotNull(stored);
        Assert.Equal((false, NotHeldReason.LeaderAbsent, (int?)null), (stored.MeetingHeld, stored.NotHeldReason, stored.Attendance));
        Assert.Equal(("Stedfortreder for tavlemøtet", "Leder på kurs"), (stored.HelpNeeded, stored.Note));
        Assert.Empty(stored.GoalStatuses);
        Assert.Empty(stored.NewImprovements);
        Assert.Empty(stored.NewDeviations);
        Assert.Empty(stored.Benefits);
        Assert.DoesNotContain(await _bot.App.Services.GetRequiredService<ImprovementStore>().ListImprovementsAsync(_bot.TenantId, "byggesak", default),
            i => i.Title == "Skal ikke lagres");
    }

    [Fact]
    public async Task Submit_Held_NeedsNoReasonAndIgnoresAHiddenOne()
    {
        var (_, card) = await SubmitAsync(new JsonObject
        {
            ["held"] = "yes", ["attendance"] = "6", ["goal0"] = "Green", ["goal1"] = "Yellow", ["notHeldReason"] = "TooBusy",
        });

        Assert.Contains("Ja · 6 deltok", card, StringComparison.Ordinal);
        var stored = await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default);
        Assert.Equal((true, (NotHeldReason?)null, 6), (stored!.MeetingHeld, stored.NotHeldReason, stored.Attendance));
    }

    [Theory]
    [InlineData("{\"held\":\"no\",\"attendance\":\"5\"}", "notHeldReason", "notHeldSection")]
    [InlineData("{\"held\":\"yes\",\"notHeldReason\":\"TooBusy\",\"goal0\":\"Green\",\"goal1\":\"Red\"}", "attendance", "heldSection")]
    public async Task Submit_MissingWhatTheAnswerNeeds_ShowsItsSectionWithTheErrorAndKeepsTheOtherHidden(string answers, string field, string section)
    {
        var (_, body) = await SubmitAsync(JsonNode.Parse(answers)!.AsObject());

        var card = JsonNode.Parse(body)!["value"]!;
        var sections = Sections(card);
        var other = section == CheckInCard.HeldSection ? CheckInCard.NotHeldSection : CheckInCard.HeldSection;
        Assert.Null(sections[section]["isVisible"]);
        Assert.Null(sections["commonSection"]["isVisible"]);
        Assert.False((bool)sections[other]["isVisible"]!);
        var items = Elements(sections[section]).ToList();
        Assert.Equal("Må fylles ut.", (string?)items[items.FindIndex(e => (string?)e["id"] == field) + 1]["text"]);
        // The other answer's input keeps what was typed there, for a change of mind.
        Assert.Null(await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default));
        var kept = section == CheckInCard.HeldSection ? ("notHeldReason", "TooBusy") : ("attendance", "5");
        Assert.Equal(kept.Item2, Elements(sections[other]).Single(e => (string?)e["id"] == kept.Item1)["value"]!.ToString());
    }

    [Fact]
    public async Task Edit_AHeldCheckIn_OpensOnTheHeldSectionWithoutNothingNew()
    {
        await SubmitAsync(new JsonObject { ["held"] = "yes", ["attendance"] = "6", ["goal0"] = "Green", ["goal1"] = "Yellow" });

        var (_, body) = await ActAsync(CheckInCard.EditVerb, []);

        var card = JsonNode.Parse(body)!["value"]!;
        var sections = Sections(card);
        Assert.Null(sections[CheckInCard.HeldSection]["isVisible"]);
        Assert.False((bool)sections[CheckInCard.NotHeldSection]["isVisible"]!);
        Assert.DoesNotContain(Elements(card), e => (string?)e["verb"] == CheckInCard.NothingNewVerb);
        Assert.NotNull(SendIn(sections["sendHeld"])["data"]!["etag"]);
    }

    [Fact]
    public async Task CheckInCards_TheQuestionEachAnswersFormsEditAndNothingNewInEveryLanguage_PassTheOfficialRenderer()
    {
        var cards = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var locale in new[] { "nb-NO", "nn-NO", "sv-SE", "en-GB" })
        {
            cards[$"checkin-question-{locale}"] = (await FormAsync(locale)).ToJsonString();
        }

        cards["checkin-not-held-errors"] = Value((await SubmitAsync(new JsonObject { ["held"] = "no" })).Body);
        cards["checkin-held-errors"] = Value((await SubmitAsync(new JsonObject { ["held"] = "yes", ["goal0"] = "Green" })).Body);
        cards["checkin-nothing-new"] = Value((await ActAsync(CheckInCard.NothingNewVerb, [])).Body);
        cards["checkin-edit"] = Value((await ActAsync(CheckInCard.EditVerb, [])).Body);

        var verdicts = await OfficialRenderer.ValidateAsync(cards, OfficialRenderer.ArtifactsFolder);

        Assert.All(verdicts.Values, v => Assert.True(v.IsValid, v.ToString()));
        Assert.Equal(8, verdicts.Count);
        // The card's JSON escapes "ø": the Nynorsk question is found by its first, plain words.
        Assert.Contains("\"Vart tavlem", cards["checkin-question-nn-NO"], StringComparison.Ordinal);
    }

    private static string Value(string body) => JsonNode.Parse(body)!["value"]!.ToJsonString();

    private async Task<JsonNode> FormAsync(string locale)
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, locale == "en-GB" ? "checkin" : "statusrapport", locale));
        return JsonNode.Parse(_bot.Connector.Requests.Last(r => r.Operation == ConnectorOperation.Reply).Activity!.Attachments![0].Content!.ToJsonString())!;
    }

    private static Dictionary<string, JsonObject> Sections(JsonNode card) =>
        card["body"]!.AsArray().Select(e => e!.AsObject()).Where(e => (string?)e["type"] == "Container" && e["id"] is not null).ToDictionary(e => (string)e["id"]!);

    private static List<string> InputsOf(JsonObject section) =>
        [.. Elements(section).Where(e => ((string)e["type"]!).StartsWith("Input.", StringComparison.Ordinal)).Select(e => (string)e["id"]!)];

    private static JsonObject SendIn(JsonObject section) => Elements(section).Single(e => (string?)e["verb"] == CheckInCard.SubmitVerb);

    private static List<(string, bool)> Targets(JsonObject toggle) =>
        [.. toggle["targetElements"]!.AsArray().Select(t => ((string)t!["elementId"]!, (bool)t["isVisible"]!))];

    /// <summary>A card's elements and actions in the order the card shows them, inside sections too.</summary>
    private static IEnumerable<JsonObject> Elements(JsonNode? node) => node switch
    {
        JsonObject o when o["type"] is not null => [o, .. o.Where(p => p.Key is not "fallback").SelectMany(p => Elements(p.Value))],
        JsonObject o => o.SelectMany(p => Elements(p.Value)),
        JsonArray a => a.SelectMany(Elements),
        _ => [],
    };

    private Task<(HttpStatusCode Status, string Body)> SubmitAsync(JsonObject answers) => ActAsync(CheckInCard.SubmitVerb, answers);

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task<(HttpStatusCode Status, string Body)> ActAsync(string verb, JsonObject answers)
    {
        var data = answers.DeepClone().AsObject();
        data["unitId"] = "byggesak";
        data["meetingDate"] = LatestMeeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var invoke = _bot.Activities.Invoke(_bot.ByggesakLeader, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        });
        invoke["replyToId"] = "card-message-1";
        using var response = await _bot.PostAsync(invoke);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.ToJsonString(Unescaped));
    }
}
