using LeanTeamsApp.BotFramework.Activities;

namespace LeanTeamsApp.BotFramework.Connector;

/// <summary>
/// The body of <c>POST /v3/conversations</c>. Teams accepts two shapes: a 1:1 chat with exactly one member, and
/// a new thread in a channel, which must carry its first activity. Bots cannot create group chats or channels.
/// </summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }

    /// <summary>Optional: Teams infers the bot from the token.</summary>
    public ChannelAccount? Bot { get; set; }

    public IList<ChannelAccount>? Members { get; set; }

    public string? TenantId { get; set; }

    public TeamsChannelData? ChannelData { get; set; }

    /// <summary>Posted as the first message. Required for a channel post; optional for 1:1.</summary>
    public Activity? Activity { get; set; }

    /// <summary>
    /// A 1:1 chat with <paramref name="userId"/>, the Teams user id (<c>29:…</c>) from a roster or an activity.
    /// The tenant is sent both top-level and in channelData because Microsoft's own examples use either.
    /// </summary>
    public static ConversationParameters ForPersonalChat(
        string tenantId, string userId, string? botId = null, Activity? activity = null) => new()
    {
        IsGroup = false,
        Bot = botId is null ? null : new ChannelAccount { Id = botId },
        Members = [new ChannelAccount { Id = userId }],
        TenantId = tenantId,
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } },
        Activity = activity,
    };

    /// <summary>A new thread in channel <paramref name="channelId"/> (<c>19:…@thread.tacv2</c>), opened by <paramref name="activity"/>.</summary>
    public static ConversationParameters ForChannelPost(string tenantId, string channelId, Activity activity) => new()
    {
        IsGroup = true,
        TenantId = tenantId,
        ChannelData = new TeamsChannelData
        {
            Channel = new ChannelInfo { Id = channelId },
            Tenant = new TenantInfo { Id = tenantId },
        },
        Activity = activity,
    };
}
