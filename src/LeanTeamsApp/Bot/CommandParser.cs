namespace LeanTeamsApp.Bot;

public abstract record ParsedText
{
    private ParsedText()
    {
    }

    public sealed record Command(CommandKind Kind, string Arguments) : ParsedText;

    /// <summary>Text that is no command; <see cref="Closest"/> is the command it most resembles, if any is close.</summary>
    public sealed record Unknown(string Typed, CommandKind? Closest) : ParsedText;

    public sealed record Empty : ParsedText;
}

public static class CommandParser
{
    private static readonly (CommandKind Kind, string[] Words)[] ByLength = [.. CommandCatalog.Aliases
        .Select(a => (a.Kind, Words: a.Alias.Split(' ')))
        .OrderByDescending(a => a.Words.Length)];

    /// <summary>
    /// Matches the longest alias at the start of the text, case-insensitively, so "Board meeting tirsdag 9:00" and
    /// "/tavlemøte tirsdag 9:00" both work. Arguments keep their case (unit names).
    /// </summary>
    public static ParsedText Parse(string? text)
    {
        var words = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 0)
        {
            words[0] = words[0].TrimStart('/');
        }

        words = [.. words.Where(w => w.Length > 0)];
        if (words.Length == 0)
        {
            return new ParsedText.Empty();
        }

        foreach (var (kind, alias) in ByLength)
        {
            if (words.Length >= alias.Length && alias.Select((w, i) => string.Equals(w, words[i], StringComparison.OrdinalIgnoreCase)).All(x => x))
            {
                return new ParsedText.Command(kind, string.Join(' ', words[alias.Length..]));
            }
        }

        return new ParsedText.Unknown(string.Join(' ', words), Closest(words));
    }

    private static CommandKind? Closest(string[] words)
    {
        CommandKind? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (kind, alias) in ByLength)
        {
            if (words.Length < alias.Length)
            {
                continue;
            }

            var typed = string.Join(' ', words[..alias.Length]).ToLowerInvariant();
            var target = string.Join(' ', alias);
            var distance = Distance(typed, target);
            // A third of the word may be wrong: "hjlep", "enhter", "tavlemøtet", "board meting" still find their command.
            if (distance <= Math.Max(2, target.Length / 3) && distance < bestDistance)
            {
                (best, bestDistance) = (kind, distance);
            }
        }

        return best;
    }

    /// <summary>Levenshtein edit distance.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
