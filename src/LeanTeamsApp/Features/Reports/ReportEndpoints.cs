using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using LeanTeamsApp.Infrastructure.Errors;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Features.Reports;

/// <summary>The download behind a report card's buttons: a signed link, so it works in a plain browser tab.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/{tenantId}/{file}", DownloadAsync).ProducesReport().ProducesProblems(403, 404);
        app.MapTabGroup("/api/tab/reports").MapGet("/{file}", TabDownloadAsync).ProducesReport().ProducesProblems(403, 404);
        return app;
    }

    /// <summary>
    /// The tab's download, with the tab's sign-in: the whole organisation for those who read it, a service-area leader's
    /// own areas, and a refusal for everyone else.
    /// </summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TabDownloadAsync(
        string file, string? lang, TabCaller caller, AccessRule access, ReportBuilder reports, CancellationToken cancellationToken)
    {
        var dot = file.LastIndexOf('.');
        var (periodText, format) = dot > 0 ? (file[..dot], file[(dot + 1)..]) : (file, "");
        if (format is not ("csv" or "xlsx") || !ReportPeriod.TryParse(periodText, out var period))
        {
            return ApiProblem.Of(ProblemCode.ReportUnknown, "Ask for a period like 2026-Q3 or 2026 and a format of csv or xlsx.", title: "Unknown report", statusCode: 404);
        }

        var everything = caller.Allows(Permission.ViewOrganisation, AccessTarget.Organisation);
        var areas = everything ? null : AccessRule.AreasToRead(caller.Caller, caller.AllAreas);
        if (areas is { Count: 0 })
        {
            access.Check(caller.Caller, Permission.ViewOrganisation, AccessTarget.Organisation, "GET reports");
            return ApiProblem.Of(ProblemCode.ReportForbidden, "Reports are for the Lean coordinator, the consultants, top management and the service-area leaders.", title: "Not allowed", statusCode: 403);
        }

        var report = (await reports.BuildAsync(caller.TenantId, period, areas is null ? ReportScope.Organisation : ReportScope.Areas(areas.Select(a => a.Id)), cancellationToken))!;
        var language = lang is { } l ? Languages.FromLocale(l) : WrittenLanguage.Of(caller.Organisation);
        return format == "csv"
            ? TypedResults.File(ReportFiles.Csv(report, language), ReportFiles.CsvContentType, ReportFiles.FileName(report, "csv"))
            : TypedResults.File(ReportFiles.Excel(report, language), ReportFiles.ExcelContentType, ReportFiles.FileName(report, "xlsx"));
    }

    /// <summary>A file result declares no content of its own: the document says which files come back.</summary>
    private static RouteHandlerBuilder ProducesReport(this RouteHandlerBuilder builder) =>
        builder.Produces<Stream>(StatusCodes.Status200OK, ReportFiles.CsvContentType, ReportFiles.ExcelContentType);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        string tenantId, string file, string? expires, string? sig, string? areas, string? lang,
        ReportLinks links, ReportBuilder reports, OrganisationStore organisation, CancellationToken cancellationToken)
    {
        var dot = file.LastIndexOf('.');
        var (periodText, format) = dot > 0 ? (file[..dot], file[(dot + 1)..]) : (file, "");
        if (format is not ("csv" or "xlsx") || !ReportPeriod.TryParse(periodText, out var period))
        {
            return ApiProblem.Of(ProblemCode.ReportUnknown, "Ask for a period like 2026-Q3 or 2026 and a format of csv or xlsx.", title: "Unknown report", statusCode: 404);
        }

        // The expiry is read here rather than bound as a number, so that any text in it is a refused link, not a
        // binding failure (which Development turns into an exception).
        var scope = ReportLinks.ScopeOf(areas);
        if (!Guid.TryParseExact(tenantId, "D", out _)
            || !long.TryParse(expires, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var expiresAt)
            || !links.IsValid(tenantId, period.ToString(), format, scope, expiresAt, sig))
        {
            return ApiProblem.Of(ProblemCode.ReportLinkInvalid, "This link has expired or was altered. Ask the bot for the report again.", title: "Link not valid", statusCode: 403);
        }

        if (await reports.BuildAsync(tenantId, period, scope, cancellationToken) is not { } report)
        {
            return ApiProblem.Of(ProblemCode.OrganisationNotFound, "The organisation is not set up.", title: "Not found", statusCode: 404);
        }

        var org = (await organisation.GetOrganisationAsync(tenantId, cancellationToken))!;
        OwnTerms.Use(org.Terms);
        var language = lang is { } l ? Languages.FromLocale(l) : WrittenLanguage.Of(org);
        return format == "csv"
            ? TypedResults.File(ReportFiles.Csv(report, language), ReportFiles.CsvContentType, ReportFiles.FileName(report, "csv"))
            : TypedResults.File(ReportFiles.Excel(report, language), ReportFiles.ExcelContentType, ReportFiles.FileName(report, "xlsx"));
    }
}
