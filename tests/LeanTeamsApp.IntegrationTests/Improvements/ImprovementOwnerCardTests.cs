using System.Net;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.IntegrationTests.Cards;

namespace LeanTeamsApp.IntegrationTests.Improvements;

/// <summary>
/// What the tab's board sets shows in chat: the improvements card names each improvement's owner and its deadline,
/// in the language of the chat, and marks a deadline passed while the work is still to be done. It is Friday
/// 20 November 2026; Byggesak's Lean coordinator Linn Aasen is named owner on the board.
/// </summary>
public sealed class ImprovementOwnerCardTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 11, 1, 0, TimeSpan.Zero);
    private const string Linn = "linn.aasen@fjordvik.kommune.no";

    private BoardHost _host = null!;

    public async Task InitializeAsync() => _host = await BoardHost.StartAsync(Friday);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Leader => _host.Token("leder.byggesak@fjordvik.kommune.no", "Randi Lie");

    private string Coordinator => _host.Token("lean.koordinator@fjordvik.kommune.no", "Jonas Vik");

    /// <summary>Randi Lie adds <paramref name="title"/> on the tab's board with its owner and deadline; returns its id.</summary>
    private async Task<string> AddOnTheBoardAsync(string title, string? ownerId, string? dueDate)
    {
        var (status, body) = await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/improvements", Leader,
            new JsonObject { ["title"] = title, ["ownerId"] = ownerId, ["dueDate"] = dueDate });
        Assert.Equal(HttpStatusCode.Created, status);
        return (string)body!["id"]!;
    }

    /// <summary>The improvements card as <paramref name="locale"/> asks for it with <paramref name="word"/>.</summary>
    private async Task<JsonObject> CardAsync(string word, string locale)
    {
        await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.ByggesakLeader, word, locale));
        return _host.LastCard();
    }

    /// <summary>The lines under an improvement's title on the card, as the card's TextBlocks hold them (plain text).</summary>
    private static List<string> Lines(JsonObject card, string title)
    {
        var item = card["body"]!.AsArray().Single(e => (string?)e!["type"] == "Container"
            && e["items"]![0]!["type"]!.GetValue<string>() == "ColumnSet"
            && (string?)e["items"]![0]!["columns"]![0]!["items"]![0]!["text"] == title)!;
        return [.. item["items"]!.AsArray().Skip(1).Where(e => (string?)e!["type"] == "TextBlock").Select(e => (string)e!["text"]!)];
    }

    private static JsonNode? LineBlock(JsonObject card, string title, string text) =>
        card["body"]!.AsArray().Single(e => (string?)e!["type"] == "Container"
            && e["items"]![0]!["type"]!.GetValue<string>() == "ColumnSet"
            && (string?)e["items"]![0]!["columns"]![0]!["items"]![0]!["text"] == title)!["items"]!.AsArray()
            .Single(e => (string?)e!["text"] == text);

    [Theory]
    [InlineData("nb-NO", "forbedringer", "Ansvarlig: Linn Aasen · Frist: 15.12.2026", "Ansvarlig: Linn Aasen · Frist: 27.11.2026 – forfalt")]
    [InlineData("nn-NO", "forbetringar", "Ansvarleg: Linn Aasen · Frist: 15.12.2026", "Ansvarleg: Linn Aasen · Frist: 27.11.2026 – fristen er ute")]
    [InlineData("sv-SE", "förbättringar", "Ansvarig: Linn Aasen · Klart senast: 2026-12-15", "Ansvarig: Linn Aasen · Klart senast: 2026-11-27 – försenad")]
    [InlineData("en-GB", "improvements", "Owner: Linn Aasen · Deadline: 15/12/2026", "Owner: Linn Aasen · Deadline: 27/11/2026 – overdue")]
    public async Task ImprovementsCard_OwnerAndDeadlineSetOnTheBoard_ShowsTheNameAndTheLocalDateAndMarksOverdue(string locale, string word, string onTime, string overdue)
    {
        await AddOnTheBoardAsync("Sjekkliste ved mottak", Linn, "2026-12-15");
        await AddOnTheBoardAsync("Mal for nabovarsel", Linn, "2026-11-27");
        var finished = await AddOnTheBoardAsync("Ferdig i tide", null, "2026-11-27");
        await AddOnTheBoardAsync("Uten ansvarlig", null, null);
        await _host.MoveAsync(finished, ImprovementStage.InProgress);
        await _host.MoveAsync(finished, ImprovementStage.Done);
        // On the day itself the deadline has not passed yet; on Saturday 28 November it has, and 15 December has not.
        _host.Clock.Advance(TimeSpan.FromDays(7));
        var onTheDay = await CardAsync(word, locale);
        _host.Clock.Advance(TimeSpan.FromDays(1));

        var card = await CardAsync(word, locale);

        var json = card.ToJsonString();
        Assert.Equal(overdue[..overdue.LastIndexOf(" – ", StringComparison.Ordinal)], Lines(onTheDay, "Mal for nabovarsel")[1]);
        Assert.Equal(onTime, Lines(card, "Sjekkliste ved mottak")[1]);
        Assert.Equal(overdue, Lines(card, "Mal for nabovarsel")[1]);
        Assert.Equal("attention", (string?)LineBlock(card, "Mal for nabovarsel", overdue)!["color"]);
        Assert.Null(LineBlock(card, "Sjekkliste ved mottak", onTime)!["color"]);
        // Done is done: a deadline passed after the work was finished is not overdue.
        Assert.DoesNotContain("–", Lines(card, "Ferdig i tide")[1], StringComparison.Ordinal);
        Assert.Single(Lines(card, "Uten ansvarlig"));
        Assert.DoesNotContain(Linn, json, StringComparison.Ordinal);
        Assert.Null(LineBlock(card, "Ferdig i tide", Lines(card, "Ferdig i tide")[1])!["color"]);
    }

    [Fact]
    public async Task ImprovementsCard_OwnerChangedOnTheBoard_ShowsTheNewOwnerAtOnce()
    {
        var id = await AddOnTheBoardAsync("Sjekkliste ved mottak", Linn, null);
        var stored = (await _host.Records.GetImprovementAsync(_host.TenantId, "byggesak", id, default))!;
        var (status, _) = await _host.TabAsync(HttpMethod.Put, $"/api/tab/units/byggesak/improvements/{id}/owner", Leader,
            new JsonObject { ["ownerId"] = "leder.byggesak@fjordvik.kommune.no", ["etag"] = stored.ETag });
        Assert.Equal(HttpStatusCode.OK, status);

        var card = await CardAsync("forbedringer", "nb-NO");

        Assert.Equal(["Randi Lie · lagt til 20.11.2026", "Ansvarlig: Randi Lie"], Lines(card, "Sjekkliste ved mottak"));
    }

    [Fact]
    public async Task ImprovementsCard_OwnerLeftTheOrganisation_ShowsTheirNameAsNoLongerThereAndNoId()
    {
        await AddOnTheBoardAsync("Sjekkliste ved mottak", Linn, "2026-12-15");
        var store = _host.Bot.App.Store;
        var linn = (await store.GetPersonAsync(_host.TenantId, Linn, default))!;
        Assert.Equal(WriteOutcome.Written, (await store.SavePersonAsync(_host.TenantId, linn with { Removed = true }, default)).Outcome);

        var nb = await CardAsync("forbedringer", "nb-NO");
        var sv = await CardAsync("förbättringar", "sv-SE");

        Assert.Equal("Ansvarlig: Linn Aasen (ikke lenger i organisasjonen) · Frist: 15.12.2026", Lines(nb, "Sjekkliste ved mottak")[1]);
        Assert.Equal("Ansvarig: Linn Aasen (inte längre i organisationen) · Klart senast: 2026-12-15", Lines(sv, "Sjekkliste ved mottak")[1]);
        Assert.DoesNotContain(Linn, nb.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImprovementsCard_OwnerErased_SaysSoInsteadOfTheirId()
    {
        await AddOnTheBoardAsync("Sjekkliste ved mottak", Linn, null);
        Assert.Equal(HttpStatusCode.OK, (await _host.TabAsync(HttpMethod.Post, $"/api/tab/people/{Linn}/erase", Coordinator)).Status);

        var nn = await CardAsync("forbetringar", "nn-NO");
        var en = await CardAsync("improvements", "en-GB");

        Assert.Equal("Ansvarleg: sletta person", Lines(nn, "Sjekkliste ved mottak")[1]);
        Assert.Equal("Owner: erased person", Lines(en, "Sjekkliste ved mottak")[1]);
        Assert.DoesNotContain(Linn, nn.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("linn.aasen", en.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImprovementsCard_WithOwnersDeadlinesAndOverdueInEveryLanguage_IsValidForTheOfficialRenderer()
    {
        await AddOnTheBoardAsync("Sjekkliste ved mottak", Linn, "2026-12-15");
        await AddOnTheBoardAsync("Mal for nabovarsel", "leder.byggesak@fjordvik.kommune.no", "2026-11-27");
        _host.Clock.Advance(TimeSpan.FromDays(8));
        var cards = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (locale, word) in new[] { ("nb-NO", "forbedringer"), ("nn-NO", "forbetringar"), ("sv-SE", "förbättringar"), ("en-GB", "improvements") })
        {
            var card = await CardAsync(word, locale);
            Assert.Contains(card["body"]!.AsArray(), e => (string?)e!["type"] == "Container" && e["items"]!.AsArray().Any(i => (string?)i!["color"] == "attention"));
            cards[$"improvements-owners-{locale}"] = card.ToJsonString();
        }

        var verdicts = await OfficialRenderer.ValidateAsync(cards, OfficialRenderer.ArtifactsFolder);

        Assert.Equal(4, verdicts.Count);
        Assert.All(verdicts.Values, v => Assert.True(v.IsValid, v.ToString()));
    }
}
