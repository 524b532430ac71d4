using System.Security.Claims;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeanTeamsApp.Features.Overview;

/// <summary>
/// What the tab's caller may see: the coordinator and consultants everything, a service-area leader their areas'
/// units, unit leaders and coordinators (and staff, by their home unit) their own unit. Everything is looked up in
/// the caller's own tenant, from the token, so another tenant's ids find nothing.
/// </summary>
public sealed record TabCaller(
    Organisation.Organisation Organisation,
    TabUser User,
    Person? Person,
    IReadOnlyList<RoleAssignment> Roles,
    IReadOnlyList<ServiceArea> Areas,
    IReadOnlyList<Unit> Units)
{
    public bool SeesEverything => Roles.Any(r => r.Role is Role.Coordinator or Role.Consultant);

    public bool IsCoordinator => Roles.Any(r => r.Role == Role.Coordinator);

    public string TenantId => Organisation.TenantId;

    public Unit? Unit(string unitId) => Units.FirstOrDefault(u => u.Id == unitId);

    /// <summary>The whole organisation's goal breakdown: every unit's board may show the way to the overall goals.</summary>
    public GoalBreakdown Goals { get; init; } = new([]);
}

public sealed class TabAccess(OrganisationStore organisation)
{
    /// <summary>The caller, or the problem to answer with: 401 without a usable token, 403 when the tenant is not set up.</summary>
    public async Task<(TabCaller? Caller, ProblemHttpResult? Problem)> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (TabUser.From(principal) is not { } user || !Guid.TryParseExact(user.TenantId, "D", out _))
        {
            return (null, TypedResults.Problem("The token names no tenant or user.", title: "Not signed in", statusCode: StatusCodes.Status401Unauthorized));
        }

        if (await organisation.GetOrganisationAsync(user.TenantId, cancellationToken) is not { } org)
        {
            return (null, TypedResults.Problem("Your organisation is not set up in LeanTeamsApp yet.", title: "Not set up", statusCode: StatusCodes.Status403Forbidden));
        }

        var person = await organisation.GetPersonAsync(user.TenantId, user.Email, cancellationToken);
        var roles = person is null ? [] : await organisation.GetRolesAsync(user.TenantId, person.Id, cancellationToken);
        var areas = await organisation.ListServiceAreasAsync(user.TenantId, cancellationToken);
        var units = await organisation.ListUnitsAsync(user.TenantId, cancellationToken);
        var everything = roles.Any(r => r.Role is Role.Coordinator or Role.Consultant);
        var ledAreas = roles.Where(r => r.Role == Role.ServiceAreaLeader).Select(r => r.ScopeId).ToHashSet(StringComparer.Ordinal);
        var ownUnits = roles.Where(r => r.Role is Role.UnitLeader or Role.UnitCoordinator).Select(r => r.ScopeId).ToHashSet(StringComparer.Ordinal);
        if (person?.HomeUnitId is { } home)
        {
            ownUnits.Add(home);
        }

        var visibleUnits = units.Where(u => everything || ledAreas.Contains(u.ServiceAreaId) || ownUnits.Contains(u.Id)).ToList();
        var visibleAreas = areas.Where(a => everything || visibleUnits.Any(u => u.ServiceAreaId == a.Id)).ToList();
        return (new TabCaller(org, user, person, roles, visibleAreas, visibleUnits) { Goals = new GoalBreakdown(areas) }, null);
    }
}
