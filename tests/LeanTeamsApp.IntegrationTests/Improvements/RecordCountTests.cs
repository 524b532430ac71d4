using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.IntegrationTests.Cards;

namespace LeanTeamsApp.IntegrationTests.Improvements;

/// <summary>
/// One source of truth: the check-in card moves the improvement records, and the digest, the report and the tab count
/// those records. Byggesak adds three improvements in week 46 and starts one; at its meeting on Thursday 19 November
/// (week 47) its check-in, sent on Friday, starts one, finishes one and adds one.
/// </summary>
public sealed class RecordCountTests : IAsyncLifetime
{
    // Monday 9 November 2026 (week 46) and Friday 20 November (week 47), both mid-morning in Oslo.
    private static readonly DateTimeOffset Week46 = new(2026, 11, 9, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FridayWeek47 = new(2026, 11, 20, 11, 1, 0, TimeSpan.Zero);
    private static readonly DateOnly Meeting47 = new(2026, 11, 19);

    private BoardHost _host = null!;

    public async Task InitializeAsync() => _host = await BoardHost.StartAsync(Week46);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CheckIn_MovesTwoOpenImprovementsAndAddsOne_RecordsMoveAndDigestReportAndTabCountThem()
    {
        await CheckInWeek47Async();

        var improvements = await _host.ImprovementsAsync();
        Assert.Equal(
            ["Digital sjekkliste:InProgress", "Fast tid for veiledning:Done", "Felles mal for nabovarsel:Suggested", "Ny mal for vedtak:Suggested"],
            improvements.Select(i => $"{i.Title}:{i.Stage}").Order(StringComparer.Ordinal));
        var moved = improvements.Where(i => i.Title is "Digital sjekkliste" or "Fast tid for veiledning").SelectMany(i => i.History).Where(h => h.MeetingDate is not null).ToList();
        Assert.Equal(2, moved.Count);
        Assert.All(moved, h => Assert.Equal(("Randi Lie", Meeting47), (h.By, h.MeetingDate!.Value)));
        var added = improvements.Single(i => i.Title == "Felles mal for nabovarsel");
        Assert.Equal((RecordSource.CheckIn, Meeting47), (added.Source, added.MeetingDate!.Value));

        // What the records say, week by week: three new in week 46; in week 47 one new and one done, one in progress.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(_host.Byggesak.TimeZone);
        var week47 = ImprovementCounts.InWeek(improvements, new IsoWeek(2026, 47), zone);
        var quarter = (New: improvements.Count, Done: improvements.Count(i => i.History.Any(h => h.To == ImprovementStage.Done)));
        Assert.Equal((new WeekCounts(1, 1, 1), (4, 1)), (week47, quarter));

        Assert.Contains("{\"title\":\"Forbedringer\",\"value\":\"1 ny · 1 ferdig\"}", await DigestAsync(), StringComparison.Ordinal);
        Assert.Contains("1 ny/1 ferdig", ByggesakDigestLine(await DigestAsync()), StringComparison.Ordinal);
        Assert.Equal(quarter, await ReportAsync());
        Assert.Equal((quarter.New, improvements.Count(i => i.Stage == ImprovementStage.InProgress), quarter.Done), await OverviewAsync());
    }

    [Fact]
    public async Task ChatMovesBetweenCheckIns_CountsFollowTheRecords()
    {
        await CheckInWeek47Async();
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await _host.MoveAsync((await _host.ImprovementAsync("Digital sjekkliste")).Id, ImprovementStage.Done);
        await _host.MoveAsync((await _host.ImprovementAsync("Ny mal for vedtak")).Id, ImprovementStage.Rejected);
        await _host.AddAsync("Sjekkliste for befaring");
        _host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 11, 1, 0, TimeSpan.Zero));

        var improvements = await _host.ImprovementsAsync();
        var weeks = _host.Bot.App.Services.GetRequiredService<UnitWeekStore>();
        var week48 = Assert.Single(await weeks.ListWeekAsync(_host.TenantId, new IsoWeek(2026, 48), default), w => w.UnitId == "byggesak");
        var week47 = Assert.Single(await weeks.ListWeekAsync(_host.TenantId, new IsoWeek(2026, 47), default), w => w.UnitId == "byggesak");
        Assert.Equal((1, 0, 1), (week48.ImprovementsNew, week48.ImprovementsInProgress, week48.ImprovementsDone));
        Assert.Equal((1, 1, 1), (week47.ImprovementsNew, week47.ImprovementsInProgress, week47.ImprovementsDone));
        Assert.Contains("1 ny/1 ferdig", ByggesakDigestLine(await DigestAsync()), StringComparison.Ordinal);
        var done = improvements.Count(i => i.History.Any(h => h.To == ImprovementStage.Done));
        Assert.Equal((improvements.Count, done), await ReportAsync());
        Assert.Equal((5, 2), (improvements.Count, done));
        Assert.Equal((improvements.Count, 0, done), await OverviewAsync());
    }

    [Fact]
    public async Task CheckIn_ImprovementMovedInChatAfterTheCardWasMade_IsNotMovedBackAndCanStillMoveOn()
    {
        var first = await _host.AddAsync("Digital sjekkliste");
        var second = await _host.AddAsync("Fast tid for veiledning");
        _host.Clock.SetUtcNow(FridayWeek47);
        var form = await FormAsync();
        await _host.MoveAsync(first, ImprovementStage.InProgress);
        await _host.MoveAsync(second, ImprovementStage.InProgress);

        // The card still shows both as suggestions: the first is left as shown, the second is set to done.
        var answers = Answers(form);
        answers[$"stage-{first}"] = "Suggested";
        answers[$"stage-{second}"] = "Done";
        var (status, body) = await _host.ActAsync(CheckInCard.SubmitVerb, answers);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Fast tid for veiledning: ferdig", body, StringComparison.Ordinal);
        Assert.Equal(
            ["Digital sjekkliste:InProgress", "Fast tid for veiledning:Done"],
            (await _host.ImprovementsAsync()).Select(i => $"{i.Title}:{i.Stage}").Order(StringComparer.Ordinal));
        Assert.Equal([ImprovementStage.InProgress, ImprovementStage.Done], (await _host.ImprovementAsync("Fast tid for veiledning")).History.Select(h => h.To));
    }

    [Fact]
    public async Task CheckIn_SuggestionSetToDone_IsStartedAndFinishedAtTheMeeting()
    {
        var id = await _host.AddAsync("Digital sjekkliste");
        _host.Clock.SetUtcNow(FridayWeek47);
        var answers = Answers(await FormAsync());
        answers[$"stage-{id}"] = "Done";

        await _host.ActAsync(CheckInCard.SubmitVerb, answers);
        await _host.ActAsync(CheckInCard.SubmitVerb, answers);

        var improvement = await _host.ImprovementAsync("Digital sjekkliste");
        Assert.Equal([ImprovementStage.InProgress, ImprovementStage.Done], improvement.History.Select(h => h.To));
        Assert.All(improvement.History, h => Assert.Equal(Meeting47, h.MeetingDate));
    }

    [Fact]
    public async Task CheckIn_StageTheLifecycleDoesNotAllow_ShowsTheErrorAtTheImprovementAndStoresNothing()
    {
        var id = await _host.AddAsync("Digital sjekkliste");
        _host.Clock.SetUtcNow(FridayWeek47);
        var answers = Answers(await FormAsync());
        answers[$"stage-{id}"] = "BenefitRealised";

        var (_, body) = await _host.ActAsync(CheckInCard.SubmitVerb, answers);

        var card = Elements(JsonNode.Parse(body)!["value"]).ToList();
        var input = card.FindIndex(e => (string?)e["id"] == $"stage-{id}");
        Assert.Equal("Må fylles ut.", (string?)card[input + 1]["text"]);
        Assert.Null(await _host.Bot.App.Services.GetRequiredService<CheckInStore>().GetAsync(_host.TenantId, "byggesak", Meeting47, default));
        Assert.Empty((await _host.ImprovementAsync("Digital sjekkliste")).History);
    }

    [Fact]
    public async Task CheckInCards_FormWithOpenImprovementsAndSummaryWithMoves_AreValidForTheOfficialRenderer()
    {
        await AddWeek46Async();
        _host.Clock.SetUtcNow(FridayWeek47);
        var cards = new Dictionary<string, string>(StringComparer.Ordinal);
        var form = await FormAsync("en-GB");
        cards["checkin-form-open-improvements"] = form.ToJsonString();
        var answers = Answers(form);
        answers[$"stage-{(await _host.ImprovementAsync("Digital sjekkliste")).Id}"] = "InProgress";
        var (_, summary) = await _host.ActAsync(CheckInCard.SubmitVerb, answers);
        cards["checkin-summary-moves"] = JsonNode.Parse(summary)!["value"]!.ToJsonString();

        var verdicts = await OfficialRenderer.ValidateAsync(cards, OfficialRenderer.ArtifactsFolder);

        Assert.All(verdicts.Values, v => Assert.True(v.IsValid, v.ToString()));
        Assert.Contains("\"id\":\"stage-", cards["checkin-form-open-improvements"], StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Flyttet på tavlen\",\"value\":\"Digital sjekkliste: pågår\"", summary, StringComparison.Ordinal);
    }

    private async Task AddWeek46Async()
    {
        await _host.AddAsync("Digital sjekkliste");
        await _host.AddAsync("Fast tid for veiledning");
        await _host.AddAsync("Ny mal for vedtak");
        await _host.MoveAsync((await _host.ImprovementAsync("Fast tid for veiledning")).Id, ImprovementStage.InProgress);
    }

    /// <summary>
    /// Week 46 in chat: three improvements added, one started. Friday of week 47: the check-in for Thursday's meeting
    /// starts "Digital sjekkliste", finishes "Fast tid for veiledning", leaves "Ny mal for vedtak" and adds one.
    /// </summary>
    private async Task CheckInWeek47Async()
    {
        await AddWeek46Async();
        _host.Clock.SetUtcNow(FridayWeek47);
        var form = await FormAsync();
        var stages = Elements(form).Where(e => ((string?)e["id"])?.StartsWith("stage-", StringComparison.Ordinal) == true)
            .ToDictionary(e => (string)e["label"]!, e => (string)e["value"]!);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Digital sjekkliste"] = "Suggested", ["Fast tid for veiledning"] = "InProgress", ["Ny mal for vedtak"] = "Suggested",
        }, stages);

        var answers = Answers(form);
        answers[$"stage-{(await _host.ImprovementAsync("Digital sjekkliste")).Id}"] = "InProgress";
        answers[$"stage-{(await _host.ImprovementAsync("Fast tid for veiledning")).Id}"] = "Done";
        answers[$"stage-{(await _host.ImprovementAsync("Ny mal for vedtak")).Id}"] = "Suggested";
        answers["improvementsNew"] = "Felles mal for nabovarsel";
        var (status, body) = await _host.ActAsync(CheckInCard.SubmitVerb, answers);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Sendt av Randi Lie", body, StringComparison.Ordinal);
    }

    /// <summary>Randi asks for the check-in card; returns it.</summary>
    private async Task<JsonObject> FormAsync(string locale = "nb-NO")
    {
        await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.ByggesakLeader, locale == "en-GB" ? "checkin" : "statusrapport", locale));
        return _host.LastCard();
    }

    /// <summary>The card's own data (unit, meeting, the stages it showed) with a held meeting's required answers.</summary>
    private static JsonObject Answers(JsonObject form)
    {
        var data = Elements(form).First(e => (string?)e["verb"] == CheckInCard.SubmitVerb)["data"]!.DeepClone().AsObject();
        data.Remove("msteams");
        data["held"] = "yes";
        data["attendance"] = "7";
        data["goal0"] = "Green";
        data["goal1"] = "Yellow";
        Assert.Equal(Meeting47.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)data["meetingDate"]);
        return data;
    }

    /// <summary>A card's elements and actions in the order the card shows them, inside its sections too.</summary>
    private static IEnumerable<JsonObject> Elements(JsonNode? node) => node switch
    {
        JsonObject o when o["type"] is not null => [o, .. o.Where(p => p.Key is not "fallback").SelectMany(p => Elements(p.Value))],
        JsonObject o => o.SelectMany(p => Elements(p.Value)),
        JsonArray a => a.SelectMany(Elements),
        _ => [],
    };

    private async Task<string> DigestAsync() => await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.Coordinator, "ukeoppsummering"));

    private static string ByggesakDigestLine(string digest)
    {
        var start = digest.IndexOf("{\"title\":\"Byggesak\",\"value\":\"", StringComparison.Ordinal);
        Assert.True(start >= 0, digest);
        return digest[start..digest.IndexOf('}', start)];
    }

    /// <summary>Byggesak's new and done improvements in the fourth quarter's CSV, fetched from the tab as the coordinator.</summary>
    private async Task<(int New, int Done)> ReportAsync()
    {
        var csv = await _host.TabTextAsync("/api/tab/reports/2026-Q4.csv", _host.Token("lean.koordinator@fjordvik.kommune.no", "Jonas Vik"));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';')).ToList();
        var header = lines[0].ToList();
        var row = lines.Single(l => l[1] == "Byggesak");
        return (int.Parse(row[header.IndexOf("Forbedringer, nye")], CultureInfo.InvariantCulture), int.Parse(row[header.IndexOf("Forbedringer, ferdige")], CultureInfo.InvariantCulture));
    }

    /// <summary>Byggesak's improvements on the tab's overview: new and done in the weeks shown, in progress now.</summary>
    private async Task<(int New, int InProgress, int Done)> OverviewAsync()
    {
        var (status, body) = await _host.TabAsync(HttpMethod.Get, "/api/tab/overview", _host.Token("lean.koordinator@fjordvik.kommune.no", "Jonas Vik"));
        Assert.Equal(HttpStatusCode.OK, status);
        var counts = body!["units"]!.AsArray().Single(u => (string?)u!["id"] == "byggesak")!["improvements"]!;
        return ((int)counts["new"]!, (int)counts["inProgress"]!, (int)counts["done"]!);
    }
}
