using Azure;
using Azure.Data.Tables;

namespace LeanTeamsApp.Infrastructure.Storage;

/// <summary>
/// Creates the tables the features declared. If storage is down at start-up the service still starts (Teams must get
/// a 503 rather than a connection refused) and keeps trying in the background; /healthz says unhealthy until then.
/// </summary>
public sealed partial class StorageTables(
    TableServiceClient tables,
    IEnumerable<RequiredTable> required,
    TimeProvider time,
    ILogger<StorageTables> logger) : BackgroundService
{
    private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Created => _created.Task.IsCompletedSuccessfully;

    public TableClient Get(string name) => tables.GetTableClient(name);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await TryCreateAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!Created && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
            await TryCreateAsync(stoppingToken);
        }
    }

    /// <summary>Creates the declared tables if they are missing; false when storage cannot be reached.</summary>
    public async Task<bool> TryCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var name in required.Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                await tables.CreateTableIfNotExistsAsync(name, cancellationToken);
            }

            _created.TrySetResult();
        }
        catch (Exception e) when (StorageFailure.IsOutage(e))
        {
            LogNotReachable(logger, e.Message);
        }

        return Created;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Table storage not reachable at start-up, retrying: {Reason}")]
    private static partial void LogNotReachable(ILogger logger, string reason);
}

public static class StorageFailure
{
    /// <summary>A failure of the storage service itself, as opposed to an answer about our data (404, 409, 412).</summary>
    public static bool IsOutage(Exception e) => e switch
    {
        RequestFailedException r => r.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or TimeoutException or TaskCanceledException { CancellationToken.IsCancellationRequested: false } => true,
        AggregateException a => a.InnerExceptions.All(IsOutage),
        _ => false,
    };
}
