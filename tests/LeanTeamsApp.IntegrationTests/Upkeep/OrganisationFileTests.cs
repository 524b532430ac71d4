using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.IO.Compression;
using Azure.Data.Tables;
using ClosedXML.Excel;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Infrastructure.Auth;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.IntegrationTests.Upkeep;

/// <summary>
/// The coordinator keeps the organisation up to date from the tab: downloads its file, uploads it changed, sees what
/// it changes (or every problem) before anything is written, applies exactly what she saw, and reads who changed what.
/// Everyone else is refused and nothing changes.
/// </summary>
public sealed class OrganisationFileTests : IAsyncLifetime
{
    private BotHost _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(DevelopmentSignIn.Settings(), environment: DevelopmentSignIn.Environment);
        _http = _bot.App.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
    }

    private string Coordinator => Token("lean.koordinator@fjordvik.kommune.no", "Jonas Vik");

    private string Token(string email, string name) =>
        TabAuthModule.IssueDevToken(_bot.App.Services.GetRequiredService<DevSigningKey>(), _bot.TenantId, email, name, DateTimeOffset.UtcNow);

    private async Task<(HttpStatusCode Status, string Text)> DownloadAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tab/organisation/file");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<byte[]> DownloadSheetAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tab/organisation/file?format=xlsx");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Coordinator);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("units.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private Task<(HttpStatusCode Status, JsonNode? Body)> UploadAsync(string token, string fileName, string content, string? apply = null, string? language = null) =>
        UploadAsync(token, fileName, Encoding.UTF8.GetBytes(content), apply, language);

    private async Task<(HttpStatusCode Status, JsonNode? Body)> UploadAsync(string token, string fileName, byte[] content, string? apply = null, string? language = null)
    {
        var path = $"/api/tab/organisation/file?fileName={Uri.EscapeDataString(fileName)}{(apply is null ? "" : "&apply=" + apply)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private async Task<JsonArray> HistoryAsync(string? unitId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tab/organisation/history" + (unitId is null ? "" : "?unitId=" + unitId));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Coordinator);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    /// <summary>Every row of the tenant in the directory table, as key and properties, to show that nothing changed.</summary>
    private async Task<string> DirectoryAsync()
    {
        var rows = new List<string>();
        await foreach (var row in _bot.App.Services.GetRequiredService<StorageTables>().Get(OrganisationStore.DirectoryTable)
            .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {_bot.TenantId}")))
        {
            rows.Add(row.RowKey + ":" + string.Join(",", row.Where(p => p.Key is not ("odata.etag" or "Timestamp")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
        }

        return string.Join("\n", rows);
    }

    [Fact]
    public async Task Download_ThenUploadUnchanged_PreviewsNoChangeAndApplyingWritesNothing()
    {
        var (status, yaml) = await DownloadAsync(Coordinator);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("name: Fjordvik kommune", yaml, StringComparison.Ordinal);
        Assert.Contains("id: fjordtun-sykehjem", yaml, StringComparison.Ordinal);
        var before = await DirectoryAsync();

        var (previewed, preview) = await UploadAsync(Coordinator, "organisation.yaml", yaml);

        Assert.Equal(HttpStatusCode.OK, previewed);
        Assert.Empty(preview!["problems"]!.AsArray());
        Assert.DoesNotContain(preview["changes"]!.AsArray(), c => (string)c!["kind"]! != "note");
        Assert.Equal(12, (int)preview["units"]!);
        var (applied, result) = await UploadAsync(Coordinator, "organisation.yaml", yaml, (string)preview["fingerprint"]!);
        Assert.Equal(HttpStatusCode.OK, applied);
        Assert.True((bool)result!["applied"]!);
        Assert.Equal(before, await DirectoryAsync());
        // The demo organisation's own import is the only change in the history: saving an unchanged file adds none.
        Assert.Equal(["(server import)"], (await HistoryAsync()).Select(e => (string)e!["byName"]!));
    }

    [Fact]
    public async Task Upload_UnitMovedAndLeaderChanged_PreviewWritesNothingApplyWritesItAndTheHistorySaysWhoAndWhat()
    {
        var (_, yaml) = await DownloadAsync(Coordinator);
        var changed = yaml.Replace(
            "  name: Fjordtun sykehjem\n  serviceArea: helse-og-omsorg\n  leader: \"leder.fjordtun@fjordvik.kommune.no\"",
            "  name: Fjordtun sykehjem\n  serviceArea: oppvekst-og-kultur\n  leader: \"sara.knutsen@fjordvik.kommune.no\"",
            StringComparison.Ordinal);
        Assert.NotEqual(yaml, changed);
        var before = await DirectoryAsync();

        var (previewed, preview) = await UploadAsync(Coordinator, "organisation.yaml", changed);

        Assert.Equal(HttpStatusCode.OK, previewed);
        var lines = preview!["changes"]!.AsArray().Select(c => $"{c!["subject"]} {c["id"]} {c["field"]}: {c["before"]} -> {c["after"]}").ToList();
        Assert.Contains("unit fjordtun-sykehjem serviceArea: helse-og-omsorg -> oppvekst-og-kultur", lines);
        Assert.Contains("unit fjordtun-sykehjem leader: leder.fjordtun@fjordvik.kommune.no -> sara.knutsen@fjordvik.kommune.no", lines);
        Assert.Equal(before, await DirectoryAsync());

        var (applied, result) = await UploadAsync(Coordinator, "organisation.yaml", changed, (string)preview["fingerprint"]!);

        Assert.Equal(HttpStatusCode.OK, applied);
        Assert.True((bool)result!["applied"]!);
        var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "fjordtun-sykehjem", default))!;
        Assert.Equal(("oppvekst-og-kultur", "sara.knutsen@fjordvik.kommune.no"), (unit.ServiceAreaId, unit.LeaderId));
        // Newest first: this change, then the demo organisation's import that added the unit.
        var unitHistory = await HistoryAsync("fjordtun-sykehjem");
        Assert.Equal(["Jonas Vik", "(server import)"], unitHistory.Select(e => (string)e!["byName"]!));
        var history = unitHistory[0];
        Assert.Equal("Jonas Vik", (string)history!["byName"]!);
        Assert.Equal("organisation.yaml", (string)history["fileName"]!);
        Assert.Contains(history["changes"]!.AsArray(), c => (string)c!["field"]! == "serviceArea" && (string)c["before"]! == "helse-og-omsorg" && (string)c["after"]! == "oppvekst-og-kultur");
        Assert.Equal(["(server import)"], (await HistoryAsync("byggesak")).Select(e => (string)e!["byName"]!));
        Assert.Equal(["Jonas Vik", "(server import)"], (await HistoryAsync()).Select(e => (string)e!["byName"]!));
    }

    [Fact]
    public async Task Upload_FileWithProblems_ListsEveryProblemWithLineAndFieldAndWritesNothing()
    {
        var (_, yaml) = await DownloadAsync(Coordinator);
        var broken = yaml
            .Replace("{weekday: tuesday, time: \"13:30\", minutes: \"20\"}", "{weekday: tuesday, time: \"25:30\", minutes: \"20\"}", StringComparison.Ordinal)
            .Replace("{weekday: monday, time: \"08:30\", minutes: \"15\"}", "{weekday: blurday, time: \"08:30\", minutes: \"15\"}", StringComparison.Ordinal);
        Assert.NotEqual(yaml, broken);
        var lines = broken.Split('\n');
        int LineOf(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
        var before = await DirectoryAsync();

        var (status, preview) = await UploadAsync(Coordinator, "organisation.yaml", broken);

        Assert.Equal(HttpStatusCode.OK, status);
        var problems = preview!["problems"]!.AsArray().Select(p => $"{(int)p!["line"]!}: {p["field"]}").ToList();
        string[] expected = [$"{LineOf("weekday: blurday")}: boardMeeting.weekday", $"{LineOf("time: \"25:30\"")}: boardMeeting.time"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), problems.Order(StringComparer.Ordinal));
        Assert.Null(preview["fingerprint"]);
        Assert.Empty(preview["changes"]!.AsArray());
        Assert.Equal(before, await DirectoryAsync());
    }

    [Fact]
    public async Task Upload_UnitInAnUnknownServiceArea_NamesTheLineAndWritesNothing()
    {
        var (_, yaml) = await DownloadAsync(Coordinator);
        var broken = yaml.Replace("  name: Fjordtun sykehjem\n  serviceArea: helse-og-omsorg", "  name: Fjordtun sykehjem\n  serviceArea: finnes-ikke", StringComparison.Ordinal);
        Assert.NotEqual(yaml, broken);
        var line = Array.FindIndex(broken.Split('\n'), l => l.Contains("serviceArea: finnes-ikke", StringComparison.Ordinal)) + 1;
        var before = await DirectoryAsync();

        var (status, preview) = await UploadAsync(Coordinator, "organisation.yaml", broken);

        Assert.Equal(HttpStatusCode.OK, status);
        var problem = Assert.Single(preview!["problems"]!.AsArray());
        Assert.Equal((line, "serviceArea"), ((int)problem!["line"]!, (string)problem["field"]!));
        Assert.Contains("finnes-ikke", (string)problem["reason"]!, StringComparison.Ordinal);
        Assert.Equal(before, await DirectoryAsync());
    }

    [Fact]
    public async Task Upload_FileWithProblems_InBokmal_ListsEachReasonInBokmalWithItsLineAndField()
    {
        var (_, yaml) = await DownloadAsync(Coordinator);
        var broken = new System.Text.RegularExpressions.Regex("time: \"?09:30\"?").Replace(
            yaml.Replace("  name: Fjordtun sykehjem\n  serviceArea: helse-og-omsorg", "  name: Fjordtun sykehjem\n  serviceArea: finnes-ikke", StringComparison.Ordinal), "time: \"25:00\"", 1);
        Assert.NotEqual(yaml, broken);
        var before = await DirectoryAsync();

        var (status, preview) = await UploadAsync(Coordinator, "organisation.yaml", broken, language: "nb-NO");

        Assert.Equal(HttpStatusCode.OK, status);
        var problems = preview!["problems"]!.AsArray().ToDictionary(p => (string)p!["field"]!, p => (string)p!["reason"]!);
        Assert.StartsWith("ukjent tjenesteområde «finnes-ikke»; kjente: ", problems["serviceArea"], StringComparison.Ordinal);
        Assert.Equal(ImportReason.Of(ImportReasonKind.NotStartTime, "25:00").In(Language.Nb), problems["boardMeeting.time"]);
        Assert.Contains("er ikke et klokkeslett", problems["boardMeeting.time"], StringComparison.Ordinal);
        Assert.Null(preview["fingerprint"]);
        Assert.Equal(before, await DirectoryAsync());
    }

    [Fact]
    public async Task Apply_OrganisationChangedSincePreview_IsRefusedWith409AndWritesNothingOfTheFile()
    {
        var (_, yaml) = await DownloadAsync(Coordinator);
        var changed = yaml.Replace("name: Fjordtun sykehjem", "name: Fjordtun helsehus", StringComparison.Ordinal);
        var (_, preview) = await UploadAsync(Coordinator, "organisation.yaml", changed);
        var fingerprint = (string)preview!["fingerprint"]!;

        // Meanwhile the unit's leader is changed by someone else (another coordinator's import of another file).
        var other = yaml.Replace("leader: \"leder.fjordtun@fjordvik.kommune.no\"", "leader: \"sara.knutsen@fjordvik.kommune.no\"", StringComparison.Ordinal);
        var (_, otherPreview) = await UploadAsync(Coordinator, "annen.yaml", other);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(Coordinator, "annen.yaml", other, (string)otherPreview!["fingerprint"]!)).Status);

        var (status, problem) = await UploadAsync(Coordinator, "organisation.yaml", changed, fingerprint);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Preview it again", (string)problem!["detail"]!, StringComparison.Ordinal);
        Assert.Equal("Fjordtun sykehjem", (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "fjordtun-sykehjem", default))!.Name);
    }

    [Fact]
    public async Task Upload_FileOfAnotherTenant_IsRefusedNamingTheTenantAndWritesNothing()
    {
        var (_, yaml) = await DownloadAsync(Coordinator);
        var other = yaml.Replace($"tenantId: {_bot.TenantId}", $"tenantId: {Guid.NewGuid():D}", StringComparison.Ordinal);
        Assert.NotEqual(yaml, other);
        var before = await DirectoryAsync();

        var (status, preview) = await UploadAsync(Coordinator, "organisation.yaml", other);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(preview!["problems"]!.AsArray(), p => (string)p!["field"]! == "tenantId");
        Assert.Null(preview["fingerprint"]);
        Assert.Equal(before, await DirectoryAsync());
    }

    private const string MeasuredGoal = "title: Saksbehandlingstid under 3 uker, supports: effektiv-saksbehandling";

    /// <summary>Byggesak's first goal given an indicator by an uploaded organisation file.</summary>
    private async Task<string> UploadWithIndicatorAsync()
    {
        var (_, yaml) = await DownloadAsync(Coordinator);
        Assert.Contains(MeasuredGoal, yaml, StringComparison.Ordinal);
        var measured = yaml.Replace(MeasuredGoal, MeasuredGoal + ", indicator: saksbehandlingstid i dager, target: 21, better: lower", StringComparison.Ordinal);
        var (_, preview) = await UploadAsync(Coordinator, "organisation.yaml", measured);
        Assert.Empty(preview!["problems"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(Coordinator, "organisation.yaml", measured, (string)preview["fingerprint"]!)).Status);
        return measured;
    }

    [Fact]
    public async Task Download_GoalWithIndicator_ExportsItAndUploadUnchangedWritesNothing()
    {
        await UploadWithIndicatorAsync();
        var unit = await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default);
        Assert.Equal(new GoalIndicator("saksbehandlingstid i dager", 21m, IndicatorDirection.Lower), unit!.GoalIndicators["Saksbehandlingstid under 3 uker"]);
        var (_, yaml) = await DownloadAsync(Coordinator);
        Assert.Contains(MeasuredGoal + ", indicator: saksbehandlingstid i dager, target: \"21\", better: lower", yaml, StringComparison.Ordinal);
        var before = await DirectoryAsync();

        var (_, preview) = await UploadAsync(Coordinator, "organisation.yaml", yaml);

        Assert.Empty(preview!["problems"]!.AsArray());
        Assert.DoesNotContain(preview["changes"]!.AsArray(), c => (string)c!["kind"]! != "note");
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(Coordinator, "organisation.yaml", yaml, (string)preview["fingerprint"]!)).Status);
        Assert.Equal(before, await DirectoryAsync());
    }

    [Fact]
    public async Task UnitsWorkbook_GoalWithIndicator_UploadedUnchangedKeepsTheIndicator()
    {
        await UploadWithIndicatorAsync();
        var sheet = await DownloadSheetAsync();
        var before = await DirectoryAsync();

        var (_, preview) = await UploadAsync(Coordinator, "units.xlsx", sheet);

        Assert.Empty(preview!["problems"]!.AsArray());
        Assert.DoesNotContain(preview["changes"]!.AsArray(), c => (string)c!["kind"]! is not ("note" or "kept"));
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(Coordinator, "units.xlsx", sheet, (string)preview["fingerprint"]!)).Status);
        Assert.Equal(before, await DirectoryAsync());
    }

    [Theory]
    [InlineData(", indicator: saksbehandlingstid i dager, better: lower", "goals[0].target")]
    [InlineData(", indicator: saksbehandlingstid i dager, target: 1e12, better: lower", "goals[0].target")]
    [InlineData(", indicator: saksbehandlingstid i dager, target: 21, better: up", "goals[0].better")]
    [InlineData(", target: 21, better: lower", "goals[0].indicator")]
    [InlineData(", indicator: saksbehandlingstid i dager, target: 21, better: lower, direction: down", "goals[0].direction")]
    public async Task Upload_IndicatorIncompleteOrWrong_NamesTheFieldAndWritesNothing(string indicator, string field)
    {
        var (_, yaml) = await DownloadAsync(Coordinator);
        var before = await DirectoryAsync();

        var (status, preview) = await UploadAsync(Coordinator, "organisation.yaml", yaml.Replace(MeasuredGoal, MeasuredGoal + indicator, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([field], preview!["problems"]!.AsArray().Select(p => (string)p!["field"]!));
        Assert.Equal(before, await DirectoryAsync());
    }

    [Fact]
    public async Task UnitsSheet_Csv_PreviewedThenApplied()
    {
        var sheet = "tenant_id;unit_id;unit_name;service_area;leader_email;leader_name;coordinators;time_zone;board_weekday;board_time;board_minutes;lean_start\n"
            + $"{_bot.TenantId};frisklivssentralen;Frisklivssentralen;helse-og-omsorg;leder.frisk@fjordvik.kommune.no;Åse Fjeld;;Europe/Oslo;fredag;10:00;15;2027-01-04\n";

        var (status, preview) = await UploadAsync(Coordinator, "units.csv", sheet);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(preview!["problems"]!.AsArray());
        Assert.Contains(preview["changes"]!.AsArray(), c => (string)c!["kind"]! == "added" && (string)c["subject"]! == "unit" && (string)c["id"]! == "frisklivssentralen");
        Assert.Null(await _bot.App.Store.GetUnitAsync(_bot.TenantId, "frisklivssentralen", default));
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(Coordinator, "units.csv", sheet, (string)preview["fingerprint"]!)).Status);
        Assert.Equal("Frisklivssentralen", (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "frisklivssentralen", default))!.Name);
    }

    [Fact]
    public async Task UnitsWorkbook_DownloadedThenUploadedUnchanged_ChangesNothing()
    {
        var sheet = await DownloadSheetAsync();
        var before = await DirectoryAsync();

        var (status, preview) = await UploadAsync(Coordinator, "units.xlsx", sheet);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(preview!["problems"]!.AsArray());
        Assert.Equal(12, (int)preview["units"]!);
        Assert.DoesNotContain(preview["changes"]!.AsArray(), c => (string)c!["kind"]! is not ("note" or "kept"));
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(Coordinator, "units.xlsx", sheet, (string)preview["fingerprint"]!)).Status);
        Assert.Equal(before, await DirectoryAsync());
    }

    [Fact]
    public async Task UnitsWorkbook_LeaderAndMeetingChangedInExcel_PreviewNamesTheRowThenApplies()
    {
        using var workbook = new XLWorkbook(new MemoryStream(await DownloadSheetAsync()));
        var sheet = workbook.Worksheets.First();
        var row = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "fjordtun-sykehjem");
        var columns = sheet.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        row.Cell(columns["leader_email"]).SetValue("ny.leder@fjordvik.kommune.no");
        row.Cell(columns["leader_name"]).SetValue("Nina Ny");
        // As Excel stores a time typed into a cell: a number of days, not text.
        row.Cell(columns["board_time"]).SetValue(new TimeSpan(14, 0, 0));
        row.Cell(columns["board_minutes"]).SetValue(25);
        using var changed = new MemoryStream();
        workbook.SaveAs(changed);

        var (_, preview) = await UploadAsync(Coordinator, "units.xlsx", changed.ToArray());

        Assert.Empty(preview!["problems"]!.AsArray());
        var lines = preview["changes"]!.AsArray().Where(c => (string)c!["id"]! == "fjordtun-sykehjem").Select(c => $"{c!["field"]}: {c["before"]} -> {c["after"]}").ToList();
        Assert.Contains("leader: leder.fjordtun@fjordvik.kommune.no -> ny.leder@fjordvik.kommune.no", lines);
        Assert.Contains(lines, l => l.StartsWith("boardMeeting: ", StringComparison.Ordinal) && l.Contains("14:00", StringComparison.Ordinal) && l.Contains("25", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(Coordinator, "units.xlsx", changed.ToArray(), (string)preview["fingerprint"]!)).Status);
        var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "fjordtun-sykehjem", default))!;
        Assert.Equal(("ny.leder@fjordvik.kommune.no", new TimeOnly(14, 0), 25), (unit.LeaderId, unit.BoardMeeting.Start, unit.BoardMeeting.Minutes));
    }

    [Fact]
    public async Task UnitsWorkbook_BadCell_NamesTheRowAndColumnAndWritesNothing()
    {
        using var workbook = new XLWorkbook(new MemoryStream(await DownloadSheetAsync()));
        var sheet = workbook.Worksheets.First();
        var row = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "byggesak");
        row.Cell(9).SetValue("blurday");
        using var changed = new MemoryStream();
        workbook.SaveAs(changed);
        var before = await DirectoryAsync();

        var (_, preview) = await UploadAsync(Coordinator, "units.xlsx", changed.ToArray());

        var problem = Assert.Single(preview!["problems"]!.AsArray());
        Assert.Equal((row.RowNumber(), "boardMeeting.weekday"), ((int)problem!["line"]!, (string)problem["field"]!));
        Assert.Equal(before, await DirectoryAsync());
    }

    [Fact]
    public async Task UnitsWorkbook_ZipBombOrNotAWorkbook_IsRefusedUnreadAndWritesNothing()
    {
        // 400 MB of zeros packs into well under a megabyte: a workbook nobody needs to unpack to know it is not a sheet.
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 400; i++)
            {
                await part.WriteAsync(zeros);
            }
        }

        var before = await DirectoryAsync();

        var (bombStatus, bombPreview) = await UploadAsync(Coordinator, "units.xlsx", bomb.ToArray(), language: "en-GB");
        var (junkStatus, junkPreview) = await UploadAsync(Coordinator, "units.xlsx", "tenant_id;unit_id\nnot;a workbook\n", language: "en-GB");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (bombStatus, junkStatus));
        Assert.Contains("unpacks to more than 256 MiB", (string)Assert.Single(bombPreview!["problems"]!.AsArray())!["reason"]!, StringComparison.Ordinal);
        Assert.Contains("not an Excel workbook", (string)Assert.Single(junkPreview!["problems"]!.AsArray())!["reason"]!, StringComparison.Ordinal);
        Assert.Equal(before, await DirectoryAsync());
    }

    [Theory]
    [InlineData("leder.fjordtun@fjordvik.kommune.no", "Hilde Berg")]
    [InlineData("tol.helse@fjordvik.kommune.no", "Kari Nordby")]
    [InlineData("okonomisjef@fjordvik.kommune.no", "Tone Bakken")]
    [InlineData("ingrid.solheim@fjordvik.kommune.no", "Ingrid Solheim")]
    [InlineData("ukjent.person@example.com", "Ukjent Person")]
    public async Task EveryEndpoint_AnyoneButTheCoordinator_IsRefusedAndNothingChanges(string email, string name)
    {
        var (_, yaml) = await DownloadAsync(Coordinator);
        var changed = yaml.Replace("name: Fjordtun sykehjem", "name: Fjordtun helsehus", StringComparison.Ordinal);
        var (_, preview) = await UploadAsync(Coordinator, "organisation.yaml", changed);
        var before = await DirectoryAsync();
        var token = Token(email, name);

        Assert.Equal(HttpStatusCode.Forbidden, (await DownloadAsync(token)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(token, "organisation.yaml", changed)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(token, "organisation.yaml", changed, (string)preview!["fingerprint"]!)).Status);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tab/organisation/history");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var history = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, history.StatusCode);
        Assert.Equal(before, await DirectoryAsync());
    }

    [Fact]
    public async Task Upload_NoFileName_Is400NamingTheField()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tab/organisation/file") { Content = new ByteArrayContent("x"u8.ToArray()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Coordinator);
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["fileName"]);
    }
}
