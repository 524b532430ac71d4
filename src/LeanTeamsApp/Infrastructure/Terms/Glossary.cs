using System.Collections.Frozen;
using System.Globalization;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Vocabulary;

namespace LeanTeamsApp.Infrastructure.Terms;

/// <summary>
/// One word per thing in every language the app speaks (shared/GLOSSARY.md), read from src/Glossary/glossary.json,
/// the file the tab imports too: a term changes there, for bot, cards, digest, reports and tab at once.
/// </summary>
public static partial class Glossary
{
    private static FrozenDictionary<string, FrozenDictionary<string, string>> TermsByConcept => GlossaryFile.TermsByConcept;

    public static IEnumerable<string> Concepts => TermsByConcept.Keys;

    /// <summary>The languages the glossary has a word in for <paramref name="concept"/>.</summary>
    public static IEnumerable<string> LanguagesOf(string concept) => TermsByConcept[concept].Keys;

    /// <summary>The glossary's word for a concept, as it stands mid-sentence (lower case unless a name).</summary>
    public static string Term(string concept, Language language) =>
        TermsByConcept.TryGetValue(concept, out var terms)
            ? terms.TryGetValue(Key(language), out var term) ? term : throw new KeyNotFoundException($"The glossary has no {Key(language)} word for '{concept}'.")
            : throw new KeyNotFoundException($"The glossary has no concept '{concept}'.");

    /// <summary>The term as a label or at the start of a sentence.</summary>
    public static string Label(string concept, Language language) => Capitalised(Term(concept, language), language);

    /// <summary>Labels for every value of an enum, from the concepts <paramref name="prefix"/> + the value in camel case.</summary>
    public static IReadOnlyDictionary<TEnum, string> Labels<TEnum>(string prefix, Language language, bool capitalised = true)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToDictionary(
            value => value,
            value => capitalised ? Label(prefix + CamelCase(value.ToString()), language) : Term(prefix + CamelCase(value.ToString()), language));

    public static IReadOnlyList<AvoidedWord> Avoided(Language language) => Avoided(Key(language));

    /// <summary>By language key ("nb", "nn", "sv", "en"): also for texts in a language the bot does not answer in yet.</summary>
    public static IReadOnlyList<AvoidedWord> Avoided(string languageKey) => GlossaryFile.Avoided(languageKey);

    /// <summary>
    /// The avoided words <paramref name="text"/> uses, each matched as a whole word, in any case: "ventet" is refused,
    /// "forventet" is not.
    /// </summary>
    public static IReadOnlyList<AvoidedWord> AvoidedIn(string text, Language language) => AvoidedIn(text, Key(language));

    public static IReadOnlyList<AvoidedWord> AvoidedIn(string text, string languageKey) => GlossaryFile.AvoidedIn(text, languageKey);

    /// <inheritdoc cref="GlossaryFile.Overridable"/>
    public static IReadOnlyList<string> Overridable => GlossaryFile.Overridable;

    /// <inheritdoc cref="GlossaryFile.Forms"/>
    public static IReadOnlyList<string?> Forms(string word, string languageKey) => GlossaryFile.Forms(word, languageKey);

    public static string Key(Language language) => language.ToString().ToLowerInvariant();

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Capitalised(string term, Language language) =>
        term.Length == 0 ? term : char.ToUpper(term[0], language.Culture()) + term[1..];
}
