using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>
/// Rolls back imports whose process died mid-way (a deployment's restart, a killed command), at start and then every
/// <see cref="OrganisationOptions.ImportRecoveryInterval"/>, so that a half-written organisation does not wait for the
/// next import. Of several instances, the one whose claim on the journal's header wins plays it back.
/// </summary>
public sealed partial class ImportRecoveryScheduler(
    ImportJournal journal,
    StorageTables tables,
    IOptions<OrganisationOptions> options,
    TimeProvider time,
    ILogger<ImportRecoveryScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ImportRecoveryInterval, time);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One tick: the number of interrupted imports rolled back.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            return tables.Created ? await journal.RecoverAbandonedAsync(cancellationToken) : 0;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogTickFailed(logger, e);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for interrupted imports failed; trying again at the next tick")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
