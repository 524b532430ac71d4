using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeanTeamsApp.IntegrationTests.Support;

/// <summary>
/// Storage failures where they happen in production: a policy in the Table client's own HTTP pipeline, in front of a
/// real Azurite. It counts the entity-group transactions sent to the Directory table and fails the chosen one as the
/// service would (503 Server Busy), or from the chosen one on fails every request until healed, or runs a callback
/// just before one (a concurrent edit, a cancellation). Everything else goes through untouched.
/// </summary>
public sealed partial class StorageFaults : HttpPipelinePolicy
{
    private int _directoryTransactions;
    private volatile bool _down;

    /// <summary>Directory transactions sent so far (a failed one included).</summary>
    public int DirectoryTransactions => Volatile.Read(ref _directoryTransactions);

    /// <summary>The number of the one Directory transaction to fail, counting from the first sent.</summary>
    public int? FailTransaction { get; set; }

    /// <summary>From this Directory transaction on, every request of any kind fails until <see cref="Heal"/>.</summary>
    public int? DownFromTransaction { get; set; }

    /// <summary>Runs before the Directory transaction with this number is sent.</summary>
    public (int Transaction, Func<Task> Action)? Before { get; set; }

    public void Heal()
    {
        _down = false;
        DownFromTransaction = null;
        FailTransaction = null;
    }

    /// <summary>Registers a Table client with this policy in place of the one the storage module builds.</summary>
    public Action<IServiceCollection> Install(string connectionString) => services =>
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AddPolicy(this, HttpPipelinePosition.PerCall);
        services.RemoveAll<TableServiceClient>();
        services.AddSingleton(new TableServiceClient(connectionString, options));
    };

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The app calls Table storage asynchronously.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await IsDirectoryTransactionAsync(message))
        {
            var number = Interlocked.Increment(ref _directoryTransactions);
            if (Before is { } before && before.Transaction == number)
            {
                await before.Action();
            }

            if (number == FailTransaction)
            {
                throw new RequestFailedException(503, "The server is busy (injected by the test).", "ServerBusy", null);
            }

            if (number >= DownFromTransaction)
            {
                _down = true;
            }
        }

        if (_down)
        {
            throw new RequestFailedException(503, "Storage is down (injected by the test).", "ServerBusy", null);
        }

        await ProcessNextAsync(message, pipeline);
    }

    private static async Task<bool> IsDirectoryTransactionAsync(HttpMessage message)
    {
        if (!message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal) || message.Request.Content is not { } content)
        {
            return false;
        }

        using var body = new MemoryStream();
        await content.WriteToAsync(body, CancellationToken.None);
        // Each action of a transaction names its table: "POST .../Directory HTTP/1.1", "PUT .../Directory(PartitionKey=...".
        return DirectoryAction().IsMatch(System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"/Directory[( ?]", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DirectoryAction();
}
