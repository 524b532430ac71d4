using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.UnitTests.Storage;

/// <summary>Table Storage refuses a transaction over 100 actions, across partitions, or over 4 MiB; Azurite takes all three.</summary>
public sealed class StorageTransactionTests
{
    /// <summary>A row about the size of an overview row near its bound: 60,000 characters of stored JSON, quotes included.</summary>
    private static TableEntity Row(int i, string text = "\"æ\"") => new("tenant", $"overview|unit-{i}")
    {
        ["Data"] = string.Concat(Enumerable.Repeat(text, 60_000 / text.Length)),
    };

    [Fact]
    public void Check_TransactionOverFourMebibytes_IsRefusedAsTheServiceWould()
    {
        // 100 rows of 60,000 characters: well under 100 actions, but a quote takes two bytes in the request and a
        // Norwegian letter six, so about 20 MB.
        var actions = Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(i))).ToList();

        var refused = Assert.Throws<ArgumentException>(() => StorageTransaction.Check(actions));
        Assert.Contains("4194304", refused.Message, StringComparison.Ordinal);
        StorageTransaction.Check([.. actions.Take(10)]);
    }

    [Fact]
    public void Batches_LargeRows_SplitUnderFourMebibytesEachAndKeepTheirOrder()
    {
        var rows = Enumerable.Range(0, 100).Select(i => Row(i)).ToList();

        var batches = StorageTransaction.Batches(rows, r => r).ToList();

        Assert.True(batches.Count > 1);
        Assert.Equal(rows, batches.SelectMany(b => b));
        Assert.All(batches, b => StorageTransaction.Check([.. b.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r))]));
    }

    [Fact]
    public void Batches_SmallRows_OfAHundredEach()
    {
        var rows = Enumerable.Range(0, 250).Select(i => Row(i, "a")).Select(r => new TableEntity(r.PartitionKey, r.RowKey) { ["Data"] = "kort" }).ToList();

        var batches = StorageTransaction.Batches(rows, r => r).ToList();

        Assert.Equal([100, 100, 50], batches.Select(b => b.Length));
    }
}
