using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using LeanTeamsApp.Infrastructure.Errors;

namespace LeanTeamsApp.Features.Delivery;

/// <summary>
/// A unit the app cannot reach. <paramref name="Route"/>, <paramref name="Person"/>, <paramref name="Status"/>,
/// <paramref name="Code"/> and <paramref name="At"/> describe the latest message that failed for good (Teams' HTTP
/// status and error code); they are null for a unit with no channel and no chat with its leader at all.
/// <paramref name="Advice"/> is what to do, for the tab to word.
/// </summary>
public sealed record UnreachableUnitDto(
    string UnitId, string Name, string AreaId, DeliveryReason Reason, DeliveryAdvice Advice, DeliveryRoute? Route, string? Person, int? Status, string? Code,
    DateTimeOffset? At);

public sealed record DeliveryDto(IReadOnlyList<UnreachableUnitDto> Units);

/// <summary>The coordinator's view of delivery health, under /api/tab/delivery (docs/tab-api.md).</summary>
public static class DeliveryEndpoints
{
    public static IEndpointRouteBuilder MapDelivery(this IEndpointRouteBuilder app)
    {
        app.MapTabGroup("/api/tab/delivery").MapGet("/", ListAsync).ProducesProblems(403);
        return app;
    }

    private static async Task<Results<Ok<DeliveryDto>, ProblemHttpResult>> ListAsync(
        TabCaller caller, AccessRule access, DeliveryHealth health, CancellationToken cancellationToken)
    {
        if (!access.Check(caller.Caller, Permission.ViewDeliveryHealth, AccessTarget.Organisation, "GET delivery"))
        {
            return ApiProblem.Of(ProblemCode.DeliveryForbidden,
                "Which units the app cannot reach is for the Lean coordinator and top management.", title: "Not allowed", statusCode: StatusCodes.Status403Forbidden);
        }

        var units = await health.ListAsync(caller.TenantId, cancellationToken);
        return TypedResults.Ok(new DeliveryDto([.. units.Select(u => new UnreachableUnitDto(
            u.UnitId, u.UnitName, u.ServiceAreaId, u.Reason, u.Advice, u.Route, u.PersonName, u.Status, u.Code, u.At))]));
    }
}
