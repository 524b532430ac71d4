using Azure.Data.Tables;

namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>
/// Azure Table Storage's limits, enforced here because Azurite does not enforce them: a test run against the emulator
/// would pass with rows that the real service refuses halfway through an import.
/// </summary>
internal static class TableLimits
{
    /// <summary>An entity-group transaction: one partition, at most 100 actions.</summary>
    public const int MaxActionsPerTransaction = 100;

    /// <summary>A transaction's request: at most 4 MiB. Kept to half, since the size below is an estimate.</summary>
    public const int MaxTransactionBytes = 2 * 1024 * 1024;

    /// <summary>A string property: 64 KiB of UTF-16, that is 32K characters.</summary>
    public const int MaxPropertyChars = 32 * 1024;

    /// <summary>An entity: 1 MiB, keys and property names included.</summary>
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>The entity's size as the service counts it (UTF-16 strings, 8 bytes of overhead per property).</summary>
    public static long SizeOf(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2L);
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" || value is null)
            {
                continue;
            }

            size += 8 + (name.Length * 2L) + value switch
            {
                string s => 4 + (s.Length * 2L),
                byte[] b => 4 + b.Length,
                BinaryData d => 4 + d.ToMemory().Length,
                bool => 1,
                int => 4,
                Guid => 16,
                _ => 8,
            };
        }

        return size;
    }

    /// <summary>
    /// The row's size; throws when the real service would refuse the row: a bug in whatever built it, not bad input.
    /// </summary>
    public static long Check(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        foreach (var (name, value) in entity)
        {
            if (value is string { Length: > MaxPropertyChars } text)
            {
                throw new InvalidOperationException($"Row {entity.RowKey}: property {name} has {text.Length} characters; Table Storage takes at most {MaxPropertyChars}.");
            }
        }

        var size = SizeOf(entity);
        return size <= MaxEntityBytes ? size : throw new InvalidOperationException($"Row {entity.RowKey} is {size} bytes; Table Storage takes at most {MaxEntityBytes}.");
    }
}
