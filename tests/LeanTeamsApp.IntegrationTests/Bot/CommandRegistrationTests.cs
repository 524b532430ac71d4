using System.Text.Json.Nodes;
using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.IntegrationTests.Bot;

/// <summary>
/// Each feature registers its own commands (words, help lines, handler); nothing central lists them. These hold every
/// registration to the same standard, whichever feature made it.
/// </summary>
public sealed class CommandRegistrationTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private IReadOnlyList<BotCommand> Commands => [.. _bot.App.Services.GetServices<BotCommand>()];

    [Fact]
    public void Commands_InEveryLanguage_HaveAWordAndAHelpLineWhoseUsageRunsThatCommand()
    {
        var parser = new CommandParser(Commands);
        var problems = new List<string>();
        foreach (var command in Commands)
        {
            foreach (var language in Enum.GetValues<Language>())
            {
                if (!command.Text.Help.TryGetValue(language, out var help) || string.IsNullOrWhiteSpace(help.Usage) || string.IsNullOrWhiteSpace(help.Description))
                {
                    problems.Add($"{command.Name} has no help line in {language}");
                    continue;
                }

                if (!command.Text.Words.Any(w => w.Language == language))
                {
                    problems.Add($"{command.Name} has no word in {language}");
                }
                else if (!help.Usage.StartsWith(command.Text.Shown(language), StringComparison.Ordinal))
                {
                    problems.Add($"{command.Name}'s {language} help shows '{help.Usage}', not its word '{command.Text.Shown(language)}'");
                }

                if (parser.Parse(help.Usage) is not ParsedText.Command { Registered: var parsed } || parsed != command)
                {
                    problems.Add($"{command.Name}'s {language} usage '{help.Usage}' does not run {command.Name}");
                }
            }
        }

        Assert.True(Commands.Count > 1, "No feature registered a command.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Commands_AcrossFeatures_NoTwoClaimTheSameWordOrName()
    {
        static string Normal(string word) => string.Join(' ', word.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var claimed = Commands
            .SelectMany(c => c.Text.Words.Select(w => (Word: Normal(w.Word), c.Name)))
            .Distinct()
            .GroupBy(x => x.Word, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' is claimed by {string.Join(" and ", g.Select(x => x.Name))}")
            .ToList();
        var names = Commands.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} is registered {g.Count()} times");

        Assert.Empty(claimed.Concat(names));
    }

    /// <summary>Teams shows the manifest's command list as typed suggestions: each title must run a command in that language.</summary>
    [Theory]
    [InlineData("nb.json", Language.Nb)]
    [InlineData("nn.json", Language.Nn)]
    [InlineData("sv.json", Language.Sv)]
    public void ManifestLanguageFile_CommandTitles_AreTheBotsWordsInThatLanguage(string file, Language language)
    {
        var strings = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "manifest", file)))!.AsObject();
        var titles = strings.Where(p => p.Key.StartsWith("bots[", StringComparison.Ordinal) && p.Key.EndsWith(".title", StringComparison.Ordinal)).Select(p => (string)p.Value!).ToList();
        var words = Commands.SelectMany(c => c.Text.Words).Where(w => w.Language == language).Select(w => w.Word).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(24, titles.Count);
        Assert.All(titles, title => Assert.Contains(title, words));
    }

    [Theory]
    [InlineData("nb-NO", Language.Nb)]
    [InlineData("nn-NO", Language.Nn)]
    [InlineData("sv-SE", Language.Sv)]
    [InlineData("en-GB", Language.En)]
    public async Task Help_InEachLanguage_ListsEveryRegisteredCommandOnceInTheOrderRegistered(string locale, Language language)
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Stranger, HelpCard.Text.Shown(language), locale));

        // As Teams shows it: a backslash before punctuation is a Markdown escape.
        static string Shown(System.Text.Json.JsonElement text) => System.Text.RegularExpressions.Regex.Replace(text.GetString()!, @"\\([!-/:-@\[-`{-~])", "$1");
        var facts = System.Text.Json.JsonDocument.Parse(said).RootElement.GetProperty("body").EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "FactSet").GetProperty("facts").EnumerateArray()
            .Select(f => (Shown(f.GetProperty("title")), Shown(f.GetProperty("value"))))
            .ToList();
        Assert.Equal(Commands.Select(c => (c.Text.Help[language].Usage, c.Text.Help[language].Description)).ToList(), facts);
    }
}
