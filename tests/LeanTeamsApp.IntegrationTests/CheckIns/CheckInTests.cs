using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.CheckIns;

public sealed class CheckInTests : IAsyncLifetime
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

    [Theory]
    [InlineData("nb-NO", "statusrapport", "Statusrapport etter tavlemøtet – Byggesak")]
    [InlineData("sv-SE", "statusrapport", "Statusrapport efter tavelmötet – Byggesak")]
    [InlineData("nn-NO", "statusrapport", "Statusrapport etter tavlemøtet – Byggesak")]
    [InlineData("en-GB", "checkin", "Board meeting check-in – Byggesak")]
    public async Task CheckInCommand_UnitLeader_GetsTheFormForTheLatestMeeting(string locale, string text, string title)
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, text, locale));

        Assert.Contains(title, said, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"checkin.submit\"", said, StringComparison.Ordinal);
        Assert.Contains($"\"meetingDate\":\"{LatestMeeting:yyyy-MM-dd}\"", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusCommand_SixWeeks_ShowsEachMeetingWithWhatWasReported()
    {
        var started = MeetingClock.Start(_byggesak, LatestMeeting).AddDays(-5);
        await _bot.App.Services.GetRequiredService<ImprovementStore>().AddImprovementAsync(_bot.TenantId,
            new("byggesak", "started", "Ny mal for nabovarsel", "Randi Lie", ImprovementStage.InProgress, RecordSource.Command, started) { History = [new(ImprovementStage.InProgress, "Randi Lie", started)] },
            default);
        var answers = FullAnswers();
        answers["shown"] = new JsonObject { ["started"] = "InProgress" };
        answers["stage-started"] = "Done";
        await SubmitAsync(answers);
        var twoWeeksAgo = LatestMeeting.AddDays(-14);
        // Given before improvements were counted from records: its typed figures stand, as no record counts in its week.
        await CheckIns.SubmitAsync(_bot.TenantId, new CheckIn("byggesak", twoWeeksAgo, false, NotHeldReason.TooBusy, null, 1, 3, 1, [], [], null, null, "Randi Lie", _clock.GetUtcNow()), default);
        var before = _bot.Connector.Requests.Count;

        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "status"));

        var culture = CultureInfo.GetCultureInfo("nb-NO");
        string Week(DateOnly d) => $"Uke {ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue))} ({d.ToString("d", culture)})";
        Assert.Contains("Byggesak – de siste 6 tavlemøtene", said, StringComparison.Ordinal);
        Assert.Contains($"{{\"title\":\"{Week(LatestMeeting)}\",\"value\":\"Ja · 8 deltok · Forbedringer: 2 nye, 0 pågår, 1 ferdig · 1 grønn, 1 rød\"}}", said, StringComparison.Ordinal);
        Assert.Contains($"{{\"title\":\"{Week(LatestMeeting.AddDays(-7))}\",\"value\":\"Ingen statusrapport\"}}", said, StringComparison.Ordinal);
        Assert.Contains($"{{\"title\":\"{Week(twoWeeksAgo)}\",\"value\":\"Nei · For travelt · Forbedringer: 1 ny, 3 pågår, 1 ferdig\"}}", said, StringComparison.Ordinal);
        var card = _bot.Connector.Requests.Skip(before).Single(r => r.Operation == ConnectorOperation.Reply).Activity!.Attachments![0].Content!.ToJsonString();
        var verdicts = await LeanTeamsApp.IntegrationTests.Cards.OfficialRenderer.ValidateAsync(new Dictionary<string, string> { ["status-nb"] = card }, LeanTeamsApp.IntegrationTests.Cards.OfficialRenderer.ArtifactsFolder);
        Assert.True(verdicts["status-nb"].IsValid, verdicts["status-nb"].ToString());
    }

    [Fact]
    public async Task CheckInCard_AffectsOtherUnits_OffersTheUnitsOfTheSameServiceAreaAndSearchesTheOrganisation()
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "statusrapport"));

        var card = _bot.Connector.Requests.Last(r => r.Operation == ConnectorOperation.Reply).Activity!.Attachments![0].Content!;
        var affects = Elements(card).Single(e => (string?)e["id"] == "benefitAffects");
        Assert.Equal(
            ["eiendomsdrift", "servicetorget", "vann-og-avlop"],
            affects["choices"]!.AsArray().Select(c => (string)c!["value"]!).Order(StringComparer.Ordinal));
        // Teams asks the bot for the rest of the organisation as the user types (an application/search invoke).
        Assert.Equal("""{"type":"Data.Query","dataset":"units"}""", affects["choices.data"]!.ToJsonString());
        Assert.True((bool)affects["isMultiSelect"]!);
        Assert.NotEmpty(said);
    }

    [Fact]
    public async Task CheckInCommand_PersonWithoutAUnit_IsToldWhy()
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Stranger, "checkin", "en-GB"));

        Assert.Contains("I don't know which unit you report for.", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_EveryFieldFilled_IsStoredAndTheCardBecomesASummaryForEveryone()
    {
        var (status, card) = await SubmitAsync(FullAnswers());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Sendt av Randi Lie", card, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Nye forbedringer\",\"value\":\"Digital sjekkliste for ferdigattest; Fast tid for veiledning av søkere\"}", card, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"checkin.edit\"", card, StringComparison.Ordinal);
        var stored = await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default);
        Assert.NotNull(stored);
        // Nothing is typed any more: new, in progress and done are counted from the records.
        Assert.Equal((true, 8, 0, 0, 0), (stored.MeetingHeld, stored.Attendance, stored.ImprovementsNew, stored.ImprovementsInProgress, stored.ImprovementsDone));
        Assert.Equal(["Digital sjekkliste for ferdigattest", "Fast tid for veiledning av søkere"], stored.NewImprovements);
        Assert.Equal(["Feil i skjema for byggesøknad", "Ventetid på ferdigattest"], stored.NewDeviations);
        Assert.Equal(new BenefitEntry(BenefitKind.TimeSaved, 3.5m, BenefitMeasure.Hours, ["servicetorget"]) with { AffectsUnitIds = stored.Benefits[0].AffectsUnitIds }, stored.Benefits[0]);
        Assert.Equal(["servicetorget"], stored.Benefits[0].AffectsUnitIds);
        Assert.Equal("Hjelp med verdistrømanalyse", stored.HelpNeeded);
        Assert.Equal(GoalStatus.Green, stored.GoalStatuses["Saksbehandlingstid under 3 uker"]);
        Assert.Equal(GoalStatus.Red, stored.GoalStatuses["Færre mangelfulle søknader"]);
        Assert.Contains("Rød – etter plan", card, StringComparison.Ordinal);
        var update = Assert.Single(await _bot.DrainOutboxAsync(), r => r.Operation == ConnectorOperation.Update);
        Assert.Equal("card-message-1", update.ActivityId);
        Assert.Contains("Sendt av Randi Lie", update.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_MeetingNotHeldWithReason_NeedsNoAttendance()
    {
        var (_, card) = await SubmitAsync(new JsonObject { ["held"] = "no", ["notHeldReason"] = "TooBusy" });

        Assert.Contains("Ble tavlemøtet gjennomført?", card, StringComparison.Ordinal);
        Assert.Contains("Nei · For travelt", card, StringComparison.Ordinal);
        Assert.False((await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default))!.MeetingHeld);
    }

    [Theory]
    [InlineData("{}", "held", "Må fylles ut.")]
    [InlineData("{\"held\":\"yes\",\"goal0\":\"Green\",\"goal1\":\"Red\"}", "attendance", "Må fylles ut.")]
    [InlineData("{\"held\":\"yes\",\"attendance\":\"5\",\"goal0\":\"Green\"}", "goal1", "Må fylles ut.")]
    [InlineData("{\"held\":\"yes\",\"attendance\":\"5\",\"goal0\":\"Purple\",\"goal1\":\"Red\"}", "goal0", "Må fylles ut.")]
    [InlineData("{\"held\":\"yes\",\"attendance\":\"0\",\"goal0\":\"Green\",\"goal1\":\"Red\"}", "attendance", "Skriv et tall fra 1 til 500.")]
    [InlineData("{\"held\":\"no\"}", "notHeldReason", "Må fylles ut.")]
    [InlineData("{\"held\":\"yes\",\"attendance\":\"5\",\"goal0\":\"Green\",\"goal1\":\"Red\",\"benefitKind\":\"TimeSaved\"}", "benefitAmount", "Fyll ut type, verdi og enhet")]
    public async Task Submit_MissingOrInvalidAnswers_ShowsTheErrorOnTheCardAndStoresNothing(string answers, string field, string error)
    {
        var (status, card) = await SubmitAsync(JsonNode.Parse(answers)!.AsObject());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Noe mangler – se merknadene under. Ingenting er lagret ennå.", card, StringComparison.Ordinal);
        Assert.Contains(error, card, StringComparison.Ordinal);
        var body = Elements(JsonNode.Parse(card)!["value"]).ToList();
        var input = body.FindIndex(e => (string?)e["id"] == field);
        // The error follows what it is about: an input, or the buttons that answer "held?".
        Assert.Contains(error, (string?)body.Skip(input + 1).First(e => (string?)e["type"] == "TextBlock")["text"], StringComparison.Ordinal);
        Assert.Null(await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default));
        Assert.DoesNotContain(await _bot.DrainOutboxAsync(), r => r.Operation == ConnectorOperation.Update);
    }

    [Fact]
    public async Task Submit_Twice_IsStoredOnceAndRefreshedOnce()
    {
        await SubmitAsync(FullAnswers());

        var (status, card) = await SubmitAsync(FullAnswers());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Sendt av Randi Lie", card, StringComparison.Ordinal);
        var stored = await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default);
        Assert.Equal(1, stored!.Revision);
        Assert.Empty(await CheckIns.HistoryAsync(_bot.TenantId, "byggesak", LatestMeeting, default));
        Assert.Single(await _bot.DrainOutboxAsync(), r => r.Operation == ConnectorOperation.Update);
    }

    [Fact]
    public async Task Edit_ThenSubmitCorrection_StoresRevisionTwoAndKeepsTheFirstInTheAuditTrail()
    {
        await SubmitAsync(FullAnswers());

        var (_, form) = await ActAsync(CheckInCard.EditVerb, new JsonObject());
        var etag = Elements(JsonNode.Parse(form)!["value"]).First(e => (string?)e["verb"] == CheckInCard.SubmitVerb)["data"]!["etag"]!.GetValue<string>();
        Assert.Contains("\"value\":\"8\"", form.Replace("\"value\":8", "\"value\":\"8\"", StringComparison.Ordinal), StringComparison.Ordinal);
        var corrected = FullAnswers();
        corrected["attendance"] = "9";
        corrected["etag"] = etag;
        var (_, summary) = await SubmitAsync(corrected);

        Assert.Contains("9 deltok", summary, StringComparison.Ordinal);
        var stored = await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default);
        Assert.Equal((2, 9), (stored!.Revision, stored.Attendance));
        var history = await CheckIns.HistoryAsync(_bot.TenantId, "byggesak", LatestMeeting, default);
        Assert.Equal((1, 8), (Assert.Single(history).Revision, history[0].Attendance));
    }

    [Fact]
    public async Task Correction_WithAStaleETag_OverwritesNothing()
    {
        await SubmitAsync(FullAnswers());
        var stale = FullAnswers();
        stale["attendance"] = "11";
        stale["etag"] = "W/\"datetime'2000-01-01T00%3A00%3A00.0000000Z'\"";

        var (_, card) = await SubmitAsync(stale);

        Assert.Contains("Noen andre endret rapporten samtidig.", card, StringComparison.Ordinal);
        Assert.Equal(8, (await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default))!.Attendance);
    }

    [Fact]
    public async Task Submit_AfterTheNextMeetingStarted_IsRefusedWithAClearMessage()
    {
        var (status, body) = await SubmitAsync(FullAnswers(), LatestMeeting.AddDays(-7));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Denne statusrapporten kan ikke endres lenger: neste tavlemøte har startet.", body, StringComparison.Ordinal);
        Assert.Null(await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting.AddDays(-7), default));
    }

    [Fact]
    public async Task Submit_ForAUnitOfAnotherTenant_FindsNothingAndStoresNothing()
    {
        var otherTenant = new TeamsActivities(TestTenants.New(), _bot.Connector.ServiceUrl);
        var invoke = otherTenant.Invoke(_bot.Stranger, "adaptiveCard/action", Value(CheckInCard.SubmitVerb, FullAnswers(), LatestMeeting));

        using var response = await _bot.PostAsync(invoke);

        Assert.Contains("Dette kortet er utdatert: det det gjelder, finnes ikke lenger.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default));
        Assert.Null(await CheckIns.GetAsync(otherTenant.TenantId, "byggesak", LatestMeeting, default));
    }

    [Fact]
    public async Task Submit_ThroughTheActionSubmitFallback_IsStoredAndAnsweredWithTheSummary()
    {
        var message = _bot.Activities.PersonalMessage(_bot.ByggesakLeader, "");
        message.Remove("text");
        var data = FullAnswers();
        data["verb"] = CheckInCard.SubmitVerb;
        data["unitId"] = "byggesak";
        data["meetingDate"] = LatestMeeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        message["value"] = data;

        var said = await _bot.SayAsync(message);

        Assert.Contains("Sendt av Randi Lie", said, StringComparison.Ordinal);
        Assert.NotNull(await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default));
    }

    [Fact]
    public async Task CheckInCards_FormErrorsAndSummaryInEveryLanguage_AreValidForTheOfficialRenderer()
    {
        var cards = new Dictionary<string, string>();
        foreach (var (locale, word) in new[] { ("nb-NO", "statusrapport"), ("sv-SE", "statusrapport"), ("en-GB", "checkin") })
        {
            var before = _bot.Connector.Requests.Count;
            await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, word, locale));
            cards[$"checkin-form-{locale}"] = _bot.Connector.Requests.Skip(before).Single(r => r.Operation == ConnectorOperation.Reply)
                .Activity!.Attachments![0].Content!.ToJsonString();
        }

        var (_, errors) = await SubmitAsync(new JsonObject { ["held"] = "yes", ["attendance"] = "0", ["goal0"] = "Green" });
        cards["checkin-form-with-errors"] = JsonNode.Parse(errors)!["value"]!.ToJsonString();
        var (_, summary) = await SubmitAsync(FullAnswers());
        cards["checkin-summary"] = JsonNode.Parse(summary)!["value"]!.ToJsonString();

        var verdicts = await LeanTeamsApp.IntegrationTests.Cards.OfficialRenderer.ValidateAsync(cards, LeanTeamsApp.IntegrationTests.Cards.OfficialRenderer.ArtifactsFolder);

        Assert.All(verdicts.Values, v => Assert.True(v.IsValid, v.ToString()));
        Assert.Equal(5, verdicts.Count);
    }

    /// <summary>A card's elements and actions in the order the card shows them, inside sections too.</summary>
    private static IEnumerable<JsonObject> Elements(JsonNode? node) => node switch
    {
        JsonObject o when o["type"] is not null => [o, .. o.Where(p => p.Key is not "fallback").SelectMany(p => Elements(p.Value))],
        JsonObject o => o.SelectMany(p => Elements(p.Value)),
        JsonArray a => a.SelectMany(Elements),
        _ => [],
    };

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonObject FullAnswers() => new()
    {
        ["held"] = "yes",
        ["attendance"] = "8",
        ["goal0"] = "Green",
        ["goal1"] = "Red",
        ["improvementsNew"] = "Digital sjekkliste for ferdigattest\nFast tid for veiledning av søkere",
        ["deviations"] = "Feil i skjema for byggesøknad\nVentetid på ferdigattest\n",
        ["benefitKind"] = "TimeSaved",
        ["benefitAmount"] = "3.5",
        ["benefitMeasure"] = "Hours",
        ["benefitAffects"] = "servicetorget",
        ["helpNeeded"] = "Hjelp med verdistrømanalyse",
        ["note"] = "Bra møte",
    };

    private Task<(HttpStatusCode Status, string Body)> SubmitAsync(JsonObject answers, DateOnly? meetingDate = null) =>
        ActAsync(CheckInCard.SubmitVerb, answers, meetingDate);

    private async Task<(HttpStatusCode Status, string Body)> ActAsync(string verb, JsonObject answers, DateOnly? meetingDate = null)
    {
        var invoke = _bot.Activities.Invoke(_bot.ByggesakLeader, "adaptiveCard/action", Value(verb, answers, meetingDate ?? LatestMeeting));
        invoke["replyToId"] = "card-message-1";
        using var response = await _bot.PostAsync(invoke);
        // Parsed and written back without escaping, so assertions can name Norwegian text as people read it.
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(body)!.ToJsonString(Unescaped));
    }

    private static JsonObject Value(string verb, JsonObject answers, DateOnly meetingDate)
    {
        var data = answers.DeepClone().AsObject();
        data["unitId"] = "byggesak";
        data["meetingDate"] = meetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
    }
}
