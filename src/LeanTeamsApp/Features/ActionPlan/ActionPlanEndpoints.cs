using System.Security.Claims;
using LeanTeamsApp.Features.Overview;
using LeanTeamsApp.Infrastructure.Auth;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeanTeamsApp.Features.ActionPlan;

public sealed record ActionRowDto(string? Id, string? Challenge, string? Measures, string? Responsible, DateOnly? Deadline, ActionStatus? Status, string? ETag);

public sealed record ActionPlanDto(IReadOnlyList<ActionRowDto> Rows);

/// <summary>The action plan for the tab: everyone who can see the organisation reads it, only the coordinator edits.</summary>
public static class ActionPlanEndpoints
{
    public static IServiceCollection AddActionPlan(this IServiceCollection services)
    {
        services.AddTable(ActionPlanStore.Table);
        services.AddSingleton<ActionPlanStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapActionPlan(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup("/api/tab/actionplan").RequireAuthorization(TabAuthModule.Policy);
        plan.MapGet("/", ListAsync);
        plan.MapPost("/", AddAsync);
        plan.MapPut("/{id}", UpdateAsync);
        plan.MapDelete("/{id}", DeleteAsync);
        return app;
    }

    private static async Task<Results<Ok<ActionPlanDto>, ProblemHttpResult>> ListAsync(ClaimsPrincipal principal, TabAccess access, ActionPlanStore store, CancellationToken cancellationToken)
    {
        var (caller, problem) = await access.ResolveAsync(principal, cancellationToken);
        return caller is null ? problem! : TypedResults.Ok(new ActionPlanDto([.. (await store.ListAsync(caller.TenantId, cancellationToken)).Select(ToDto)]));
    }

    private static async Task<Results<Created<ActionRowDto>, ProblemHttpResult>> AddAsync(
        ClaimsPrincipal principal, ActionRowDto body, TabAccess access, ActionPlanStore store, CancellationToken cancellationToken)
    {
        var (caller, problem) = await EditorAsync(principal, access, cancellationToken);
        if (caller is null)
        {
            return problem!;
        }

        if (Validate(body, "") is { } invalid)
        {
            return invalid;
        }

        var added = await store.AddAsync(caller.TenantId, ToRow(body, ""), cancellationToken);
        return TypedResults.Created($"/api/tab/actionplan/{added.Id}", ToDto(added));
    }

    private static async Task<Results<Ok<ActionRowDto>, ProblemHttpResult>> UpdateAsync(
        ClaimsPrincipal principal, string id, ActionRowDto body, TabAccess access, ActionPlanStore store, CancellationToken cancellationToken)
    {
        var (caller, problem) = await EditorAsync(principal, access, cancellationToken);
        if (caller is null)
        {
            return problem!;
        }

        if (Validate(body, id) is { } invalid)
        {
            return invalid;
        }

        var (outcome, row) = await store.UpdateAsync(caller.TenantId, ToRow(body, id) with { ETag = body.ETag }, cancellationToken);
        return outcome switch
        {
            ActionWrite.Written => TypedResults.Ok(ToDto(row!)),
            ActionWrite.NotFound => TypedResults.Problem("The row is gone; someone may have deleted it.", title: "Not found", statusCode: StatusCodes.Status404NotFound),
            _ => TypedResults.Problem("Someone changed this row since you opened it. Reload to see their change.", title: "Changed meanwhile", statusCode: StatusCodes.Status412PreconditionFailed),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        ClaimsPrincipal principal, string id, TabAccess access, ActionPlanStore store, CancellationToken cancellationToken)
    {
        var (caller, problem) = await EditorAsync(principal, access, cancellationToken);
        if (caller is null)
        {
            return problem!;
        }

        return await store.DeleteAsync(caller.TenantId, id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem("The row is gone already.", title: "Not found", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<(TabCaller? Caller, ProblemHttpResult? Problem)> EditorAsync(ClaimsPrincipal principal, TabAccess access, CancellationToken cancellationToken)
    {
        var (caller, problem) = await access.ResolveAsync(principal, cancellationToken);
        if (caller is null)
        {
            return (null, problem);
        }

        return caller.IsCoordinator
            ? (caller, null)
            : (null, TypedResults.Problem("Only the Lean coordinator edits the action plan.", title: "Not allowed", statusCode: StatusCodes.Status403Forbidden));
    }

    /// <summary>Every broken rule by field, so the tab can show each next to its input.</summary>
    private static ProblemHttpResult? Validate(ActionRowDto body, string id)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Text(string field, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
            {
                errors[field] = [$"Write 1 to {max} characters."];
            }
        }

        Text("challenge", body.Challenge, 300);
        Text("measures", body.Measures, 1000);
        Text("responsible", body.Responsible, 200);
        if (body.Deadline is null)
        {
            errors["deadline"] = ["Give a date."];
        }

        if (body.Status is not { } status || !Enum.IsDefined(status))
        {
            errors["status"] = ["Choose notStarted, inProgress or done."];
        }

        if (id.Length > 0 && string.IsNullOrEmpty(body.ETag))
        {
            errors["etag"] = ["Send the etag the row was read with."];
        }

        return errors.Count == 0
            ? null
            : TypedResults.Problem(title: "Check the highlighted fields", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    private static ActionRow ToRow(ActionRowDto dto, string id) =>
        new(id, dto.Challenge!.Trim(), dto.Measures!.Trim(), dto.Responsible!.Trim(), dto.Deadline!.Value, dto.Status!.Value);

    private static ActionRowDto ToDto(ActionRow row) => new(row.Id, row.Challenge, row.Measures, row.Responsible, row.Deadline, row.Status, row.ETag);
}
