using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Reports;
using LeanTeamsApp.Features.Reviews;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.UnitTests.Terms;

/// <summary>The language review's agreement fixes: one item takes the singular, and stage words are the glossary's.</summary>
public sealed class WordingTests
{
    [Theory]
    [InlineData(Language.Nb, 1, "1 har passert fristen. Det står først.")]
    [InlineData(Language.Nb, 3, "3 har passert fristen. De står først.")]
    [InlineData(Language.Nn, 1, "1 har fristen ute. Det står først.")]
    [InlineData(Language.Nn, 3, "3 har fristen ute. Dei står først.")]
    [InlineData(Language.Sv, 1, "1 är försenat. Det står först.")]
    public void OverdueFollowUps_OneOrMore_AgreeWithTheCount(Language language, int count, string expected) =>
        Assert.Equal(expected, ReviewTexts.For(language).OverdueCount(count));

    [Theory]
    [InlineData(Language.Sv, 1, 1, "1 föreslagen · 0 pågår · 1 klar, väntar på nytta")]
    [InlineData(Language.Sv, 2, 3, "2 föreslagna · 0 pågår · 3 klara, väntar på nytta")]
    [InlineData(Language.Nn, 1, 1, "1 føreslått · 0 pågår · 1 ferdig, ventar på gevinst")]
    public void ImprovementCounts_OneOrMore_AgreeWithTheCount(Language language, int suggested, int done, string expected) =>
        Assert.Equal(expected, ImprovementTexts.For(language).Counts(suggested, 0, done));

    [Fact]
    public void SwedishReport_MeetingsExpectedColumn_SaysFörväntadeNotVäntade()
    {
        var header = ReportTexts.For(Language.Sv).MeetingsExpected;

        Assert.Contains("förväntade", header, StringComparison.Ordinal);
        Assert.DoesNotContain(" väntade", header, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Nb)]
    [InlineData(Language.Nn)]
    [InlineData(Language.Sv)]
    [InlineData(Language.En)]
    public void BenefitStages_InEveryLanguage_AreTheGlossarysLabels(Language language)
    {
        var stages = ImprovementTexts.For(language).BenefitStages;

        foreach (var stage in Enum.GetValues<BenefitStage>())
        {
            Assert.StartsWith(Glossary.Label("benefitStage." + char.ToLowerInvariant(stage.ToString()[0]) + stage.ToString()[1..], language), stages[stage], StringComparison.Ordinal);
        }

        Assert.Equal(Glossary.Label("benefitStage.planned", language), stages[BenefitStage.Planned]);
    }
}
