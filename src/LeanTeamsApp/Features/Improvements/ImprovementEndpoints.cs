using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Errors;
using LeanTeamsApp.Infrastructure.Events;
using LeanTeamsApp.Infrastructure.OpenApi;
using LeanTeamsApp.Infrastructure.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LeanTeamsApp.Features.Improvements;

/// <summary>
/// An improvement on the tab's board. <paramref name="SuggestedBy"/> is who put it up; its owner is a person of the
/// organisation, named as they are named now: <see cref="OwnerName"/> is null when nobody of the organisation has the id
/// any more (erased), and <see cref="OwnerRemoved"/> true when the person has left it. <see cref="Moves"/> are the stages it
/// may be moved to by hand; <see cref="Pick"/> its quadrant on the effort/effect grid, null until placed.
/// </summary>
public sealed record ImprovementDto(string Id, string Title, ImprovementStage Stage, string SuggestedBy, DateTimeOffset CreatedAt, [property: JsonPropertyName("etag")] string? ETag)
{
    public string? OwnerId { get; init; }

    public string? OwnerName { get; init; }

    public bool OwnerRemoved { get; init; }

    public DateOnly? DueDate { get; init; }

    public PickLevel? Effort { get; init; }

    public PickLevel? Effect { get; init; }

    public PickQuadrant? Pick { get; init; }

    public IReadOnlyList<ImprovementStage> Moves { get; init; } = [];

    public static ImprovementDto From(Improvement improvement, IReadOnlyDictionary<string, Person> owners)
    {
        ArgumentNullException.ThrowIfNull(improvement);
        ArgumentNullException.ThrowIfNull(owners);
        var owner = improvement.OwnerId is { } id ? owners.GetValueOrDefault(id) : null;
        return new(improvement.Id, improvement.Title, improvement.Stage, improvement.OwnerName, improvement.CreatedAt, improvement.ETag)
        {
            OwnerId = improvement.OwnerId,
            OwnerName = owner?.Name,
            OwnerRemoved = improvement.OwnerId is not null && owner is not { Removed: false },
            DueDate = improvement.DueDate,
            Effort = improvement.Effort,
            Effect = improvement.Effect,
            Pick = improvement.Pick,
            Moves = Improvement.MovesByHand(improvement.Stage),
        };
    }

    /// <summary>The people the improvements name as owners, read once each.</summary>
    public static async Task<IReadOnlyDictionary<string, Person>> OwnersAsync(
        OrganisationStore organisation, string tenantId, IEnumerable<Improvement> improvements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(improvements);
        var owners = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var id in improvements.Select(i => i.OwnerId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (id.Length <= Person.MaxIdLength && await organisation.GetPersonAsync(tenantId, id, cancellationToken) is { } person)
            {
                owners[id] = person;
            }
        }

        return owners;
    }
}

/// <summary>Someone who can be named owner from the board without a directory search: the unit's own people.</summary>
public sealed record BoardPersonDto(string Id, string Name);

/// <summary>A new improvement: its title, and optionally its owner (a person's id, an e-mail address) and due date (yyyy-MM-dd).</summary>
public sealed record CreateImprovementRequest(string? Title, string? OwnerId, string? DueDate);

/// <summary>A move to <c>to</c> (a stage's name), with the <c>etag</c> it was read with (or send it as If-Match).</summary>
public sealed record MoveImprovementRequest(string? To, [property: JsonPropertyName("etag")] string? ETag);

/// <summary>The owner by id (an e-mail address); null or empty leaves it without one.</summary>
public sealed record ImprovementOwnerRequest(string? OwnerId, [property: JsonPropertyName("etag")] string? ETag);

/// <summary>The due date as yyyy-MM-dd; null or empty leaves it without one.</summary>
public sealed record ImprovementDueDateRequest(string? DueDate, [property: JsonPropertyName("etag")] string? ETag);

/// <summary>Its place on the PICK grid: <c>effort</c> and <c>effect</c> each <c>low</c> or <c>high</c>; both null takes it off the grid.</summary>
public sealed record ImprovementPlaceRequest(string? Effort, string? Effect, [property: JsonPropertyName("etag")] string? ETag);

/// <summary>
/// The unit's board in the tab, used during the board meeting (docs/tab-api.md): add an improvement, move it, give it
/// an owner and a due date, place it on the effort/effect grid. Each change is guarded by the ETag the improvement was
/// read with and announced (<see cref="BoardChanged"/>), so the week's figures, the chat cards and the digest follow. A
/// refusal changes nothing.
/// </summary>
public static class ImprovementEndpoints
{
    /// <summary>How far ahead a due date may be: a board plans in weeks and months, and a typo of a year is caught.</summary>
    private const int MaxYearsAhead = 5;

    public static IEndpointRouteBuilder MapImprovementBoard(this IEndpointRouteBuilder app)
    {
        var improvements = app.MapTabGroup("/api/tab/units/{unitId}/improvements");
        improvements.MapPost("/", CreateAsync).ProducesProblems(400, 403, 404, 409);
        improvements.MapPost("/{id}/move", MoveAsync).ProducesProblems(400, 403, 404, 409, 412);
        improvements.MapPut("/{id}/owner", OwnerAsync).ProducesProblems(400, 403, 404, 409, 412);
        improvements.MapPut("/{id}/due", DueAsync).ProducesProblems(400, 403, 404, 409, 412);
        improvements.MapPut("/{id}/pick", PlaceAsync).ProducesProblems(400, 403, 404, 409, 412);
        return app;
    }

    /// <summary>The unit when the caller may change its board and it is not archived; otherwise the answer that says why.</summary>
    private static (Unit? Unit, ProblemHttpResult? Problem) Editable(TabCaller caller, AccessRule access, string unitId, string entryPoint)
    {
        if (DeviationEndpoints.Allowed(caller, access, unitId, Permission.ManageImprovements, entryPoint) is not { } unit)
        {
            return (null, caller.Unit(unitId) is null
                ? ApiProblem.Of(ProblemCode.UnitNotFound, "No such unit among those you can see.", title: "Not found", statusCode: StatusCodes.Status404NotFound)
                : ApiProblem.Of(ProblemCode.Forbidden, "Only the unit's leader, Lean coordinators and members, and the Lean coordinator, change its board.", title: "Not allowed", statusCode: StatusCodes.Status403Forbidden));
        }

        return DeviationEndpoints.Archived(unit) is { } archived ? (null, archived) : (unit, null);
    }

    private static async Task<Results<Created<ImprovementDto>, ProblemHttpResult>> CreateAsync(
        TabCaller caller, string unitId, CreateImprovementRequest? body,
        AccessRule access, ImprovementStore store, OrganisationStore organisation, Announcer<BoardChanged> board, TimeProvider time, CancellationToken cancellationToken)
    {
        var (unit, refused) = Editable(caller, access, unitId, "POST improvements");
        if (unit is null)
        {
            return refused!;
        }

        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var title = string.Join(' ', (body?.Title ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (title.Length is 0 or > Improvement.MaxTitleLength)
        {
            errors["title"] = [FieldProblemTexts.For(caller.Language).ImprovementTitle(Improvement.MaxTitleLength)];
        }
        else if (FreeTextScreen.Refusal(caller.Language, title) is { } screened)
        {
            errors["title"] = [screened];
        }

        var (owner, ownerProblem) = await OwnerOfAsync(body?.OwnerId, caller, organisation, cancellationToken);
        if (ownerProblem is not null)
        {
            errors["ownerId"] = [ownerProblem];
        }

        var (due, dueProblem) = DueDateOf(body?.DueDate, unit, now, caller.Language);
        if (dueProblem is not null)
        {
            errors["dueDate"] = [dueProblem];
        }

        if (errors.Count > 0)
        {
            return ApiProblem.Of(ProblemCode.InvalidField, title: "Check the highlighted fields", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }

        var improvement = new Improvement(unit.Id, RecordIds.FromActivity(now, Guid.NewGuid().ToString("N")), title, caller.Caller.DisplayName, ImprovementStage.Suggested, RecordSource.Command, now)
        {
            OwnerId = owner?.Id,
            DueDate = due,
        };
        var (_, stored) = await store.AddImprovementAsync(caller.TenantId, improvement, cancellationToken);
        await board.AnnounceAsync(new BoardChanged(caller.TenantId, unit, now), cancellationToken);
        return TypedResults.Created($"/api/tab/units/{unit.Id}/improvements/{stored.Id}", ImprovementDto.From(stored, Owners(owner)));
    }

    /// <summary>A move by hand: only those the lifecycle allows (<see cref="Improvement.MovesByHand"/>), 409 for any other.</summary>
    private static async Task<Results<Ok<ImprovementDto>, ProblemHttpResult>> MoveAsync(
        TabCaller caller, string unitId, string id, MoveImprovementRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        AccessRule access, ImprovementStore store, OrganisationStore organisation, Announcer<BoardChanged> board, TimeProvider time, CancellationToken cancellationToken)
    {
        var (unit, refused) = Editable(caller, access, unitId, "POST improvements/move");
        if (unit is null)
        {
            return refused!;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var to = Named<ImprovementStage>(body?.To);
        if (to is null)
        {
            errors["to"] = [FieldProblemTexts.For(caller.Language).BoardColumn];
        }

        var etag = ETagOf(body?.ETag, ifMatch, errors, caller.Language);
        if (errors.Count > 0)
        {
            return ApiProblem.Of(ProblemCode.InvalidField, title: "Check the highlighted fields", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }

        var now = time.GetUtcNow();
        var stage = to!.Value;
        return await ChangeAsync(
            caller, unit, id, etag!, now, store, organisation, board,
            current => current.Stage == stage ? current
                : Improvement.MovesByHand(current.Stage).Contains(stage) ? current with { Stage = stage, History = [.. current.History, new StageChange(stage, caller.Caller.DisplayName, now)] }
                : null,
            current => stage == ImprovementStage.BenefitRealised
                ? "Record its benefit as realised to move it there: the benefit's figure and the stage go together."
                : $"It is {Camel(current.Stage.ToString())} now, and can be moved to {(Improvement.MovesByHand(current.Stage) is { Count: > 0 } moves ? string.Join(" or ", moves.Select(m => Camel(m.ToString()))) : "no other stage by hand")}.",
            cancellationToken);
    }

    private static async Task<Results<Ok<ImprovementDto>, ProblemHttpResult>> OwnerAsync(
        TabCaller caller, string unitId, string id, ImprovementOwnerRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        AccessRule access, ImprovementStore store, OrganisationStore organisation, Announcer<BoardChanged> board, TimeProvider time, CancellationToken cancellationToken)
    {
        var (unit, refused) = Editable(caller, access, unitId, "PUT improvements/owner");
        if (unit is null)
        {
            return refused!;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (owner, ownerProblem) = await OwnerOfAsync(body?.OwnerId, caller, organisation, cancellationToken);
        if (ownerProblem is not null)
        {
            errors["ownerId"] = [ownerProblem];
        }

        var etag = ETagOf(body?.ETag, ifMatch, errors, caller.Language);
        if (errors.Count > 0)
        {
            return ApiProblem.Of(ProblemCode.InvalidField, title: "Check the highlighted fields", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }

        return await ChangeAsync(caller, unit, id, etag!, time.GetUtcNow(), store, organisation, board, current => current with { OwnerId = owner?.Id }, _ => "", cancellationToken);
    }

    private static async Task<Results<Ok<ImprovementDto>, ProblemHttpResult>> DueAsync(
        TabCaller caller, string unitId, string id, ImprovementDueDateRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        AccessRule access, ImprovementStore store, OrganisationStore organisation, Announcer<BoardChanged> board, TimeProvider time, CancellationToken cancellationToken)
    {
        var (unit, refused) = Editable(caller, access, unitId, "PUT improvements/due");
        if (unit is null)
        {
            return refused!;
        }

        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (due, dueProblem) = DueDateOf(body?.DueDate, unit, now, caller.Language);
        if (dueProblem is not null)
        {
            errors["dueDate"] = [dueProblem];
        }

        var etag = ETagOf(body?.ETag, ifMatch, errors, caller.Language);
        if (errors.Count > 0)
        {
            return ApiProblem.Of(ProblemCode.InvalidField, title: "Check the highlighted fields", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }

        return await ChangeAsync(caller, unit, id, etag!, now, store, organisation, board, current => current with { DueDate = due }, _ => "", cancellationToken);
    }

    private static async Task<Results<Ok<ImprovementDto>, ProblemHttpResult>> PlaceAsync(
        TabCaller caller, string unitId, string id, ImprovementPlaceRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        AccessRule access, ImprovementStore store, OrganisationStore organisation, Announcer<BoardChanged> board, TimeProvider time, CancellationToken cancellationToken)
    {
        var (unit, refused) = Editable(caller, access, unitId, "PUT improvements/pick");
        if (unit is null)
        {
            return refused!;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var unplaced = string.IsNullOrEmpty(body?.Effort) && string.IsNullOrEmpty(body?.Effect);
        var effort = Named<PickLevel>(body?.Effort);
        var effect = Named<PickLevel>(body?.Effect);
        if (!unplaced && effort is null)
        {
            errors["effort"] = [FieldProblemTexts.For(caller.Language).PickLevel];
        }

        if (!unplaced && effect is null)
        {
            errors["effect"] = [FieldProblemTexts.For(caller.Language).PickLevel];
        }

        var etag = ETagOf(body?.ETag, ifMatch, errors, caller.Language);
        if (errors.Count > 0)
        {
            return ApiProblem.Of(ProblemCode.InvalidField, title: "Check the highlighted fields", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }

        return await ChangeAsync(caller, unit, id, etag!, time.GetUtcNow(), store, organisation, board, current => current with { Effort = effort, Effect = effect }, _ => "", cancellationToken);
    }

    /// <summary>The change stored under the ETag and announced; what it came to as the tab reads it.</summary>
    private static async Task<Results<Ok<ImprovementDto>, ProblemHttpResult>> ChangeAsync(
        TabCaller caller, Unit unit, string id, string etag, DateTimeOffset now, ImprovementStore store, OrganisationStore organisation, Announcer<BoardChanged> board,
        Func<Improvement, Improvement?> change, Func<Improvement, string> whyNot, CancellationToken cancellationToken)
    {
        var (outcome, current) = await store.ChangeImprovementAsync(caller.TenantId, unit.Id, id, change, etag, cancellationToken);
        if (outcome == ImprovementChangeOutcome.Changed)
        {
            await board.AnnounceAsync(new BoardChanged(caller.TenantId, unit, now), cancellationToken);
        }

        return outcome switch
        {
            ImprovementChangeOutcome.Changed or ImprovementChangeOutcome.Unchanged =>
                TypedResults.Ok(ImprovementDto.From(current!, await ImprovementDto.OwnersAsync(organisation, caller.TenantId, [current!], cancellationToken))),
            ImprovementChangeOutcome.Stale => ApiProblem.Of(ProblemCode.ChangedMeanwhile,
                "Someone changed this improvement since you opened it. Reload to see their change.", title: "Changed meanwhile", statusCode: StatusCodes.Status412PreconditionFailed),
            ImprovementChangeOutcome.NotAllowed => ApiProblem.Of(ProblemCode.MoveNotAllowed, whyNot(current!), title: "Not possible from where it stands", statusCode: StatusCodes.Status409Conflict),
            _ => ApiProblem.Of(ProblemCode.NotFound, "The improvement is gone; a corrected check-in may have removed it.", title: "Not found", statusCode: StatusCodes.Status404NotFound),
        };
    }

    /// <summary>A person of the organisation by id; none for an empty id; a problem for anyone else.</summary>
    private static async Task<(Person? Owner, string? Problem)> OwnerOfAsync(string? ownerId, TabCaller caller, OrganisationStore organisation, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ownerId))
        {
            return (null, null);
        }

        var id = Person.NormaliseId(ownerId);
        return id.Length <= Person.MaxIdLength && await organisation.GetPersonAsync(caller.TenantId, id, cancellationToken) is { Removed: false } person
            ? (person, null)
            : (null, FieldProblemTexts.For(caller.Language).NoSuchPerson);
    }

    /// <summary>A due date from today (in the unit's time zone) to <see cref="MaxYearsAhead"/> years on; none for an empty one.</summary>
    private static (DateOnly? Due, string? Problem) DueDateOf(string? text, Unit unit, DateTimeOffset now, Language language)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).DateTime);
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) && due >= today && due <= today.AddYears(MaxYearsAhead)
            ? (due, null)
            : (null, FieldProblemTexts.For(language).DueDate(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), MaxYearsAhead));
    }

    private static string? ETagOf(string? body, string? ifMatch, Dictionary<string, string[]> errors, Language language)
    {
        var etag = string.IsNullOrEmpty(ifMatch) ? body : ifMatch;
        if (string.IsNullOrEmpty(etag))
        {
            errors["etag"] = [FieldProblemTexts.For(language).SendETag];
        }

        return etag;
    }

    private static Dictionary<string, Person> Owners(Person? owner) =>
        owner is null ? new(StringComparer.Ordinal) : new(StringComparer.Ordinal) { [owner.Id] = owner };

    private static T? Named<T>(string? name)
        where T : struct, Enum =>
        Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } found ? Enum.Parse<T>(found) : null;

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
