using System.Globalization;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Scheduling;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Features.Privacy;

/// <summary>
/// Deletes, once a day per organisation, check-ins and their audit trail older than the years the organisation keeps
/// them, and finishes any erasure a run left half-way. Of several instances only one acts: the tenant's lease row
/// also keeps the day it last ran, read and written under the lease's ETag.
/// </summary>
public sealed partial class RetentionScheduler(
    IOptions<PrivacyOptions> options,
    OrganisationStore organisation,
    PrivacyStore store,
    DataSubjectRequests requests,
    IEnumerable<IRetainedRecords> retained,
    StorageTables tables,
    TimeProvider time,
    ILogger<RetentionScheduler> logger) : Scheduler(tables, time, logger)
{
    private const string LastRunColumn = "LastRun";

    private readonly TenantLease _lease = store.RetentionLease(options.Value.RetentionLease, time);

    protected override TimeSpan? Interval => options.Value.RetentionEnabled ? options.Value.RetentionInterval : null;

    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        await ForEachTenantAsync(await organisation.ListTenantIdsAsync(cancellationToken), RunForTenantAsync, cancellationToken);

    /// <summary>One organisation's retention; returns the rows deleted (0 when another instance has it or it ran today).</summary>
    public async Task<int> RunForTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);
        var todayText = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lease = await _lease.TryAcquireAsync(tenantId, row => row.GetString(LastRunColumn) != todayText, cancellationToken);
        if (lease is null)
        {
            return 0;
        }

        await requests.ResumeAsync(tenantId, cancellationToken);
        var years = await store.GetRetentionYearsAsync(tenantId, cancellationToken) ?? options.Value.DefaultRetentionYears;
        var cutoff = today.AddYears(-years);
        var deleted = 0;
        foreach (var records in retained)
        {
            if (!await lease.RenewIfDueAsync(cancellationToken))
            {
                return deleted;
            }

            var gone = await records.DeleteBeforeAsync(tenantId, cutoff, cancellationToken);
            if (gone > 0)
            {
                LogDeleted(Logger, gone, records.Name, tenantId, years);
            }

            deleted += gone;
        }

        lease.Row[LastRunColumn] = todayText;
        await lease.ReleaseAsync(cancellationToken);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Count} {Records} of tenant {TenantId}, older than {Years} years")]
    private static partial void LogDeleted(ILogger logger, int count, string records, string tenantId, int years);
}
