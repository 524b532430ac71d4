using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Cards;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Bot;

/// <summary>`help`: every registered command's help line in the reader's language, in the order the features registered them.</summary>
public static class HelpCard
{
    public const string Name = "Help";

    public static readonly CommandText Text = new(
        [(Language.En, "help"), (Language.Nb, "hjelp"), (Language.Nn, "hjelp"), (Language.Sv, "hjälp"), (Language.Sv, "hjalp"), (Language.En, "?")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("hjelp", "Vis denne oversikten."),
            [Language.Nn] = new("hjelp", "Vis denne oversikta."),
            [Language.Sv] = new("hjälp", "Visa den här översikten."),
            [Language.En] = new("help", "Show this overview."),
        });

    public static AdaptiveCard Create(BotTexts t, IEnumerable<BotCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(t);
        // The features' help lines are not a texts table; the command as typed stays as it is, what it does is reworded.
        var wording = OwnTerms.Wording(t.Language);
        return new()
        {
            Body =
            [
                TextBlock.Heading(t.HelpTitle),
                new TextBlock(t.HelpIntro) { IsSubtle = true, Spacing = Spacing.None },
                new FactSet([.. commands.Select(c => c.Text.Help[t.Language]).Select(h => new Fact(h.Usage, wording.Apply(h.Description)))]),
                new TextBlock(t.HelpFooter) { IsSubtle = true, Size = TextSize.Small },
            ],
        };
    }

    public static Task ReplyAsync(Turn turn, IEnumerable<BotCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.ReplyAsync(Create(turn.Texts, commands), turn.Texts.HelpTitle, cancellationToken);
    }
}
