using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.BotFramework.Activities;

/// <summary>Teams shows these only in 1:1 chats, only <c>imBack</c>, and at most three.</summary>
public sealed class SuggestedActions
{
    public IList<CardAction>? Actions { get; init; }

    /// <summary>User ids the actions are shown to.</summary>
    public IList<string>? To { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}

public sealed class CardAction
{
    public string? Type { get; set; }

    public string? Title { get; set; }

    /// <summary>A string for imBack; other action types carry objects.</summary>
    public JsonNode? Value { get; set; }

    public string? Text { get; set; }

    public string? DisplayText { get; set; }

    public string? Image { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }

    public static CardAction ImBack(string title, string value) =>
        new() { Type = "imBack", Title = title, Value = value };
}
