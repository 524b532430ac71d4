using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Improvements;
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
