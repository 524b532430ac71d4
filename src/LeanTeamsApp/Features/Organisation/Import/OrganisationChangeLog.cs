using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>One applied change to the organisation: who made it, when, from which file, and what it changed.</summary>
public sealed record OrganisationChangeEntry(string Id, DateTimeOffset At, string By, string ByName, string FileName, IReadOnlyList<ImportChange> Changes, int LeftOut);

/// <summary>
/// Every applied organisation change (an import from the tab or the command line): one entry per change for the
/// organisation's list, and one per unit, service area or person it touched, so a unit's history is one prefix read.
/// Rows are per tenant; the row key leads with inverted ticks, newest first. An entry keeps at most
/// <see cref="MaxLines"/> lines (a property holds 32K characters); the rest are counted (a unit's own rows hold its
/// lines, of which a unit has fewer than that).
/// </summary>
public sealed class OrganisationChangeLog(StorageTables tables)
{
    public const string Table = "OrganisationChanges";

    // A line is at most about 820 characters (a 254-character e-mail as id, three values of 150): 30 fit in a property.
    public const int MaxLines = 30;

    private const string OrganisationPrefix = "all|";

    // Azure refuses a batch over 100 actions; every row here is in the tenant's partition.
    private const int BatchSize = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Rows => tables.Get(Table);

    public async Task RecordAsync(ImportPlan plan, string by, string byName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var changes = plan.Changes.Where(c => c.Kind != ImportChangeKind.Note).ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var id = Guid.NewGuid().ToString("N");
        var time = (DateTimeOffset.MaxValue.Ticks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var rows = new List<TableEntity> { Row(plan.TenantId, $"{OrganisationPrefix}{time}|{id}", id, at, by, byName, plan.FileName, changes) };
        foreach (var subject in changes.Where(c => c.Subject is ImportSubject.Unit or ImportSubject.ServiceArea or ImportSubject.Person).GroupBy(c => (c.Subject, c.Id)))
        {
            rows.Add(Row(plan.TenantId, $"{SubjectPrefix(subject.Key.Subject, subject.Key.Id)}{time}|{id}", id, at, by, byName, plan.FileName, [.. subject]));
        }

        foreach (var batch in rows.Chunk(BatchSize))
        {
            await Rows.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
        }
    }

    /// <summary>The organisation's latest changes, newest first.</summary>
    public Task<IReadOnlyList<OrganisationChangeEntry>> ListAsync(string tenantId, int most, CancellationToken cancellationToken) =>
        ReadAsync(tenantId, OrganisationPrefix, most, cancellationToken);

    /// <summary>One unit's changes, newest first.</summary>
    public Task<IReadOnlyList<OrganisationChangeEntry>> ListForUnitAsync(string tenantId, string unitId, int most, CancellationToken cancellationToken) =>
        ReadAsync(tenantId, SubjectPrefix(ImportSubject.Unit, unitId), most, cancellationToken);

    private static string SubjectPrefix(ImportSubject subject, string id) => $"{subject.ToString().ToLowerInvariant()}|{id}|";

    private async Task<IReadOnlyList<OrganisationChangeEntry>> ReadAsync(string tenantId, string prefix, int most, CancellationToken cancellationToken)
    {
        var entries = new List<OrganisationChangeEntry>();
        await foreach (var row in Rows.QueryAsync<TableEntity>(KeyPrefix.Filter(tenantId, prefix), maxPerPage: Math.Min(most, 1000), cancellationToken: cancellationToken))
        {
            entries.Add(new OrganisationChangeEntry(
                row.GetString("ChangeId") ?? "",
                row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                row.GetString("By") ?? "",
                row.GetString("ByName") ?? "",
                row.GetString("FileName") ?? "",
                JsonSerializer.Deserialize<List<ImportChange>>(row.GetString("Changes") ?? "[]", Json) ?? [],
                row.GetInt32("LeftOut") ?? 0));
            if (entries.Count == most)
            {
                break;
            }
        }

        return entries;
    }

    private static TableEntity Row(string tenantId, string rowKey, string id, DateTimeOffset at, string by, string byName, string fileName, List<ImportChange> changes)
    {
        var kept = changes.Take(MaxLines).Select(Bounded).ToList();
        return new TableEntity(tenantId, rowKey)
        {
            ["ChangeId"] = id,
            ["At"] = at,
            ["By"] = by,
            ["ByName"] = byName,
            ["FileName"] = fileName,
            ["Changes"] = JsonSerializer.Serialize(kept, Json),
            ["LeftOut"] = changes.Count - kept.Count,
        };
    }

    /// <summary>A value is at most a name or a list of goals, but bounded here so that <see cref="MaxLines"/> lines always fit in a property.</summary>
    private static ImportChange Bounded(ImportChange change)
    {
        static string? Cut(string? text) => text is { Length: > 150 } ? string.Concat(text.AsSpan(0, 149), "…") : text;
        return change with { Before = Cut(change.Before), After = Cut(change.After), Note = Cut(change.Note) };
    }
}
