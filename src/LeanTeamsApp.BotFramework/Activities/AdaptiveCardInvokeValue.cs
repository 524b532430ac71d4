using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.BotFramework.Activities;

/// <summary>The <c>value</c> of an <see cref="InvokeNames.AdaptiveCardAction"/> invoke.</summary>
public sealed class AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; set; }

    /// <summary><c>manual</c> for a click, <c>automatic</c> for a refresh.</summary>
    public string? Trigger { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}

public sealed class AdaptiveCardInvokeAction
{
    /// <summary>Must be <c>Action.Execute</c>; anything else is answered with 400 NotSupported.</summary>
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? Verb { get; set; }

    /// <summary>The action's data with the card's input values merged in.</summary>
    public JsonElement? Data { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
