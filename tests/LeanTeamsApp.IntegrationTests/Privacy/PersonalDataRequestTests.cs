using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using ClosedXML.Excel;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Privacy;
using LeanTeamsApp.Features.Reviews;
using LeanTeamsApp.Infrastructure.Storage;
using LeanTeamsApp.IntegrationTests.Improvements;

namespace LeanTeamsApp.IntegrationTests.Privacy;

/// <summary>
/// A person's data (GDPR articles 15, 17 and 20) through the tab: Randi Lie, Byggesak's leader, gives a check-in,
/// suggests an improvement and records its benefit, and recorded a Gemba walk; the coordinator exports everything
/// stored about her and erases it. Afterwards no row of the tenant, in any table, holds her name, e-mail address or
/// object id, and the quarter's report is what it was.
/// </summary>
public sealed class PersonalDataRequestTests : IAsyncLifetime
{
    private const string RandiEmail = "leder.byggesak@fjordvik.kommune.no";
    private const string CoordinatorEmail = "lean.koordinator@fjordvik.kommune.no";
    private const string MemberEmail = "jon.myhre@fjordvik.kommune.no";

    // A Wednesday: Byggesak's latest board meeting was Thursday 19 November, and its check-in is still open.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private BoardHost _host = null!;

    public async Task InitializeAsync() => _host = await BoardHost.StartAsync(Now);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Coordinator => _host.Token(CoordinatorEmail, "Jonas Vik");

    private string Randi => _host.Token(RandiEmail, "Randi Lie");

    [Fact]
    public async Task Erase_PersonWithCheckInsImprovementsBenefitsAndReviews_ExportHasEveryKindAndAfterwardsNoRowNamesThemAndTheReportKeepsItsTotals()
    {
        await GiveRandiHistoryAsync();
        Assert.NotEmpty(await RowsNamingRandiAsync());
        var reportBefore = await _host.TabTextAsync("/api/tab/reports/2026-Q4.csv?lang=en", Coordinator);

        var (status, export) = await _host.TabAsync(HttpMethod.Get, $"/api/tab/people/{RandiEmail}/data", Coordinator);

        Assert.Equal(HttpStatusCode.OK, status);
        var kinds = export!["kinds"]!.AsArray().ToDictionary(k => (string)k!["kind"]!, k => k!["records"]!.AsArray().Count);
        foreach (var kind in new[] { "organisationRoles", "checkIns", "improvements", "benefits", "reviews", "followUpAreas", "conversations" })
        {
            Assert.True(kinds.GetValueOrDefault(kind) > 0, $"No {kind} in the export: {string.Join(", ", kinds.Keys)}");
        }

        using (var workbook = await WorkbookAsync($"/api/tab/people/{RandiEmail}/data?format=xlsx&lang=en", Coordinator))
        {
            Assert.Contains("Check-ins", workbook.Worksheets.Select(w => w.Name));
            Assert.Contains("Benefits", workbook.Worksheets.Select(w => w.Name));
            Assert.Contains("Reviews, Gemba walks and fishbo", workbook.Worksheets.Select(w => w.Name));
        }

        var (erased, answer) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/people/{RandiEmail}/erase", Coordinator);

        Assert.Equal(HttpStatusCode.OK, erased);
        var touched = (int)answer!["rowsTouched"]!;
        Assert.True(touched >= kinds.Values.Sum(), $"{touched} rows touched for {kinds.Values.Sum()} exported");
        Assert.Empty(await RowsNamingRandiAsync());
        var log = Assert.Single(await Privacy.ListLogAsync(_host.TenantId, default));
        Assert.Equal((touched, CoordinatorEmail), (log.RowsTouched, log.RequestedBy));
        Assert.Equal(reportBefore, await _host.TabTextAsync("/api/tab/reports/2026-Q4.csv?lang=en", Coordinator));
        var benefit = Assert.Single(await _host.Records.ListBenefitsAsync(_host.TenantId, "byggesak", default));
        Assert.Equal((12.5m, DataSubject.FormerEmployee), (benefit.Amount, benefit.RecordedBy));
        Assert.Equal(DataSubject.FormerEmployee, (await _host.ImprovementAsync("Digital sjekkliste")).OwnerName);
        Assert.Null(await _host.Bot.App.Store.GetPersonAsync(_host.TenantId, RandiEmail, default));
    }

    [Fact]
    public async Task Erase_DiedHalfWay_IsFinishedByTheNextRequestAndLoggedOnce()
    {
        await GiveRandiHistoryAsync();
        var randi = (await _host.Bot.App.Store.GetPersonAsync(_host.TenantId, RandiEmail, default))!;
        var pending = new PendingErasure("halfway", RandiEmail, randi.Name, randi.AadObjectId, CoordinatorEmail, Now);
        Assert.True(await Privacy.StartAsync(_host.TenantId, pending, default));
        var improvements = Sources.Single(s => s.Table == "Improvements");
        Assert.True(await improvements.EraseAsync(new DataSubject(_host.TenantId, RandiEmail, randi.Name, randi.AadObjectId), default) > 0);

        var (status, _) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/people/{RandiEmail}/erase", Coordinator);
        var (again, second) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/people/{RandiEmail}/erase", Coordinator);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (status, again));
        Assert.Equal(0, (int)second!["rowsTouched"]!);
        Assert.Empty(await RowsNamingRandiAsync());
        Assert.Empty(await Privacy.ListPendingAsync(_host.TenantId, default));
        Assert.Contains("halfway", (await Privacy.ListLogAsync(_host.TenantId, default)).Select(l => l.Id));
    }

    [Fact]
    public async Task Data_ThePersonThemselves_GetsTheirOwn()
    {
        await GiveRandiHistoryAsync();

        var (status, export) = await _host.TabAsync(HttpMethod.Get, $"/api/tab/people/{RandiEmail.ToUpperInvariant()}/data", Randi);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(RandiEmail, (string?)export!["personId"]);
        Assert.Contains("checkIns", export["kinds"]!.AsArray().Select(k => (string?)k!["kind"]));
    }

    [Fact]
    public async Task Data_AMemberAskingForAnotherPersonsData_Is403AndShowsNothing()
    {
        await GiveRandiHistoryAsync();

        var (status, body) = await _host.TabAsync(HttpMethod.Get, $"/api/tab/people/{RandiEmail}/data", _host.Token(MemberEmail, "Jon Myhre"));
        using var xlsx = await SendAsync($"/api/tab/people/{RandiEmail}/data?format=xlsx", _host.Token(MemberEmail, "Jon Myhre"));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (status, xlsx.StatusCode));
        Assert.DoesNotContain("Randi", body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_AUnitLeader_Is403AndChangesNothing()
    {
        await GiveRandiHistoryAsync();
        var before = await TenantContentAsync();

        var (status, _) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/people/{MemberEmail}/erase", Randi);
        var (self, _) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/people/{RandiEmail}/erase", Randi);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (status, self));
        Assert.Equal(before, await TenantContentAsync());
    }

    [Fact]
    public async Task Erase_TheOnlyCoordinatorThemselves_Is409LastCoordinatorAndErasesNothing()
    {
        await GiveRandiHistoryAsync();
        var before = await TenantContentAsync();

        var (status, body) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/people/{CoordinatorEmail}/erase", Coordinator);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("lastCoordinator", (string?)body!["code"]);
        Assert.Equal(before, await TenantContentAsync());
        Assert.Empty(await Privacy.ListLogAsync(_host.TenantId, default));
        Assert.Empty(await Privacy.ListPendingAsync(_host.TenantId, default));
    }

    [Fact]
    public async Task Erase_OneOfTwoCoordinators_IsAllowedAndTheOtherStaysCoordinatorAndIsThenTheLast()
    {
        await GiveRandiHistoryAsync();
        var store = _host.Bot.App.Store;
        var randi = (await store.GetPersonAsync(_host.TenantId, RandiEmail, default))!;
        Assert.Equal(WriteOutcome.Written, (await store.SavePersonAsync(_host.TenantId, randi with { Roles = randi.Roles | OrganisationRoles.Coordinator }, default)).Outcome);

        var (status, _) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/people/{RandiEmail}/erase", Coordinator);
        var before = await TenantContentAsync();
        var (last, body) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/people/{CoordinatorEmail}/erase", Coordinator);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(await store.GetPersonAsync(_host.TenantId, RandiEmail, default));
        Assert.True((await store.GetPersonAsync(_host.TenantId, CoordinatorEmail, default))!.Roles.HasFlag(OrganisationRoles.Coordinator));
        Assert.Equal((HttpStatusCode.Conflict, "lastCoordinator"), (last, (string?)body!["code"]));
        Assert.Equal(before, await TenantContentAsync());
    }

    [Theory]
    [InlineData("not-an-address", null, "id")]
    [InlineData(RandiEmail, "pdf", "format")]
    public async Task Data_BadIdOrFormat_Is400NamingTheField(string id, string? format, string field)
    {
        var (status, body) = await _host.TabAsync(HttpMethod.Get, $"/api/tab/people/{id}/data{(format is null ? "" : "?format=" + format)}", Coordinator);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]![field]);
    }

    [Fact]
    public void EveryTable_HoldsPersonalDataAFeatureDeclaresOrIsDeclaredFreeOfIt()
    {
        var declared = Sources.Select(s => s.Table)
            .Concat(_host.Bot.App.Services.GetServices<TableWithoutPersonalData>().Select(t => t.Table))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var tables = _host.Bot.App.Services.GetServices<RequiredTable>().Select(t => t.Name).ToList();

        Assert.Contains(CheckInStore.Table, tables);
        Assert.All(tables, t => Assert.True(declared.Contains(t), $"Table {t} is neither covered by an IPersonalRecords nor declared with AddTableWithoutPersonalData"));
    }

    private PrivacyStore Privacy => _host.Bot.App.Services.GetRequiredService<PrivacyStore>();

    private IEnumerable<IPersonalRecords> Sources => _host.Bot.App.Services.GetServices<IPersonalRecords>();

    /// <summary>Randi chats (so the app learns her object id), gives a check-in, adds an improvement, records its benefit, and recorded a Gemba walk.</summary>
    private async Task GiveRandiHistoryAsync()
    {
        var id = await _host.AddAsync("Digital sjekkliste");
        await _host.MoveAsync(id, ImprovementStage.InProgress);
        await _host.MoveAsync(id, ImprovementStage.Done);
        var (benefit, _) = await _host.ActAsync(ImprovementsCard.BenefitVerb, new JsonObject
        {
            ["improvementId"] = id, [$"kind-{id}"] = "TimeSaved", [$"amount-{id}"] = "12.5", [$"measure-{id}"] = "Hours",
        });
        Assert.Equal(HttpStatusCode.OK, benefit);
        var meeting = MeetingClock.Latest(_host.Byggesak, Now);
        var (checkIn, said) = await _host.ActAsync(CheckInCard.SubmitVerb, new JsonObject
        {
            ["meetingDate"] = meeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["held"] = "yes",
            ["attendance"] = "8",
            ["goal0"] = "Green",
            ["goal1"] = "Yellow",
            ["improvementsNew"] = "Felles mal for nabovarsel",
            ["note"] = "Randi Lie tar dette videre",
        });
        Assert.Equal(HttpStatusCode.OK, checkIn);
        Assert.Contains("Sendt av Randi Lie", said, StringComparison.Ordinal);
        Assert.NotNull(await _host.Bot.App.Services.GetRequiredService<CheckInStore>().GetAsync(_host.TenantId, "byggesak", meeting, default));

        var reviews = _host.Bot.App.Services.GetRequiredService<ReviewStore>();
        var area = new FollowUpArea("fu-randi", "byggesak", "Tavla oppdateres før møtet", RandiEmail, new DateOnly(2027, 1, 15), FollowUpStatus.Open, "walk-randi", Now);
        var record = new AppointmentRecord("walk-randi", 2026, "byggesak", "Randi Lie viste tavla; god flyt", "Randi Lie følger opp", "Randi Lie", Now, ["fu-randi"])
        {
            RecordedById = RandiEmail,
            HeldOn = new DateOnly(2026, 11, 24),
        };
        Assert.Equal(RecordOutcome.Recorded, (await reviews.RecordAsync(_host.TenantId, record, [area], default)).Outcome);
    }

    /// <summary>Every row of the tenant, in every table the app has, that holds Randi's name, e-mail address or object id in any property or key.</summary>
    private async Task<List<string>> RowsNamingRandiAsync()
    {
        string[] marks = ["Randi Lie", RandiEmail, _host.Bot.ByggesakLeader.AadObjectId];
        var found = new List<string>();
        foreach (var (table, row) in await TenantRowsAsync())
        {
            foreach (var (name, value) in row.Where(p => p.Key != "odata.etag"))
            {
                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                if (marks.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add($"{table}/{row.RowKey}.{name}");
                }
            }
        }

        return found;
    }

    private async Task<List<(string Table, TableEntity Row)>> TenantRowsAsync()
    {
        var rows = new List<(string, TableEntity)>();
        foreach (var table in _host.Bot.App.Services.GetServices<RequiredTable>().Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await foreach (var row in (await DirectoryContent.TableAsync(table)).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {_host.TenantId}")))
            {
                rows.Add((table, row));
            }
        }

        return rows;
    }

    /// <summary>The tenant's rows as content (keys and values, not ETags or timestamps), to tell that nothing changed.</summary>
    private async Task<List<string>> TenantContentAsync() => [.. (await TenantRowsAsync())
        .Select(r => $"{r.Table}/{r.Row.RowKey}: " + string.Join("; ", r.Row
            .Where(p => p.Key is not ("odata.etag" or "Timestamp"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}")))
        .Order(StringComparer.Ordinal)];

    private async Task<HttpResponseMessage> SendAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await _host.Http.SendAsync(request);
    }

    private async Task<XLWorkbook> WorkbookAsync(string path, string token)
    {
        using var response = await SendAsync(path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PersonalDataFile.ContentType, response.Content.Headers.ContentType?.MediaType);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }
}
