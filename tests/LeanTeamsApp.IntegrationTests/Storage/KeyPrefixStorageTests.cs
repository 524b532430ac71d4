using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.IntegrationTests.Storage;

/// <summary>The prefix filter as the storage service runs it: exactly the rows that start with the prefix come back.</summary>
public sealed class KeyPrefixStorageTests
{
    private static readonly string[] Keys =
    [
        "p", "p|", "p|a", "p|ø", "p|\U0001F600", "p|\U0001F600x", "p|\uFFFF", "p}", "p{", "p|\uFFFFz", "o", "q",
        "æ", "æble", "ç", "å", "\U0001F600", "\U0001F601", "\uE000",
    ];

    [Theory]
    [InlineData("p|")]
    [InlineData("p|\U0001F600")]
    [InlineData("p|\uFFFF")]
    [InlineData("æ")]
    [InlineData("\U0001F600")]
    [InlineData("")]
    public async Task Filter_Prefix_ReturnsExactlyTheRowsThatStartWithIt(string prefix)
    {
        var (table, tenant) = await SeedAsync();

        var found = await QueryAsync(table, KeyPrefix.Filter(tenant, prefix));

        Assert.Equal(Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal), found);
    }

    [Fact]
    public async Task Filter_FromAPointThroughAPrefix_ReturnsTheRowsBetween()
    {
        var (table, tenant) = await SeedAsync();

        var found = await QueryAsync(table, KeyPrefix.Filter(tenant, "p|a", "p|"));

        Assert.Equal(["p|a", "p|ø", "p|\U0001F600", "p|\U0001F600x", "p|\uFFFF", "p|\uFFFFz"], found);
    }

    private static async Task<(TableClient Table, string Tenant)> SeedAsync()
    {
        var azurite = await Azurite.InstanceAsync();
        var table = new TableClient(azurite.ConnectionString, "KeyPrefixTests");
        await table.CreateIfNotExistsAsync();
        var tenant = TestTenants.New();
        // A neighbouring partition with the same keys must never show through.
        foreach (var partition in new[] { tenant, tenant + "x" })
        {
            await table.SubmitTransactionAsync(Keys.Select(k => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, k))));
        }

        return (table, tenant);
    }

    private static async Task<List<string>> QueryAsync(TableClient table, string filter)
    {
        var found = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"]))
        {
            found.Add(row.RowKey);
        }

        return [.. found.Order(StringComparer.Ordinal)];
    }
}
