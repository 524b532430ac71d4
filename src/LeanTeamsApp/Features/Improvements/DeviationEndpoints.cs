using System.Text.Json.Serialization;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using LeanTeamsApp.Infrastructure.Errors;

namespace LeanTeamsApp.Features.Improvements;

/// <summary>A deviation as the tab shows it; <paramref name="FollowUpId"/> names the follow-up area it became.</summary>
public sealed record DeviationDto(string Id, string Text, DateOnly ReportedOn, DeviationStatus Status, string? FollowUpId, [property: JsonPropertyName("etag")] string? ETag)
{
    public static DeviationDto From(Deviation deviation)
    {
        ArgumentNullException.ThrowIfNull(deviation);
        return new(deviation.Id, deviation.Text, deviation.ReportedOn, deviation.Status, deviation.FollowUpAreaId, deviation.ETag);
    }
}

/// <summary>The body of a change to a deviation: the <c>etag</c> it was read with, so a change made meanwhile is not overwritten.</summary>
public sealed record CloseDeviationRequest([property: JsonPropertyName("etag")] string? ETag);

/// <summary>Closing a deviation from the tab (docs/tab-api.md), under the same rule as the improvements card's button.</summary>
public static class DeviationEndpoints
{
    public static IEndpointRouteBuilder MapImprovements(this IEndpointRouteBuilder app)
    {
        app.MapTabGroup("/api/tab/units/{unitId}/deviations").MapPost("/{id}/close", CloseAsync).ProducesProblems(400, 403, 404, 409, 412);
        app.MapBenefits();
        app.MapImprovementBoard();
        return app;
    }

    private static async Task<Results<Ok<DeviationDto>, ProblemHttpResult>> CloseAsync(
        TabCaller caller, string unitId, string id, CloseDeviationRequest? body, AccessRule access, ImprovementStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Allowed(caller, access, unitId, Permission.WorkOnBoard, "POST deviations/close") is not { } unit)
        {
            return Refusal(caller, unitId);
        }

        if (Archived(unit) is { } archived)
        {
            return archived;
        }

        if (string.IsNullOrEmpty(body?.ETag))
        {
            return FieldProblem("etag", FieldProblemTexts.For(caller.Language).SendETag);
        }

        var (outcome, current) = await store.CloseDeviationAsync(caller.TenantId, unit.Id, id, caller.Caller.DisplayName, time.GetUtcNow(), null, body.ETag, cancellationToken);
        return Answer(outcome, current);
    }

    /// <summary>The unit, when the caller sees it and may do <paramref name="permission"/> to it; every refusal is logged by the rule.</summary>
    public static Organisation.Unit? Allowed(TabCaller caller, AccessRule access, string unitId, Permission permission, string entryPoint)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(access);
        return caller.Unit(unitId) is { } unit && access.Check(caller.Caller, permission, AccessTarget.ForUnit(unit), entryPoint) ? unit : null;
    }

    /// <summary>
    /// An archived unit's board, deviations and benefits are history, kept as they were for the reports: nobody
    /// changes them until the unit is restored (409). Asked after the access rule, so that who may not change the
    /// unit anyway hears that instead.
    /// </summary>
    public static ProblemHttpResult? Archived(Organisation.Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Archived
            ? ApiProblem.Of(ProblemCode.UnitArchived, "The unit is archived: its board is kept as it was. Restore the unit to change it.", title: "Archived", statusCode: StatusCodes.Status409Conflict)
            : null;
    }

    /// <summary>A unit the caller does not see is answered as if it did not exist; one they see but may not change, 403.</summary>
    public static ProblemHttpResult Refusal(TabCaller caller, string unitId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Unit(unitId) is null
            ? ApiProblem.Of(ProblemCode.UnitNotFound, "No such unit among those you can see.", title: "Not found", statusCode: StatusCodes.Status404NotFound)
            : ApiProblem.Of(ProblemCode.DeviationForbidden, "Your role does not let you change this unit's deviations.", title: "Not allowed", statusCode: StatusCodes.Status403Forbidden);
    }

    /// <summary>What a close (or a close into a follow-up area) came to, as the tab reads it.</summary>
    public static Results<Ok<DeviationDto>, ProblemHttpResult> Answer(CloseDeviationOutcome outcome, Deviation? current) =>
        outcome == CloseDeviationOutcome.Closed ? TypedResults.Ok(DeviationDto.From(current!)) : Problem(outcome);

    /// <summary>Why nothing was closed: 409 closed already, 412 changed since it was read, 404 gone.</summary>
    public static ProblemHttpResult Problem(CloseDeviationOutcome outcome) => outcome switch
    {
        CloseDeviationOutcome.AlreadyClosed => ApiProblem.Of(ProblemCode.DeviationAlreadyClosed, "Someone closed this deviation already.", title: "Already closed", statusCode: StatusCodes.Status409Conflict),
        CloseDeviationOutcome.Changed => ApiProblem.Of(ProblemCode.ChangedMeanwhile, "Someone changed this deviation since you opened it. Reload to see their change.", title: "Changed meanwhile", statusCode: StatusCodes.Status412PreconditionFailed),
        _ => ApiProblem.Of(ProblemCode.DeviationGone, "The deviation is gone; a corrected check-in may have removed it.", title: "Not found", statusCode: StatusCodes.Status404NotFound),
    };

    /// <summary>A 400 that names the field, as the tab shows it next to the input.</summary>
    public static ProblemHttpResult FieldProblem(string field, string message) => Infrastructure.Errors.FieldProblem.For(field, message);
}
