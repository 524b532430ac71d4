using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.BotFramework.Activities;

/// <summary>A user or bot in a conversation. Teams users are <c>29:…</c>, bots <c>28:{appId}</c>.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>The Entra object id; absent for bots.</summary>
    public string? AadObjectId { get; set; }

    public string? Role { get; set; }

    /// <summary>Roster fields (userPrincipalName, email, …) that Teams adds and this type does not name.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
