using System.Globalization;
using Azure;
using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.ActionPlan;

public enum ActionStatus
{
    NotStarted,
    InProgress,
    Done,
}

/// <summary>One row of the action plan (handlingsplan): a challenge, the measures against it, who, by when, and how far.</summary>
public sealed record ActionRow(string Id, string Challenge, string Measures, string Responsible, DateOnly Deadline, ActionStatus Status)
{
    public string? ETag { get; init; }
}

public enum ActionWrite
{
    Written,
    NotFound,

    /// <summary>Someone changed the row since it was read (ETag): nothing was overwritten.</summary>
    Conflict,
}

/// <summary>The organisation's action plan, one row per entry in a table partitioned by tenant, ordered by when added.</summary>
public sealed class ActionPlanStore(StorageTables tables, TimeProvider time)
{
    internal const string Table = "ActionPlan";

    private TableClient Client => tables.Get(Table);

    public async Task<IReadOnlyList<ActionRow>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var rows = new List<ActionRow>();
        await foreach (var row in Client.QueryAsync<TableEntity>(e => e.PartitionKey == tenantId, cancellationToken: cancellationToken))
        {
            rows.Add(Read(row));
        }

        return rows;
    }

    public async Task<ActionRow> AddAsync(string tenantId, ActionRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        // Ticks first keep the plan in the order rows were added; the random tail keeps two adds in one tick apart.
        var id = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow().UtcTicks:D19}-{Guid.NewGuid():N}")[..28];
        var stored = row with { Id = id };
        var response = await Client.AddEntityAsync(Write(tenantId, stored), cancellationToken);
        return stored with { ETag = response.Headers.ETag?.ToString() };
    }

    public async Task<(ActionWrite Outcome, ActionRow? Row)> UpdateAsync(string tenantId, ActionRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            var response = await Client.UpdateEntityAsync(Write(tenantId, row), new ETag(row.ETag ?? "*"), TableUpdateMode.Replace, cancellationToken);
            return (ActionWrite.Written, row with { ETag = response.Headers.ETag?.ToString() });
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (ActionWrite.NotFound, null);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            var current = await Client.GetEntityIfExistsAsync<TableEntity>(tenantId, row.Id, cancellationToken: cancellationToken);
            return (ActionWrite.Conflict, current.HasValue ? Read(current.Value!) : null);
        }
    }

    public async Task<bool> DeleteAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        try
        {
            await Client.DeleteEntityAsync(tenantId, id, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    private static TableEntity Write(string tenantId, ActionRow row) => new(tenantId, row.Id)
    {
        ["Challenge"] = row.Challenge,
        ["Measures"] = row.Measures,
        ["Responsible"] = row.Responsible,
        ["Deadline"] = row.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Status"] = row.Status.ToString(),
    };

    private static ActionRow Read(TableEntity e) => new(
        e.RowKey,
        e.GetString("Challenge"),
        e.GetString("Measures"),
        e.GetString("Responsible"),
        DateOnly.ParseExact(e.GetString("Deadline"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum.Parse<ActionStatus>(e.GetString("Status")))
    {
        ETag = e.ETag.ToString(),
    };
}
