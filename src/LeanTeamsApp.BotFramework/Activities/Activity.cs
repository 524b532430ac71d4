using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.BotFramework.Activities;

/// <summary>
/// A Bot Framework activity as Teams sends and receives it. Every field is optional because which ones are
/// present depends on <see cref="Type"/>; fields this type does not name are kept in
/// <see cref="AdditionalProperties"/> so that nothing Teams sends is lost when an activity is written back.
/// </summary>
public sealed class Activity
{
    /// <summary>One of <see cref="ActivityTypes"/>.</summary>
    public string? Type { get; set; }

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The sender's local time, offset included.</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>IANA time zone of the sender, e.g. <c>Europe/Oslo</c>.</summary>
    public string? LocalTimezone { get; set; }

    /// <summary>Base address for every reply to this activity; it can change between activities.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary><see cref="ChannelIds.MsTeams"/> for Teams.</summary>
    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? ReplyToId { get; set; }

    public string? Text { get; set; }

    /// <summary>One of <see cref="TextFormats"/>.</summary>
    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    public IList<Attachment>? Attachments { get; set; }

    public IList<Entity>? Entities { get; set; }

    public TeamsChannelData? ChannelData { get; set; }

    /// <summary>Card submit data, invoke payloads. Read it with <see cref="TryReadValue{T}"/>.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>The invoke or event name, e.g. <see cref="InvokeNames.AdaptiveCardAction"/>.</summary>
    public string? Name { get; set; }

    /// <summary>installationUpdate: one of <see cref="InstallationActions"/>.</summary>
    public string? Action { get; set; }

    public IList<ChannelAccount>? MembersAdded { get; set; }

    public IList<ChannelAccount>? MembersRemoved { get; set; }

    public IList<MessageReaction>? ReactionsAdded { get; set; }

    public IList<MessageReaction>? ReactionsRemoved { get; set; }

    /// <summary>Shown in the activity feed instead of the text.</summary>
    public string? Summary { get; set; }

    public SuggestedActions? SuggestedActions { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }

    /// <summary>
    /// Teams puts the tenant in channelData for most activities and in the conversation for some;
    /// channelData wins because it is the one Teams documents for every scope.
    /// </summary>
    [JsonIgnore]
    public string? TenantId => ChannelData?.Tenant?.Id ?? Conversation?.TenantId;

    /// <summary>A message activity that answers this one in the same conversation.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        From = Copy(Recipient),
        Recipient = Copy(From),
        ReplyToId = Id,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Conversation = Conversation is null
            ? null
            : new ConversationAccount
            {
                Id = Conversation.Id,
                Name = Conversation.Name,
                ConversationType = Conversation.ConversationType,
                TenantId = Conversation.TenantId,
                IsGroup = Conversation.IsGroup,
            },
        Locale = Locale,
    };

    /// <summary>
    /// The text with the bot's own <c>&lt;at&gt;…&lt;/at&gt;</c> mentions removed, trimmed. In channels users
    /// must mention the bot, so without this every command would start with the bot's name. Mentions of
    /// other people are kept: they can be part of what the user is asking for.
    /// </summary>
    public string GetTextWithoutMentions()
    {
        var text = Text ?? string.Empty;
        var botId = Recipient?.Id;
        if (Entities is null || string.IsNullOrEmpty(botId))
        {
            return text.Trim();
        }

        foreach (var entity in Entities)
        {
            if (entity.Type == EntityTypes.Mention
                && string.Equals(entity.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrEmpty(entity.Text))
            {
                text = text.Replace(entity.Text, string.Empty, StringComparison.Ordinal);
            }
        }

        return text.Trim();
    }

    /// <summary>
    /// Reads <see cref="Value"/> as <typeparamref name="T"/>. False when there is no value or it has a
    /// different shape, which for an invoke means the caller should answer 400.
    /// </summary>
    public bool TryReadValue<T>([NotNullWhen(true)] out T? value)
        where T : class
    {
        value = null;
        if (Value is not { ValueKind: JsonValueKind.Object or JsonValueKind.Array } element)
        {
            return false;
        }

        try
        {
            value = element.Deserialize<T>(BotJson.Options);
        }
        catch (JsonException)
        {
            return false;
        }

        return value is not null;
    }

    private static ChannelAccount? Copy(ChannelAccount? account) => account is null
        ? null
        : new ChannelAccount { Id = account.Id, Name = account.Name, AadObjectId = account.AadObjectId, Role = account.Role };
}
