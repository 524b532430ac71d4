using System.Globalization;
using System.Text.Json.Serialization;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using LeanTeamsApp.Infrastructure.Errors;

namespace LeanTeamsApp.Features.Reviews;

public enum PromoteOutcome
{
    Created,

    /// <summary>It was made a follow-up area already: a double click, Teams retrying, or someone else first.</summary>
    AlreadyFollowedUp,

    /// <summary>Someone closed it without a follow-up area first.</summary>
    AlreadyClosed,

    /// <summary>It changed since the caller read it (the tab sent an older ETag): nothing was written.</summary>
    Changed,

    NotFound,
}

/// <summary>The body of making a deviation a follow-up area from the tab.</summary>
public sealed record FollowUpRequest([property: JsonPropertyName("etag")] string? ETag, string? OwnerId, string? Deadline);

public sealed record DeviationFollowUpDto(DeviationDto Deviation, FollowUpDto FollowUp);

/// <summary>
/// Making a board's deviation a follow-up area with an owner and a deadline, from the improvements card and the tab.
/// It lives with the follow-up areas: this feature may use Improvements, never the other way round. The area's id is
/// made from the deviation's, so a repeated or concurrent promotion makes one area; it is written first and the
/// deviation is then closed pointing to it, guarded by the ETag it was read with. If the deviation went another way
/// meanwhile (closed, changed), the area just written is taken back, so nothing is left half done.
/// </summary>
public sealed class DeviationFollowUps(ImprovementStore records, ReviewStore reviews, OrganisationStore organisation, ImprovementCommands improvements, TimeProvider time)
{
    public static string AreaId(string deviationId) => $"dev-{deviationId}";

    public async Task<(PromoteOutcome Outcome, Deviation? Deviation, FollowUpArea? Area)> PromoteAsync(
        string tenantId, Unit unit, string deviationId, string ownerId, DateOnly deadline, string by, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var deviation = await records.GetDeviationAsync(tenantId, unit.Id, deviationId, cancellationToken);
        if (deviation is null)
        {
            return (PromoteOutcome.NotFound, null, null);
        }

        if (deviation.Status == DeviationStatus.Closed)
        {
            return deviation.FollowUpAreaId is { } existing
                ? (PromoteOutcome.AlreadyFollowedUp, deviation, await reviews.GetFollowUpAsync(tenantId, unit.Id, existing, cancellationToken))
                : (PromoteOutcome.AlreadyClosed, deviation, null);
        }

        if (expectedETag is not null && expectedETag != deviation.ETag)
        {
            return (PromoteOutcome.Changed, deviation, null);
        }

        var now = time.GetUtcNow();
        var area = new FollowUpArea(AreaId(deviation.Id), unit.Id, deviation.Text, ownerId, deadline, FollowUpStatus.Open, null, now) { SourceDeviationId = deviation.Id };
        var (_, stored) = await reviews.AddFollowUpAsync(tenantId, area, cancellationToken);
        var (closed, current) = await records.CloseDeviationAsync(tenantId, unit.Id, deviation.Id, by, now, stored.Id, deviation.ETag, cancellationToken);
        if (closed == CloseDeviationOutcome.Closed)
        {
            return (PromoteOutcome.Created, current, stored);
        }

        if (current?.FollowUpAreaId == stored.Id)
        {
            return (PromoteOutcome.AlreadyFollowedUp, current, stored);
        }

        await reviews.RemoveFollowUpAsync(tenantId, stored, cancellationToken);
        return (closed switch
        {
            CloseDeviationOutcome.AlreadyClosed => PromoteOutcome.AlreadyClosed,
            CloseDeviationOutcome.Changed => PromoteOutcome.Changed,
            _ => PromoteOutcome.NotFound,
        }, current, null);
    }

    /// <summary>"Create follow-up area" on the improvements card, once the access rule has let the caller manage follow-up areas of the unit.</summary>
    public async Task<AdaptiveCardInvokeResponse> OnPromoteAsync(AllowedCardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (turn, data, unit) = (action.Turn, action.Data, action.Unit);
        var t = ImprovementTexts.For(turn.Language);
        if (data["deviationId"]?.ToString() is not { Length: > 0 } deviationId)
        {
            return AdaptiveCardInvokeResponse.BadRequest("The card's data has no deviation.");
        }

        var other = data[ImprovementsCard.OtherOwnerInput(deviationId)]?.ToString();
        var chosen = string.IsNullOrWhiteSpace(other) ? data[ImprovementsCard.OwnerInput(deviationId)]?.ToString() : other;
        string? error = null;
        var owner = string.IsNullOrWhiteSpace(chosen) ? null : await organisation.GetPersonAsync(turn.TenantId, Person.NormaliseId(chosen), cancellationToken);
        if (owner is null)
        {
            error = string.IsNullOrWhiteSpace(chosen) ? t.FollowUpOwnerMissing : t.FollowUpOwnerUnknown;
        }

        var deadline = ReadDeadline(data[ImprovementsCard.DeadlineInput(deviationId)]?.ToString(), MeetingClock.Today(unit, time.GetUtcNow()));
        error ??= deadline is null ? t.FollowUpDeadlineMissing : null;
        if (error is not null)
        {
            return await improvements.CardAsync(turn, unit, error, new Dictionary<string, string> { [deviationId] = error }, cancellationToken);
        }

        var (outcome, deviation, area) = await PromoteAsync(turn.TenantId, unit, deviationId, owner!.Id, deadline!.Value, turn.Caller.DisplayName, null, cancellationToken);
        var culture = turn.Language.Culture();
        var notice = outcome switch
        {
            PromoteOutcome.Created => t.FollowUpCreated(deviation!.Text, await NameAsync(turn.TenantId, area!.OwnerId, cancellationToken), area.Deadline.ToString("d", culture)),
            PromoteOutcome.AlreadyFollowedUp => t.AlreadyFollowedUp(deviation!.Text),
            PromoteOutcome.AlreadyClosed or PromoteOutcome.Changed => t.DeviationAlreadyClosed(deviation!.Text),
            _ => t.DeviationNotFound,
        };
        return await improvements.CardAsync(turn, unit, notice, null, cancellationToken);
    }

    /// <summary>POST /api/tab/units/{unitId}/deviations/{id}/followup (docs/tab-api.md).</summary>
    public static async Task<Results<Ok<DeviationFollowUpDto>, ProblemHttpResult>> PromoteFromTabAsync(
        TabCaller caller, string unitId, string id, FollowUpRequest? body, DeviationFollowUps followUps, AccessRule access, OrganisationStore organisation,
        TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(followUps);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(time);
        if (DeviationEndpoints.Allowed(caller, access, unitId, Permission.ManageFollowUps, "POST deviations/followup") is not { } unit)
        {
            return DeviationEndpoints.Refusal(caller, unitId);
        }

        if (DeviationEndpoints.Archived(unit) is { } archived)
        {
            return archived;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var problems = FieldProblemTexts.For(caller.Language);
        if (string.IsNullOrEmpty(body?.ETag))
        {
            errors["etag"] = [problems.SendETag];
        }

        var owner = string.IsNullOrWhiteSpace(body?.OwnerId) ? null : await organisation.GetPersonAsync(caller.TenantId, Person.NormaliseId(body.OwnerId), cancellationToken);
        if (owner is null)
        {
            errors["ownerId"] = [string.IsNullOrWhiteSpace(body?.OwnerId) ? problems.ChooseResponsible : problems.NoSuchPerson];
        }

        var today = MeetingClock.Today(unit, time.GetUtcNow());
        var deadline = ReadDeadline(body?.Deadline, today);
        if (deadline is null)
        {
            errors["deadline"] = [problems.DateFrom(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
        }

        if (errors.Count > 0)
        {
            return ApiProblem.Of(ProblemCode.InvalidField, title: "Check the highlighted fields", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }

        var (outcome, deviation, area) = await followUps.PromoteAsync(caller.TenantId, unit, id, owner!.Id, deadline!.Value, caller.Caller.DisplayName, body!.ETag, cancellationToken);
        return outcome switch
        {
            PromoteOutcome.Created => TypedResults.Ok(new DeviationFollowUpDto(DeviationDto.From(deviation!), new FollowUpDto(
                area!.Id, area.Text, await followUps.NameAsync(caller.TenantId, area.OwnerId, cancellationToken), area.Deadline, "open", area.IsOverdue(today)))),
            PromoteOutcome.AlreadyFollowedUp => ApiProblem.Of(ProblemCode.DeviationAlreadyFollowedUp, "This deviation was made a follow-up area already.", title: "Already a follow-up area", statusCode: StatusCodes.Status409Conflict),
            PromoteOutcome.AlreadyClosed => DeviationEndpoints.Problem(CloseDeviationOutcome.AlreadyClosed),
            PromoteOutcome.Changed => DeviationEndpoints.Problem(CloseDeviationOutcome.Changed),
            _ => DeviationEndpoints.Problem(CloseDeviationOutcome.NotFound),
        };
    }

    /// <summary>A deadline from <paramref name="today"/> (in the unit's time zone) on, as the date inputs send it; null otherwise.</summary>
    private static DateOnly? ReadDeadline(string? text, DateOnly today) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date >= today ? date : null;

    private async Task<string> NameAsync(string tenantId, string personId, CancellationToken cancellationToken) =>
        (await organisation.GetPersonAsync(tenantId, personId, cancellationToken))?.Name ?? personId;
}
