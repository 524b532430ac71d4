using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>One applied change to the organisation: who made it, when, from which file, and what it changed.</summary>
public sealed record OrganisationChangeEntry(string Id, DateTimeOffset At, string By, string ByName, string FileName, IReadOnlyList<ImportChange> Changes, int LeftOut);

/// <summary>
/// Every applied organisation change (an import from the tab or the command line): one entry per change for the
/// organisation's list, and one per unit it touched, so a unit's history is one prefix read. Rows are per tenant; the
/// row key leads with inverted ticks, newest first. An entry keeps as many lines as fit in a property (32K characters,
/// measured as written) and at most <see cref="MaxLines"/>; the rest are counted.
/// </summary>
public sealed class OrganisationChangeLog(StorageTables tables)
{
    public const string Table = "OrganisationChanges";

    public const int MaxLines = 30;

    /// <summary>
    /// What the history names as the source of a change made in the tab's forms, rather than from a file. Stored with
    /// every such change; the tab words it in the reader's language (src/Tab/src/features/organisation/changeSource.ts).
    /// </summary>
    public const string TabEdit = "(edited in the tab)";

    /// <summary>Below Table Storage's 32,768 characters a string property holds, with room for the brackets.</summary>
    private const int MaxJsonChars = 30_000;

    private const string OrganisationPrefix = "all|";

    // Azure refuses a batch over 100 actions; every row here is in the tenant's partition.
    private const int BatchSize = 100;

    // Names are written as they are (æøå, quotes), not as \uXXXX, which would make a line up to six times as long;
    // kinds by name, so that an entry reads the same after the enums grow.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    private TableClient Rows => tables.Get(Table);

    public async Task RecordAsync(ImportPlan plan, string by, string byName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await RecordAsync(plan.TenantId, plan.FileName, plan.Changes, by, byName, at, cancellationToken);
    }

    /// <summary>
    /// Changes to the organisation's settings that are not kept in the directory (how long check-ins are kept), in
    /// the same history as every import and form: who, when, from where, before and after.
    /// </summary>
    public async Task RecordAsync(
        string tenantId, string source, IEnumerable<ImportChange> changed, string by, string byName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        // Notes are about the file, and "kept" says what the file left alone: neither is a change.
        var changes = changed.Where(c => c.Kind is not (ImportChangeKind.Note or ImportChangeKind.Kept)).ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var id = Guid.NewGuid().ToString("N");
        var time = (DateTimeOffset.MaxValue.Ticks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var rows = new List<TableEntity> { Row(tenantId, $"{OrganisationPrefix}{time}|{id}", id, at, by, byName, source, changes) };
        foreach (var unit in changes.Where(c => c.Subject == ImportSubject.Unit).GroupBy(c => c.Id))
        {
            rows.Add(Row(tenantId, $"{UnitPrefix(unit.Key)}{time}|{id}", id, at, by, byName, source, [.. unit]));
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
        ReadAsync(tenantId, UnitPrefix(unitId), most, cancellationToken);

    private static string UnitPrefix(string unitId) => $"unit|{unitId}|";

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
        var kept = new List<ImportChange>();
        var json = "[]";
        foreach (var change in changes.Take(MaxLines).Select(Bounded))
        {
            var longer = JsonSerializer.Serialize<List<ImportChange>>([.. kept, change], Json);
            if (longer.Length > MaxJsonChars)
            {
                break;
            }

            kept.Add(change);
            json = longer;
        }

        return new TableEntity(tenantId, rowKey)
        {
            ["ChangeId"] = id,
            ["At"] = at,
            ["By"] = by,
            ["ByName"] = byName,
            ["FileName"] = fileName,
            ["Changes"] = json,
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
