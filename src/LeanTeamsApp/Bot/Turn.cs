using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.Bot;

/// <summary>One inbound activity, who sent it, and the means to answer it in the user's language.</summary>
public sealed class Turn(Activity activity, string tenantId, ConnectorClient connector, Caller caller)
{
    public Activity Activity { get; } = activity;

    public string TenantId { get; } = tenantId;

    /// <summary>The sender as the organisation knows them, resolved once for the whole turn.</summary>
    public Caller Caller { get; } = caller;

    public Language Language { get; } = Languages.FromLocale(activity.Locale);

    public BotTexts Texts => BotTexts.For(Language);

    public ConversationAddress Conversation { get; } = new(new Uri(activity.ServiceUrl!), activity.Conversation!.Id!, tenantId);

    public bool InChannel => Activity.Conversation?.ConversationType == ConversationTypes.Channel && TeamId is not null && ChannelId is not null;

    public string? TeamId => Activity.ChannelData?.Team?.Id;

    /// <summary>The channel the activity came from; a thread's conversation id carries it before ";messageid=".</summary>
    public string? ChannelId => Activity.ChannelData?.Channel?.Id ?? (Activity.Conversation?.ConversationType == ConversationTypes.Channel
        ? Activity.Conversation.Id?.Split(";messageid=")[0]
        : null);

    /// <summary>
    /// The channel's name as people see it. Teams leaves it out of most activities (and always for General, whose id
    /// is the team id), so it is asked from the team's channel list; a failure there only costs the nicer name.
    /// </summary>
    public async Task<string> ChannelNameAsync(CancellationToken cancellationToken)
    {
        if (Activity.ChannelData?.Channel?.Name is { } known)
        {
            return known;
        }

        if (ChannelId is null || TeamId is null || ChannelId == TeamId)
        {
            return Texts.GeneralChannel;
        }

        try
        {
            var channels = await connector.GetChannelsAsync(Conversation.ServiceUrl, TeamId, TenantId, cancellationToken);
            return channels.FirstOrDefault(c => c.Id == ChannelId)?.Name ?? ChannelId;
        }
        catch (ConnectorException)
        {
            return ChannelId;
        }
    }

    public Task ReplyAsync(string text, CancellationToken cancellationToken) =>
        SendReplyAsync(Activity.CreateReply(text), cancellationToken);

    public Task ReplyAsync(AdaptiveCard card, string summary, CancellationToken cancellationToken)
    {
        var reply = Activity.CreateReply();
        reply.Summary = summary;
        reply.Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card.ToJson() }];
        return SendReplyAsync(reply, cancellationToken);
    }

    public Task SendAsync(Activity activity, CancellationToken cancellationToken) =>
        connector.SendAsync(Conversation, activity, cancellationToken);

    private async Task SendReplyAsync(Activity reply, CancellationToken cancellationToken)
    {
        if (Activity.Id is { } id)
        {
            await connector.ReplyAsync(Conversation, id, reply, cancellationToken);
        }
        else
        {
            await connector.SendAsync(Conversation, reply, cancellationToken);
        }
    }
}
