using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Errors;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.IntegrationTests.Improvements;

/// <summary>
/// Benefits as staged records: identified, planned, realised and reinvested, in hours and årsverk by the organisation's
/// hours per årsverk (the demo organisation sets none, so 1,695). It is Friday 20 November 2026; Byggesak meets on Thursdays.
/// </summary>
public sealed class BenefitStageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 11, 1, 0, TimeSpan.Zero);

    // A benefit row exactly as the service wrote it before benefits had stages: enums as numbers, realised only.
    private const string OldRow =
        """{"unitId":"byggesak","id":"c20261119-b0","kind":0,"stage":2,"amount":339,"measure":0,"affectsUnitIds":["barneverntjenesten"],"realisedOn":"2026-11-19","recordedBy":"Randi Lie","source":0,"improvementId":null,"correctedBy":null,"correctedAt":null}""";

    private BoardHost _host = null!;

    public async Task InitializeAsync() => _host = await BoardHost.StartAsync(Friday);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Coordinator => _host.Token("lean.koordinator@fjordvik.kommune.no", "Jonas Vik");

    [Fact]
    public async Task OldRealisedOnlyRow_ReadBackAndCounted_IsUnchanged()
    {
        var table = _host.Bot.App.Services.GetRequiredService<StorageTables>().Get("Improvements");
        await table.AddEntityAsync(new TableEntity(_host.TenantId, "ben|byggesak|c20261119-b0") { ["Data"] = OldRow, ["UnitId"] = "byggesak", ["State"] = "Realised" });

        var stored = Assert.Single(await _host.Records.ListBenefitsAsync(_host.TenantId, "byggesak", default));
        Assert.Equal(
            new Benefit("byggesak", "c20261119-b0", BenefitKind.TimeSaved, BenefitStage.Realised, 339m, BenefitMeasure.Hours, stored.AffectsUnitIds,
                new DateOnly(2026, 11, 19), "Randi Lie", RecordSource.CheckIn) { ETag = stored.ETag },
            stored);
        Assert.Equal(["barneverntjenesten"], stored.AffectsUnitIds);

        var (status, unit) = await _host.TabAsync(HttpMethod.Get, "/api/tab/units/byggesak", Coordinator);
        Assert.Equal(HttpStatusCode.OK, status);
        var shown = Assert.Single(unit!["benefits"]!.AsArray())!;
        Assert.Equal(("realised", 339m, 339m, "2026-11-19", true), ((string)shown["stage"]!, (decimal)shown["amount"]!, (decimal)shown["realised"]!, (string)shown["realisedOn"]!, (bool)shown["countable"]!));
        Assert.Null(shown["identified"]);
        Assert.Null(shown["planned"]);
        Assert.Equal(0.2m, (decimal)shown["workYears"]!["realised"]!);

        // Any change to the board counts the week again from the records: the old row counts as it always did.
        await _host.AddAsync("Noe som endrer uka");
        var digest = await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.Coordinator, "ukeoppsummering"));
        Assert.Contains("Spart tid 339 timer", digest, StringComparison.Ordinal);
    }

    private string Leader => _host.Token("leder.byggesak@fjordvik.kommune.no", "Randi Lie");

    private async Task<Benefit> BenefitAsync(string id) => (await _host.Records.GetBenefitAsync(_host.TenantId, "byggesak", id, default))!;

    private Task<(HttpStatusCode Status, string Body)> BenefitFormAsync(string improvementId, string? stage, string amount, string measure, string? plannedOn = null)
    {
        var data = new JsonObject
        {
            ["improvementId"] = improvementId,
            [$"kind-{improvementId}"] = "TimeSaved",
            [$"amount-{improvementId}"] = amount,
            [$"measure-{improvementId}"] = measure,
        };
        if (stage is not null)
        {
            data[$"stage-{improvementId}"] = stage;
        }

        if (plannedOn is not null)
        {
            data[$"plannedOn-{improvementId}"] = plannedOn;
        }

        return _host.ActAsync(ImprovementsCard.BenefitVerb, data);
    }

    private Task<(HttpStatusCode Status, JsonNode? Body)> StageAsync(string token, string id, string stage, JsonObject body, string? language = null) =>
        _host.TabAsync(HttpMethod.Put, $"/api/tab/units/byggesak/benefits/{id}/stages/{stage}", token, body, language);

    /// <summary>An estimate or a plan shows in the digest as identified or planned, never among the realised benefits.</summary>
    private static void AssertNothingRealised(string digest)
    {
        Assert.Contains("{\"title\":\"Gevinster denne uken\",\"value\":\"ingen\"}", digest, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Gevinster hittil i år\",\"value\":\"ingen\"}", digest, StringComparison.Ordinal);
    }

    private async Task<string> DigestAsync() => await _host.Bot.SayAsync(_host.Bot.Activities.PersonalMessage(_host.Bot.Coordinator, "ukeoppsummering"));

    [Fact]
    public async Task ImprovementBenefit_EstimatedPlannedRealisedInChatAndReinvestedInTheTab_IsOneRecordWithEveryStage()
    {
        var id = await _host.AddAsync("Digital byggesøknad");
        var (_, started) = await _host.ActAsync(ImprovementsCard.MoveVerb, new JsonObject { ["improvementId"] = id, ["to"] = "InProgress" });
        Assert.Contains("Hvilken gevinst venter dere av «Digital byggesøknad»?", started, StringComparison.Ordinal);

        // Half an årsverk, typed as such, is stored as hours by the organisation's 1,695 hours per årsverk.
        var (status, estimated) = await BenefitFormAsync(id, "Identified", "0.5", "WorkYears");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("registrert: identifisert (anslag)", estimated, StringComparison.Ordinal);
        var benefitId = RecordIds.BenefitOfImprovement(id);
        Assert.Equal((BenefitStage.Identified, (decimal?)847.5m, BenefitMeasure.Hours), ((await BenefitAsync(benefitId)).Stage, (await BenefitAsync(benefitId)).Identified, (await BenefitAsync(benefitId)).Measure));

        Assert.Equal(HttpStatusCode.OK, (await BenefitFormAsync(id, "Planned", "600", "Hours", "2027-03-01")).Status);
        var planned = await BenefitAsync(benefitId);
        Assert.Equal((BenefitStage.Planned, (decimal?)847.5m, (decimal?)600m, (DateOnly?)new DateOnly(2027, 3, 1)), (planned.Stage, planned.Identified, planned.Planned, planned.PlannedOn));
        AssertNothingRealised(await DigestAsync());

        await _host.MoveAsync(id, ImprovementStage.Done);
        // A card sent before benefits had stages carries no stage: it records the realised figure, as it always did.
        Assert.Contains("Gevinsten av «Digital byggesøknad» er registrert.", (await BenefitFormAsync(id, null, "500", "Hours")).Body, StringComparison.Ordinal);
        var realised = await BenefitAsync(benefitId);
        Assert.Equal((BenefitStage.Realised, 500m, (decimal?)847.5m, (decimal?)600m), (realised.Stage, realised.Amount, realised.Identified, realised.Planned));
        Assert.Equal(ImprovementStage.BenefitRealised, (await _host.ImprovementAsync("Digital byggesøknad")).Stage);
        Assert.Contains("Spart tid 500 timer", await DigestAsync(), StringComparison.Ordinal);

        var (reinvestStatus, reinvested) = await StageAsync(Leader, benefitId, "reinvested", new JsonObject { ["text"] = "Mer veiledning av søkere", ["etag"] = realised.ETag });
        Assert.Equal(HttpStatusCode.OK, reinvestStatus);
        Assert.Equal(("reinvested", "Mer veiledning av søkere", 500m), ((string)reinvested!["stage"]!, (string)reinvested["reinvested"]!, (decimal)reinvested["realised"]!));
        Assert.Equal((0.5m, 0.35m, 0.29m), ((decimal)reinvested["workYears"]!["identified"]!, (decimal)reinvested["workYears"]!["planned"]!, (decimal)reinvested["workYears"]!["realised"]!));
        Assert.Single(await _host.Records.ListBenefitsAsync(_host.TenantId, "byggesak", default));
        Assert.Contains("Spart tid 500 timer", await DigestAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImprovementBenefit_ReinvestedInChat_IsRecordedOnceRealisedScreenedAndRefusedToOthers()
    {
        var id = await _host.AddAsync("Felles postmottak");
        await _host.MoveAsync(id, ImprovementStage.InProgress);
        await _host.MoveAsync(id, ImprovementStage.Done);
        var benefitId = RecordIds.BenefitOfImprovement(id);
        JsonObject Reinvest(string text) => new() { ["improvementId"] = id, [$"reinvested-{id}"] = text };

        // Not yet realised: nothing frees capacity, so nothing is reinvested.
        var (_, early) = await _host.ActAsync(ImprovementsCard.ReinvestVerb, Reinvest("Mer veiledning"));
        Assert.Contains("Registrer først den realiserte gevinsten av «Felles postmottak»", early, StringComparison.Ordinal);
        Assert.Null(await _host.Records.GetBenefitAsync(_host.TenantId, "byggesak", benefitId, default));

        Assert.Equal(HttpStatusCode.OK, (await BenefitFormAsync(id, "Realised", "0.2", "WorkYears")).Status);
        var realised = await BenefitAsync(benefitId);
        // The improvements card lists it under the realised ones, with the form for what the capacity went to.
        var (_, card) = await _host.ActAsync(ImprovementsCard.MoveVerb, new JsonObject { ["improvementId"] = id, ["to"] = "Done" });
        Assert.Contains("\"reinvested-" + id + "\"", card, StringComparison.Ordinal);
        var verdicts = await LeanTeamsApp.IntegrationTests.Cards.OfficialRenderer.ValidateAsync(
            new Dictionary<string, string> { ["improvements-reinvest"] = JsonNode.Parse(card)!["value"]!.ToJsonString() }, LeanTeamsApp.IntegrationTests.Cards.OfficialRenderer.ArtifactsFolder);
        Assert.True(verdicts["improvements-reinvest"].IsValid, verdicts["improvements-reinvest"].ToString());

        // A national identity number in the text is refused; an outsider is refused; neither changes the record.
        var (_, screened) = await _host.ActAsync(ImprovementsCard.ReinvestVerb, Reinvest("Tid til bruker 01019012480"));
        var (_, outsider) = await _host.ActAsync(ImprovementsCard.ReinvestVerb, Reinvest("Noe annet"), _host.Bot.HelseLeader);
        Assert.Contains("Teksten ser ut til å inneholde et fødselsnummer", screened, StringComparison.Ordinal);
        Assert.Contains("Ingenting ble endret", outsider, StringComparison.Ordinal);
        Assert.Equal(realised.ETag, (await BenefitAsync(benefitId)).ETag);

        var (status, saved) = await _host.ActAsync(ImprovementsCard.ReinvestVerb, Reinvest("Mer veiledning av søkere"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Det er registrert hva gevinsten av «Felles postmottak» ble reinvestert i.", saved, StringComparison.Ordinal);
        var reinvested = await BenefitAsync(benefitId);
        Assert.Equal((BenefitStage.Reinvested, "Mer veiledning av søkere", realised.Amount, (DateOnly?)new DateOnly(2026, 11, 20)),
            (reinvested.Stage, reinvested.Reinvested, reinvested.Amount, reinvested.ReinvestedOn));
        Assert.Single(await _host.Records.ListBenefitsAsync(_host.TenantId, "byggesak", default));
    }

    [Fact]
    public async Task UnitBenefit_IdentifiedPlannedRealisedReinvestedInTheTab_ConvertsÅrsverkAndCountsOnlyTheRealisedFigure()
    {
        var (created, body) = await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/benefits", Leader,
            new JsonObject { ["title"] = "Felles postmottak", ["kind"] = "timeSaved", ["measure"] = "workYears", ["identified"] = 1 });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(("identified", 1695m, 1m, "leder.byggesak@fjordvik.kommune.no"), ((string)body!["stage"]!, (decimal)body["identified"]!, (decimal)body["workYears"]!["identified"]!, (string)body["ownerId"]!));
        Assert.Null(body["realisedOn"]);
        var id = (string)body["id"]!;

        var (plannedStatus, planned) = await StageAsync(Leader, id, "planned", new JsonObject { ["amount"] = 1000, ["date"] = "2027-01-31", ["etag"] = (string)body["etag"]! });
        Assert.Equal(HttpStatusCode.OK, plannedStatus);
        Assert.Equal(("planned", 1000m, "2027-01-31"), ((string)planned!["stage"]!, (decimal)planned["planned"]!, (string)planned["plannedOn"]!));
        AssertNothingRealised(await DigestAsync());

        var realise = new JsonObject { ["amount"] = "0.5", ["inWorkYears"] = true, ["etag"] = (string)planned["etag"]! };
        var (realisedStatus, realised) = await StageAsync(_host.Token("linn.aasen@fjordvik.kommune.no", "Linn Aasen"), id, "realised", realise);
        Assert.Equal(HttpStatusCode.OK, realisedStatus);
        Assert.Equal(("realised", 847.5m, 0.5m, "2026-11-20"), ((string)realised!["stage"]!, (decimal)realised["realised"]!, (decimal)realised["workYears"]!["realised"]!, (string)realised["realisedOn"]!));
        Assert.Contains("Spart tid 847,5 timer", await DigestAsync(), StringComparison.Ordinal);

        // The same figure again (a double submit, with the ETag read before it) changes nothing; another figure is stale.
        Assert.Equal(HttpStatusCode.OK, (await StageAsync(Leader, id, "realised", realise.DeepClone().AsObject())).Status);
        var stale = (JsonObject)realise.DeepClone();
        stale["amount"] = "0.6";
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await StageAsync(Leader, id, "realised", stale)).Status);

        var (reinvestedStatus, reinvested) = await StageAsync(Leader, id, "reinvested", new JsonObject { ["text"] = "Raskere svar til innbyggere", ["etag"] = (string)realised["etag"]! });
        Assert.Equal(HttpStatusCode.OK, reinvestedStatus);
        Assert.Equal(("reinvested", 847.5m), ((string)reinvested!["stage"]!, (decimal)reinvested["amount"]!));
        Assert.Contains("Spart tid 847,5 timer", await DigestAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TabStages_BadInput_Is400NamingTheFieldAndNothingChanges()
    {
        var (_, body) = await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/benefits", Leader,
            new JsonObject { ["title"] = "Felles postmottak", ["kind"] = "timeSaved", ["measure"] = "hours", ["identified"] = 40 });
        var (id, etag) = ((string)body!["id"]!, (string)body["etag"]!);

        var (noDate, noDateBody) = await StageAsync(Leader, id, "planned", new JsonObject { ["amount"] = 30, ["etag"] = etag });
        var (notRealised, notRealisedBody) = await StageAsync(Leader, id, "reinvested", new JsonObject { ["text"] = "Noe", ["etag"] = etag });
        var (badStage, badStageBody) = await StageAsync(Leader, id, "dreamt", new JsonObject { ["amount"] = 30, ["etag"] = etag });
        var (noTitle, noTitleBody) = await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/benefits", Leader,
            new JsonObject { ["kind"] = "timeSaved", ["measure"] = "hours", ["identified"] = 40 });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (noDate, notRealised, badStage, noTitle));
        Assert.NotNull(noDateBody!["errors"]!["date"]);
        Assert.NotNull(notRealisedBody!["errors"]!["stage"]);
        Assert.NotNull(badStageBody!["errors"]!["stage"]);
        Assert.NotNull(noTitleBody!["errors"]!["title"]);
        var stored = await BenefitAsync(id);
        Assert.Equal((BenefitStage.Identified, (decimal?)40m, (decimal?)null), (stored.Stage, stored.Identified, stored.Planned));
    }

    // The tab's language is the caller's (Accept-Language), as on every other tab endpoint.
    [Theory]
    [InlineData("nn-NO", "Teksten ser ut til å innehalde eit fødselsnummer.")]
    [InlineData("sv-SE", "Texten verkar innehålla ett norskt personnummer (fødselsnummer).")]
    public async Task TabBenefit_IdentityNumberInTheTitle_IsRefusedInTheCallersLanguageAndNothingStored(string language, string refusal)
    {
        var (status, body) = await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/benefits", Leader,
            new JsonObject { ["title"] = "Gjelder 01019012480", ["kind"] = "timeSaved", ["measure"] = "hours", ["identified"] = 40 }, language);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(refusal, (string)body!["errors"]!["title"]![0]!, StringComparison.Ordinal);
        Assert.Empty(await _host.Records.ListBenefitsAsync(_host.TenantId, "byggesak", default));
    }

    // Each field's problem is worded in the caller's language (Accept-Language), the measure too; the keys stay.
    [Theory]
    [InlineData("nb-NO", "Finner ingen slik forbedring på enhetens tavle.", "Velg en av timeSaved, ", "Velg en av hours, ", "Oppgi den ansvarlige med e-postadresse, høyst ")]
    [InlineData("nn-NO", "Finn inga slik forbetring på tavla til eininga.", "Vel ein av timeSaved, ", "Vel ein av hours, ", "Oppgi den ansvarlege med e-postadresse, høgst ")]
    [InlineData("sv-SE", "Det finns ingen sådan förbättring på enhetens tavla.", "Välj en av timeSaved, ", "Välj en av hours, ", "Ange den ansvariga med e-postadress, högst ")]
    public async Task TabBenefit_EveryFieldWrong_IsWordedInTheCallersLanguageAndNothingStored(string language, string improvement, string kind, string measure, string owner)
    {
        var (status, body) = await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/benefits", Leader,
            new JsonObject { ["improvementId"] = "finnes-ikke", ["kind"] = "dreamt", ["measure"] = "litres", ["ownerId"] = "ikke-en-adresse" }, language);
        var (noTitle, noTitleBody) = await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/benefits", Leader,
            new JsonObject { ["title"] = " ", ["kind"] = "timeSaved", ["measure"] = "workYears", ["identified"] = "1e3" }, language);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (status, noTitle));
        var errors = body!["errors"]!;
        Assert.Equal(improvement, (string?)errors["improvementId"]![0]);
        Assert.StartsWith(kind, (string)errors["kind"]![0]!, StringComparison.Ordinal);
        Assert.StartsWith(measure, (string)errors["measure"]![0]!, StringComparison.Ordinal);
        Assert.EndsWith("workYears.", (string)errors["measure"]![0]!, StringComparison.Ordinal);
        Assert.StartsWith(owner, (string)errors["ownerId"]![0]!, StringComparison.Ordinal);
        var english = FieldProblemTexts.For(Language.En);
        Assert.NotEqual(english.BenefitTitle(Benefit.MaxTitleLength), (string?)noTitleBody!["errors"]!["title"]![0]);
        Assert.Equal(FieldProblemTexts.For(Languages.FromLocale(language)).BenefitTitle(Benefit.MaxTitleLength), (string?)noTitleBody["errors"]!["title"]![0]);
        Assert.Equal(FieldProblemTexts.For(Languages.FromLocale(language)).AmountPlainNumber, (string?)noTitleBody["errors"]!["identified"]![0]);
        Assert.Empty(await _host.Records.ListBenefitsAsync(_host.TenantId, "byggesak", default));
    }

    [Theory]
    [InlineData("nb-NO", "Denne forbedringen er avvist og har ingen gevinst å registrere.")]
    [InlineData("sv-SE", "Den här förbättringen är avvisad och har ingen nytta att registrera.")]
    public async Task TabBenefit_ForARejectedImprovement_IsRefusedAndNothingStored(string language, string refusal)
    {
        var id = await _host.AddAsync("Ny mal for vedtak");
        await _host.MoveAsync(id, ImprovementStage.Rejected);

        var (status, body) = await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/benefits", Leader,
            new JsonObject { ["improvementId"] = id, ["kind"] = "timeSaved", ["measure"] = "hours", ["identified"] = 20 }, language);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(refusal, (string?)body!["errors"]!["improvementId"]![0]);
        Assert.Null(await _host.Records.GetBenefitAsync(_host.TenantId, "byggesak", RecordIds.BenefitOfImprovement(id), default));
    }

    [Theory]
    [InlineData("nb-NO", "Skriv et tall over 0 og høyst 100", "(timer), med høyst 2 desimaler.", "Oppgi datoen gevinsten er planlagt realisert innen.", "Send med etag-en fra da dette ble lest.", "Registrer det realiserte tallet først: ")]
    [InlineData("nn-NO", "Skriv eit tal over 0 og høgst 100", "(timar), med høgst 2 desimalar.", "Oppgi datoen gevinsten er planlagd realisert innan.", "Send med etag-en frå då dette vart lese.", "Registrer det realiserte talet først: ")]
    [InlineData("sv-SE", "Skriv ett tal över 0 och högst 100", "(timmar), med högst 2 decimaler.", "Ange datumet då nyttan planeras vara realiserad.", "Skicka med etaggen från när detta lästes.", "Registrera den realiserade siffran först: ")]
    public async Task TabStages_BadAmountAndDate_AreWordedInTheCallersLanguageAndNothingChanges(string language, string range, string measure, string date, string etag, string realiseFirst)
    {
        var (_, body) = await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/benefits", Leader,
            new JsonObject { ["title"] = "Felles postmottak", ["kind"] = "timeSaved", ["measure"] = "hours", ["identified"] = 40 });
        var (id, read) = ((string)body!["id"]!, (string)body["etag"]!);

        var (planned, plannedBody) = await StageAsync(Leader, id, "planned", new JsonObject { ["amount"] = 1_000_000, ["etag"] = read }, language);
        var (unread, unreadBody) = await StageAsync(Leader, id, "realised", new JsonObject { ["amount"] = 30 }, language);
        var (reinvested, reinvestedBody) = await StageAsync(Leader, id, "reinvested", new JsonObject { ["text"] = "Noe", ["etag"] = read }, language);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (planned, unread, reinvested));
        var amount = (string)plannedBody!["errors"]!["amount"]![0]!;
        Assert.StartsWith(range, amount, StringComparison.Ordinal);
        Assert.EndsWith(measure, amount, StringComparison.Ordinal);
        Assert.Equal((date, etag), ((string?)plannedBody["errors"]!["date"]![0], (string?)unreadBody!["errors"]!["etag"]![0]));
        Assert.StartsWith(realiseFirst, (string)reinvestedBody!["errors"]!["stage"]![0]!, StringComparison.Ordinal);
        var stored = await BenefitAsync(id);
        Assert.Equal((BenefitStage.Identified, (decimal?)40m, (decimal?)null, read), (stored.Stage, stored.Identified, stored.Planned, stored.ETag));
    }

    [Theory]
    [InlineData("lean.koordinator@fjordvik.kommune.no", "Jonas Vik", HttpStatusCode.Forbidden)]
    [InlineData("ingrid.solheim@fjordvik.kommune.no", "Ingrid Solheim", HttpStatusCode.Forbidden)]
    [InlineData("tol.samfunn@fjordvik.kommune.no", "Mona Strand", HttpStatusCode.Forbidden)]
    [InlineData("leder.barnevern@fjordvik.kommune.no", "Anne Dahl", HttpStatusCode.NotFound)]
    public async Task TabStages_OthersThanTheUnitsPeople_AreRefusedAndNothingChanges(string email, string name, HttpStatusCode expected)
    {
        var (_, body) = await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/benefits", Leader,
            new JsonObject { ["title"] = "Felles postmottak", ["kind"] = "timeSaved", ["measure"] = "hours", ["identified"] = 40 });
        var (id, etag) = ((string)body!["id"]!, (string)body["etag"]!);
        var token = _host.Token(email, name);

        var (created, _) = await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/benefits", token,
            new JsonObject { ["title"] = "Annet", ["kind"] = "timeSaved", ["measure"] = "hours", ["identified"] = 10 });
        var (staged, _) = await StageAsync(token, id, "realised", new JsonObject { ["amount"] = 30, ["etag"] = etag });

        Assert.Equal((expected, expected), (created, staged));
        var only = Assert.Single(await _host.Records.ListBenefitsAsync(_host.TenantId, "byggesak", default));
        Assert.Equal((BenefitStage.Identified, etag), (only.Stage, only.ETag));
    }

    [Fact]
    public async Task CheckInBenefit_AttachedToAnImprovementWhoseBenefitWasRecorded_IsCountedOnce()
    {
        var id = await _host.AddAsync("Sjekkliste for ferdigattest");
        await _host.MoveAsync(id, ImprovementStage.InProgress);
        await _host.MoveAsync(id, ImprovementStage.Done);
        Assert.Equal(HttpStatusCode.OK, (await BenefitFormAsync(id, "Realised", "10", "Hours")).Status);

        var checkIn = new JsonObject
        {
            ["meetingDate"] = "2026-11-19", ["held"] = "yes", ["attendance"] = "6", ["goal0"] = "Green", ["goal1"] = "Green",
            ["benefitKind"] = "TimeSaved", ["benefitAmount"] = "12", ["benefitMeasure"] = "Hours", ["benefitImprovement"] = id,
        };
        var (status, card) = await _host.ActAsync(CheckInCard.SubmitVerb, checkIn);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Sendt av Randi Lie", card, StringComparison.Ordinal);
        // Sent again (a double submit, or Teams retrying): still the one record.
        await _host.ActAsync(CheckInCard.SubmitVerb, checkIn);

        var benefit = Assert.Single(await _host.Records.ListBenefitsAsync(_host.TenantId, "byggesak", default));
        Assert.Equal((RecordIds.BenefitOfImprovement(id), 12m, BenefitStage.Realised, new DateOnly(2026, 11, 19)), (benefit.Id, benefit.Amount, benefit.Stage, benefit.RealisedOn));
        var digest = await DigestAsync();
        Assert.Contains("Spart tid 12 timer", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("Spart tid 22 timer", digest, StringComparison.Ordinal);
    }
}
