using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.CheckIns;

/// <summary>
/// "Affects other units" on the check-in card: Teams' typeahead asks the bot for units as the user types (an
/// application/search invoke, posted here as Teams sends it), and the submit takes any live unit of the organisation.
/// </summary>
public sealed class AffectedUnitsTests : IAsyncLifetime
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

    private CheckInStore CheckIns => _bot.App.Services.GetRequiredService<CheckInStore>();

    private DateOnly LatestMeeting => MeetingClock.Latest(_byggesak, _clock.GetUtcNow());

    [Fact]
    public async Task Search_PartOfAName_FindsMatchingUnitsOfEveryServiceAreaWithTheirArea()
    {
        var (status, body) = await SearchAsync(_bot.ByggesakLeader, "TJENESTEN");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.microsoft.search.searchResponse", (string?)body["type"]);
        Assert.Equal(
            [
                ("Barneverntjenesten (Oppvekst og kultur)", "barneverntjenesten"),
                ("Hjemmetjenesten nord (Helse og omsorg)", "hjemmetjenesten-nord"),
                ("Hjemmetjenesten sør (Helse og omsorg)", "hjemmetjenesten-sor"),
                ("PP-tjenesten (Oppvekst og kultur)", "pp-tjenesten"),
            ],
            Results(body));
    }

    [Fact]
    public async Task Search_WithoutAccents_FindsANameWithThem()
    {
        await AddUnitAsync("aldreomsorg-soder", "Äldreomsorg Söder");

        var (_, body) = await SearchAsync(_bot.ByggesakLeader, "aldreomsorg sode");

        Assert.Equal([("Äldreomsorg Söder (Samfunnsutvikling og teknikk)", "aldreomsorg-soder")], Results(body));
    }

    [Fact]
    public async Task Search_Pages_FollowTopAndSkipAndNeverExceedFifteen()
    {
        for (var i = 1; i <= 20; i++)
        {
            await AddUnitAsync(string.Create(CultureInfo.InvariantCulture, $"vestby-{i:00}"), string.Create(CultureInfo.InvariantCulture, $"Vestby barnehage {i:00}"));
        }

        var (_, first) = await SearchAsync(_bot.ByggesakLeader, "vestby", top: 5, skip: 0);
        var (_, second) = await SearchAsync(_bot.ByggesakLeader, "vestby", top: 5, skip: 5);
        var (_, greedy) = await SearchAsync(_bot.ByggesakLeader, "vestby", top: 50, skip: 0);
        var (_, unasked) = await SearchAsync(_bot.ByggesakLeader, "vestby", top: null, skip: null);
        var (_, past) = await SearchAsync(_bot.ByggesakLeader, "vestby", top: 5, skip: 20);

        Assert.Equal(["vestby-01", "vestby-02", "vestby-03", "vestby-04", "vestby-05"], Results(first).Select(r => r.Value));
        Assert.Equal(["vestby-06", "vestby-07", "vestby-08", "vestby-09", "vestby-10"], Results(second).Select(r => r.Value));
        Assert.Equal(15, Results(greedy).Count);
        Assert.Equal(15, Results(unasked).Count);
        Assert.Empty(Results(past));
    }

    [Fact]
    public async Task Search_ArchivedUnit_IsNotOffered()
    {
        await ArchiveAsync("barneverntjenesten");

        var (_, body) = await SearchAsync(_bot.ByggesakLeader, "tjenesten");

        Assert.DoesNotContain("barneverntjenesten", Results(body).Select(r => r.Value));
        Assert.Contains("pp-tjenesten", Results(body).Select(r => r.Value));
    }

    [Fact]
    public async Task Search_SomeoneTheOrganisationDoesNotKnow_IsRefusedAndSeesNoUnit()
    {
        var (status, body) = await SearchAsync(_bot.Stranger, "tjenesten");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        Assert.Contains("Du har ikke tilgang til å søke etter enheter", (string?)body["value"]!["message"], StringComparison.Ordinal);
        Assert.DoesNotContain("tjenesten (", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ALeaderOfThisOrganisationCallingFromAnotherTenant_IsRefusedAndSeesNoUnit()
    {
        var otherTenant = new TeamsActivities(TestTenants.New(), _bot.Connector.ServiceUrl);

        var (status, body) = await SearchAsync(_bot.ByggesakLeader, "tjenesten", activities: otherTenant);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("tjenesten (", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_UnknownDataset_IsAnErrorResponse()
    {
        var (status, body) = await SearchAsync(_bot.ByggesakLeader, "tjenesten", dataset: "people");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        Assert.Equal("NotSupported", (string?)body["value"]!["code"]);
    }

    [Fact]
    public async Task Submit_UnitOfAnotherServiceArea_IsStoredAndShownByNameWhereverAffectedUnitsShow()
    {
        var (status, card) = await SubmitAsync("barneverntjenesten,servicetorget");

        Assert.Equal(HttpStatusCode.OK, status);
        var stored = await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default);
        Assert.Equal(["barneverntjenesten", "servicetorget"], stored!.Benefits[0].AffectsUnitIds);
        Assert.Contains("Påvirker det andre enheter? Barneverntjenesten, Servicetorget", card, StringComparison.Ordinal);
        // The summary posted again by the command, and the correction's form, which offers it by name.
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "statusrapport"));
        Assert.Contains("Barneverntjenesten, Servicetorget", Unescaped(said), StringComparison.Ordinal);
        var (_, edit) = await ActAsync(CheckInCard.EditVerb, []);
        var affects = Affects(edit);
        Assert.Equal("barneverntjenesten,servicetorget", (string?)affects["value"]);
        Assert.Contains(affects["choices"]!.AsArray(), c => (string?)c!["value"] == "barneverntjenesten" && (string?)c["title"] == "Barneverntjenesten");
    }

    [Theory]
    [InlineData("ikke-en-enhet")]
    [InlineData("../byggesak")]
    public async Task Submit_IdThatIsNoUnitOfTheOrganisation_IsRefusedAndNothingIsStored(string forged)
    {
        var (status, card) = await SubmitAsync($"servicetorget,{forged}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("En av enhetene du valgte, finnes ikke i organisasjonen.", card, StringComparison.Ordinal);
        Assert.Null(await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default));
        Assert.Equal("servicetorget", (string?)Affects(card)["value"]);
    }

    /// <summary>
    /// The coordinator archives a unit (closed down or merged) after the card was sent, and the board had chosen it. A
    /// coordinator would not want a benefit counted against a unit that no longer exists, nor want the board's choice
    /// quietly lost: the card names it, takes it out and asks for the unit that took over its work.
    /// </summary>
    [Fact]
    public async Task Submit_UnitArchivedAfterTheCardWasSent_IsRefusedByNameAndTakenOutOfTheForm()
    {
        await ArchiveAsync("barneverntjenesten");

        var (_, card) = await SubmitAsync("barneverntjenesten,servicetorget");

        Assert.Contains("Barneverntjenesten er arkivert (lagt ned eller slått sammen) og ble tatt ut.", card, StringComparison.Ordinal);
        Assert.Null(await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default));
        Assert.Equal("servicetorget", (string?)Affects(card)["value"]);
        Assert.DoesNotContain(Affects(card)["choices"]!.AsArray(), c => (string?)c!["value"] == "barneverntjenesten");

        var (_, again) = await SubmitAsync((string?)Affects(card)["value"]);

        Assert.Contains("Sendt av Randi Lie", again, StringComparison.Ordinal);
        Assert.Equal(["servicetorget"], (await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default))!.Benefits[0].AffectsUnitIds);
    }

    [Fact]
    public async Task Submit_UnitMovedToAnotherServiceAreaAfterTheCardWasSent_IsStillTaken()
    {
        var moved = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "vann-og-avlop", default))!;
        Assert.Equal(WriteOutcome.Written, (await _bot.App.Store.SaveUnitAsync(_bot.TenantId, moved with { ServiceAreaId = "helse-og-omsorg" }, default)).Outcome);

        var (_, card) = await SubmitAsync("vann-og-avlop");

        Assert.Contains("Påvirker det andre enheter? Vann og avløp", card, StringComparison.Ordinal);
        Assert.Equal(["vann-og-avlop"], (await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default))!.Benefits[0].AffectsUnitIds);
    }

    [Fact]
    public async Task Submit_ItsOwnUnit_IsNotAnotherUnitAndIsLeftOut()
    {
        await SubmitAsync("byggesak,servicetorget");

        Assert.Equal(["servicetorget"], (await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default))!.Benefits[0].AffectsUnitIds);
    }

    /// <summary>
    /// Units chosen outside the area are read one by one, at most 20: the 21st and later were not read, so before they
    /// were refused as units the organisation does not have. The card says how many it takes and keeps the first.
    /// </summary>
    [Fact]
    public async Task Submit_MoreThanTwentyUnitsOutsideTheArea_IsRefusedAsTooManyAndKeepsTheFirstTwenty()
    {
        var ids = await AddUnitsAsync("helse", 22, serviceAreaId: "helse-og-omsorg");

        var (_, card) = await SubmitAsync(string.Join(',', ids));

        Assert.Contains("Velg høyst 40 enheter, og høyst 20 utenfor tjenesteområdet deres.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("finnes ikke i organisasjonen", card, StringComparison.Ordinal);
        Assert.Null(await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default));
        Assert.Equal(string.Join(',', ids.Take(20)), (string?)Affects(card)["value"]);
        Assert.Equal("8", Elements(JsonNode.Parse(card)!["value"]).Single(e => (string?)e["id"] == "attendance")["value"]?.ToString());

        var (_, again) = await SubmitAsync((string?)Affects(card)["value"]);

        Assert.Contains("Sendt av Randi Lie", again, StringComparison.Ordinal);
        Assert.Equal(ids.Take(20), (await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default))!.Benefits[0].AffectsUnitIds);
    }

    [Fact]
    public async Task Submit_MoreThanFortyUnitsOfItsOwnArea_IsRefusedAsTooManyAndKeepsTheFirstForty()
    {
        var ids = await AddUnitsAsync("omrade", 41);

        var (_, card) = await SubmitAsync(string.Join(',', ids));

        Assert.Contains("Velg høyst 40 enheter", card, StringComparison.Ordinal);
        Assert.Null(await CheckIns.GetAsync(_bot.TenantId, "byggesak", LatestMeeting, default));
        Assert.Equal(string.Join(',', ids.Take(40)), (string?)Affects(card)["value"]);
    }

    /// <summary>The card offers 40 units of the area by name; one chosen past the 40th is still shown by name on a correction.</summary>
    [Fact]
    public async Task Edit_UnitOfALargeAreaPastTheFortiethOffered_IsStillAChoiceByName()
    {
        var ids = await AddUnitsAsync("omrade", 45);
        var (_, sent) = await SubmitAsync($"{ids[44]},barneverntjenesten");
        Assert.Contains("Sendt av Randi Lie", sent, StringComparison.Ordinal);

        var (_, edit) = await ActAsync(CheckInCard.EditVerb, []);

        var affects = Affects(edit);
        Assert.Equal($"{ids[44]},barneverntjenesten", (string?)affects["value"]);
        var choices = affects["choices"]!.AsArray();
        Assert.Contains(choices, c => (string?)c!["value"] == ids[44] && (string?)c["title"] == "Område 45");
        Assert.Contains(choices, c => (string?)c!["value"] == "barneverntjenesten" && (string?)c["title"] == "Barneverntjenesten");
        Assert.Single(choices, c => (string?)c!["value"] == ids[44]);
    }

    private async Task<List<string>> AddUnitsAsync(string prefix, int count, string? serviceAreaId = null)
    {
        var ids = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:00}");
            var unit = _byggesak with { Id = id, Name = string.Create(CultureInfo.InvariantCulture, $"Område {i:00}"), ETag = null, Channel = null, ServiceAreaId = serviceAreaId ?? _byggesak.ServiceAreaId };
            Assert.Equal(WriteOutcome.Written, (await _bot.App.Store.SaveUnitAsync(_bot.TenantId, unit, default)).Outcome);
            ids.Add(id);
        }

        return ids;
    }

    private async Task AddUnitAsync(string id, string name) =>
        Assert.Equal(WriteOutcome.Written, (await _bot.App.Store.SaveUnitAsync(_bot.TenantId, _byggesak with { Id = id, Name = name, ETag = null, Channel = null }, default)).Outcome);

    private async Task ArchiveAsync(string unitId)
    {
        var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, unitId, default))!;
        Assert.Equal(WriteOutcome.Written, (await _bot.App.Store.SaveUnitAsync(_bot.TenantId, unit with { Archived = true }, default)).Outcome);
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> SearchAsync(
        TeamsUser user, string typed, int? top = 15, int? skip = 0, string dataset = CheckInCard.UnitsDataset, TeamsActivities? activities = null)
    {
        // As Teams sends it: what was typed, the dataset the card named, and the page it wants.
        var value = new JsonObject { ["queryText"] = typed, ["dataset"] = dataset };
        if (top is not null || skip is not null)
        {
            value["queryOptions"] = new JsonObject { ["skip"] = skip, ["top"] = top };
        }

        using var response = await _bot.PostAsync((activities ?? _bot.Activities).Invoke(user, "application/search", value));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static List<(string Title, string Value)> Results(JsonNode body) =>
        [.. body["value"]!["results"]!.AsArray().Select(r => ((string)r!["title"]!, (string)r["value"]!))];

    private Task<(HttpStatusCode Status, string Body)> SubmitAsync(string? affects) => ActAsync(CheckInCard.SubmitVerb, new JsonObject
    {
        ["held"] = "yes",
        ["attendance"] = "8",
        ["goal0"] = "Green",
        ["goal1"] = "Green",
        ["benefitKind"] = "TimeSaved",
        ["benefitAmount"] = "3.5",
        ["benefitMeasure"] = "Hours",
        ["benefitAffects"] = affects,
    });

    private async Task<(HttpStatusCode Status, string Body)> ActAsync(string verb, JsonObject answers)
    {
        var data = answers.DeepClone().AsObject();
        data["unitId"] = "byggesak";
        data["meetingDate"] = LatestMeeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var invoke = _bot.Activities.Invoke(_bot.ByggesakLeader, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        });
        invoke["replyToId"] = "card-message-1";
        using var response = await _bot.PostAsync(invoke);
        return (response.StatusCode, Unescaped(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The "affects other units" input of a card answer.</summary>
    private static JsonObject Affects(string body) => Elements(JsonNode.Parse(body)!["value"]).Single(e => (string?)e["id"] == "benefitAffects");

    private static IEnumerable<JsonObject> Elements(JsonNode? node) => node switch
    {
        JsonObject o when o["type"] is not null => [o, .. o.Where(p => p.Key is not "fallback").SelectMany(p => Elements(p.Value))],
        JsonObject o => o.SelectMany(p => Elements(p.Value)),
        JsonArray a => a.SelectMany(Elements),
        _ => [],
    };

    // Written back without escaping, so assertions can name Norwegian text as people read it.
    private static string Unescaped(string json) => JsonNode.Parse(json)!.ToJsonString(UnescapedJson);

    private static readonly JsonSerializerOptions UnescapedJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
