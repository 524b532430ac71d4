using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Storage;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Bot;

/// <summary>
/// Routes an authenticated activity: messages to commands, card actions (after the access rule) to their features,
/// installs to conversation references. The caller is resolved once here and travels with the turn.
/// </summary>
public sealed partial class ActivityDispatcher(
    IServiceProvider services,
    IEnumerable<BotCommand> commands,
    IEnumerable<BotCardAction> cardActions,
    IEnumerable<BotSearch> searches,
    ConnectorClient connector,
    ConversationReferences conversations,
    CallerResolver callers,
    OrganisationStore organisation,
    AccessRule access,
    ILogger<ActivityDispatcher> logger)
{
    private readonly IReadOnlyList<BotCommand> _commands = [.. commands];
    private readonly CommandParser _parser = new(commands);
    private readonly Dictionary<string, BotCardAction> _cardActions = cardActions.ToDictionary(a => a.Verb, StringComparer.Ordinal);
    private readonly Dictionary<string, BotSearch> _searches = searches.ToDictionary(s => s.Dataset, StringComparer.Ordinal);

    /// <summary>Handles the activity; returns the body for an invoke, or null when the answer is a plain 200.</summary>
    public async Task<InvokeResponse?> DispatchAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.TenantId is not { } tenantId || activity.ServiceUrl is null || activity.Conversation?.Id is null)
        {
            // Nothing can be answered without knowing where to; Teams always sends these.
            LogIncomplete(logger, activity.Type);
            return activity.Type == ActivityTypes.Invoke ? new InvokeResponse(400, null) : null;
        }

        Turn? turn = null;
        try
        {
            var conversation = new ConversationAddress(new Uri(activity.ServiceUrl), activity.Conversation.Id, tenantId);
            var caller = activity.Type is ActivityTypes.Message or ActivityTypes.Invoke
                ? await callers.ResolveAsync(activity, tenantId, conversation, cancellationToken)
                : Caller.Unknown(tenantId, activity.From?.Name ?? "?");
            turn = new Turn(activity, tenantId, connector, caller);
            if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke && await organisation.GetTermsAsync(tenantId, cancellationToken) is { } terms)
            {
                OwnTerms.Use(terms);
            }

            switch (activity.Type)
            {
                case ActivityTypes.Message:
                    await RememberConversationAsync(activity, cancellationToken);
                    await OnMessageAsync(turn, cancellationToken);
                    return null;
                case ActivityTypes.InstallationUpdate:
                    await OnInstallationUpdateAsync(turn, cancellationToken);
                    return null;
                case ActivityTypes.ConversationUpdate:
                    await OnConversationUpdateAsync(turn, cancellationToken);
                    return null;
                case ActivityTypes.Invoke when activity.Name == InvokeNames.AdaptiveCardAction:
                    return (await OnCardActionAsync(turn, cancellationToken)).ToInvokeResponse();
                case ActivityTypes.Invoke when activity.Name == InvokeNames.Search:
                    return await OnSearchAsync(turn, cancellationToken);
                case ActivityTypes.Invoke:
                    return AdaptiveCardInvokeResponse.NotSupported($"'{activity.Name}' is not supported.").ToInvokeResponse();
                default:
                    return null;
            }
        }
        catch (Exception e) when (StorageFailure.IsOutage(e) && activity.Type == ActivityTypes.Message)
        {
            LogStorageDown(logger, e.Message);
            // The outage may have struck while the caller was being resolved, before there was a turn.
            var answering = turn ?? new Turn(activity, tenantId, connector, Caller.Unknown(tenantId, activity.From?.Name ?? "?"));
            await TryReplyAsync(answering, answering.Texts.StorageDown, cancellationToken);
            return null;
        }
        catch (ConnectorException e)
        {
            // The turn's work is done; only the answer did not arrive. A 5xx would make Teams deliver the activity
            // again and repeat its effects, so the failure stays in our log.
            LogReplyFailed(logger, e.StatusCode, e.ErrorCode);
            return null;
        }
    }

    private async Task TryReplyAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        try
        {
            await turn.ReplyAsync(text, cancellationToken);
        }
        catch (ConnectorException e)
        {
            LogReplyFailed(logger, e.StatusCode, e.ErrorCode);
        }
    }

    private async Task OnMessageAsync(Turn turn, CancellationToken cancellationToken)
    {
        // Clients without Universal Actions send the card's Action.Submit fallback: a message with the data as value.
        if (string.IsNullOrWhiteSpace(turn.Activity.Text) && turn.Activity.Value is { } submitted)
        {
            var data = Infrastructure.Cards.CardJson.AsObject(submitted);
            if (data?["verb"]?.ToString() is { } verb && _cardActions.TryGetValue(verb, out var action))
            {
                var answer = await RunCardActionAsync(action, turn, data, cancellationToken);
                if (answer.Type == AdaptiveCardInvokeResponse.CardType && answer.Value is System.Text.Json.Nodes.JsonNode card)
                {
                    var reply = turn.Activity.CreateReply();
                    reply.Attachments = [new Attachment { ContentType = AdaptiveCardInvokeResponse.CardType, Content = card }];
                    await turn.SendAsync(reply, cancellationToken);
                }
                else if (answer.Value is System.Text.Json.Nodes.JsonValue text)
                {
                    await turn.ReplyAsync(text.ToString(), cancellationToken);
                }
            }

            return;
        }

        switch (_parser.Parse(turn.Activity.GetTextWithoutMentions()))
        {
            case ParsedText.Empty:
                await HelpCard.ReplyAsync(turn, _commands, cancellationToken);
                break;
            case ParsedText.Command command:
                await command.Registered.HandleAsync(services, turn, command.Arguments, cancellationToken);
                break;
            case ParsedText.Unknown unknown:
                await turn.ReplyAsync(turn.Texts.Unknown(unknown.Typed, unknown.Closest?.Text.Shown(turn.Language)), cancellationToken);
                break;
        }
    }

    private async Task<AdaptiveCardInvokeResponse> OnCardActionAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (!turn.Activity.TryReadValue<AdaptiveCardInvokeValue>(out var value) || value.Action is not { Type: "Action.Execute", Verb: { } verb } action)
        {
            return AdaptiveCardInvokeResponse.BadRequest("The invoke has no Action.Execute with a verb.");
        }

        if (!_cardActions.TryGetValue(verb, out var handler))
        {
            return AdaptiveCardInvokeResponse.NotSupported($"The verb '{verb}' is not supported.");
        }

        return await RunCardActionAsync(handler, turn, Infrastructure.Cards.CardJson.AsObject(action.Data) ?? [], cancellationToken);
    }

    /// <summary>
    /// A typeahead drop-down asks for choices. Only someone the organisation knows may search it: anyone else (a
    /// stranger, someone of another tenant) is refused with a reason and learns nothing of the organisation.
    /// </summary>
    private async Task<InvokeResponse> OnSearchAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (!turn.Activity.TryReadValue<SearchInvokeValue>(out var value) || value.Dataset is not { Length: > 0 } dataset)
        {
            return AdaptiveCardInvokeResponse.BadRequest("The search names no dataset.").ToInvokeResponse();
        }

        if (!_searches.TryGetValue(dataset, out var search))
        {
            return AdaptiveCardInvokeResponse.NotSupported($"The dataset '{dataset}' is not supported.").ToInvokeResponse();
        }

        if (!access.Check(turn.Caller, search.Permission, AccessTarget.Organisation, $"search {dataset}"))
        {
            return AdaptiveCardInvokeResponse.Error(403, "Forbidden", turn.Texts.NotAllowed(search.Permission, null)).ToInvokeResponse();
        }

        // Teams shows at most 15 choices; a client that asks for more (or none) gets a page of that size.
        var skip = Math.Max(0, value.QueryOptions?.Skip ?? 0);
        var top = value.QueryOptions?.Top is { } asked and > 0 ? Math.Min(asked, SearchInvokeResponse.MaxResults) : SearchInvokeResponse.MaxResults;
        var found = await search.FindAsync(services, turn, value.QueryText?.Trim() ?? "", cancellationToken);
        return SearchInvokeResponse.Of(found.Skip(skip).Take(top)).ToInvokeResponse();
    }

    /// <summary>
    /// Finds what the card names in the caller's tenant and asks the access rule before the feature's handler runs. A
    /// refusal leaves the card as it is (a message response does not replace it), stores nothing and says why.
    /// </summary>
    private async Task<AdaptiveCardInvokeResponse> RunCardActionAsync(BotCardAction action, Turn turn, System.Text.Json.Nodes.JsonObject data, CancellationToken cancellationToken)
    {
        var found = await action.FindTargetAsync(services, turn, data, cancellationToken);
        if (found.Malformation is { } reason)
        {
            return AdaptiveCardInvokeResponse.BadRequest(reason);
        }

        if (found.Target is not { } target)
        {
            return AdaptiveCardInvokeResponse.Message(turn.Texts.CardTargetGone);
        }

        if (!access.Check(turn.Caller, action.Permission, target, action.Verb))
        {
            return AdaptiveCardInvokeResponse.Message(turn.Texts.NotAllowed(action.Permission, AccessRule.IsOrganisationWide(action.Permission) ? null : target.Unit?.Name));
        }

        // A card sent before its unit was archived: the unit's board, check-ins and benefits are history now, read-only
        // in chat as in the tab (409 there), until the coordinator restores the unit.
        if (target.Unit is { Archived: true } archived)
        {
            return AdaptiveCardInvokeResponse.Message(turn.Texts.UnitArchived(archived.Name));
        }

        return await action.HandleAsync(services, new AllowedCardAction(turn, data, target), cancellationToken);
    }

    private async Task OnInstallationUpdateAsync(Turn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var removed = activity.Action?.StartsWith(InstallationActions.Remove, StringComparison.OrdinalIgnoreCase) == true;
        if (removed)
        {
            await ForgetAsync(activity, cancellationToken);
            return;
        }

        // An app update arrives as "add-upgrade": keep the references fresh, but greet only on a real install.
        if (await RememberConversationAsync(activity, cancellationToken) && activity.Action == InstallationActions.Add)
        {
            await turn.SendAsync(activity.CreateReply(turn.InChannel || activity.ChannelData?.Team is not null ? turn.Texts.WelcomeTeam : turn.Texts.WelcomePersonal), cancellationToken);
        }
    }

    private async Task OnConversationUpdateAsync(Turn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var botId = activity.Recipient?.Id;
        if (activity.MembersRemoved?.Any(m => m.Id == botId) == true || activity.ChannelData?.EventType == TeamsEventTypes.TeamDeleted)
        {
            await ForgetAsync(activity, cancellationToken);
        }
        else if (activity.MembersAdded?.Any(m => m.Id == botId) == true || activity.ChannelData?.EventType is TeamsEventTypes.ChannelCreated or TeamsEventTypes.ChannelRenamed)
        {
            await RememberConversationAsync(activity, cancellationToken);
        }
    }

    /// <summary>Saves the references this activity shows; true when it came from a team or a personal chat.</summary>
    private async Task<bool> RememberConversationAsync(Activity activity, CancellationToken cancellationToken)
    {
        var installEvent = activity.Type is ActivityTypes.InstallationUpdate or ActivityTypes.ConversationUpdate;
        var saved = false;
        if (ConversationReferences.TeamOf(activity) is { } team)
        {
            await conversations.SaveAsync(team, cancellationToken, force: installEvent);
            saved = true;
        }

        if (ConversationReferences.From(activity) is { } reference)
        {
            await conversations.SaveAsync(reference, cancellationToken, force: installEvent);
            saved = true;
        }

        return saved;
    }

    private async Task ForgetAsync(Activity activity, CancellationToken cancellationToken)
    {
        var tenant = activity.TenantId!;
        if (activity.ChannelData?.Team?.Id is { } teamId)
        {
            await conversations.RemoveAsync(tenant, ConversationScope.Team, teamId, cancellationToken);
        }
        else if (ConversationReferences.From(activity) is { } reference)
        {
            await conversations.RemoveAsync(tenant, reference.Scope, reference.Key, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a {Type} activity without tenant, serviceUrl or conversation")]
    private static partial void LogIncomplete(ILogger logger, string? type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not answer a turn: the connector said {Status} {Code}")]
    private static partial void LogReplyFailed(ILogger logger, int status, string? code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage unavailable during a turn: {Reason}")]
    private static partial void LogStorageDown(ILogger logger, string reason);
}
