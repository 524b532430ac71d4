using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Events;
using LeanTeamsApp.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LeanTeamsApp.Features.Improvements;

/// <summary>
/// A recorded benefit as the tab shows it. <paramref name="Amount"/> is null when what is stored is no number;
/// <paramref name="Countable"/> is false when it is left out of every sum as out of bounds (<see cref="InputLimits.IsCountable"/>).
/// </summary>
public sealed record BenefitDto(
    string Id, BenefitKind Kind, BenefitMeasure Measure, decimal? Amount, BenefitStage Stage, DateOnly RealisedOn, IReadOnlyList<string> Affects,
    bool Countable, string? CorrectedBy, string? ImprovementId, [property: JsonPropertyName("etag")] string? ETag)
{
    public static BenefitDto From(Benefit benefit, Func<string, string> unitName)
    {
        ArgumentNullException.ThrowIfNull(benefit);
        ArgumentNullException.ThrowIfNull(unitName);
        return new(benefit.Id, benefit.Kind, benefit.Measure, benefit.UnreadableAmount is null ? benefit.Amount : null, benefit.Stage, benefit.RealisedOn,
            [.. benefit.AffectsUnitIds.Select(unitName)], InputLimits.IsCountable(benefit), benefit.CorrectedBy, benefit.ImprovementId, benefit.ETag);
    }
}

/// <summary>The range of amounts one measure takes, for the tab to check before it sends (the service checks again).</summary>
public sealed record BenefitRangeDto(BenefitMeasure Measure, decimal Min, decimal Max, int Decimals)
{
    public static IReadOnlyList<BenefitRangeDto> All { get; } = [.. Enum.GetValues<BenefitMeasure>().Select(Of)];

    private static BenefitRangeDto Of(BenefitMeasure measure)
    {
        var range = InputLimits.Benefit(measure);
        return new(measure, range.Min, range.Max, range.Decimals);
    }
}

/// <summary>
/// A correction of a benefit's figures. Kind and measure are their names; the amount a JSON number or a string holding
/// one; <c>etag</c> the version it was read with (or send it as If-Match).
/// </summary>
public sealed record CorrectBenefitRequest(string? Kind, string? Measure, JsonElement? Amount, [property: JsonPropertyName("etag")] string? ETag);

/// <summary>
/// Correcting or deleting a wrong benefit from the tab (docs/tab-api.md): the coordinator, and the unit's leader and
/// Lean coordinators for their own unit. Each change is announced (<see cref="BoardChanged"/>), so the week's figures, the digest and the report follow.
/// </summary>
public static class BenefitEndpoints
{
    public static IEndpointRouteBuilder MapBenefits(this IEndpointRouteBuilder app)
    {
        var benefits = app.MapTabGroup("/api/tab/units/{unitId}/benefits");
        benefits.MapPut("/{id}", CorrectAsync).ProducesProblems(400, 403, 404, 412);
        benefits.MapDelete("/{id}", DeleteAsync).ProducesProblems(400, 403, 404, 412);
        return app;
    }

    private static async Task<Results<Ok<BenefitDto>, ProblemHttpResult>> CorrectAsync(
        TabCaller caller, string unitId, string id, CorrectBenefitRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        AccessRule access, ImprovementStore store, Announcer<BoardChanged> board, TimeProvider time, CancellationToken cancellationToken)
    {
        if (DeviationEndpoints.Allowed(caller, access, unitId, Permission.CorrectBenefits, "PUT benefits") is not { } unit)
        {
            return Refusal(caller, unitId);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = Named<BenefitKind>(body?.Kind);
        if (kind is null)
        {
            errors["kind"] = [$"Choose one of {string.Join(", ", Enum.GetNames<BenefitKind>().Select(Camel))}."];
        }

        var measure = Named<BenefitMeasure>(body?.Measure);
        if (measure is null)
        {
            errors["measure"] = [$"Choose one of {string.Join(", ", Enum.GetNames<BenefitMeasure>().Select(Camel))}."];
        }

        var amount = 0m;
        var amountText = body?.Amount is { ValueKind: JsonValueKind.Number } number ? number.GetRawText()
            : body?.Amount is { ValueKind: JsonValueKind.String } text ? text.GetString()
            : null;
        if (measure is { } m)
        {
            switch (InputLimits.TryReadAmount(amountText, m, out amount))
            {
                case AmountProblem.NotANumber:
                    errors["amount"] = ["Give the amount as a plain number, such as 12.5 (no exponent, NaN or infinity)."];
                    break;
                case AmountProblem.OutOfRange:
                    errors["amount"] = [RangeMessage(m)];
                    break;
            }
        }
        else if (amountText is null)
        {
            errors["amount"] = ["Give the amount as a plain number, such as 12.5."];
        }

        var etag = string.IsNullOrEmpty(body?.ETag) ? ifMatch : body.ETag;
        if (string.IsNullOrEmpty(etag))
        {
            errors["etag"] = ["Send the etag the benefit was read with."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.Problem(title: "Check the highlighted fields", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }

        var (outcome, current) = await store.CorrectBenefitAsync(
            caller.TenantId, unit.Id, id, kind!.Value, measure!.Value, amount, caller.Caller.DisplayName, time.GetUtcNow(), etag!, cancellationToken);
        if (outcome == BenefitChangeOutcome.Changed)
        {
            await AnnounceAsync(caller.TenantId, unit, current!, time.GetUtcNow(), board, cancellationToken);
        }

        return outcome is BenefitChangeOutcome.Changed or BenefitChangeOutcome.Unchanged
            ? TypedResults.Ok(BenefitDto.From(current!, u => caller.Unit(u)?.Name ?? u))
            : Problem(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        TabCaller caller, string unitId, string id, [FromHeader(Name = "If-Match")] string? ifMatch,
        AccessRule access, ImprovementStore store, Announcer<BoardChanged> board, TimeProvider time, CancellationToken cancellationToken)
    {
        if (DeviationEndpoints.Allowed(caller, access, unitId, Permission.CorrectBenefits, "DELETE benefits") is not { } unit)
        {
            return Refusal(caller, unitId);
        }

        if (string.IsNullOrEmpty(ifMatch))
        {
            return DeviationEndpoints.FieldProblem("etag", "Send the etag the benefit was read with, as If-Match.");
        }

        var (outcome, deleted) = await store.DeleteBenefitAsync(caller.TenantId, unit.Id, id, caller.Caller.DisplayName, time.GetUtcNow(), ifMatch, cancellationToken);
        if (outcome != BenefitChangeOutcome.Changed)
        {
            return Problem(outcome);
        }

        await AnnounceAsync(caller.TenantId, unit, deleted!, time.GetUtcNow(), board, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The change announced for the week the benefit was realised in, so that its sums, the year's and the digest's follow.
    /// </summary>
    private static Task AnnounceAsync(string tenantId, Unit unit, Benefit benefit, DateTimeOffset now, Announcer<BoardChanged> board, CancellationToken cancellationToken) =>
        board.AnnounceAsync(
            new BoardChanged(tenantId, unit, now)
            {
                // A row stored with no readable date belongs to no week of its own: only this week is counted again.
                MeetingDate = benefit.RealisedOn == DateOnly.MinValue ? null : MeetingClock.DateIn(unit, IsoWeek.Of(benefit.RealisedOn)),
            },
            cancellationToken);

    /// <summary>The range of <paramref name="measure"/> in words, for a 400 the tab shows next to the amount.</summary>
    public static string RangeMessage(BenefitMeasure measure)
    {
        var range = InputLimits.Benefit(measure);
        var max = range.Max.ToString("#,0", CultureInfo.InvariantCulture);
        return range.Whole
            ? $"Give a whole number from {range.Min.ToString(CultureInfo.InvariantCulture)} to {max} ({Camel(measure.ToString())})."
            : $"Give a number above 0 and at most {max} ({Camel(measure.ToString())}), with at most {range.Decimals} decimals.";
    }

    private static T? Named<T>(string? name)
        where T : struct, Enum =>
        Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } found ? Enum.Parse<T>(found) : null;

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static ProblemHttpResult Refusal(TabCaller caller, string unitId) =>
        caller.Unit(unitId) is null
            ? TypedResults.Problem("No such unit among those you can see.", title: "Not found", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Problem("Only the Lean coordinator, and the unit's leader and Lean coordinators, correct or delete its benefits.", title: "Not allowed", statusCode: StatusCodes.Status403Forbidden);

    private static ProblemHttpResult Problem(BenefitChangeOutcome outcome) => outcome == BenefitChangeOutcome.Stale
        ? TypedResults.Problem("Someone changed this benefit since you opened it. Reload to see their change.", title: "Changed meanwhile", statusCode: StatusCodes.Status412PreconditionFailed)
        : TypedResults.Problem("The benefit is gone; someone may have deleted it.", title: "Not found", statusCode: StatusCodes.Status404NotFound);
}
