using LeanTeamsApp.Infrastructure.Scheduling;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>
/// Rolls back imports whose process died mid-way (a deployment's restart, a killed command), at start and then every
/// <see cref="OrganisationOptions.ImportRecoveryInterval"/>, so that a half-written organisation does not wait for the
/// next import. Of several instances, the one whose claim on the journal's header wins plays it back.
/// </summary>
public sealed class ImportRecoveryScheduler(
    ImportJournal journal,
    StorageTables tables,
    IOptions<OrganisationOptions> options,
    TimeProvider time,
    ILogger<ImportRecoveryScheduler> logger) : Scheduler(tables, time, logger)
{
    protected override TimeSpan? Interval => options.Value.ImportRecoveryInterval;

    protected override bool TickAtStart => true;

    /// <summary>One tick: the number of interrupted imports rolled back.</summary>
    public override Task<int> RunOnceAsync(CancellationToken cancellationToken) => journal.RecoverAbandonedAsync(cancellationToken);
}
