using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Digest;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.Infrastructure.Storage;
using LeanTeamsApp.IntegrationTests.Cards;

namespace LeanTeamsApp.IntegrationTests.Improvements;

/// <summary>
/// The chase: an improvement Byggesak finished on Friday 20 November 2026, with no benefit recorded, is named on the
/// unit's check-in card and in the digest once the organisation's weeks (four, the default) have passed, not before.
/// </summary>
public sealed class BenefitChaseTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 11, 1, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private BoardHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BoardHost.StartAsync(Friday);
        var id = await _host.AddAsync("Digital byggesøknad");
        await _host.MoveAsync(id, ImprovementStage.InProgress);
        await _host.MoveAsync(id, ImprovementStage.Done);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> CheckInCardAsync()
    {
        await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.ByggesakLeader, "statusrapport"));
        return _host.LastCard().ToJsonString(Unescaped);
    }

    private async Task<string> DigestAsync() => await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.Coordinator, "ukeoppsummering"));

    [Fact]
    public async Task DoneWithoutBenefit_FewerWeeksThanTheSetting_IsNotChased()
    {
        _host.Clock.Advance(TimeSpan.FromDays(21));

        Assert.DoesNotContain("Registrer gevinsten av", await CheckInCardAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("registrer gevinsten av", await DigestAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoneWithoutBenefit_AfterTheSettingsWeeks_IsChasedOnTheCheckInCardAndInTheDigestUntilRecorded()
    {
        _host.Clock.Advance(TimeSpan.FromDays(7 * 8));

        var card = await CheckInCardAsync();
        Assert.Contains("Registrer gevinsten av Digital byggesøknad: ferdig for mer enn 4 uker siden", card, StringComparison.Ordinal);
        Assert.Contains("Byggesak: registrer gevinsten av Digital byggesøknad", await DigestAsync(), StringComparison.Ordinal);
        var verdicts = await OfficialRenderer.ValidateAsync(new Dictionary<string, string> { ["benefit-chase-checkin"] = card }, OfficialRenderer.ArtifactsFolder);
        Assert.True(verdicts["benefit-chase-checkin"].IsValid, verdicts["benefit-chase-checkin"].ToString());

        var id = (await _host.ImprovementAsync("Digital byggesøknad")).Id;
        var (status, _) = await _host.ActAsync(ImprovementsCard.BenefitVerb, new JsonObject
        {
            ["improvementId"] = id, [$"kind-{id}"] = "TimeSaved", [$"amount-{id}"] = "20", [$"measure-{id}"] = "Hours",
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.DoesNotContain("Registrer gevinsten av", await CheckInCardAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("registrer gevinsten av", await DigestAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditedCheckInCard_OrganisationChasingAfterTwoWeeks_ChasesByTheSettingNotTheDefault()
    {
        var store = _host.Bot.App.Store;
        var org = (await store.GetOrganisationAsync(_host.TenantId, default))!;
        await store.SaveOrganisationAsync(org with { BenefitChaseWeeks = 2 }, default);
        _host.Clock.Advance(TimeSpan.FromDays(21));

        var (_, card) = await _host.ActAsync(CheckInCard.EditVerb, new JsonObject { ["meetingDate"] = "2026-12-10" });

        Assert.Contains("Registrer gevinsten av Digital byggesøknad: ferdig for mer enn 2 uker siden", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_AfterTheSettingsWeeks_ChasesFromTheOverviewRowWhatTheBoardRowHolds()
    {
        _host.Clock.Advance(TimeSpan.FromDays(7 * 8));
        var services = _host.Bot.App.Services;
        var org = (await _host.Bot.App.Store.GetOrganisationAsync(_host.TenantId, default))!;
        var now = _host.Clock.GetUtcNow();
        var week = DigestScheduler.DuePeriod(org, now);

        var read = await services.GetRequiredService<DigestService>().ReadAsync(_host.TenantId, week, now, default);
        var boards = (await services.GetRequiredService<UnitWeeks>().ListBoardsAsync(_host.TenantId, default)).ToDictionary(b => b.UnitId, b => b.AwaitingBenefit, StringComparer.Ordinal);
        var fromOverview = DigestService.Compose(org, week, now, null, read);
        var fromBoards = DigestService.Compose(org, week, now, null, read with { Awaiting = boards });

        // The waiting improvements of every unit with a board, as its board row holds them, and so the same digest.
        Assert.Equal(Json(boards.OrderBy(b => b.Key, StringComparer.Ordinal)), Json(read.Awaiting.Where(a => boards.ContainsKey(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal)));
        Assert.All(read.Awaiting.Where(a => !boards.ContainsKey(a.Key)), a => Assert.Empty(a.Value));
        Assert.Equal("Digital byggesøknad", Assert.Single(fromOverview.Units.Single(u => u.Unit.Id == "byggesak").BenefitsToRecord).Title);
        Assert.Equal(DigestCard.Create(Language.Nb, org.Name, fromBoards).ToJson().ToJsonString(), DigestCard.Create(Language.Nb, org.Name, fromOverview).ToJson().ToJsonString());
    }

    [Fact]
    public async Task Digest_OverviewRowWrittenBeforeItKeptTheWaitingImprovements_ChasesFromTheBoardAndKeepsThemInTheRow()
    {
        // Byggesak's overview row as a recount wrote it before the row held the waiting improvements.
        var table = _host.Bot.App.Services.GetRequiredService<StorageTables>().Get(UnitWeekStore.Table);
        var row = (await table.GetEntityAsync<TableEntity>(_host.TenantId, "overview|byggesak")).Value;
        var data = JsonNode.Parse(row.GetString("Data"))!.AsObject();
        Assert.True(data.Remove("awaitingBenefit"));
        row["Data"] = data.ToJsonString();
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        _host.Clock.Advance(TimeSpan.FromDays(7 * 8));

        Assert.Contains("Byggesak: registrer gevinsten av Digital byggesøknad", await DigestAsync(), StringComparison.Ordinal);

        var written = JsonNode.Parse((await table.GetEntityAsync<TableEntity>(_host.TenantId, "overview|byggesak")).Value.GetString("Data"))!;
        Assert.Equal("Digital byggesøknad", (string?)written["awaitingBenefit"]?.AsArray().Single()?["title"]);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public async Task BenefitCards_EstimateFormAndReportByStage_AreValidForTheOfficialRenderer()
    {
        await _host.AddAsync("Ny sjekkliste");
        await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.ByggesakLeader, "forbedringer"));
        var improvements = _host.LastCard().ToJsonString(Unescaped);
        Assert.Contains("Gevinstanslag", improvements, StringComparison.Ordinal);
        var id = (await _host.ImprovementAsync("Digital byggesøknad")).Id;
        await _host.ActAsync(ImprovementsCard.BenefitVerb, new JsonObject
        {
            ["improvementId"] = id, [$"stage-{id}"] = "Realised", [$"kind-{id}"] = "TimeSaved", [$"amount-{id}"] = "20", [$"measure-{id}"] = "Hours",
        });
        await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.Coordinator, "rapport K4 2026"));
        var report = _host.LastCard().ToJsonString(Unescaped);
        Assert.Contains("Spart tid 20 timer (0,01 årsverk)", report, StringComparison.Ordinal);

        var verdicts = await OfficialRenderer.ValidateAsync(
            new Dictionary<string, string> { ["benefit-estimate-form"] = improvements, ["report-by-stage"] = report }, OfficialRenderer.ArtifactsFolder);

        Assert.True(verdicts["benefit-estimate-form"].IsValid, verdicts["benefit-estimate-form"].ToString());
        Assert.True(verdicts["report-by-stage"].IsValid, verdicts["report-by-stage"].ToString());
    }
}
