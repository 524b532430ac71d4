namespace LeanTeamsApp.BotFramework.Connector;

/// <summary>
/// The answer to creating a conversation. A channel post gives <c>{channelId};messageid={activityId}</c> as
/// <see cref="Id"/>; a 1:1 chat gives an <c>a:…</c> id, the same every time for the same user, and no activity id.
/// </summary>
public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }

    public string? ActivityId { get; set; }

    public string? ServiceUrl { get; set; }
}
