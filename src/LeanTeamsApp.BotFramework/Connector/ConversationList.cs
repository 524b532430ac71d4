using LeanTeamsApp.BotFramework.Activities;

namespace LeanTeamsApp.BotFramework.Connector;

/// <summary>The answer to GET /v3/teams/{teamId}/conversations: the team's channels.</summary>
public sealed class ConversationList
{
    public IList<ChannelInfo>? Conversations { get; set; }
}
