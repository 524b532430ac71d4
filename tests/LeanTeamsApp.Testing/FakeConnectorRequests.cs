using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.BotFramework.Connector;

namespace LeanTeamsApp.Testing;

/// <summary>Which Bot Connector operation a request was.</summary>
public enum ConnectorOperation
{
    Unknown,
    Send,
    Reply,
    Update,
    Delete,
    CreateConversation,
    GetMembers,
    GetPagedMembers,
    GetMember,
    GetChannels,
}

/// <summary>
/// One request the <see cref="FakeConnector"/> received. For a created conversation, <see cref="ConversationId"/>
/// is the id it handed out and <see cref="Activity"/> the first message; <see cref="ResultId"/> is the activity
/// (or, for 1:1 creation, conversation) id it answered with. Rejected requests carry the status they got.
/// </summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    ConnectorOperation Operation,
    string? ConversationId,
    string? ActivityId,
    Activity? Activity,
    ConversationParameters? Parameters,
    string Body,
    string? Authorization,
    DateTimeOffset ReceivedAt,
    int StatusCode,
    string? ResultId);
