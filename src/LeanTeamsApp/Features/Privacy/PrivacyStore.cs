using System.Globalization;
using Azure;
using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Privacy;

/// <summary>An erasure under way: who it is about, kept only until it is done, so that a run that died can be finished.</summary>
public sealed record PendingErasure(string Id, string PersonId, string? Name, string? AadObjectId, string RequestedBy, DateTimeOffset StartedAt);

/// <summary>A finished erasure as logged: how many rows it touched, who asked and when; nothing of the person.</summary>
public sealed record ErasureLogEntry(string Id, int RowsTouched, string RequestedBy, DateTimeOffset StartedAt, DateTimeOffset FinishedAt);

/// <summary>
/// The privacy feature's own rows, partitioned by tenant: erasures under way, the erasure log (newest first), the
/// organisation's retention setting, and the retention scheduler's lease.
/// </summary>
public sealed class PrivacyStore(StorageTables tables)
{
    internal const string Table = "Privacy";
    internal const string PendingPrefix = "erasing|";
    internal const string LogPrefix = "erased|";
    internal const string LeaseRow = "retention";
    private const string SettingsRow = "settings";

    private TableClient Client => tables.Get(Table);

    public async Task<PendingErasure?> FindPendingAsync(string tenantId, string personId, CancellationToken cancellationToken)
    {
        await foreach (var row in Client.QueryAsync<TableEntity>(KeyPrefix.Filter(tenantId, PendingPrefix), cancellationToken: cancellationToken))
        {
            if (string.Equals(row.GetString("PersonId"), personId, StringComparison.Ordinal))
            {
                return ToPending(row);
            }
        }

        return null;
    }

    public async Task<IReadOnlyList<PendingErasure>> ListPendingAsync(string tenantId, CancellationToken cancellationToken)
    {
        var found = new List<PendingErasure>();
        await foreach (var row in Client.QueryAsync<TableEntity>(KeyPrefix.Filter(tenantId, PendingPrefix), cancellationToken: cancellationToken))
        {
            found.Add(ToPending(row));
        }

        return found;
    }

    /// <summary>Writes the erasure's start; false when one for the same person was started meanwhile (then that one is finished instead).</summary>
    public async Task<bool> StartAsync(string tenantId, PendingErasure erasure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        try
        {
            await Client.AddEntityAsync(
                new TableEntity(tenantId, PendingPrefix + erasure.Id)
                {
                    ["PersonId"] = erasure.PersonId,
                    ["Name"] = erasure.Name,
                    ["AadObjectId"] = erasure.AadObjectId,
                    ["RequestedBy"] = erasure.RequestedBy,
                    ["StartedAt"] = erasure.StartedAt,
                },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Ends the erasure: the log row is written and the row naming the person removed in one transaction, so the log
    /// never lacks a finished erasure and the person's name never outlives it. Done twice, the second finds it done.
    /// </summary>
    public async Task<ErasureLogEntry> FinishAsync(string tenantId, PendingErasure erasure, int rowsTouched, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        var entry = new ErasureLogEntry(erasure.Id, rowsTouched, erasure.RequestedBy, erasure.StartedAt, finishedAt);
        var log = new TableEntity(tenantId, LogKey(erasure))
        {
            ["RowsTouched"] = rowsTouched,
            ["RequestedBy"] = erasure.RequestedBy,
            ["StartedAt"] = erasure.StartedAt,
            ["FinishedAt"] = finishedAt,
        };
        try
        {
            await Client.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, log),
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(tenantId, PendingPrefix + erasure.Id), ETag.All),
                ],
                cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409)
        {
            // Another run finished it first; its log row stands.
        }

        return entry;
    }

    public async Task<IReadOnlyList<ErasureLogEntry>> ListLogAsync(string tenantId, CancellationToken cancellationToken)
    {
        var found = new List<ErasureLogEntry>();
        await foreach (var row in Client.QueryAsync<TableEntity>(KeyPrefix.Filter(tenantId, LogPrefix), cancellationToken: cancellationToken))
        {
            found.Add(new ErasureLogEntry(
                row.RowKey.Split('|')[^1], row.GetInt32("RowsTouched") ?? 0, row.GetString("RequestedBy") ?? "",
                row.GetDateTimeOffset("StartedAt") ?? default, row.GetDateTimeOffset("FinishedAt") ?? default));
        }

        return found;
    }

    public async Task<int?> GetRetentionYearsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var row = await Client.GetEntityIfExistsAsync<TableEntity>(tenantId, SettingsRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetInt32("RetentionYears") : null;
    }

    public async Task SetRetentionYearsAsync(string tenantId, int years, CancellationToken cancellationToken) =>
        await Client.UpsertEntityAsync(new TableEntity(tenantId, SettingsRow) { ["RetentionYears"] = years }, TableUpdateMode.Merge, cancellationToken);

    public TenantLease RetentionLease(TimeSpan duration, TimeProvider time) => new(Client, LeaseRow, duration, time);

    // Newest first, like every log the tab lists.
    private static string LogKey(PendingErasure erasure) =>
        string.Create(CultureInfo.InvariantCulture, $"{LogPrefix}{DateTimeOffset.MaxValue.UtcTicks - erasure.StartedAt.UtcTicks:D19}|{erasure.Id}");

    private static PendingErasure ToPending(TableEntity row) => new(
        row.RowKey[PendingPrefix.Length..], row.GetString("PersonId") ?? "", row.GetString("Name"), row.GetString("AadObjectId"),
        row.GetString("RequestedBy") ?? "", row.GetDateTimeOffset("StartedAt") ?? default);
}
