using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Errors;
using LeanTeamsApp.Infrastructure.OpenApi;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Features.Privacy;

public sealed record PersonalRecordDto(string Table, string Key, IReadOnlyDictionary<string, string> Fields);

public sealed record PersonalDataKindDto(string Kind, string Name, IReadOnlyList<PersonalRecordDto> Records);

public sealed record PersonalDataDto(string PersonId, string? Name, DateTimeOffset GeneratedAt, IReadOnlyList<PersonalDataKindDto> Kinds);

public sealed record ErasureDto(string Id, int RowsTouched, DateTimeOffset FinishedAt);

public sealed record RetentionDto(int Years);

/// <summary>A person's data (docs/tab-api.md): see it and take it with you, or have the coordinator erase it; and how long check-ins are kept.</summary>
public static class PrivacyEndpoints
{
    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        var people = app.MapTabGroup("/api/tab/people");
        people.MapGet("/{id}/data", DataAsync).ProducesProblems(400, 403);
        people.MapPost("/{id}/erase", EraseAsync).ProducesProblems(400, 403, 409);
        var privacy = app.MapTabGroup("/api/tab/privacy");
        privacy.MapGet("/retention", RetentionAsync).ProducesProblems(403);
        privacy.MapPut("/retention", SetRetentionAsync).ProducesProblems(400, 403);
        return app;
    }

    private static async Task<Results<Ok<PersonalDataDto>, FileContentHttpResult, ProblemHttpResult>> DataAsync(
        string id, string? format, string? lang, TabCaller caller, AccessRule access, DataSubjectRequests requests, CancellationToken cancellationToken)
    {
        if (Invalid(id, format, caller.Language) is { } invalid)
        {
            return invalid;
        }

        if (!access.Check(caller.Caller, Permission.SeePersonalData, AccessTarget.PersonalData(Person.NormaliseId(id)), "GET people data"))
        {
            return ApiProblem.Of(ProblemCode.PrivacyForbidden, "A person's data is for that person and the Lean coordinator.", title: "Not allowed", statusCode: StatusCodes.Status403Forbidden);
        }

        var export = await requests.ExportAsync(caller.TenantId, id, cancellationToken);
        var language = lang is { } l ? Languages.FromLocale(l) : WrittenLanguage.Of(caller.Organisation);
        if (format == "xlsx")
        {
            return TypedResults.File(PersonalDataFile.Excel(export, language), PersonalDataFile.ContentType, PersonalDataFile.FileName(export));
        }

        var t = PersonalDataTexts.For(language);
        return TypedResults.Ok(new PersonalDataDto(export.PersonId, export.Name, export.GeneratedAt, [.. export.ByKind.Select(k => new PersonalDataKindDto(
            k.Key, t.KindName(k.Key), [.. k.Select(r => new PersonalRecordDto(r.Table, r.Key, r.Fields))]))]));
    }

    private static async Task<Results<Ok<ErasureDto>, ProblemHttpResult>> EraseAsync(
        string id, TabCaller caller, AccessRule access, DataSubjectRequests requests, CancellationToken cancellationToken)
    {
        if (Invalid(id, null, caller.Language) is { } invalid)
        {
            return invalid;
        }

        if (!access.Check(caller.Caller, Permission.ErasePersonalData, AccessTarget.Organisation, "POST people erase"))
        {
            return ApiProblem.Of(ProblemCode.EraseForbidden, "Only the Lean coordinator erases a person's data.", title: "Not allowed", statusCode: StatusCodes.Status403Forbidden);
        }

        // Erasing deletes the person's directory row: the last one holding the coordinator role would leave nobody to
        // run the organisation from Teams. Another person is given the role first.
        if (await requests.IsLastCoordinatorAsync(caller.TenantId, id, cancellationToken))
        {
            return ApiProblem.Of(ProblemCode.LastCoordinator, "The person is the organisation's only Lean coordinator: give someone else the role first.", title: "Conflict", statusCode: StatusCodes.Status409Conflict);
        }

        var done = await requests.EraseAsync(caller.TenantId, id, caller.Caller.Person!.Id, cancellationToken);
        return TypedResults.Ok(new ErasureDto(done.Id, done.RowsTouched, done.FinishedAt));
    }

    /// <summary>The years the organisation keeps check-ins, its own or the default: the coordinator's settings show it.</summary>
    private static async Task<Results<Ok<RetentionDto>, ProblemHttpResult>> RetentionAsync(
        TabCaller caller, AccessRule access, PrivacyStore store, IOptions<PrivacyOptions> options, CancellationToken cancellationToken)
    {
        if (!access.Check(caller.Caller, Permission.ManageOrganisation, AccessTarget.Organisation, "GET privacy retention"))
        {
            return ApiProblem.Of(ProblemCode.RetentionForbidden, "Only the Lean coordinator sets how long check-ins are kept.", title: "Not allowed", statusCode: StatusCodes.Status403Forbidden);
        }

        return TypedResults.Ok(new RetentionDto(await store.GetRetentionYearsAsync(caller.TenantId, cancellationToken) ?? options.Value.DefaultRetentionYears));
    }

    private static async Task<Results<Ok<RetentionDto>, ProblemHttpResult>> SetRetentionAsync(
        RetentionDto body, TabCaller caller, AccessRule access, PrivacyStore store, OrganisationChangeLog history, IOptions<PrivacyOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (body is not { Years: >= RetentionYears.Min and <= RetentionYears.Max })
        {
            return FieldProblem.For("years", FieldProblemTexts.For(caller.Language).RetentionYears(RetentionYears.Min, RetentionYears.Max));
        }

        if (!access.Check(caller.Caller, Permission.ManageOrganisation, AccessTarget.Organisation, "PUT privacy retention"))
        {
            return ApiProblem.Of(ProblemCode.RetentionForbidden, "Only the Lean coordinator sets how long check-ins are kept.", title: "Not allowed", statusCode: StatusCodes.Status403Forbidden);
        }

        var before = await store.GetRetentionYearsAsync(caller.TenantId, cancellationToken) ?? options.Value.DefaultRetentionYears;
        await store.SetRetentionYearsAsync(caller.TenantId, body.Years, cancellationToken);
        if (before != body.Years)
        {
            // In the organisation's history with its other settings: how long personal data is kept is a decision someone answers for.
            await history.RecordAsync(
                caller.TenantId,
                OrganisationChangeLog.TabEdit,
                [new ImportChange(ImportChangeKind.Changed, ImportSubject.Organisation, caller.TenantId, "retentionYears", Years(before), Years(body.Years))],
                caller.Caller.Person?.Id ?? caller.Caller.Email ?? "",
                caller.Caller.DisplayName,
                time.GetUtcNow(),
                cancellationToken);
        }

        return TypedResults.Ok(new RetentionDto(body.Years));
    }

    private static string Years(int years) => years.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ProblemHttpResult? Invalid(string id, string? format, Language language) =>
        id.Length > Person.MaxIdLength || !id.Contains('@', StringComparison.Ordinal)
            ? FieldProblem.For("id", FieldProblemTexts.For(language).PersonByEmail)
            : format is not (null or "json" or "xlsx")
                ? FieldProblem.For("format", FieldProblemTexts.For(language).PersonalDataFormat)
                : null;
}
