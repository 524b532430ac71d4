using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Bot;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Features.Digest;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.Features.Improvements;

/// <summary>`improvement add`, `improvements`, and the improvement card's lifecycle buttons.</summary>
public sealed class ImprovementCommands(ImprovementStore store, UnitWeekStore weeks, UnitInChat unitInChat, TimeProvider time)
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

        if (await unitInChat.ResolveAsync(turn, "improvement add", null, Permission.WorkOnBoard, t.NoUnit, cancellationToken) is not { Unit: var unit })
        {
            return;
        }

        var now = time.GetUtcNow();
        // Teams redelivers a message it got no answer to under the same activity id: that makes it one improvement.
        var id = RecordIds.FromActivity(now, turn.Activity.Id ?? Guid.NewGuid().ToString("N"));
        var (added, stored) = await store.AddImprovementAsync(
            turn.TenantId, new Improvement(unit.Id, id, title, turn.Caller.DisplayName, ImprovementStage.Suggested, RecordSource.Command, now), cancellationToken);
        await turn.ReplyAsync(added ? t.Added(stored.Title, unit.Name) : t.AlreadyAdded(stored.Title), cancellationToken);
    }

    public async Task ListAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        if (await unitInChat.ResolveAsync(turn, "improvements", arguments, Permission.ViewUnit, ImprovementTexts.For(turn.Language).NoUnit, cancellationToken) is not { Unit: var unit })
        {
            return;
        }

        var improvements = await store.ListImprovementsAsync(turn.TenantId, unit.Id, cancellationToken);
        await turn.ReplyAsync(ImprovementsCard.Create(turn.Language, unit, improvements), ImprovementTexts.For(turn.Language).ListTitle(unit.Name), cancellationToken);
    }

    /// <summary>A lifecycle button, once the access rule has let the caller work on the card's unit's board.</summary>
    public async Task<AdaptiveCardInvokeResponse> OnMoveAsync(AllowedCardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (turn, data, unit) = (action.Turn, action.Data, action.Unit);
        var t = ImprovementTexts.For(turn.Language);
        if (data["improvementId"]?.ToString() is not { } improvementId
            || !Enum.TryParse<ImprovementStage>(data["to"]?.ToString(), out var to) || !Enum.IsDefined(to))
        {
            return AdaptiveCardInvokeResponse.BadRequest("The card's data has no improvement or stage.");
        }

        var by = turn.Caller.DisplayName;
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
    public async Task<AdaptiveCardInvokeResponse> OnBenefitAsync(AllowedCardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (turn, data, unit) = (action.Turn, action.Data, action.Unit);
        var t = ImprovementTexts.For(turn.Language);
        if (data["improvementId"]?.ToString() is not { } improvementId)
        {
            return AdaptiveCardInvokeResponse.BadRequest("The card's data has no improvement.");
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
        var by = turn.Caller.DisplayName;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).DateTime);
        var benefit = new Benefit(unit.Id, RecordIds.BenefitOfImprovement(improvement.Id), figures.Kind, BenefitStage.Realised, figures.Amount, figures.Measure,
            [], today, by, RecordSource.Command) { ImprovementId = improvement.Id };
        var (outcome, current) = await store.RealiseBenefitAsync(turn.TenantId, improvement, benefit, by, now, cancellationToken);
        if (outcome is MoveOutcome.Moved or MoveOutcome.AlreadyThere)
        {
            await weeks.RefreshAsync(turn.TenantId, unit.Id, MeetingClock.DateIn(unit, IsoWeek.Of(today)), cancellationToken);
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
}
