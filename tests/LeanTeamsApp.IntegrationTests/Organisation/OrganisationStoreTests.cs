using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.IntegrationTests.Organisation;

public sealed class OrganisationStoreTests : IAsyncLifetime
{
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await AppFactory.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private OrganisationStore Store => _app.Store;

    [Fact]
    public async Task SaveUnit_TwoWritersFromTheSameRead_SecondGetsConflictNotSilentOverwrite()
    {
        var tenant = TestTenants.New();
        await _app.ImportDemoAsync(tenant);
        var first = await Store.GetUnitAsync(tenant, "byggesak", default);
        var second = await Store.GetUnitAsync(tenant, "byggesak", default);

        var results = await Task.WhenAll(
            Store.SaveUnitAsync(tenant, first! with { Name = "Byggesak (A)" }, default),
            Store.SaveUnitAsync(tenant, second! with { BoardMeeting = new BoardMeeting(DayOfWeek.Friday, new TimeOnly(11, 0), 15) }, default));

        Assert.Single(results, r => r.Outcome == WriteOutcome.Written);
        Assert.Single(results, r => r.Outcome == WriteOutcome.Conflict);
        var stored = await Store.GetUnitAsync(tenant, "byggesak", default);
        var winnerWasA = results[0].Outcome == WriteOutcome.Written;
        Assert.Equal(winnerWasA ? "Byggesak (A)" : "Byggesak", stored!.Name);
        Assert.Equal(winnerWasA ? DayOfWeek.Thursday : DayOfWeek.Friday, stored.BoardMeeting.Weekday);
    }

    [Fact]
    public async Task SaveUnit_ManyConcurrentWritersThatRetryOnConflict_LoseNoWrite()
    {
        var tenant = TestTenants.New();
        await _app.ImportDemoAsync(tenant);
        const int writers = 8;

        var conflicts = await Task.WhenAll(Enumerable.Range(0, writers).Select(async i =>
        {
            var seen = 0;
            while (true)
            {
                var unit = await Store.GetUnitAsync(tenant, "kulturskolen", default);
                var result = await Store.SaveUnitAsync(tenant, unit! with { Name = $"{unit.Name} w{i}" }, default);
                if (result.Outcome == WriteOutcome.Written)
                {
                    return seen;
                }

                Assert.Equal(WriteOutcome.Conflict, result.Outcome);
                seen++;
            }
        }));

        var final = await Store.GetUnitAsync(tenant, "kulturskolen", default);
        Assert.All(Enumerable.Range(0, writers), i => Assert.Contains($" w{i}", final!.Name, StringComparison.Ordinal));
        Assert.True(conflicts.Sum() > 0, "eight simultaneous writers must have collided at least once");
    }

    [Fact]
    public async Task SaveUnit_StaleETag_IsConflictAndIndexesStayPut()
    {
        var tenant = TestTenants.New();
        await _app.ImportDemoAsync(tenant);
        var stale = await Store.GetUnitAsync(tenant, "byggesak", default);
        var moved = await Store.SaveUnitAsync(tenant, stale! with { ServiceAreaId = "oppvekst-og-kultur" }, default);

        var late = await Store.SaveUnitAsync(tenant, stale with { ServiceAreaId = "helse-og-omsorg" }, default);

        Assert.Equal(WriteOutcome.Written, moved.Outcome);
        Assert.Equal(WriteOutcome.Conflict, late.Outcome);
        Assert.DoesNotContain(await Store.ListUnitsInServiceAreaAsync(tenant, "samfunn-og-teknikk", default), u => u.Id == "byggesak");
        Assert.DoesNotContain(await Store.ListUnitsInServiceAreaAsync(tenant, "helse-og-omsorg", default), u => u.Id == "byggesak");
        Assert.Contains(await Store.ListUnitsInServiceAreaAsync(tenant, "oppvekst-og-kultur", default), u => u.Id == "byggesak");
    }

    [Fact]
    public async Task SaveUnit_NewUnitWhoseIdExists_IsConflict()
    {
        var tenant = TestTenants.New();
        await _app.ImportDemoAsync(tenant);
        var existing = await Store.GetUnitAsync(tenant, "byggesak", default);

        var result = await Store.SaveUnitAsync(tenant, existing! with { ETag = null, Name = "Imposter" }, default);

        Assert.Equal(WriteOutcome.Conflict, result.Outcome);
        Assert.Equal("Byggesak", (await Store.GetUnitAsync(tenant, "byggesak", default))!.Name);
    }

    [Fact]
    public async Task Reads_OtherTenantsPartition_SeeNothingOfIt()
    {
        var tenantA = TestTenants.New();
        var tenantB = TestTenants.New();
        await _app.ImportDemoAsync(tenantA);

        Assert.Empty(await Store.ListUnitsAsync(tenantB, default));
        Assert.Null(await Store.GetUnitAsync(tenantB, "byggesak", default));
        Assert.Null(await Store.GetOrganisationAsync(tenantB, default));
        Assert.Empty(await Store.ListUnitsInServiceAreaAsync(tenantB, "helse-og-omsorg", default));
        Assert.Empty(await Store.GetRolesAsync(tenantB, "lean.koordinator@fjordvik.kommune.no", default));
        Assert.Empty(await Store.ListUnitsWithMeetingEndingAsync(tenantB, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(8), default));
        Assert.Equal(12, (await Store.ListUnitsAsync(tenantA, default)).Count);
    }

    [Fact]
    public async Task Import_TenantAFileIntoTenantB_IsRejectedAsWrongTenant()
    {
        var tenantA = TestTenants.New();
        var tenantB = TestTenants.New();

        var result = await _app.ImportAsync(tenantB, "organisation.yaml", ImportFiles.Demo(tenantA));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("tenantId", 5), (error.Field, error.Line));
        Assert.StartsWith("wrong tenant", error.Reason, StringComparison.Ordinal);
        Assert.Empty(await Store.ListUnitsAsync(tenantB, default));
    }

    [Theory]
    [InlineData("' or PartitionKey ne '")]
    [InlineData("not-a-guid")]
    public async Task Reads_TenantIdThatIsNotAGuid_AreRefused(string tenant) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListUnitsAsync(tenant, default));

    [Fact]
    public async Task GetRoles_DemoPeople_ComeFromStoredRolesAndTheStructure()
    {
        var tenant = TestTenants.New();
        await _app.ImportDemoAsync(tenant);

        Assert.Equal([new RoleAssignment(Role.Coordinator, null)], await Store.GetRolesAsync(tenant, "lean.koordinator@fjordvik.kommune.no", default));
        Assert.Equal([new RoleAssignment(Role.ServiceAreaLeader, "helse-og-omsorg")], await Store.GetRolesAsync(tenant, "TOL.Helse@fjordvik.kommune.no", default));
        Assert.Equal([new RoleAssignment(Role.UnitCoordinator, "fjordtun-sykehjem"), new RoleAssignment(Role.Member, "fjordtun-sykehjem")],
            await Store.GetRolesAsync(tenant, "sara.knutsen@fjordvik.kommune.no", default));
        Assert.Equal([new RoleAssignment(Role.UnitLeader, "byggesak")], await Store.GetRolesAsync(tenant, "leder.byggesak@fjordvik.kommune.no", default));
        Assert.Empty(await Store.GetRolesAsync(tenant, "stranger@example.com", default));
    }
}
