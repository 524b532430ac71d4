using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Reviews;
using LeanTeamsApp.IntegrationTests.Cards;

namespace LeanTeamsApp.IntegrationTests.Improvements;

/// <summary>
/// Deviations from a check-in can be closed, or made a follow-up area with an owner and a deadline, from the bot and
/// the tab; refused for roles that may not, with nothing changed in storage. Byggesak's check-in for its meeting on
/// Thursday 19 November 2026 reported three deviations; it is Friday 20 November.
/// </summary>
public sealed class DeviationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 11, 1, 0, TimeSpan.Zero);
    private const string Linn = "linn.aasen@fjordvik.kommune.no";

    private BoardHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BoardHost.StartAsync(Friday);
        var (status, body) = await _host.ActAsync(CheckInCard.SubmitVerb, new JsonObject
        {
            ["meetingDate"] = "2026-11-19", ["held"] = "yes", ["attendance"] = "6", ["goal0"] = "Green", ["goal1"] = "Red",
            ["deviations"] = "Feil i skjema\nVentetid på attest\nMangler i nabovarsel",
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Sendt av Randi Lie", body, StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private ReviewStore Reviews => _host.Bot.App.Services.GetRequiredService<ReviewStore>();

    [Fact]
    public async Task ImprovementsCard_OpenDeviations_EachWithCloseAndAFollowUpFormOfferingTheUnitsPeople()
    {
        await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.ByggesakLeader, "forbedringer"));

        var card = _host.LastCard().ToJsonString(Unescaped);
        Assert.Contains("Åpne avvik (3)", card, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"deviation.close\"", card, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"deviation.followup\"", card, StringComparison.Ordinal);
        Assert.Contains("Randi Lie (Enhetsleder)", card, StringComparison.Ordinal);
        Assert.Contains("Linn Aasen (", card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"tol.samfunn@fjordvik.kommune.no\"", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloseOnTheCard_UnitLeader_ClosesItAndTheCardNoLongerListsIt()
    {
        var deviation = await _host.DeviationAsync("Feil i skjema");

        var (status, body) = await _host.ActAsync(ImprovementsCard.CloseDeviationVerb, new JsonObject { ["deviationId"] = deviation.Id });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Avviket «Feil i skjema» er lukket.", body, StringComparison.Ordinal);
        Assert.Contains("Åpne avvik (2)", body, StringComparison.Ordinal);
        var closed = await _host.DeviationAsync("Feil i skjema");
        Assert.Equal((DeviationStatus.Closed, "Randi Lie", Friday, (string?)null), (closed.Status, closed.ClosedBy, closed.ClosedAt!.Value, closed.FollowUpAreaId));
    }

    [Fact]
    public async Task CloseOnTheCard_Coordinator_IsRefusedAndNothingChanges()
    {
        var before = await SnapshotAsync();
        var deviation = await _host.DeviationAsync("Feil i skjema");

        var (status, body) = await _host.ActAsync(ImprovementsCard.CloseDeviationVerb, new JsonObject { ["deviationId"] = deviation.Id }, _host.Bot.Coordinator);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Du har ikke tilgang til å endre forbedringer og avvik for Byggesak.", body, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task FollowUpOnTheCard_UnitLeader_CreatesTheAreaClosesTheDeviationAndFollowupsListIt()
    {
        var deviation = await _host.DeviationAsync("Ventetid på attest");

        var (_, body) = await PromoteOnCardAsync(deviation.Id, Linn, "2026-12-15");

        Assert.Contains("«Ventetid på attest» er nå et oppfølgingsområde: Linn Aasen er ansvarlig, frist 15.12.2026. Avviket er lukket.", body, StringComparison.Ordinal);
        var closed = await _host.DeviationAsync("Ventetid på attest");
        var area = await Reviews.GetFollowUpAsync(_host.TenantId, "byggesak", closed.FollowUpAreaId!, default);
        Assert.NotNull(area);
        Assert.Equal((DeviationStatus.Closed, "Randi Lie"), (closed.Status, closed.ClosedBy));
        Assert.Equal(("Ventetid på attest", Linn, new DateOnly(2026, 12, 15), FollowUpStatus.Open, deviation.Id, (string?)null),
            (area.Text, area.OwnerId, area.Deadline, area.Status, area.SourceDeviationId, area.SourceAppointmentId));
        var followups = await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.ByggesakLeader, "oppfølging"));
        Assert.Contains("Ventetid på attest", followups, StringComparison.Ordinal);
        Assert.Contains("Linn Aasen", followups, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUpOnTheCard_ClickedTwice_MakesOneArea()
    {
        var deviation = await _host.DeviationAsync("Ventetid på attest");

        var both = await Task.WhenAll(PromoteOnCardAsync(deviation.Id, Linn, "2026-12-15"), PromoteOnCardAsync(deviation.Id, "leder.byggesak@fjordvik.kommune.no", "2026-12-20"));

        Assert.Single(both, b => b.Body.Contains("er nå et oppfølgingsområde", StringComparison.Ordinal));
        Assert.Single(both, b => b.Body.Contains("var allerede gjort til et oppfølgingsområde", StringComparison.Ordinal));
        Assert.Single(await Reviews.ListFollowUpsAsync(_host.TenantId, "byggesak", default));
        Assert.Single(await Reviews.ListOpenFollowUpsAsync(_host.TenantId, default));
    }

    [Theory]
    [InlineData("ukjent@example.com", "2026-12-15", "Ingen i organisasjonen har denne e-posten.")]
    [InlineData(Linn, "2026-11-19", "Velg en frist fra i dag av.")]
    [InlineData(Linn, "", "Velg en frist fra i dag av.")]
    public async Task FollowUpOnTheCard_UnknownOwnerOrPastDeadline_ShowsTheErrorAtTheDeviationAndStoresNothing(string owner, string deadline, string error)
    {
        var before = await SnapshotAsync();
        var deviation = await _host.DeviationAsync("Ventetid på attest");

        var (status, body) = await PromoteOnCardAsync(deviation.Id, owner, deadline, asOther: true);

        Assert.Equal(HttpStatusCode.OK, status);
        var items = JsonNode.Parse(body)!["value"]!["body"]!.AsArray().OfType<JsonObject>().Where(e => (string?)e["type"] == "Container").ToList();
        var item = items.Single(c => c.ToJsonString(Unescaped).Contains("Ventetid på attest", StringComparison.Ordinal) && c["items"]!.AsArray().Count > 2);
        Assert.Contains(error, item.ToJsonString(Unescaped), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task FollowUpOnTheCard_LeaderOfAnotherServiceArea_IsRefusedAndNothingChanges()
    {
        var before = await SnapshotAsync();
        var deviation = await _host.DeviationAsync("Ventetid på attest");

        var (_, body) = await PromoteOnCardAsync(deviation.Id, Linn, "2026-12-15", user: _host.Bot.HelseLeader);

        Assert.Contains("Du har ikke tilgang til å lukke eller opprette oppfølgingsområder for Byggesak.", body, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task TabClose_UnitCoordinator_ClosesWithTheETagItRead()
    {
        var token = _host.Token(Linn, "Linn Aasen");
        var deviation = await TabDeviationAsync(token, "Feil i skjema");

        var (status, body) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/units/byggesak/deviations/{deviation["id"]}/close", token, new JsonObject { ["etag"] = (string?)deviation["etag"] });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("closed", (string?)body!["status"]);
        Assert.Equal((DeviationStatus.Closed, "Linn Aasen"), ((await _host.DeviationAsync("Feil i skjema")).Status, (await _host.DeviationAsync("Feil i skjema")).ClosedBy));
        Assert.Equal("closed", (string?)(await TabDeviationAsync(token, "Feil i skjema"))["status"]);
    }

    [Fact]
    public async Task TabClose_ETagNotTheStoredOne_Is412AndNothingChanges()
    {
        var deviation = await _host.DeviationAsync("Mangler i nabovarsel");
        var before = await SnapshotAsync();

        var (status, _) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/units/byggesak/deviations/{deviation.Id}/close", _host.Token(Linn, "Linn Aasen"),
            new JsonObject { ["etag"] = "W/\"datetime'2020-01-01T00%3A00%3A00.0000000Z'\"" });

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task TabClose_ClosedInChatSinceItWasRead_Is409AndNothingChanges()
    {
        var token = _host.Token(Linn, "Linn Aasen");
        var read = await TabDeviationAsync(token, "Feil i skjema");
        await _host.ActAsync(ImprovementsCard.CloseDeviationVerb, new JsonObject { ["deviationId"] = (string?)read["id"] });
        var before = await SnapshotAsync();

        var (status, _) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/units/byggesak/deviations/{read["id"]}/close", token, new JsonObject { ["etag"] = (string?)read["etag"] });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal("Randi Lie", (await _host.DeviationAsync("Feil i skjema")).ClosedBy);
    }

    [Fact]
    public async Task TabClose_NoETag_Is400NamingTheField()
    {
        var deviation = await _host.DeviationAsync("Feil i skjema");

        var (status, body) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/units/byggesak/deviations/{deviation.Id}/close", _host.Token(Linn, "Linn Aasen"), new JsonObject());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["etag"]);
        Assert.Equal(DeviationStatus.Open, (await _host.DeviationAsync("Feil i skjema")).Status);
    }

    [Theory]
    [InlineData("lean.koordinator@fjordvik.kommune.no", "Jonas Vik", HttpStatusCode.Forbidden)]
    [InlineData("tol.samfunn@fjordvik.kommune.no", "Mona Strand", HttpStatusCode.Forbidden)]
    [InlineData("tol.helse@fjordvik.kommune.no", "Kari Nordby", HttpStatusCode.NotFound)]
    public async Task TabClose_RoleThatMayNotWorkOnTheBoard_IsRefusedAndNothingChanges(string email, string name, HttpStatusCode expected)
    {
        var deviation = await _host.DeviationAsync("Feil i skjema");
        var before = await SnapshotAsync();

        var (status, body) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/units/byggesak/deviations/{deviation.Id}/close", _host.Token(email, name), new JsonObject { ["etag"] = deviation.ETag });

        Assert.Equal(expected, status);
        Assert.NotNull(body?["title"]);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task TabFollowUp_ServiceAreaLeader_CreatesTheAreaShownOnTheUnitPage()
    {
        var token = _host.Token("tol.samfunn@fjordvik.kommune.no", "Mona Strand");
        var deviation = await TabDeviationAsync(token, "Mangler i nabovarsel");

        var (status, body) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/units/byggesak/deviations/{deviation["id"]}/followup", token,
            new JsonObject { ["etag"] = (string?)deviation["etag"], ["ownerId"] = "LEDER.Byggesak@fjordvik.kommune.no", ["deadline"] = "2027-01-15" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("Randi Lie", "2027-01-15", "closed"), ((string?)body!["followUp"]!["owner"], (string?)body["followUp"]!["deadline"], (string?)body["deviation"]!["status"]));
        var (_, unit) = await _host.TabAsync(HttpMethod.Get, "/api/tab/units/byggesak", token);
        var followUp = unit!["followUps"]!.AsArray().Single(f => (string?)f!["text"] == "Mangler i nabovarsel")!;
        Assert.Equal(("Randi Lie", "open"), ((string?)followUp["owner"], (string?)followUp["status"]));
        Assert.Equal((string?)followUp["id"], (string?)unit["deviations"]!.AsArray().Single(d => (string?)d!["text"] == "Mangler i nabovarsel")!["followUpId"]);
    }

    [Fact]
    public async Task TabFollowUp_MissingOwnerAndPastDeadline_Is400NamingBothFieldsAndStoresNothing()
    {
        var token = _host.Token(Linn, "Linn Aasen");
        var deviation = await TabDeviationAsync(token, "Mangler i nabovarsel");
        var before = await SnapshotAsync();

        var (status, body) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/units/byggesak/deviations/{deviation["id"]}/followup", token,
            new JsonObject { ["etag"] = (string?)deviation["etag"], ["deadline"] = "2026-11-19" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["deadline", "ownerId"], body!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(before, await SnapshotAsync());
    }

    // The tab shows each field's problem next to it, in the caller's language (Accept-Language); the keys stay.
    [Theory]
    [InlineData("nb-NO", "Send med etag-en fra da dette ble lest.")]
    [InlineData("nn-NO", "Send med etag-en frå då dette vart lese.")]
    [InlineData("sv-SE", "Skicka med etaggen från när detta lästes.")]
    public async Task TabClose_WithoutAnETag_IsWordedInTheCallersLanguageAndLeavesItOpen(string language, string etag)
    {
        var deviation = await _host.DeviationAsync("Mangler i nabovarsel");
        var before = await SnapshotAsync();

        var (status, body) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/units/byggesak/deviations/{deviation.Id}/close", _host.Token(Linn, "Linn Aasen"),
            new JsonObject(), language);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([etag], body!["errors"]!["etag"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("nb-NO", "Send med etag-en fra da dette ble lest.", "Velg hvem som er ansvarlig.", "Oppgi en dato (åååå-MM-dd) fra og med 20")]
    [InlineData("nn-NO", "Send med etag-en frå då dette vart lese.", "Vel kven som er ansvarleg.", "Oppgi ein dato (åååå-MM-dd) frå og med 20")]
    [InlineData("sv-SE", "Skicka med etaggen från när detta lästes.", "Välj vem som är ansvarig.", "Ange ett datum (åååå-MM-dd) från och med 20")]
    public async Task TabFollowUp_NoETagNoOwnerAndPastDeadline_IsWordedInTheCallersLanguageAndStoresNothing(string language, string etag, string owner, string deadline)
    {
        var deviation = await _host.DeviationAsync("Mangler i nabovarsel");
        var before = await SnapshotAsync();

        var (status, body) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/units/byggesak/deviations/{deviation.Id}/followup", _host.Token(Linn, "Linn Aasen"),
            new JsonObject { ["deadline"] = "2026-11-19" }, language);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal((etag, owner), ((string?)body!["errors"]!["etag"]![0], (string?)body["errors"]!["ownerId"]![0]));
        Assert.StartsWith(deadline, (string)body["errors"]!["deadline"]![0]!, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("nb-NO", "Ingen i organisasjonen har denne e-postadressen.")]
    [InlineData("nn-NO", "Ingen i organisasjonen har denne e-postadressa.")]
    [InlineData("sv-SE", "Ingen i organisationen har den här e-postadressen.")]
    public async Task TabFollowUp_OwnerNotInTheOrganisation_IsWordedInTheCallersLanguageAndStoresNothing(string language, string owner)
    {
        var deviation = await _host.DeviationAsync("Mangler i nabovarsel");
        var before = await SnapshotAsync();

        var (status, body) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/units/byggesak/deviations/{deviation.Id}/followup", _host.Token(Linn, "Linn Aasen"),
            new JsonObject { ["etag"] = deviation.ETag, ["ownerId"] = "ukjent@example.com", ["deadline"] = "2027-01-15" }, language);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([owner], body!["errors"]!["ownerId"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("ingrid.solheim@fjordvik.kommune.no", "Ingrid Solheim")]
    [InlineData("okonomisjef@fjordvik.kommune.no", "Tone Bakken")]
    public async Task TabFollowUp_ReaderWhoMayNotManageFollowUps_Is403AndNothingChanges(string email, string name)
    {
        var deviation = await _host.DeviationAsync("Mangler i nabovarsel");
        var before = await SnapshotAsync();

        var (status, body) = await _host.TabAsync(HttpMethod.Post, $"/api/tab/units/byggesak/deviations/{deviation.Id}/followup", _host.Token(email, name),
            new JsonObject { ["etag"] = deviation.ETag, ["ownerId"] = Linn, ["deadline"] = "2027-01-15" });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Not allowed", (string?)body!["title"]);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task TabUnitPage_SaysWhichButtonsTheCallerGets()
    {
        var (_, asLeader) = await _host.TabAsync(HttpMethod.Get, "/api/tab/units/byggesak", _host.Token("leder.byggesak@fjordvik.kommune.no", "Randi Lie"));
        var (_, asCoordinator) = await _host.TabAsync(HttpMethod.Get, "/api/tab/units/byggesak", _host.Token("lean.koordinator@fjordvik.kommune.no", "Jonas Vik"));
        var (_, asConsultant) = await _host.TabAsync(HttpMethod.Get, "/api/tab/units/byggesak", _host.Token("ingrid.solheim@fjordvik.kommune.no", "Ingrid Solheim"));

        Assert.Equal((true, true), ((bool)asLeader!["canWorkOnBoard"]!, (bool)asLeader["canManageFollowUps"]!));
        Assert.Equal((false, true), ((bool)asCoordinator!["canWorkOnBoard"]!, (bool)asCoordinator["canManageFollowUps"]!));
        Assert.Equal((false, false), ((bool)asConsultant!["canWorkOnBoard"]!, (bool)asConsultant["canManageFollowUps"]!));
        Assert.Equal(["unitLeader", "unitCoordinator", "serviceAreaLeader"], asLeader["followUpOwners"]!.AsArray().Select(o => (string)o!["role"]!));
    }

    [Fact]
    public async Task ImprovementsCards_WithDeviationsNoticeAndError_AreValidForTheOfficialRenderer()
    {
        var cards = new Dictionary<string, string>(StringComparer.Ordinal);
        await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.ByggesakLeader, "improvements", "en-GB"));
        cards["improvements-deviations"] = _host.LastCard().ToJsonString();
        var (_, closed) = await _host.ActAsync(ImprovementsCard.CloseDeviationVerb, new JsonObject { ["deviationId"] = (await _host.DeviationAsync("Feil i skjema")).Id });
        cards["improvements-deviation-closed"] = JsonNode.Parse(closed)!["value"]!.ToJsonString();
        var (_, error) = await PromoteOnCardAsync((await _host.DeviationAsync("Ventetid på attest")).Id, Linn, "");
        cards["improvements-followup-error"] = JsonNode.Parse(error)!["value"]!.ToJsonString();

        var verdicts = await OfficialRenderer.ValidateAsync(cards, OfficialRenderer.ArtifactsFolder);

        Assert.Equal(3, verdicts.Count);
        Assert.All(verdicts.Values, v => Assert.True(v.IsValid, v.ToString()));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private Task<(HttpStatusCode Status, string Body)> PromoteOnCardAsync(string deviationId, string owner, string deadline, bool asOther = false, TeamsUser? user = null)
    {
        var data = new JsonObject { ["deviationId"] = deviationId, [$"deadline-{deviationId}"] = deadline };
        data[asOther ? $"ownerEmail-{deviationId}" : $"owner-{deviationId}"] = owner;
        return _host.ActAsync(ImprovementsCard.FollowUpVerb, data, user);
    }

    private async Task<JsonNode> TabDeviationAsync(string token, string text)
    {
        var (status, unit) = await _host.TabAsync(HttpMethod.Get, "/api/tab/units/byggesak", token);
        Assert.Equal(HttpStatusCode.OK, status);
        return unit!["deviations"]!.AsArray().Single(d => (string?)d!["text"] == text)!;
    }

    /// <summary>Every row this tenant has in the two tables a deviation and a follow-up area live in, with its ETag.</summary>
    private async Task<string> SnapshotAsync()
    {
        var tables = _host.Bot.App.Services.GetRequiredService<LeanTeamsApp.Infrastructure.Storage.StorageTables>();
        var rows = new List<string>();
        foreach (var table in new[] { "Improvements", "Reviews" })
        {
            await foreach (var row in tables.Get(table).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {_host.TenantId}")))
            {
                rows.Add($"{table}|{row.RowKey}|{row.ETag}");
            }
        }

        return string.Join('\n', rows.Order(StringComparer.Ordinal));
    }
}
