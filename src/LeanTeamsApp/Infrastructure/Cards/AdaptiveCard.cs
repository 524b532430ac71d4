using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.Infrastructure.Cards;

/// <summary>
/// A typed Adaptive Card. Teams renders schema 1.5 at most, and Universal Actions (Action.Execute, refresh) need
/// exactly that version, so it is fixed here rather than chosen per card.
/// </summary>
public sealed record AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SchemaVersion = "1.5";

    [JsonPropertyName("type")]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    public string Version => SchemaVersion;

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardAction>? Actions { get; init; }

    public CardRefresh? Refresh { get; init; }

    /// <summary>Teams-specific: cards stretch to the conversation width, which tables and fact sets need.</summary>
    [JsonPropertyName("msteams")]
    public TeamsCardProperties? TeamsProperties { get; init; } = new();

    public string? Speak { get; init; }

    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this, CardJson.Options)!.AsObject();
}

public sealed record TeamsCardProperties(string Width = "Full");

public sealed record CardRefresh(ExecuteAction Action, IReadOnlyList<string>? UserIds);

public static class CardJson
{
    /// <summary>A card action's data (or a submit's value) as a JSON object, or null when it is not an object.</summary>
    public static JsonObject? AsObject(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } e ? JsonNode.Parse(e.GetRawText())?.AsObject() : null;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(TimeInput), "Input.Time")]
public abstract record CardElement
{
    public string? Id { get; init; }

    public bool? Separator { get; init; }

    public Spacing? Spacing { get; init; }

    public bool? IsVisible { get; init; }
}

public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge }

public enum TextSize { Small, Default, Medium, Large, ExtraLarge }

public enum TextWeight { Lighter, Default, Bolder }

public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

/// <summary>
/// Text as the card shows it. Teams reads a TextBlock's text as Markdown, and much of what the app shows was typed by
/// someone (unit names, improvement titles, deviations, notes), so the text is written plain: see <see cref="PlainText"/>.
/// </summary>
public sealed record TextBlock([property: JsonConverter(typeof(PlainTextConverter))] string Text) : CardElement
{
    public bool? Wrap { get; init; } = true;

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    /// <summary>Marks a heading for screen readers (universal design: WCAG 1.3.1).</summary>
    public string? Style { get; init; }

    public static TextBlock Heading(string text) => new(text) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Style = "heading" };
}

/// <summary>A fact's title and value are Markdown in Teams too, and are written plain like <see cref="TextBlock"/>.</summary>
public sealed record Fact(
    [property: JsonConverter(typeof(PlainTextConverter))] string Title,
    [property: JsonConverter(typeof(PlainTextConverter))] string Value);

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public ContainerStyle? Style { get; init; }
}

public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyName("type")]
    public string Type => "Column";

    /// <summary>"auto", "stretch" or a weight like "2".</summary>
    public string? Width { get; init; }
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

public abstract record InputElement : CardElement
{
    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

public sealed record TextInput : InputElement
{
    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public string? Regex { get; init; }
}

public sealed record NumberInput : InputElement
{
    public double? Min { get; init; }

    public double? Max { get; init; }

    public double? Value { get; init; }

    public string? Placeholder { get; init; }
}

public sealed record Choice(string Title, string Value);

public sealed record ChoiceSetInput(IReadOnlyList<Choice> Choices) : InputElement
{
    public string? Value { get; init; }

    /// <summary>"compact" (drop-down) or "expanded" (radio buttons / check boxes).</summary>
    public string? Style { get; init; }

    public bool? IsMultiSelect { get; init; }

    public string? Placeholder { get; init; }

    /// <summary>
    /// Teams' dynamic typeahead: the client asks the bot for choices as the user types (an application/search invoke
    /// naming the dataset). <see cref="ChoiceSetInput.Choices"/> stay what clients without it show. The property's
    /// name has a dot in it.
    /// </summary>
    [JsonPropertyName("choices.data")]
    public DataQuery? ChoicesData { get; init; }
}

/// <summary>Where a <see cref="ChoiceSetInput"/> finds choices beyond its own: a dataset the bot searches.</summary>
public sealed record DataQuery(string Dataset)
{
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type => "Data.Query";

    /// <summary>How many results a page asks for; the client chooses when this is left out.</summary>
    public int? Count { get; init; }
}

public sealed record ToggleInput(string Title) : InputElement
{
    public string? Value { get; init; }

    public string? ValueOn { get; init; }

    public string? ValueOff { get; init; }
}

public sealed record DateInput : InputElement
{
    public string? Value { get; init; }

    public string? Min { get; init; }

    public string? Max { get; init; }
}

/// <summary>A time of day, HH:mm: the clients offer their own time picker.</summary>
public sealed record TimeInput : InputElement
{
    public string? Value { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
public abstract record CardAction(string Title)
{
    public string? Id { get; init; }

    /// <summary>"default", "positive" or "destructive"; Teams ignores the last two but other hosts honour them.</summary>
    public string? Style { get; init; }
}

/// <summary>A Universal Action: arrives as an adaptiveCard/action invoke with <see cref="Verb"/> and <see cref="Data"/>.</summary>
public sealed record ExecuteAction(string Title, string Verb) : CardAction(Title)
{
    public JsonObject? Data { get; init; }

    /// <summary>"auto" validates and sends the card's inputs; "none" skips them (Cancel, Edit).</summary>
    public string? AssociatedInputs { get; init; }

    /// <summary>
    /// Clients without Universal Actions fall back to a plain submit of the same data. Declared as the base type so
    /// the serializer writes its "type": a fallback without one is no action at all to those clients.
    /// </summary>
    public CardAction? Fallback { get; init; }

    public static ExecuteAction WithFallback(string title, string verb, JsonObject? data = null, string? associatedInputs = null)
    {
        var fallbackData = data?.DeepClone().AsObject() ?? [];
        fallbackData["verb"] = verb;
        return new ExecuteAction(title, verb)
        {
            Data = data,
            AssociatedInputs = associatedInputs,
            Fallback = new SubmitAction(title) { Data = fallbackData, AssociatedInputs = associatedInputs },
        };
    }
}

public sealed record SubmitAction(string Title) : CardAction(Title)
{
    public JsonObject? Data { get; init; }

    public string? AssociatedInputs { get; init; }
}

public sealed record OpenUrlAction(string Title, Uri Url) : CardAction(Title);

/// <summary>Opens a card inside the card: a small form that stays out of the way until someone needs it.</summary>
public sealed record ShowCardAction(string Title, AdaptiveCard Card) : CardAction(Title);

/// <summary>Shows or hides elements by id: details that a long card keeps folded until someone asks.</summary>
public sealed record ToggleVisibilityAction(string Title, IReadOnlyList<TargetElement> TargetElements) : CardAction(Title);

/// <summary>An element a <see cref="ToggleVisibilityAction"/> acts on: toggled when <see cref="IsVisible"/> is null, else shown or hidden.</summary>
public sealed record TargetElement(string ElementId, bool? IsVisible = null);
