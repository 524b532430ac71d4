using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.IntegrationTests.Improvements;

/// <summary>
/// The unit's board in the tab, used during the board meeting: add an improvement, move it, give it an owner and a due
/// date, place it on the effort/effect (PICK) grid, each with the ETag it was read with. It is Friday 20 November 2026;
/// Byggesak's leader is Randi Lie, its Lean coordinator Linn Aasen (also a member), Ola Nordmann a member.
/// </summary>
public sealed class ImprovementBoardTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 11, 1, 0, TimeSpan.Zero);
    private const string Linn = "linn.aasen@fjordvik.kommune.no";
    private const string Ola = "ola.nordmann@fjordvik.kommune.no";

    // An improvement row exactly as the service wrote it before owners, due dates and the grid: enums as numbers.
    private const string OldRow =
        """{"unitId":"byggesak","id":"a20261001-0123456789","title":"Sjekkliste ved mottak","ownerName":"Randi Lie","stage":1,"source":1,"createdAt":"2026-10-01T08:00:00+00:00","meetingDate":null,"history":[{"to":1,"by":"Randi Lie","at":"2026-10-08T08:00:00+00:00","meetingDate":null}],"isOpen":true}""";

    private BoardHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BoardHost.StartAsync(Friday);
        var store = _host.Bot.App.Store;
        Assert.Equal(WriteOutcome.Written, (await store.SavePersonAsync(_host.TenantId, new Person(Ola, "Ola Nordmann", OrganisationRoles.None, "byggesak", null), default)).Outcome);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Leader => _host.Token("leder.byggesak@fjordvik.kommune.no", "Randi Lie");

    private string Member => _host.Token(Ola, "Ola Nordmann");

    private string Coordinator => _host.Token("lean.koordinator@fjordvik.kommune.no", "Jonas Vik");

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string token, JsonObject? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await _host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private Task<(HttpStatusCode Status, JsonNode? Body)> AddAsync(string token, JsonObject body) =>
        SendAsync(HttpMethod.Post, "/api/tab/units/byggesak/improvements", token, body);

    private async Task<Improvement> AddedAsync(string title)
    {
        var (status, body) = await AddAsync(Leader, new JsonObject { ["title"] = title });
        Assert.Equal(HttpStatusCode.Created, status);
        return (await _host.Records.GetImprovementAsync(_host.TenantId, "byggesak", (string)body!["id"]!, default))!;
    }

    private Task<Improvement?> StoredAsync(string id) => _host.Records.GetImprovementAsync(_host.TenantId, "byggesak", id, default);

    /// <summary>One of the four changes to an improvement, with the ETag as If-Match.</summary>
    private Task<(HttpStatusCode Status, JsonNode? Body)> ChangeAsync(string token, string operation, string id, string? etag)
    {
        var path = $"/api/tab/units/byggesak/improvements/{Uri.EscapeDataString(id)}";
        return operation switch
        {
            "move" => SendAsync(HttpMethod.Post, $"{path}/move", token, new JsonObject { ["to"] = "inProgress" }, etag),
            "owner" => SendAsync(HttpMethod.Put, $"{path}/owner", token, new JsonObject { ["ownerId"] = Linn }, etag),
            "due" => SendAsync(HttpMethod.Put, $"{path}/due", token, new JsonObject { ["dueDate"] = "2026-12-15" }, etag),
            _ => SendAsync(HttpMethod.Put, $"{path}/pick", token, new JsonObject { ["effort"] = "low", ["effect"] = "high" }, etag),
        };
    }

    private async Task<JsonNode> UnitImprovementAsync(string token, string id)
    {
        var (status, unit) = await SendAsync(HttpMethod.Get, "/api/tab/units/byggesak", token);
        Assert.Equal(HttpStatusCode.OK, status);
        return unit!["improvements"]!.AsArray().Single(i => (string)i!["id"]! == id)!;
    }

    [Fact]
    public async Task Add_ByAMemberWithOwnerAndDueDate_IsStoredShownWithTheOwnersNameAndCountedThisWeek()
    {
        var (status, body) = await AddAsync(Member, new JsonObject { ["title"] = "  Felles   sjekkliste ", ["ownerId"] = "Linn.Aasen@Fjordvik.Kommune.no", ["dueDate"] = "2026-12-15" });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(("Felles sjekkliste", "suggested", "Ola Nordmann", Linn, "Linn Aasen", "2026-12-15"),
            ((string)body!["title"]!, (string)body["stage"]!, (string)body["suggestedBy"]!, (string)body["ownerId"]!, (string)body["ownerName"]!, (string)body["dueDate"]!));
        Assert.Equal(["inProgress", "rejected"], body["moves"]!.AsArray().Select(m => (string)m!));
        var stored = (await StoredAsync((string)body["id"]!))!;
        Assert.Equal((Linn, (DateOnly?)new DateOnly(2026, 12, 15), (PickQuadrant?)null), (stored.OwnerId, stored.DueDate, stored.Pick));

        var shown = await UnitImprovementAsync(Leader, stored.Id);
        Assert.Equal(("Linn Aasen", false, (string)body["etag"]!), ((string)shown["ownerName"]!, (bool)shown["ownerRemoved"]!, (string)shown["etag"]!));

        // Announced: the overview, which reads the week the board changed, counts it as new this week.
        var (_, overview) = await SendAsync(HttpMethod.Get, "/api/tab/overview", Coordinator);
        Assert.Equal(1, (int)overview!["units"]!.AsArray().Single(u => (string)u!["id"]! == "byggesak")!["improvements"]!["new"]!);
    }

    [Theory]
    [InlineData("", null, null, "title")]
    [InlineData("Ringe 010190 12480 i morgen", null, null, "title")]
    [InlineData("Bra idé", "ukjent@example.com", null, "ownerId")]
    [InlineData("Bra idé", null, "2026-11-19", "dueDate")]
    [InlineData("Bra idé", null, "15.12.2026", "dueDate")]
    [InlineData("Bra idé", null, "2032-01-01", "dueDate")]
    public async Task Add_BadField_Is400NamingTheFieldAndStoresNothing(string title, string? ownerId, string? dueDate, string field)
    {
        var (status, body) = await AddAsync(Leader, new JsonObject { ["title"] = title, ["ownerId"] = ownerId, ["dueDate"] = dueDate });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]![field]);
        Assert.Empty(await _host.ImprovementsAsync());
    }

    [Fact]
    public async Task Move_AlongTheLifecycle_IsStoredWithWhoAndWhenAndCountedInProgress()
    {
        var added = await AddedAsync("Digital timebok");

        var (status, body) = await ChangeAsync(Member, "move", added.Id, added.ETag);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("inProgress", "done,rejected"), ((string)body!["stage"]!, string.Join(',', body["moves"]!.AsArray().Select(m => (string)m!))));
        var stored = (await StoredAsync(added.Id))!;
        Assert.Equal(ImprovementStage.InProgress, stored.Stage);
        Assert.Equal(new StageChange(ImprovementStage.InProgress, "Ola Nordmann", Friday), Assert.Single(stored.History));
        var (_, overview) = await SendAsync(HttpMethod.Get, "/api/tab/overview", Coordinator);
        Assert.Equal(1, (int)overview!["units"]!.AsArray().Single(u => (string)u!["id"]! == "byggesak")!["improvements"]!["inProgress"]!);
    }

    [Theory]
    [InlineData("done")]
    [InlineData("benefitRealised")]
    public async Task Move_TheLifecycleDoesNotAllow_Is409AndNothingChanges(string to)
    {
        var added = await AddedAsync("Hopper over et steg");

        var (status, body) = await SendAsync(HttpMethod.Post, $"/api/tab/units/byggesak/improvements/{added.Id}/move", Leader, new JsonObject { ["to"] = to, ["etag"] = added.ETag });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.NotNull((string?)body!["detail"]);
        // The tab words the refusal by its code (the detail is English): not "someone else changed this meanwhile".
        Assert.Equal("moveNotAllowed", (string?)body["code"]);
        Assert.Equal(added.ETag, (await StoredAsync(added.Id))!.ETag);
    }

    [Fact]
    public async Task Move_ToWhereItStandsWithAnOldETag_IsNoConflictAndWritesNothing()
    {
        var added = await AddedAsync("Dobbeltklikk");
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(Leader, "move", added.Id, added.ETag)).Status);
        var moved = (await StoredAsync(added.Id))!;

        var (status, body) = await ChangeAsync(Leader, "move", added.Id, added.ETag);

        Assert.Equal((HttpStatusCode.OK, "inProgress"), (status, (string)body!["stage"]!));
        Assert.Equal(moved.ETag, (await StoredAsync(added.Id))!.ETag);
    }

    [Fact]
    public async Task OwnerDueDateAndGrid_SetAndCleared_AreStoredEachWithItsETag()
    {
        var added = await AddedAsync("Ny rutine for befaring");

        var (owned, withOwner) = await ChangeAsync(Leader, "owner", added.Id, added.ETag);
        var (dated, withDue) = await ChangeAsync(Leader, "due", added.Id, (string)withOwner!["etag"]!);
        var (placed, onGrid) = await ChangeAsync(Leader, "pick", added.Id, (string)withDue!["etag"]!);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (owned, dated, placed));
        Assert.Equal(("Linn Aasen", "2026-12-15", "low", "high", "implement"),
            ((string)onGrid!["ownerName"]!, (string)onGrid["dueDate"]!, (string)onGrid["effort"]!, (string)onGrid["effect"]!, (string)onGrid["pick"]!));
        var stored = (await StoredAsync(added.Id))!;
        Assert.Equal((Linn, (DateOnly?)new DateOnly(2026, 12, 15), (PickLevel?)PickLevel.Low, (PickLevel?)PickLevel.High, (PickQuadrant?)PickQuadrant.Implement),
            (stored.OwnerId, stored.DueDate, stored.Effort, stored.Effect, stored.Pick));

        var path = $"/api/tab/units/byggesak/improvements/{added.Id}";
        var (_, noOwner) = await SendAsync(HttpMethod.Put, $"{path}/owner", Leader, new JsonObject { ["ownerId"] = null }, stored.ETag);
        var (_, noDue) = await SendAsync(HttpMethod.Put, $"{path}/due", Leader, new JsonObject { ["dueDate"] = "" }, (string)noOwner!["etag"]!);
        var (_, offGrid) = await SendAsync(HttpMethod.Put, $"{path}/pick", Leader, new JsonObject(), (string)noDue!["etag"]!);

        Assert.Null(offGrid!["pick"]);
        var cleared = (await StoredAsync(added.Id))!;
        Assert.Equal((null, null, null, null), (cleared.OwnerId, cleared.DueDate, cleared.Effort, cleared.Effect));
        Assert.Equal("Ny rutine for befaring", cleared.Title);
    }

    [Theory]
    [InlineData("high", "low", "kill")]
    [InlineData("high", "high", "challenge")]
    [InlineData("low", "low", "possible")]
    public async Task Grid_EachQuadrant_IsNamedByEffortAndEffect(string effort, string effect, string pick)
    {
        var added = await AddedAsync("Plassering");

        var (status, body) = await SendAsync(HttpMethod.Put, $"/api/tab/units/byggesak/improvements/{added.Id}/pick", Leader,
            new JsonObject { ["effort"] = effort, ["effect"] = effect }, added.ETag);

        Assert.Equal((HttpStatusCode.OK, pick), (status, (string)body!["pick"]!));
    }

    // The tab shows each field's problem next to it, in the caller's language (Accept-Language); the keys stay.
    [Theory]
    [InlineData("nb-NO", "Gi forbedringen en tittel på 1 til ", "Ingen i organisasjonen har denne e-postadressen.", "Skriv en dato som åååå-MM-dd fra i dag, 20")]
    [InlineData("nn-NO", "Gi forbetringa ein tittel på 1 til ", "Ingen i organisasjonen har denne e-postadressa.", "Skriv ein dato som åååå-MM-dd frå i dag, 20")]
    [InlineData("sv-SE", "Ge förbättringen en titel på 1 till ", "Ingen i organisationen har den här e-postadressen.", "Skriv ett datum som åååå-MM-dd från i dag, 20")]
    public async Task Add_EveryFieldWrong_IsWordedInTheCallersLanguageAndStoresNothing(string language, string title, string owner, string dueDate)
    {
        var (status, body) = await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/improvements", Leader,
            new JsonObject { ["title"] = " ", ["ownerId"] = "ukjent@example.com", ["dueDate"] = "2026-11-19" }, language);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(title, (string)body!["errors"]!["title"]![0]!, StringComparison.Ordinal);
        Assert.Equal(owner, (string?)body["errors"]!["ownerId"]![0]);
        Assert.StartsWith(dueDate, (string)body["errors"]!["dueDate"]![0]!, StringComparison.Ordinal);
        Assert.Empty(await _host.ImprovementsAsync());
    }

    [Theory]
    [InlineData("nb-NO", "Velg lav eller høy (", "Velg en kolonne på tavlen.", "Send med etag-en fra da dette ble lest.")]
    [InlineData("nn-NO", "Vel låg eller høg (", "Vel ei kolonne på tavla.", "Send med etag-en frå då dette vart lese.")]
    [InlineData("sv-SE", "Välj låg eller hög (", "Välj en kolumn på tavlan.", "Skicka med etaggen från när detta lästes.")]
    public async Task Change_BadPlaceOrColumnWithoutETag_IsWordedInTheCallersLanguageAndNothingChanges(string language, string level, string column, string etag)
    {
        var added = await AddedAsync("Feil felt");
        var path = $"/api/tab/units/byggesak/improvements/{added.Id}";

        var (placed, placeBody) = await _host.TabAsync(HttpMethod.Put, $"{path}/pick", Leader, new JsonObject { ["effort"] = "medium", ["effect"] = "high" }, language);
        var (moved, moveBody) = await _host.TabAsync(HttpMethod.Post, $"{path}/move", Leader, new JsonObject { ["to"] = "somewhere" }, language);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (placed, moved));
        Assert.StartsWith(level, (string)placeBody!["errors"]!["effort"]![0]!, StringComparison.Ordinal);
        Assert.Equal((column, etag, etag), ((string?)moveBody!["errors"]!["to"]![0], (string?)moveBody["errors"]!["etag"]![0], (string?)placeBody["errors"]!["etag"]![0]));
        Assert.Equal(added.ETag, (await StoredAsync(added.Id))!.ETag);
    }

    [Theory]
    [InlineData("owner", "{\"ownerId\":\"ukjent@example.com\"}", "ownerId")]
    [InlineData("due", "{\"dueDate\":\"2026-02-30\"}", "dueDate")]
    [InlineData("pick", "{\"effort\":\"low\"}", "effect")]
    [InlineData("pick", "{\"effort\":\"medium\",\"effect\":\"high\"}", "effort")]
    public async Task Change_BadField_Is400NamingTheFieldAndNothingChanges(string operation, string json, string field)
    {
        var added = await AddedAsync("Feil felt");

        var (status, body) = await SendAsync(HttpMethod.Put, $"/api/tab/units/byggesak/improvements/{added.Id}/{operation}", Leader, JsonNode.Parse(json)!.AsObject(), added.ETag);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]![field]);
        Assert.Equal(added.ETag, (await StoredAsync(added.Id))!.ETag);
    }

    [Theory]
    [InlineData("move")]
    [InlineData("owner")]
    [InlineData("due")]
    [InlineData("pick")]
    public async Task Change_WithAStaleETag_Is412AndKeepsTheOtherChange(string operation)
    {
        var added = await AddedAsync("To samtidig");
        var (first, _) = await SendAsync(HttpMethod.Put, $"/api/tab/units/byggesak/improvements/{added.Id}/due", Leader, new JsonObject { ["dueDate"] = "2027-01-04" }, added.ETag);
        Assert.Equal(HttpStatusCode.OK, first);
        var after = (await StoredAsync(added.Id))!;

        var (status, body) = await ChangeAsync(Member, operation, added.Id, added.ETag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Contains("Reload", (string)body!["detail"]!, StringComparison.Ordinal);
        var stored = (await StoredAsync(added.Id))!;
        Assert.Equal((after.ETag, ImprovementStage.Suggested, (DateOnly?)new DateOnly(2027, 1, 4), (string?)null), (stored.ETag, stored.Stage, stored.DueDate, stored.OwnerId));
    }

    [Theory]
    [InlineData("move")]
    [InlineData("owner")]
    public async Task Change_WithoutAnETag_Is400NamingEtag(string operation)
    {
        var added = await AddedAsync("Uten versjon");

        var (status, body) = await ChangeAsync(Leader, operation, added.Id, null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["etag"]);
        Assert.Equal(added.ETag, (await StoredAsync(added.Id))!.ETag);
    }

    [Theory]
    [InlineData("ingrid.solheim@fjordvik.kommune.no", "Ingrid Solheim", HttpStatusCode.Forbidden)]
    [InlineData("okonomisjef@fjordvik.kommune.no", "Tone Bakken", HttpStatusCode.Forbidden)]
    [InlineData("tol.samfunn@fjordvik.kommune.no", "Mona Strand", HttpStatusCode.Forbidden)]
    [InlineData("leder.barnevern@fjordvik.kommune.no", "Anne Dahl", HttpStatusCode.NotFound)]
    [InlineData("jon.myhre@fjordvik.kommune.no", "Jon Myhre", HttpStatusCode.NotFound)]
    [InlineData("ukjent@example.com", "Ukjent", HttpStatusCode.NotFound)]
    public async Task EveryChange_SomeoneWhoMayNotEditTheBoard_IsRefusedAndNothingChanges(string email, string name, HttpStatusCode expected)
    {
        var added = await AddedAsync("Bare enhetens folk");
        var token = _host.Token(email, name);

        var answers = new List<HttpStatusCode> { (await AddAsync(token, new JsonObject { ["title"] = "Utenfra" })).Status };
        foreach (var operation in new[] { "move", "owner", "due", "pick" })
        {
            answers.Add((await ChangeAsync(token, operation, added.Id, added.ETag)).Status);
        }

        Assert.All(answers, a => Assert.Equal(expected, a));
        var only = Assert.Single(await _host.ImprovementsAsync());
        Assert.Equal(added.ETag, only.ETag);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.False((bool)(await SendAsync(HttpMethod.Get, "/api/tab/units/byggesak", token)).Body!["canEditImprovements"]!);
        }
    }

    [Fact]
    public async Task EveryChange_TheLeanCoordinatorAndTheUnitsLeanCoordinator_AreAllowed()
    {
        foreach (var (email, name) in new[] { ("lean.koordinator@fjordvik.kommune.no", "Jonas Vik"), (Linn, "Linn Aasen") })
        {
            var token = _host.Token(email, name);
            var (created, body) = await AddAsync(token, new JsonObject { ["title"] = $"Fra {name}" });
            Assert.Equal(HttpStatusCode.Created, created);
            var etag = (string)body!["etag"]!;
            foreach (var operation in new[] { "move", "owner", "due", "pick" })
            {
                var (status, changed) = await ChangeAsync(token, operation, (string)body["id"]!, etag);
                Assert.Equal(HttpStatusCode.OK, status);
                etag = (string)changed!["etag"]!;
            }

            var (_, unit) = await SendAsync(HttpMethod.Get, "/api/tab/units/byggesak", token);
            Assert.True((bool)unit!["canEditImprovements"]!);
            Assert.Contains(unit["boardPeople"]!.AsArray(), p => (string)p!["id"]! == Ola);
        }
    }

    [Fact]
    public async Task ArchivedUnit_EveryChange_Is409AndNothingChanges()
    {
        var added = await AddedAsync("Før nedleggelsen");
        var store = _host.Bot.App.Store;
        var unit = (await store.GetUnitAsync(_host.TenantId, "byggesak", default))!;
        Assert.Equal(WriteOutcome.Written, (await store.SaveUnitAsync(_host.TenantId, unit with { Archived = true }, default)).Outcome);

        var answers = new List<HttpStatusCode> { (await AddAsync(Leader, new JsonObject { ["title"] = "Etter nedleggelsen" })).Status };
        foreach (var operation in new[] { "move", "owner", "due", "pick" })
        {
            answers.Add((await ChangeAsync(Leader, operation, added.Id, added.ETag)).Status);
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Conflict, a));
        Assert.Equal(added.ETag, Assert.Single(await _host.ImprovementsAsync()).ETag);
        Assert.False((bool)(await SendAsync(HttpMethod.Get, "/api/tab/units/byggesak", Leader)).Body!["canEditImprovements"]!);
    }

    [Fact]
    public async Task Owner_RemovedFromTheOrganisationAfterwards_ShowsByNameAsRemovedAndCanNoLongerBeNamed()
    {
        var added = await AddedAsync("Eier som slutter");
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(Leader, "owner", added.Id, added.ETag)).Status);
        var store = _host.Bot.App.Store;
        var linn = (await store.GetPersonAsync(_host.TenantId, Linn, default))!;
        Assert.Equal(WriteOutcome.Written, (await store.SavePersonAsync(_host.TenantId, linn with { Removed = true }, default)).Outcome);

        var shown = await UnitImprovementAsync(Leader, added.Id);
        Assert.Equal((Linn, "Linn Aasen", true), ((string)shown["ownerId"]!, (string)shown["ownerName"]!, (bool)shown["ownerRemoved"]!));

        var other = await AddedAsync("Ny eier");
        var (status, body) = await ChangeAsync(Leader, "owner", other.Id, other.ETag);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["ownerId"]);
        Assert.Null((await StoredAsync(other.Id))!.OwnerId);
    }

    [Fact]
    public async Task Owner_ErasedAfterwards_ShowsNoNameAndAsRemoved()
    {
        var added = await AddedAsync("Eier som slettes");
        var (_, owned) = await SendAsync(HttpMethod.Put, $"/api/tab/units/byggesak/improvements/{added.Id}/owner", Leader, new JsonObject { ["ownerId"] = Ola }, added.ETag);
        Assert.Equal("Ola Nordmann", (string)owned!["ownerName"]!);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"/api/tab/people/{Ola}/erase", Coordinator)).Status);

        var shown = await UnitImprovementAsync(Leader, added.Id);
        Assert.Null(shown["ownerName"]);
        Assert.True((bool)shown["ownerRemoved"]!);
        Assert.DoesNotContain(Ola, shown.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldRowWithoutOwnerDueDateOrPlace_ReadsBackUnchangedAndMovesKeepingItsHistory()
    {
        var table = _host.Bot.App.Services.GetRequiredService<StorageTables>().Get("Improvements");
        await table.AddEntityAsync(new TableEntity(_host.TenantId, "imp|byggesak|a20261001-0123456789") { ["Data"] = OldRow, ["UnitId"] = "byggesak", ["State"] = "InProgress" });

        var old = (await StoredAsync("a20261001-0123456789"))!;
        Assert.Equal(
            new Improvement("byggesak", "a20261001-0123456789", "Sjekkliste ved mottak", "Randi Lie", ImprovementStage.InProgress, RecordSource.Command, new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero))
            {
                History = old.History,
                ETag = old.ETag,
            },
            old);
        var shown = await UnitImprovementAsync(Leader, old.Id);
        Assert.Equal(("Sjekkliste ved mottak", "inProgress", "Randi Lie"), ((string)shown["title"]!, (string)shown["stage"]!, (string)shown["suggestedBy"]!));
        foreach (var absent in new[] { "ownerId", "ownerName", "dueDate", "effort", "effect", "pick" })
        {
            Assert.Null(shown[absent]);
        }

        Assert.False((bool)shown["ownerRemoved"]!);
        Assert.Equal(OldRow, (await table.GetEntityAsync<TableEntity>(_host.TenantId, "imp|byggesak|a20261001-0123456789")).Value.GetString("Data"));

        var (status, _) = await SendAsync(HttpMethod.Post, $"/api/tab/units/byggesak/improvements/{old.Id}/move", Leader, new JsonObject { ["to"] = "done" }, old.ETag);

        Assert.Equal(HttpStatusCode.OK, status);
        var moved = (await StoredAsync(old.Id))!;
        Assert.Equal((ImprovementStage.Done, "Randi Lie", old.CreatedAt), (moved.Stage, moved.OwnerName, moved.CreatedAt));
        Assert.Equal([ImprovementStage.InProgress, ImprovementStage.Done], moved.History.Select(h => h.To));
    }
}
