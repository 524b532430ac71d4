using System.Collections.Concurrent;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Infrastructure.Access;

/// <summary>
/// Who is asking, as the organisation knows them: resolved once per turn or tab request, in the tenant the request
/// came from, and handed to every handler. <see cref="Person"/> is null for someone the organisation does not know.
/// </summary>
public sealed record Caller(string TenantId, string DisplayName, string? Email, Person? Person, IReadOnlyList<RoleAssignment> Roles)
{
    public static Caller Unknown(string tenantId, string displayName, string? email = null) => new(tenantId, displayName, email, null, []);

    /// <summary>
    /// A known person with the roles the organisation's areas and units give them. A person the organisation file
    /// has removed keeps a row for history but is no longer known: what anyone in the organisation may do (read the
    /// action plan, <c>whoami</c>) is closed to them at once, like every role.
    /// </summary>
    public static Caller Known(string tenantId, Person person, IReadOnlyList<ServiceArea> areas, IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return Known(tenantId, person, areas, [.. units.Select(UnitLeadership.Of)]);
    }

    public static Caller Known(string tenantId, Person person, IReadOnlyList<ServiceArea> areas, IReadOnlyList<UnitLeadership> units)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Removed
            ? Unknown(tenantId, person.Name, person.Id)
            : new(tenantId, person.Name, person.Id, person, OrganisationStore.RolesOf(person, areas, units));
    }

    public bool IsCoordinator => Has(Role.Coordinator, null);

    public bool Has(Role role, string? scopeId) => Roles.Any(r => r.Role == role && r.ScopeId == scopeId);

    /// <summary>The units the caller leads or coordinates: what "my unit" means in a personal chat.</summary>
    public IEnumerable<string> LedUnitIds => Roles.Where(r => r.Role is Role.UnitLeader or Role.UnitCoordinator).Select(r => r.ScopeId!);
}

/// <summary>
/// Resolves callers. Teams identifies users by Entra object id, the organisation knows them by e-mail (the one
/// identifier HR exports and Teams share). The first time someone writes, their UPN is asked from the conversation
/// roster and the object id is stored as an index row beside their person row; after that it is a point read.
/// </summary>
public sealed class CallerResolver(OrganisationStore organisation, ConnectorClient connector)
{
    // Object id -> person id never changes, so it is also kept in memory: most turns then read only the person.
    private readonly ConcurrentDictionary<(string Tenant, string AadObjectId), string> _personIds = new();

    public async Task<Caller> ResolveAsync(Activity activity, string tenantId, ConversationAddress conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var from = activity.From;
        var name = from?.Name ?? "?";
        if (from?.AadObjectId is not { } aadObjectId)
        {
            return Caller.Unknown(tenantId, name);
        }

        var person = _personIds.TryGetValue((tenantId, aadObjectId), out var known)
            ? await organisation.GetPersonAsync(tenantId, known, cancellationToken)
            : await organisation.FindPersonByObjectIdAsync(tenantId, aadObjectId, cancellationToken);
        string? email = person?.Id;
        if (person is null && from.Id is { } userId)
        {
            var member = await connector.GetMemberAsync(conversation, userId, cancellationToken);
            email = (member?.UserPrincipalName ?? member?.Email) is { } upn ? Person.NormaliseId(upn) : null;
            person = email is null ? null : await organisation.GetPersonAsync(tenantId, email, cancellationToken);
            if (person is not null)
            {
                await organisation.LinkObjectIdAsync(tenantId, person, aadObjectId, cancellationToken);
            }
        }

        if (person is null)
        {
            return Caller.Unknown(tenantId, name, email);
        }

        _personIds[(tenantId, aadObjectId)] = person.Id;
        return await WithRolesAsync(tenantId, person, cancellationToken);
    }

    private async Task<Caller> WithRolesAsync(string tenantId, Person person, CancellationToken cancellationToken) =>
        Caller.Known(tenantId, person, await organisation.ListServiceAreasAsync(tenantId, cancellationToken), await organisation.ListLeadershipAsync(tenantId, cancellationToken));
}
