using System.Globalization;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;

namespace LeanTeamsApp.IntegrationTests.Support;

/// <summary>
/// A tenant's Directory partition as content (keys and typed property values; not ETags or timestamps, which a
/// restored row gets anew), read straight from Azurite past the app, so that "nothing changed" is checked on what is
/// stored, not on what the app says.
/// </summary>
public static class DirectoryContent
{
    public static async Task<SortedDictionary<string, string>> ReadAsync(string tenantId)
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in (await TableAsync(OrganisationStore.DirectoryTable)).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}")))
        {
            rows[row.RowKey] = string.Join("; ", row
                .Where(p => p.Value is not null && p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value!.GetType().Name}:{p.Value}")));
        }

        return rows;
    }

    /// <summary>Rows of the tenant's import journal: none once an import has finished or been rolled back.</summary>
    public static async Task<List<TableEntity>> JournalAsync(string tenantId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in (await TableAsync(ImportJournal.JournalTable)).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static async Task<TableClient> TableAsync(string name) =>
        new TableServiceClient((await Azurite.InstanceAsync()).ConnectionString).GetTableClient(name);

    /// <summary>The lines where two contents differ, for an assertion message that says what changed.</summary>
    public static string Difference(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual) => string.Join("\n", expected.Keys.Union(actual.Keys)
        .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
        .Take(10)
        .Select(k => $"{k}: {expected.GetValueOrDefault(k) ?? "(absent)"} => {actual.GetValueOrDefault(k) ?? "(absent)"}"));
}
