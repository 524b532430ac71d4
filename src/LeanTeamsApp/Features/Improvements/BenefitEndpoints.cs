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
using LeanTeamsApp.Infrastructure.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using LeanTeamsApp.Infrastructure.Errors;

namespace LeanTeamsApp.Features.Improvements;

/// <summary>
/// A recorded benefit as the tab shows it. <paramref name="Amount"/> is the figure of the stage it stands at, null when
/// what is stored is no number; <paramref name="Countable"/> is false when it is left out of every sum as out of bounds
/// (<see cref="InputLimits.IsCountable"/>). <paramref name="RealisedOn"/> is null until it is realised. The figures per stage
/// are in its measure; <paramref name="WorkYears"/> gives those in hours as årsverk by the organisation's hours per årsverk.
/// </summary>
public sealed record BenefitDto(
    string Id, BenefitKind Kind, BenefitMeasure Measure, decimal? Amount, BenefitStage Stage, DateOnly? RealisedOn, IReadOnlyList<string> Affects,
    bool Countable, string? CorrectedBy, string? ImprovementId, [property: JsonPropertyName("etag")] string? ETag)
{
    public string? Title { get; init; }

    public string? OwnerId { get; init; }

    public decimal? Identified { get; init; }

    public decimal? Planned { get; init; }

    public DateOnly? PlannedOn { get; init; }

    public decimal? Realised { get; init; }

    public string? Reinvested { get; init; }

    public StageWorkYearsDto? WorkYears { get; init; }

    public static BenefitDto From(Benefit benefit, Func<string, string> unitName, decimal hoursPerWorkYear)
    {
        ArgumentNullException.ThrowIfNull(benefit);
        ArgumentNullException.ThrowIfNull(unitName);
        decimal? Years(decimal? hours) => hours is { } h ? Board.WorkYears.FromHours(h, hoursPerWorkYear) : null;
        return new(benefit.Id, benefit.Kind, benefit.Measure, benefit.UnreadableAmount is null ? benefit.AmountAt(benefit.Stage) : null, benefit.Stage,
            benefit.IsRealised ? benefit.RealisedOn : null, [.. benefit.AffectsUnitIds.Select(unitName)], InputLimits.IsCountable(benefit), benefit.CorrectedBy,
            benefit.ImprovementId, benefit.ETag)
        {
            Title = benefit.Title,
            OwnerId = benefit.OwnerId,
            Identified = benefit.Identified,
            Planned = benefit.Planned,
            PlannedOn = benefit.PlannedOn,
            Realised = benefit.UnreadableAmount is null ? benefit.Realised : null,
            Reinvested = benefit.Reinvested,
            WorkYears = benefit.Measure == BenefitMeasure.Hours && benefit.UnreadableAmount is null
                ? new StageWorkYearsDto(Years(benefit.Identified), Years(benefit.Planned), Years(benefit.Realised))
                : null,
        };
    }
}

/// <summary>A benefit's hours per stage in årsverk, null for a stage it has no figure for.</summary>
public sealed record StageWorkYearsDto(decimal? Identified, decimal? Planned, decimal? Realised);

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
/// A new benefit at its estimate: of an improvement (<c>improvementId</c>), or of the unit under a short <c>title</c> where
/// no improvement fits. <c>measure</c> may be <c>workYears</c>: the estimate is then stored in hours.
/// </summary>
public sealed record CreateBenefitRequest(string? ImprovementId, string? Title, string? Kind, string? Measure, JsonElement? Identified, string? OwnerId);

/// <summary>
/// The figure of one stage: <c>amount</c> (identified, planned, realised; in årsverk when <c>inWorkYears</c> and the
/// benefit is in hours), <c>date</c> (planned: required; realised: today when left out), <c>text</c> (reinvested: what
/// the freed capacity went to), and the <c>etag</c> the benefit was read with (or send it as If-Match).
/// </summary>
public sealed record RecordStageRequest(JsonElement? Amount, bool? InWorkYears, DateOnly? Date, string? Text, [property: JsonPropertyName("etag")] string? ETag);

/// <summary>
/// Correcting or deleting a wrong benefit from the tab (docs/tab-api.md): the coordinator, and the unit's leader and
/// Lean coordinators for their own unit. Each change is announced (<see cref="BoardChanged"/>), so the week's figures, the digest and the report follow.
/// </summary>
public static class BenefitEndpoints
{
    public static IEndpointRouteBuilder MapBenefits(this IEndpointRouteBuilder app)
    {
        var benefits = app.MapTabGroup("/api/tab/units/{unitId}/benefits");
        benefits.MapPost("/", CreateAsync).ProducesProblems(400, 403, 404, 409);
        benefits.MapPut("/{id}/stages/{stage}", RecordStageAsync).ProducesProblems(400, 403, 404, 409, 412);
        benefits.MapPut("/{id}", CorrectAsync).ProducesProblems(400, 403, 404, 409, 412);
        benefits.MapDelete("/{id}", DeleteAsync).ProducesProblems(400, 403, 404, 409, 412);
        return app;
    }

    /// <summary>
    /// A benefit identified: anyone who works on the unit's board. An improvement has one benefit, so a second is refused
    /// with the one there is (409): its stages are recorded on it.
    /// </summary>
    private static async Task<Results<Created<BenefitDto>, ProblemHttpResult>> CreateAsync(
        TabCaller caller, string unitId, CreateBenefitRequest? body,
        AccessRule access, ImprovementStore store, Announcer<BoardChanged> board, TimeProvider time, CancellationToken cancellationToken)
    {
        if (DeviationEndpoints.Allowed(caller, access, unitId, Permission.WorkOnBoard, "POST benefits") is not { } unit)
        {
            return WorkRefusal(caller, unitId);
        }

        if (DeviationEndpoints.Archived(unit) is { } archived)
        {
            return archived;
        }

        var language = caller.Language;
        var problems = FieldProblemTexts.For(language);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Improvement? improvement = null;
        var title = string.Join(' ', (body?.Title ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (!string.IsNullOrEmpty(body?.ImprovementId))
        {
            improvement = await store.GetImprovementAsync(caller.TenantId, unit.Id, body.ImprovementId, cancellationToken);
            if (improvement is null)
            {
                errors["improvementId"] = [problems.NoSuchImprovement];
            }
            else if (improvement.Stage == ImprovementStage.Rejected)
            {
                errors["improvementId"] = [problems.ImprovementRejected];
            }
        }
        else if (title.Length is 0 or > Benefit.MaxTitleLength)
        {
            errors["title"] = [problems.BenefitTitle(Benefit.MaxTitleLength)];
        }
        else if (FreeTextScreen.Refusal(language, title) is { } refused)
        {
            errors["title"] = [refused];
        }

        var kind = Named<BenefitKind>(body?.Kind);
        if (kind is null)
        {
            errors["kind"] = [problems.ChooseOneOf(string.Join(", ", Enum.GetNames<BenefitKind>().Select(Camel)))];
        }

        var inWorkYears = string.Equals(body?.Measure, "workYears", StringComparison.OrdinalIgnoreCase);
        var measure = inWorkYears ? BenefitMeasure.Hours : Named<BenefitMeasure>(body?.Measure);
        if (measure is null)
        {
            errors["measure"] = [problems.ChooseOneOf(string.Join(", ", Enum.GetNames<BenefitMeasure>().Select(Camel).Append("workYears")))];
        }

        var identified = measure is { } m ? ReadAmount(body?.Identified, m, inWorkYears, caller.Organisation.HoursPerWorkYear, "identified", errors, language) : 0m;
        string? ownerId = null;
        if (!string.IsNullOrWhiteSpace(body?.OwnerId))
        {
            ownerId = Person.NormaliseId(body.OwnerId);
            if (ownerId.Length > InputLimits.PersonId || !ownerId.Contains('@', StringComparison.Ordinal))
            {
                errors["ownerId"] = [problems.BenefitOwner(InputLimits.PersonId)];
            }
        }

        if (errors.Count > 0)
        {
            return Problems(errors);
        }

        var now = time.GetUtcNow();
        var today = MeetingClock.Today(unit, now);
        var id = improvement is null ? RecordIds.FromActivity(now, Guid.NewGuid().ToString("N")) : RecordIds.BenefitOfImprovement(improvement.Id);
        var benefit = new Benefit(unit.Id, id, kind!.Value, BenefitStage.Identified, 0, measure!.Value, [], today, caller.Caller.DisplayName, RecordSource.Command)
        {
            ImprovementId = improvement?.Id,
            Title = improvement is null ? title : null,
            OwnerId = ownerId ?? (caller.Caller.Email is { } email ? Person.NormaliseId(email) : null),
            Identified = identified,
            IdentifiedOn = today,
        };
        var (added, stored) = await store.AddBenefitAsync(caller.TenantId, benefit, cancellationToken);
        if (!added)
        {
            return ApiProblem.Of(ProblemCode.BenefitExists,
                "This improvement has its benefit already: record its stages on that one.", title: "Exists already", statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["benefitId"] = id });
        }

        await board.AnnounceAsync(new BoardChanged(caller.TenantId, unit, now), cancellationToken);
        return TypedResults.Created($"/api/tab/units/{unit.Id}/benefits/{id}", BenefitDto.From(stored!, u => caller.Unit(u)?.Name ?? u, caller.Organisation.HoursPerWorkYear));
    }

    /// <summary>
    /// The figure of one stage recorded on a benefit, guarded by its ETag. The realised figure of an improvement's benefit
    /// moves the improvement to "benefit realised" with it, so it must be done; reinvestment needs a realised benefit.
    /// </summary>
    private static async Task<Results<Ok<BenefitDto>, ProblemHttpResult>> RecordStageAsync(
        TabCaller caller, string unitId, string id, string stage, RecordStageRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        AccessRule access, ImprovementStore store, Announcer<BoardChanged> board, TimeProvider time, CancellationToken cancellationToken)
    {
        if (DeviationEndpoints.Allowed(caller, access, unitId, Permission.WorkOnBoard, "PUT benefits/stages") is not { } unit)
        {
            return WorkRefusal(caller, unitId);
        }

        if (DeviationEndpoints.Archived(unit) is { } archived)
        {
            return archived;
        }

        var problems = FieldProblemTexts.For(caller.Language);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var to = Named<BenefitStage>(stage);
        if (to is null)
        {
            errors["stage"] = [problems.ChooseOneOf(string.Join(", ", Enum.GetNames<BenefitStage>().Select(Camel)))];
        }

        var etag = string.IsNullOrEmpty(body?.ETag) ? ifMatch : body.ETag;
        if (string.IsNullOrEmpty(etag))
        {
            errors["etag"] = [problems.SendETag];
        }

        if (errors.Count > 0)
        {
            return Problems(errors);
        }

        if (await store.GetBenefitAsync(caller.TenantId, unit.Id, id, cancellationToken) is not { } current)
        {
            return Problem(BenefitChangeOutcome.NotFound);
        }

        var now = time.GetUtcNow();
        Benefit changed;
        if (to == BenefitStage.Reinvested)
        {
            var language = caller.Language;
            var text = (body?.Text ?? "").Trim();
            if (!current.IsRealised)
            {
                return DeviationEndpoints.FieldProblem("stage", problems.RealiseFirst);
            }

            if (text.Length is 0 or > Benefit.MaxReinvestedLength)
            {
                return DeviationEndpoints.FieldProblem("text", problems.Reinvested(Benefit.MaxReinvestedLength));
            }

            if (FreeTextScreen.Refusal(language, text) is { } refused)
            {
                return DeviationEndpoints.FieldProblem("text", refused);
            }

            changed = current.WithReinvested(text, MeetingClock.Today(unit, now));
        }
        else
        {
            var amount = ReadAmount(body?.Amount, current.Measure, body?.InWorkYears == true, caller.Organisation.HoursPerWorkYear, "amount", errors, caller.Language);
            if (body?.InWorkYears == true && current.Measure != BenefitMeasure.Hours)
            {
                errors["inWorkYears"] = [problems.WorkYearsOnlyForHours];
            }

            if (to == BenefitStage.Planned && body?.Date is null)
            {
                errors["date"] = [problems.PlannedDate];
            }

            if (errors.Count > 0)
            {
                return Problems(errors);
            }

            changed = current.WithStage(to!.Value, amount, body?.Date ?? MeetingClock.Today(unit, now));
        }

        if (!changed.SameAs(current) && current.Source == RecordSource.CheckIn)
        {
            // Marked as changed here, so that the check-in it came from, sent again, does not put the old figures back.
            changed = changed with { CorrectedBy = caller.Caller.DisplayName, CorrectedAt = now };
        }

        if (to == BenefitStage.Realised && current.ImprovementId is { } improvementId && !changed.SameAs(current))
        {
            if (current.ETag != etag)
            {
                return Problem(BenefitChangeOutcome.Stale);
            }

            if (await store.GetImprovementAsync(caller.TenantId, unit.Id, improvementId, cancellationToken) is not { } improvement)
            {
                return Problem(BenefitChangeOutcome.NotFound);
            }

            var (moved, _) = await store.RealiseBenefitAsync(caller.TenantId, improvement, changed, caller.Caller.DisplayName, now, etag, cancellationToken);
            if (moved is not (MoveOutcome.Moved or MoveOutcome.AlreadyThere))
            {
                return (await store.GetBenefitAsync(caller.TenantId, unit.Id, id, cancellationToken))?.ETag != etag
                    ? Problem(BenefitChangeOutcome.Stale)
                    : ApiProblem.Of(ProblemCode.ImprovementNotDone, "Its improvement is not done yet: move it to done before its benefit is realised.", title: "Not done yet", statusCode: StatusCodes.Status409Conflict);
            }

            var realised = (await store.GetBenefitAsync(caller.TenantId, unit.Id, id, cancellationToken))!;
            await AnnounceAsync(caller.TenantId, unit, realised, now, board, cancellationToken);
            return TypedResults.Ok(BenefitDto.From(realised, u => caller.Unit(u)?.Name ?? u, caller.Organisation.HoursPerWorkYear));
        }

        var (outcome, stored) = await store.ChangeBenefitAsync(caller.TenantId, unit.Id, id, _ => changed, etag!, cancellationToken);
        if (outcome == BenefitChangeOutcome.Changed)
        {
            await AnnounceAsync(caller.TenantId, unit, stored!, now, board, cancellationToken);
        }

        return outcome is BenefitChangeOutcome.Changed or BenefitChangeOutcome.Unchanged
            ? TypedResults.Ok(BenefitDto.From(stored!, u => caller.Unit(u)?.Name ?? u, caller.Organisation.HoursPerWorkYear))
            : Problem(outcome);
    }

    /// <summary>
    /// An amount in <paramref name="measure"/>, or in årsverk stored as hours; a problem is added under <paramref name="field"/>.
    /// </summary>
    private static decimal ReadAmount(JsonElement? value, BenefitMeasure measure, bool inWorkYears, decimal hoursPerWorkYear, string field, Dictionary<string, string[]> errors, Language language)
    {
        var problems = FieldProblemTexts.For(language);
        var text = value is { ValueKind: JsonValueKind.Number } number ? number.GetRawText()
            : value is { ValueKind: JsonValueKind.String } s ? s.GetString()
            : null;
        if (text is null)
        {
            errors[field] = [problems.AmountNumber];
            return 0;
        }

        var problem = InputLimits.TryReadAmount(text, measure, out var amount);
        if (problem == AmountProblem.None && inWorkYears)
        {
            amount = WorkYears.ToHours(amount, hoursPerWorkYear);
            problem = InputLimits.IsValid(BenefitMeasure.Hours, amount) ? AmountProblem.None : AmountProblem.OutOfRange;
        }

        switch (problem)
        {
            case AmountProblem.NotANumber:
                errors[field] = [problems.AmountPlainNumber];
                break;
            case AmountProblem.OutOfRange:
                errors[field] = [RangeMessage(measure, language)];
                break;
        }

        return amount;
    }


    private static ProblemHttpResult Problems(Dictionary<string, string[]> errors) =>
        ApiProblem.Of(ProblemCode.InvalidField, title: "Check the highlighted fields", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["errors"] = errors });

    private static ProblemHttpResult WorkRefusal(TabCaller caller, string unitId) =>
        caller.Unit(unitId) is null
            ? ApiProblem.Of(ProblemCode.UnitNotFound, "No such unit among those you can see.", title: "Not found", statusCode: StatusCodes.Status404NotFound)
            : ApiProblem.Of(ProblemCode.BenefitForbidden, "Only the unit's leader, Lean coordinators and members record its benefits.", title: "Not allowed", statusCode: StatusCodes.Status403Forbidden);

    private static async Task<Results<Ok<BenefitDto>, ProblemHttpResult>> CorrectAsync(
        TabCaller caller, string unitId, string id, CorrectBenefitRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        AccessRule access, ImprovementStore store, Announcer<BoardChanged> board, TimeProvider time, CancellationToken cancellationToken)
    {
        if (DeviationEndpoints.Allowed(caller, access, unitId, Permission.CorrectBenefits, "PUT benefits") is not { } unit)
        {
            return Refusal(caller, unitId);
        }

        if (DeviationEndpoints.Archived(unit) is { } archived)
        {
            return archived;
        }

        var problems = FieldProblemTexts.For(caller.Language);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = Named<BenefitKind>(body?.Kind);
        if (kind is null)
        {
            errors["kind"] = [problems.ChooseOneOf(string.Join(", ", Enum.GetNames<BenefitKind>().Select(Camel)))];
        }

        var measure = Named<BenefitMeasure>(body?.Measure);
        if (measure is null)
        {
            errors["measure"] = [problems.ChooseOneOf(string.Join(", ", Enum.GetNames<BenefitMeasure>().Select(Camel)))];
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
                    errors["amount"] = [problems.AmountPlainNumber];
                    break;
                case AmountProblem.OutOfRange:
                    errors["amount"] = [RangeMessage(m, caller.Language)];
                    break;
            }
        }
        else if (amountText is null)
        {
            errors["amount"] = [problems.AmountNumber];
        }

        var etag = string.IsNullOrEmpty(body?.ETag) ? ifMatch : body.ETag;
        if (string.IsNullOrEmpty(etag))
        {
            errors["etag"] = [problems.SendETag];
        }

        if (errors.Count > 0)
        {
            return ApiProblem.Of(ProblemCode.InvalidField, title: "Check the highlighted fields", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }

        var (outcome, current) = await store.CorrectBenefitAsync(
            caller.TenantId, unit.Id, id, kind!.Value, measure!.Value, amount, caller.Caller.DisplayName, time.GetUtcNow(), etag!, cancellationToken);
        if (outcome == BenefitChangeOutcome.Changed)
        {
            await AnnounceAsync(caller.TenantId, unit, current!, time.GetUtcNow(), board, cancellationToken);
        }

        return outcome is BenefitChangeOutcome.Changed or BenefitChangeOutcome.Unchanged
            ? TypedResults.Ok(BenefitDto.From(current!, u => caller.Unit(u)?.Name ?? u, caller.Organisation.HoursPerWorkYear))
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

        if (DeviationEndpoints.Archived(unit) is { } archived)
        {
            return archived;
        }

        if (string.IsNullOrEmpty(ifMatch))
        {
            return DeviationEndpoints.FieldProblem("etag", FieldProblemTexts.For(caller.Language).SendETag);
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

    /// <summary>
    /// The range of <paramref name="measure"/> in words of <paramref name="language"/>, for a 400 the tab shows next to
    /// the amount: the measure named as the check-in names it, the most grouped as the language groups thousands.
    /// </summary>
    public static string RangeMessage(BenefitMeasure measure, Language language)
    {
        var problems = FieldProblemTexts.For(language);
        var range = InputLimits.Benefit(measure);
        var max = range.Max.ToString("#,0", language.Culture());
        var name = CheckInTexts.For(language).Measures.TryGetValue(measure, out var label) ? label : Camel(measure.ToString());
        return range.Whole
            ? problems.AmountWhole(range.Min.ToString(CultureInfo.InvariantCulture), max, name)
            : problems.AmountDecimals(max, name, range.Decimals);
    }

    private static T? Named<T>(string? name)
        where T : struct, Enum =>
        Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } found ? Enum.Parse<T>(found) : null;

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static ProblemHttpResult Refusal(TabCaller caller, string unitId) =>
        caller.Unit(unitId) is null
            ? ApiProblem.Of(ProblemCode.UnitNotFound, "No such unit among those you can see.", title: "Not found", statusCode: StatusCodes.Status404NotFound)
            : ApiProblem.Of(ProblemCode.BenefitCorrectForbidden, "Only the Lean coordinator, and the unit's leader and Lean coordinators, correct or delete its benefits.", title: "Not allowed", statusCode: StatusCodes.Status403Forbidden);

    private static ProblemHttpResult Problem(BenefitChangeOutcome outcome) => outcome == BenefitChangeOutcome.Stale
        ? ApiProblem.Of(ProblemCode.ChangedMeanwhile, "Someone changed this benefit since you opened it. Reload to see their change.", title: "Changed meanwhile", statusCode: StatusCodes.Status412PreconditionFailed)
        : ApiProblem.Of(ProblemCode.BenefitGone, "The benefit is gone; someone may have deleted it.", title: "Not found", statusCode: StatusCodes.Status404NotFound);
}
