using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeanTeamsApp.Infrastructure.Storage;

internal sealed class StorageHealthCheck(TableServiceClient tables, StorageTables created) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            // Listing one table is a real round trip that Azurite supports (service properties it does not).
            await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }
        }
        catch (Exception e) when (StorageFailure.IsOutage(e) || e is OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Table storage is not reachable.", e is OperationCanceledException ? null : e);
        }

        return created.Created
            ? HealthCheckResult.Healthy("Table storage reachable; tables created.")
            : HealthCheckResult.Unhealthy("Table storage reachable, but the tables are not created yet.");
    }
}
