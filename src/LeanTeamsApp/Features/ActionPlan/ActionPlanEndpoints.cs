using System.Text.Json.Serialization;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.OpenApi;
using LeanTeamsApp.Infrastructure.Privacy;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using LeanTeamsApp.Infrastructure.Errors;

namespace LeanTeamsApp.Features.ActionPlan;

public sealed record ActionRowDto(string Id, string Challenge, string Measures, string Responsible, DateOnly Deadline, ActionStatus Status, [property: JsonPropertyName("etag")] string? ETag);

/// <summary>A row as the tab sends it: every field may be missing, so that each one missing is named in the 400.</summary>
public sealed record ActionRowInput(string? Challenge, string? Measures, string? Responsible, DateOnly? Deadline, ActionStatus? Status, [property: JsonPropertyName("etag")] string? ETag);

public sealed record ActionPlanDto(IReadOnlyList<ActionRowDto> Rows);

/// <summary>The action plan for the tab: everyone the organisation knows reads it, only the coordinator edits.</summary>
public static class ActionPlanEndpoints
{
    public static IServiceCollection AddActionPlan(this IServiceCollection services)
    {
        services.AddTable(ActionPlanStore.Table);
        services.AddPersonalData(ActionPlanStore.Table, "actionPlan");
        services.AddSingleton<ActionPlanStore>();
        return services;
    }

    public static IEndpointRouteBuilder MapActionPlan(this IEndpointRouteBuilder app)
    {
        var plan = app.MapTabGroup("/api/tab/actionplan");
        plan.MapGet("/", ListAsync).ProducesProblems(403);
        plan.MapPost("/", AddAsync).ProducesProblems(400, 403);
        plan.MapPut("/{id}", UpdateAsync).ProducesProblems(400, 403, 404, 412);
        plan.MapDelete("/{id}", DeleteAsync).ProducesProblems(403, 404);
        return app;
    }

    private static async Task<Results<Ok<ActionPlanDto>, ProblemHttpResult>> ListAsync(TabCaller caller, AccessRule access, ActionPlanStore store, CancellationToken cancellationToken) =>
        Refused(caller, access, Permission.ViewActionPlan, "GET actionplan") is { } refused
            ? refused
            : TypedResults.Ok(new ActionPlanDto([.. (await store.ListAsync(caller.TenantId, cancellationToken)).Select(ToDto)]));

    private static async Task<Results<Created<ActionRowDto>, ProblemHttpResult>> AddAsync(
        TabCaller caller, ActionRowInput body, AccessRule access, ActionPlanStore store, CancellationToken cancellationToken)
    {
        if (Refused(caller, access, Permission.EditActionPlan, "POST actionplan") is { } refused)
        {
            return refused;
        }

        if (Validate(body, "", caller.Language) is { } invalid)
        {
            return invalid;
        }

        var added = await store.AddAsync(caller.TenantId, ToRow(body, ""), cancellationToken);
        return TypedResults.Created($"/api/tab/actionplan/{added.Id}", ToDto(added));
    }

    private static async Task<Results<Ok<ActionRowDto>, ProblemHttpResult>> UpdateAsync(
        TabCaller caller, string id, ActionRowInput body, AccessRule access, ActionPlanStore store, CancellationToken cancellationToken)
    {
        if (Refused(caller, access, Permission.EditActionPlan, "PUT actionplan") is { } refused)
        {
            return refused;
        }

        if (Validate(body, id, caller.Language) is { } invalid)
        {
            return invalid;
        }

        var (outcome, row) = await store.UpdateAsync(caller.TenantId, ToRow(body, id) with { ETag = body.ETag }, cancellationToken);
        return outcome switch
        {
            ActionWrite.Written => TypedResults.Ok(ToDto(row!)),
            ActionWrite.NotFound => ApiProblem.Of(ProblemCode.ActionRowGone, "The row is gone; someone may have deleted it.", title: "Not found", statusCode: StatusCodes.Status404NotFound),
            _ => ApiProblem.Of(ProblemCode.ChangedMeanwhile, "Someone changed this row since you opened it. Reload to see their change.", title: "Changed meanwhile", statusCode: StatusCodes.Status412PreconditionFailed),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        TabCaller caller, string id, AccessRule access, ActionPlanStore store, CancellationToken cancellationToken)
    {
        if (Refused(caller, access, Permission.EditActionPlan, "DELETE actionplan") is { } refused)
        {
            return refused;
        }

        return await store.DeleteAsync(caller.TenantId, id, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblem.Of(ProblemCode.ActionRowGone, "The row is gone already.", title: "Not found", statusCode: StatusCodes.Status404NotFound);
    }

    private static ProblemHttpResult? Refused(TabCaller caller, AccessRule access, Permission permission, string entryPoint) =>
        access.Check(caller.Caller, permission, AccessTarget.Organisation, entryPoint)
            ? null
            : permission == Permission.EditActionPlan
                ? ApiProblem.Of(ProblemCode.ActionPlanEditForbidden, "Only the Lean coordinator edits the action plan.", title: "Not allowed", statusCode: StatusCodes.Status403Forbidden)
                : ApiProblem.Of(ProblemCode.ActionPlanReadForbidden, "The action plan is for the people of the organisation.", title: "Not allowed", statusCode: StatusCodes.Status403Forbidden);

    /// <summary>Every broken rule by field, so the tab can show each next to its input.</summary>
    private static ProblemHttpResult? Validate(ActionRowInput body, string id, Language language)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var t = FieldProblemTexts.For(language);
        void Text(string field, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
            {
                errors[field] = [t.TextLength(max)];
            }
            else if (FreeTextScreen.Refusal(language, value) is { } refused)
            {
                errors[field] = [refused];
            }
        }

        Text("challenge", body.Challenge, 300);
        Text("measures", body.Measures, 1000);
        Text("responsible", body.Responsible, 200);
        if (body.Deadline is null)
        {
            errors["deadline"] = [t.GiveDate];
        }

        if (body.Status is not { } status || !Enum.IsDefined(status))
        {
            errors["status"] = [t.ActionStatus];
        }

        if (id.Length > 0 && string.IsNullOrEmpty(body.ETag))
        {
            errors["etag"] = [t.SendETag];
        }

        return errors.Count == 0
            ? null
            : ApiProblem.Of(ProblemCode.InvalidField, title: "Check the highlighted fields", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    private static ActionRow ToRow(ActionRowInput dto, string id) =>
        new(id, dto.Challenge!.Trim(), dto.Measures!.Trim(), dto.Responsible!.Trim(), dto.Deadline!.Value, dto.Status!.Value);

    private static ActionRowDto ToDto(ActionRow row) => new(row.Id, row.Challenge, row.Measures, row.Responsible, row.Deadline, row.Status, row.ETag);
}
