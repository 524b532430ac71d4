using System.Net;
using System.Text.Json;
using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Features.Reviews;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeanTeamsApp.IntegrationTests;

public sealed class HostTests
{
    [Fact]
    public async Task Healthz_StorageUp_IsHealthy()
    {
        await using var app = await AppFactory.StartAsync();

        var response = await app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_StorageDown_IsUnhealthyWith503()
    {
        // A port nothing listens on: what an outage looks like from the service.
        var deadStorage = $"DefaultEndpointsProtocol=http;AccountName={Azurite.AccountName};AccountKey={Azurite.AccountKey};TableEndpoint=http://127.0.0.1:9/{Azurite.AccountName};QueueEndpoint=http://127.0.0.1:9/{Azurite.AccountName};";
        await using var app = new AppFactory(deadStorage);

        var response = await app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Startup_MissingStorageConnectionString_FailsWithTheOptionName()
    {
        await using var app = new AppFactory("");

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("ConnectionString", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_AFeatureAnotherRequiresIsLeftOut_FailsWhenTheContainerIsBuiltNamingWhatIsMissing()
    {
        var azurite = await Azurite.InstanceAsync();
        // As if AddReviews were left out of Program.cs: the digest, the report and the tab count follow-up areas there.
        await using var app = new AppFactory(azurite.ConnectionString, configureServices: s => s.RemoveAll<FollowUps>());

        var error = Assert.ThrowsAny<Exception>(() => app.Server).ToString();

        // What ValidateOnBuild says: every registration is checked as the container is built, not when first used.
        Assert.Contains("Some services are not able to be constructed", error, StringComparison.Ordinal);
        Assert.Contains($"Unable to resolve service for type '{typeof(FollowUps).FullName}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_SeedFileConfigured_ImportsTheDemoOrganisation()
    {
        var tenant = TestTenants.New();
        var seed = Path.Combine(Path.GetTempPath(), $"seed-{tenant}.yaml");
        await File.WriteAllTextAsync(seed, ImportFiles.Demo(tenant));
        try
        {
            await using var app = await AppFactory.StartAsync(new Dictionary<string, string?>
            {
                ["Organisation:SeedFile"] = seed,
                ["Organisation:SeedTenantId"] = tenant,
            });

            Assert.Equal(12, (await app.Store.ListUnitsAsync(tenant, default)).Count);
        }
        finally
        {
            File.Delete(seed);
        }
    }

    [Fact]
    public async Task Startup_DemoActivityOn_WritesRecentCheckInsThePlanAndTheActionPlanOnceEvenWhenStartedAgain()
    {
        var tenant = TestTenants.New();
        var seed = Path.Combine(Path.GetTempPath(), $"seed-{tenant}.yaml");
        await File.WriteAllTextAsync(seed, ImportFiles.Demo(tenant));
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 13, 0, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string?>
        {
            ["Organisation:SeedFile"] = seed,
            ["Organisation:SeedTenantId"] = tenant,
            ["Demo:SeedActivity"] = "true",
            ["CheckIns:SchedulerEnabled"] = "false",
            ["YearWheel:SchedulerEnabled"] = "false",
            ["Digest:SchedulerEnabled"] = "false",
            ["CalendarSync:Enabled"] = "false",
        };
        try
        {
            int CountIn(IEnumerable<LeanTeamsApp.Features.Weeks.UnitWeek> weeks) => weeks.Count(w => w.Reported);
            int first, second, planned, planRows;
            await using (var app = await AppFactory.StartAsync(settings, time: clock))
            {
                var weeks = app.Services.GetRequiredService<LeanTeamsApp.Features.Weeks.UnitWeekStore>();
                first = CountIn(await weeks.ListWeeksAsync(tenant, new(2026, 37), new(2026, 47), default));
                planned = (await app.Services.GetRequiredService<LeanTeamsApp.Features.Planning.AppointmentStore>().ListYearAsync(tenant, 2026, default)).Count;
            }

            await using (var again = await AppFactory.StartAsync(settings, time: clock))
            {
                second = CountIn(await again.Services.GetRequiredService<LeanTeamsApp.Features.Weeks.UnitWeekStore>().ListWeeksAsync(tenant, new(2026, 37), new(2026, 47), default));
                planRows = (await again.Services.GetRequiredService<LeanTeamsApp.Features.ActionPlan.ActionPlanStore>().ListAsync(tenant, default)).Count;
            }

            // Twelve units over ten weeks, less holidays, weeks before a unit's Lean start and the ones left unreported.
            Assert.InRange(first, 60, 120);
            Assert.Equal(first, second);
            Assert.True(planned > 0);
            Assert.Equal(3, planRows);
        }
        finally
        {
            File.Delete(seed);
        }
    }

    [Fact]
    public async Task ImportCommand_BadFile_ExitsOneAndPrintsEveryError()
    {
        await using var app = await AppFactory.StartAsync();
        var tenant = TestTenants.New();
        var file = Path.Combine(Path.GetTempPath(), $"bad-{tenant}.yaml");
        await File.WriteAllTextAsync(file, ImportFiles.Fixture("bad-organisation.yaml", tenant));
        using var output = new StringWriter();
        try
        {
            var exit = await ImportCommand.RunAsync(app.Services, ["import", "--tenant", tenant, file], output);

            Assert.Equal(1, exit);
            Assert.Contains($"{file}:18: leader: missing leader", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("Nothing was written: 7 error(s).", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ImportCommand_DemoFile_ExitsZero()
    {
        await using var app = await AppFactory.StartAsync();
        var tenant = TestTenants.New();
        var file = Path.Combine(Path.GetTempPath(), $"demo-{tenant}.yaml");
        await File.WriteAllTextAsync(file, ImportFiles.Demo(tenant));
        using var output = new StringWriter();
        try
        {
            var exit = await ImportCommand.RunAsync(app.Services, ["import", "--tenant", tenant, file], output);

            Assert.Equal(0, exit);
            Assert.Equal(12, (await app.Store.ListUnitsAsync(tenant, default)).Count);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class AboutPageTests
{
    [Theory]
    [InlineData("/", "LeanTeamsApp holder kontinuerlig forbedring i gang")]
    [InlineData("/privacy", "behandlingsansvarlig")]
    [InlineData("/terms", "Vilkår for bruk")]
    public async Task Get_PageTheManifestLinksTo_IsServedAsHtml(string path, string text)
    {
        await using var app = await AppFactory.StartAsync();

        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(text, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
