using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.BotFramework.Activities;

/// <summary>
/// The <c>value</c> of an <see cref="InvokeNames.Search"/> invoke: what the user typed into a typeahead drop-down, the
/// dataset its card named, and which page of results the client wants.
/// </summary>
public sealed class SearchInvokeValue
{
    public string? QueryText { get; set; }

    public string? Dataset { get; set; }

    /// <summary><c>search</c>, <c>searchAnswer</c> or <c>typeahead</c>; a card's drop-down may leave it out.</summary>
    public string? Kind { get; set; }

    public SearchInvokeOptions? QueryOptions { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}

/// <summary>The page asked for: skip this many results, then return at most <see cref="Top"/>.</summary>
public sealed class SearchInvokeOptions
{
    public int? Top { get; set; }

    public int? Skip { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
