namespace LeanTeamsApp.Bot;

public abstract record ParsedText
{
    private ParsedText()
    {
    }

    public sealed record Command(BotCommand Registered, string Arguments) : ParsedText;

    /// <summary>Text that is no command; <see cref="Closest"/> is the command it most resembles, if any is close.</summary>
    public sealed record Unknown(string Typed, BotCommand? Closest) : ParsedText;

    public sealed record Empty : ParsedText;
}

/// <summary>Reads chat text as one of the registered commands, whichever feature registered it.</summary>
public sealed class CommandParser(IEnumerable<BotCommand> commands)
{
    private readonly (BotCommand Command, string[] Words)[] _byLength = [.. commands
        .SelectMany(c => c.Text.Words.Select(w => (Command: c, Words: w.Word.Split(' '))))
        .OrderByDescending(a => a.Words.Length)];

    /// <summary>
    /// Matches the longest alias at the start of the text, case-insensitively, so "Board meeting tirsdag 9:00" and
    /// "/tavlemøte tirsdag 9:00" both work. Arguments keep their case (unit names).
    /// </summary>
    public ParsedText Parse(string? text)
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

        foreach (var (command, alias) in _byLength)
        {
            if (words.Length >= alias.Length && alias.Select((w, i) => string.Equals(w, words[i], StringComparison.OrdinalIgnoreCase)).All(x => x))
            {
                return new ParsedText.Command(command, string.Join(' ', words[alias.Length..]));
            }
        }

        return new ParsedText.Unknown(string.Join(' ', words), Closest(words));
    }

    private BotCommand? Closest(string[] words)
    {
        BotCommand? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (command, alias) in _byLength)
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
                (best, bestDistance) = (command, distance);
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
