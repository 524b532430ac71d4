using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Digest;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.IntegrationTests.Improvements;

/// <summary>
/// What people type is bounded on the check-in card, the improvements card's benefit form and the tab, with a message
/// that names the field and nothing stored; and figures stored before the bounds (7.9e28 kroner twice, NaN, infinity,
/// negative) never make the digest, the report, its files or the tab answer 500. Byggesak's board met on Thursday
/// 19 November 2026; it is Friday 20 November.
/// </summary>
public sealed class BenefitBoundsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 11, 1, 0, TimeSpan.Zero);
    private static readonly DateOnly Meeting = new(2026, 11, 19);
    private const string Huge = "79000000000000000000000000000";
    private static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions AggregateJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private BoardHost _host = null!;

    public async Task InitializeAsync() => _host = await BoardHost.StartAsync(Friday);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private CheckInStore CheckIns => _host.Bot.App.Services.GetRequiredService<CheckInStore>();

    private TableClient Table(string name) => _host.Bot.App.Services.GetRequiredService<StorageTables>().Get(name);

    private string CoordinatorToken => _host.Token("lean.koordinator@fjordvik.kommune.no", "Jonas Vik");

    private string LeaderToken => _host.Token("leder.byggesak@fjordvik.kommune.no", "Randi Lie");

    private Task<(HttpStatusCode Status, string Body)> SubmitAsync(JsonObject answers)
    {
        var data = new JsonObject { ["meetingDate"] = "2026-11-19", ["held"] = "yes", ["attendance"] = "6", ["goal0"] = "Green", ["goal1"] = "Red" };
        foreach (var (key, value) in answers)
        {
            data[key] = value?.DeepClone();
        }

        return _host.ActAsync(CheckInCard.SubmitVerb, data);
    }

    private async Task AssertNothingStoredAsync()
    {
        Assert.Null(await CheckIns.GetAsync(_host.TenantId, "byggesak", Meeting, default));
        Assert.Empty(await _host.Records.ListBenefitsAsync(_host.TenantId, "byggesak", default));
        Assert.Empty(await _host.ImprovementsAsync());
        Assert.Empty(await _host.DeviationsAsync());
    }

    [Theory]
    [InlineData("NaN", "Nok", "Verdi: Skriv et vanlig tall, for eksempel 12.5.")]
    [InlineData("Infinity", "Nok", "Verdi: Skriv et vanlig tall, for eksempel 12.5.")]
    [InlineData("∞", "Hours", "Verdi: Skriv et vanlig tall, for eksempel 12.5.")]
    [InlineData("1e400", "Hours", "Verdi: Skriv et vanlig tall, for eksempel 12.5.")]
    [InlineData(Huge, "Nok", "Verdi: Skriv et tall over 0 og høyst 100\u00a0000\u00a0000 (kroner), med høyst to desimaler.")]
    [InlineData("100000000.01", "Sek", "Verdi: Skriv et tall over 0 og høyst 100\u00a0000\u00a0000 (svenske kroner), med høyst to desimaler.")]
    [InlineData("-5", "Hours", "Verdi: Skriv et tall over 0 og høyst 100\u00a0000 (timer), med høyst to desimaler.")]
    [InlineData("0", "DaysOfLeadTime", "Verdi: Skriv et tall over 0 og høyst 3\u00a0650 (dager ledetid), med høyst to desimaler.")]
    [InlineData("10.5", "PlacesFreed", "Verdi: Skriv et heltall fra 1 til 10\u00a0000 (frigjorte plasser).")]
    public async Task CheckInCard_BenefitAmountNotAFiniteNumberInRange_ShowsTheFieldsErrorOnTheCardAndStoresNothing(string amount, string measure, string error)
    {
        var (status, body) = await SubmitAsync(new JsonObject
        {
            ["benefitKind"] = "Money", ["benefitAmount"] = amount, ["benefitMeasure"] = measure,
            ["improvementsNew"] = "Ny mal", ["deviations"] = "Feil i skjema",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Noe mangler – se merknadene under. Ingenting er lagret ennå.", body, StringComparison.Ordinal);
        Assert.Contains(error, Shown(body), StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("Hours", "100000")]
    [InlineData("Nok", "100000000")]
    [InlineData("PlacesFreed", "10000")]
    public async Task CheckInCard_BenefitAtItsMeasuresMaximum_IsStoredAndCounted(string measure, string amount)
    {
        var (status, body) = await SubmitAsync(new JsonObject { ["benefitKind"] = "Money", ["benefitAmount"] = amount, ["benefitMeasure"] = measure });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Sendt av Randi Lie", body, StringComparison.Ordinal);
        var benefit = Assert.Single(await _host.Records.ListBenefitsAsync(_host.TenantId, "byggesak", default));
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), benefit.Amount);
        Assert.True(InputLimits.IsCountable(benefit));
    }

    [Theory]
    [InlineData("helpNeeded", 501, "Hjelp: Høyst 500 tegn.")]
    [InlineData("note", 1001, "Notat: Høyst 1000 tegn.")]
    public async Task CheckInCard_TextPastItsLimit_ShowsTheFieldsErrorAndStoresNothing(string field, int length, string error)
    {
        var (status, body) = await SubmitAsync(new JsonObject { [field] = new string('x', length), ["deviations"] = "Feil i skjema" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(error, Shown(body), StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("improvementsNew", "Nye forbedringer: Høyst 20 linjer, hver på høyst 200 tegn.", 21, 10)]
    [InlineData("improvementsNew", "Nye forbedringer: Høyst 20 linjer, hver på høyst 200 tegn.", 1, 201)]
    [InlineData("deviations", "Nye avvik: Høyst 20 linjer, hver på høyst 200 tegn.", 21, 10)]
    [InlineData("deviations", "Nye avvik: Høyst 20 linjer, hver på høyst 200 tegn.", 2, 201)]
    public async Task CheckInCard_TooManyOrTooLongLines_ShowsTheFieldsErrorAndStoresNothing(string field, string error, int lines, int length)
    {
        var text = string.Join('\n', Enumerable.Range(0, lines).Select(i => (i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + new string('x', length))[..length]));

        var (status, body) = await SubmitAsync(new JsonObject { [field] = text });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(error, Shown(body), StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task CheckInCard_EveryFieldFullOfCharactersJsonEscapes_IsRefusedAsTooLongToStore()
    {
        // 20 lines of 200 '<' each, twice: every field within its limit, but each '<' is stored as \u003C, and the
        // check-in as one property would pass Table Storage's 32K characters (Azurite would take it, Azure would not).
        var lines = string.Join('\n', Enumerable.Range(0, 20).Select(i => i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + new string('<', 198)));

        var (status, body) = await SubmitAsync(new JsonObject { ["improvementsNew"] = lines, ["deviations"] = lines + "\n" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(": Statusrapporten blir for lang til å lagres. Skriv kortere her.", body, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("NaN", "Hours", "Verdi: Skriv et vanlig tall, for eksempel 12.5.")]
    [InlineData("1e400", "Nok", "Verdi: Skriv et vanlig tall, for eksempel 12.5.")]
    [InlineData(Huge, "Nok", "Verdi: Skriv et tall over 0 og høyst 100\u00a0000\u00a0000 (kroner), med høyst to desimaler.")]
    [InlineData("", "Nok", "Fyll ut type, verdi (over 0) og måleenhet for gevinsten.")]
    public async Task ImprovementsCard_BenefitOutOfBounds_ShowsTheErrorAtTheImprovementAndStoresNothing(string amount, string measure, string error)
    {
        var id = await _host.AddAsync("Felles mal for vaktbytte");
        await _host.MoveAsync(id, ImprovementStage.InProgress);
        await _host.MoveAsync(id, ImprovementStage.Done);

        var (status, body) = await _host.ActAsync(ImprovementsCard.BenefitVerb, new JsonObject
        {
            ["improvementId"] = id, [$"kind-{id}"] = "Money", [$"amount-{id}"] = amount, [$"measure-{id}"] = measure,
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(error, Shown(body), StringComparison.Ordinal);
        Assert.Equal(ImprovementStage.Done, (await _host.ImprovementAsync("Felles mal for vaktbytte")).Stage);
        Assert.Empty(await _host.Records.ListBenefitsAsync(_host.TenantId, "byggesak", default));
    }

    [Fact]
    public async Task ImprovementAdd_TextPastTheLimit_IsRefusedAndNothingIsAdded()
    {
        var said = await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.ByggesakLeader, "forbedring ny " + new string('x', 201)));

        Assert.Contains("En forbedring kan ha høyst 200 tegn. Skriv den kortere.", said, StringComparison.Ordinal);
        Assert.Empty(await _host.ImprovementsAsync());
    }

    [Theory]
    [InlineData("1e400", "amount")]
    [InlineData("\"NaN\"", "amount")]
    [InlineData("\"Infinity\"", "amount")]
    [InlineData("\"12,5\"", "amount")]
    [InlineData(Huge, "amount")]
    [InlineData("-1", "amount")]
    [InlineData("0", "amount")]
    [InlineData("null", "amount")]
    public async Task TabCorrect_AmountNotAFiniteNumberInRange_Is400NamingTheFieldAndNothingChanges(string rawAmount, string field)
    {
        var benefit = await StoredBenefitAsync();
        var body = new JsonObject { ["kind"] = "timeSaved", ["measure"] = "hours", ["amount"] = JsonNode.Parse(rawAmount), ["etag"] = benefit.ETag };

        var (status, answer) = await _host.TabAsync(HttpMethod.Put, $"/api/tab/units/byggesak/benefits/{benefit.Id}", CoordinatorToken, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(answer!["errors"]![field]);
        Assert.Equal(benefit.ETag, (await _host.Records.GetBenefitAsync(_host.TenantId, "byggesak", benefit.Id, default))!.ETag);
    }

    [Theory]
    [InlineData("banana", "hours", "kind")]
    [InlineData("1", "hours", "kind")]
    [InlineData("money", "euro", "measure")]
    [InlineData("money", "2", "measure")]
    public async Task TabCorrect_UnknownKindOrMeasure_Is400NamingTheFieldAndNothingChanges(string kind, string measure, string field)
    {
        var benefit = await StoredBenefitAsync();

        var (status, answer) = await _host.TabAsync(HttpMethod.Put, $"/api/tab/units/byggesak/benefits/{benefit.Id}", CoordinatorToken,
            new JsonObject { ["kind"] = kind, ["measure"] = measure, ["amount"] = 5, ["etag"] = benefit.ETag });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(answer!["errors"]![field]);
        Assert.Equal(benefit.ETag, (await _host.Records.GetBenefitAsync(_host.TenantId, "byggesak", benefit.Id, default))!.ETag);
    }

    [Fact]
    public async Task TabFollowUp_OwnerIdLongerThanAnyEmail_Is400NamingTheFieldNotAStorageError()
    {
        await SubmitAsync(new JsonObject { ["deviations"] = "Feil i skjema" });
        var deviation = await _host.DeviationAsync("Feil i skjema");

        var (status, answer) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/units/byggesak/deviations/{deviation.Id}/followup", LeaderToken,
            new JsonObject { ["etag"] = deviation.ETag, ["ownerId"] = new string('a', 2000) + "@fjordvik.kommune.no", ["deadline"] = "2026-12-15" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(answer!["errors"]!["ownerId"]);
        Assert.Equal(DeviationStatus.Open, (await _host.DeviationAsync("Feil i skjema")).Status);
    }

    [Fact]
    public async Task TabDeviationClose_IdPastTheKeyLimit_Is404NotAStorageError()
    {
        var (status, _) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/units/byggesak/deviations/{new string('d', 1500)}/close", LeaderToken, new JsonObject { ["etag"] = "W/\"x\"" });

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    /// <summary>
    /// Rows as a version before the bounds left them: benefit records of 7.9e28 kroner (twice: their sum overflows a
    /// decimal), NaN, infinity, 1e400, a negative figure and one good figure in Byggesak, 7.9e28 in Barneverntjenesten,
    /// and the weekly and yearly sums the old version had counted from them, which the digest and the report read.
    /// </summary>
    private async Task WriteBadRowsAsync()
    {
        var improvements = Table("Improvements");
        foreach (var (id, amount) in new[] { ("bad1", Huge), ("bad2", Huge), ("nan", "\"NaN\""), ("inf", "Infinity"), ("e400", "1e400"), ("neg", "-5"), ("good", "10") })
        {
            await improvements.AddEntityAsync(BenefitRow("byggesak", id, amount, id == "good" ? BenefitMeasure.Hours : BenefitMeasure.Nok));
        }

        await improvements.AddEntityAsync(BenefitRow("barneverntjenesten", "bad", Huge, BenefitMeasure.Nok));

        var json = AggregateJson;
        var weeks = Table("UnitWeeks");
        var week = IsoWeek.Of(Meeting);
        foreach (var unit in new[] { "byggesak", "barneverntjenesten" })
        {
            BenefitSum[] sums = [new(BenefitKind.Money, BenefitMeasure.Nok, decimal.Parse(Huge, System.Globalization.CultureInfo.InvariantCulture), [])];
            var data = JsonSerializer.Serialize(new UnitWeek(unit, week) { Reported = true, Held = true, Benefits = sums }, json);
            await weeks.UpsertEntityAsync(new TableEntity(_host.TenantId, $"week|{week}|{unit}") { ["Data"] = data });
            await weeks.UpsertEntityAsync(new TableEntity(_host.TenantId, $"unit|{unit}|{week}") { ["Data"] = data });
            await weeks.UpsertEntityAsync(new TableEntity(_host.TenantId, $"year|2026|{unit}") { ["Data"] = JsonSerializer.Serialize(new UnitYear(unit, 2026) { Benefits = sums }, json) });
        }
    }

    private TableEntity BenefitRow(string unitId, string id, string amount, BenefitMeasure measure)
    {
        var benefit = new Benefit(unitId, id, BenefitKind.Money, BenefitStage.Realised, 4242.42m, measure, [], Meeting, "Randi Lie", RecordSource.CheckIn);
        var data = JsonSerializer.Serialize(benefit, RecordJson).Replace("\"amount\":4242.42", $"\"amount\":{amount}", StringComparison.Ordinal);
        Assert.Contains(amount, data, StringComparison.Ordinal);
        return new TableEntity(_host.TenantId, $"ben|{unitId}|{id}") { ["Data"] = data, ["UnitId"] = unitId, ["State"] = "Realised" };
    }

    [Fact]
    public async Task StoredBadFigures_DigestReportFilesAndTab_AnswerWithTheBadFiguresLeftOutAndNamed()
    {
        await WriteBadRowsAsync();
        await AssertEveryEntryPointAnswersAsync(expectedHours: null);

        // Any change to the unit's records counts its week again, now from the records: the good figure stays, the bad
        // ones of the week are left out and named. The row that is no JSON at all has no date and so no week: the unit
        // page flags it (below), the week's count does not.
        await _host.AddAsync("Noe som endrer uka");
        await AssertEveryEntryPointAnswersAsync(expectedHours: 10m);
        var overview = (await _host.TabAsync(HttpMethod.Get, "/api/tab/overview", CoordinatorToken)).Body!;
        Assert.Equal(5, (int)overview["benefitsLeftOut"]!.AsArray().Single(l => (string)l!["unitId"]! == "byggesak")!["count"]!);
    }

    private async Task AssertEveryEntryPointAnswersAsync(decimal? expectedHours)
    {
        var bot = _host.Bot;
        var digest = await bot.SayAsync(bot.Activities.PersonalMessage(bot.Coordinator, "ukeoppsummering"));
        Assert.Contains("Byggesak: ", digest, StringComparison.Ordinal);
        Assert.Contains("gevinsttall er holdt utenfor summene fordi beløpet er ugyldig eller urimelig stort", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("79", digest, StringComparison.Ordinal);

        var report = await bot.SayAsync(bot.Activities.PersonalMessage(bot.Coordinator, "rapport 2026"));
        Assert.Contains("gevinsttall er holdt utenfor summene", report, StringComparison.Ordinal);
        Assert.Contains("Byggesak", report, StringComparison.Ordinal);
        var links = bot.Connector.Requests.Last(r => r.Operation == ConnectorOperation.Reply).Activity!.Attachments![0].Content!["actions"]!.AsArray()
            .ToDictionary(a => (string)a!["title"]!, a => (string)a!["url"]!);
        using var client = bot.App.CreateClient();
        using var csv = await client.GetAsync(links["Last ned CSV"]);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var csvText = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Gevinsttall holdt utenfor (ugyldige)", csvText, StringComparison.Ordinal);
        Assert.DoesNotContain("79000", csvText, StringComparison.Ordinal);
        using var excel = await client.GetAsync(links["Last ned Excel"]);
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        using (var workbook = new ClosedXML.Excel.XLWorkbook(await excel.Content.ReadAsStreamAsync()))
        {
            Assert.Contains(workbook.Worksheet(1).CellsUsed(), c => c.GetString() == "Gevinsttall holdt utenfor (ugyldige)");
        }

        var (overviewStatus, overview) = await _host.TabAsync(HttpMethod.Get, "/api/tab/overview", CoordinatorToken);
        Assert.Equal(HttpStatusCode.OK, overviewStatus);
        Assert.Equal(["barneverntjenesten", "byggesak"], overview!["benefitsLeftOut"]!.AsArray().Select(l => (string)l!["unitId"]!).Order(StringComparer.Ordinal));
        var totals = overview["benefitsThisYear"]!.AsArray();
        Assert.DoesNotContain(totals, t => (string)t!["measure"]! == "nok");
        if (expectedHours is { } hours)
        {
            Assert.Equal(hours, (decimal)totals.Single(t => (string)t!["measure"]! == "hours")!["amount"]!);
        }

        var (unitStatus, unit) = await _host.TabAsync(HttpMethod.Get, "/api/tab/units/byggesak", LeaderToken);
        Assert.Equal(HttpStatusCode.OK, unitStatus);
        var benefits = unit!["benefits"]!.AsArray().ToDictionary(b => (string)b!["id"]!, b => b!);
        Assert.Equal(7, benefits.Count);
        Assert.Equal(["bad1", "bad2", "e400", "inf", "nan", "neg"], benefits.Where(b => !(bool)b.Value["countable"]!).Select(b => b.Key).Order(StringComparer.Ordinal));
        Assert.True((bool)benefits["good"]["countable"]!);
        Assert.Null(benefits["nan"]["amount"]);
        Assert.Null(benefits["inf"]["amount"]);
        Assert.Equal(-5m, (decimal)benefits["neg"]["amount"]!);
    }

    /// <summary>The card's answer as read: the no-break spaces that group thousands in Norwegian come escaped in its JSON.</summary>
    private static string Shown(string body) => body.Replace("\\u00A0", "\u00a0", StringComparison.Ordinal);

    private async Task<Benefit> StoredBenefitAsync()
    {
        var (status, body) = await SubmitAsync(new JsonObject { ["benefitKind"] = "TimeSaved", ["benefitAmount"] = "5", ["benefitMeasure"] = "Hours" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Sendt av Randi Lie", body, StringComparison.Ordinal);
        return Assert.Single(await _host.Records.ListBenefitsAsync(_host.TenantId, "byggesak", default));
    }
}
