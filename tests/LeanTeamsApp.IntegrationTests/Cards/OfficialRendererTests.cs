namespace LeanTeamsApp.IntegrationTests.Cards;

/// <summary>
/// The validator must bite: each sample breaks one rule Teams cares about. All samples go through one browser run
/// (shared below) because starting Chromium costs more than validating a card.
/// </summary>
public sealed class OfficialRendererTests
{
    private const string Heading = """{ "type": "TextBlock", "text": "Tavlemøte", "wrap": true }""";

    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["teams-width"] = Card("1.5", Heading, """, "msteams": { "width": "Full" }"""),
        ["version-1-6"] = Card("1.6", Heading),
        ["unknown-element"] = Card("1.5", """{ "type": "Input.Rating", "id": "score" }"""),
        ["unknown-action"] = Card("1.5", Heading, """, "actions": [ { "type": "Action.Teleport", "title": "Go" } ]"""),
        ["malformed-json"] = """{ "type": "AdaptiveCard", "version": "1.5", "body": [ """,
        ["misspelt-property"] = Card("1.5", """{ "type": "TextBlock", "text": "Tavlemøte", "wrapp": true }"""),
        ["property-newer-than-1-5"] = Card("1.5", """{ "type": "Input.Text", "id": "note", "label": "Notat", "labelPosition": "inline" }"""),
        ["teams-typeahead"] = Card("1.5", """{ "type": "Input.ChoiceSet", "id": "units", "isMultiSelect": true, "style": "filtered", "choices": [ { "title": "Byggesak", "value": "byggesak" } ], "choices.data": { "type": "Data.Query", "dataset": "units" } }"""),
        ["typeahead-misspelt"] = Card("1.5", """{ "type": "Input.ChoiceSet", "id": "units", "choices": [ { "title": "Byggesak", "value": "byggesak" } ], "choices.data": { "type": "Data.Query", "datset": "units" } }"""),
        ["typeahead-on-text"] = Card("1.5", """{ "type": "Input.Text", "id": "units", "choices.data": { "type": "Data.Query", "dataset": "units" } }"""),
        ["broken-execute-fallback"] = Card("1.5", Heading, """, "actions": [ { "type": "Action.Execute", "title": "Send", "verb": "send", "fallback": { "type": "Action.Sumbit", "title": "Send" } } ]"""),
    };

    private static readonly Lazy<Task<IReadOnlyDictionary<string, CardVerdict>>> Verdicts =
        new(() => OfficialRenderer.ValidateAsync(Samples));

    [Fact]
    public async Task OfficialRenderer_TeamsWidthOnTheCardRoot_IsValid()
    {
        var verdict = (await Verdicts.Value)["teams-width"];

        Assert.True(verdict.IsValid, verdict.ToString());
    }

    [Fact]
    public async Task OfficialRenderer_Version16_IsInvalidAndNamesTheVersion()
    {
        var verdict = (await Verdicts.Value)["version-1-6"];

        Assert.False(verdict.IsValid);
        Assert.Contains(verdict.Problems, p => p.Contains("UnsupportedCardVersion", StringComparison.Ordinal) && p.Contains("1.6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfficialRenderer_UnknownElementType_IsInvalidAndNamesTheType()
    {
        var verdict = (await Verdicts.Value)["unknown-element"];

        Assert.False(verdict.IsValid);
        Assert.Contains(verdict.Problems, p => p.Contains("UnknownElementType", StringComparison.Ordinal) && p.Contains("Input.Rating", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfficialRenderer_UnknownActionType_IsInvalidAndNamesTheType()
    {
        var verdict = (await Verdicts.Value)["unknown-action"];

        Assert.False(verdict.IsValid);
        Assert.Contains(verdict.Problems, p => p.Contains("UnknownActionType", StringComparison.Ordinal) && p.Contains("Action.Teleport", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfficialRenderer_MalformedJson_IsInvalidAndSaysSo()
    {
        var verdict = (await Verdicts.Value)["malformed-json"];

        Assert.False(verdict.IsValid);
        Assert.Contains(verdict.Problems, p => p.Contains("malformed JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfficialRenderer_MisspeltProperty_IsInvalidAndNamesTheProperty()
    {
        var verdict = (await Verdicts.Value)["misspelt-property"];

        Assert.False(verdict.IsValid);
        Assert.Contains(verdict.Problems, p => p.Contains("UnknownProperty", StringComparison.Ordinal) && p.Contains("\"wrapp\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfficialRenderer_PropertyNewerThan15_IsInvalidAndNamesTheProperty()
    {
        var verdict = (await Verdicts.Value)["property-newer-than-1-5"];

        Assert.False(verdict.IsValid);
        Assert.Contains(verdict.Problems, p => p.Contains("UnsupportedProperty", StringComparison.Ordinal) && p.Contains("labelPosition", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfficialRenderer_TeamsTypeaheadOnAChoiceSet_IsValidOnA15Card()
    {
        var verdict = (await Verdicts.Value)["teams-typeahead"];

        Assert.True(verdict.IsValid, verdict.ToString());
    }

    [Fact]
    public async Task OfficialRenderer_TypeaheadWithMisspeltDataset_IsInvalidAndNamesTheProperty()
    {
        var verdict = (await Verdicts.Value)["typeahead-misspelt"];

        Assert.False(verdict.IsValid);
        Assert.Contains(verdict.Problems, p => p.Contains("\"datset\"", StringComparison.Ordinal));
        Assert.Contains(verdict.Problems, p => p.Contains("names no dataset", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfficialRenderer_TypeaheadOnATextInput_IsInvalid()
    {
        var verdict = (await Verdicts.Value)["typeahead-on-text"];

        Assert.False(verdict.IsValid);
        Assert.Contains(verdict.Problems, p => p.Contains("UnknownProperty", StringComparison.Ordinal) && p.Contains("choices.data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfficialRenderer_ExecuteActionWithBrokenFallback_IsInvalidAndNamesTheFallbackType()
    {
        var verdict = (await Verdicts.Value)["broken-execute-fallback"];

        Assert.False(verdict.IsValid);
        Assert.Contains(verdict.Problems, p => p.Contains("UnknownActionType", StringComparison.Ordinal) && p.Contains("Action.Sumbit", StringComparison.Ordinal));
    }

    private static string Card(string version, string body, string rest = "") =>
        $$"""{ "type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "version": "{{version}}", "body": [ {{body}} ]{{rest}} }""";
}
