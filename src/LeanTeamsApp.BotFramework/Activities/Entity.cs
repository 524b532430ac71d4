using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.BotFramework.Activities;

/// <summary>
/// One class for every entity type: the fields of a mention and of clientInfo are named, everything else
/// stays in <see cref="AdditionalProperties"/>, because Teams adds entity types at any time and an unknown
/// one must never break reading an activity.
/// </summary>
public sealed class Entity
{
    /// <summary>One of <see cref="EntityTypes"/>, or a type this library does not know.</summary>
    public string? Type { get; set; }

    /// <summary>Mention: who was mentioned.</summary>
    public ChannelAccount? Mentioned { get; set; }

    /// <summary>Mention: the markup in the message text, e.g. <c>&lt;at&gt;Lean&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }

    /// <summary>clientInfo: the user's client locale, e.g. <c>nb-NO</c>.</summary>
    public string? Locale { get; set; }

    /// <summary>clientInfo: IANA time zone; present in some payloads only.</summary>
    public string? Timezone { get; set; }

    /// <summary>clientInfo: two-letter country code.</summary>
    public string? Country { get; set; }

    /// <summary>clientInfo: Windows, Mac, Web, iOS, Android, …</summary>
    public string? Platform { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }

    public static Entity Mention(ChannelAccount mentioned, string text) =>
        new() { Type = EntityTypes.Mention, Mentioned = mentioned, Text = text };
}
