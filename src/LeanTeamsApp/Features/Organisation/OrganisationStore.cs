using Azure;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Organisation;

public enum WriteOutcome
{
    Written,

    /// <summary>Someone else changed the row since it was read (ETag mismatch), or an insert found it existing.</summary>
    Conflict,
    NotFound,
}

public sealed record WriteResult(WriteOutcome Outcome, string? ETag = null)
{
    public static readonly WriteResult Conflict = new(WriteOutcome.Conflict);
    public static readonly WriteResult NotFound = new(WriteOutcome.NotFound);
}

public sealed class OrganisationStore(StorageTables tables, TimeProvider time)
{
    internal const string DirectoryTable = "Directory";
    internal const string TenantsTable = "Tenants";
    private const string TenantRow = "tenant";

    // Entity group transactions take at most 100 operations.
    private const int MaxTransactionSize = 100;

    // The organisation's own terms are read on every chat turn and tab request, and change a few times a year. They are
    // kept in memory for a short while; a save in this process forgets them at once, another instance's save shows
    // here within TermsLifetime. A submit then makes the same storage calls as before terms existed.
    internal static readonly TimeSpan TermsLifetime = TimeSpan.FromSeconds(30);
    private readonly Lock _termsGate = new();
    private readonly Dictionary<string, KeptTerms> _terms = new(StringComparer.Ordinal);

    // Bumped by every forget: a read that began before a save must not keep what it read after the save forgot it.
    private readonly Dictionary<string, long> _termsVersions = new(StringComparer.Ordinal);

    private TableClient Directory => tables.Get(DirectoryTable);

    public async Task<IReadOnlyList<string>> ListTenantIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var row in tables.Get(TenantsTable).QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            ids.Add(row.PartitionKey);
        }

        return ids;
    }

    public async Task<Organisation?> GetOrganisationAsync(string tenantId, CancellationToken cancellationToken)
    {
        var row = await GetRowAsync(tenantId, DirectoryKeys.Organisation, cancellationToken);
        return row is null ? null : DirectoryRows.ToOrganisation(row);
    }

    /// <summary>The organisation's own terms (null when the tenant has no organisation), from memory when read lately.</summary>
    public async Task<OrganisationTerms?> GetTermsAsync(string tenantId, CancellationToken cancellationToken)
    {
        long version;
        lock (_termsGate)
        {
            if (_terms.TryGetValue(tenantId, out var kept) && time.GetElapsedTime(kept.ReadAt) < TermsLifetime)
            {
                return kept.Terms;
            }

            version = _termsVersions.GetValueOrDefault(tenantId);
        }

        var readAt = time.GetTimestamp();
        var terms = (await GetOrganisationAsync(tenantId, cancellationToken))?.Terms;
        lock (_termsGate)
        {
            if (_termsVersions.GetValueOrDefault(tenantId) == version)
            {
                _terms[tenantId] = new KeptTerms(terms, readAt);
            }
        }

        return terms;
    }

    /// <summary>Forgets the terms kept in memory, after anything that may have rewritten the organisation row.</summary>
    internal void ForgetTerms(string tenantId)
    {
        lock (_termsGate)
        {
            _termsVersions[tenantId] = _termsVersions.GetValueOrDefault(tenantId) + 1;
            _terms.Remove(tenantId);
        }
    }

    public async Task<Unit?> GetUnitAsync(string tenantId, string unitId, CancellationToken cancellationToken)
    {
        if (!Ids.Slug().IsMatch(unitId))
        {
            return null;
        }

        var row = await GetRowAsync(tenantId, DirectoryKeys.Unit(unitId), cancellationToken);
        return row is null ? null : DirectoryRows.ToUnit(row);
    }

    public async Task<Person?> GetPersonAsync(string tenantId, string personId, CancellationToken cancellationToken)
    {
        // What someone typed as an owner can be anything; a key past Table Storage's 1 KiB would be a 400 from storage.
        if (Person.NormaliseId(personId).Length > Person.MaxIdLength)
        {
            return null;
        }

        var row = await GetRowAsync(tenantId, DirectoryKeys.Person(Person.NormaliseId(personId)), cancellationToken);
        return row is null ? null : DirectoryRows.ToPerson(row);
    }

    /// <summary>The person whose Entra object id this is, once Teams has told us (one point read, then the person's).</summary>
    public async Task<Person?> FindPersonByObjectIdAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(aadObjectId, "D", out _) || await GetRowAsync(tenantId, DirectoryKeys.Aad(aadObjectId), cancellationToken) is not { } link)
        {
            return null;
        }

        return await GetPersonAsync(tenantId, link.GetString("PersonId"), cancellationToken);
    }

    /// <summary>
    /// Remembers that <paramref name="aadObjectId"/> is <paramref name="person"/>: on the person's row and as the index
    /// row that makes the next lookup a point read, in one transaction. A conflicting concurrent edit of the person only
    /// means the roster is asked once more next time.
    /// </summary>
    public Task<WriteResult> LinkObjectIdAsync(string tenantId, Person person, string aadObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        RequireTenant(tenantId);
        if (!Guid.TryParseExact(aadObjectId, "D", out _))
        {
            return Task.FromResult(WriteResult.NotFound);
        }

        var link = new TableEntity(tenantId, DirectoryKeys.Aad(aadObjectId)) { ["PersonId"] = person.Id };
        return SubmitAsync(
            [
                Write(DirectoryRows.ToRow(tenantId, person with { AadObjectId = aadObjectId }), person.ETag),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, link),
            ],
            cancellationToken);
    }

    public Task<IReadOnlyList<Unit>> ListUnitsAsync(string tenantId, CancellationToken cancellationToken) =>
        RangeAsync(tenantId, DirectoryKeys.UnitPrefix, DirectoryRows.ToUnit, cancellationToken);

    public Task<IReadOnlyList<Unit>> ListUnitsInServiceAreaAsync(string tenantId, string serviceAreaId, CancellationToken cancellationToken) =>
        Ids.Slug().IsMatch(serviceAreaId)
            ? RangeAsync(tenantId, DirectoryKeys.AreaUnit(serviceAreaId, ""), DirectoryRows.ToUnit, cancellationToken)
            : Task.FromResult<IReadOnlyList<Unit>>([]);

    public Task<IReadOnlyList<ServiceArea>> ListServiceAreasAsync(string tenantId, CancellationToken cancellationToken) =>
        RangeAsync(tenantId, DirectoryKeys.AreaPrefix, DirectoryRows.ToServiceArea, cancellationToken);

    public Task<IReadOnlyList<Person>> ListPeopleAsync(string tenantId, CancellationToken cancellationToken) =>
        RangeAsync(tenantId, DirectoryKeys.PersonPrefix, DirectoryRows.ToPerson, cancellationToken);

    /// <summary>Units whose board meeting ends, in each unit's own time zone, at an instant in [fromUtc, toUtc).</summary>
    public async Task<IReadOnlyList<Unit>> ListUnitsWithMeetingEndingAsync(
        string tenantId, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken)
    {
        var zones = await GetRowAsync(tenantId, DirectoryKeys.TimeZones, cancellationToken);
        var found = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var zoneId in ZonesOf(zones))
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            foreach (var (from, to) in LocalWeek.Ranges(zone, fromUtc, toUtc))
            {
                var filter = TableClient.CreateQueryFilter(
                    $"PartitionKey eq {tenantId} and RowKey ge {DirectoryKeys.MeetingEnd(zoneId, from)} and RowKey lt {DirectoryKeys.MeetingEnd(zoneId, to)}");
                await foreach (var row in Directory.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
                {
                    var unit = DirectoryRows.ToUnit(row);
                    found.TryAdd(unit.Id, unit);
                }
            }
        }

        return [.. found.Values.OrderBy(u => u.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The roles a person holds: stored organisation-wide roles plus the leadership the structure gives them. A person
    /// removed from the organisation holds none, even where a unit the organisation file left out still names them.
    /// </summary>
    public async Task<IReadOnlyList<RoleAssignment>> GetRolesAsync(string tenantId, string personId, CancellationToken cancellationToken)
    {
        var person = await GetPersonAsync(tenantId, personId, cancellationToken);
        return person is null
            ? []
            : RolesOf(person, await ListServiceAreasAsync(tenantId, cancellationToken), await ListLeadershipAsync(tenantId, cancellationToken));
    }

    /// <summary>
    /// Who leads and coordinates each unit, and nothing else of it: what a caller's roles are computed from on every
    /// turn. The same range as <see cref="ListUnitsAsync"/>, but storage sends three columns of each row instead of all
    /// of them (goals, meetings, channel), which in a 2,000-unit organisation is most of a check-in submit's bytes.
    /// </summary>
    public async Task<IReadOnlyList<UnitLeadership>> ListLeadershipAsync(string tenantId, CancellationToken cancellationToken)
    {
        RequireTenant(tenantId);
        var items = new List<UnitLeadership>();
        await foreach (var row in Directory.QueryAsync<TableEntity>(KeyPrefix.Filter(tenantId, DirectoryKeys.UnitPrefix), select: LeadershipColumns, cancellationToken: cancellationToken))
        {
            items.Add(DirectoryRows.ToLeadership(row));
        }

        return items;
    }

    private static readonly string[] LeadershipColumns = ["UnitId", "LeaderId", "CoordinatorIds"];

    /// <summary>
    /// The roles <paramref name="person"/> holds in an organisation of <paramref name="areas"/> and <paramref name="units"/>:
    /// organisation-wide roles from the person's row, top management from leading the top management group, and the
    /// service areas and units that name them. A person removed from the organisation holds none.
    /// </summary>
    public static IReadOnlyList<RoleAssignment> RolesOf(Person person, IReadOnlyList<ServiceArea> areas, IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return RolesOf(person, areas, [.. units.Select(UnitLeadership.Of)]);
    }

    /// <inheritdoc cref="RolesOf(Person, IReadOnlyList{ServiceArea}, IReadOnlyList{Unit})"/>
    public static IReadOnlyList<RoleAssignment> RolesOf(Person person, IReadOnlyList<ServiceArea> areas, IReadOnlyList<UnitLeadership> units)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(units);
        if (person.Removed)
        {
            return [];
        }

        var id = person.Id;
        var roles = new List<RoleAssignment>();
        if (person.Roles.HasFlag(OrganisationRoles.Coordinator))
        {
            roles.Add(new(Role.Coordinator, null));
        }

        if (person.Roles.HasFlag(OrganisationRoles.Consultant))
        {
            roles.Add(new(Role.Consultant, null));
        }

        if (person.Roles.HasFlag(OrganisationRoles.TopManagement) || areas.Any(a => a.Kind == ServiceAreaKind.TopManagement && a.LeaderId == id))
        {
            roles.Add(new(Role.TopManagement, null));
        }

        // The top management group is not a service area of units: leading it is the top management role above.
        roles.AddRange(areas.Where(a => a.Kind == ServiceAreaKind.ServiceArea && a.LeaderId == id).Select(a => new RoleAssignment(Role.ServiceAreaLeader, a.Id)));
        roles.AddRange(units.Where(u => u.LeaderId == id).Select(u => new RoleAssignment(Role.UnitLeader, u.UnitId)));
        roles.AddRange(units.Where(u => u.CoordinatorIds.Contains(id)).Select(u => new RoleAssignment(Role.UnitCoordinator, u.UnitId)));
        if (person.HomeUnitId is { } home && units.Any(u => u.UnitId == home))
        {
            roles.Add(new(Role.Member, home));
        }

        return roles;
    }

    /// <summary>Inserts the organisation (no ETag) or replaces it if it still has the ETag the caller read.</summary>
    public async Task<WriteResult> SaveOrganisationAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        RequireTenant(organisation.TenantId);
        var row = DirectoryRows.ToRow(organisation.TenantId, organisation);
        var result = await SubmitAsync([Write(row, organisation.ETag)], cancellationToken);
        ForgetTerms(organisation.TenantId);
        if (result.Outcome == WriteOutcome.Written)
        {
            await RegisterTenantAsync(organisation.TenantId, organisation.Name, cancellationToken);
        }

        return result;
    }

    /// <summary>Inserts a person (no ETag) or replaces them if they still have the ETag the caller read.</summary>
    public Task<WriteResult> SavePersonAsync(string tenantId, Person person, CancellationToken cancellationToken)
    {
        RequireTenant(tenantId);
        return SubmitAsync([Write(DirectoryRows.ToRow(tenantId, person), person.ETag)], cancellationToken);
    }

    /// <summary>
    /// Inserts a unit (no ETag) or replaces it if it still has the ETag the caller read. Its index rows move with it in
    /// the same transaction, so a query never sees a unit under an old service area or meeting time.
    /// </summary>
    public async Task<WriteResult> SaveUnitAsync(string tenantId, Unit unit, CancellationToken cancellationToken)
    {
        RequireTenant(tenantId);
        var current = unit.ETag is null ? null : await GetRowAsync(tenantId, DirectoryKeys.Unit(unit.Id), cancellationToken);
        if (unit.ETag is not null && current is null)
        {
            return WriteResult.NotFound;
        }

        var zones = await GetRowAsync(tenantId, DirectoryKeys.TimeZones, cancellationToken);
        var actions = new List<TableTransactionAction>();
        actions.AddRange(UnitWrites(tenantId, unit, unit.ETag, current is null ? [] : IndexKeysOf(DirectoryRows.ToUnit(current))));
        actions.AddRange(ZoneWrites(tenantId, zones, [unit.TimeZone]));
        return await SubmitAsync(actions, cancellationToken);
    }

    /// <summary>
    /// Writes several units (each read with its ETag) in one transaction, with their index rows, so that moving a channel
    /// from one unit to another never leaves both bound, or neither, when one write fails.
    /// </summary>
    public async Task<WriteResult> SaveUnitsAsync(string tenantId, IReadOnlyList<Unit> units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        RequireTenant(tenantId);
        var zones = await GetRowAsync(tenantId, DirectoryKeys.TimeZones, cancellationToken);
        var actions = new List<TableTransactionAction>();
        foreach (var unit in units)
        {
            if (unit.ETag is null || await GetRowAsync(tenantId, DirectoryKeys.Unit(unit.Id), cancellationToken) is not { } current)
            {
                return WriteResult.NotFound;
            }

            actions.AddRange(UnitWrites(tenantId, unit, unit.ETag, IndexKeysOf(DirectoryRows.ToUnit(current))));
        }

        actions.AddRange(ZoneWrites(tenantId, zones, units.Select(u => u.TimeZone)));
        if (actions.Count > MaxTransactionSize)
        {
            throw new ArgumentException($"{units.Count} units need {actions.Count} writes; one transaction takes {MaxTransactionSize}.", nameof(units));
        }

        return await SubmitAsync(actions, cancellationToken);
    }

    /// <summary>Every row of the tenant's partition, as an import plans against it.</summary>
    internal async Task<DirectorySnapshot> ReadSnapshotAsync(string tenantId, CancellationToken cancellationToken)
    {
        RequireTenant(tenantId);
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in Directory.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"), cancellationToken: cancellationToken))
        {
            rows[row.RowKey] = row;
        }

        return new DirectorySnapshot(tenantId, rows);
    }

    internal static IEnumerable<TableTransactionAction> UnitWrites(string tenantId, Unit unit, string? etag, IEnumerable<string> oldIndexKeys)
    {
        var newIndexKeys = DirectoryKeys.IndexKeys(unit).ToList();

        // Without the empty properties (the service stores none for them anyway): a 40,000-unit import holds 120,000 of
        // these rows at once, and a dictionary sized for the rest is half as large.
        var row = new TableEntity(DirectoryRows.ToRow(tenantId, DirectoryKeys.Unit(unit.Id), unit).Where(p => p.Value is not null).ToDictionary());
        yield return Write(row, etag);
        foreach (var stale in oldIndexKeys.Except(newIndexKeys))
        {
            yield return new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(tenantId, stale), ETag.All);
        }

        // Index rows are copies guarded by the unit row's ETag in the same transaction, so they need none of their own.
        foreach (var key in newIndexKeys)
        {
            yield return new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(row) { RowKey = key });
        }
    }

    internal static List<TableTransactionAction> ZoneWrites(string tenantId, TableEntity? current, IEnumerable<string> zones)
    {
        var known = ZonesOf(current).ToHashSet(StringComparer.Ordinal);
        var all = known.Union(zones).Order(StringComparer.Ordinal).ToList();
        if (all.Count == known.Count)
        {
            return [];
        }

        var row = new TableEntity(tenantId, DirectoryKeys.TimeZones) { ["Zones"] = string.Join(',', all) };
        return [Write(row, current?.ETag.ToString())];
    }

    private static string[] ZonesOf(TableEntity? row) =>
        row?.GetString("Zones")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];

    internal static IEnumerable<string> IndexKeysOf(Unit unit) => DirectoryKeys.IndexKeys(unit);

    /// <summary>An insert when nothing was read, otherwise a replace that holds only if the row still has the ETag read.</summary>
    internal static TableTransactionAction Write(TableEntity row, string? etag) => etag is null
        ? new TableTransactionAction(TableTransactionActionType.Add, row)
        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(etag));

    private async Task<WriteResult> SubmitAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count == 0)
        {
            return new WriteResult(WriteOutcome.Written);
        }

        try
        {
            var response = await Directory.SubmitTransactionAsync(actions, cancellationToken);
            return new WriteResult(WriteOutcome.Written, response.Value[0].Headers.ETag?.ToString());
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return WriteResult.Conflict;
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            return WriteResult.NotFound;
        }
    }

    internal async Task RegisterTenantAsync(string tenantId, string name, CancellationToken cancellationToken) =>
        await tables.Get(TenantsTable).UpsertEntityAsync(new TableEntity(tenantId, TenantRow) { ["Name"] = name }, TableUpdateMode.Replace, cancellationToken);

    private async Task<TableEntity?> GetRowAsync(string tenantId, string rowKey, CancellationToken cancellationToken)
    {
        RequireTenant(tenantId);
        var response = await Directory.GetEntityIfExistsAsync<TableEntity>(tenantId, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private async Task<IReadOnlyList<T>> RangeAsync<T>(string tenantId, string prefix, Func<TableEntity, T> map, CancellationToken cancellationToken)
    {
        RequireTenant(tenantId);
        var filter = KeyPrefix.Filter(tenantId, prefix);
        var items = new List<T>();
        await foreach (var row in Directory.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            items.Add(map(row));
        }

        return items;
    }

    // Tenant ids become partition keys; only a GUID can never smuggle a key range or another tenant's partition in.
    private static void RequireTenant(string tenantId)
    {
        if (!Ids.IsTenantId(tenantId))
        {
            throw new ArgumentException($"'{tenantId}' is not a tenant id (a GUID).", nameof(tenantId));
        }
    }

    private sealed record KeptTerms(OrganisationTerms? Terms, long ReadAt);
}
