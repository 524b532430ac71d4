using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;

namespace LeanTeamsApp.IntegrationTests.Organisation;

public sealed class OrganisationImportTests : IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await AppFactory.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Import_DemoFile_StoresTheWholeOrganisation()
    {
        var tenant = TestTenants.New();

        var result = await _app.ImportDemoAsync(tenant);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var organisation = await _app.Store.GetOrganisationAsync(tenant, default);
        Assert.Equal("Fjordvik kommune", organisation?.Name);
        var areas = await _app.Store.ListServiceAreasAsync(tenant, default);
        Assert.Equal(3, areas.Count(a => a.Kind == ServiceAreaKind.ServiceArea));
        Assert.Single(areas, a => a.Kind == ServiceAreaKind.TopManagement);
        var units = await _app.Store.ListUnitsAsync(tenant, default);
        Assert.Equal(12, units.Count);
        Assert.All(units, u => Assert.Equal("Europe/Oslo", u.TimeZone));
        Assert.Equal(5, units.Select(u => u.BoardMeeting.Weekday).Distinct().Count());

        var fjordtun = await _app.Store.GetUnitAsync(tenant, "fjordtun-sykehjem", default);
        Assert.NotNull(fjordtun);
        Assert.Equal(new BoardMeeting(DayOfWeek.Tuesday, new TimeOnly(13, 30), 20), fjordtun.BoardMeeting);
        Assert.Equal(["sara.knutsen@fjordvik.kommune.no"], fjordtun.CoordinatorIds);
        Assert.Equal(new GuidancePeriod(new DateOnly(2026, 8, 17), new DateOnly(2027, 2, 26), "ingrid.solheim@fjordvik.kommune.no"), fjordtun.Guidance);

        var helse = await _app.Store.ListUnitsInServiceAreaAsync(tenant, "helse-og-omsorg", default);
        Assert.Equal(["fjordtun-sykehjem", "hjemmetjenesten-nord", "hjemmetjenesten-sor", "tildelingskontoret"], helse.Select(u => u.Id).Order());
        Assert.Contains(tenant, await _app.Store.ListTenantIdsAsync(default));
    }

    [Fact]
    public async Task Import_DemoFile_StoresTheGoalBreakdownFromTheTopToEachUnit()
    {
        var tenant = TestTenants.New();

        await _app.ImportDemoAsync(tenant);

        var areas = await _app.Store.ListServiceAreasAsync(tenant, default);
        var top = areas.Single(a => a.Kind == ServiceAreaKind.TopManagement);
        Assert.Equal(["brukeren-i-sentrum", "baerekraftig-drift", "godt-arbeidsmiljo"], top.Goals.Select(g => g.Id));
        Assert.All(top.Goals, g => Assert.Null(g.SupportsId));
        Assert.Equal(
            [new Goal("effektiv-saksbehandling", "Effektiv saksbehandling", "brukeren-i-sentrum"), new Goal("forutsigbar-drift", "Forutsigbar drift av kommunale anlegg", "baerekraftig-drift")],
            areas.Single(a => a.Id == "samfunn-og-teknikk").Goals);
        var vann = (await _app.Store.GetUnitAsync(tenant, "vann-og-avlop", default))!;
        var breakdown = new GoalBreakdown(areas);
        Assert.Equal(["Forutsigbar drift av kommunale anlegg", "Bærekraftig og effektiv drift"], breakdown.Trace(vann, "Færre akutte ledningsbrudd").Select(g => g.Title));
        Assert.Equal(["Godt arbeidsmiljø og riktig kompetanse"], breakdown.Trace(vann, "Ingen fraværsskader").Select(g => g.Title));
    }

    [Fact]
    public async Task Import_UnitsSheet_LinksGoalsWithAnArrowAndKeepsTheAreasGoals()
    {
        var tenant = TestTenants.New();
        await _app.ImportDemoAsync(tenant);
        var sheet = $"""
            tenant_id;unit_id;unit_name;service_area;leader_email;board_weekday;board_time;lean_start;goals
            {tenant};byggesak;Byggesak;samfunn-og-teknikk;leder.byggesak@fjordvik.kommune.no;torsdag;09:30;2023-04-11;"Svar innen 3 uker -> effektiv-saksbehandling; Digitale søknader"
            """;

        var result = await _app.ImportAsync(tenant, "units.csv", sheet);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var byggesak = (await _app.Store.GetUnitAsync(tenant, "byggesak", default))!;
        Assert.Equal(["Svar innen 3 uker", "Digitale søknader"], byggesak.Goals);
        Assert.Equal(new Dictionary<string, string> { ["Svar innen 3 uker"] = "effektiv-saksbehandling" }, byggesak.GoalSupports);
        var areas = await _app.Store.ListServiceAreasAsync(tenant, default);
        Assert.Equal(2, areas.Single(a => a.Id == "samfunn-og-teknikk").Goals.Count);
        Assert.Equal(["Effektiv saksbehandling", "Brukeren i sentrum"], new GoalBreakdown(areas).Trace(byggesak, "Svar innen 3 uker").Select(g => g.Title));
    }

    [Fact]
    public async Task Import_UnitsSheet_NamingTheAreaAndTheTopGroup_KeepsTheirKindsAndGoals()
    {
        var tenant = TestTenants.New();
        await _app.ImportDemoAsync(tenant);
        var sheet = $"""
            tenant_id;unit_id;unit_name;service_area;service_area_name;service_area_leader;leader_email;board_weekday;board_time;lean_start;goals
            {tenant};byggesak;Byggesak;samfunn-og-teknikk;Samfunn og teknikk;tol.samfunn@fjordvik.kommune.no;leder.byggesak@fjordvik.kommune.no;torsdag;09:30;2023-04-11;Svar innen 3 uker -> effektiv-saksbehandling
            {tenant};strategi;Strategistab;radmannens-ledergruppe;Rådmannens ledergruppe;radmann@fjordvik.kommune.no;radmann@fjordvik.kommune.no;mandag;08:00;2024-01-08;Alle ledere med lederavtale -> godt-arbeidsmiljo
            """;

        var result = await _app.ImportAsync(tenant, "units.csv", sheet);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var areas = await _app.Store.ListServiceAreasAsync(tenant, default);
        var top = areas.Single(a => a.Id == "radmannens-ledergruppe");
        Assert.Equal(ServiceAreaKind.TopManagement, top.Kind);
        Assert.Equal(3, top.Goals.Count);
        var samfunn = areas.Single(a => a.Id == "samfunn-og-teknikk");
        Assert.Equal(("Samfunn og teknikk", 2), (samfunn.Name, samfunn.Goals.Count));
        var byggesak = (await _app.Store.GetUnitAsync(tenant, "byggesak", default))!;
        Assert.Equal(["Effektiv saksbehandling", "Brukeren i sentrum"], new GoalBreakdown(areas).Trace(byggesak, "Svar innen 3 uker").Select(g => g.Title));
    }

    [Fact]
    public async Task Import_UnitsSheet_WithAnEmptyGoalsCell_ClearsTheGoals()
    {
        var tenant = TestTenants.New();
        await _app.ImportDemoAsync(tenant);
        var sheet = $"""
            tenant_id;unit_id;unit_name;service_area;leader_email;board_weekday;board_time;lean_start;goals
            {tenant};byggesak;Byggesak;samfunn-og-teknikk;leder.byggesak@fjordvik.kommune.no;torsdag;09:30;2023-04-11;
            """;

        var result = await _app.ImportAsync(tenant, "units.csv", sheet);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var byggesak = (await _app.Store.GetUnitAsync(tenant, "byggesak", default))!;
        Assert.Empty(byggesak.Goals);
        Assert.Empty(byggesak.GoalSupports);
    }

    [Fact]
    public async Task Import_UnitsSheet_GoalOfAnotherArea_IsRefusedByLine()
    {
        var tenant = TestTenants.New();
        await _app.ImportDemoAsync(tenant);
        var sheet = $"""
            tenant_id;unit_id;unit_name;service_area;leader_email;board_weekday;board_time;lean_start;goals
            {tenant};byggesak;Byggesak;samfunn-og-teknikk;leder.byggesak@fjordvik.kommune.no;torsdag;09:30;2023-04-11;Raskere svar -> tidlig-innsats
            """;

        var result = await _app.ImportAsync(tenant, "units.csv", sheet);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("units.csv", 2, "goals"), (error.File, error.Line, error.Field));
        Assert.Contains("cannot support 'tidlig-innsats' (a goal of 'oppvekst-og-kultur')", error.Reason, StringComparison.Ordinal);
        Assert.Equal(["Saksbehandlingstid under 3 uker", "Færre mangelfulle søknader"], (await _app.Store.GetUnitAsync(tenant, "byggesak", default))!.Goals);
    }

    [Fact]
    public async Task Import_SameFileTwice_RewritesNothing()
    {
        var tenant = TestTenants.New();
        await _app.ImportDemoAsync(tenant);
        var before = await _app.Store.ListUnitsAsync(tenant, default);

        var again = await _app.ImportDemoAsync(tenant);

        Assert.True(again.Succeeded);
        var after = await _app.Store.ListUnitsAsync(tenant, default);
        Assert.Equal(before.Select(u => u.ETag), after.Select(u => u.ETag));
    }

    [Fact]
    public async Task Import_HolidayPeriods_AreStoredWithTheOrganisation()
    {
        var tenant = TestTenants.New();

        await _app.ImportDemoAsync(tenant);

        var periods = (await _app.Store.GetOrganisationAsync(tenant, default))!.HolidayPeriods;
        Assert.Equal(
            [
                new LeanTeamsApp.Features.Calendar.BlackoutPeriod(new DateOnly(2026, 7, 6), new DateOnly(2026, 7, 26), "Fellesferie"),
                new LeanTeamsApp.Features.Calendar.BlackoutPeriod(new DateOnly(2026, 12, 24), new DateOnly(2027, 1, 1), "Juleuka"),
            ],
            periods);
    }

    [Fact]
    public async Task Import_HolidayPeriodEndingBeforeItStarts_IsReportedByLine()
    {
        var tenant = TestTenants.New();
        var yaml = ImportFiles.Demo(tenant).Replace("{ name: Juleuka, from: 2026-12-24, to: 2027-01-01 }", "{ name: Juleuka, from: 2026-12-24, to: 2026-12-01 }", StringComparison.Ordinal);

        var result = await _app.ImportAsync(tenant, "organisation.yaml", yaml);

        var error = Assert.Single(result.Errors);
        Assert.Equal("organisation.yaml:11: to: the holiday period ends before it starts", error.ToString());
        Assert.Null(await _app.Store.GetOrganisationAsync(tenant, default));
    }

    [Fact]
    public async Task Import_Again_KeepsTheTeamsIdentityLearnedMeanwhile()
    {
        var tenant = TestTenants.New();
        await _app.ImportDemoAsync(tenant);
        var person = await _app.Store.GetPersonAsync(tenant, "leder.byggesak@fjordvik.kommune.no", default);
        await _app.Store.SavePersonAsync(tenant, person! with { AadObjectId = "8e1f7d3a-0c2b-4a59-9e6d-1f2a3b4c5d6e" }, default);

        var again = await _app.ImportDemoAsync(tenant);

        Assert.True(again.Succeeded);
        Assert.Equal("8e1f7d3a-0c2b-4a59-9e6d-1f2a3b4c5d6e", (await _app.Store.GetPersonAsync(tenant, "leder.byggesak@fjordvik.kommune.no", default))?.AadObjectId);
    }

    [Fact]
    public async Task Import_YamlWithSixKindsOfBadRows_ReportsEachByLineAndWritesNothing()
    {
        var tenant = TestTenants.New();

        var result = await _app.ImportAsync(tenant, "bad-organisation.yaml", ImportFiles.Fixture("bad-organisation.yaml", tenant));

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "bad-organisation.yaml:18: leader: missing leader: every unit needs a unit leader (e-mail)",
                "bad-organisation.yaml:25: serviceArea: unknown service area 'oppvekst'; known: helse",
                "bad-organisation.yaml:33: timeZone: unknown time zone 'Europe/Olso' (use an IANA id such as Europe/Oslo or Europe/Stockholm)",
                "bad-organisation.yaml:40: boardMeeting.weekday: 'fredagg' is not a weekday (write e.g. monday, mandag, måndag or 1-7)",
                "bad-organisation.yaml:40: boardMeeting.time: '25:30' is not a time of day (write HH:MM, 24-hour, e.g. 08:45)",
                "bad-organisation.yaml:42: id: duplicate unit 'ok-unit' (first on line 12)",
                $"bad-organisation.yaml:49: tenantId: wrong tenant: the row is for tenant 22222222-2222-4222-8222-222222222222, but this import is for tenant {tenant}",
            ],
            result.Errors.OrderBy(e => e.Line).Select(e => e.ToString()));
        Assert.Null(await _app.Store.GetOrganisationAsync(tenant, default));
        Assert.Empty(await _app.Store.ListUnitsAsync(tenant, default));
        Assert.Empty(await _app.Store.ListPeopleAsync(tenant, default));
        Assert.DoesNotContain(tenant, await _app.Store.ListTenantIdsAsync(default));
    }

    [Fact]
    public async Task Import_CsvWithSixKindsOfBadRows_ReportsEachByLineAndWritesNothing()
    {
        var tenant = TestTenants.New();
        await _app.ImportDemoAsync(tenant);
        var before = await _app.Store.ListUnitsAsync(tenant, default);

        var result = await _app.ImportAsync(tenant, "bad-units.csv", ImportFiles.Fixture("bad-units.csv", tenant));

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "bad-units.csv:3: leader: missing leader: every unit needs a unit leader (e-mail)",
                "bad-units.csv:4: serviceArea: unknown service area 'skole'; known: helse-og-omsorg, oppvekst-og-kultur, radmannens-ledergruppe, samfunn-og-teknikk",
                "bad-units.csv:5: timeZone: unknown time zone 'Oslo' (use an IANA id such as Europe/Oslo or Europe/Stockholm)",
                "bad-units.csv:6: boardMeeting.weekday: 'someday' is not a weekday (write e.g. monday, mandag, måndag or 1-7)",
                "bad-units.csv:6: boardMeeting.time: '9' is not a time of day (write HH:MM, 24-hour, e.g. 08:45)",
                "bad-units.csv:7: id: duplicate unit 'ny-enhet' (first on line 2)",
                $"bad-units.csv:8: tenantId: wrong tenant: the row is for tenant 22222222-2222-4222-8222-222222222222, but this import is for tenant {tenant}",
            ],
            result.Errors.OrderBy(e => e.Line).Select(e => e.ToString()));
        var after = await _app.Store.ListUnitsAsync(tenant, default);
        Assert.Equal(before.Select(u => (u.Id, u.ETag)), after.Select(u => (u.Id, u.ETag)));
        Assert.Null(await _app.Store.GetPersonAsync(tenant, "ny.leder@fjordvik.kommune.no", default));
    }

    [Fact]
    public async Task Import_UnitsSheet_AddsAndUpdatesUnitsWithTheirPeopleAndArea()
    {
        var tenant = TestTenants.New();
        await _app.ImportDemoAsync(tenant);

        var result = await _app.ImportAsync(tenant, "good-units.csv", ImportFiles.Fixture("good-units.csv", tenant));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var nav = await _app.Store.GetUnitAsync(tenant, "nav-fjordvik", default);
        Assert.Equal("arbeid-og-velferd", nav?.ServiceAreaId);
        Assert.Equal("Europe/Oslo", nav?.TimeZone);
        Assert.Equal(["kaja.lind@fjordvik.kommune.no"], nav?.CoordinatorIds);
        Assert.Equal("Lind, Kaja", (await _app.Store.GetPersonAsync(tenant, "kaja.lind@fjordvik.kommune.no", default))?.Name);
        Assert.Equal("Frode Lind", (await _app.Store.GetPersonAsync(tenant, "leder.nav@fjordvik.kommune.no", default))?.Name);
        var byggesak = await _app.Store.GetUnitAsync(tenant, "byggesak", default);
        Assert.Equal("Byggesak og oppmåling", byggesak?.Name);
        Assert.Equal(20, byggesak?.BoardMeeting.Minutes);

        // The sheet has no goals column: the board's goals and their links stay.
        Assert.Equal(["Saksbehandlingstid under 3 uker", "Færre mangelfulle søknader"], byggesak?.Goals);
        Assert.Equal("effektiv-saksbehandling", byggesak?.GoalSupports["Færre mangelfulle søknader"]);
        Assert.Single(await _app.Store.ListUnitsInServiceAreaAsync(tenant, "arbeid-og-velferd", default));
        Assert.Equal(13, (await _app.Store.ListUnitsAsync(tenant, default)).Count);
    }

    [Fact]
    public async Task Import_CsvBeforeAnyOrganisation_IsRejectedWithAHint()
    {
        var tenant = TestTenants.New();

        var result = await _app.ImportAsync(tenant, "good-units.csv", ImportFiles.Fixture("good-units.csv", tenant));

        var error = Assert.Single(result.Errors, e => e.Field == "tenantId");
        Assert.Contains("import its YAML file first", error.Reason, StringComparison.Ordinal);
        Assert.Empty(await _app.Store.ListUnitsAsync(tenant, default));
    }

    [Fact]
    public async Task ImportCommand_PrintsWhatChangesBeforeItWrites()
    {
        var tenant = TestTenants.New();
        await _app.ImportDemoAsync(tenant);
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, ImportFiles.Demo(tenant).Replace("name: Byggesak\n", "name: Byggesak og oppmåling\n", StringComparison.Ordinal));
        using var output = new StringWriter();

        try
        {
            var exit = await ImportCommand.RunAsync(_app.Services, ["import", "--tenant", tenant, file], output);

            Assert.Equal(0, exit);
        }
        finally
        {
            File.Delete(file);
        }

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "~ unit byggesak: name: \"Byggesak\" -> \"Byggesak og oppmåling\"",
                $"Plan for tenant {tenant}: 0 added, 1 changed, 0 removed, 0 back, 0 not in the file and kept; 3 rows to write in 1 transactions.",
                $"Imported {file} into tenant {tenant}: 4 service areas, 26 people, 12 units written or checked.",
            ],
            lines);
        Assert.Equal("Byggesak og oppmåling", (await _app.Store.GetUnitAsync(tenant, "byggesak", default))!.Name);
    }

    [Fact]
    public async Task ImportCommand_DryRun_PrintsThePlanAndWritesNothing()
    {
        var tenant = TestTenants.New();
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, ImportFiles.Demo(tenant));
        using var output = new StringWriter();

        try
        {
            var exit = await ImportCommand.RunAsync(_app.Services, ["import", "--tenant", tenant, "--dry-run", file], output);

            Assert.Equal(0, exit);
        }
        finally
        {
            File.Delete(file);
        }

        Assert.Contains("+ unit byggesak: added (\"Byggesak\" in samfunn-og-teknikk, leader leder.byggesak@fjordvik.kommune.no, Thursday 09:30 (15 min))", output.ToString(), StringComparison.Ordinal);
        Assert.EndsWith($"Dry run: nothing was written.{Environment.NewLine}", output.ToString(), StringComparison.Ordinal);
        Assert.Null(await _app.Store.GetOrganisationAsync(tenant, default));
    }

    [Theory]
    [InlineData("org.json", "unsupported file type")]
    [InlineData("org.yaml", "not valid YAML")]
    public async Task Import_UnreadableFile_IsRejected(string fileName, string reason)
    {
        var result = await _app.ImportAsync(TestTenants.New(), fileName, "tenantId: [unclosed");

        Assert.Contains(result.Errors, e => e.Reason.Contains(reason, StringComparison.Ordinal));
    }
}
