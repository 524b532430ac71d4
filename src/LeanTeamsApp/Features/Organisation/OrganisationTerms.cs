using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeanTeamsApp.Infrastructure.Vocabulary;

namespace LeanTeamsApp.Features.Organisation;

/// <summary>
/// The organisation's own words for its levels and roles (kommunalsjef for tjenesteområdeleder, sektor for
/// tjenesteområde), per language; where it sets none, the glossary's word stands. Only the concepts in
/// <see cref="GlossaryFile.Overridable"/> may be set.
/// </summary>
public sealed partial class OrganisationTerms : IEquatable<OrganisationTerms>
{
    /// <summary>A role's or level's name, not a sentence: the longest real one ("kommunedirektørens ledergruppe") is 31.</summary>
    public const int MaxLength = 40;

    /// <summary>The languages a word may be set in: those the app writes.</summary>
    public static readonly IReadOnlyList<string> LanguageKeys = ["nb", "nn", "sv", "en"];

    public static readonly OrganisationTerms None = new(ImmutableSortedDictionary<string, string>.Empty);

    // "concept.language" -> word, sorted so that equal terms have one key and one stored form.
    private readonly ImmutableSortedDictionary<string, string> _words;

    private OrganisationTerms(ImmutableSortedDictionary<string, string> words)
    {
        _words = words;
        Key = words.IsEmpty ? "" : JsonSerializer.Serialize(words);
    }

    /// <summary>The same for equal terms, whichever organisation sets them: what rewritten texts are cached by.</summary>
    public string Key { get; }

    public bool IsEmpty => _words.IsEmpty;

    /// <summary>Every word set, as (concept, language, word), in a stable order.</summary>
    public IEnumerable<(string Concept, string Language, string Word)> All =>
        _words.Select(w => (w.Key[..w.Key.IndexOf('.', StringComparison.Ordinal)], w.Key[(w.Key.IndexOf('.', StringComparison.Ordinal) + 1)..], w.Value));

    public string? Word(string concept, string languageKey) => _words.GetValueOrDefault($"{concept}.{languageKey}");

    public static OrganisationTerms Of(IEnumerable<(string Concept, string Language, string Word)> words) =>
        new(words.ToImmutableSortedDictionary(w => $"{w.Concept}.{w.Language}", w => w.Word.Trim(), StringComparer.Ordinal));

    /// <summary>As stored in the organisation's row: null when nothing is set.</summary>
    public string? ToJson() => IsEmpty ? null : Key;

    /// <summary>A stored value; anything unreadable or no longer allowed is left out, so the glossary's word stands.</summary>
    public static OrganisationTerms FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return None;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
            return Of(stored.Select(w => (Concept: w.Key.Split('.')[0], Language: w.Key.Split('.')[^1], Word: w.Value))
                .Where(w => Problem(w.Concept, w.Language, w.Word) is null));
        }
        catch (JsonException)
        {
            return None;
        }
    }

    /// <summary>Why <paramref name="word"/> cannot name <paramref name="concept"/> in the language, or null when it can.</summary>
    public static Import.ImportReason? Problem(string concept, string languageKey, string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (!GlossaryFile.Overridable.Contains(concept, StringComparer.Ordinal))
        {
            return Import.ImportReason.Of(Import.ImportReasonKind.TermNotOverridable, Import.ImportError.Quote(concept), string.Join(", ", GlossaryFile.Overridable));
        }

        if (!LanguageKeys.Contains(languageKey, StringComparer.Ordinal))
        {
            return Import.ImportReason.Of(Import.ImportReasonKind.TermNotLanguage, Import.ImportError.Quote(languageKey));
        }

        var trimmed = word.Trim();
        if (trimmed.Length is 0 or > MaxLength || !Words().IsMatch(trimmed))
        {
            return Import.ImportReason.Of(Import.ImportReasonKind.TermNotWords, MaxLength);
        }

        return GlossaryFile.AvoidedIn(trimmed, languageKey) is [var avoided, ..]
            ? Import.ImportReason.Of(Import.ImportReasonKind.TermAvoided, avoided.Word, avoided.Use)
            : null;
    }

    public bool Equals(OrganisationTerms? other) => other is not null && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as OrganisationTerms);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    [GeneratedRegex(@"^\p{L}+(?:[ \-]\p{L}+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
