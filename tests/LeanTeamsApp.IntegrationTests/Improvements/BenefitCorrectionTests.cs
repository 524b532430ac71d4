using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.IntegrationTests.Improvements;

/// <summary>
/// A wrong benefit corrected or deleted in the tab: by the coordinator and the unit's leader and Lean coordinators,
/// refused for others with nothing changed, 412 on a stale ETag, a double submit harmless, and the week's sums (the
/// overview, the digest and the report read them) counted again. Byggesak's check-in for Thursday 19 November 2026
/// recorded 5 hours saved; it is Friday 20 November.
/// </summary>
public sealed class BenefitCorrectionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 11, 1, 0, TimeSpan.Zero);
    private static readonly JsonObject CheckIn = new()
    {
        ["meetingDate"] = "2026-11-19", ["held"] = "yes", ["attendance"] = "6", ["goal0"] = "Green", ["goal1"] = "Red",
        ["benefitKind"] = "TimeSaved", ["benefitAmount"] = "5", ["benefitMeasure"] = "Hours",
    };

    private BoardHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BoardHost.StartAsync(Friday);
        var (status, body) = await _host.ActAsync(CheckInCard.SubmitVerb, CheckIn);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Sendt av Randi Lie", body, StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Coordinator => _host.Token("lean.koordinator@fjordvik.kommune.no", "Jonas Vik");

    private string Leader => _host.Token("leder.byggesak@fjordvik.kommune.no", "Randi Lie");

    private string UnitCoordinator => _host.Token("linn.aasen@fjordvik.kommune.no", "Linn Aasen");

    private async Task<Benefit> BenefitAsync() => Assert.Single(await _host.Records.ListBenefitsAsync(_host.TenantId, "byggesak", default));

    private Task<(HttpStatusCode Status, JsonNode? Body)> CorrectAsync(string token, Benefit benefit, decimal amount, string measure = "hours", string? etag = null) =>
        _host.TabAsync(HttpMethod.Put, $"/api/tab/units/byggesak/benefits/{benefit.Id}", token,
            new JsonObject { ["kind"] = "timeSaved", ["measure"] = measure, ["amount"] = amount, ["etag"] = etag ?? benefit.ETag });

    private async Task<HttpStatusCode> DeleteAsync(string token, Benefit benefit, string? etag = null, string unitId = "byggesak")
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/tab/units/{unitId}/benefits/{benefit.Id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation("If-Match", etag ?? benefit.ETag);
        using var response = await _host.Http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>This year's hours saved as the tab's overview counts them (from the weekly sums the digest and report read too).</summary>
    private async Task<decimal?> HoursThisYearAsync()
    {
        var (status, overview) = await _host.TabAsync(HttpMethod.Get, "/api/tab/overview", Coordinator);
        Assert.Equal(HttpStatusCode.OK, status);
        return overview!["benefitsThisYear"]!.AsArray().Where(t => (string)t!["measure"]! == "hours").Select(t => (decimal?)(decimal)t!["amount"]!).SingleOrDefault();
    }

    [Theory]
    [InlineData("lean.koordinator@fjordvik.kommune.no", "Jonas Vik")]
    [InlineData("leder.byggesak@fjordvik.kommune.no", "Randi Lie")]
    [InlineData("linn.aasen@fjordvik.kommune.no", "Linn Aasen")]
    public async Task Correct_CoordinatorOrTheUnitsLeaders_StoresTheFigureAndTheSumsFollow(string email, string name)
    {
        Assert.Equal(5m, await HoursThisYearAsync());
        var benefit = await BenefitAsync();

        var (status, body) = await CorrectAsync(_host.Token(email, name), benefit, 7.5m);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((7.5m, name, true), ((decimal)body!["amount"]!, (string)body["correctedBy"]!, (bool)body["countable"]!));
        var stored = await BenefitAsync();
        Assert.Equal((7.5m, BenefitMeasure.Hours, name), (stored.Amount, stored.Measure, stored.CorrectedBy));
        Assert.Equal(7.5m, await HoursThisYearAsync());
        var digest = await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.Coordinator, "ukeoppsummering"));
        Assert.Contains("Spart tid 7,5 timer", digest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correct_MeasureChanged_MovesTheFigureToThatMeasure()
    {
        var (status, _) = await CorrectAsync(Coordinator, await BenefitAsync(), 12000m, "nok");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(await HoursThisYearAsync());
        var report = await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.Coordinator, "rapport 2026"));
        // The card's JSON escapes the no-break space that groups thousands in Norwegian.
        Assert.Contains("Spart tid 12\\u00A0000 kroner", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingrid.solheim@fjordvik.kommune.no", "Ingrid Solheim", HttpStatusCode.Forbidden)]
    [InlineData("tol.samfunn@fjordvik.kommune.no", "Mona Strand", HttpStatusCode.Forbidden)]
    [InlineData("radmann@fjordvik.kommune.no", "Siri Haugland", HttpStatusCode.Forbidden)]
    [InlineData("leder.barnevern@fjordvik.kommune.no", "Leder Barnevern", HttpStatusCode.NotFound)]
    public async Task CorrectAndDelete_OthersThanTheCoordinatorAndTheUnitsLeaders_AreRefusedAndNothingChanges(string email, string name, HttpStatusCode expected)
    {
        var before = await SnapshotAsync();
        var benefit = await BenefitAsync();

        var (corrected, _) = await CorrectAsync(_host.Token(email, name), benefit, 50m);
        var deleted = await DeleteAsync(_host.Token(email, name), benefit);

        Assert.Equal((expected, expected), (corrected, deleted));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task CorrectAndDelete_StaleETag_Are412AndNothingChanges()
    {
        var read = await BenefitAsync();
        Assert.Equal(HttpStatusCode.OK, (await CorrectAsync(Leader, read, 6m)).Status);
        var before = await SnapshotAsync();

        var (corrected, body) = await CorrectAsync(Coordinator, read, 8m);
        var deleted = await DeleteAsync(Coordinator, read);

        Assert.Equal((HttpStatusCode.PreconditionFailed, HttpStatusCode.PreconditionFailed), (corrected, deleted));
        Assert.Equal("Changed meanwhile", (string)body!["title"]!);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(6m, (await BenefitAsync()).Amount);
    }

    [Fact]
    public async Task CorrectAndDelete_WithoutAnETag_Are400NamingIt()
    {
        var benefit = await BenefitAsync();

        var (corrected, body) = await _host.TabAsync(HttpMethod.Put, $"/api/tab/units/byggesak/benefits/{benefit.Id}", Coordinator,
            new JsonObject { ["kind"] = "timeSaved", ["measure"] = "hours", ["amount"] = 6 });
        var deleted = await DeleteAsync(Coordinator, benefit, etag: "");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (corrected, deleted));
        Assert.NotNull(body!["errors"]!["etag"]);
        Assert.Equal(5m, (await BenefitAsync()).Amount);
    }

    [Fact]
    public async Task Correct_SubmittedTwice_StoresOnceAndAnswersBothTheSame()
    {
        var read = await BenefitAsync();

        var first = await CorrectAsync(Coordinator, read, 9m);
        var afterFirst = await BenefitAsync();
        var second = await CorrectAsync(Coordinator, read, 9m);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, second.Status));
        Assert.Equal(afterFirst.ETag, (await BenefitAsync()).ETag);
        Assert.Equal(9m, await HoursThisYearAsync());
    }

    [Fact]
    public async Task Delete_Coordinator_RemovesItFromThePageAndTheSums_AndTheSameCheckInSentAgainDoesNotBringItBack()
    {
        var benefit = await BenefitAsync();

        Assert.Equal(HttpStatusCode.NoContent, await DeleteAsync(Coordinator, benefit));

        Assert.Empty(await _host.Records.ListBenefitsAsync(_host.TenantId, "byggesak", default));
        Assert.Null(await HoursThisYearAsync());
        var (_, unit) = await _host.TabAsync(HttpMethod.Get, "/api/tab/units/byggesak", Leader);
        Assert.Empty(unit!["benefits"]!.AsArray());
        // Teams retrying the check-in's submit, or the leader clicking Send once more: the deletion stands.
        var (status, _) = await _host.ActAsync(CheckInCard.SubmitVerb, CheckIn);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(await _host.Records.ListBenefitsAsync(_host.TenantId, "byggesak", default));
        Assert.Null(await HoursThisYearAsync());
    }

    [Fact]
    public async Task Correct_TheSameCheckInSentAgain_KeepsTheCorrection()
    {
        Assert.Equal(HttpStatusCode.OK, (await CorrectAsync(Coordinator, await BenefitAsync(), 4m)).Status);

        var (status, _) = await _host.ActAsync(CheckInCard.SubmitVerb, CheckIn);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4m, (await BenefitAsync()).Amount);
        Assert.Equal(4m, await HoursThisYearAsync());
    }

    [Fact]
    public async Task Delete_SubmittedTwice_DeletesOnceThenSaysItIsGone()
    {
        var benefit = await BenefitAsync();

        var both = await Task.WhenAll(DeleteAsync(Leader, benefit), DeleteAsync(Leader, benefit));

        Assert.Single(both, s => s == HttpStatusCode.NoContent);
        Assert.Single(both, s => s is HttpStatusCode.NotFound or HttpStatusCode.PreconditionFailed);
        Assert.Empty(await _host.Records.ListBenefitsAsync(_host.TenantId, "byggesak", default));
    }

    [Fact]
    public async Task UnitPage_SaysWhoMayCorrectBenefitsAndTheRangesPerMeasure()
    {
        var (_, asLeader) = await _host.TabAsync(HttpMethod.Get, "/api/tab/units/byggesak", Leader);
        var (_, asConsultant) = await _host.TabAsync(HttpMethod.Get, "/api/tab/units/byggesak", _host.Token("ingrid.solheim@fjordvik.kommune.no", "Ingrid Solheim"));

        Assert.True((bool)asLeader!["canCorrectBenefits"]!);
        Assert.False((bool)asConsultant!["canCorrectBenefits"]!);
        var ranges = asLeader["benefitRanges"]!.AsArray().ToDictionary(r => (string)r!["measure"]!, r => ((decimal)r!["max"]!, (int)r["decimals"]!));
        Assert.Equal((100_000_000m, 2), ranges["nok"]);
        Assert.Equal((10_000m, 0), ranges["placesFreed"]);
        var benefit = asLeader["benefits"]!.AsArray().Single()!;
        Assert.Equal((5m, true), ((decimal)benefit["amount"]!, (bool)benefit["countable"]!));
        Assert.False(string.IsNullOrEmpty((string?)benefit["etag"]));
    }

    private async Task<string> SnapshotAsync()
    {
        var tables = _host.Bot.App.Services.GetRequiredService<StorageTables>();
        var rows = new List<string>();
        foreach (var table in new[] { "Improvements", "UnitWeeks", "CheckIns" })
        {
            await foreach (var row in tables.Get(table).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {_host.TenantId}")))
            {
                rows.Add($"{table}|{row.RowKey}|{row.ETag}");
            }
        }

        return string.Join('\n', rows.Order(StringComparer.Ordinal));
    }
}
