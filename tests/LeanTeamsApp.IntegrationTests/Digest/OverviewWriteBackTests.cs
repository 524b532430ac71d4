using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.Infrastructure.Storage;
using LeanTeamsApp.IntegrationTests.Improvements;

namespace LeanTeamsApp.IntegrationTests.Digest;

/// <summary>
/// Overview rows written before they kept the improvements waiting for their benefit, or the estimates and plans, are
/// filled in when read and written back best effort: a read must not fail because storage refused the write-back, and
/// once storage takes writes again the next read writes them. Storage refuses the writes to the UnitWeeks table in the
/// Table client's pipeline (<see cref="StorageFaults"/>) while its reads go through. It is Friday 20 November 2026.
/// </summary>
public sealed class OverviewWriteBackTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 11, 1, 0, TimeSpan.Zero);

    private readonly StorageFaults _faults = new();
    private BoardHost _host = null!;

    public async Task InitializeAsync() => _host = await BoardHost.StartAsync(Friday, _faults.Install((await Azurite.InstanceAsync()).ConnectionString));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private UnitWeekStore Store => _host.Bot.App.Services.GetRequiredService<UnitWeekStore>();

    private TableClient Table => _host.Bot.App.Services.GetRequiredService<StorageTables>().Get(UnitWeekStore.Table);

    [Fact]
    public async Task Overview_OldRowAndAUnitWithoutARow_StorageRefusingTheWriteBack_ReadsTheFilledFiguresAndTheNextReadWritesThemBack()
    {
        // Byggesak's row as the recount writes it: an estimate, and an improvement done with no benefit recorded.
        await EstimateAsync();
        var done = await _host.AddAsync("Digital byggesøknad");
        await _host.MoveAsync(done, ImprovementStage.InProgress);
        await _host.MoveAsync(done, ImprovementStage.Done);
        var byggesak = (await Store.ListOverviewAsync(_host.TenantId, default)).Single(o => o.UnitId == "byggesak");
        Assert.NotEmpty(byggesak.AwaitingBenefit!);
        Assert.NotEmpty(byggesak.Stages!.Figures);
        // Servicetorget's estimate was stored before any of its records were counted: it has no row.
        await AddServicetorgetEstimateAsync();
        Assert.False((await Table.GetEntityIfExistsAsync<TableEntity>(_host.TenantId, "overview|servicetorget")).HasValue);
        // Byggesak's row as written before the rows kept the waiting improvements and the estimates and plans.
        var written = await StoredAsync("byggesak");
        await WriteOldShapeAsync("byggesak", "awaitingBenefit", "stages");

        _faults.RefuseTransactionsTo = UnitWeekStore.Table;
        _faults.RefuseEntityWritesTo = UnitWeekStore.Table;
        var read = await Store.ListOverviewAsync(_host.TenantId, default);

        AssertFilled(read, byggesak);
        // Both write-backs were tried and refused, the fill of Byggesak's row and the add of Servicetorget's.
        Assert.Equal(2, _faults.RefusedTransactions);
        Assert.Null((await StoredAsync("byggesak"))["stages"]);
        Assert.False((await Table.GetEntityIfExistsAsync<TableEntity>(_host.TenantId, "overview|servicetorget")).HasValue);

        _faults.Heal();
        AssertFilled(await Store.ListOverviewAsync(_host.TenantId, default), byggesak);

        Assert.True(JsonNode.DeepEquals(written, await StoredAsync("byggesak")));
        Assert.NotNull((await StoredAsync("servicetorget"))["stages"]);
        // Written back: the next read finds every row whole and writes nothing.
        _faults.RefuseTransactionsTo = UnitWeekStore.Table;
        _faults.RefuseEntityWritesTo = UnitWeekStore.Table;
        AssertFilled(await Store.ListOverviewAsync(_host.TenantId, default), byggesak);
        Assert.Equal((2, 0), (_faults.RefusedTransactions, _faults.RefusedEntityWrites));
    }

    [Fact]
    public async Task Overview_ARowRecountedBeforeTheWriteBackAndStorageRefusingSingleWrites_ReadsTheFilledFiguresAndTheNextReadWritesTheRestBack()
    {
        await EstimateAsync();
        await AddServicetorgetEstimateAsync();
        var servicetorgetUnit = (await _host.Bot.App.Store.GetUnitAsync(_host.TenantId, "servicetorget", default))!;
        await Store.RefreshWeekOfAsync(_host.TenantId, servicetorgetUnit, Friday, default);
        var whole = await Store.ListOverviewAsync(_host.TenantId, default);
        var byggesak = whole.Single(o => o.UnitId == "byggesak");
        var servicetorget = whole.Single(o => o.UnitId == "servicetorget");
        var written = await StoredAsync("servicetorget");
        await WriteOldShapeAsync("byggesak", "stages");
        await WriteOldShapeAsync("servicetorget", "stages");

        // Byggesak is recounted between the read and its write-back, so the transaction fails on its row (412) and the
        // rows are written one by one: and storage refuses those.
        _faults.BeforeWrite = (UnitWeekStore.Table, () => Store.RefreshWeekOfAsync(_host.TenantId, _host.Byggesak, Friday, default));
        _faults.RefuseEntityWritesTo = UnitWeekStore.Table;
        var read = await Store.ListOverviewAsync(_host.TenantId, default);

        Assert.Null(_faults.BeforeWrite);
        Assert.True(_faults.RefusedEntityWrites >= 1);
        Assert.Equal(Json(byggesak), Json(read.Single(o => o.UnitId == "byggesak")));
        Assert.Equal(Json(servicetorget), Json(read.Single(o => o.UnitId == "servicetorget")));
        Assert.NotNull((await StoredAsync("byggesak"))["stages"]);
        Assert.Null((await StoredAsync("servicetorget"))["stages"]);

        _faults.Heal();
        var next = await Store.ListOverviewAsync(_host.TenantId, default);

        Assert.Equal(Json(servicetorget), Json(next.Single(o => o.UnitId == "servicetorget")));
        Assert.True(JsonNode.DeepEquals(written, await StoredAsync("servicetorget")));
    }

    /// <summary>
    /// The first read of a tenant in a process builds the rows of units counted before rows existed, then marks the
    /// tenant built. Storage refusing only that mark leaves every row there: the read goes on, and the process does not
    /// build again on every read (a scan of all the tenant's weeks); the next process to read the tenant marks it.
    /// </summary>
    [Fact]
    public async Task Overview_FirstReadWhileStorageRefusesTheBuiltMark_ReadsTheRowsAndDoesNotBuildAgain()
    {
        await EstimateAsync();
        await Table.DeleteEntityAsync(_host.TenantId, "overview-built");

        _faults.RefuseEntityWritesTo = UnitWeekStore.Table;
        var read = await Store.ListOverviewAsync(_host.TenantId, default);

        Assert.Contains(read, o => o.UnitId == "byggesak");
        Assert.Equal(1, _faults.RefusedEntityWrites);
        Assert.False((await Table.GetEntityIfExistsAsync<TableEntity>(_host.TenantId, "overview-built")).HasValue);

        _faults.Heal();
        Assert.Equal(Json(read.Single(o => o.UnitId == "byggesak")), Json((await Store.ListOverviewAsync(_host.TenantId, default)).Single(o => o.UnitId == "byggesak")));
        Assert.False((await Table.GetEntityIfExistsAsync<TableEntity>(_host.TenantId, "overview-built")).HasValue);
    }

    /// <summary>
    /// Byggesak as <paramref name="byggesak"/> (its row as the recount wrote it), and Servicetorget with its estimate and
    /// nothing else: the same figures however the rows were stored, and whether or not they could be written back.
    /// </summary>
    private static void AssertFilled(IReadOnlyList<UnitOverview> read, UnitOverview byggesak)
    {
        Assert.Equal(Json(byggesak), Json(read.Single(o => o.UnitId == "byggesak")));
        var servicetorget = read.Single(o => o.UnitId == "servicetorget");
        Assert.Empty(servicetorget.AwaitingBenefit!);
        Assert.Equal([new StageFigure(new StageSum(BenefitStage.Identified, BenefitKind.Money, BenefitMeasure.Nok, 12000m), new DateOnly(2026, 11, 16))], servicetorget.Stages!.Figures);
    }

    private static string Json(UnitOverview overview) => JsonSerializer.Serialize(overview);

    /// <summary>Byggesak's leader estimates a unit benefit in the tab; the recount writes Byggesak's row.</summary>
    private async Task EstimateAsync()
    {
        var leader = _host.Token("leder.byggesak@fjordvik.kommune.no", "Randi Lie");
        Assert.Equal(HttpStatusCode.Created, (await _host.TabAsync(HttpMethod.Post, "/api/tab/units/byggesak/benefits", leader,
            new JsonObject { ["title"] = "Felles postmottak", ["kind"] = "timeSaved", ["measure"] = "hours", ["identified"] = 40 })).Status);
    }

    /// <summary>An estimate of Servicetorget's stored without a recount, as before its records were ever counted.</summary>
    private async Task AddServicetorgetEstimateAsync()
    {
        var benefit = new Benefit("servicetorget", "old", BenefitKind.Money, BenefitStage.Identified, 0, BenefitMeasure.Nok, [], new DateOnly(2026, 11, 17), "Randi Lie", RecordSource.Command) { Title = "Gammel" }
            .WithStage(BenefitStage.Identified, 12000m, new DateOnly(2026, 11, 17));
        Assert.True((await _host.Records.AddBenefitAsync(_host.TenantId, benefit, default)).Added);
    }

    private async Task<JsonNode> StoredAsync(string unitId) =>
        JsonNode.Parse((await Table.GetEntityAsync<TableEntity>(_host.TenantId, $"overview|{unitId}")).Value.GetString("Data"))!;

    /// <summary>The unit's row as written before it kept <paramref name="properties"/>.</summary>
    private async Task WriteOldShapeAsync(string unitId, params string[] properties)
    {
        var row = (await Table.GetEntityAsync<TableEntity>(_host.TenantId, $"overview|{unitId}")).Value;
        var data = JsonNode.Parse(row.GetString("Data"))!.AsObject();
        Assert.All(properties, p => Assert.True(data.Remove(p)));
        row["Data"] = data.ToJsonString();
        await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
    }
}
