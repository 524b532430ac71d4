using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Board;

/// <summary>The names of an improvement's stages, the same on every card and in every answer.</summary>
public static class StageNames
{
    public static IReadOnlyDictionary<ImprovementStage, string> For(Language language) => language switch
    {
        Language.Sv => Swedish,
        Language.En => English,
        Language.Nn => Nynorsk,
        _ => Norwegian,
    };

    private static readonly Dictionary<ImprovementStage, string> Norwegian = new()
    {
        [ImprovementStage.Suggested] = "Foreslått",
        [ImprovementStage.InProgress] = "I arbeid",
        [ImprovementStage.Done] = "Fullført",
        [ImprovementStage.BenefitRealised] = "Gevinst realisert",
        [ImprovementStage.Rejected] = "Avvist",
    };

    private static readonly Dictionary<ImprovementStage, string> Nynorsk = new()
    {
        [ImprovementStage.Suggested] = "Føreslått",
        [ImprovementStage.InProgress] = "Pågår",
        [ImprovementStage.Done] = "Ferdig",
        [ImprovementStage.BenefitRealised] = "Gevinst realisert",
        [ImprovementStage.Rejected] = "Avvist",
    };

    private static readonly Dictionary<ImprovementStage, string> Swedish = new()
    {
        [ImprovementStage.Suggested] = "Föreslagen",
        [ImprovementStage.InProgress] = "Pågår",
        [ImprovementStage.Done] = "Genomförd",
        [ImprovementStage.BenefitRealised] = "Nytta realiserad",
        [ImprovementStage.Rejected] = "Avslagen",
    };

    private static readonly Dictionary<ImprovementStage, string> English = new()
    {
        [ImprovementStage.Suggested] = "Suggested",
        [ImprovementStage.InProgress] = "In progress",
        [ImprovementStage.Done] = "Done",
        [ImprovementStage.BenefitRealised] = "Benefit realised",
        [ImprovementStage.Rejected] = "Rejected",
    };
}
