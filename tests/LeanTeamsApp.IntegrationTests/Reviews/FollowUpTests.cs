using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Features.Reviews;
using LeanTeamsApp.IntegrationTests.Cards;
using static LeanTeamsApp.IntegrationTests.Reviews.ReviewHost;

namespace LeanTeamsApp.IntegrationTests.Reviews;

public sealed class FollowUpTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 3, 12);

    private ReviewHost _host = null!;

    public async Task InitializeAsync() => _host = await ReviewHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private BotHost Bot => _host.Bot;

    /// <summary>
    /// Four follow-up areas recorded through the cards: two from a walk in Hjemmetjenesten nord (helse og omsorg),
    /// two from a review in Byggesak (samfunn og teknikk), with deadlines 13, 14, 17 and 22 March.
    /// </summary>
    private async Task RecordFourAsync()
    {
        await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, Today);
        await _host.SeedAsync(AppointmentKind.SemiAnnualReview, "byggesak", SalSamfunn, Today);
        var walk = await _host.CardForAsync(Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nord");
        await _host.SubmitAsync(Bot.HelseLeader, walk, new JsonObject
        {
            ["observations"] = "Tavla er oppdatert.",
            ["followUp0Text"] = "Legemiddelavvik følges ikke opp",
            ["followUp0Owner"] = "leder.hjemmenord@fjordvik.kommune.no",
            ["followUp0Deadline"] = "2026-03-17",
            ["followUp1Text"] = "Tavla mangler mål",
            ["followUp1Owner"] = "marte.lien@fjordvik.kommune.no",
            ["followUp1Deadline"] = "2026-03-14",
        });
        var review = await _host.CardForAsync(Bot.Coordinator, "revisjon ferdig Byggesak");
        await _host.SubmitAsync(Bot.Coordinator, review, new JsonObject
        {
            ["observations"] = "God praksis.",
            ["followUp0Text"] = "Gevinster telles ikke",
            ["followUp0Owner"] = "leder.byggesak@fjordvik.kommune.no",
            ["followUp0Deadline"] = "2026-03-22",
            ["followUp1Text"] = "Mangelfulle søknader",
            ["followUp1Owner"] = "linn.aasen@fjordvik.kommune.no",
            ["followUp1Deadline"] = "2026-03-13",
        });
        Assert.Equal(4, (await _host.Store.ListOpenFollowUpsAsync(_host.TenantId, default)).Count);
    }

    /// <summary>Each listed area as "text|deadline line|unit · owner".</summary>
    private static List<string> Listed(JsonObject card) =>
    [
        .. card["body"]!.AsArray().OfType<JsonObject>().Where(e => (string?)e["type"] == "Container" && e["items"]![0]!["type"]!.GetValue<string>() == "ColumnSet").Select(e =>
        {
            var items = e["items"]!.AsArray();
            var columns = items[0]!["columns"]!.AsArray();
            return $"{(string)columns[0]!["items"]![0]!["text"]!}|{(string)columns[1]!["items"]![0]!["text"]!}|{(string)items[1]!["text"]!}";
        }),
    ];

    [Fact]
    public async Task FollowUps_CoordinatorAfterDeadlinesPassed_SeesAllOverdueFirstThenByDeadline()
    {
        await RecordFourAsync();
        _host.Clock.SetUtcNow(DateTimeOffset.Parse("2026-03-16T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        var card = await _host.CardForAsync(Bot.Coordinator, "oppfølging");

        Assert.Equal("Åpne oppfølgingsområder (4)", Texts(card)[0]);
        Assert.Equal("2 har passert fristen. De står først.", Texts(card)[1]);
        Assert.Equal(
            [
                "Mangelfulle søknader|Frist 13.03.2026 – passert|Byggesak · Linn Aasen",
                "Tavla mangler mål|Frist 14.03.2026 – passert|Hjemmetjenesten nord · Marte Lien",
                "Legemiddelavvik følges ikke opp|Frist 17.03.2026|Hjemmetjenesten nord · Berit Moen",
                "Gevinster telles ikke|Frist 22.03.2026|Byggesak · Randi Lie",
            ],
            Listed(card));
    }

    [Theory]
    [InlineData("HelseLeader", "Tavla mangler mål|Legemiddelavvik følges ikke opp")]
    [InlineData("ByggesakLeader", "Mangelfulle søknader|Gevinster telles ikke")]
    [InlineData("Coordinator", "Mangelfulle søknader|Tavla mangler mål|Legemiddelavvik følges ikke opp|Gevinster telles ikke")]
    public async Task FollowUps_EachRole_SeesTheUnitsItIsResponsibleFor(string who, string expected)
    {
        await RecordFourAsync();
        var user = who switch { "HelseLeader" => Bot.HelseLeader, "ByggesakLeader" => Bot.ByggesakLeader, _ => Bot.Coordinator };

        var card = await _host.CardForAsync(user, "followups", "en-GB");

        Assert.Equal(expected.Split('|'), Listed(card).Select(l => l.Split('|')[0]));
    }

    [Fact]
    public async Task FollowUps_PersonOutsideTheOrganisation_IsToldWhy()
    {
        await RecordFourAsync();

        var said = await _host.SayAsync(Bot.Stranger, "uppfoljning", "sv-SE");

        Assert.Contains("Jag hittar dig inte (ukjent.person@example.com) i organisationen.", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Gevinster", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUpClose_ClickedTwiceAtOnce_ClosesOnceAndTheListDropsIt()
    {
        await RecordFourAsync();
        var card = await _host.CardForAsync(Bot.HelseLeader, "oppfølging");
        var close = card["body"]!.AsArray().OfType<JsonObject>()
            .Where(e => (string?)e["type"] == "Container")
            .Select(e => e["items"]!.AsArray().Last()!["actions"]![0]!)
            .First();
        Assert.Equal(FollowUpsCard.CloseVerb, (string?)close["verb"]);
        var data = close["data"]!.AsObject();

        var both = await Task.WhenAll(_host.ActAsync(Bot.HelseLeader, FollowUpsCard.CloseVerb, data), _host.ActAsync(Bot.HelseLeader, FollowUpsCard.CloseVerb, data));

        Assert.Single(both, a => a.Body.Contains("«Tavla mangler mål» er lukket.", StringComparison.Ordinal));
        Assert.Single(both, a => a.Body.Contains("«Tavla mangler mål» var allerede lukket.", StringComparison.Ordinal));
        Assert.All(both, a => Assert.DoesNotContain("Tavla mangler mål|", string.Join("\n", Listed(a.Card!)), StringComparison.Ordinal));
        var closed = await _host.Store.GetFollowUpAsync(_host.TenantId, "hjemmetjenesten-nord", (string)data["followUpId"]!, default);
        Assert.Equal((FollowUpStatus.Closed, "Kari Nordby", Start), (closed!.Status, closed.ClosedBy, closed.ClosedAt));
        Assert.Equal(3, (await _host.Store.ListOpenFollowUpsAsync(_host.TenantId, default)).Count);
    }

    [Fact]
    public async Task FollowUpClose_UnitLeaderOfAnotherUnit_IsRefusedAndItStaysOpen()
    {
        await RecordFourAsync();
        var area = (await _host.Store.ListFollowUpsAsync(_host.TenantId, "hjemmetjenesten-nord", default))[0];

        var answer = await _host.ActAsync(Bot.ByggesakLeader, FollowUpsCard.CloseVerb, new JsonObject { ["unitId"] = area.UnitId, ["followUpId"] = area.Id }, "en-GB");

        Assert.Equal("You are not allowed to close or open follow-up areas of Hjemmetjenesten nord. This is for the Lean coordinator, service-area leader, unit leader or unit Lean coordinator. Nothing was changed.", answer.Message);
        Assert.Equal(FollowUpStatus.Open, (await _host.Store.GetFollowUpAsync(_host.TenantId, area.UnitId, area.Id, default))!.Status);
    }

    [Fact]
    public async Task FollowUps_MoreThanTheCardHolds_ShowsTheFirstThirtyAndHowManyMore()
    {
        for (var n = 0; n < 7; n++)
        {
            var areas = Enumerable.Range(0, 5).Select(i => new FollowUpArea(
                ReviewIds.FollowUp(2026, $"seed-{n}", i), "byggesak", $"Område {n}-{i}", "leder.byggesak@fjordvik.kommune.no",
                Today.AddDays(10 + (n * 5) + i), FollowUpStatus.Open, $"seed-{n}", Start)).ToList();
            await _host.Store.RecordAsync(_host.TenantId, new AppointmentRecord($"seed-{n}", 2026, "byggesak", "Sett", null, "Jonas Vik", Start, [.. areas.Select(a => a.Id)]), areas, default);
        }

        var card = await _host.CardForAsync(Bot.ByggesakLeader, "followups", "en-GB");

        Assert.Equal("Open follow-up areas (35)", Texts(card)[0]);
        Assert.Equal(30, Listed(card).Count);
        Assert.Equal("Område 0-0", Listed(card)[0].Split('|')[0]);
        Assert.Equal("… and 5 more.", Texts(card)[^1]);
    }

    [Fact]
    public async Task ReviewCards_FormsErrorsSummariesAndLists_AreValidForTheOfficialRenderer()
    {
        var cards = new Dictionary<string, string>(StringComparer.Ordinal);
        await _host.SeedAsync(AppointmentKind.FishboneAnalysis, "fjordtun-sykehjem", SalHelse, Today);
        await _host.SeedAsync(AppointmentKind.GembaWalk, "tildelingskontoret", SalHelse, Today);
        await _host.SeedAsync(AppointmentKind.SemiAnnualReview, "hjemmetjenesten-sor", SalHelse, Today);

        var empty = await _host.CardForAsync(Bot.Coordinator, "followups", "en-GB");
        cards["followups-empty-en"] = Json(empty);
        var walk = await _host.CardForAsync(Bot.HelseLeader, "revisjon ferdig Tildelingskontoret");
        cards["record-walk-form-nb"] = Json(walk);
        cards["record-review-form-sv"] = Json(await _host.CardForAsync(Bot.HelseLeader, "uppföljning klar Hjemmetjenesten sør", "sv-SE"));
        var fishbone = await _host.CardForAsync(Bot.HelseLeader, "review done Fjordtun sykehjem", "en-GB");
        cards["record-fishbone-form-en"] = Json(fishbone);
        var walkErrors = await _host.SubmitAsync(Bot.HelseLeader, walk, new JsonObject { ["followUp0Text"] = "Uten eier" });
        cards["record-walk-errors-nb"] = Json(walkErrors.Card!);
        var fishboneErrors = await _host.SubmitAsync(Bot.HelseLeader, fishbone, new JsonObject { ["measure2Owner"] = "ingrid.solheim@fjordvik.kommune.no" }, "en-GB");
        cards["record-fishbone-errors-en"] = Json(fishboneErrors.Card!);
        var walkSummary = await _host.SubmitAsync(Bot.HelseLeader, walk, new JsonObject
        {
            ["observations"] = "Tavla er oppdatert.",
            ["agreedActions"] = "Ny tavle.",
            ["followUp0Text"] = "Gevinster telles ikke",
            ["followUp0Owner"] = "leder.tildeling@fjordvik.kommune.no",
            ["followUp0Deadline"] = "2026-03-13",
        });
        cards["record-walk-summary-nb"] = Json(walkSummary.Card!);
        var fishboneSummary = await _host.SubmitAsync(Bot.HelseLeader, fishbone, new JsonObject
        {
            ["causeMethod"] = "Ingen fast agenda",
            ["measure0Text"] = "Fast agenda",
            ["measure0Owner"] = "tol.helse@fjordvik.kommune.no",
            ["measure0Deadline"] = "2026-04-01",
            ["decision"] = "Continue",
        }, "en-GB");
        cards["record-fishbone-summary-en"] = Json(fishboneSummary.Card!);
        _host.Clock.Advance(TimeSpan.FromDays(2));
        var list = await _host.CardForAsync(Bot.HelseLeader, "oppfølging");
        cards["followups-overdue-nb"] = Json(list);
        var close = list["body"]!.AsArray().OfType<JsonObject>().Where(e => (string?)e["type"] == "Container").Select(e => e["items"]!.AsArray().Last()!["actions"]![0]!["data"]!.AsObject()).First();
        cards["followups-closed-notice-sv"] = Json((await _host.ActAsync(Bot.HelseLeader, FollowUpsCard.CloseVerb, close, "sv-SE")).Card!);

        var verdicts = await OfficialRenderer.ValidateAsync(cards, OfficialRenderer.ArtifactsFolder);

        Assert.Equal(cards.Count, verdicts.Count);
        Assert.All(verdicts.Values, v => Assert.True(v.IsValid, v.ToString()));
        Assert.Contains("Frist 13.03.2026 – passert", cards["followups-overdue-nb"], StringComparison.Ordinal);
        Assert.Contains("”Gevinster telles ikke” är stängt.", cards["followups-closed-notice-sv"], StringComparison.Ordinal);
    }
}
