using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Infrastructure.Terms;

/// <summary>
/// The organisation's own words in one language, as a rewrite of the app's own sentences: each form of the glossary's
/// word (tjenesteområdeleder, -en, -e, -ne) becomes the same form of the organisation's (kommunalsjef, -en, -er, -ene),
/// capitalised where the sentence had it capitalised. Applied to the app's texts only, never to what people typed.
/// </summary>
public sealed class Wording
{
    public static readonly Wording Default = new(null, new Dictionary<string, string>(StringComparer.Ordinal));

    // Settings change rarely and many organisations share none: one wording per distinct set of terms and language.
    private const int MaxCached = 512;
    private static readonly ConcurrentDictionary<(string Key, Language Language), Wording> Cache = new();

    private readonly Regex? _pattern;
    private readonly Dictionary<string, string> _replacements;

    private Wording(Regex? pattern, Dictionary<string, string> replacements)
    {
        _pattern = pattern;
        _replacements = replacements;
    }

    public bool IsDefault => _pattern is null;

    public static Wording For(OrganisationTerms terms, Language language)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.IsEmpty)
        {
            return Default;
        }

        if (Cache.Count > MaxCached)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd((terms.Key, language), static (key, terms) => Build(terms, key.Language), terms);
    }

    /// <summary>The app's own text in the organisation's words.</summary>
    public string Apply(string text) => Apply(text, []);

    /// <summary>
    /// A text built from the app's words and the given values (a unit's name, a goal): the values are left exactly as
    /// they are, wherever they stand in the text, so that a unit called "Enhet for psykisk helse" keeps its name.
    /// </summary>
    public string Apply(string text, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        if (_pattern is null || text.Length == 0)
        {
            return text;
        }

        var kept = Kept(text, values);
        return _pattern.Replace(text, match => kept.Any(k => match.Index < k.End && k.Start < match.Index + match.Length)
            ? match.Value
            : Replacement(match.Value));
    }

    private string Replacement(string matched)
    {
        var word = _replacements[matched.ToLowerInvariant()];
        return char.IsUpper(matched[0]) && char.IsLower(word[0]) ? char.ToUpperInvariant(word[0]) + word[1..] : word;
    }

    private static List<(int Start, int End)> Kept(string text, IReadOnlyList<string> values)
    {
        var kept = new List<(int, int)>();
        foreach (var value in values)
        {
            if (value.Length == 0)
            {
                continue;
            }

            for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            {
                kept.Add((at, at + value.Length));
            }
        }

        return kept;
    }

    private static Wording Build(OrganisationTerms terms, Language language)
    {
        var key = Glossary.Key(language);
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var concept in Glossary.Overridable)
        {
            if (terms.Word(concept, key) is not { } own)
            {
                continue;
            }

            var defaults = Glossary.Forms(Glossary.Term(concept, language), key);
            var owns = Glossary.Forms(own, key);
            for (var i = 0; i < defaults.Count; i++)
            {
                // A form another concept's word already has (nynorsk's plural is its singular) keeps the first meaning.
                if (defaults[i] is { } form && owns[i] is { } replacement)
                {
                    replacements.TryAdd(form.ToLowerInvariant(), replacement);
                }
            }
        }

        if (replacements.Count == 0)
        {
            return Default;
        }

        // Longest first, so that "unit Lean coordinator" is one match and not "unit" and a "Lean coordinator".
        var alternatives = string.Join("|", replacements.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
        var pattern = new Regex($@"(?<![\p{{L}}\-])(?:{alternatives})(?![\p{{L}}\-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return new Wording(pattern, replacements);
    }
}
