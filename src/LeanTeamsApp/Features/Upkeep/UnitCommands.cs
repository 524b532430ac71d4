using System.Globalization;
using System.Text.RegularExpressions;
using LeanTeamsApp.Bot;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;

namespace LeanTeamsApp.Features.Upkeep;

/// <summary>
/// `edit unit` in chat: the unit's leader (or the Lean coordinator) changes the board meeting, the unit coordinators
/// and the goals on a card, with the same rules, ETag and history as the tab's form.
/// </summary>
public sealed partial class UnitCommands(OrganisationStore store, UnitInChat unitInChat, OrganisationEdits edits)
{
    public async Task EditAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var t = UnitCardTexts.For(turn.Language);
        if (await unitInChat.ResolveAsync(turn, "edit unit", arguments, Permission.EditUnit, t.WhichUnit, cancellationToken) is not { Unit: var unit })
        {
            return;
        }

        var areas = await store.ListServiceAreasAsync(turn.TenantId, cancellationToken);
        await turn.ReplyAsync(UnitCard.Create(turn.Language, unit, areas), t.Title(unit.Name), cancellationToken);
    }

    /// <summary>
    /// Saves what the card sends over the unit as stored: fields the card does not carry are sent unchanged, so a
    /// unit's leader cannot change them this way either.
    /// </summary>
    public async Task<AdaptiveCardInvokeResponse> OnSaveAsync(AllowedCardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (turn, data, unit) = (action.Turn, action.Data, action.Unit);
        var t = UnitCardTexts.For(turn.Language);
        if (turn.Caller.Person is not { } person)
        {
            return AdaptiveCardInvokeResponse.Message(turn.Texts.NotAllowed(Permission.EditUnit, unit.Name));
        }

        // An archived unit gets no prompts and is not offered in chat; a card sent before it was archived changes nothing.
        if (unit.Archived)
        {
            return AdaptiveCardInvokeResponse.Message(t.Archived(unit.Name));
        }

        var change = UnitCard.Read(data);
        var form = UnitForm.From(unit) with
        {
            BoardMeeting = new BoardMeetingForm(change.Weekday, change.Time, int.TryParse(change.Minutes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) ? minutes : null),
            Coordinators = change.Coordinators,
            // The chat card does not edit indicators: a goal it keeps by title keeps its indicator.
            Goals = [.. change.Goals.Select(g => unit.Goals.Contains(g.Title, StringComparer.Ordinal)
                ? UnitGoalForm.From(unit, g.Title) with { Supports = g.Supports }
                : new UnitGoalForm(g.Title, g.Supports))],
            ETag = data["etag"]?.ToString(),
        };

        // Minutes that are no whole number never reach the rules as a number: say so here, in the field.
        if (change.Minutes is not null && form.BoardMeeting!.Minutes is null)
        {
            return await CardAsync(turn, unit, t.NotSaved, new Dictionary<string, string> { ["boardMeeting.minutes"] = t.BadMinutes(BoardMeeting.MinMinutes, BoardMeeting.MaxMinutes) }, data, cancellationToken);
        }

        var result = await edits.SaveUnitAsync(turn.TenantId, unit.Id, form, create: false, archived: null, person.Id, person.Name, cancellationToken);
        switch (result.Outcome)
        {
            case EditOutcome.Saved:
                var saved = await store.GetUnitAsync(turn.TenantId, unit.Id, cancellationToken) ?? unit;
                return await CardAsync(turn, saved, t.Saved(saved.Name), null, null, cancellationToken);
            case EditOutcome.Stale:
                return await CardAsync(turn, unit, t.Stale, null, null, cancellationToken);
            case EditOutcome.NotFound:
                return AdaptiveCardInvokeResponse.Message(t.Gone);
            case EditOutcome.Invalid:
                return await CardAsync(turn, unit, t.NotSaved, ErrorsOnCard(t, result.ErrorsIn(turn.Language), change.Goals), data, cancellationToken);
            default:
                return await CardAsync(turn, unit, t.Busy, new Dictionary<string, string>(), data, cancellationToken);
        }
    }

    /// <summary>
    /// The rules' errors by the card's fields, in the caller's language. A goal's error is keyed by the form's index,
    /// which skips emptied goals, so it is moved to the field the goal was typed in.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ErrorsOnCard(UnitCardTexts t, IReadOnlyDictionary<string, string[]> errors, IReadOnlyList<UnitCardGoal> goals)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(goals);
        var onCard = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in errors.Keys)
        {
            if (GoalField().Match(key) is { Success: true } goal
                && int.Parse(goal.Groups["index"].Value, CultureInfo.InvariantCulture) is var index && index < goals.Count)
            {
                var field = goals[index].Field;
                onCard[$"goal{field}.{goal.Groups["part"].Value}"] = goal.Groups["part"].Value == "title" ? t.BadGoalTitle(Goal.MaxTitleLength) : t.BadSupports;
                continue;
            }

            onCard[key] = key switch
            {
                "boardMeeting.weekday" => t.BadWeekday,
                "boardMeeting.time" => t.BadTime,
                "boardMeeting.minutes" => t.BadMinutes(BoardMeeting.MinMinutes, BoardMeeting.MaxMinutes),
                "coordinators" => t.BadCoordinators(Unit.MaxCoordinators),
                _ => t.BadOther(key),
            };
        }

        return onCard;
    }

    private async Task<AdaptiveCardInvokeResponse> CardAsync(
        Turn turn, Unit unit, string notice, IReadOnlyDictionary<string, string>? errors, System.Text.Json.Nodes.JsonObject? typed, CancellationToken cancellationToken)
    {
        var areas = await store.ListServiceAreasAsync(turn.TenantId, cancellationToken);
        return AdaptiveCardInvokeResponse.Card(UnitCard.Create(turn.Language, unit, areas, notice, errors, typed).ToJson());
    }

    [GeneratedRegex(@"^goals\[(?<index>\d+)\]\.(?<part>title|supports)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex GoalField();
}
