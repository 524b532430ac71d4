using Azure;
using Azure.Data.Tables;

namespace LeanTeamsApp.Infrastructure.Storage;

/// <summary>
/// An entity-group transaction as Table Storage takes it: every action in one partition, at most 100 of them. Azurite
/// takes more and mixed partitions, so a transaction the real service would refuse is refused here first, in tests.
/// </summary>
public static class StorageTransaction
{
    public const int MaxActions = 100;

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
    }
}
