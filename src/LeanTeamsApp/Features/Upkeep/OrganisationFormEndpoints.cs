using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using LeanTeamsApp.Infrastructure.Errors;

namespace LeanTeamsApp.Features.Upkeep;

/// <summary>
/// The organisation edited one thing at a time in the tab (docs/tab-api.md): a unit added, edited, moved, archived or
/// restored, a service area, the organisation's settings. Every save goes through <see cref="OrganisationEdits"/>, so
/// the import's rules, journal and history. A unit's leader edits their unit's board meeting, unit coordinators and
/// goals; a service area's leader the area's goals; the coordinator everything.
/// </summary>
public static class OrganisationFormEndpoints
{
    public static IEndpointRouteBuilder MapOrganisationForms(this IEndpointRouteBuilder app)
    {
        var organisation = app.MapTabGroup("/api/tab/organisation");
        organisation.MapGet("/forms", FormsAsync);
        organisation.MapPost("/units", CreateUnitAsync).ProducesProblems(400, 403, 409, 503);
        organisation.MapGet("/units/{unitId}", UnitAsync).ProducesProblems(403, 404);
        organisation.MapPut("/units/{unitId}", EditUnitAsync).ProducesProblems(400, 403, 404, 412, 503);
        organisation.MapPost("/units/{unitId}/archive", ArchiveAsync).ProducesProblems(400, 403, 404, 412, 503);
        organisation.MapPost("/units/{unitId}/restore", RestoreAsync).ProducesProblems(400, 403, 404, 412, 503);
        organisation.MapGet("/areas/{areaId}", AreaAsync).ProducesProblems(403, 404);
        organisation.MapPut("/areas/{areaId}", EditAreaAsync).ProducesProblems(400, 403, 404, 412, 503);
        organisation.MapPut("/settings", EditSettingsAsync).ProducesProblems(400, 403, 404, 412, 503);
        organisation.MapPut("/roles", EditRolesAsync).ProducesProblems(400, 403, 412, 503);
        return app;
    }

    /// <summary>Everything the coordinator's page edits, each with the ETag to send back.</summary>
    private static async Task<Results<Ok<OrganisationFormsDto>, ProblemHttpResult>> FormsAsync(
        TabCaller caller, AccessRule access, OrganisationStore store, CancellationToken cancellationToken)
    {
        if (!access.Check(caller.Caller, Permission.ManageOrganisation, AccessTarget.Organisation, "GET organisation/forms"))
        {
            return CoordinatorOnly();
        }

        var people = await store.ListPeopleAsync(caller.TenantId, cancellationToken);
        return TypedResults.Ok(new OrganisationFormsDto(
            SettingsForm.From(caller.Organisation),
            [.. caller.AllAreas.OrderBy(a => a.Kind == ServiceAreaKind.TopManagement ? 0 : 1).ThenBy(a => a.Name, StringComparer.Ordinal).Select(AreaForm.From)],
            [.. caller.AllUnits.OrderBy(u => u.Archived).ThenBy(u => u.Name, StringComparer.Ordinal).Select(UnitForm.From)],
            [.. people.Where(p => !p.Removed).OrderBy(p => p.Name, StringComparer.Ordinal).Select(KnownPersonDto.From)]));
    }

    private static async Task<Results<Ok<UnitForm>, ProblemHttpResult>> UnitAsync(
        TabCaller caller, string unitId, AccessRule access, OrganisationStore store, CancellationToken cancellationToken)
    {
        if (caller.AllUnits.FirstOrDefault(u => u.Id == unitId) is not { } unit)
        {
            return NotFound();
        }

        return access.Check(caller.Caller, Permission.EditUnit, AccessTarget.ForUnit(unit), "GET organisation/units")
            ? TypedResults.Ok(await OneUnitAsync(caller, unit, store, cancellationToken))
            : Refused("Only the Lean coordinator and the unit's leader edit a unit.");
    }

    /// <summary>
    /// One unit's form as its own page opens it: a unit's leader has no organisation-wide list of people or goals, so the
    /// form carries the names of the people the unit names and the titles of the goals its goals may support.
    /// </summary>
    private static async Task<UnitForm> OneUnitAsync(TabCaller caller, Unit unit, OrganisationStore store, CancellationToken cancellationToken)
    {
        var people = new List<PersonNameDto>();
        string?[] named = [unit.LeaderId, .. unit.CoordinatorIds, unit.Guidance?.ConsultantId];
        foreach (var id in named.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await store.GetPersonAsync(caller.TenantId, id, cancellationToken) is { } person)
            {
                people.Add(new PersonNameDto(person.Id, person.Name));
            }
        }

        var goals = caller.AllAreas.Where(a => a.Id == unit.ServiceAreaId)
            .Concat(caller.AllAreas.Where(a => a.Kind == ServiceAreaKind.TopManagement && a.Id != unit.ServiceAreaId))
            .SelectMany(a => a.Goals)
            .Select(g => new GoalChoiceDto(g.Id, g.Title));
        return UnitForm.From(unit) with
        {
            LeaderOnly = !caller.Allows(Permission.ManageOrganisation, AccessTarget.Organisation),
            People = people,
            GoalChoices = [.. goals],
        };
    }

    private static async Task<Results<Created<UnitForm>, ProblemHttpResult>> CreateUnitAsync(
        TabCaller caller, UnitForm? body, AccessRule access, OrganisationEdits edits, OrganisationStore store, CancellationToken cancellationToken)
    {
        if (!access.Check(caller.Caller, Permission.ManageOrganisation, AccessTarget.Organisation, "POST organisation/units"))
        {
            return CoordinatorOnly();
        }

        if (body is null || string.IsNullOrWhiteSpace(body.Id))
        {
            return FieldProblem.For("id", FieldProblemTexts.For(caller.Language).UnitId);
        }

        var id = body.Id.Trim();
        var result = await edits.SaveUnitAsync(caller.TenantId, id, body, create: true, archived: false, By(caller), caller.Caller.DisplayName, cancellationToken);
        if (result.Outcome == EditOutcome.Saved && await store.GetUnitAsync(caller.TenantId, id, cancellationToken) is { } saved)
        {
            return TypedResults.Created($"/api/tab/organisation/units/{id}", UnitForm.From(saved));
        }

        return Problem(result, caller.Language);
    }

    /// <summary>
    /// Saves the unit as the form sends it. A unit leader who is not the coordinator may change the board meeting, the
    /// unit coordinators and the goals only: a field they leave out (null) stays as stored, one they change is refused.
    /// </summary>
    private static async Task<Results<Ok<UnitForm>, ProblemHttpResult>> EditUnitAsync(
        TabCaller caller, string unitId, UnitForm? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        AccessRule access, OrganisationEdits edits, OrganisationStore store, CancellationToken cancellationToken)
    {
        if (caller.AllUnits.FirstOrDefault(u => u.Id == unitId) is not { } unit)
        {
            return NotFound();
        }

        if (!access.Check(caller.Caller, Permission.EditUnit, AccessTarget.ForUnit(unit), "PUT organisation/units"))
        {
            return Refused("Only the Lean coordinator and the unit's leader edit a unit.");
        }

        if (body is null)
        {
            return FieldProblem.For("name", FieldProblemTexts.For(caller.Language).SendForm);
        }

        var form = body with { ETag = string.IsNullOrEmpty(body.ETag) ? ifMatch : body.ETag };
        if (string.IsNullOrEmpty(form.ETag))
        {
            return FieldProblem.For("etag", FieldProblemTexts.For(caller.Language).SendETag);
        }

        if (!caller.Allows(Permission.ManageOrganisation, AccessTarget.Organisation))
        {
            var stored = UnitForm.From(unit);
            var changed = new List<string>();
            void Keep<T>(string field, T? sent, T? was)
            {
                if (sent is not null && !Equals(sent, was))
                {
                    changed.Add(field);
                }
            }

            Keep("name", form.Name?.Trim(), stored.Name);
            Keep("serviceArea", form.ServiceArea?.Trim(), stored.ServiceArea);
            Keep("leader", form.Leader is null ? null : Person.NormaliseId(form.Leader), stored.Leader);
            Keep("timeZone", form.TimeZone?.Trim(), stored.TimeZone);
            Keep("leanStart", form.LeanStart?.Trim(), stored.LeanStart);
            Keep("guidance", form.Guidance, stored.Guidance);
            if (changed.Count > 0)
            {
                return Refused($"A unit's leader changes its board meeting, unit coordinators and goals; the Lean coordinator changes the rest ({string.Join(", ", changed)}).");
            }

            form = form with
            {
                Name = stored.Name, ServiceArea = stored.ServiceArea, Leader = stored.Leader, TimeZone = stored.TimeZone, LeanStart = stored.LeanStart,
                Guidance = stored.Guidance, LeaderName = null,
            };
        }

        var result = await edits.SaveUnitAsync(caller.TenantId, unit.Id, form, create: false, archived: null, By(caller), caller.Caller.DisplayName, cancellationToken);
        return result.Outcome == EditOutcome.Saved && await store.GetUnitAsync(caller.TenantId, unit.Id, cancellationToken) is { } saved
            ? TypedResults.Ok(await OneUnitAsync(caller, saved, store, cancellationToken))
            : Problem(result, caller.Language);
    }

    private static Task<Results<Ok<UnitForm>, ProblemHttpResult>> ArchiveAsync(
        TabCaller caller, string unitId, ArchiveRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        AccessRule access, OrganisationEdits edits, OrganisationStore store, CancellationToken cancellationToken) =>
        SetArchivedAsync(caller, unitId, body?.ETag ?? ifMatch, archived: true, "POST organisation/units/archive", access, edits, store, cancellationToken);

    private static Task<Results<Ok<UnitForm>, ProblemHttpResult>> RestoreAsync(
        TabCaller caller, string unitId, ArchiveRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        AccessRule access, OrganisationEdits edits, OrganisationStore store, CancellationToken cancellationToken) =>
        SetArchivedAsync(caller, unitId, body?.ETag ?? ifMatch, archived: false, "POST organisation/units/restore", access, edits, store, cancellationToken);

    private static async Task<Results<Ok<UnitForm>, ProblemHttpResult>> SetArchivedAsync(
        TabCaller caller, string unitId, string? etag, bool archived, string entryPoint, AccessRule access, OrganisationEdits edits, OrganisationStore store, CancellationToken cancellationToken)
    {
        if (!access.Check(caller.Caller, Permission.ManageOrganisation, AccessTarget.Organisation, entryPoint))
        {
            return CoordinatorOnly();
        }

        if (caller.AllUnits.FirstOrDefault(u => u.Id == unitId) is not { } unit)
        {
            return NotFound();
        }

        if (string.IsNullOrEmpty(etag))
        {
            return FieldProblem.For("etag", FieldProblemTexts.For(caller.Language).SendETag);
        }

        // The unit as stored, with only the flag changed: the same rules still hold for everything else it says.
        var form = UnitForm.From(unit) with { ETag = etag };
        var result = await edits.SaveUnitAsync(caller.TenantId, unit.Id, form, create: false, archived, By(caller), caller.Caller.DisplayName, cancellationToken);
        return result.Outcome == EditOutcome.Saved && await store.GetUnitAsync(caller.TenantId, unit.Id, cancellationToken) is { } saved
            ? TypedResults.Ok(UnitForm.From(saved))
            : Problem(result, caller.Language);
    }

    private static Results<Ok<AreaForm>, ProblemHttpResult> AreaAsync(TabCaller caller, string areaId, AccessRule access)
    {
        if (caller.AllAreas.FirstOrDefault(a => a.Id == areaId) is not { } area)
        {
            return NotFound();
        }

        return access.Check(caller.Caller, Permission.EditAreaGoals, AccessTarget.Area(area.Id), "GET organisation/areas")
            ? TypedResults.Ok(AreaForm.From(area))
            : Refused("Only the Lean coordinator and the service area's leader edit a service area.");
    }

    /// <summary>Saves a service area. Its leader, unless the coordinator, changes its goals only.</summary>
    private static async Task<Results<Ok<AreaForm>, ProblemHttpResult>> EditAreaAsync(
        TabCaller caller, string areaId, AreaForm? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        AccessRule access, OrganisationEdits edits, OrganisationStore store, CancellationToken cancellationToken)
    {
        if (caller.AllAreas.FirstOrDefault(a => a.Id == areaId) is not { } area)
        {
            return NotFound();
        }

        if (!access.Check(caller.Caller, Permission.EditAreaGoals, AccessTarget.Area(area.Id), "PUT organisation/areas"))
        {
            return Refused("Only the Lean coordinator and the service area's leader edit a service area.");
        }

        if (body is null)
        {
            return FieldProblem.For("name", FieldProblemTexts.For(caller.Language).SendForm);
        }

        var form = body with { ETag = string.IsNullOrEmpty(body.ETag) ? ifMatch : body.ETag };
        if (string.IsNullOrEmpty(form.ETag))
        {
            return FieldProblem.For("etag", FieldProblemTexts.For(caller.Language).SendETag);
        }

        if (!caller.Allows(Permission.ManageOrganisation, AccessTarget.Organisation))
        {
            if ((form.Name is { } name && name.Trim() != area.Name) || (form.Leader is { } leader && Person.NormaliseId(leader) != area.LeaderId))
            {
                return Refused("A service area's leader changes its goals; the Lean coordinator changes its name and leader.");
            }

            form = form with { Name = area.Name, Leader = area.LeaderId, LeaderName = null };
        }

        var result = await edits.SaveAreaAsync(caller.TenantId, area.Id, form, By(caller), caller.Caller.DisplayName, cancellationToken);
        return result.Outcome == EditOutcome.Saved
            && (await store.ListServiceAreasAsync(caller.TenantId, cancellationToken)).FirstOrDefault(a => a.Id == area.Id) is { } saved
            ? TypedResults.Ok(AreaForm.From(saved))
            : Problem(result, caller.Language);
    }

    private static async Task<Results<Ok<SettingsForm>, ProblemHttpResult>> EditSettingsAsync(
        TabCaller caller, SettingsForm? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        AccessRule access, OrganisationEdits edits, OrganisationStore store, CancellationToken cancellationToken)
    {
        if (!access.Check(caller.Caller, Permission.ManageOrganisation, AccessTarget.Organisation, "PUT organisation/settings"))
        {
            return CoordinatorOnly();
        }

        if (body is null)
        {
            return FieldProblem.For("reminderAfterHours", FieldProblemTexts.For(caller.Language).SendForm);
        }

        var form = body with { ETag = string.IsNullOrEmpty(body.ETag) ? ifMatch : body.ETag };
        if (string.IsNullOrEmpty(form.ETag))
        {
            return FieldProblem.For("etag", FieldProblemTexts.For(caller.Language).SendETag);
        }

        var result = await edits.SaveSettingsAsync(caller.TenantId, form, By(caller), caller.Caller.DisplayName, cancellationToken);
        return result.Outcome == EditOutcome.Saved && await store.GetOrganisationAsync(caller.TenantId, cancellationToken) is { } saved
            ? TypedResults.Ok(SettingsForm.From(saved))
            : Problem(result, caller.Language);
    }

    /// <summary>
    /// Gives a person the organisation-wide roles the form ticks and takes away the others: the coordinator's alone,
    /// since these roles read or run the whole organisation.
    /// </summary>
    private static async Task<Results<Ok<KnownPersonDto>, ProblemHttpResult>> EditRolesAsync(
        TabCaller caller, PersonRolesForm? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        AccessRule access, OrganisationEdits edits, OrganisationStore store, CancellationToken cancellationToken)
    {
        if (!access.Check(caller.Caller, Permission.ManageOrganisation, AccessTarget.Organisation, "PUT organisation/roles"))
        {
            return CoordinatorOnly();
        }

        if (body is null || string.IsNullOrWhiteSpace(body.Person))
        {
            return FieldProblem.For("person", FieldProblemTexts.For(caller.Language).PickPerson);
        }

        var form = body with { ETag = string.IsNullOrEmpty(body.ETag) ? ifMatch : body.ETag };
        var result = await edits.SaveRolesAsync(caller.TenantId, form, By(caller), caller.Caller.DisplayName, cancellationToken);
        return result.Outcome == EditOutcome.Saved && await store.GetPersonAsync(caller.TenantId, Person.NormaliseId(form.Person!), cancellationToken) is { } saved
            ? TypedResults.Ok(KnownPersonDto.From(saved))
            : Problem(result, caller.Language);
    }

    private static string By(TabCaller caller) => caller.Caller.Person!.Id;

    private static ProblemHttpResult Problem(EditResult result, Language language) => result.Outcome switch
    {
        EditOutcome.Invalid => ApiProblem.Of(ProblemCode.InvalidField,
            title: "Check the highlighted fields", statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = result.ErrorsIn(language) }),
        EditOutcome.Stale => ApiProblem.Of(ProblemCode.ChangedMeanwhile,
            "Someone else changed this since you opened it. Reload to see their change, then make yours again.",
            title: "Changed by someone else", statusCode: StatusCodes.Status412PreconditionFailed),
        EditOutcome.NotFound => NotFound(),
        EditOutcome.Exists => ApiProblem.Of(ProblemCode.IdTaken,
            title: "Check the highlighted fields", statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["errors"] = result.ErrorsIn(language) }),
        _ => ApiProblem.Of(ProblemCode.NotSaved, result.Detail, title: "Not saved", statusCode: StatusCodes.Status503ServiceUnavailable),
    };

    private static ProblemHttpResult NotFound() =>
        ApiProblem.Of(ProblemCode.OrganisationEntryNotFound, "There is no such unit or service area in your organisation.", title: "Not found", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult CoordinatorOnly() => Refused("Only the Lean coordinator keeps the organisation up to date.");

    private static ProblemHttpResult Refused(string detail) =>
        ApiProblem.Of(ProblemCode.OrganisationEditForbidden, detail, title: "Not allowed", statusCode: StatusCodes.Status403Forbidden);
}
