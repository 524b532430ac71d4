using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.IntegrationTests.Cards;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Improvements;

public sealed class ImprovementTests : IAsyncLifetime
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

    private ImprovementStore Store => _bot.App.Services.GetRequiredService<ImprovementStore>();

    private DateOnly LatestMeeting => MeetingClock.Latest(_byggesak, _clock.GetUtcNow());

    private Task<IReadOnlyList<Improvement>> ImprovementsAsync() => Store.ListImprovementsAsync(_bot.TenantId, "byggesak", default);

    [Fact]
    public async Task CheckInSubmit_NewImprovementsDeviationsAndBenefit_BecomeRecordsOfTheirOwn()
    {
        await CheckInAsync(CheckInCard.SubmitVerb, Answers("Digital sjekkliste\nFast tid for veiledning", "Feil i skjema\nVentetid på attest"));

        var improvements = await ImprovementsAsync();
        Assert.Equal(["Digital sjekkliste", "Fast tid for veiledning"], improvements.Select(i => i.Title).Order(StringComparer.Ordinal));
        Assert.All(improvements, i =>
        {
            Assert.Equal((ImprovementStage.Suggested, RecordSource.CheckIn, "Randi Lie", LatestMeeting), (i.Stage, i.Source, i.OwnerName, i.MeetingDate));
        });
        var deviations = await Store.ListDeviationsAsync(_bot.TenantId, "byggesak", default);
        Assert.Equal(["Feil i skjema", "Ventetid på attest"], deviations.Select(d => d.Text).Order(StringComparer.Ordinal));
        Assert.All(deviations, d => Assert.Equal((DeviationStatus.Open, LatestMeeting), (d.Status, d.ReportedOn)));
        var benefit = Assert.Single(await Store.ListBenefitsAsync(_bot.TenantId, "byggesak", default));
        Assert.Equal((BenefitKind.TimeSaved, BenefitStage.Realised, 3.5m, BenefitMeasure.Hours, LatestMeeting), (benefit.Kind, benefit.Stage, benefit.Amount, benefit.Measure, benefit.RealisedOn));
        Assert.Equal(["servicetorget"], benefit.AffectsUnitIds);
    }

    [Fact]
    public async Task CheckInSubmit_Twice_RecordsEachImprovementOnce()
    {
        await CheckInAsync(CheckInCard.SubmitVerb, Answers("Digital sjekkliste", "Feil i skjema"));
        await CheckInAsync(CheckInCard.SubmitVerb, Answers("Digital sjekkliste", "Feil i skjema"));

        Assert.Single(await ImprovementsAsync());
        Assert.Single(await Store.ListDeviationsAsync(_bot.TenantId, "byggesak", default));
        Assert.Single(await Store.ListBenefitsAsync(_bot.TenantId, "byggesak", default));
    }

    [Fact]
    public async Task CheckInCorrection_LinesChanged_RemovesUntouchedRecordsAndKeepsStartedOnes()
    {
        await CheckInAsync(CheckInCard.SubmitVerb, Answers("Digital sjekkliste\nFast tid for veiledning", "Feil i skjema"));
        var started = (await ImprovementsAsync()).Single(i => i.Title == "Digital sjekkliste");
        await MoveAsync(started.Id, ImprovementStage.InProgress);
        var etag = (await _bot.App.Services.GetRequiredService<CheckInStore>().GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default))!.ETag!;

        var corrected = Answers("Fast tid for veiledning\nNy mal for nabovarsel", "Ventetid på attest");
        corrected["etag"] = etag;
        corrected["benefitAmount"] = "5";
        await CheckInAsync(CheckInCard.SubmitVerb, corrected);

        var improvements = await ImprovementsAsync();
        Assert.Equal(
            ["Digital sjekkliste:InProgress", "Fast tid for veiledning:Suggested", "Ny mal for nabovarsel:Suggested"],
            improvements.Select(i => $"{i.Title}:{i.Stage}").Order(StringComparer.Ordinal));
        Assert.Equal(["Ventetid på attest"], (await Store.ListDeviationsAsync(_bot.TenantId, "byggesak", default)).Select(d => d.Text));
        Assert.Equal(5m, Assert.Single(await Store.ListBenefitsAsync(_bot.TenantId, "byggesak", default)).Amount);
    }

    [Theory]
    [InlineData("nb-NO", "forbedring ny Felles mal for vaktbytte", "«Felles mal for vaktbytte» er lagt til som forbedring for Byggesak.")]
    [InlineData("sv-SE", "förbättring ny Felles mal for vaktbytte", "”Felles mal for vaktbytte” är tillagd som förbättring för Byggesak.")]
    [InlineData("nn-NO", "forbetring ny Felles mal for vaktbytte", "«Felles mal for vaktbytte» er lagd til som forbetring for Byggesak.")]
    [InlineData("en-GB", "improvement add Felles mal for vaktbytte", "\"Felles mal for vaktbytte\" is on Byggesak's improvement list.")]
    public async Task ImprovementAdd_InEachLanguage_PutsItOnTheCallersUnitList(string locale, string text, string answer)
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, text, locale));

        Assert.Contains(answer, said, StringComparison.Ordinal);
        var improvement = Assert.Single(await ImprovementsAsync());
        Assert.Equal(("Felles mal for vaktbytte", ImprovementStage.Suggested, RecordSource.Command, "Randi Lie"), (improvement.Title, improvement.Stage, improvement.Source, improvement.OwnerName));
    }

    [Fact]
    public async Task ImprovementAdd_SameActivityDeliveredTwice_AddsOne()
    {
        var message = _bot.Activities.PersonalMessage(_bot.ByggesakLeader, "forbedring ny Felles mal for vaktbytte");

        await _bot.SayAsync(message);
        var second = await _bot.SayAsync(message);

        Assert.Contains("«Felles mal for vaktbytte» var allerede lagt til.", second, StringComparison.Ordinal);
        Assert.Single(await ImprovementsAsync());
    }

    [Theory]
    [InlineData("forbedring ny", "Skriv hva som kan bli bedre")]
    [InlineData("forbedring ny    ", "Skriv hva som kan bli bedre")]
    public async Task ImprovementAdd_NoText_ExplainsHowAndStoresNothing(string text, string answer)
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, text));

        Assert.Contains(answer, said, StringComparison.Ordinal);
        Assert.Empty(await ImprovementsAsync());
    }

    [Fact]
    public async Task ImprovementAdd_TooLong_IsRefusedWithTheLimit()
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "improvement add " + new string('x', 201), "en-GB"));

        Assert.Contains("at most 200 characters", said, StringComparison.Ordinal);
        Assert.Empty(await ImprovementsAsync());
    }

    [Fact]
    public async Task ImprovementAdd_PersonWithoutAUnit_IsToldWhy()
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Stranger, "improvement add Something better", "en-GB"));

        Assert.Contains("I don't know which unit you mean.", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImprovementsCommand_OpenOnes_InProgressFirstWithTheirNextSteps()
    {
        var suggested = await AddAsync("Foreslått tiltak");
        var started = await AddAsync("Påbegynt tiltak");
        var rejected = await AddAsync("Avvist tiltak");
        await MoveAsync(started, ImprovementStage.InProgress);
        await MoveAsync(rejected, ImprovementStage.Rejected);

        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "forbedringer"));

        var card = LastReplyCard();
        Assert.Equal("Åpne forbedringer – Byggesak", Texts(card)[0]);
        Assert.Equal("1 foreslått · 1 pågår · 0 ferdige, venter på gevinst", Texts(card)[1]);
        var items = Items(card);
        Assert.Equal(["Påbegynt tiltak", "Foreslått tiltak"], items.Select(i => i.Title));
        // Work not yet done also opens its benefit estimate.
        Assert.Equal(["Ferdig:Done", "Avvis:Rejected", "Gevinstanslag"], items[0].Buttons);
        Assert.Equal(["Start:InProgress", "Avvis:Rejected", "Gevinstanslag"], items[1].Buttons);
        Assert.DoesNotContain("Avvist tiltak", card.ToJsonString(), StringComparison.Ordinal);
        Assert.NotEqual(suggested, started);
    }

    [Fact]
    public async Task Lifecycle_StartDoneAndBenefit_EndsBenefitRealisedWithTheBenefitRecorded()
    {
        var id = await AddAsync("Digital sjekkliste");

        var afterStart = await MoveAsync(id, ImprovementStage.InProgress);
        var afterDone = await MoveAsync(id, ImprovementStage.Done);
        var (status, afterBenefit) = await ActAsync(ImprovementsCard.BenefitVerb, new JsonObject
        {
            ["improvementId"] = id, [$"kind-{id}"] = "TimeSaved", [$"amount-{id}"] = "12.5", [$"measure-{id}"] = "Hours",
        });

        Assert.Contains("«Digital sjekkliste» er nå: Pågår.", afterStart, StringComparison.Ordinal);
        Assert.Contains("«Digital sjekkliste» er nå: Ferdig.", afterDone, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Gevinsten av «Digital sjekkliste» er registrert.", afterBenefit, StringComparison.Ordinal);
        var improvement = Assert.Single(await ImprovementsAsync());
        Assert.Equal(ImprovementStage.BenefitRealised, improvement.Stage);
        Assert.Equal([ImprovementStage.InProgress, ImprovementStage.Done, ImprovementStage.BenefitRealised], improvement.History.Select(h => h.To));
        var benefit = Assert.Single(await Store.ListBenefitsAsync(_bot.TenantId, "byggesak", default));
        Assert.Equal((id, BenefitKind.TimeSaved, 12.5m, BenefitMeasure.Hours, BenefitStage.Realised), (benefit.ImprovementId, benefit.Kind, benefit.Amount, benefit.Measure, benefit.Stage));
    }

    [Fact]
    public async Task Benefit_Incomplete_ShowsTheErrorAtTheImprovementAndStoresNothing()
    {
        var id = await AddAsync("Digital sjekkliste");
        await MoveAsync(id, ImprovementStage.InProgress);
        await MoveAsync(id, ImprovementStage.Done);

        var (_, body) = await ActAsync(ImprovementsCard.BenefitVerb, new JsonObject { ["improvementId"] = id, [$"kind-{id}"] = "TimeSaved", [$"amount-{id}"] = "0" });

        Assert.Contains("Fyll ut type, verdi (over 0) og måleenhet for gevinsten.", body, StringComparison.Ordinal);
        Assert.Equal(ImprovementStage.Done, Assert.Single(await ImprovementsAsync()).Stage);
        Assert.Empty(await Store.ListBenefitsAsync(_bot.TenantId, "byggesak", default));
    }

    [Fact]
    public async Task Move_ClickedTwice_MovesOnceAndSaysItWasThereAlready()
    {
        var id = await AddAsync("Digital sjekkliste");

        var both = await Task.WhenAll(MoveAsync(id, ImprovementStage.InProgress), MoveAsync(id, ImprovementStage.InProgress));

        Assert.Single(both, b => b.Contains("er nå: Pågår", StringComparison.Ordinal));
        Assert.Single(both, b => b.Contains("var allerede: Pågår", StringComparison.Ordinal));
        Assert.Single(Assert.Single(await ImprovementsAsync()).History);
    }

    [Fact]
    public async Task StoreMove_TwentyAtOnce_ExactlyOneMovesAndTheHistoryHasOneEntry()
    {
        var id = await AddAsync("Digital sjekkliste");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            Store.MoveAsync(_bot.TenantId, "byggesak", id, ImprovementStage.InProgress, $"person {i}", _clock.GetUtcNow(), default))));

        Assert.Single(outcomes, o => o.Outcome == MoveOutcome.Moved);
        Assert.Equal(19, outcomes.Count(o => o.Outcome == MoveOutcome.AlreadyThere));
        Assert.Single(Assert.Single(await ImprovementsAsync()).History);
    }

    [Fact]
    public async Task Move_NotAllowedByTheLifecycle_ChangesNothingAndSaysWhere()
    {
        var id = await AddAsync("Digital sjekkliste");

        var body = await MoveAsync(id, ImprovementStage.Done);

        Assert.Contains("«Digital sjekkliste» er foreslått og kan ikke flyttes dit.", body, StringComparison.Ordinal);
        Assert.Equal(ImprovementStage.Suggested, Assert.Single(await ImprovementsAsync()).Stage);
    }

    [Fact]
    public async Task Move_ForAUnitOfAnotherTenant_FindsNothingAndChangesNothing()
    {
        var id = await AddAsync("Digital sjekkliste");
        var otherTenant = new TeamsActivities(TestTenants.New(), _bot.Connector.ServiceUrl);
        var invoke = otherTenant.Invoke(_bot.Stranger, "adaptiveCard/action", Value(ImprovementsCard.MoveVerb, new JsonObject { ["improvementId"] = id, ["to"] = "Rejected" }));

        using var response = await _bot.PostAsync(invoke);

        Assert.Contains("Dette kortet er utdatert: det det gjelder, finnes ikke lenger.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ImprovementStage.Suggested, Assert.Single(await ImprovementsAsync()).Stage);
    }

    [Fact]
    public async Task ImprovementCards_ListEmptyNoticeAndError_AreValidForTheOfficialRenderer()
    {
        var cards = new Dictionary<string, string>();
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "improvements", "en-GB"));
        cards["improvements-empty"] = LastReplyCard().ToJsonString();
        var id = await AddAsync("Digital sjekkliste");
        await AddAsync("Fast tid for veiledning");
        await MoveAsync(id, ImprovementStage.InProgress);
        var done = await MoveAsync(id, ImprovementStage.Done);
        cards["improvements-with-notice"] = JsonNode.Parse(done)!["value"]!.ToJsonString();
        var (_, error) = await ActAsync(ImprovementsCard.BenefitVerb, new JsonObject { ["improvementId"] = id });
        cards["improvements-with-error"] = JsonNode.Parse(error)!["value"]!.ToJsonString();

        var verdicts = await OfficialRenderer.ValidateAsync(cards, OfficialRenderer.ArtifactsFolder);

        Assert.Equal(3, verdicts.Count);
        Assert.All(verdicts.Values, v => Assert.True(v.IsValid, v.ToString()));
        Assert.Contains("Action.ShowCard", cards["improvements-with-notice"], StringComparison.Ordinal);
    }

    private static JsonObject Answers(string improvements, string deviations) => new()
    {
        ["held"] = "yes",
        ["attendance"] = "8",
        ["goal0"] = "Green",
        ["goal1"] = "Red",
        ["improvementsNew"] = improvements,
        ["deviations"] = deviations,
        ["benefitKind"] = "TimeSaved",
        ["benefitAmount"] = "3.5",
        ["benefitMeasure"] = "Hours",
        ["benefitAffects"] = "servicetorget",
    };

    private async Task<string> AddAsync(string title)
    {
        var before = (await ImprovementsAsync()).Select(i => i.Id).ToHashSet();
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "forbedring ny " + title));
        return (await ImprovementsAsync()).Single(i => !before.Contains(i.Id)).Id;
    }

    private async Task<string> MoveAsync(string id, ImprovementStage to)
    {
        var (status, body) = await ActAsync(ImprovementsCard.MoveVerb, new JsonObject { ["improvementId"] = id, ["to"] = to.ToString() });
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    private async Task CheckInAsync(string verb, JsonObject answers)
    {
        var data = answers.DeepClone().AsObject();
        data["meetingDate"] = LatestMeeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (status, body) = await ActAsync(verb, data);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("Noe mangler", body, StringComparison.Ordinal);
    }

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task<(HttpStatusCode Status, string Body)> ActAsync(string verb, JsonObject data)
    {
        var invoke = _bot.Activities.Invoke(_bot.ByggesakLeader, "adaptiveCard/action", Value(verb, data));
        using var response = await _bot.PostAsync(invoke);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(body)!.ToJsonString(Unescaped));
    }

    private static JsonObject Value(string verb, JsonObject data)
    {
        var withUnit = data.DeepClone().AsObject();
        withUnit["unitId"] = "byggesak";
        return new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = withUnit },
            ["trigger"] = "manual",
        };
    }

    private JsonObject LastReplyCard() =>
        _bot.Connector.Requests.Last(r => r.Operation == ConnectorOperation.Reply).Activity!.Attachments![0].Content!.AsObject();

    private static List<string> Texts(JsonObject card) =>
        [.. card["body"]!.AsArray().Where(e => (string?)e!["type"] == "TextBlock").Select(e => (string)e!["text"]!)];

    /// <summary>Each improvement's title and its buttons as "title:stage" (Action.Execute) or the ShowCard's title.</summary>
    private static List<(string Title, List<string> Buttons)> Items(JsonObject card) =>
    [
        .. card["body"]!.AsArray().Where(e => (string?)e!["type"] == "Container" && e["items"]![0]!["type"]!.GetValue<string>() == "ColumnSet").Select(e =>
        {
            var items = e!["items"]!.AsArray();
            var title = (string)items[0]!["columns"]![0]!["items"]![0]!["text"]!;
            var actions = items.Last()!["actions"]!.AsArray().Select(a => (string)a!["type"]! == "Action.Execute"
                ? $"{(string)a["title"]!}:{(string)a["data"]!["to"]!}"
                : (string)a["title"]!).ToList();
            return (title, actions);
        }),
    ];
}
