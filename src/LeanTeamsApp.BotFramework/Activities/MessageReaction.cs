using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.BotFramework.Activities;

/// <summary>Teams types: like, heart, laugh, surprised, sad, angry (and more over time).</summary>
public sealed class MessageReaction
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
