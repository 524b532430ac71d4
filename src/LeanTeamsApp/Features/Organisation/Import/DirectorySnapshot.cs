using Azure.Data.Tables;

namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>
/// A tenant's Directory partition as one import read it: what the file is checked against, what the plan compares
/// with, and the ETags every write of the plan carries.
/// </summary>
internal sealed class DirectorySnapshot(string tenantId, IReadOnlyDictionary<string, TableEntity> rows)
{
    public string TenantId { get; } = tenantId;

    public IReadOnlyDictionary<string, TableEntity> Rows { get; } = rows;

    public TableEntity? Row(string rowKey) => Rows.GetValueOrDefault(rowKey);

    /// <summary>Rows under one kind of key (people, areas, units), in key order as a range query returns them.</summary>
    public IEnumerable<TableEntity> Under(string prefix) =>
        Rows.Where(r => r.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value);

    /// <summary>What the tenant already has, or null before its first organisation file.</summary>
    public StoredOrganisation? Stored()
    {
        if (Row(DirectoryKeys.Organisation) is not { } organisation)
        {
            return null;
        }

        return new StoredOrganisation(
            DirectoryRows.ToOrganisation(organisation),
            [.. Under(DirectoryKeys.AreaPrefix).Select(DirectoryRows.ToServiceArea)],
            [.. Under(DirectoryKeys.PersonPrefix).Select(DirectoryRows.ToPerson)])
        {
            UnitIds = Under(DirectoryKeys.UnitPrefix).Select(r => r.GetString("UnitId")).ToHashSet(StringComparer.Ordinal),
            Unit = id => Row(DirectoryKeys.Unit(id)) is { } unit ? DirectoryRows.ToUnit(unit) : null,
        };
    }
}
