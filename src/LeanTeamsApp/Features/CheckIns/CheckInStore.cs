using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.CheckIns;

public enum SubmitOutcome
{
    Stored,

    /// <summary>The same answers were stored already (a double click, or Teams retrying): nothing changed.</summary>
    AlreadyStored,

    /// <summary>Different answers exist for this meeting: changing them is a correction, made with "Edit".</summary>
    DifferentAnswersExist,

    /// <summary>Someone corrected it in between (ETag mismatch): nothing was overwritten.</summary>
    Conflict,
}

/// <summary>
/// Check-ins in a table partitioned by tenant, one row per unit and meeting under a key built from both, so a
/// double submit or Teams' retry of the same invoke can never create a second. A correction replaces the row with
/// its ETag and keeps the previous version as an audit row, in one transaction.
/// </summary>
public sealed class CheckInStore(StorageTables tables)
{
    internal const string Table = "CheckIns";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Client => tables.Get(Table);

    public async Task<CheckIn?> GetAsync(string tenantId, string unitId, DateOnly meetingDate, CancellationToken cancellationToken)
    {
        var row = await Client.GetEntityIfExistsAsync<TableEntity>(tenantId, Key(unitId, meetingDate), cancellationToken: cancellationToken);
        return row.HasValue ? ToCheckIn(row.Value!) : null;
    }

    public async Task<(SubmitOutcome Outcome, CheckIn Stored)> SubmitAsync(string tenantId, CheckIn checkIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        try
        {
            var response = await Client.AddEntityAsync(ToRow(tenantId, checkIn), cancellationToken);
            return (SubmitOutcome.Stored, checkIn with { ETag = response.Headers.ETag?.ToString() });
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await GetAsync(tenantId, checkIn.UnitId, checkIn.MeetingDate, cancellationToken);
            return existing!.SameAnswersAs(checkIn)
                ? (SubmitOutcome.AlreadyStored, existing)
                : (SubmitOutcome.DifferentAnswersExist, existing);
        }
    }

    /// <summary>
    /// Replaces the check-in read with <paramref name="expectedETag"/>, keeping that version in the audit trail. The
    /// correction shows the improvements where the version it corrects moved them; what it moves comes on top.
    /// </summary>
    public async Task<(SubmitOutcome Outcome, CheckIn? Stored)> CorrectAsync(string tenantId, CheckIn correction, string expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var previous = await GetAsync(tenantId, correction.UnitId, correction.MeetingDate, cancellationToken);
        if (previous is null || previous.ETag != expectedETag)
        {
            return (SubmitOutcome.Conflict, previous);
        }

        correction = correction with { ImprovementMoves = [.. previous.ImprovementMoves.Where(m => correction.ImprovementMoves.All(n => n.ImprovementId != m.ImprovementId)), .. correction.ImprovementMoves] };

        if (previous.SameAnswersAs(correction))
        {
            return (SubmitOutcome.AlreadyStored, previous);
        }

        var revised = correction with { Revision = previous.Revision + 1 };
        var audit = ToRow(tenantId, previous);
        audit.RowKey = AuditKey(previous.UnitId, previous.MeetingDate, previous.Revision);
        try
        {
            var response = await Client.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToRow(tenantId, revised), new ETag(expectedETag)),
                    new TableTransactionAction(TableTransactionActionType.Add, audit),
                ],
                cancellationToken);
            return (SubmitOutcome.Stored, revised with { ETag = response.Value[0].Headers.ETag?.ToString() });
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return (SubmitOutcome.Conflict, await GetAsync(tenantId, correction.UnitId, correction.MeetingDate, cancellationToken));
        }
    }

    /// <summary>The unit's check-ins for meetings on or after <paramref name="from"/>, by meeting date.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, CheckIn>> ListSinceAsync(string tenantId, string unitId, DateOnly from, CancellationToken cancellationToken)
    {
        var prefix = $"checkin|{unitId}|";
        var filter = KeyPrefix.Filter(tenantId, prefix + Date(from), prefix);
        var found = new Dictionary<DateOnly, CheckIn>();
        await foreach (var row in Client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var checkIn = ToCheckIn(row);
            found[checkIn.MeetingDate] = checkIn;
        }

        return found;
    }

    /// <summary>Earlier versions of a check-in, oldest first.</summary>
    public async Task<IReadOnlyList<CheckIn>> HistoryAsync(string tenantId, string unitId, DateOnly meetingDate, CancellationToken cancellationToken)
    {
        var prefix = $"audit|{unitId}|{Date(meetingDate)}|";
        var filter = KeyPrefix.Filter(tenantId, prefix);
        var versions = new List<CheckIn>();
        await foreach (var row in Client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            versions.Add(ToCheckIn(row));
        }

        return versions;
    }

    /// <summary>The characters the check-in takes as stored: Table Storage holds at most 32K in one property.</summary>
    internal static int StoredLength(CheckIn checkIn) => JsonSerializer.Serialize(checkIn with { ETag = null }, Json).Length;

    private static string Key(string unitId, DateOnly date) => $"checkin|{unitId}|{Date(date)}";

    private static string AuditKey(string unitId, DateOnly date, int revision) =>
        $"audit|{unitId}|{Date(date)}|{revision.ToString("D4", CultureInfo.InvariantCulture)}";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TableEntity ToRow(string tenantId, CheckIn checkIn) => new(tenantId, Key(checkIn.UnitId, checkIn.MeetingDate))
    {
        // The whole record as JSON keeps the row one property wide; the few columns beside it are for queries.
        ["Data"] = JsonSerializer.Serialize(checkIn with { ETag = null }, Json),
        ["UnitId"] = checkIn.UnitId,
        ["MeetingDate"] = Date(checkIn.MeetingDate),
        ["MeetingHeld"] = checkIn.MeetingHeld,
        ["Revision"] = checkIn.Revision,
        ["SubmittedAt"] = checkIn.SubmittedAt,
    };

    private static CheckIn ToCheckIn(TableEntity row) =>
        JsonSerializer.Deserialize<CheckIn>(row.GetString("Data"), Json)! with { ETag = row.ETag.ToString() };
}
