using System.Diagnostics;
using System.Text;

namespace LeanTeamsApp.IntegrationTests.Cards;

/// <summary>What the official renderer said about one card: nothing when it is valid.</summary>
public sealed record CardVerdict(string Name, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;

    public override string ToString() => IsValid ? $"{Name}: OK" : $"{Name}:\n  " + string.Join("\n  ", Problems);
}

/// <summary>
/// Validates cards with Microsoft's own <c>adaptivecards</c> renderer (npm) in headless Chromium, through
/// <c>tests/card-validator/validate-cards.mjs</c>: schema 1.5, no unknown elements, actions or properties, and a
/// card that renders. One browser serves every card of a call, so pass many cards at once.
/// </summary>
public static class OfficialRenderer
{
    /// <summary>Where screenshots of the app's cards go for a person to look at (git-ignored).</summary>
    public static string ArtifactsFolder => Path.Combine(RepositoryRoot.Find(), ".local", "artifacts", "cards");

    /// <param name="cards">Card JSON by name; the name becomes a file name, so keep it to letters, digits and dashes.</param>
    /// <param name="screenshots">A folder to save a PNG of each rendered card in, or null for none.</param>
    public static async Task<IReadOnlyDictionary<string, CardVerdict>> ValidateAsync(
        IReadOnlyDictionary<string, string> cards,
        string? screenshots = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cards);
        if (cards.Count == 0)
        {
            throw new ArgumentException("No cards to validate.", nameof(cards));
        }

        var folder = Directory.CreateTempSubdirectory("cards-");
        try
        {
            foreach (var (name, json) in cards)
            {
                if (name.Length == 0 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_'))
                {
                    throw new ArgumentException($"Card name '{name}' is not a plain file name.", nameof(cards));
                }

                await File.WriteAllTextAsync(Path.Combine(folder.FullName, name + ".json"), json, cancellationToken);
            }

            var arguments = new List<string> { Path.Combine("tests", "card-validator", "validate-cards.mjs") };
            if (screenshots is not null)
            {
                arguments.AddRange(["--screenshots", screenshots]);
            }

            arguments.Add(folder.FullName);
            var (exitCode, output) = await Node.RunAsync(arguments, TimeSpan.FromSeconds(120), cancellationToken);
            return Parse(cards.Keys, exitCode, output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Dictionary<string, CardVerdict> Parse(IEnumerable<string> names, int exitCode, string output)
    {
        // Exit 2 means the validator could not run (no Chromium, renderer not installed): no verdict at all.
        if (exitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"The card validator could not run (exit code {exitCode}):\n{output}");
        }

        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var verdicts = new Dictionary<string, CardVerdict>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var file = name + ".json";
            var ok = lines.Contains($"OK {file}", StringComparer.Ordinal);
            var problems = lines
                .Where(l => l.StartsWith($"FAIL {file}: ", StringComparison.Ordinal))
                .Select(l => l[$"FAIL {file}: ".Length..])
                .ToList();
            if (ok == (problems.Count > 0))
            {
                throw new InvalidOperationException($"The card validator gave no clear verdict for {file}:\n{output}");
            }

            verdicts[name] = new CardVerdict(name, problems);
        }

        var invalid = verdicts.Values.Count(v => !v.IsValid);
        var summary = $"cards: {verdicts.Count - invalid} valid, {invalid} invalid";
        if (!lines.Contains(summary, StringComparer.Ordinal) || exitCode != (invalid == 0 ? 0 : 1))
        {
            throw new InvalidOperationException($"The card validator's summary or exit code ({exitCode}) does not match its verdicts ('{summary}' expected):\n{output}");
        }

        return verdicts;
    }
}
