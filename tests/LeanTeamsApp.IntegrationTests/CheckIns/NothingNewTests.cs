using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Weeks;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.CheckIns;

/// <summary>"Held, nothing new": one tap on the check-in card stores a complete check-in, like a submitted form would.</summary>
public sealed class NothingNewTests : IAsyncLifetime
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

    [Fact]
    public async Task CheckInCard_NewCheckIn_OffersNothingNewAsOneActionWithoutInputs()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "statusrapport"));

        var card = JsonNode.Parse(_bot.Connector.Requests.Last(r => r.Operation == ConnectorOperation.Reply).Activity!.Attachments![0].Content!.ToJsonString())!;
        var quick = Assert.Single(Actions(card), a => a["verb"]?.GetValue<string>() == CheckInCard.NothingNewVerb);
        Assert.Equal(("Action.Execute", "Gjennomført, ikke noe nytt", "none"), (quick["type"]!.GetValue<string>(), quick["title"]!.GetValue<string>(), quick["associatedInputs"]!.GetValue<string>()));
        Assert.Equal(LatestMeeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), quick["data"]!["meetingDate"]!.GetValue<string>());
        Assert.Equal(CheckInCard.NothingNewVerb, quick["fallback"]!["data"]!["verb"]!.GetValue<string>());
    }

    [Fact]
    public async Task NothingNew_OneTap_StoresACompleteCheckInAnnouncesItAndShowsItToEveryone()
    {
        // Last week the board gave its goals a status; nothing new means they stand.
        var lastWeek = LatestMeeting.AddDays(-7);
        await CheckIns.SubmitAsync(_bot.TenantId, new CheckIn("byggesak", lastWeek, true, null, 7, 0, 0, 0, [], [], null, null, "Randi Lie", _clock.GetUtcNow().AddDays(-7))
        {
            GoalStatuses = new Dictionary<string, GoalStatus> { [_byggesak.Goals[0]] = GoalStatus.Yellow, [_byggesak.Goals[1]] = GoalStatus.Red, ["Et mål som er fjernet"] = GoalStatus.Green },
        }, default);

        var (status, card) = await TapAsync(_bot.ByggesakLeader);

        Assert.Equal(HttpStatusCode.OK, status);
        var stored = await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default);
        Assert.NotNull(stored);
        Assert.Equal((true, (NotHeldReason?)null, (int?)null, 1), (stored.MeetingHeld, stored.NotHeldReason, stored.Attendance, stored.Revision));
        Assert.Equal((0, 0, 0), (stored.ImprovementsNew, stored.ImprovementsInProgress, stored.ImprovementsDone));
        Assert.Empty(stored.NewImprovements);
        Assert.Empty(stored.ImprovementMoves);
        Assert.Empty(stored.NewDeviations);
        Assert.Empty(stored.Benefits);
        Assert.Equal(((string?)null, (string?)null, "Randi Lie"), (stored.HelpNeeded, stored.Note, stored.SubmittedBy));
        Assert.Equal(new Dictionary<string, GoalStatus> { [_byggesak.Goals[0]] = GoalStatus.Yellow, [_byggesak.Goals[1]] = GoalStatus.Red }, stored.GoalStatuses);
        Assert.Contains("{\"title\":\"Ble tavlemøtet gjennomført?\",\"value\":\"Ja · ikke noe nytt\"}", card, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"checkin.edit\"", card, StringComparison.Ordinal);
        // The weekly figures subscribe to CheckInStored: a week counted as reported is the announcement arriving.
        Assert.Equal((true, true, 1), await WeekAsync());
        var update = Assert.Single(await _bot.DrainOutboxAsync(), r => r.Operation == ConnectorOperation.Update);
        Assert.Equal("card-message-1", update.ActivityId);
        Assert.Contains("ikke noe nytt", update.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingNew_TappedTwice_ChangesNothingTheSecondTime()
    {
        await TapAsync(_bot.ByggesakLeader);
        var first = await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default);
        _clock.Advance(TimeSpan.FromMinutes(1));

        var (status, card) = await TapAsync(_bot.ByggesakLeader);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Ja · ikke noe nytt", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Noen andre endret rapporten samtidig.", card, StringComparison.Ordinal);
        var second = await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default);
        Assert.Equal((first!.ETag, first.SubmittedAt, 1), (second!.ETag, second.SubmittedAt, second.Revision));
        Assert.Empty(await CheckIns.HistoryAsync(_bot.TenantId, "byggesak", LatestMeeting, default));
        Assert.Single(await _bot.DrainOutboxAsync(), r => r.Operation == ConnectorOperation.Update);
    }

    [Fact]
    public async Task NothingNew_AfterTheFormWasSent_KeepsTheFormsAnswersAndSaysSo()
    {
        var answers = new JsonObject { ["held"] = "yes", ["attendance"] = "8", ["goal0"] = "Green", ["goal1"] = "Red", ["deviations"] = "Feil i skjema" };
        await ActAsync(_bot.ByggesakLeader, CheckInCard.SubmitVerb, answers);

        var (_, card) = await TapAsync(_bot.ByggesakLeader);

        Assert.Contains("Noen andre endret rapporten samtidig.", card, StringComparison.Ordinal);
        var stored = await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default);
        Assert.Equal((8, 1), (stored!.Attendance, stored.Revision));
        Assert.Equal(["Feil i skjema"], stored.NewDeviations);
    }

    [Theory]
    [InlineData("stranger")]
    [InlineData("another area's leader")]
    public async Task NothingNew_CallerWhoMayNotCheckInForTheUnit_IsRefusedAndNothingIsStored(string who)
    {
        var caller = who == "stranger" ? _bot.Stranger : _bot.HelseLeader;

        var (status, body) = await TapAsync(caller);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.microsoft.activity.message", JsonNode.Parse(body)!["type"]!.GetValue<string>());
        Assert.Contains("Byggesak", body, StringComparison.Ordinal);
        Assert.Contains("Ingenting ble endret.", body, StringComparison.Ordinal);
        Assert.Null(await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default));
        Assert.Equal(default, await WeekAsync());
        Assert.DoesNotContain(await _bot.DrainOutboxAsync(), r => r.Operation == ConnectorOperation.Update);
    }

    [Fact]
    public async Task NothingNew_ThroughTheActionSubmitFallback_IsStored()
    {
        var message = _bot.Activities.PersonalMessage(_bot.ByggesakLeader, "");
        message.Remove("text");
        message["value"] = new JsonObject
        {
            ["verb"] = CheckInCard.NothingNewVerb,
            ["unitId"] = "byggesak",
            ["meetingDate"] = LatestMeeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        var said = await _bot.SayAsync(message);

        Assert.Contains("ikke noe nytt", said, StringComparison.Ordinal);
        Assert.True((await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default))!.MeetingHeld);
    }

    private static IEnumerable<JsonNode> Actions(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() is { } type && type.StartsWith("Action.", StringComparison.Ordinal) => [o],
        JsonObject o => o.SelectMany(p => Actions(p.Value)),
        JsonArray a => a.SelectMany(Actions),
        _ => [],
    };

    private async Task<(bool Reported, bool Held, int RedGoals)> WeekAsync() =>
        (await _bot.App.Services.GetRequiredService<UnitWeekStore>().ListWeekAsync(_bot.TenantId, IsoWeek.Of(LatestMeeting), default))
            .Where(w => w.UnitId == "byggesak").Select(w => (w.Reported, w.Held, w.RedGoals)).SingleOrDefault();

    private Task<(HttpStatusCode Status, string Body)> TapAsync(TeamsUser caller) => ActAsync(caller, CheckInCard.NothingNewVerb, []);

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task<(HttpStatusCode Status, string Body)> ActAsync(TeamsUser caller, string verb, JsonObject answers)
    {
        var data = answers.DeepClone().AsObject();
        data["unitId"] = "byggesak";
        data["meetingDate"] = LatestMeeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var invoke = _bot.Activities.Invoke(caller, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        });
        invoke["replyToId"] = "card-message-1";
        using var response = await _bot.PostAsync(invoke);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(body)!.ToJsonString(Unescaped));
    }
}
