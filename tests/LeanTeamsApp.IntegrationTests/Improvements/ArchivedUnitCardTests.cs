using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.IntegrationTests.Improvements;

/// <summary>
/// Cards sent before a unit was archived. Its board, check-ins and benefits are history then: read-only in chat as in
/// the tab's board (409 there), whatever card button someone still clicks, until the coordinator restores the unit.
/// It is Friday 20 November 2026; Byggesak meets on Thursdays.
/// </summary>
public sealed class ArchivedUnitCardTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 11, 1, 0, TimeSpan.Zero);

    private BoardHost _host = null!;

    public async Task InitializeAsync() => _host = await BoardHost.StartAsync(Friday);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EveryUnitCardButton_UnitArchivedSinceTheCardWasSent_ChangesNothingAndSaysSoUntilRestored()
    {
        var id = await _host.AddAsync("Felles postmottak");
        await _host.MoveAsync(id, ImprovementStage.InProgress);
        await SetArchivedAsync(true);
        var before = await RowsAsync();

        var clicks = new (string Verb, JsonObject Data)[]
        {
            (ImprovementsCard.MoveVerb, new JsonObject { ["improvementId"] = id, ["to"] = "Done" }),
            (ImprovementsCard.BenefitVerb, new JsonObject { ["improvementId"] = id, [$"benefitAmount-{id}"] = "10", [$"benefitMeasure-{id}"] = "Hours", [$"benefitKind-{id}"] = "TimeSaved" }),
            (ImprovementsCard.ReinvestVerb, new JsonObject { ["improvementId"] = id, [$"reinvested-{id}"] = "Mer veiledning" }),
            (ImprovementsCard.CloseDeviationVerb, new JsonObject { ["deviationId"] = "d1" }),
            (ImprovementsCard.FollowUpVerb, new JsonObject { ["deviationId"] = "d1" }),
            (CheckInCard.SubmitVerb, new JsonObject { ["meetingDate"] = "2026-11-19", ["held"] = "yes", ["attendance"] = "7" }),
        };
        foreach (var (verb, data) in clicks)
        {
            var (status, body) = await _host.ActAsync(verb, data);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("Byggesak er arkivert: tavlen, statusrapportene og gevinstene er tatt vare på slik de var. Ingenting ble endret.", body, StringComparison.Ordinal);
        }

        // Someone the rule refuses anyway hears that first: the archive says nothing about a unit they may not change.
        var (_, stranger) = await _host.ActAsync(ImprovementsCard.MoveVerb, new JsonObject { ["improvementId"] = id, ["to"] = "Done" }, _host.Bot.HelseLeader);
        Assert.DoesNotContain("arkivert", stranger, StringComparison.Ordinal);

        Assert.Equal(before, await RowsAsync());

        // Restored, the same card works again.
        await SetArchivedAsync(false);
        await _host.MoveAsync(id, ImprovementStage.Done);
        Assert.Equal(ImprovementStage.Done, (await _host.ImprovementAsync("Felles postmottak")).Stage);
    }

    private async Task SetArchivedAsync(bool archived)
    {
        var store = _host.Bot.App.Store;
        var unit = (await store.GetUnitAsync(_host.TenantId, "byggesak", default))!;
        Assert.Equal(WriteOutcome.Written, (await store.SaveUnitAsync(_host.TenantId, unit with { Archived = archived }, default)).Outcome);
    }

    /// <summary>Every row of the tenant in the tables a card button writes, by table and key, with its ETag.</summary>
    private async Task<Dictionary<string, string>> RowsAsync()
    {
        var tables = _host.Bot.App.Services.GetRequiredService<StorageTables>();
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "Improvements", "CheckIns", "UnitWeeks", "Reviews", "Outbox" })
        {
            await foreach (var row in tables.Get(name).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {_host.TenantId}")))
            {
                rows[$"{name}/{row.RowKey}"] = row.ETag.ToString();
            }
        }

        return rows;
    }
}
