using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.ActionPlan;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Privacy;

/// <summary>
/// Free text with an identity number (or, in a deviation, an e-mail address or phone number) is refused at every door
/// that stores it, in the caller's language, and nothing is stored; the numbers used are synthetic, with valid checksums.
/// </summary>
public sealed class PersonalDataTests : IAsyncLifetime
{
    // A Wednesday: Byggesak's latest board meeting was Thursday 19 November, and its check-in is still open.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private BotHost _bot = null!;
    private Unit _byggesak = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(time: _clock);
        _byggesak = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private DateOnly LatestMeeting => MeetingClock.Latest(_byggesak, _clock.GetUtcNow());

    private ImprovementStore Records => _bot.App.Services.GetRequiredService<ImprovementStore>();

    [Theory]
    [InlineData("nb-NO", "deviations", "Pasient 010190 12480 falt i gangen", "Teksten ser ut til å inneholde et fødselsnummer.")]
    [InlineData("nb-NO", "deviations", "Bruker med D-nr 41019012393 fikk feil vedtak", "Teksten ser ut til å inneholde et D-nummer.")]
    [InlineData("sv-SE", "deviations", "Brukare 19900101-1239 föll i korridoren", "Texten verkar innehålla ett personnummer.")]
    [InlineData("sv-SE", "deviations", "Samordningsnummer 900161-1236 saknades", "Texten verkar innehålla ett samordningsnummer.")]
    [InlineData("nn-NO", "deviations", "Pasient 010190 12480 fall i gangen", "Teksten ser ut til å innehalde eit fødselsnummer.")]
    [InlineData("en-GB", "deviations", "Ask her daughter, kari.nordmann@example.no, about the fall", "The text seems to contain an e-mail address.")]
    [InlineData("nb-NO", "deviations", "Ring pårørende på 912 34 567 om fallet", "Teksten ser ut til å inneholde et telefonnummer.")]
    [InlineData("sv-SE", "deviations", "Ring anhöriga på 070-123 45 67", "Texten verkar innehålla ett telefonnummer.")]
    [InlineData("nb-NO", "note", "Gjelder 15058512343", "Teksten ser ut til å inneholde et fødselsnummer.")]
    [InlineData("en-GB", "improvementsNew", "Check-list for 850515+2341", "The text seems to contain a Swedish personal identity number (personnummer).")]
    [InlineData("nb-NO", "helpNeeded", "Hjelp med saken til 01019012480", "Teksten ser ut til å inneholde et fødselsnummer.")]
    public async Task CheckInSubmit_PersonalDataInAFreeTextField_IsRefusedOnTheCardWithTheTextKeptAndNothingStored(string locale, string field, string text, string refusal)
    {
        var answers = CleanAnswers();
        answers[field] = text;

        var card = await SubmitCheckInAsync(answers, locale);

        var body = ListHolding(card, field);
        var input = body.Single(e => (string?)e!["id"] == field)!;
        Assert.Equal(text, (string?)input["value"]);
        var shown = (string)body[body.IndexOf(input) + 1]!["text"]!;
        Assert.StartsWith(refusal, BotHost.Shown(shown), StringComparison.Ordinal);
        // The refusal names the kind of data, never the data.
        Assert.All(text.Split(' ').Where(w => w.Any(char.IsAsciiDigit) || w.Contains('@', StringComparison.Ordinal)), w => Assert.DoesNotContain(w.Trim(','), shown, StringComparison.Ordinal));
        Assert.Null(await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default));
        Assert.Empty(await Records.ListDeviationsAsync(_bot.TenantId, "byggesak", default));
        Assert.Empty(await Records.ListImprovementsAsync(_bot.TenantId, "byggesak", default));
    }

    [Fact]
    public async Task CheckInSubmit_OrderNumbersDatesAndAmounts_AreStoredAsBefore()
    {
        var answers = CleanAnswers();
        answers["deviations"] = "Ordre 12345678901 levert 06.12.2026, ikke 2026-11-19\nFaktura på 1 234 567 kr feilført";
        answers["note"] = "Sak 2026/12345, kontakt servicetorget@fjordvik.kommune.no";

        var card = await SubmitCheckInAsync(answers, "nb-NO");

        Assert.Contains("Sendt av Randi Lie", BotHost.Shown(card.ToJsonString()), StringComparison.Ordinal);
        var stored = await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default);
        Assert.NotNull(stored);
        Assert.Equal(["Ordre 12345678901 levert 06.12.2026, ikke 2026-11-19", "Faktura på 1 234 567 kr feilført"], stored.NewDeviations);
        Assert.Equal("Sak 2026/12345, kontakt servicetorget@fjordvik.kommune.no", stored.Note);
        Assert.Equal(2, (await Records.ListDeviationsAsync(_bot.TenantId, "byggesak", default)).Count);
    }

    [Fact]
    public async Task CheckInCard_OrganisationSetsADeviationSystem_LinksItUnderTheDeviationsField()
    {
        var yaml = ImportFiles.Demo(_bot.TenantId).Replace("timeZone: Europe/Oslo\n", "timeZone: Europe/Oslo\ndeviationSystem: https://avvik.fjordvik.kommune.no/meld\n", StringComparison.Ordinal);
        var imported = await _bot.App.ImportAsync(_bot.TenantId, "organisation.yaml", yaml);
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));

        var card = JsonNode.Parse(await CardOfAsync("checkin", "en-GB"))!;

        var body = ListHolding(card, "deviations");
        var deviations = body.IndexOf(body.Single(e => (string?)e!["id"] == "deviations"));
        Assert.StartsWith("Formal deviation reports and anything about patients, clients or users belong in your organisation's deviation system", BotHost.Shown((string)body[deviations + 1]!["text"]!), StringComparison.Ordinal);
        var link = body[deviations + 2]!["actions"]![0]!;
        Assert.Equal(("Action.OpenUrl", "https://avvik.fjordvik.kommune.no/meld"), ((string)link["type"]!, (string)link["url"]!));
    }

    [Fact]
    public async Task CheckInCard_NoDeviationSystemSet_SaysWhereDeviationsBelongWithoutALink()
    {
        var card = JsonNode.Parse(await CardOfAsync("statusrapport", "nb-NO"))!;

        var body = ListHolding(card, "deviations");
        var deviations = body.IndexOf(body.Single(e => (string?)e!["id"] == "deviations"));
        Assert.StartsWith("Formelle avviksmeldinger og alt som gjelder pasienter, brukere eller klienter", BotHost.Shown((string)body[deviations + 1]!["text"]!), StringComparison.Ordinal);
        Assert.DoesNotContain(card.ToJsonString(), "Action.OpenUrl", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nb-NO", "forbedring ny Egen rutine for 010190 12480", "Teksten ser ut til å inneholde et fødselsnummer.")]
    [InlineData("sv-SE", "förbättring ny Rutin för 19900101-1239", "Texten verkar innehålla ett personnummer.")]
    [InlineData("nn-NO", "forbetring ny Eigen rutine for 010190 12480", "Teksten ser ut til å innehalde eit fødselsnummer.")]
    [InlineData("en-GB", "improvement add Routine for D-number 41019012393", "The text seems to contain a Norwegian D-number.")]
    public async Task ImprovementAdd_IdentityNumber_IsRefusedAndNothingStored(string locale, string text, string refusal)
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, text, locale));

        Assert.Contains(refusal, said, StringComparison.Ordinal);
        Assert.Empty(await Records.ListImprovementsAsync(_bot.TenantId, "byggesak", default));
    }

    [Fact]
    public async Task ImprovementAdd_OrderNumberAndPhoneOfAnOffice_IsStored()
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "forbedring ny Bestill via ordre 12345678901 eller servicetorget 22 33 44 55"));

        Assert.Contains("er lagt til som forbedring", said, StringComparison.Ordinal);
        Assert.Equal("Bestill via ordre 12345678901 eller servicetorget 22 33 44 55", Assert.Single(await Records.ListImprovementsAsync(_bot.TenantId, "byggesak", default)).Title);
    }

    private CheckInStore CheckIns => _bot.App.Services.GetRequiredService<CheckInStore>();

    private static JsonObject CleanAnswers() => new()
    {
        ["held"] = "yes",
        ["attendance"] = "8",
        ["goal0"] = "Green",
        ["goal1"] = "Red",
        ["deviations"] = "Feil i skjema for byggesøknad",
    };

    /// <summary>The card a command answers with, as JSON.</summary>
    private async Task<string> CardOfAsync(string command, string locale)
    {
        var before = _bot.Connector.Requests.Count;
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, command, locale));
        var reply = _bot.Connector.Requests.Skip(before).Single(r => r.Activity?.Attachments is { Count: > 0 });
        return reply.Activity!.Attachments![0].Content!.ToJsonString();
    }

    private async Task<JsonObject> SubmitCheckInAsync(JsonObject answers, string locale)
    {
        var data = answers.DeepClone().AsObject();
        data["unitId"] = "byggesak";
        data["meetingDate"] = LatestMeeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var invoke = _bot.Activities.Invoke(_bot.ByggesakLeader, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = CheckInCard.SubmitVerb, ["data"] = data },
            ["trigger"] = "manual",
        });
        invoke["locale"] = locale;
        invoke["replyToId"] = "card-message-1";
        using var response = await _bot.PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var parsed = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(parsed.RootElement.GetProperty("value").GetRawText())!.AsObject();
    }

    /// <summary>The list of card elements (the body, or a section's items) that holds the input <paramref name="id"/>.</summary>
    private static JsonArray ListHolding(JsonNode card, string id)
    {
        static IEnumerable<JsonArray> Lists(JsonNode? node) => node switch
        {
            JsonArray array => [array, .. array.SelectMany(Lists)],
            JsonObject obj => obj.SelectMany(p => Lists(p.Value)),
            _ => [],
        };

        return Lists(card).Single(list => list.Any(e => e is JsonObject o && (string?)o["id"] == id));
    }
}

/// <summary>The action plan's rows through the tab API (real time: the development sign-in's tokens are checked against it).</summary>
public sealed class ActionPlanPersonalDataTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(DevelopmentSignIn.Settings(), environment: DevelopmentSignIn.Environment);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("nb-NO", "challenge", "Teksten ser ut til å inneholde et fødselsnummer.")]
    [InlineData("sv-SE", "measures", "Texten verkar innehålla ett norskt personnummer (fødselsnummer).")]
    [InlineData("nn-NO", "challenge", "Teksten ser ut til å innehalde eit fødselsnummer.")]
    [InlineData("en-GB", "responsible", "The text seems to contain a Norwegian national identity number (fødselsnummer).")]
    public async Task ActionPlanAdd_IdentityNumberInAField_Is400NamingTheFieldAndStoresNothing(string language, string field, string refusal)
    {
        var token = await SignInAsync("lean.koordinator@fjordvik.kommune.no");
        var row = Row();
        row[field] = "Gjelder 01019012480";

        using var response = await SendAsync(HttpMethod.Post, "/api/tab/actionplan", token, row, language);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(field, Assert.Single(errors).Key);
        Assert.StartsWith(refusal, (string)errors[field]![0]!, StringComparison.Ordinal);
        Assert.Empty(await _bot.App.Services.GetRequiredService<ActionPlanStore>().ListAsync(_bot.TenantId, default));
    }

    [Fact]
    public async Task ActionPlanUpdate_IdentityNumber_Is400AndTheRowKeepsItsText()
    {
        var token = await SignInAsync("lean.koordinator@fjordvik.kommune.no");
        using var added = await SendAsync(HttpMethod.Post, "/api/tab/actionplan", token, Row(), "nb-NO");
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var row = JsonNode.Parse(await added.Content.ReadAsStringAsync())!.AsObject();
        row["measures"] = "Følg opp 19900101-1239";

        using var updated = await SendAsync(HttpMethod.Put, $"/api/tab/actionplan/{(string)row["id"]!}", token, row, "nb-NO");

        Assert.Equal(HttpStatusCode.BadRequest, updated.StatusCode);
        Assert.Contains("\"measures\"", await updated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Stedfortreder leder tavlemøtet", Assert.Single(await _bot.App.Services.GetRequiredService<ActionPlanStore>().ListAsync(_bot.TenantId, default)).Measures);
    }

    private static JsonObject Row() => new()
    {
        ["challenge"] = "Tavlemøter faller bort i ferier",
        ["measures"] = "Stedfortreder leder tavlemøtet",
        ["responsible"] = "Tjenesteområdeleder",
        ["deadline"] = "2027-03-01",
        ["status"] = "notStarted",
    };

    private async Task<string> SignInAsync(string email)
    {
        using var http = _bot.App.CreateClient();
        using var response = await http.PostAsJsonAsync("/api/tab/dev-signin", new { email, tenantId = _bot.TenantId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, JsonObject body, string language)
    {
        using var http = _bot.App.CreateClient();
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return await http.SendAsync(request);
    }

}
