using System.Text.Json.Nodes;
using LeanTeamsApp.Bot;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Features.Digest;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.Features.Improvements;

/// <summary>`improvement add`, `improvements`, and the improvement card's lifecycle buttons.</summary>
public sealed class ImprovementCommands(OrganisationStore organisation, ImprovementStore store, UnitWeekStore weeks, Callers callers, TimeProvider time)
{
    public async Task AddAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        var t = ImprovementTexts.For(turn.Language);
        var title = string.Join(' ', (arguments ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (title.Length == 0)
        {
            await turn.ReplyAsync(t.AddUsage, cancellationToken);
            return;
        }

        if (title.Length > Improvement.MaxTitleLength)
        {
            await turn.ReplyAsync(t.TitleTooLong(Improvement.MaxTitleLength), cancellationToken);
            return;
        }

        if (await UnitOfCallerAsync(turn, cancellationToken) is not { } found)
        {
            return;
        }

        var (unit, caller) = found;
        var now = time.GetUtcNow();
        // Teams redelivers a message it got no answer to under the same activity id: that makes it one improvement.
        var id = RecordIds.FromActivity(now, turn.Activity.Id ?? Guid.NewGuid().ToString("N"));
        var (added, stored) = await store.AddImprovementAsync(
            turn.TenantId, new Improvement(unit.Id, id, title, caller.DisplayName, ImprovementStage.Suggested, RecordSource.Command, now), cancellationToken);
        await turn.ReplyAsync(added ? t.Added(stored.Title, unit.Name) : t.AlreadyAdded(stored.Title), cancellationToken);
    }

    public async Task ListAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        if (await UnitOfCallerAsync(turn, cancellationToken) is not { Unit: var unit })
        {
            return;
        }

        var improvements = await store.ListImprovementsAsync(turn.TenantId, unit.Id, cancellationToken);
        await turn.ReplyAsync(ImprovementsCard.Create(turn.Language, unit, improvements), ImprovementTexts.For(turn.Language).ListTitle(unit.Name), cancellationToken);
    }

    /// <summary>A lifecycle button. The unit is looked up in the caller's own tenant, so another tenant's card finds nothing.</summary>
    public async Task<AdaptiveCardInvokeResponse> OnMoveAsync(Turn turn, JsonObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var t = ImprovementTexts.For(turn.Language);
        if (data["unitId"]?.ToString() is not { } unitId || data["improvementId"]?.ToString() is not { } improvementId
            || !Enum.TryParse<ImprovementStage>(data["to"]?.ToString(), out var to) || !Enum.IsDefined(to))
        {
            return AdaptiveCardInvokeResponse.BadRequest("The card's data has no unit, improvement or stage.");
        }

        if (await organisation.GetUnitAsync(turn.TenantId, unitId, cancellationToken) is not { } unit)
        {
            return AdaptiveCardInvokeResponse.Message(t.UnknownUnit);
        }

        var by = turn.Activity.From?.Name ?? "?";
        var (outcome, current) = await store.MoveAsync(turn.TenantId, unit.Id, improvementId, to, by, time.GetUtcNow(), cancellationToken);
        var notice = outcome switch
        {
            MoveOutcome.Moved => t.Moved(current!.Title, t.Stages[current.Stage]),
            MoveOutcome.AlreadyThere => t.AlreadyThere(current!.Title, t.Stages[current.Stage]),
            MoveOutcome.NotAllowed => t.NotAllowed(current!.Title, t.Stages[current.Stage]),
            _ => t.NotFound,
        };
        return await ListCardAsync(turn, unit, notice, null, cancellationToken);
    }

    /// <summary>"Save benefit": records the benefit and moves the improvement to "benefit realised" together.</summary>
    public async Task<AdaptiveCardInvokeResponse> OnBenefitAsync(Turn turn, JsonObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var t = ImprovementTexts.For(turn.Language);
        if (data["unitId"]?.ToString() is not { } unitId || data["improvementId"]?.ToString() is not { } improvementId)
        {
            return AdaptiveCardInvokeResponse.BadRequest("The card's data has no unit or improvement.");
        }

        if (await organisation.GetUnitAsync(turn.TenantId, unitId, cancellationToken) is not { } unit)
        {
            return AdaptiveCardInvokeResponse.Message(t.UnknownUnit);
        }

        if (await store.GetImprovementAsync(turn.TenantId, unit.Id, improvementId, cancellationToken) is not { } improvement)
        {
            return await ListCardAsync(turn, unit, t.NotFound, null, cancellationToken);
        }

        if (ImprovementsCard.ReadBenefit(data, improvementId) is not { } figures)
        {
            return await ListCardAsync(turn, unit, t.BenefitIncomplete, new Dictionary<string, string> { [improvementId] = t.BenefitIncomplete }, cancellationToken);
        }

        var now = time.GetUtcNow();
        var by = turn.Activity.From?.Name ?? "?";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).DateTime);
        var benefit = new Benefit(unit.Id, RecordIds.BenefitOfImprovement(improvement.Id), figures.Kind, BenefitStage.Realised, figures.Amount, figures.Measure,
            [], today, by, RecordSource.Command) { ImprovementId = improvement.Id };
        var (outcome, current) = await store.RealiseBenefitAsync(turn.TenantId, improvement, benefit, by, now, cancellationToken);
        if (outcome is MoveOutcome.Moved or MoveOutcome.AlreadyThere)
        {
            await weeks.RefreshAsync(turn.TenantId, unit.Id, WeeklyDigest.MeetingDate(unit, IsoWeek.Of(today)), cancellationToken);
        }
        var notice = outcome switch
        {
            MoveOutcome.Moved or MoveOutcome.AlreadyThere => t.BenefitSaved(improvement.Title),
            MoveOutcome.NotAllowed => t.NotAllowed(improvement.Title, t.Stages[current?.Stage ?? improvement.Stage]),
            _ => t.NotFound,
        };
        return await ListCardAsync(turn, unit, notice, null, cancellationToken);
    }

    private async Task<AdaptiveCardInvokeResponse> ListCardAsync(Turn turn, Unit unit, string notice, IReadOnlyDictionary<string, string>? errors, CancellationToken cancellationToken)
    {
        var improvements = await store.ListImprovementsAsync(turn.TenantId, unit.Id, cancellationToken);
        return AdaptiveCardInvokeResponse.Card(ImprovementsCard.Create(turn.Language, unit, improvements, notice, errors).ToJson());
    }

    /// <summary>
    /// The unit meant: the one bound to this channel; in a personal chat, the one the caller leads or coordinates, or
    /// else their home unit, since staff suggest improvements too.
    /// </summary>
    private async Task<(Unit Unit, Caller Caller)?> UnitOfCallerAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (await organisation.GetOrganisationAsync(turn.TenantId, cancellationToken) is null)
        {
            await turn.ReplyAsync(turn.Texts.NotSetUp, cancellationToken);
            return null;
        }

        var units = await organisation.ListUnitsAsync(turn.TenantId, cancellationToken);
        var caller = await callers.ResolveAsync(turn, cancellationToken);
        var meant = OrganisationCommands.UnitsMeant(turn, caller, units);
        if (meant.Count == 0 && !turn.InChannel && caller.Person?.HomeUnitId is { } home)
        {
            meant = [.. units.Where(u => u.Id == home)];
        }

        if (meant is [var unit])
        {
            return (unit, caller);
        }

        await turn.ReplyAsync(ImprovementTexts.For(turn.Language).NoUnit, cancellationToken);
        return null;
    }
}
