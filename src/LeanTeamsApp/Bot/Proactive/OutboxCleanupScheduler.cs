using Azure;
using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Bot.Proactive;

/// <summary>
/// Deletes outbox rows older than <see cref="OutboxOptions.RetentionDays"/>, once per
/// <see cref="OutboxOptions.CleanupInterval"/> however many instances run. One row in the Outbox table says when the
/// last clean-up ran and who holds it now; a tick claims it with its ETag (as the check-in scheduler claims its
/// checkpoint), so of two instances only one deletes, and a clean-up that died midway is taken up again once its
/// lease has run out. Old rows would otherwise be kept for ever, with the e-mail addresses some ids carry.
/// </summary>
public sealed partial class OutboxCleanupScheduler(
    Outbox outbox,
    StorageTables tables,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxCleanupScheduler> logger) : BackgroundService
{
    // Not a tenant id, so no tenant's rows share its partition.
    private const string StatePartition = "scheduler";
    private const string StateRow = "outbox-cleanup";

    // How often an instance looks whether the clean-up is due: one small read.
    private static readonly TimeSpan TickInterval = TimeSpan.FromHours(1);

    // Long enough for a clean-up of a large table; a dead instance's claim passes to another after it.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);

    // Entity-group transactions hold at most 100 actions, all in one partition.
    private const int BatchSize = 100;

    private readonly string _instance = Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.CleanupEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TickInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (tables.Created)
                {
                    await RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogTickFailed(logger, e);
            }
        }
    }

    /// <summary>One tick: deletes the rows past retention when the clean-up is due and no other instance holds it; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await ClaimAsync(now, cancellationToken) is not { } state)
        {
            return 0;
        }

        var cutoff = now - TimeSpan.FromDays(options.Value.RetentionDays);
        var deleted = await DeleteCreatedBeforeAsync(cutoff, cancellationToken);
        state["LastRun"] = now;
        state["LeaseUntil"] = now;
        try
        {
            await outbox.Rows.UpdateEntityAsync(state, state.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Our lease ran out midway and another instance took over; it deletes what is left, nothing twice.
        }

        LogCleaned(logger, deleted, cutoff);
        return deleted;
    }

    /// <summary>Claims the clean-up for this period; null when it ran this period already or another instance holds it.</summary>
    private async Task<TableEntity?> ClaimAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await outbox.Rows.GetEntityIfExistsAsync<TableEntity>(StatePartition, StateRow, cancellationToken: cancellationToken);
        var row = existing.HasValue ? existing.Value! : new TableEntity(StatePartition, StateRow);
        if (existing.HasValue
            && (now - (row.GetDateTimeOffset("LastRun") ?? DateTimeOffset.MinValue) < options.Value.CleanupInterval
                || (row.GetString("LeaseOwner") != _instance && row.GetDateTimeOffset("LeaseUntil") > now)))
        {
            return null;
        }

        row["LeaseOwner"] = _instance;
        row["LeaseUntil"] = now + Lease;
        try
        {
            var response = existing.HasValue
                ? await outbox.Rows.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken)
                : await outbox.Rows.AddEntityAsync(row, cancellationToken);
            row.ETag = response.Headers.ETag ?? row.ETag;
            return row;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox clean-up failed; the next tick tries again")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
