using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Features.Board;

/// <summary>The names of an improvement's stages, the same on every card and in every answer: the glossary's.</summary>
public static class StageNames
{
    private static readonly Dictionary<Language, IReadOnlyDictionary<ImprovementStage, string>> ByLanguage =
        Enum.GetValues<Language>().ToDictionary(l => l, l => Glossary.Labels<ImprovementStage>("stage.", l));

    public static IReadOnlyDictionary<ImprovementStage, string> For(Language language) => ByLanguage[language];
}
