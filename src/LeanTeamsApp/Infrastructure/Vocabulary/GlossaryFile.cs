using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LeanTeamsApp.Infrastructure.Vocabulary;

/// <summary>A word the glossary refuses in one language, with the word to use instead.</summary>
public sealed record AvoidedWord(string Word, string Use, bool Stem = false)
{
    /// <summary>A stem is refused with any ending ("sektionschef", "sektionschefen"); a word only whole ("ventet", not "forventet").</summary>
    public string Pattern => Stem ? $@"(?<!\p{{L}}){Regex.Escape(Word)}" : $@"(?<!\p{{L}}){Regex.Escape(Word)}(?!\p{{L}})";
}

/// <summary>
/// src/Glossary/glossary.json as read, by language key ("nb", "nn", "sv", "en"). Apart from
/// <see cref="Terms.Glossary"/> because the organisation's own settings check their terms against it, and the
/// organisation's folder is one the glossary's language-aware side depends on.
/// </summary>
public static class GlossaryFile
{
    static GlossaryFile()
    {
        using var stream = typeof(GlossaryFile).Assembly.GetManifestResourceStream("glossary.json")
            ?? throw new InvalidOperationException("glossary.json is not embedded in the service; see LeanTeamsApp.csproj.");
        using var document = JsonDocument.Parse(stream);
        TermsByConcept = document.RootElement.GetProperty("terms").EnumerateObject().ToFrozenDictionary(
            concept => concept.Name,
            concept => concept.Value.EnumerateObject().ToFrozenDictionary(t => t.Name, t => t.Value.GetString()!, StringComparer.Ordinal),
            StringComparer.Ordinal);
        AvoidedByLanguage = document.RootElement.GetProperty("avoid").EnumerateObject().ToFrozenDictionary(
            language => language.Name,
            language => (IReadOnlyList<AvoidedWord>)[.. language.Value.EnumerateArray().Select(w => new AvoidedWord(w.GetProperty("word").GetString()!, w.GetProperty("use").GetString()!, w.TryGetProperty("stem", out var stem) && stem.GetBoolean()))],
            StringComparer.Ordinal);
        Overridable = [.. document.RootElement.GetProperty("overridable").EnumerateArray().Select(c => c.GetString()!)];
        InflectionByLanguage = document.RootElement.GetProperty("inflection").EnumerateObject().Where(l => !l.Name.StartsWith('$')).ToFrozenDictionary(
            language => language.Name,
            language => (IReadOnlyList<(string, string?[])>)[.. language.Value.EnumerateArray().Select(rule => (
                rule.GetProperty("ending").GetString()!,
                rule.GetProperty("forms").EnumerateArray().Select(f => f.ValueKind == JsonValueKind.Null ? null : f.GetString()).ToArray()))],
            StringComparer.Ordinal);
    }

    public static FrozenDictionary<string, FrozenDictionary<string, string>> TermsByConcept { get; }

    /// <summary>
    /// The levels and roles an organisation may name in its own words (kommunalsjef, sektor, avdelingschef): what differs
    /// between organisation charts. The method's own words (board meeting, check-in, improvement) stay the glossary's.
    /// </summary>
    public static IReadOnlyList<string> Overridable { get; }

    private static FrozenDictionary<string, IReadOnlyList<AvoidedWord>> AvoidedByLanguage { get; }

    private static FrozenDictionary<string, IReadOnlyList<(string Ending, string?[] Forms)>> InflectionByLanguage { get; }

    public static IReadOnlyList<AvoidedWord> Avoided(string languageKey) =>
        AvoidedByLanguage.TryGetValue(languageKey, out var words) ? words : [];

    /// <summary>
    /// The avoided words <paramref name="text"/> uses, each matched as a whole word (or as a stem), in any case:
    /// "ventet" is refused, "forventet" is not.
    /// </summary>
    public static IReadOnlyList<AvoidedWord> AvoidedIn(string text, string languageKey) =>
        [.. Avoided(languageKey).Where(w => Regex.IsMatch(text, w.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))];

    /// <summary>
    /// The forms of <paramref name="word"/> the glossary's inflection rules make, in their order (definite, plural,
    /// definite plural, genitive, definite genitive), after the word itself; null where the language has no such form.
    /// </summary>
    public static IReadOnlyList<string?> Forms(string word, string languageKey)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (!InflectionByLanguage.TryGetValue(languageKey, out var rules))
        {
            return [word];
        }

        var (_, forms) = rules.First(r => word.EndsWith(r.Ending, StringComparison.OrdinalIgnoreCase));
        return [word, .. forms.Select(f => f is null ? null : Inflected(word, f))];
    }

    private static string Inflected(string word, string form)
    {
        var drop = form.TakeWhile(c => c == '-').Count();
        return word[..Math.Max(0, word.Length - drop)] + form[drop..];
    }
}
