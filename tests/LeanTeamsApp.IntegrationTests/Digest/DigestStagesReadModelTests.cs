using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Digest;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.Infrastructure.Storage;
using LeanTeamsApp.IntegrationTests.Improvements;

namespace LeanTeamsApp.IntegrationTests.Digest;

/// <summary>
/// The digest's estimates and plans of a recent week come from what the overview rows keep of the benefits, no longer
/// from every benefit of the tenant: after every kind of change to the records, and to the organisation, they must be
/// what the records give. It is Friday 20 November 2026 (week 47); Byggesak meets on Thursdays.
/// </summary>
public sealed class DigestStagesReadModelTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 11, 1, 0, TimeSpan.Zero);

    private BoardHost _host = null!;

    public async Task InitializeAsync() => _host = await BoardHost.StartAsync(Friday);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Leader => _host.Token("leder.byggesak@fjordvik.kommune.no", "Randi Lie");

    private string Coordinator => _host.Token("lean.koordinator@fjordvik.kommune.no", "Jonas Vik");

    [Fact]
    public async Task DigestStages_BenefitIdentifiedPlannedRealisedCorrectedAndDeleted_EqualTheRecordsAfterEachChange()
    {
        var (created, body) = await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/benefits", Leader,
            new JsonObject { ["title"] = "Felles postmottak", ["kind"] = "timeSaved", ["measure"] = "hours", ["identified"] = 40 });
        Assert.Equal(HttpStatusCode.Created, created);
        var id = (string)body!["id"]!;
        // Kept by the recount the change announced, not filled in when the digest reads the row.
        var table = _host.Bot.App.Services.GetRequiredService<StorageTables>().Get("UnitWeeks");
        Assert.Contains("\"stages\":{", (await table.GetEntityAsync<TableEntity>(_host.TenantId, "overview|byggesak")).Value.GetString("Data"), StringComparison.Ordinal);
        var digest = await AssertSameAsRecordsAsync();
        Assert.Equal([new StageSum(BenefitStage.Identified, BenefitKind.TimeSaved, BenefitMeasure.Hours, 40m)], digest.IdentifiedThisWeek);

        // Estimated on a card in chat as well, for an improvement (the card's write path, not the tab's).
        var improvement = await _host.AddAsync("Digital byggesøknad");
        Assert.Equal(HttpStatusCode.OK, (await _host.ActAsync(ImprovementsCard.BenefitVerb, new JsonObject
        {
            ["improvementId"] = improvement, [$"kind-{improvement}"] = "TimeSaved", [$"amount-{improvement}"] = "7.5", [$"measure-{improvement}"] = "Hours", [$"stage-{improvement}"] = "Identified",
        })).Status);
        digest = await AssertSameAsRecordsAsync();
        Assert.Equal(47.5m, digest.IdentifiedThisWeek.Single().Amount);

        var (planned, plannedBody) = await StageAsync(id, "planned", new JsonObject { ["amount"] = 30, ["date"] = "2026-12-15", ["etag"] = (string)body["etag"]! });
        Assert.Equal(HttpStatusCode.OK, planned);
        digest = await AssertSameAsRecordsAsync();
        Assert.Equal(30m, digest.PlannedThisYear.Single().Amount);

        // The estimate corrected to another amount, and the plan to another amount and a date next year: it leaves this year's plans.
        var (corrected, correctedBody) = await StageAsync(id, "identified", new JsonObject { ["amount"] = 55, ["etag"] = (string)plannedBody!["etag"]! });
        Assert.Equal(HttpStatusCode.OK, corrected);
        digest = await AssertSameAsRecordsAsync();
        Assert.Equal(62.5m, digest.IdentifiedThisWeek.Single().Amount);
        (corrected, correctedBody) = await StageAsync(id, "planned", new JsonObject { ["amount"] = 35, ["date"] = "2027-01-15", ["etag"] = (string)correctedBody!["etag"]! });
        Assert.Equal(HttpStatusCode.OK, corrected);
        digest = await AssertSameAsRecordsAsync();
        Assert.Empty(digest.PlannedThisYear);
        Assert.Equal(35m, (await AssertSameAsRecordsAsync(now: new DateTimeOffset(2027, 1, 15, 12, 0, 0, TimeSpan.Zero), week: new IsoWeek(2027, 2))).PlannedThisYear.Single().Amount);

        // Realised, then its kind and measure corrected: the estimate and the plan follow the record into the other kind.
        var (realised, realisedBody) = await StageAsync(id, "realised", new JsonObject { ["amount"] = 25, ["etag"] = (string)correctedBody!["etag"]! });
        Assert.Equal(HttpStatusCode.OK, realised);
        await AssertSameAsRecordsAsync();
        var (kindChanged, kindBody) = await _host.TabAsync(HttpMethod.Put, $"/api/tab/units/byggesak/benefits/{id}", Coordinator,
            new JsonObject { ["kind"] = "capacityFreed", ["measure"] = "hours", ["amount"] = 20, ["etag"] = (string)realisedBody!["etag"]! });
        Assert.Equal(HttpStatusCode.OK, kindChanged);
        digest = await AssertSameAsRecordsAsync();
        Assert.Contains(new StageSum(BenefitStage.Identified, BenefitKind.CapacityFreed, BenefitMeasure.Hours, 55m), digest.IdentifiedThisYear);

        Assert.Equal(HttpStatusCode.NoContent, await DeleteAsync(id, (string)kindBody!["etag"]!));
        digest = await AssertSameAsRecordsAsync();
        Assert.Equal([new StageSum(BenefitStage.Identified, BenefitKind.TimeSaved, BenefitMeasure.Hours, 7.5m)], digest.IdentifiedThisYear);
        Assert.Empty(digest.PlannedThisYear);
    }

    [Fact]
    public async Task DigestStages_UnitMovedToAnotherAreaAndArchived_EqualTheRecordsForEveryReader()
    {
        Assert.Equal(HttpStatusCode.Created, (await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/benefits", Leader,
            new JsonObject { ["title"] = "Felles postmottak", ["kind"] = "timeSaved", ["measure"] = "hours", ["identified"] = 40 })).Status);
        var store = _host.Bot.App.Store;
        var areas = (await store.ListServiceAreasAsync(_host.TenantId, default)).Select(a => a.Id).ToList();
        var byggesak = (await store.GetUnitAsync(_host.TenantId, "byggesak", default))!;
        var other = areas.First(a => a != byggesak.ServiceAreaId);
        await AssertSameAsRecordsAsync(byggesak.ServiceAreaId);

        Assert.Equal(WriteOutcome.Written, (await store.SaveUnitAsync(_host.TenantId, byggesak with { ServiceAreaId = other }, default)).Outcome);
        Assert.Empty((await AssertSameAsRecordsAsync(byggesak.ServiceAreaId)).IdentifiedThisYear);
        Assert.Equal(40m, (await AssertSameAsRecordsAsync(other)).IdentifiedThisYear.Single().Amount);

        var moved = (await store.GetUnitAsync(_host.TenantId, "byggesak", default))!;
        Assert.Equal(WriteOutcome.Written, (await store.SaveUnitAsync(_host.TenantId, moved with { Archived = true }, default)).Outcome);
        Assert.Empty((await AssertSameAsRecordsAsync(other)).IdentifiedThisYear);
        Assert.Empty((await AssertSameAsRecordsAsync()).IdentifiedThisYear);
    }

    [Fact]
    public async Task DigestStages_AcrossNewYear_LastDecembersEstimateIsInLastYearsSumsOnly()
    {
        // 2026 has 53 ISO weeks: week 53 runs from Monday 28 December 2026 to Sunday 3 January 2027.
        await IdentifyAsync(new DateTimeOffset(2026, 12, 10, 10, 0, 0, TimeSpan.Zero), "Desember", 10);
        await IdentifyAsync(new DateTimeOffset(2026, 12, 30, 10, 0, 0, TimeSpan.Zero), "Romjul", 20);
        await IdentifyAsync(new DateTimeOffset(2027, 1, 2, 10, 0, 0, TimeSpan.Zero), "Nyttår", 40);

        var week53 = await AssertSameAsRecordsAsync(now: new DateTimeOffset(2027, 1, 2, 12, 0, 0, TimeSpan.Zero), week: new IsoWeek(2026, 53));
        Assert.Equal((60m, 70m), (week53.IdentifiedThisWeek.Single().Amount, week53.IdentifiedThisYear.Single().Amount));

        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 15, 12, 0, 0, TimeSpan.Zero));
        var week1 = await AssertSameAsRecordsAsync(week: new IsoWeek(2027, 1));
        Assert.Empty(week1.IdentifiedThisWeek);
        Assert.Equal(40m, week1.IdentifiedThisYear.Single().Amount);
        var week2 = await AssertSameAsRecordsAsync(week: new IsoWeek(2027, 2));
        Assert.Equal(40m, week2.IdentifiedThisYear.Single().Amount);
    }

    [Fact]
    public async Task DigestStages_RowsWrittenBeforeTheyKeptThemAndAUnitWithoutARow_AreFilledFromTheRecordsAndWrittenBack()
    {
        Assert.Equal(HttpStatusCode.Created, (await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/benefits", Leader,
            new JsonObject { ["title"] = "Felles postmottak", ["kind"] = "timeSaved", ["measure"] = "hours", ["identified"] = 40 })).Status);
        // Servicetorget's benefit was stored before any of its records were counted: it has no overview row.
        var benefit = new Benefit("servicetorget", "old", BenefitKind.Money, BenefitStage.Identified, 0, BenefitMeasure.Nok, [], new DateOnly(2026, 11, 17), "Randi Lie", RecordSource.Command) { Title = "Gammel" }
            .WithStage(BenefitStage.Identified, 12000m, new DateOnly(2026, 11, 17));
        Assert.True((await _host.Records.AddBenefitAsync(_host.TenantId, benefit, default)).Added);
        // Byggesak's row as written before the rows kept estimates and plans.
        var table = _host.Bot.App.Services.GetRequiredService<StorageTables>().Get("UnitWeeks");
        var row = (await table.GetEntityAsync<TableEntity>(_host.TenantId, "overview|byggesak")).Value;
        var data = JsonNode.Parse(row.GetString("Data"))!.AsObject();
        Assert.True(data.Remove("stages"));
        row["Data"] = data.ToJsonString();
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var digest = await AssertSameAsRecordsAsync();
        Assert.Equal(2, digest.IdentifiedThisWeek.Count);

        Assert.Contains("\"stages\":", (await table.GetEntityAsync<TableEntity>(_host.TenantId, "overview|byggesak")).Value.GetString("Data"), StringComparison.Ordinal);
        Assert.Contains("\"stages\":", (await table.GetEntityAsync<TableEntity>(_host.TenantId, "overview|servicetorget")).Value.GetString("Data"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StageFigures_MoreThanARowKeeps_SaysSoAndTheDigestCountsFromTheRecords()
    {
        var many = Enumerable.Range(0, StageFigures.MaxFigures + 1).Select(i => new Benefit("byggesak", $"b{i}", (BenefitKind)(i % 6), BenefitStage.Identified, 0, (BenefitMeasure)(i / 6 % 5), [], new DateOnly(2026, 1, 1), "Randi Lie", RecordSource.Command)
            .WithStage(BenefitStage.Identified, 1m, new DateOnly(2025, 1, 1).AddDays(7 * (i / 30)))).ToList();

        var kept = StageFigures.Of(many, new DateOnly(2025, 1, 1));
        Assert.True(kept.TooMany);
        Assert.Empty(kept.Figures);
        Assert.False(kept.Covers(new DateOnly(2026, 1, 1)));
        Assert.False(StageFigures.Of(many.Take(StageFigures.MaxFigures), new DateOnly(2025, 1, 1)).TooMany);

        // Stored, the row says it keeps too many, and the digest reads the records instead.
        foreach (var batch in many.Chunk(100))
        {
            await Task.WhenAll(batch.Select(b => _host.Records.AddBenefitAsync(_host.TenantId, b, default)));
        }

        await _host.AddAsync("Noe som endrer uka");
        var read = await ReadAsync(Friday, IsoWeek.Of(new DateOnly(2026, 11, 20)));
        Assert.Null(read.Stages);
        Assert.Equal(many.Count, read.Benefits.Count);
    }

    /// <summary>
    /// The digest of <paramref name="week"/> (this week when null) at <paramref name="now"/> (the clock's when null), of
    /// <paramref name="onlyArea"/> when given: as computed from the overview rows, which it must have been, and asserted
    /// equal to the same digest computed from every benefit record.
    /// </summary>
    private async Task<WeeklyDigest> AssertSameAsRecordsAsync(string? onlyArea = null, DateTimeOffset? now = null, IsoWeek? week = null)
    {
        var at = now ?? _host.Clock.GetUtcNow();
        var of = week ?? IsoWeek.Of(DateOnly.FromDateTime(at.UtcDateTime));
        var org = (await _host.Bot.App.Store.GetOrganisationAsync(_host.TenantId, default))!;
        var read = await ReadAsync(at, of);
        Assert.NotNull(read.Stages);
        Assert.Empty(read.Benefits);
        HashSet<string>? areas = onlyArea is null ? null : [onlyArea];
        var fromRows = DigestService.Compose(org, of, at, areas, read);
        var fromRecords = DigestService.Compose(org, of, at, areas, read with { Stages = null, Benefits = await _host.Records.ListAllBenefitsAsync(_host.TenantId, default) });
        string Json(WeeklyDigest d) => JsonSerializer.Serialize(new { d.IdentifiedThisWeek, d.IdentifiedThisYear, d.PlannedThisYear });
        Assert.Equal(Json(fromRecords), Json(fromRows));
        return fromRows;
    }

    private Task<DigestReads> ReadAsync(DateTimeOffset at, IsoWeek week) =>
        _host.Bot.App.Services.GetRequiredService<DigestService>().ReadAsync(_host.TenantId, week, at, default);

    private Task<(HttpStatusCode Status, JsonNode? Body)> StageAsync(string id, string stage, JsonObject body) =>
        _host.TabAsync(HttpMethod.Put, $"/api/tab/units/byggesak/benefits/{id}/stages/{stage}", Leader, body);

    private async Task<HttpStatusCode> DeleteAsync(string id, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/tab/units/byggesak/benefits/{id}");
        request.Headers.Authorization = new("Bearer", Coordinator);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        using var response = await _host.Http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Byggesak's leader estimates a unit benefit in the tab at <paramref name="at"/>.</summary>
    private async Task IdentifyAsync(DateTimeOffset at, string title, decimal hours)
    {
        _host.Clock.SetUtcNow(at);
        Assert.Equal(HttpStatusCode.Created, (await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/benefits", Leader,
            new JsonObject { ["title"] = title, ["kind"] = "timeSaved", ["measure"] = "hours", ["identified"] = hours })).Status);
    }
}
