using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Features.Organisation.Import;

internal enum ApplyOutcome
{
    Written,

    /// <summary>Nothing was pending: no journal, or one that only needed tidying.</summary>
    NothingPending,

    /// <summary>A write met an ETag conflict; everything written was rolled back.</summary>
    Conflict,

    /// <summary>Storage failed; everything written was rolled back.</summary>
    RolledBack,

    /// <summary>Storage failed and so did the rollback: the journal stays for the next import or the recovery scheduler.</summary>
    NotRolledBack,

    /// <summary>Another import of the tenant holds the journal.</summary>
    Busy,

    /// <summary>This import stalled past its lease and another process took the journal over to roll it back.</summary>
    TakenOver,
}

internal sealed record ApplyResult(ApplyOutcome Outcome, string Detail = "", int KeptEdits = 0);

/// <summary>
/// Makes an import plan all or nothing although Table Storage has no transaction wider than one partition and 100
/// actions. Before the first write, the before-image of every row the plan touches is written to the ImportJournal
/// table (as a JSON text cut into rows well under the 1 MiB limit), then a header row that holds the journal under a
/// lease. The plan's transactions follow, each write carrying the ETag read. When all are written the header is
/// marked committed and the journal deleted. When a write fails (a conflict, a storage error, a cancellation) the
/// journal is played back: each row still as the import wrote it is restored, conditional on its current ETag; a row
/// someone changed since is left as they made it. A journal whose process died is played back by the next import of
/// the tenant, or by <see cref="ImportRecoveryScheduler"/> once its lease has lapsed by the storage service's clock.
/// </summary>
public sealed partial class ImportJournal(
    StorageTables tables,
    OrganisationStore organisation,
    TimeProvider time,
    IOptions<OrganisationOptions> options,
    ILogger<ImportJournal> logger)
{
    internal const string JournalTable = "ImportJournal";
    private const string HeaderRow = "header";
    private const string ChunkPrefix = "chunk|";
    private const string Applying = "Applying";
    private const string Committed = "Committed";

    // A chunk row holds eight properties of 30,000 characters: 480 KB as the service counts (UTF-16), half the limit.
    private const int SliceChars = 30_000;
    private const int SlicesPerChunk = 8;
    private const int ChunksPerTransaction = 4;

    // The lease is renewed at least this often by transactions, and by time (a quarter of the lease) otherwise.
    private const int RenewEveryTransactions = 20;
    private const int RollbackPasses = 3;

    // Identifies this process as a journal's holder: a journal it holds but no longer applies is its own to roll back.
    private readonly string _holder = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, byte> _applying = new(StringComparer.Ordinal);

    private TableClient Journal => tables.Get(JournalTable);

    private TableClient Directory => tables.Get(OrganisationStore.DirectoryTable);

    internal async Task<ApplyResult> ApplyAsync(ImportPlan plan, CancellationToken cancellationToken)
    {
        var tenantId = plan.TenantId;
        if (!_applying.TryAdd(tenantId, 0))
        {
            return new ApplyResult(ApplyOutcome.Busy, "another import of this tenant is running in this process");
        }

        try
        {
            var pending = await RecoverAsync(tenantId, fromApply: true, cancellationToken);
            if (pending.Outcome is not (ApplyOutcome.NothingPending or ApplyOutcome.RolledBack or ApplyOutcome.Conflict))
            {
                return pending;
            }

            if (plan.Transactions.Count == 0)
            {
                await organisation.RegisterTenantAsync(tenantId, plan.OrganisationName, cancellationToken);
                return new ApplyResult(ApplyOutcome.Written);
            }

            var journalId = Guid.NewGuid().ToString("N");
            Lease lease;
            try
            {
                var chunks = await WriteChunksAsync(tenantId, journalId, plan.Journal, cancellationToken);
                var header = new TableEntity(tenantId, HeaderRow)
                {
                    ["JournalId"] = journalId,
                    [TenantLease.HolderColumn] = _holder,
                    [TenantLease.SecondsColumn] = TenantLease.Seconds(options.Value.ImportLease),
                    ["State"] = Applying,
                    ["Chunks"] = chunks,
                    ["Rows"] = plan.Journal.Count,
                    ["File"] = ImportError.Quote(plan.FileName),
                    ["Organisation"] = plan.OrganisationName,
                    ["Started"] = time.GetUtcNow(),
                };
                var added = await Journal.AddEntityAsync(header, cancellationToken);
                lease = NewLease(header, added.Headers.ETag!.Value);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                await TryDeleteChunksAsync(tenantId, journalId);
                return new ApplyResult(ApplyOutcome.Busy, "another import of this tenant began at the same moment");
            }
            catch (Exception e) when (StorageFailure.IsOutage(e) || e is RequestFailedException)
            {
                await TryDeleteChunksAsync(tenantId, journalId);
                return new ApplyResult(ApplyOutcome.RolledBack, $"{Reason(e)}, before the first write");
            }

            return await WriteUnderJournalAsync(plan, journalId, lease, cancellationToken);
        }
        finally
        {
            // Whatever was written or rolled back, the terms are read afresh.
            organisation.ForgetTerms(tenantId);
            _applying.TryRemove(tenantId, out _);
        }
    }

    private async Task<ApplyResult> WriteUnderJournalAsync(ImportPlan plan, string journalId, Lease lease, CancellationToken cancellationToken)
    {
        var finished = false;

        // Transactions written (or, when the answer never came, perhaps written): only their rows are rolled back. A row
        // of a transaction never sent may hold what another writer put there, the same as this plan would have.
        var sent = 0;
        var answered = 0;
        try
        {
            foreach (var transaction in plan.Transactions)
            {
                if (!await lease.RenewIfDueAsync(cancellationToken))
                {
                    finished = true;
                    return new ApplyResult(ApplyOutcome.TakenOver);
                }

                sent++;
                await Directory.SubmitTransactionAsync(transaction, cancellationToken);
                answered++;
            }

            if (!await lease.MarkCommittedAsync(cancellationToken))
            {
                finished = true;
                return new ApplyResult(ApplyOutcome.TakenOver);
            }

            finished = true;
        }
        catch (Exception e) when (e is RequestFailedException { Status: 409 or 412 or 404 })
        {
            // A conflict wrote nothing of the transaction that met it.
            finished = true;
            var undone = await RollBackAsync(plan.TenantId, journalId, Written(plan, answered), lease);
            return undone.Outcome == ApplyOutcome.RolledBack ? undone with { Outcome = ApplyOutcome.Conflict } : undone;
        }
        catch (Exception e) when (StorageFailure.IsOutage(e) || e is RequestFailedException)
        {
            finished = true;
            var undone = await RollBackAsync(plan.TenantId, journalId, Written(plan, sent), lease);
            return undone with { Detail = $"{Reason(e)}{(undone.Detail.Length == 0 ? "" : "; ")}{undone.Detail}" };
        }
        finally
        {
            // Anything else (a cancellation, a bug) still leaves no half-written organisation behind.
            if (!finished)
            {
                await RollBackAsync(plan.TenantId, journalId, Written(plan, sent), lease);
            }
        }

        await organisation.RegisterTenantAsync(plan.TenantId, plan.OrganisationName, cancellationToken);
        await TryDeleteJournalAsync(plan.TenantId, journalId);
        return new ApplyResult(ApplyOutcome.Written);
    }

    /// <summary>The journal's entries for the rows of the plan's first <paramref name="transactions"/> transactions.</summary>
    private static List<JournalEntry> Written(ImportPlan plan, int transactions)
    {
        var rows = plan.Transactions.Take(transactions).SelectMany(t => t).Select(a => a.Entity.RowKey).ToHashSet(StringComparer.Ordinal);
        return [.. plan.Journal.Where(e => rows.Contains(e.RowKey))];
    }

    /// <summary>
    /// Finishes or rolls back what an earlier import of the tenant left: a committed journal is tidied away, one whose
    /// holder is gone (its lease lapsed, or it was this process) is played back. A journal still held is left alone.
    /// </summary>
    internal async Task<ApplyResult> RecoverAsync(string tenantId, bool fromApply, CancellationToken cancellationToken)
    {
        var read = await Journal.GetEntityIfExistsAsync<TableEntity>(tenantId, HeaderRow, cancellationToken: cancellationToken);
        if (!read.HasValue)
        {
            await DeleteOrphanChunksAsync(tenantId, cancellationToken);
            return new ApplyResult(ApplyOutcome.NothingPending);
        }

        var header = read.Value!;
        var journalId = header.GetString("JournalId");
        if (header.GetString("State") == Committed)
        {
            await organisation.RegisterTenantAsync(tenantId, header.GetString("Organisation") ?? "", cancellationToken);
            await TryDeleteJournalAsync(tenantId, journalId);
            return new ApplyResult(ApplyOutcome.NothingPending);
        }

        var started = header.GetDateTimeOffset("Started");
        var own = header.GetString(TenantLease.HolderColumn) == _holder;
        var serverNow = read.GetRawResponse().Headers.Date ?? time.GetUtcNow();
        var held = own
            ? !fromApply && _applying.ContainsKey(tenantId)
            : TenantLease.IsHeld(header, serverNow);
        if (held)
        {
            return new ApplyResult(ApplyOutcome.Busy, $"another import of this tenant ({header.GetString("File")}, started {started:yyyy-MM-dd HH:mm:ss} UTC) is still running");
        }

        var claimed = header;
        claimed[TenantLease.HolderColumn] = _holder;
        claimed[TenantLease.SecondsColumn] = TenantLease.Seconds(options.Value.ImportLease);
        ETag etag;
        try
        {
            etag = (await Journal.UpdateEntityAsync(claimed, header.ETag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag!.Value;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return new ApplyResult(ApplyOutcome.Busy, "another process is rolling back an interrupted import of this tenant");
        }

        var entries = await ReadChunksAsync(tenantId, journalId, header.GetInt32("Chunks") ?? 0, cancellationToken);
        var result = await RollBackAsync(tenantId, journalId, entries, NewLease(claimed, etag));
        LogRecovered(logger, tenantId, header.GetString("File") ?? "", started, result.Outcome, result.KeptEdits);
        return result;
    }

    /// <summary>One pass of the recovery scheduler: every journal in the table whose holder is gone is played back.</summary>
    internal async Task<int> RecoverAbandonedAsync(CancellationToken cancellationToken)
    {
        var tenants = new List<string>();
        await foreach (var row in Journal.QueryAsync<TableEntity>($"RowKey eq '{HeaderRow}'", select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            tenants.Add(row.PartitionKey);
        }

        var recovered = 0;
        foreach (var tenantId in tenants)
        {
            var result = await RecoverAsync(tenantId, fromApply: false, cancellationToken);
            recovered += result.Outcome is ApplyOutcome.RolledBack or ApplyOutcome.Conflict ? 1 : 0;
        }

        return recovered;
    }

    /// <summary>
    /// Restores every journaled row that is still as the import wrote it, conditional on the ETag just read, in a few
    /// passes (a row edited between the read and the restore is read again). Rows someone changed after the import
    /// wrote them are counted and left alone.
    /// </summary>
    private async Task<ApplyResult> RollBackAsync(string tenantId, string journalId, IReadOnlyList<JournalEntry> entries, Lease lease)
    {
        try
        {
            return await RestoreAsync(tenantId, journalId, entries, lease);
        }
        finally
        {
            // A rollback may put the organisation row back, and with it the terms it had: they are read afresh. This
            // covers the recovery scheduler's rollbacks of another process's import too.
            organisation.ForgetTerms(tenantId);
        }
    }

    private async Task<ApplyResult> RestoreAsync(string tenantId, string journalId, IReadOnlyList<JournalEntry> entries, Lease lease)
    {
        try
        {
            var kept = 0;
            for (var pass = 0; pass < RollbackPasses; pass++)
            {
                var current = await ReadRowsAsync(tenantId, entries);
                var restores = new List<TableTransactionAction>();
                kept = 0;
                foreach (var entry in entries)
                {
                    var now = current.GetValueOrDefault(entry.RowKey);
                    if (Matches(now, entry.After))
                    {
                        restores.Add(entry.Before is null
                            ? new TableTransactionAction(TableTransactionActionType.Delete, now!, now!.ETag)
                            : now is null
                                ? new TableTransactionAction(TableTransactionActionType.Add, Copy(entry.Before))
                                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, Copy(entry.Before), now.ETag));
                    }
                    else if (!Matches(now, entry.Before is null ? null : RowImage.Fingerprint(entry.Before)))
                    {
                        kept++;
                    }
                }

                if (restores.Count == 0)
                {
                    await TryDeleteJournalAsync(tenantId, journalId);
                    return new ApplyResult(ApplyOutcome.RolledBack, KeptEdits: kept);
                }

                try
                {
                    foreach (var transaction in restores.Chunk(TableLimits.MaxActionsPerTransaction))
                    {
                        if (!await lease.RenewIfDueAsync(CancellationToken.None))
                        {
                            return new ApplyResult(ApplyOutcome.TakenOver);
                        }

                        await Directory.SubmitTransactionAsync(transaction, CancellationToken.None);
                    }
                }
                catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
                {
                    // Someone wrote one of these rows since they were read: read again and restore what is still ours.
                }
            }

            return new ApplyResult(ApplyOutcome.NotRolledBack, "the rows kept changing while they were being restored", kept);
        }
        catch (Exception e) when (StorageFailure.IsOutage(e) || e is RequestFailedException)
        {
            LogRollbackFailed(logger, tenantId, e.Message);
            return new ApplyResult(ApplyOutcome.NotRolledBack, $"the rollback failed too ({Reason(e)})");
        }
    }

    private static bool Matches(TableEntity? row, string? fingerprint) =>
        fingerprint is null ? row is null : row is not null && RowImage.Fingerprint(row) == fingerprint;

    private static TableEntity Copy(TableEntity before)
    {
        var row = new TableEntity(before.PartitionKey, before.RowKey);
        foreach (var (name, value) in RowImage.Properties(before))
        {
            row[name] = value;
        }

        return row;
    }

    private async Task<Dictionary<string, TableEntity>> ReadRowsAsync(string tenantId, IReadOnlyList<JournalEntry> entries)
    {
        var wanted = entries.Select(e => e.RowKey).ToHashSet(StringComparer.Ordinal);
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in Directory.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"), cancellationToken: CancellationToken.None))
        {
            if (wanted.Contains(row.RowKey))
            {
                rows[row.RowKey] = row;
            }
        }

        return rows;
    }

    private async Task<int> WriteChunksAsync(string tenantId, string journalId, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        var text = Serialise(entries);
        var rowChars = SliceChars * SlicesPerChunk;
        var chunks = new List<TableEntity>();
        for (var start = 0; start < text.Length || chunks.Count == 0; start += rowChars)
        {
            var row = new TableEntity(tenantId, ChunkKey(journalId, chunks.Count));
            for (var slice = 0; slice < SlicesPerChunk && start + (slice * SliceChars) < text.Length; slice++)
            {
                var from = start + (slice * SliceChars);
                row[$"D{slice}"] = text.Substring(from, Math.Min(SliceChars, text.Length - from));
            }

            _ = TableLimits.Check(row);
            chunks.Add(row);
        }

        foreach (var transaction in chunks.Chunk(ChunksPerTransaction))
        {
            await Journal.SubmitTransactionAsync(transaction.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
        }

        return chunks.Count;
    }

    private async Task<IReadOnlyList<JournalEntry>> ReadChunksAsync(string tenantId, string? journalId, int expected, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var count = 0;
        var prefix = ChunkKey(journalId ?? "", 0)[..^6];
        var filter = KeyPrefix.Filter(tenantId, prefix);
        await foreach (var row in Journal.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            count++;
            for (var slice = 0; slice < SlicesPerChunk; slice++)
            {
                text.Append(row.GetString($"D{slice}"));
            }
        }

        if (count != expected)
        {
            throw new InvalidOperationException($"The import journal of tenant {tenantId} has {count} of its {expected} rows; it cannot be played back.");
        }

        using var json = JsonDocument.Parse(text.ToString());
        return [.. json.RootElement.EnumerateArray().Select(e => new JournalEntry(
            e.GetProperty("k").GetString()!,
            e.GetProperty("b").ValueKind == JsonValueKind.Null ? null : RowImage.Read(e.GetProperty("b"), tenantId, e.GetProperty("k").GetString()!),
            e.GetProperty("a").GetString()))];
    }

    // Non-ASCII characters are escaped (\uXXXX), so the text can be cut anywhere without splitting a character.
    private static string Serialise(IReadOnlyList<JournalEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                json.WriteString("k", entry.RowKey);
                if (entry.Before is null)
                {
                    json.WriteNull("b");
                }
                else
                {
                    json.WritePropertyName("b");
                    RowImage.Write(json, entry.Before);
                }

                json.WriteString("a", entry.After);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.ASCII.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private async Task DeleteOrphanChunksAsync(string tenantId, CancellationToken cancellationToken)
    {
        // Chunks without a header: a process died between writing them and the header. A chunk younger than a lease
        // may belong to an import about to write its header, so it is left for a later look.
        var filter = KeyPrefix.Filter(tenantId, ChunkPrefix);
        var orphans = new List<TableEntity>();
        await foreach (var page in Journal.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Timestamp"], cancellationToken: cancellationToken).AsPages())
        {
            var serverNow = page.GetRawResponse().Headers.Date ?? time.GetUtcNow();
            orphans.AddRange(page.Values.Where(r => r.Timestamp + options.Value.ImportLease < serverNow));
        }

        foreach (var transaction in orphans.Chunk(TableLimits.MaxActionsPerTransaction))
        {
            await Journal.SubmitTransactionAsync(transaction.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
        }
    }

    /// <summary>The header first: a journal without its header is an orphan, which the next import tidies away.</summary>
    private async Task TryDeleteJournalAsync(string tenantId, string? journalId)
    {
        try
        {
            await Journal.DeleteEntityAsync(tenantId, HeaderRow, ETag.All, CancellationToken.None);
        }
        catch (Exception e) when (StorageFailure.IsOutage(e) || e is RequestFailedException)
        {
            LogTidyFailed(logger, tenantId, e.Message);
            return;
        }

        await TryDeleteChunksAsync(tenantId, journalId ?? "");
    }

    private async Task TryDeleteChunksAsync(string tenantId, string journalId)
    {
        try
        {
            var prefix = ChunkKey(journalId, 0)[..^6];
            var filter = KeyPrefix.Filter(tenantId, prefix);
            var keys = new List<TableEntity>();
            await foreach (var row in Journal.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: CancellationToken.None))
            {
                keys.Add(row);
            }

            foreach (var transaction in keys.Chunk(TableLimits.MaxActionsPerTransaction))
            {
                await Journal.SubmitTransactionAsync(transaction.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), CancellationToken.None);
            }
        }
        catch (Exception e) when (StorageFailure.IsOutage(e) || e is RequestFailedException)
        {
            LogTidyFailed(logger, tenantId, e.Message);
        }
    }

    private Lease NewLease(TableEntity header, ETag etag) => new(Journal, header, etag, time, options.Value.ImportLease);

    private static string ChunkKey(string journalId, int index) => $"{ChunkPrefix}{journalId}|{index.ToString("D6", CultureInfo.InvariantCulture)}";

    private static string Reason(Exception e) => e switch
    {
        RequestFailedException r when r.Status > 0 => $"{r.Status} {r.ErrorCode}".TrimEnd(),
        RequestFailedException or HttpRequestException => "storage could not be reached",
        OperationCanceledException => "cancelled or timed out",
        _ => e.GetType().Name,
    };

    /// <summary>The header row held by this process: renewed as transactions go by, so that no one else plays it back meanwhile.</summary>
    private sealed class Lease(TableClient journal, TableEntity header, ETag etag, TimeProvider time, TimeSpan duration)
    {
        private ETag _etag = etag;
        private long _renewedAt = time.GetTimestamp();
        private int _sinceRenewal;

        /// <summary>False when another process has taken the journal over: this one must not write again.</summary>
        public async Task<bool> RenewIfDueAsync(CancellationToken cancellationToken)
        {
            if (++_sinceRenewal < RenewEveryTransactions && time.GetElapsedTime(_renewedAt) < duration / 4)
            {
                return true;
            }

            return await WriteAsync(cancellationToken);
        }

        public Task<bool> MarkCommittedAsync(CancellationToken cancellationToken)
        {
            header["State"] = Committed;
            return WriteAsync(cancellationToken);
        }

        private async Task<bool> WriteAsync(CancellationToken cancellationToken)
        {
            try
            {
                _etag = (await journal.UpdateEntityAsync(header, _etag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag!.Value;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                return false;
            }

            _renewedAt = time.GetTimestamp();
            _sinceRenewal = 0;
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interrupted import of tenant {TenantId} ({File}, started {Started}) played back: {Outcome}; {KeptEdits} rows changed since were kept")]
    private static partial void LogRecovered(ILogger logger, string tenantId, string file, DateTimeOffset? started, ApplyOutcome outcome, int keptEdits);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rolling back an import of tenant {TenantId} failed; its journal stays for the next import or the recovery scheduler: {Reason}")]
    private static partial void LogRollbackFailed(ILogger logger, string tenantId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the import journal of tenant {TenantId}; the next import tidies it away: {Reason}")]
    private static partial void LogTidyFailed(ILogger logger, string tenantId, string reason);
}
