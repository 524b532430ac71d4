using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Bot;

/// <summary>One line of `help`: how the command is typed, and what it does.</summary>
public sealed record HelpLine(string Usage, string Description);

/// <summary>
/// A command as people type it and read it in `help`. Teams does not translate commands, so a command has its words in
/// every language the bot speaks (the titles in the app manifest's language files), and every word works whatever the
/// user's locale; the first word of a language is the one shown to its speakers.
/// </summary>
public sealed record CommandText(IReadOnlyList<(Language Language, string Word)> Words, IReadOnlyDictionary<Language, HelpLine> Help)
{
    public string Shown(Language language) => Words.First(w => w.Language == language).Word;
}

/// <summary>
/// A chat command, registered by the feature that owns it: its name (in logs and the authorisation matrix), its words
/// and help lines, and its handler. `help` lists the commands in the order they are registered.
/// </summary>
public sealed record BotCommand(string Name, CommandText Text, Func<IServiceProvider, Turn, string, CancellationToken, Task> HandleAsync);
