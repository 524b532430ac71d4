using System.Net;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Features.Reviews;
using static LeanTeamsApp.IntegrationTests.Reviews.ReviewHost;

namespace LeanTeamsApp.IntegrationTests.Reviews;

public sealed class ReviewRecordTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 3, 12);

    private ReviewHost _host = null!;

    public async Task InitializeAsync() => _host = await ReviewHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private BotHost Bot => _host.Bot;

    [Theory]
    [InlineData("nb-NO", "revisjon ferdig Hjemmetjenesten nord", "Gemba-besøk – Hjemmetjenesten nord, 12.03.2026", "Observasjoner")]
    [InlineData("sv-SE", "uppföljning klar hjemmetjenesten-nord", "Gemba-besök – Hjemmetjenesten nord, 2026-03-12", "Observationer")]
    [InlineData("sv-SE", "revision klar hjemmetjenesten-nord", "Gemba-besök – Hjemmetjenesten nord, 2026-03-12", "Observationer")]
    [InlineData("nn-NO", "revisjon ferdig Hjemmetjenesten nord", "Gemba-besøk – Hjemmetjenesten nord, 12.03.2026", "Observasjonar")]
    [InlineData("en-GB", "review done hjemmetjenesten nord", "Gemba walk – Hjemmetjenesten nord, 12/03/2026", "Observations")]
    public async Task ReviewDone_ServiceAreaLeaderAfterTheWalk_RepliesWithTheRecordCardInTheirLanguage(string locale, string text, string title, string observations)
    {
        var walk = await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, Today);

        var card = await _host.CardForAsync(Bot.HelseLeader, text, locale);

        Assert.Equal(title, Texts(card)[0]);
        Assert.Equal((observations, true), ((string)Input(card, "observations")["label"]!, (bool)Input(card, "observations")["isRequired"]!));
        var owner = Input(card, "followUp0Owner");
        Assert.Equal("filtered", (string?)owner["style"]);
        Assert.Equal(
            ["Berit Moen:leder.hjemmenord@fjordvik.kommune.no", "Marte Lien:marte.lien@fjordvik.kommune.no", "Emil Strøm:emil.strom@fjordvik.kommune.no", "Kari Nordby:tol.helse@fjordvik.kommune.no"],
            owner["choices"]!.AsArray().Select(c => $"{(string)c!["title"]!}:{(string)c["value"]!}"));
        Assert.Equal("2026-03-12", (string?)Input(card, "followUp4Deadline")["min"]);
        var action = card["actions"]![0]!;
        Assert.Equal((AppointmentRecordCard.RecordVerb, walk.Id), ((string)action["verb"]!, (string)action["data"]!["appointmentId"]!));
    }

    [Fact]
    public async Task RecordCard_FullSubmit_StoresRecordAndFollowUpsMarksDoneAndShowsTheSummary()
    {
        var walk = await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, Today);
        var card = await _host.CardForAsync(Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nord");

        var answer = await _host.SubmitAsync(Bot.HelseLeader, card, new JsonObject
        {
            ["observations"] = "Tavla er oppdatert.\nTavlemøtet holdt tiden.",
            ["agreedActions"] = "Ny tavle på natt.",
            ["followUp0Text"] = "Avvik i legemiddelhåndtering følges ikke opp",
            ["followUp0Owner"] = "leder.hjemmenord@fjordvik.kommune.no",
            ["followUp0Deadline"] = "2026-04-15",
            ["followUp2Text"] = "Gevinster telles ikke",
            ["followUp2Owner"] = "marte.lien@fjordvik.kommune.no",
            ["followUp2Deadline"] = "2026-03-12",
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var summary = Assert.IsType<JsonObject>(answer.Card);
        var texts = Texts(summary);
        Assert.Equal("Gemba-besøk – Hjemmetjenesten nord, 12.03.2026", texts[0]);
        Assert.Equal("Registrert av Kari Nordby 12.03.2026 15:00", texts[1]);
        Assert.Contains("Avvik i legemiddelhåndtering følges ikke opp", texts);
        Assert.Contains("Berit Moen · frist 15.04.2026", texts);
        Assert.Contains("Marte Lien · frist 12.03.2026", texts);
        Assert.Null(summary["actions"]);
        Assert.DoesNotContain(Elements(summary), e => ((string?)e["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

        var record = Assert.IsType<AppointmentRecord>(await _host.Store.GetRecordAsync(_host.TenantId, 2026, walk.Id, default));
        Assert.Equal(("Tavla er oppdatert.\nTavlemøtet holdt tiden.", "Ny tavle på natt.", "Kari Nordby", SalHelse, Start), (record.Observations, record.AgreedActions, record.RecordedBy, record.RecordedById, record.RecordedAt));
        var areas = await _host.Store.ListFollowUpsAsync(_host.TenantId, "hjemmetjenesten-nord", default);
        Assert.Equal(
            ["Avvik i legemiddelhåndtering følges ikke opp|leder.hjemmenord@fjordvik.kommune.no|2026-04-15|Open", "Gevinster telles ikke|marte.lien@fjordvik.kommune.no|2026-03-12|Open"],
            areas.Select(a => $"{a.Text}|{a.OwnerId}|{a.Deadline:yyyy-MM-dd}|{a.Status}").Order(StringComparer.Ordinal));
        Assert.All(areas, a => Assert.Equal((walk.Id, AppointmentKind.GembaWalk), (a.SourceAppointmentId, a.SourceKind)));
        Assert.Equal(areas.Select(a => a.Id).Order(StringComparer.Ordinal), record.FollowUpAreaIds.Order(StringComparer.Ordinal));
        Assert.Equal(AppointmentStatus.Done, (await _host.Appointments.GetAsync(_host.TenantId, 2026, walk.Id, default))!.Status);
    }

    [Fact]
    public async Task RecordCard_BeforeThePlannedStartWithoutTheDayItWasHeld_IsRefusedAndStoresNothing()
    {
        var walk = await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, Today.AddDays(3));
        var card = await _host.CardForAsync(Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nord");

        var answer = await _host.SubmitAsync(Bot.HelseLeader, card, new JsonObject { ["observations"] = "Tavla er oppdatert." });

        var form = Assert.IsType<JsonObject>(answer.Card);
        Assert.Equal("Den er planlagt 15.03.2026 og kan registreres fra da. Ble den gjennomført tidligere, skriv datoen den ble gjennomført.", ErrorUnder(form, "heldOn"));
        Assert.Null(await _host.Store.GetRecordAsync(_host.TenantId, 2026, walk.Id, default));
        Assert.Equal(AppointmentStatus.Planned, (await _host.Appointments.GetAsync(_host.TenantId, 2026, walk.Id, default))!.Status);
    }

    [Fact]
    public async Task RecordCard_HeldEarlierThanPlannedWithThatDay_IsStoredWithTheDayItWasHeld()
    {
        var walk = await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, Today.AddDays(3));
        var card = await _host.CardForAsync(Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nord");
        Assert.Equal("2026-03-12", (string?)Input(card, "heldOn")["max"]);

        var answer = await _host.SubmitAsync(Bot.HelseLeader, card, new JsonObject { ["observations"] = "Tavla er oppdatert.", ["heldOn"] = "2026-03-10" });

        Assert.Contains("Gjennomført 10.03.2026", Texts(Assert.IsType<JsonObject>(answer.Card)));
        var record = Assert.IsType<AppointmentRecord>(await _host.Store.GetRecordAsync(_host.TenantId, 2026, walk.Id, default));
        Assert.Equal(new DateOnly(2026, 3, 10), record.HeldOn);
        Assert.Equal(AppointmentStatus.Done, (await _host.Appointments.GetAsync(_host.TenantId, 2026, walk.Id, default))!.Status);
    }

    [Fact]
    public async Task RecordCard_DayItWasHeldInTheFuture_IsRefusedAndStoresNothing()
    {
        var walk = await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, Today.AddDays(3));
        var card = await _host.CardForAsync(Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nord");

        var answer = await _host.SubmitAsync(Bot.HelseLeader, card, new JsonObject { ["observations"] = "Tavla er oppdatert.", ["heldOn"] = "2026-03-13" });

        Assert.Equal("Datoen kan ikke være etter i dag (12.03.2026).", ErrorUnder(Assert.IsType<JsonObject>(answer.Card), "heldOn"));
        Assert.Null(await _host.Store.GetRecordAsync(_host.TenantId, 2026, walk.Id, default));
    }

    [Fact]
    public async Task RecordCard_AtThePlannedStart_IsStoredAsHeldThatDay()
    {
        var walk = await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, Today.AddDays(1));
        var card = await _host.CardForAsync(Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nord");
        _host.Clock.SetUtcNow(walk.Plan.Start);

        await _host.SubmitAsync(Bot.HelseLeader, card, new JsonObject { ["observations"] = "Tavla er oppdatert." });

        var record = Assert.IsType<AppointmentRecord>(await _host.Store.GetRecordAsync(_host.TenantId, 2026, walk.Id, default));
        Assert.Equal(Today.AddDays(1), record.HeldOn);
    }

    [Fact]
    public async Task RecordCard_AMinuteBeforeThePlannedStart_IsRefused()
    {
        var walk = await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, Today.AddDays(1));
        var card = await _host.CardForAsync(Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nord");
        _host.Clock.SetUtcNow(walk.Plan.Start.AddMinutes(-1));

        var answer = await _host.SubmitAsync(Bot.HelseLeader, card, new JsonObject { ["observations"] = "Tavla er oppdatert." });

        Assert.NotNull(ErrorUnder(Assert.IsType<JsonObject>(answer.Card), "heldOn"));
        Assert.Null(await _host.Store.GetRecordAsync(_host.TenantId, 2026, walk.Id, default));
    }

    [Theory]
    [InlineData("", "2026-04-01", "followUp0Owner", "Velg ansvarlig.")]
    [InlineData("leder.hjemmenord@fjordvik.kommune.no", "", "followUp0Deadline", "Velg frist.")]
    [InlineData("leder.hjemmenord@fjordvik.kommune.no", "2026-03-11", "followUp0Deadline", "Fristen kan ikke være før i dag (12.03.2026).")]
    [InlineData("leder.byggesak@fjordvik.kommune.no", "2026-04-01", "followUp0Owner", "Velg en ansvarlig fra listen.")]
    public async Task RecordCard_FollowUpWithoutValidOwnerOrDeadline_ShowsTheErrorUnderTheFieldAndStoresNothing(string owner, string deadline, string field, string error)
    {
        var walk = await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, Today);
        var card = await _host.CardForAsync(Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nord");

        var answer = await _host.SubmitAsync(Bot.HelseLeader, card, new JsonObject
        {
            ["observations"] = "Tavla er oppdatert.",
            ["followUp0Text"] = "Gevinster telles ikke",
            ["followUp0Owner"] = owner,
            ["followUp0Deadline"] = deadline,
        });

        var form = Assert.IsType<JsonObject>(answer.Card);
        Assert.Equal(error, ErrorUnder(form, field));
        Assert.Contains("Noe mangler eller er feil – se under. Ingenting er lagret.", Texts(form));
        Assert.Equal("Tavla er oppdatert.", (string?)Input(form, "observations")["value"]);
        Assert.Equal("Gevinster telles ikke", (string?)Input(form, "followUp0Text")["value"]);
        Assert.Null(await _host.Store.GetRecordAsync(_host.TenantId, 2026, walk.Id, default));
        Assert.Empty(await _host.Store.ListFollowUpsAsync(_host.TenantId, "hjemmetjenesten-nord", default));
        Assert.Equal(AppointmentStatus.Planned, (await _host.Appointments.GetAsync(_host.TenantId, 2026, walk.Id, default))!.Status);
    }

    [Fact]
    public async Task RecordCard_OwnerAndDeadlineWithoutTextAndNoObservations_AsksForBoth()
    {
        await _host.SeedAsync(AppointmentKind.SemiAnnualReview, "hjemmetjenesten-nord", SalHelse, Today);
        var card = await _host.CardForAsync(Bot.HelseLeader, "review done Hjemmetjenesten nord", "en-GB");

        var answer = await _host.SubmitAsync(Bot.HelseLeader, card, new JsonObject
        {
            ["observations"] = "  ",
            ["followUp1Owner"] = "leder.hjemmenord@fjordvik.kommune.no",
            ["followUp1Deadline"] = "2026-04-01",
        }, "en-GB");

        var form = Assert.IsType<JsonObject>(answer.Card);
        Assert.Equal("Required.", ErrorUnder(form, "observations"));
        Assert.Equal("Say what is to be followed up, or clear the owner and deadline.", ErrorUnder(form, "followUp1Text"));
        Assert.Null(ErrorUnder(form, "followUp1Owner"));
        Assert.Empty(await _host.Store.ListFollowUpsAsync(_host.TenantId, "hjemmetjenesten-nord", default));
    }

    [Fact]
    public async Task RecordCard_SubmittedTwiceAtOnce_StoresOnceAndSaysItWasRecorded()
    {
        var walk = await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, Today);
        var card = await _host.CardForAsync(Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nord");
        var inputs = new JsonObject
        {
            ["observations"] = "Tavla er oppdatert.",
            ["followUp0Text"] = "Gevinster telles ikke",
            ["followUp0Owner"] = "marte.lien@fjordvik.kommune.no",
            ["followUp0Deadline"] = "2026-04-01",
        };

        var both = await Task.WhenAll(_host.SubmitAsync(Bot.HelseLeader, card, inputs), _host.SubmitAsync(Bot.HelseLeader, card, inputs));
        var third = await _host.SubmitAsync(Bot.HelseLeader, card, inputs);

        Assert.All(both.Append(third), a => Assert.Contains("Gevinster telles ikke", a.Body, StringComparison.Ordinal));
        Assert.Single(both, a => a.Body.Contains("Dette var allerede registrert.", StringComparison.Ordinal));
        Assert.Contains("Dette var allerede registrert.", third.Body, StringComparison.Ordinal);
        Assert.Single(await _host.Store.ListFollowUpsAsync(_host.TenantId, "hjemmetjenesten-nord", default));
        Assert.Single(await _host.Store.ListOpenFollowUpsAsync(_host.TenantId, default));
        Assert.NotNull(await _host.Store.GetRecordAsync(_host.TenantId, 2026, walk.Id, default));
    }

    [Fact]
    public async Task Fishbone_FullSubmit_StoresCausesMeasuresAndDecision()
    {
        var analysis = await _host.SeedAsync(AppointmentKind.FishboneAnalysis, "fjordtun-sykehjem", SalHelse, Today);
        var card = await _host.CardForAsync(Bot.HelseLeader, "review done Fjordtun", "en-GB");
        Assert.Equal("Fishbone analysis – Fjordtun sykehjem, 12/03/2026", Texts(card)[0]);
        Assert.Equal(6, Enum.GetValues<FishboneCategory>().Count(c => (bool?)Input(card, $"cause{c}")["isMultiline"] == true));
        var decision = Input(card, "decision");
        Assert.Equal(("expanded", true), ((string)decision["style"]!, (bool)decision["isRequired"]!));
        Assert.DoesNotContain(Elements(card), e => (string?)e["id"] == "observations");

        var answer = await _host.SubmitAsync(Bot.HelseLeader, card, new JsonObject
        {
            ["causePeople"] = "Få kjenner metoden\n\nTurnover i helgene ",
            ["causeManagement"] = "Leder er sjelden på tavlemøtet",
            ["measure0Text"] = "Opplæring av helgeansatte",
            ["measure0Owner"] = "sara.knutsen@fjordvik.kommune.no",
            ["measure0Deadline"] = "2026-05-01",
            ["decision"] = "Withdraw",
        }, "en-GB");

        var summary = Assert.IsType<JsonObject>(answer.Card);
        Assert.Contains("The development unit withdraws, and the service-area leader takes over", Texts(summary));
        Assert.Contains("Sara Knutsen · deadline 01/05/2026", Texts(summary));
        var record = Assert.IsType<FishboneRecord>(await _host.Store.GetRecordAsync(_host.TenantId, 2026, analysis.Id, default));
        Assert.Equal(DevelopmentUnitDecision.Withdraw, record.Decision);
        Assert.Equal([FishboneCategory.People, FishboneCategory.Management], record.Causes.Keys.Order());
        Assert.Equal(["Få kjenner metoden", "Turnover i helgene"], record.Causes[FishboneCategory.People]);
        var measure = Assert.Single(record.Measures);
        Assert.Equal(("Opplæring av helgeansatte", "sara.knutsen@fjordvik.kommune.no", new DateOnly(2026, 5, 1)), (measure.Text, measure.OwnerId, measure.Deadline));
        var area = Assert.Single(await _host.Store.ListFollowUpsAsync(_host.TenantId, "fjordtun-sykehjem", default));
        Assert.Equal(("Opplæring av helgeansatte", AppointmentKind.FishboneAnalysis, FollowUpStatus.Open), (area.Text, area.SourceKind, area.Status));
        Assert.Equal(AppointmentStatus.Done, (await _host.Appointments.GetAsync(_host.TenantId, 2026, analysis.Id, default))!.Status);
    }

    [Fact]
    public async Task Fishbone_NoCauseNoDecisionAndMeasureWithoutOwner_ShowsEachErrorAndStoresNothing()
    {
        var analysis = await _host.SeedAsync(AppointmentKind.FishboneAnalysis, "fjordtun-sykehjem", SalHelse, Today);
        var card = await _host.CardForAsync(Bot.HelseLeader, "revisjon ferdig Fjordtun sykehjem");

        var answer = await _host.SubmitAsync(Bot.HelseLeader, card, new JsonObject
        {
            ["measure0Text"] = "Opplæring av helgeansatte",
            ["measure0Deadline"] = "2026-05-01",
        });

        var form = Assert.IsType<JsonObject>(answer.Card);
        Assert.Contains("Legg til minst én årsak.", Texts(form));
        Assert.Equal("Må fylles ut.", ErrorUnder(form, "decision"));
        Assert.Equal("Velg ansvarlig.", ErrorUnder(form, "measure0Owner"));
        Assert.Equal("2026-05-01", (string?)Input(form, "measure0Deadline")["value"]);
        Assert.Null(await _host.Store.GetRecordAsync(_host.TenantId, 2026, analysis.Id, default));
        Assert.Empty(await _host.Store.ListFollowUpsAsync(_host.TenantId, "fjordtun-sykehjem", default));
    }

    [Fact]
    public async Task ReviewDone_Coordinator_MayRecordAnyUnit()
    {
        await _host.SeedAsync(AppointmentKind.SemiAnnualReview, "byggesak", SalSamfunn, Today);

        var card = await _host.CardForAsync(Bot.Coordinator, "revisjon ferdig byggesak");

        Assert.Equal("Halvårlig revisjon – Byggesak, 12.03.2026", Texts(card)[0]);
    }

    [Theory]
    [InlineData("byggesak")]
    [InlineData("hjemmetjenesten-nord")]
    public async Task ReviewDone_UnitLeader_IsToldWhoMayRecord(string unit)
    {
        await _host.SeedAsync(AppointmentKind.GembaWalk, unit, unit == "byggesak" ? SalSamfunn : SalHelse, Today);

        var said = await _host.SayAsync(Bot.ByggesakLeader, "review done " + unit, "en-GB");

        Assert.Contains("You are not allowed to record reviews and Gemba walks of", said, StringComparison.Ordinal);
        Assert.Contains("This is for the Lean coordinator, improvement consultant, service-area leader or the appointment's owner.", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewDone_Stranger_IsRefused()
    {
        await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, Today);

        var said = await _host.SayAsync(Bot.Stranger, "revisjon ferdig Hjemmetjenesten nord");

        Assert.Contains("Du har ikke tilgang til å registrere revisjoner og Gemba-besøk for Hjemmetjenesten nord.", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordCard_SubmittedByAUnitLeaderOfAnotherUnit_IsRefusedAndStoresNothing()
    {
        var walk = await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, Today);
        var card = await _host.CardForAsync(Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nord");

        var answer = await _host.SubmitAsync(Bot.ByggesakLeader, card, new JsonObject { ["observations"] = "Alt vel." });

        Assert.Contains("Du har ikke tilgang til å registrere revisjoner og Gemba-besøk for Hjemmetjenesten nord.", answer.Message, StringComparison.Ordinal);
        Assert.Null(await _host.Store.GetRecordAsync(_host.TenantId, 2026, walk.Id, default));
        Assert.Equal(AppointmentStatus.Planned, (await _host.Appointments.GetAsync(_host.TenantId, 2026, walk.Id, default))!.Status);
    }

    [Fact]
    public async Task ReviewDone_UnknownUnit_SuggestsTheClosestName()
    {
        var said = await _host.SayAsync(Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nrd");

        Assert.Contains("Jeg finner ingen enhet som heter «Hjemmetjenesten nrd». Mente du «Hjemmetjenesten nord»", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewDone_NoUnitNamed_ExplainsHow()
    {
        var said = await _host.SayAsync(Bot.HelseLeader, "revisjon ferdig");

        Assert.Contains("Skriv hvilken enhet, for eksempel «revisjon ferdig Byggesak».", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewDone_OnlyFutureCancelledOrOtherUnitsAppointments_SaysThereIsNone()
    {
        await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, Today.AddDays(45));
        await _host.SeedAsync(AppointmentKind.SemiAnnualReview, "hjemmetjenesten-nord", SalHelse, Today.AddDays(-3), status: AppointmentStatus.Cancelled);
        await _host.SeedAsync(AppointmentKind.SemiAnnualReview, "hjemmetjenesten-sor", SalHelse, Today.AddDays(-3));

        var said = await _host.SayAsync(Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nord");

        Assert.Contains("Hjemmetjenesten nord har ingen revisjon, Gemba-besøk eller fiskebeinsanalyse i år som er gjennomført og ikke registrert.", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewDone_SeveralHeld_OffersTheMostRecentNotYetRecorded()
    {
        await _host.SeedAsync(AppointmentKind.SemiAnnualReview, "hjemmetjenesten-nord", SalHelse, new DateOnly(2026, 2, 10));
        await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, new DateOnly(2026, 3, 2));
        await _host.SeedAsync(AppointmentKind.FishboneAnalysis, "hjemmetjenesten-nord", SalHelse, new DateOnly(2026, 3, 9), status: AppointmentStatus.Done);

        var card = await _host.CardForAsync(Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nord");

        Assert.Equal("Gemba-besøk – Hjemmetjenesten nord, 02.03.2026", Texts(card)[0]);
    }

    [Fact]
    public async Task ReviewDone_AfterItWasRecorded_ShowsTheSummaryInsteadOfAForm()
    {
        await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, Today);
        var form = await _host.CardForAsync(Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nord");
        await _host.SubmitAsync(Bot.HelseLeader, form, new JsonObject { ["observations"] = "Tavla er oppdatert." });

        var card = await _host.CardForAsync(Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nord");

        Assert.Contains("Dette var allerede registrert. Her er det som ble lagret.", Texts(card));
        Assert.Contains("Tavla er oppdatert.", Texts(card));
        Assert.Contains("Ingen oppfølgingsområder.", Texts(card));
        Assert.Null(card["actions"]);
    }

    [Fact]
    public async Task ReviewDone_RecordStoredButAppointmentNotMarkedDone_ShowsTheSummaryAndMarksItDone()
    {
        var walk = await _host.SeedAsync(AppointmentKind.GembaWalk, "hjemmetjenesten-nord", SalHelse, Today);
        await _host.Store.RecordAsync(_host.TenantId, new AppointmentRecord(walk.Id, 2026, "hjemmetjenesten-nord", "Tavla er oppdatert.", null, "Kari Nordby", Start, []), [], default);

        var card = await _host.CardForAsync(Bot.HelseLeader, "revisjon ferdig Hjemmetjenesten nord");

        Assert.Contains("Dette var allerede registrert. Her er det som ble lagret.", Texts(card));
        Assert.Equal(AppointmentStatus.Done, (await _host.Appointments.GetAsync(_host.TenantId, 2026, walk.Id, default))!.Status);
    }
}
