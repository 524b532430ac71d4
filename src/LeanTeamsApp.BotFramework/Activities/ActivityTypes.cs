namespace LeanTeamsApp.BotFramework.Activities;

/// <summary>Values of <see cref="Activity.Type"/> that Teams sends or a bot sends.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string Typing = "typing";
    public const string Event = "event";
}

/// <summary>Values of <see cref="Activity.Name"/> on invoke activities.</summary>
public static class InvokeNames
{
    /// <summary>An <c>Action.Execute</c> click or an automatic card refresh.</summary>
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string TaskFetch = "task/fetch";
    public const string TaskSubmit = "task/submit";

    /// <summary>A card's dynamic typeahead (<c>choices.data</c> of type <c>Data.Query</c>) asks for choices.</summary>
    public const string Search = "application/search";
}

/// <summary>Values of <see cref="ConversationAccount.ConversationType"/>.</summary>
public static class ConversationTypes
{
    public const string Personal = "personal";
    public const string Channel = "channel";
    public const string GroupChat = "groupChat";
}

/// <summary>Values of <see cref="Activity.Action"/> on installationUpdate activities.</summary>
public static class InstallationActions
{
    public const string Add = "add";
    public const string Remove = "remove";
    public const string AddUpgrade = "add-upgrade";
    public const string RemoveUpgrade = "remove-upgrade";
}

/// <summary>Values of <see cref="Activity.ChannelId"/>.</summary>
public static class ChannelIds
{
    public const string MsTeams = "msteams";
}

/// <summary>Values of <see cref="Activity.TextFormat"/>.</summary>
public static class TextFormats
{
    public const string Plain = "plain";
    public const string Markdown = "markdown";
    public const string Xml = "xml";
}

/// <summary>Values of <see cref="Entity.Type"/> that the bot reads.</summary>
public static class EntityTypes
{
    public const string Mention = "mention";
    public const string ClientInfo = "clientInfo";
}

/// <summary>
/// Values of <see cref="TeamsChannelData.EventType"/>. Teams adds new ones without notice, so code must
/// treat any other value as "ignore", never as an error.
/// </summary>
public static class TeamsEventTypes
{
    public const string ChannelCreated = "channelCreated";
    public const string ChannelRenamed = "channelRenamed";
    public const string ChannelDeleted = "channelDeleted";
    public const string ChannelRestored = "channelRestored";
    public const string TeamMemberAdded = "teamMemberAdded";
    public const string TeamMemberRemoved = "teamMemberRemoved";
    public const string TeamRenamed = "teamRenamed";
    public const string TeamDeleted = "teamDeleted";
    public const string TeamArchived = "teamArchived";
    public const string TeamUnarchived = "teamUnarchived";
    public const string TeamRestored = "teamRestored";
    public const string EditMessage = "editMessage";
    public const string SoftDeleteMessage = "softDeleteMessage";
    public const string UndeleteMessage = "undeleteMessage";
}
