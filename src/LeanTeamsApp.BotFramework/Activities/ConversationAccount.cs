using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.BotFramework.Activities;

/// <summary>
/// Personal ids start with <c>a:</c>, channels are <c>19:…@thread.tacv2</c>, group chats
/// <c>19:…@thread.v2</c>, and a channel thread is <c>{channelId};messageid={rootId}</c>.
/// </summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>One of <see cref="ConversationTypes"/>.</summary>
    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    public bool? IsGroup { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
