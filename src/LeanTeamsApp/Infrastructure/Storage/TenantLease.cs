using Azure;
using Azure.Data.Tables;

namespace LeanTeamsApp.Infrastructure.Storage;

/// <summary>
/// A per-tenant lease in a table row, so that of several instances only one runs a scheduler's work for a tenant at a
/// time. Claimed by ETag: of two instances racing for an expired lease, one write wins and the other gets 412.
/// </summary>
public sealed class TenantLease(TableClient table, string rowKey, TimeSpan duration, TimeProvider time)
{
    private readonly string _holder = Guid.NewGuid().ToString("N");

    /// <summary>True when this instance holds the tenant's lease now (newly claimed or renewed).</summary>
    public async Task<bool> TryAcquireAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, rowKey, cancellationToken: cancellationToken);
        var lease = new TableEntity(tenantId, rowKey) { ["Holder"] = _holder, ["Until"] = now + duration };
        try
        {
            if (!row.HasValue)
            {
                await table.AddEntityAsync(lease, cancellationToken);
                return true;
            }

            var current = row.Value!;
            if (current.GetString("Holder") != _holder && current.GetDateTimeOffset("Until") is { } until && until > now)
            {
                return false;
            }

            await table.UpdateEntityAsync(lease, current.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }
}
