using System.Security.Cryptography;
using System.Text;
using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Features;
using LeanTeamsApp.Infrastructure.Errors;

namespace LeanTeamsApp.Features.Upkeep;

/// <summary>One line of what an import changes, in the terms of <see cref="ImportChange"/>.</summary>
public sealed record ImportChangeDto(ImportChangeKind Kind, ImportSubject Subject, string Id, string? Field, string? Before, string? After, string? Note);

/// <summary>A problem in the file, as `line: field: reason`.</summary>
public sealed record ImportProblemDto(int Line, string Field, string Reason);

/// <summary>
/// What an uploaded organisation file changes (<paramref name="Changes"/>) or why it cannot be imported
/// (<paramref name="Problems"/>, then nothing is written). <paramref name="Fingerprint"/> names this preview: applying
/// sends it back, so that what is written is what the coordinator saw. <paramref name="Applied"/> is true once written.
/// </summary>
public sealed record ImportPreviewDto(
    string FileName, IReadOnlyList<ImportChangeDto> Changes, IReadOnlyList<ImportProblemDto> Problems, string? Fingerprint, bool Applied,
    int ServiceAreas, int People, int Units);

/// <summary>One applied change to the organisation in its history.</summary>
public sealed record OrganisationChangeDto(DateTimeOffset At, string ByName, string FileName, IReadOnlyList<ImportChangeDto> Changes, int LeftOut);

/// <summary>
/// The coordinator keeps the organisation up to date from the tab (docs/tab-api.md): she downloads the organisation
/// file, uploads it changed (or HR's units sheet), sees what it changes and every problem before anything is written,
/// applies it all or nothing, and reads who changed what. The same import as the command line, with the same rules.
/// </summary>
public static class UpkeepEndpoints
{
    private const int HistoryLength = 50;

    /// <summary>The longest file name common file systems allow; it is kept in the history.</summary>
    private const int MaxFileNameLength = 255;

    public static IEndpointRouteBuilder MapUpkeep(this IEndpointRouteBuilder app)
    {
        var organisation = app.MapTabGroup("/api/tab/organisation");
        organisation.MapGet("/file", DownloadAsync).Produces<string>(contentType: "application/yaml").ProducesProblems(400, 403, 404);
        organisation.MapPost("/file", UploadAsync).Accepts<byte[]>("application/octet-stream").ProducesProblems(400, 403, 409, 413);
        organisation.MapGet("/history", HistoryAsync).ProducesProblems(403);
        app.MapOrganisationForms();
        return app;
    }

    /// <summary>
    /// The organisation file (<paramref name="format"/> yaml, the default) or the units sheet HR exports (xlsx); either
    /// uploaded unchanged changes nothing.
    /// </summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        TabCaller caller, string? format, AccessRule access, OrganisationExport export, CancellationToken cancellationToken)
    {
        if (Refused(caller, access, "GET organisation/file") is { } refused)
        {
            return refused;
        }

        var kind = string.IsNullOrEmpty(format) ? "yaml" : format.ToLowerInvariant();
        if (kind is not ("yaml" or "xlsx"))
        {
            return Infrastructure.Errors.FieldProblem.For("format", Infrastructure.Errors.FieldProblemTexts.For(caller.Language).OrganisationFileFormat);
        }

        FileContentHttpResult? file = kind == "yaml"
            ? await export.YamlAsync(caller.TenantId, cancellationToken) is { } yaml
                ? TypedResults.File(Encoding.UTF8.GetBytes(yaml), "application/yaml; charset=utf-8", "organisation.yaml")
                : null
            : await export.UnitsSheetAsync(caller.TenantId, cancellationToken) is { } sheet
                ? TypedResults.File(sheet, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "units.xlsx")
                : null;
        return file is not null
            ? file
            : ApiProblem.Of(ProblemCode.OrganisationNotFound, "The organisation has not been set up.", title: "Not found", statusCode: StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// The file is the request body; <paramref name="fileName"/> says its kind (.yaml, .yml or .csv). Without
    /// <paramref name="apply"/> it is only previewed; with the fingerprint of a preview it is written, unless what it
    /// would change is no longer what that preview showed (409: preview again).
    /// </summary>
    private static async Task<Results<Ok<ImportPreviewDto>, ProblemHttpResult>> UploadAsync(
        TabCaller caller, string? fileName, string? apply, HttpRequest request, AccessRule access, OrganisationImporter importer, CancellationToken cancellationToken)
    {
        if (Refused(caller, access, "POST organisation/file") is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(fileName))
        {
            return Infrastructure.Errors.FieldProblem.For("fileName", Infrastructure.Errors.FieldProblemTexts.For(caller.Language).FileNameEnding);
        }

        if (request.ContentLength > ImportLimits.MaxFileBytes)
        {
            return TooLarge();
        }

        // The importer reads at most its limit and refuses the rest; the server's own limit must not stop it first.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ImportLimits.MaxFileBytes + 1;
        }

        var name = Path.GetFileName(fileName.Trim());
        if (name.Length is 0 or > MaxFileNameLength || ImportText.ValueProblem(name) is not null)
        {
            return Infrastructure.Errors.FieldProblem.For("fileName", Infrastructure.Errors.FieldProblemTexts.For(caller.Language).FileNameLength(MaxFileNameLength));
        }

        ImportResult preview;
        try
        {
            preview = await importer.PreviewAsync(caller.TenantId, name, request.Body, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        if (preview.Plan is not { } plan)
        {
            return TypedResults.Ok(Dto(name, [], preview.Errors, null, applied: false, preview, caller.Language));
        }

        var fingerprint = Fingerprint(plan);
        if (apply is null)
        {
            return TypedResults.Ok(Dto(name, plan.Changes, [], fingerprint, applied: false, preview, caller.Language));
        }

        if (!string.Equals(apply, fingerprint, StringComparison.Ordinal))
        {
            return ApiProblem.Of(ProblemCode.PreviewOutdated,
                "The organisation changed since this file was previewed, so it would now change something else. Preview it again.",
                title: "Changed meanwhile", statusCode: StatusCodes.Status409Conflict);
        }

        var result = await importer.ApplyAsync(plan, caller.Caller.Person!.Id, caller.Caller.DisplayName, cancellationToken);
        if (result.Succeeded)
        {
            return TypedResults.Ok(Dto(name, plan.Changes, [], fingerprint, applied: true, result, caller.Language));
        }

        // The importer's reasons are worded for the command line ("run it again"); here the coordinator saves again.
        var detail = string.Join(" ", result.Errors.Select(e => e.Reason)).Replace("run it again", "save again", StringComparison.Ordinal)
            .Replace("run the import again then", "save again then", StringComparison.Ordinal);
        return result.Outcome == Organisation.WriteOutcome.Conflict
            ? ApiProblem.Of(ProblemCode.Conflict, detail, title: "Changed meanwhile", statusCode: StatusCodes.Status409Conflict)
            : ApiProblem.Of(ProblemCode.NotSaved, detail, title: "Not saved", statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The organisation's latest changes, or one unit's (<paramref name="unitId"/>), newest first.</summary>
    private static async Task<Results<Ok<IReadOnlyList<OrganisationChangeDto>>, ProblemHttpResult>> HistoryAsync(
        TabCaller caller, string? unitId, AccessRule access, OrganisationChangeLog log, CancellationToken cancellationToken)
    {
        if (Refused(caller, access, "GET organisation/history") is { } refused)
        {
            return refused;
        }

        var entries = string.IsNullOrEmpty(unitId)
            ? await log.ListAsync(caller.TenantId, HistoryLength, cancellationToken)
            : await log.ListForUnitAsync(caller.TenantId, unitId, HistoryLength, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<OrganisationChangeDto>>([.. entries.Select(e =>
            new OrganisationChangeDto(e.At, e.ByName.Length == 0 ? "(server import)" : e.ByName, e.FileName, [.. e.Changes.Select(Dto)], e.LeftOut))]);
    }

    private static ProblemHttpResult? Refused(TabCaller caller, AccessRule access, string entryPoint) =>
        access.Check(caller.Caller, Permission.ManageOrganisation, AccessTarget.Organisation, entryPoint)
            ? null
            : ApiProblem.Of(ProblemCode.OrganisationEditForbidden, "Only the Lean coordinator keeps the organisation up to date.", title: "Not allowed", statusCode: StatusCodes.Status403Forbidden);

    private static ProblemHttpResult TooLarge() => ApiProblem.Of(ProblemCode.TooLarge,
        $"The file is larger than {ImportLimits.MaxFileBytes / 1024 / 1024} MiB, the most an import takes (about 50,000 units written out in full).",
        title: "File too large", statusCode: StatusCodes.Status413PayloadTooLarge);

    /// <summary>
    /// What the plan writes, hashed: every row it touches, the version of it that was read (its ETag) and what is
    /// written there. The same file against an unchanged organisation gives the same fingerprint; any change to a row
    /// the file touches, by anyone, gives another, even one the preview lines would not show (they shorten long values).
    /// </summary>
    private static string Fingerprint(ImportPlan plan)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in plan.Journal)
        {
            // The coordinators' guard row carries a nonce new in every plan: its version read counts, not what is written.
            var after = entry.RowKey == Organisation.DirectoryKeys.Coordinators ? "" : entry.After;
            hash.AppendData(Encoding.UTF8.GetBytes($"{entry.RowKey}\u0001{entry.Before?.ETag}\u0001{after}\u0002"));
        }

        foreach (var line in plan.PreviewLines)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(line));
            hash.AppendData("\u0002"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static ImportPreviewDto Dto(
        string fileName, IReadOnlyList<ImportChange> changes, IReadOnlyList<ImportError> errors, string? fingerprint, bool applied, ImportResult result, Organisation.Language language) =>
        new(fileName, [.. changes.Select(Dto)], [.. errors.Select(e => new ImportProblemDto(e.Line, e.Field, e.ReasonIn(language)))], fingerprint, applied,
            result.ServiceAreas, result.People, result.Units);

    private static ImportChangeDto Dto(ImportChange c) => new(c.Kind, c.Subject, c.Id, c.Field, c.Before, c.After, c.Note);
}
