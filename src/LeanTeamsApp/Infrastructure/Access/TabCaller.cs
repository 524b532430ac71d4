using System.Reflection;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Auth;
using LeanTeamsApp.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using LeanTeamsApp.Infrastructure.Errors;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Infrastructure.Access;

/// <summary>
/// The tab's caller, resolved once per request by <see cref="TabApi"/>'s filter from the token's tenant and UPN, with
/// the organisation and what the access rule lets them see. Everything is looked up in the caller's own tenant, so
/// another tenant's ids find nothing. A tab handler takes it as a parameter.
/// </summary>
public sealed record TabCaller(Organisation Organisation, Caller Caller, IReadOnlyList<ServiceArea> AllAreas, IReadOnlyList<Unit> AllUnits)
{
    private const string ItemKey = "LeanTeamsApp.TabCaller";

    public string TenantId => Organisation.TenantId;

    /// <summary>
    /// The language the caller reads: the request's Accept-Language, which the tab's requests carry from the browser and,
    /// inside Teams, from the client. Field errors and warnings are worded in it; problem codes and field names are not.
    /// </summary>
    public Language Language { get; init; } = Languages.Default;

    /// <summary>The units whose boards the caller may see.</summary>
    public IReadOnlyList<Unit> Units { get; } = AccessRule.Filter(Caller, Permission.ViewUnit, AllUnits);

    /// <summary>The service areas the caller reads, and those of the units they see.</summary>
    public IReadOnlyList<ServiceArea> Areas => [.. AllAreas.Where(a =>
        AccessRule.Allows(Caller, Permission.ViewArea, AccessTarget.Area(a.Id)) || Units.Any(u => u.ServiceAreaId == a.Id))];

    /// <summary>A unit the caller may see, or null: a unit they may not see is answered as if it did not exist.</summary>
    public Unit? Unit(string unitId) => Units.FirstOrDefault(u => u.Id == unitId);

    /// <summary>The whole organisation's goal breakdown: every unit's board may show the way to the overall goals.</summary>
    public GoalBreakdown Goals => new(AllAreas);

    public bool Allows(Permission permission, AccessTarget target) => AccessRule.Allows(Caller, permission, target);

    /// <summary>Minimal APIs bind a handler's <see cref="TabCaller"/> parameter from what the filter resolved.</summary>
    public static ValueTask<TabCaller?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<TabCaller?>(context.Items[ItemKey] as TabCaller
            ?? throw new InvalidOperationException("A tab endpoint ran outside a group made by TabApi.MapTabGroup."));
    }

    internal void Attach(HttpContext context) => context.Items[ItemKey] = this;
}

/// <summary>
/// The tab API's route groups: signed in with the tab's scheme, and the caller resolved once per request by
/// <see cref="UseTabCallers"/> (parameter binding runs before endpoint filters, so this is middleware, placed after
/// authorization).
/// </summary>
public static class TabApi
{
    /// <summary>Marks an endpoint whose handler takes a <see cref="TabCaller"/>.</summary>
    private sealed class NeedsTabCaller;

    public static RouteGroupBuilder MapTabGroup(this IEndpointRouteBuilder app, string prefix) =>
        app.MapGroup(prefix).RequireAuthorization(TabAuthModule.Policy).WithMetadata(new NeedsTabCaller()).ProducesProblems(401, 403);

    public static IApplicationBuilder UseTabCallers(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<NeedsTabCaller>() is null)
        {
            await next(http);
            return;
        }

        var resolved = await ResolveAsync(http.User, http.RequestServices.GetRequiredService<OrganisationStore>(), http.RequestAborted);
        if (resolved.Problem is { } problem)
        {
            await problem.ExecuteAsync(http);
            return;
        }

        (resolved.Caller! with { Language = Languages.FromAcceptLanguage(http.Request) }).Attach(http);
        OwnTerms.Use(resolved.Caller.Organisation.Terms);
        await next(http);
    });

    /// <summary>The caller, or the problem to answer with: 401 without a usable token, 403 when the tenant is not set up.</summary>
    public static async Task<(TabCaller? Caller, ProblemHttpResult? Problem)> ResolveAsync(System.Security.Claims.ClaimsPrincipal principal, OrganisationStore organisation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        if (TabUser.From(principal) is not { } user || !Guid.TryParseExact(user.TenantId, "D", out _))
        {
            return (null, ApiProblem.Of(ProblemCode.NotSignedIn, "The token names no tenant or user.", title: "Not signed in", statusCode: StatusCodes.Status401Unauthorized));
        }

        if (await organisation.GetOrganisationAsync(user.TenantId, cancellationToken) is not { } org)
        {
            return (null, ApiProblem.Of(ProblemCode.NotSetUp, "Your organisation is not set up in LeanTeamsApp yet.", title: "Not set up", statusCode: StatusCodes.Status403Forbidden));
        }

        var person = await organisation.GetPersonAsync(user.TenantId, user.Email, cancellationToken);
        var areas = await organisation.ListServiceAreasAsync(user.TenantId, cancellationToken);
        var units = await organisation.ListUnitsAsync(user.TenantId, cancellationToken);
        var caller = person is null ? Caller.Unknown(user.TenantId, user.Name, user.Email) : Caller.Known(user.TenantId, person, areas, units);
        return (new TabCaller(org, caller, areas, units), null);
    }
}
