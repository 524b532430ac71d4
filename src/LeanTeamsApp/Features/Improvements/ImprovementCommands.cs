using System.Text.Json.Nodes;
using LeanTeamsApp.Bot;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Cards;
using LeanTeamsApp.Infrastructure.Events;
using LeanTeamsApp.Infrastructure.Privacy;

namespace LeanTeamsApp.Features.Improvements;

/// <summary>
/// `improvement add`, `improvements`, and the improvements card's buttons: the lifecycle of an improvement and closing
/// a deviation. Every change to the records is announced (BoardChanged), so the digest, the report and the tab count
/// what the records say.
/// </summary>
public sealed class ImprovementCommands(
    ImprovementStore store, Announcer<BoardChanged> board, OrganisationStore organisation, UnitInChat unitInChat, IEnumerable<BotCardAction> cardActions, TimeProvider time)
{
    // The form that makes a deviation a follow-up area is offered only when a feature handles it.
    private readonly bool _followUps = cardActions.Any(a => a.Verb == ImprovementsCard.FollowUpVerb);

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

        if (FreeTextScreen.Refusal(turn.Language, title) is { } refused)
        {
            await turn.ReplyAsync(refused, cancellationToken);
            return;
        }

        if (await unitInChat.ResolveAsync(turn, "improvement add", null, Permission.ManageImprovements, t.NoUnit, cancellationToken) is not { Unit: var unit })
        {
            return;
        }

        var now = time.GetUtcNow();
        // Teams redelivers a message it got no answer to under the same activity id: that makes it one improvement.
        var id = RecordIds.FromActivity(now, turn.Activity.Id ?? Guid.NewGuid().ToString("N"));
        var (added, stored) = await store.AddImprovementAsync(
            turn.TenantId, new Improvement(unit.Id, id, title, turn.Caller.DisplayName, ImprovementStage.Suggested, RecordSource.Command, now), cancellationToken);
        await board.AnnounceAsync(new BoardChanged(turn.TenantId, unit, stored.CreatedAt), cancellationToken);
        await turn.ReplyAsync(added ? t.Added(stored.Title, unit.Name) : t.AlreadyAdded(stored.Title), cancellationToken);
    }

    public async Task ListAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        if (await unitInChat.ResolveAsync(turn, "improvements", arguments, Permission.ViewUnit, ImprovementTexts.For(turn.Language).NoUnit, cancellationToken) is not { Unit: var unit })
        {
            return;
        }

        await turn.ReplyAsync(ImprovementsCard.Create(turn.Language, await ViewAsync(turn.TenantId, unit, cancellationToken)), ImprovementTexts.For(turn.Language).ListTitle(unit.Name), cancellationToken);
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

        var now = time.GetUtcNow();
        var (outcome, current) = await store.MoveAsync(turn.TenantId, unit.Id, improvementId, to, turn.Caller.DisplayName, now, cancellationToken);
        if (outcome == MoveOutcome.Moved)
        {
            await board.AnnounceAsync(new BoardChanged(turn.TenantId, unit, now), cancellationToken);
        }

        var notice = outcome switch
        {
            MoveOutcome.Moved when current!.Stage == ImprovementStage.InProgress
                && await store.GetBenefitAsync(turn.TenantId, unit.Id, RecordIds.BenefitOfImprovement(current.Id), cancellationToken) is null
                => $"{t.Moved(current.Title, t.Stages[current.Stage])} {t.AskEstimate(current.Title)}",
            MoveOutcome.Moved => t.Moved(current!.Title, t.Stages[current.Stage]),
            MoveOutcome.AlreadyThere => t.AlreadyThere(current!.Title, t.Stages[current.Stage]),
            MoveOutcome.NotAllowed => t.NotAllowed(current!.Title, t.Stages[current.Stage]),
            _ => t.NotFound,
        };
        return await CardAsync(turn, unit, notice, null, cancellationToken);
    }

    /// <summary>
    /// "Reinvested in ...": what the capacity a realised benefit freed went to, the benefit's last stage. The text is
    /// screened like every free text, and saved under the ETag just read, so two people saving at once do not mix.
    /// </summary>
    public async Task<AdaptiveCardInvokeResponse> OnReinvestAsync(AllowedCardAction action, CancellationToken cancellationToken)
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
            return await CardAsync(turn, unit, t.NotFound, null, cancellationToken);
        }

        if (await store.GetBenefitAsync(turn.TenantId, unit.Id, RecordIds.BenefitOfImprovement(improvement.Id), cancellationToken) is not { IsRealised: true } benefit)
        {
            return await CardAsync(turn, unit, t.NotRealisedYet(improvement.Title), new Dictionary<string, string> { [improvement.Id] = t.NotRealisedYet(improvement.Title) }, cancellationToken);
        }

        var text = data[ImprovementsCard.ReinvestInput(improvement.Id)]?.ToString()?.Trim() ?? "";
        var problem = text.Length is 0 or > Benefit.MaxReinvestedLength ? t.ReinvestMissing(Benefit.MaxReinvestedLength) : FreeTextScreen.Refusal(turn.Language, text);
        if (problem is not null)
        {
            return await CardAsync(turn, unit, problem, new Dictionary<string, string> { [improvement.Id] = problem }, cancellationToken);
        }

        var now = time.GetUtcNow();
        var today = MeetingClock.Today(unit, now);
        var (outcome, _) = await store.ChangeBenefitAsync(turn.TenantId, unit.Id, benefit.Id, b => b.WithReinvested(text, today), benefit.ETag!, cancellationToken);
        var saved = outcome is BenefitChangeOutcome.Changed or BenefitChangeOutcome.Unchanged;
        if (saved)
        {
            await board.AnnounceAsync(new BoardChanged(turn.TenantId, unit, now), cancellationToken);
        }

        return await CardAsync(turn, unit, saved ? t.ReinvestSaved(improvement.Title) : turn.Texts.Conflict, null, cancellationToken);
    }

    /// <summary>
    /// "Save benefit": records the figure of one stage in the improvement's benefit (one per improvement, so a figure
    /// is never counted twice). The realised figure moves the improvement to "benefit realised" in the same transaction.
    /// </summary>
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
            return await CardAsync(turn, unit, t.NotFound, null, cancellationToken);
        }

        var hoursPerWorkYear = (await organisation.GetOrganisationAsync(turn.TenantId, cancellationToken))?.HoursPerWorkYear ?? Organisation.Organisation.DefaultHoursPerWorkYear;
        if (ImprovementsCard.ReadBenefit(data, improvementId, turn.Language, hoursPerWorkYear, out var error) is not { } figures)
        {
            return await CardAsync(turn, unit, error!, new Dictionary<string, string> { [improvementId] = error! }, cancellationToken);
        }

        var now = time.GetUtcNow();
        var by = turn.Caller.DisplayName;
        var today = MeetingClock.Today(unit, now);
        var id = RecordIds.BenefitOfImprovement(improvement.Id);
        var existing = await store.GetBenefitAsync(turn.TenantId, unit.Id, id, cancellationToken);
        var benefit = (existing ?? new Benefit(unit.Id, id, figures.Kind, figures.Stage, 0, figures.Measure, [], today, by, RecordSource.Command)
        {
            ImprovementId = improvement.Id,
            OwnerId = turn.Caller.Email is { } email ? Person.NormaliseId(email) : null,
        }) with { Kind = figures.Kind, Measure = figures.Measure };
        benefit = benefit.WithStage(figures.Stage, figures.Amount, figures.Stage == BenefitStage.Planned ? figures.PlannedOn!.Value : today);

        if (figures.Stage == BenefitStage.Realised)
        {
            var (outcome, current) = await store.RealiseBenefitAsync(turn.TenantId, improvement, benefit, by, now, existing?.ETag, cancellationToken);
            if (outcome is MoveOutcome.Moved or MoveOutcome.AlreadyThere)
            {
                await board.AnnounceAsync(new BoardChanged(turn.TenantId, unit, now), cancellationToken);
            }

            var realised = outcome switch
            {
                MoveOutcome.Moved or MoveOutcome.AlreadyThere => t.BenefitSaved(improvement.Title),
                MoveOutcome.NotAllowed => t.NotAllowed(improvement.Title, t.Stages[current?.Stage ?? improvement.Stage]),
                _ => t.NotFound,
            };
            return await CardAsync(turn, unit, realised, null, cancellationToken);
        }

        var saved = existing is null
            ? (await store.AddBenefitAsync(turn.TenantId, benefit, cancellationToken)).Added
            : (await store.ChangeBenefitAsync(turn.TenantId, unit.Id, id, _ => benefit, existing.ETag!, cancellationToken)).Outcome is BenefitChangeOutcome.Changed or BenefitChangeOutcome.Unchanged;
        if (saved)
        {
            await board.AnnounceAsync(new BoardChanged(turn.TenantId, unit, now), cancellationToken);
        }

        // Two people saving at once: the other's figure stands, and the card shows the list as it is now.
        return await CardAsync(turn, unit, saved ? t.StageSaved(improvement.Title, t.BenefitStages[figures.Stage]) : t.NotAllowed(improvement.Title, t.Stages[improvement.Stage]), null, cancellationToken);
    }

    /// <summary>"Close" on a deviation, once the access rule has let the caller work on the card's unit's board.</summary>
    public async Task<AdaptiveCardInvokeResponse> OnCloseDeviationAsync(AllowedCardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (turn, data, unit) = (action.Turn, action.Data, action.Unit);
        var t = ImprovementTexts.For(turn.Language);
        if (data["deviationId"]?.ToString() is not { } deviationId)
        {
            return AdaptiveCardInvokeResponse.BadRequest("The card's data has no deviation.");
        }

        var (outcome, current) = await store.CloseDeviationAsync(turn.TenantId, unit.Id, deviationId, turn.Caller.DisplayName, time.GetUtcNow(), null, null, cancellationToken);
        var notice = outcome switch
        {
            CloseDeviationOutcome.Closed => t.DeviationClosed(current!.Text),
            CloseDeviationOutcome.AlreadyClosed or CloseDeviationOutcome.Changed => t.DeviationAlreadyClosed(current!.Text),
            _ => t.DeviationNotFound,
        };
        return await CardAsync(turn, unit, notice, null, cancellationToken);
    }

    /// <summary>The improvements card of <paramref name="unit"/> as an invoke's answer, with a notice or errors by record id.</summary>
    public async Task<AdaptiveCardInvokeResponse> CardAsync(Turn turn, Unit unit, string notice, IReadOnlyDictionary<string, string>? errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return AdaptiveCardInvokeResponse.Card(ImprovementsCard.Create(turn.Language, await ViewAsync(turn.TenantId, unit, cancellationToken), notice, errors).ToJson());
    }

    private async Task<UnitBoardView> ViewAsync(string tenantId, Unit unit, CancellationToken cancellationToken)
    {
        var improvements = await store.ListImprovementsAsync(tenantId, unit.Id, cancellationToken);
        return new(
            unit,
            improvements,
            await store.ListDeviationsAsync(tenantId, unit.Id, cancellationToken),
            _followUps ? await FollowUpOwnersAsync(organisation, tenantId, unit, cancellationToken) : null)
        {
            // Only those the card shows: the owners the tab's board named, looked up now, so a new name or a departure shows.
            ImprovementOwners = await ImprovementDto.OwnersAsync(organisation, tenantId, improvements.Where(i => i.IsOpen || i.Stage == ImprovementStage.BenefitRealised), cancellationToken),
            Today = MeetingClock.Today(unit, time.GetUtcNow()),
        };
    }

    /// <summary>
    /// Whom a follow-up area is first offered to: the unit's leader, its Lean coordinators and its service-area leader.
    /// Anyone else in the organisation can be named by e-mail.
    /// </summary>
    public static async Task<IReadOnlyList<FollowUpOwner>> FollowUpOwnersAsync(OrganisationStore organisation, string tenantId, Unit unit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(unit);
        var areaLeader = (await organisation.ListServiceAreasAsync(tenantId, cancellationToken)).FirstOrDefault(a => a.Id == unit.ServiceAreaId)?.LeaderId;
        var candidates = new List<(string Id, Role Role)> { (unit.LeaderId, Role.UnitLeader) };
        candidates.AddRange(unit.CoordinatorIds.Select(id => (id, Role.UnitCoordinator)));
        if (areaLeader is not null)
        {
            candidates.Add((areaLeader, Role.ServiceAreaLeader));
        }

        var owners = new List<FollowUpOwner>();
        foreach (var (id, role) in candidates.DistinctBy(c => Person.NormaliseId(c.Id), StringComparer.Ordinal))
        {
            var person = await organisation.GetPersonAsync(tenantId, Person.NormaliseId(id), cancellationToken);
            owners.Add(new FollowUpOwner(Person.NormaliseId(id), person?.Name ?? id, role));
        }

        return owners;
    }
}
