using Azure;
using Azure.Data.Tables;

namespace LeanTeamsApp.Infrastructure.Storage;

/// <summary>
/// A lease in a table row, so that of several instances only one does a piece of work for a tenant at a time (a
/// scheduler's tick; work across tenants takes it for a partition no tenant has). Claimed with the row's ETag: of two
/// instances racing for a free lease, one write wins and the other gets 412. Whether a lease still holds is judged by
/// the storage service's clock, the row's Timestamp against the Date of the answer that read it, never by an
/// instance's own clock, which may run wrong (or, in tests, years ahead). The row may also keep the work's own state
/// (a checkpoint, a pause): it is read with the claim and written with the release, under the same ETag.
/// </summary>
public sealed class TenantLease(TableClient table, string rowKey, TimeSpan duration, TimeProvider time)
{
    internal const string HolderColumn = "Holder";
    internal const string SecondsColumn = "LeaseSeconds";

    private readonly string _holder = Guid.NewGuid().ToString("N");

    public Task<HeldLease?> TryAcquireAsync(string tenantId, CancellationToken cancellationToken) =>
        TryAcquireAsync(tenantId, due: null, cancellationToken);

    /// <summary>
    /// Claims the lease of <paramref name="tenantId"/>, making its row on first sight; null when another instance
    /// holds it, or when <paramref name="due"/> finds in the row's state that there is nothing to do yet (then nothing
    /// is written). This instance may claim its own lease again, so a tick that failed before releasing it does not
    /// lock its own instance out until it lapses.
    /// </summary>
    public async Task<HeldLease?> TryAcquireAsync(string tenantId, Func<TableEntity, bool>? due, CancellationToken cancellationToken)
    {
        var read = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, rowKey, cancellationToken: cancellationToken);
        var row = read.HasValue ? read.Value! : new TableEntity(tenantId, rowKey);
        var heldElsewhere = read.HasValue
            && row.GetString(HolderColumn) != _holder
            && IsHeld(row, read.GetRawResponse().Headers.Date ?? time.GetUtcNow());
        if (heldElsewhere || due?.Invoke(row) == false)
        {
            return null;
        }

        row[HolderColumn] = _holder;
        row[SecondsColumn] = Seconds(duration);
        try
        {
            var written = read.HasValue
                ? await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken)
                : await table.AddEntityAsync(row, cancellationToken);
            row.ETag = written.Headers.ETag ?? row.ETag;
            return new HeldLease(table, row, duration, time);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether a lease row is held at <paramref name="storageNow"/>, a time read from the storage service: a holder
    /// is named and the lease has not run out since the row was last written (by the service's own Timestamp).
    /// </summary>
    internal static bool IsHeld(TableEntity row, DateTimeOffset storageNow) =>
        !string.IsNullOrEmpty(row.GetString(HolderColumn))
        && row.Timestamp + TimeSpan.FromSeconds(row.GetInt32(SecondsColumn) ?? 0) > storageNow;

    // Whole seconds, rounded up: the storage service's Date, which it is judged against, has no finer grain.
    internal static int Seconds(TimeSpan duration) => (int)Math.Ceiling(duration.TotalSeconds);
}

/// <summary>A lease this instance holds: its row, with the work's state, to renew while the work goes on and to release after.</summary>
public sealed class HeldLease
{
    private readonly TableClient _table;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;
    private long _writtenAt;
    private bool _released;

    internal HeldLease(TableClient table, TableEntity row, TimeSpan duration, TimeProvider time)
    {
        _table = table;
        _duration = duration;
        _time = time;
        _writtenAt = time.GetTimestamp();
        Row = row;
    }

    /// <summary>The lease row: the work may read and set its own properties on it, which the release writes.</summary>
    public TableEntity Row { get; }

    /// <summary>True once another instance has taken the lease over: the work must stop, and nothing more is written.</summary>
    public bool Lost { get; private set; }

    /// <summary>
    /// Renews the lease once half of it has gone by (measured on this instance's clock from its own last write, which
    /// only needs to tell how long it has worked); false when another instance has taken it over meanwhile.
    /// </summary>
    public async Task<bool> RenewIfDueAsync(CancellationToken cancellationToken) =>
        !Lost && !_released && (_time.GetElapsedTime(_writtenAt) < _duration / 2 || await WriteAsync(release: false, cancellationToken));

    /// <summary>
    /// Ends the lease now, so that the next tick of any instance may take it, and writes the work's state with it;
    /// false (nothing written) when another instance had taken the lease over, which then does the work again.
    /// </summary>
    public async Task<bool> ReleaseAsync(CancellationToken cancellationToken) =>
        !Lost && !_released && await WriteAsync(release: true, cancellationToken);

    private async Task<bool> WriteAsync(bool release, CancellationToken cancellationToken)
    {
        if (release)
        {
            Row[TenantLease.HolderColumn] = "";
        }

        try
        {
            var written = await _table.UpdateEntityAsync(Row, Row.ETag, TableUpdateMode.Replace, cancellationToken);
            Row.ETag = written.Headers.ETag ?? Row.ETag;
            _writtenAt = _time.GetTimestamp();
            _released = release;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            Lost = true;
            return false;
        }
    }
}
