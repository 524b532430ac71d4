using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.BotFramework.Activities;

public sealed class Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; set; }

    /// <summary>A node rather than an element so that cards can be built and edited before sending.</summary>
    public JsonNode? Content { get; set; }

    public string? ContentUrl { get; set; }

    public string? Name { get; set; }

    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }

    public static Attachment AdaptiveCard(JsonNode card) =>
        new() { ContentType = AdaptiveCardContentType, Content = card };
}
