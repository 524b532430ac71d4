using System.Buffers;
using System.Text;
using Azure.Data.Tables;

namespace LeanTeamsApp.Infrastructure.Storage;

/// <summary>
/// Row-key prefix queries, the one way stores read a range of a partition. Table Storage has no "starts with": a
/// prefix is the range from the prefix itself up to the least key above every key that starts with it.
/// </summary>
public static class KeyPrefix
{
    /// <summary>The rows of <paramref name="partitionKey"/> whose row key starts with <paramref name="prefix"/>.</summary>
    public static string Filter(string partitionKey, string prefix) => Filter(partitionKey, prefix, prefix);

    /// <summary>
    /// The rows of <paramref name="partitionKey"/> from <paramref name="from"/> (itself included) to the last row key
    /// that starts with <paramref name="through"/>: a prefix read from a point on, or a run of several prefixes.
    /// </summary>
    public static string Filter(string partitionKey, string from, string through)
    {
        ArgumentNullException.ThrowIfNull(from);
        return End(through) is { } end
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey lt {end}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from}");
    }

    /// <summary>
    /// The least well-formed string above every string that starts with <paramref name="prefix"/>, in the order of
    /// UTF-16 code units (as Table Storage, Azurite and <see cref="StringComparer.Ordinal"/> sort keys); null when
    /// there is none (an empty prefix, or one of only U+FFFF), so the range has no upper end. The end never holds
    /// half a surrogate pair, which could not be sent in a query.
    /// </summary>
    public static string? End(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!IsWellFormed(prefix))
        {
            throw new ArgumentException("A key prefix must not hold half a surrogate pair.", nameof(prefix));
        }

        // U+FFFF is the last code unit: nothing follows it, so the end lies after the character before it.
        var head = prefix.TrimEnd(char.MaxValue);
        if (head.Length == 0)
        {
            return null;
        }

        var last = head[^1];
        if (char.IsLowSurrogate(last))
        {
            var high = head[^2];
            return last < '\uDFFF'
                ? string.Concat(head.AsSpan(0, head.Length - 1), [(char)(last + 1)])
                // The last pair of its high surrogate: the next high one with the first low one, or after all pairs.
                : high < '\uDBFF'
                    ? string.Concat(head.AsSpan(0, head.Length - 2), [(char)(high + 1), '\uDC00'])
                    : string.Concat(head.AsSpan(0, head.Length - 2), "\uE000");
        }

        // After U+D7FF come the surrogate pairs, the first of which begins the next well-formed range.
        return last == '\uD7FF'
            ? string.Concat(head.AsSpan(0, head.Length - 1), "\uD800\uDC00")
            : string.Concat(head.AsSpan(0, head.Length - 1), [(char)(last + 1)]);
    }

    private static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(text, out _, out var used) != OperationStatus.Done)
            {
                return false;
            }

            text = text[used..];
        }

        return true;
    }
}
