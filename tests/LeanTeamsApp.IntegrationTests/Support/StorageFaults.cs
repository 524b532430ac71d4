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
/// just before one (a concurrent edit, a cancellation). It can also refuse the writes to one table, its transactions or
/// its single-entity writes, while its reads go through, and run a callback once before the next write to it.
/// Everything else goes through untouched.
/// </summary>
public sealed partial class StorageFaults : HttpPipelinePolicy
{
    private int _directoryTransactions;
    private int _refusedTransactions;
    private int _refusedEntityWrites;
    private readonly Lock _gate = new();
    private volatile bool _down;

    /// <summary>Directory transactions sent so far (a failed one included).</summary>
    public int DirectoryTransactions => Volatile.Read(ref _directoryTransactions);

    /// <summary>The number of the one Directory transaction to fail, counting from the first sent.</summary>
    public int? FailTransaction { get; set; }

    /// <summary>From this Directory transaction on, every request of any kind fails until <see cref="Heal"/>.</summary>
    public int? DownFromTransaction { get; set; }

    /// <summary>Runs before the Directory transaction with this number is sent.</summary>
    public (int Transaction, Func<Task> Action)? Before { get; set; }

    /// <summary>Every transaction with an action on this table fails (503 Server Busy) until <see cref="Heal"/>.</summary>
    public string? RefuseTransactionsTo { get; set; }

    /// <summary>Every insert, update, merge or delete of one entity of this table fails (503 Server Busy) until <see cref="Heal"/>.</summary>
    public string? RefuseEntityWritesTo { get; set; }

    /// <summary>Transactions refused by <see cref="RefuseTransactionsTo"/> so far.</summary>
    public int RefusedTransactions => Volatile.Read(ref _refusedTransactions);

    /// <summary>Single-entity writes refused by <see cref="RefuseEntityWritesTo"/> so far.</summary>
    public int RefusedEntityWrites => Volatile.Read(ref _refusedEntityWrites);

    /// <summary>
    /// Runs once, before the next write to the table (a transaction or a single entity's) is sent or refused: a concurrent
    /// edit between a read and its write. Writes the callback makes itself go through as any other.
    /// </summary>
    public (string Table, Func<Task> Action)? BeforeWrite { get; set; }

    public void Heal()
    {
        _down = false;
        DownFromTransaction = null;
        FailTransaction = null;
        RefuseTransactionsTo = null;
        RefuseEntityWritesTo = null;
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

        await RefuseWriteAsync(message);
        await ProcessNextAsync(message, pipeline);
    }

    /// <summary>Runs <see cref="BeforeWrite"/> and refuses the write as asked, if <paramref name="message"/> writes to their table.</summary>
    private async Task RefuseWriteAsync(HttpMessage message)
    {
        if (message.Request.Method == RequestMethod.Get || (BeforeWrite is null && RefuseTransactionsTo is null && RefuseEntityWritesTo is null))
        {
            return;
        }

        var transaction = message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal);
        var body = transaction ? await BodyAsync(message) : "";
        bool WritesTo(string table) => transaction ? NamesTable(body, table) : IsEntityOf(message.Request.Uri.Path, table);
        Func<Task>? action = null;
        lock (_gate)
        {
            if (BeforeWrite is { } before && WritesTo(before.Table))
            {
                (action, BeforeWrite) = (before.Action, null);
            }
        }

        if (action is not null)
        {
            await action();
        }

        if (transaction && RefuseTransactionsTo is { } refusedTable && WritesTo(refusedTable))
        {
            Interlocked.Increment(ref _refusedTransactions);
            throw new RequestFailedException(503, "The server is busy (injected by the test).", "ServerBusy", null);
        }

        if (!transaction && RefuseEntityWritesTo is { } refusedEntities && WritesTo(refusedEntities))
        {
            Interlocked.Increment(ref _refusedEntityWrites);
            throw new RequestFailedException(503, "The server is busy (injected by the test).", "ServerBusy", null);
        }
    }

    /// <summary>Whether a transaction's body has an action on <paramref name="table"/> ("POST .../UnitWeeks HTTP/1.1", "PUT .../UnitWeeks(PartitionKey=...").</summary>
    private static bool NamesTable(string body, string table) =>
        body.Contains($"/{table} ", StringComparison.Ordinal) || body.Contains($"/{table}(", StringComparison.Ordinal) || body.Contains($"/{table}?", StringComparison.Ordinal);

    /// <summary>Whether a request's path is <paramref name="table"/>'s (an insert) or one of its entities' (an update, merge or delete).</summary>
    private static bool IsEntityOf(string path, string table)
    {
        var last = path[(path.LastIndexOf('/') + 1)..];
        return string.Equals(last, table, StringComparison.Ordinal) || last.StartsWith(table + "(", StringComparison.Ordinal);
    }

    private static async Task<string> BodyAsync(HttpMessage message)
    {
        if (message.Request.Content is not { } content)
        {
            return "";
        }

        using var body = new MemoryStream();
        await content.WriteToAsync(body, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(body.ToArray());
    }

    private static async Task<bool> IsDirectoryTransactionAsync(HttpMessage message)
    {
        if (!message.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            return false;
        }

        // Each action of a transaction names its table: "POST .../Directory HTTP/1.1", "PUT .../Directory(PartitionKey=...".
        return DirectoryAction().IsMatch(await BodyAsync(message));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"/Directory[( ?]", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DirectoryAction();
}
