using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>
/// The organisation's change history is an audit trail of who changed what: it names people, so it is kept as long as
/// the organisation keeps check-ins and their audit trail, counted from when the change was made. An entry's rows (the
/// organisation's and each unit's) carry the same time, so they go together.
/// </summary>
public sealed class OrganisationChangeRetention(StorageTables tables) : IRetainedRecords
{
    public string Name => "organisation change history";

    public async Task<int> DeleteBeforeAsync(string tenantId, DateOnly cutoff, CancellationToken cancellationToken)
    {
        var client = tables.Get(OrganisationChangeLog.Table);
        var old = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"), select: ["PartitionKey", "RowKey", "At"], cancellationToken: cancellationToken))
        {
            if (row.GetDateTimeOffset("At") is { } at && DateOnly.FromDateTime(at.UtcDateTime) < cutoff)
            {
                old.Add(row);
            }
        }

        return await RowDeletion.DeleteAsync(client, old, cancellationToken);
    }
}
