using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace LeanTeamsApp.Infrastructure.Storage;

/// <summary>
/// An entity-group transaction as Table Storage takes it: every action in one partition, at most 100 of them, and a
/// request of at most 4 MiB. Azurite takes more, mixed partitions and larger, so a transaction the real service would
/// refuse is refused here first, in tests.
/// </summary>
public static class StorageTransaction
{
    public const int MaxActions = 100;

    /// <summary>The largest request Table Storage takes for a transaction.</summary>
    public const long MaxPayloadBytes = 4L * 1024 * 1024;

    /// <summary>What each action adds to the request beside its properties: its part's headers, address and keys.</summary>
    private const int ActionEnvelopeBytes = 1024;

    /// <summary>
    /// <paramref name="items"/> in order, in batches that each make a transaction Table Storage takes: at most 100, and at
    /// most 4 MiB of their entities as the request carries them.
    /// </summary>
    public static IEnumerable<T[]> Batches<T>(IEnumerable<T> items, Func<T, ITableEntity> entityOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(entityOf);
        var batch = new List<T>();
        var bytes = 0L;
        foreach (var item in items)
        {
            var size = BytesOf(entityOf(item));
            if (batch.Count > 0 && (batch.Count == MaxActions || bytes + size > MaxPayloadBytes))
            {
                yield return [.. batch];
                batch.Clear();
                bytes = 0;
            }

            batch.Add(item);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return [.. batch];
        }
    }

    public static async Task<Response<IReadOnlyList<Response>>> SubmitAsync(
        TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        Check(actions);
        return await table.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <summary>Throws when <paramref name="actions"/> is empty, holds more than 100 actions or spans partitions.</summary>
    public static void Check(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxActions)
        {
            throw new ArgumentException($"A table transaction holds 1 to {MaxActions} actions, not {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        if (actions.Any(a => !string.Equals(a.Entity.PartitionKey, partition, StringComparison.Ordinal)))
        {
            throw new ArgumentException("A table transaction must stay in one partition.", nameof(actions));
        }

        var bytes = actions.Sum(a => BytesOf(a.Entity));
        if (bytes > MaxPayloadBytes)
        {
            throw new ArgumentException($"A table transaction's request holds at most {MaxPayloadBytes} bytes, not about {bytes}.", nameof(actions));
        }
    }

    /// <summary>
    /// About how many bytes an entity takes in a transaction's request: its properties as JSON escapes them (a quote in a
    /// stored JSON document takes two, a Norwegian letter six), and the action's envelope.
    /// </summary>
    private static long BytesOf(ITableEntity entity)
    {
        var bytes = (long)ActionEnvelopeBytes + Escaped(entity.PartitionKey) + Escaped(entity.RowKey);
        if (entity is TableEntity properties)
        {
            foreach (var (name, value) in properties)
            {
                bytes += Escaped(name) + 8 + value switch
                {
                    string text => Escaped(text),
                    byte[] binary => (binary.Length + 2) / 3 * 4,
                    _ => 48,
                };
            }
        }

        return bytes;
    }

    private static long Escaped(string? text) => text is null ? 0 : JsonEncodedText.Encode(text).EncodedUtf8Bytes.Length;
}
