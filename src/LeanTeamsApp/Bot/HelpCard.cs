using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.Bot;

public static class HelpCard
{
    public static AdaptiveCard Create(BotTexts t) => new()
    {
        Body =
        [
            TextBlock.Heading(t.HelpTitle),
            new TextBlock(t.HelpIntro) { IsSubtle = true, Spacing = Spacing.None },
            new FactSet([.. Enum.GetValues<CommandKind>().Select(k => new Fact(t.Commands[k].Usage, t.Commands[k].Description))]),
            new TextBlock(t.HelpFooter) { IsSubtle = true, Size = TextSize.Small },
        ],
    };
}
