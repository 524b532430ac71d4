using Azure;
using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Scheduling;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Bot.Proactive;

/// <summary>
/// Deletes outbox rows older than <see cref="OutboxOptions.RetentionDays"/>, once per
/// <see cref="OutboxOptions.CleanupInterval"/> however many instances run. The clean-up takes a lease (in a partition
/// of the Outbox table that no tenant has), whose row also says when the last clean-up ran, so of two instances only
/// one deletes, and a clean-up that died midway is taken up again once its lease has run out. Old rows would otherwise
/// be kept for ever, with the e-mail addresses some ids carry.
/// </summary>
public sealed partial class OutboxCleanupScheduler(
    Outbox outbox,
    StorageTables tables,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxCleanupScheduler> logger) : Scheduler(tables, time, logger)
{
    // Not a tenant id, so no tenant's rows share its partition.
    private const string LeasePartition = "scheduler";

    // Entity-group transactions hold at most 100 actions, all in one partition.
    private const int BatchSize = 100;

    // Long enough for a clean-up of a large table; a dead instance's claim passes to another after it.
    private readonly TenantLease _lease = new(outbox.Rows, "outbox-cleanup", TimeSpan.FromMinutes(30), time);

    // How often an instance looks whether the clean-up is due: one small read.
    protected override TimeSpan? Interval => options.Value.CleanupEnabled ? TimeSpan.FromHours(1) : null;

    /// <summary>One tick: deletes the rows past retention when the clean-up is due and no other instance holds it; returns how many.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        if (await _lease.TryAcquireAsync(LeasePartition, row => now - (row.GetDateTimeOffset("LastRun") ?? DateTimeOffset.MinValue) >= options.Value.CleanupInterval, cancellationToken) is not { } lease)
        {
            return 0;
        }

        var cutoff = now - TimeSpan.FromDays(options.Value.RetentionDays);
        var deleted = await DeleteCreatedBeforeAsync(cutoff, cancellationToken);
        lease.Row["LastRun"] = now;
        // False when our lease ran out midway and another instance took over; it deletes what is left, nothing twice.
        await lease.ReleaseAsync(cancellationToken);
        LogCleaned(Logger, deleted, cutoff);
        return deleted;
    }

    /// <summary>
    /// Deletes every row created before <paramref name="cutoff"/>, in any state: a message still unsent after weeks
    /// is no longer worth sending. One scan over the table, deletes batched per tenant partition.
    /// </summary>
    private async Task<int> DeleteCreatedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var batch = new List<TableTransactionAction>(BatchSize);
        var filter = TableClient.CreateQueryFilter($"CreatedAt lt {cutoff}");
        await foreach (var row in outbox.Rows.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (batch.Count == BatchSize || (batch.Count > 0 && batch[0].Entity.PartitionKey != row.PartitionKey))
            {
                deleted += await DeleteAsync(batch, cancellationToken);
                batch.Clear();
            }

            // Whatever its ETag now: a row past retention goes even if it changed since the scan read it.
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey) { ETag = ETag.All }));
        }

        if (batch.Count > 0)
        {
            deleted += await DeleteAsync(batch, cancellationToken);
        }

        return deleted;
    }

    private async Task<int> DeleteAsync(List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        try
        {
            await outbox.Rows.SubmitTransactionAsync(batch, cancellationToken);
            return batch.Count;
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            // Another instance deleted one of them meanwhile (its lease ran out on us); one by one, a missing row is fine.
            foreach (var action in batch)
            {
                try
                {
                    await outbox.Rows.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, cancellationToken);
                }
                catch (RequestFailedException gone) when (gone.Status == 404)
                {
                    // Already deleted.
                }
            }

            return batch.Count;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox clean-up deleted {Count} rows created before {Cutoff}")]
    private static partial void LogCleaned(ILogger logger, int count, DateTimeOffset cutoff);
}
