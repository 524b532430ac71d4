using System.Globalization;
using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.CheckIns;

/// <summary>
/// Check-ins and their audit trail (earlier versions of a corrected check-in) are kept as long as the organisation
/// says, counted from the board meeting they are about; the meeting date is in both kinds of key.
/// </summary>
public sealed class CheckInRetention(StorageTables tables) : IRetainedRecords
{
    private static readonly string[] Prefixes = ["checkin|", "audit|"];

    public string Name => "check-ins and their audit trail";

    public async Task<int> DeleteBeforeAsync(string tenantId, DateOnly cutoff, CancellationToken cancellationToken)
    {
        var client = tables.Get(CheckInStore.Table);
        var old = new List<TableEntity>();
        foreach (var prefix in Prefixes)
        {
            await foreach (var row in client.QueryAsync<TableEntity>(KeyPrefix.Filter(tenantId, prefix), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                if (MeetingDate(row.RowKey) is { } date && date < cutoff)
                {
                    old.Add(row);
                }
            }
        }

        return await RowDeletion.DeleteAsync(client, old, cancellationToken);
    }

    // checkin|{unit}|{yyyy-MM-dd} and audit|{unit}|{yyyy-MM-dd}|{revision}
    private static DateOnly? MeetingDate(string rowKey)
    {
        var parts = rowKey.Split('|');
        return parts.Length >= 3 && DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }
}
