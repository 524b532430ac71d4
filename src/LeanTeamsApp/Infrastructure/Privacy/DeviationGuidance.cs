using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.Infrastructure.Privacy;

/// <summary>
/// What a card says under a field where deviations are typed. A board's deviation is easily taken for the formal
/// deviation report (avviksmelding, lex Sarah), which belongs in the organisation's own system, as does anything about
/// a patient, client or user.
/// </summary>
public static class DeviationGuidance
{
    public static IEnumerable<CardElement> Elements(Language language, Uri? deviationSystem)
    {
        var t = PrivacyTexts.For(language);
        yield return new TextBlock(t.DeviationHint) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None };
        if (deviationSystem is not null)
        {
            yield return new ActionSet([new OpenUrlAction(t.DeviationSystemLink, deviationSystem)]) { Spacing = Spacing.None };
        }
    }
}
