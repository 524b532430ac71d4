using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Reviews;

public enum RecordOutcome
{
    Recorded,

    /// <summary>The appointment was recorded already (a double click, Teams retrying, a second person): nothing changed.</summary>
    AlreadyRecorded,
}

public enum CloseOutcome
{
    Closed,

    /// <summary>It was closed already: a double click, or someone else closed it first.</summary>
    AlreadyClosed,

    NotFound,
}

/// <summary>
/// Records of held appointments and their follow-up areas, in one table partitioned by tenant:
/// <list type="bullet">
/// <item>`rec|year|appointmentId`: the record (the appointment's id is unique within its year, as in the year wheel);</item>
/// <item>`fu|unit|id`: every follow-up area of a unit, open and closed, one range scan per unit;</item>
/// <item>`open|yyyyMMdd|unit|id`: a copy of each open follow-up area keyed by deadline, so the tenant's open ones
/// are one range scan, already in deadline order, that does not grow with the years of closed ones.</item>
/// </list>
/// A record and its follow-up areas are written in one transaction (one partition), so a record is stored whole or
/// not at all; closing updates the area and removes its open copy together.
/// </summary>
public sealed class ReviewStore(StorageTables tables)
{
    internal const string Table = "Reviews";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private TableClient Client => tables.Get(Table);

    public async Task<ReviewRecord?> GetRecordAsync(string tenantId, int year, string appointmentId, CancellationToken cancellationToken)
    {
        var row = await Client.GetEntityIfExistsAsync<TableEntity>(tenantId, RecordKey(year, appointmentId), cancellationToken: cancellationToken);
        return row.HasValue ? ReadRecord(row.Value!) : null;
    }

    /// <summary>
    /// Stores the record with its follow-up areas unless the appointment has a record already; returns what is
    /// stored. Two submits at once both try; the store lets one in and the other gets the stored record.
    /// </summary>
    public async Task<(RecordOutcome Outcome, ReviewRecord Stored)> RecordAsync(
        string tenantId, ReviewRecord record, IReadOnlyList<FollowUpArea> followUps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(followUps);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, RecordRow(tenantId, record)) };
        foreach (var area in followUps)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, AreaRow(tenantId, area)));
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, OpenRow(tenantId, area)));
        }

        try
        {
            // At most 1 + 2 x 5 rows: well inside a transaction's 100.
            var response = await Client.SubmitTransactionAsync(actions, cancellationToken);
            return (RecordOutcome.Recorded, record with { ETag = response.Value[0].Headers.ETag?.ToString() });
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            var stored = await GetRecordAsync(tenantId, record.Year, record.AppointmentId, cancellationToken);
            if (stored is null)
            {
                // Not the record row that exists: a follow-up id clashed, which the ids are built never to do.
                throw;
            }

            return (RecordOutcome.AlreadyRecorded, stored);
        }
    }

    /// <summary>
    /// Adds one follow-up area with its open copy, unless one with its id exists; returns what is stored and whether it
    /// was new. Ids made from what the area came from make a repeated or concurrent add one area.
    /// </summary>
    public async Task<(bool Added, FollowUpArea Stored)> AddFollowUpAsync(string tenantId, FollowUpArea area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        try
        {
            var response = await Client.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, AreaRow(tenantId, area)),
                    new TableTransactionAction(TableTransactionActionType.Add, OpenRow(tenantId, area)),
                ],
                cancellationToken);
            return (true, area with { ETag = response.Value[0].Headers.ETag?.ToString() });
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return (false, (await GetFollowUpAsync(tenantId, area.UnitId, area.Id, cancellationToken))!);
        }
    }

    /// <summary>Takes back a follow-up area just added, with its open copy, when what it was made from went another way meanwhile.</summary>
    public async Task RemoveFollowUpAsync(string tenantId, FollowUpArea area, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        try
        {
            await Client.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(tenantId, AreaKey(area.UnitId, area.Id)), ETag.All),
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(tenantId, OpenKey(area)), ETag.All),
                ],
                cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            // Taken back already by the other of two promotions that raced the same deviation.
        }
    }

    public async Task<FollowUpArea?> GetFollowUpAsync(string tenantId, string unitId, string id, CancellationToken cancellationToken)
    {
        var row = await Client.GetEntityIfExistsAsync<TableEntity>(tenantId, AreaKey(unitId, id), cancellationToken: cancellationToken);
        return row.HasValue ? ReadArea(row.Value!) : null;
    }

    /// <summary>Every follow-up area of a unit, open and closed.</summary>
    public Task<IReadOnlyList<FollowUpArea>> ListFollowUpsAsync(string tenantId, string unitId, CancellationToken cancellationToken) =>
        ListAreasAsync(tenantId, $"fu|{unitId}|", copies: false, cancellationToken);

    /// <summary>Every follow-up area of the tenant, open and closed, for the reports.</summary>
    public Task<IReadOnlyList<FollowUpArea>> ListAllFollowUpsAsync(string tenantId, CancellationToken cancellationToken) =>
        ListAreasAsync(tenantId, "fu|", copies: false, cancellationToken);

    /// <summary>
    /// The tenant's open follow-up areas, earliest deadline first. They are read from the open copies, whose ETags
    /// are not the areas': these come without one (closing reads the area itself).
    /// </summary>
    public Task<IReadOnlyList<FollowUpArea>> ListOpenFollowUpsAsync(string tenantId, CancellationToken cancellationToken) =>
        ListAreasAsync(tenantId, "open|", copies: true, cancellationToken);

    /// <summary>
    /// Closes an open follow-up area, guarded by the ETag it was read with: of two clicks at once one closes it and
    /// the other finds it closed.
    /// </summary>
    public async Task<(CloseOutcome Outcome, FollowUpArea? Current)> CloseFollowUpAsync(
        string tenantId, string unitId, string id, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetFollowUpAsync(tenantId, unitId, id, cancellationToken);
            if (current is null)
            {
                return (CloseOutcome.NotFound, null);
            }

            if (current.Status == FollowUpStatus.Closed)
            {
                return (CloseOutcome.AlreadyClosed, current);
            }

            var closed = current with { Status = FollowUpStatus.Closed, ClosedBy = by, ClosedAt = at, ETag = null };
            try
            {
                var response = await Client.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.UpdateReplace, AreaRow(tenantId, closed), new ETag(current.ETag!)),
                        new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(tenantId, OpenKey(current)), ETag.All),
                    ],
                    cancellationToken);
                return (CloseOutcome.Closed, closed with { ETag = response.Value[0].Headers.ETag?.ToString() });
            }
            catch (TableTransactionFailedException e) when (e.Status is 412 or 404 && attempt < 3)
            {
                // Someone closed it meanwhile: read again and answer from what is there now.
            }
        }
    }

    private async Task<IReadOnlyList<FollowUpArea>> ListAreasAsync(string tenantId, string prefix, bool copies, CancellationToken cancellationToken)
    {
        var filter = KeyPrefix.Filter(tenantId, prefix);
        var found = new List<FollowUpArea>();
        await foreach (var row in Client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var area = ReadArea(row);
            found.Add(copies ? area with { ETag = null } : area);
        }

        return found;
    }

    private static string RecordKey(int year, string appointmentId) => string.Create(CultureInfo.InvariantCulture, $"rec|{year:D4}|{appointmentId}");

    private static string AreaKey(string unitId, string id) => $"fu|{unitId}|{id}";

    private static string OpenKey(FollowUpArea area) => string.Create(CultureInfo.InvariantCulture, $"open|{area.Deadline:yyyyMMdd}|{area.UnitId}|{area.Id}");

    private static TableEntity RecordRow(string tenantId, ReviewRecord record) => new(tenantId, RecordKey(record.Year, record.AppointmentId))
    {
        ["Data"] = JsonSerializer.Serialize(record with { ETag = null }, Json),
        ["UnitId"] = record.UnitId,
    };

    private static TableEntity AreaRow(string tenantId, FollowUpArea area) => Row(tenantId, AreaKey(area.UnitId, area.Id), area);

    private static TableEntity OpenRow(string tenantId, FollowUpArea area) => Row(tenantId, OpenKey(area), area);

    private static TableEntity Row(string tenantId, string key, FollowUpArea area) => new(tenantId, key)
    {
        ["Data"] = JsonSerializer.Serialize(area with { ETag = null }, Json),
        ["UnitId"] = area.UnitId,
        ["State"] = area.Status.ToString(),
    };

    private static ReviewRecord ReadRecord(TableEntity row) =>
        JsonSerializer.Deserialize<ReviewRecord>(row.GetString("Data"), Json)! with { ETag = row.ETag.ToString() };

    private static FollowUpArea ReadArea(TableEntity row) =>
        JsonSerializer.Deserialize<FollowUpArea>(row.GetString("Data"), Json)! with { ETag = row.ETag.ToString() };
}
