using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeanTeamsApp.Infrastructure.Errors;

/// <summary>
/// The stable name of every failure the tab API answers with, sent as the problem's <c>code</c>: the tab translates by
/// it, since the title and detail are English. A new code needs a text in every language of the tab
/// (src/Tab/src/shared/api/problemCodes.json lists them; ProblemCodeTests and problemCodes.test.ts check both ends).
/// </summary>
public static class ProblemCode
{
    public const string InvalidField = "invalidField";
    public const string NotSignedIn = "notSignedIn";
    public const string Forbidden = "forbidden";
    public const string NotFound = "notFound";
    public const string Conflict = "conflict";
    public const string ChangedMeanwhile = "changedMeanwhile";
    public const string TooLarge = "tooLarge";
    public const string Unavailable = "unavailable";

    public const string NotSetUp = "notSetUp";
    public const string UnitNotFound = "unitNotFound";
    public const string DevSignInOff = "devSignInOff";
    public const string OrganisationNotFound = "organisationNotFound";
    public const string ReportUnknown = "reportUnknown";
    public const string ReportForbidden = "reportForbidden";
    public const string ReportLinkInvalid = "reportLinkInvalid";
    public const string ActionRowGone = "actionRowGone";
    public const string ActionPlanEditForbidden = "actionPlanEditForbidden";
    public const string ActionPlanReadForbidden = "actionPlanReadForbidden";
    public const string PeopleSearchForbidden = "peopleSearchForbidden";
    public const string DirectoryRefused = "directoryRefused";
    public const string DirectoryUnavailable = "directoryUnavailable";
    public const string DirectoryBusy = "directoryBusy";
    public const string AppointmentNotFound = "appointmentNotFound";
    public const string AppointmentForbidden = "appointmentForbidden";
    public const string PrivacyForbidden = "privacyForbidden";
    public const string EraseForbidden = "eraseForbidden";
    public const string RetentionForbidden = "retentionForbidden";
    public const string DeliveryForbidden = "deliveryForbidden";
    public const string BenefitExists = "benefitExists";
    public const string BenefitGone = "benefitGone";
    public const string BenefitForbidden = "benefitForbidden";
    public const string BenefitCorrectForbidden = "benefitCorrectForbidden";
    public const string ImprovementNotDone = "improvementNotDone";
    public const string DeviationForbidden = "deviationForbidden";
    public const string DeviationAlreadyClosed = "deviationAlreadyClosed";
    public const string DeviationAlreadyFollowedUp = "deviationAlreadyFollowedUp";
    public const string DeviationGone = "deviationGone";
    public const string OrganisationEditForbidden = "organisationEditForbidden";
    public const string OrganisationEntryNotFound = "organisationEntryNotFound";
    public const string IdTaken = "idTaken";
    public const string PreviewOutdated = "previewOutdated";
    public const string NotSaved = "notSaved";
    public const string UnitArchived = "unitArchived";
    public const string MoveNotAllowed = "moveNotAllowed";
    public const string LastCoordinator = "lastCoordinator";

    /// <summary>The codes named here; an appointment change adds its refusal's name (ChangeRefusal in camel case).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        .. typeof(ProblemCode).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!),
    ];

    /// <summary>The code a problem without one gets from its status: the framework's own 400s and 404s, and any site that forgot.</summary>
    public static string ForStatus(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => InvalidField,
        StatusCodes.Status401Unauthorized => NotSignedIn,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status409Conflict => Conflict,
        StatusCodes.Status412PreconditionFailed => ChangedMeanwhile,
        StatusCodes.Status413PayloadTooLarge => TooLarge,
        _ => Unavailable,
    };
}

/// <summary>A problem that carries its <see cref="ProblemCode"/>.</summary>
public static class ApiProblem
{
    public static ProblemHttpResult Of(
        string code, string? detail = null, string? title = null, int? statusCode = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, title: title, statusCode: statusCode, extensions: new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code });
}
