using System.Text;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;

namespace LeanTeamsApp.IntegrationTests.Organisation;

/// <summary>
/// All or nothing when storage fails half-way: a 200-unit organisation takes several transactions, and a fault
/// injected into the Table client's pipeline (see <see cref="StorageFaults"/>) fails one of them, keeps storage down
/// through the rollback, or lets someone edit a row in between. Afterwards the Directory partition must hold exactly
/// what it held before, apart from that someone's edit, and the journal must be gone.
/// </summary>
public sealed class ImportJournalTests : IAsyncLifetime
{
    private const int Seed = 13;
    private const int Units = 200;

    private readonly StorageFaults _faults = new();
    private AppFactory _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync(_faults);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private OrganisationImporter Importer => _app.Services.GetRequiredService<OrganisationImporter>();

    private static async Task<AppFactory> StartAsync(StorageFaults faults, Dictionary<string, string?>? settings = null)
    {
        var merged = BotHost.LocalSettings();
        foreach (var (key, value) in settings ?? [])
        {
            merged[key] = value;
        }

        return await AppFactory.StartAsync(merged, faults.Install((await Azurite.InstanceAsync()).ConnectionString));
    }

    private static MemoryStream File(string tenant, int variant) => new(Encoding.UTF8.GetBytes(SyntheticOrganisation.Yaml(tenant, Units, variant)));

    /// <summary>The plan of the file, and the number the faults will give its first Directory transaction.</summary>
    private async Task<(ImportPlan Plan, int First)> PlanAsync(string tenant, int variant)
    {
        var preview = await Importer.PreviewAsync(tenant, "organisation.yaml", File(tenant, variant), CancellationToken.None);
        Assert.True(preview.Plan is not null, string.Join("\n", preview.Errors));
        Assert.True(preview.Plan.Transactions.Count >= 5, $"{preview.Plan.Transactions.Count} transactions");
        return (preview.Plan, _faults.DirectoryTransactions + 1);
    }

    public static TheoryData<int, string> FailingTransactions()
    {
        var random = new Random(Seed);
        return new TheoryData<int, string> { { 0, "the first" }, { random.Next(1, 5), "a middle one" }, { random.Next(1, 5), "another middle one" }, { -1, "the last" } };
    }

    [Theory]
    [MemberData(nameof(FailingTransactions))]
    public async Task Import_FirstImportFailsAtATransaction_LeavesNothing(int failing, string which)
    {
        var tenant = TestTenants.New();
        var (plan, first) = await PlanAsync(tenant, variant: 0);
        _faults.FailTransaction = first + (failing < 0 ? plan.Transactions.Count - 1 : failing);

        var result = await Importer.ApplyAsync(plan, CancellationToken.None);

        var error = Assert.Single(result.Errors);
        Assert.Equal("(storage)", error.Field);
        Assert.Equal($"storage failed during the import (503 ServerBusy); everything the import wrote was rolled back, so nothing changed; run it again", error.Reason);
        Assert.True(_faults.DirectoryTransactions >= first + (failing < 0 ? plan.Transactions.Count - 1 : failing), $"{which} transaction was never sent");
        Assert.Empty(await DirectoryContent.ReadAsync(tenant));
        Assert.Empty(await DirectoryContent.JournalAsync(tenant));
        Assert.DoesNotContain(tenant, await _app.Store.ListTenantIdsAsync(default));
    }

    [Theory]
    [MemberData(nameof(FailingTransactions))]
    public async Task Import_ReimportFailsAtATransaction_RestoresEveryRowAsItWas(int failing, string which)
    {
        var tenant = TestTenants.New();
        Assert.True((await _app.ImportAsync(tenant, "organisation.yaml", File(tenant, 0))).Succeeded);
        var before = await DirectoryContent.ReadAsync(tenant);
        var (plan, first) = await PlanAsync(tenant, variant: 1);
        _faults.FailTransaction = first + (failing < 0 ? plan.Transactions.Count - 1 : failing);

        var result = await Importer.ApplyAsync(plan, CancellationToken.None);

        Assert.Contains("everything the import wrote was rolled back, so nothing changed", Assert.Single(result.Errors).Reason, StringComparison.Ordinal);
        var after = await DirectoryContent.ReadAsync(tenant);
        Assert.True(before.SequenceEqual(after), $"{which} transaction failed; the Directory differs:\n{DirectoryContent.Difference(before, after)}");
        Assert.Empty(await DirectoryContent.JournalAsync(tenant));
    }

    [Fact]
    public async Task Import_JournalOfABigReimport_IsChunkedIntoRowsTheServiceTakes()
    {
        var tenant = TestTenants.New();
        Assert.True((await _app.ImportAsync(tenant, "organisation.yaml", File(tenant, 0))).Succeeded);
        var (plan, first) = await PlanAsync(tenant, variant: 1);
        List<TableEntity> journal = [];
        _faults.Before = (first + plan.Transactions.Count - 1, async () => journal = await DirectoryContent.JournalAsync(tenant));

        var result = await Importer.ApplyAsync(plan, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.True(journal.Count >= 3, $"{journal.Count} journal rows: a header and at least two chunks");
        Assert.All(journal, row =>
        {
            Assert.True(TableLimits.SizeOf(row) < TableLimits.MaxEntityBytes / 2, $"{row.RowKey}: {TableLimits.SizeOf(row)} bytes");
            Assert.All(row.Select(p => p.Value).OfType<string>(), s => Assert.True(s.Length <= 30_000));
        });
        Assert.Empty(await DirectoryContent.JournalAsync(tenant));
    }

    [Fact]
    public async Task Import_StorageStaysDownThroughTheRollback_TheNextImportRollsItBackFirst()
    {
        var tenant = TestTenants.New();
        Assert.True((await _app.ImportAsync(tenant, "organisation.yaml", File(tenant, 0))).Succeeded);
        var before = await DirectoryContent.ReadAsync(tenant);
        var (plan, first) = await PlanAsync(tenant, variant: 1);
        _faults.DownFromTransaction = first + 2;

        var result = await Importer.ApplyAsync(plan, CancellationToken.None);

        Assert.Equal(
            "storage failed during the import (503 ServerBusy; the rollback failed too (503 ServerBusy)); what was written is rolled back by the next import of this tenant or by the running service within minutes; run the import again then",
            Assert.Single(result.Errors).Reason);
        _faults.Heal();
        var halfWritten = await DirectoryContent.ReadAsync(tenant);
        Assert.False(before.SequenceEqual(halfWritten), "the first two transactions should have been written before storage went down");
        Assert.NotEmpty(await DirectoryContent.JournalAsync(tenant));

        var next = await Importer.PreviewAsync(tenant, "organisation.yaml", File(tenant, 1), CancellationToken.None);

        var after = await DirectoryContent.ReadAsync(tenant);
        Assert.True(before.SequenceEqual(after), DirectoryContent.Difference(before, after));
        Assert.Empty(await DirectoryContent.JournalAsync(tenant));
        Assert.Equal(Units, next.Plan!.Changes.Count(c => c is { Subject: ImportSubject.Unit, Field: "name" }));
        Assert.True((await Importer.ApplyAsync(next.Plan, CancellationToken.None)).Succeeded);
        Assert.Equal("Enhet 7 (1)", (await _app.Store.GetUnitAsync(tenant, "enhet-7", default))!.Name);
    }

    [Fact]
    public async Task Import_ProcessDiesMidImport_TheRunningServiceRollsItBack()
    {
        var tenant = TestTenants.New();
        Assert.True((await _app.ImportAsync(tenant, "organisation.yaml", File(tenant, 0))).Succeeded);
        var before = await DirectoryContent.ReadAsync(tenant);
        var dying = new StorageFaults();
        await using (var dies = await StartAsync(dying, new() { ["Organisation:ImportLease"] = "00:00:01" }))
        {
            var preview = await dies.Services.GetRequiredService<OrganisationImporter>().PreviewAsync(tenant, "organisation.yaml", File(tenant, 1), CancellationToken.None);
            dying.DownFromTransaction = dying.DirectoryTransactions + 3;
            var result = await dies.Services.GetRequiredService<OrganisationImporter>().ApplyAsync(preview.Plan!, CancellationToken.None);
            Assert.Contains("rolled back by the next import", Assert.Single(result.Errors).Reason, StringComparison.Ordinal);
        }

        Assert.False(before.SequenceEqual(await DirectoryContent.ReadAsync(tenant)), "the dead import should have left rows half-written");

        await using var service = await StartAsync(new StorageFaults(), new() { ["Organisation:ImportRecoveryInterval"] = "00:00:00.200" });

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        SortedDictionary<string, string> after;
        while ((!before.SequenceEqual(after = await DirectoryContent.ReadAsync(tenant)) || (await DirectoryContent.JournalAsync(tenant)).Count > 0)
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(before.SequenceEqual(after), DirectoryContent.Difference(before, after));
        Assert.Empty(await DirectoryContent.JournalAsync(tenant));
    }

    [Fact]
    public async Task Import_SomeoneEditsAUnitMidImport_IsAConflictAndTheirEditSurvives()
    {
        var tenant = TestTenants.New();
        Assert.True((await _app.ImportAsync(tenant, "organisation.yaml", File(tenant, 0))).Succeeded);
        var before = await DirectoryContent.ReadAsync(tenant);
        var (plan, first) = await PlanAsync(tenant, variant: 1);
        var lastUnit = $"unit|enhet-{Units - 1}";
        _faults.Before = (first + 2, async () =>
        {
            var directory = await DirectoryContent.TableAsync(OrganisationStore.DirectoryTable);
            var row = (await directory.GetEntityAsync<TableEntity>(tenant, lastUnit)).Value;
            row["Name"] = "Redigert i Teams";
            await directory.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        });

        var result = await Importer.ApplyAsync(plan, CancellationToken.None);

        Assert.Equal(WriteOutcome.Conflict, result.Outcome);
        Assert.Equal(
            // The edited row was never written by the import (its transaction was refused), so no row is "kept".
            "the organisation was changed by someone else during the import; everything the import wrote was rolled back, so nothing changed; run it again",
            Assert.Single(result.Errors).Reason);
        var after = await DirectoryContent.ReadAsync(tenant);
        Assert.Contains("Name=String:Redigert i Teams", after[lastUnit], StringComparison.Ordinal);
        after[lastUnit] = before[lastUnit];
        Assert.True(before.SequenceEqual(after), DirectoryContent.Difference(before, after));
        Assert.Empty(await DirectoryContent.JournalAsync(tenant));
    }

    [Fact]
    public async Task Import_CancelledMidWrite_RollsBackBeforeItThrows()
    {
        var tenant = TestTenants.New();
        Assert.True((await _app.ImportAsync(tenant, "organisation.yaml", File(tenant, 0))).Succeeded);
        var before = await DirectoryContent.ReadAsync(tenant);
        var (plan, first) = await PlanAsync(tenant, variant: 1);
        using var cancellation = new CancellationTokenSource();
        _faults.Before = (first + 2, () =>
        {
            cancellation.Cancel();
            return Task.CompletedTask;
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Importer.ApplyAsync(plan, cancellation.Token));

        var after = await DirectoryContent.ReadAsync(tenant);
        Assert.True(before.SequenceEqual(after), DirectoryContent.Difference(before, after));
        Assert.Empty(await DirectoryContent.JournalAsync(tenant));
    }
}
