using System.Reflection;
using System.Text.RegularExpressions;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Errors;

namespace LeanTeamsApp.UnitTests.Errors;

/// <summary>
/// What a 400 says next to a field, in every language: every text there in all four, each saying what the English one
/// says with the same values (a limit, a date), and none left in English where the reader is Norwegian or Swedish.
/// </summary>
public sealed partial class FieldProblemTextsTests
{
    private static readonly Language[] Translated = [Language.Nb, Language.Nn, Language.Sv];

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>();
        foreach (var property in TextProperties())
        {
            data.Add(property.Name);
        }

        return data;
    }

    [Fact]
    public void Texts_AreFoundByThisTest()
    {
        // Guards the theories below from passing on an empty list.
        Assert.Contains(nameof(FieldProblemTexts.TextLength), TextProperties().Select(p => p.Name));
        Assert.True(TextProperties().Count() > 20, $"only {TextProperties().Count()} texts found");
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_EveryLanguage_SaysItWithTheSameValues(string name)
    {
        var english = Render(name, Language.En);

        foreach (var language in Enum.GetValues<Language>())
        {
            Assert.Equal(language, FieldProblemTexts.For(language).Language);
            var text = Render(name, language);
            Assert.False(string.IsNullOrWhiteSpace(text.Text), $"{name} has no {language} text");
            foreach (var value in english.Values)
            {
                Assert.True(text.Text.Contains(value, StringComparison.Ordinal), $"{name} in {language} leaves out {value}: «{text.Text}»");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_InNorwegianAndSwedish_LeavesNoEnglishWords(string name)
    {
        var english = Render(name, Language.En).Text;

        foreach (var language in Translated)
        {
            var text = Render(name, language).Text;
            Assert.NotEqual(english, text);
            Assert.False(EnglishWord().IsMatch(text), $"{name} in {language} reads as English: «{text}»");
        }
    }

    private static IEnumerable<PropertyInfo> TextProperties() =>
        typeof(FieldProblemTexts).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType != typeof(Language));

    /// <summary>The text with distinct sample values for its arguments, and those values as they should appear.</summary>
    private static (string Text, string[] Values) Render(string name, Language language)
    {
        var value = typeof(FieldProblemTexts).GetProperty(name)!.GetValue(FieldProblemTexts.For(language));
        if (value is string text)
        {
            return (text, []);
        }

        var function = Assert.IsAssignableFrom<Delegate>(value);
        var arguments = function.Method.GetParameters()
            .Select((p, i) => p.ParameterType == typeof(int) ? 100 + i : (object)$"2026-12-{16 + i}")
            .ToArray();
        return ((string)function.DynamicInvoke(arguments)!, [.. arguments.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture)!)]);
    }

    // Words of the English texts that no Norwegian or Swedish sentence has; json, xlsx, yaml and the Teams id stay.
    [GeneratedRegex(@"\b(the|is|not|of|and|or|give|write|choose|name|at most|characters|date|from|with|only|letters|digits|ask|pick|keep|years|owner)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWord();
}
