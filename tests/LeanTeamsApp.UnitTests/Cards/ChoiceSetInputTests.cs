using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.UnitTests.Cards;

public sealed class ChoiceSetInputTests
{
    [Fact]
    public void ChoiceSet_WithDataQuery_WritesTeamsDynamicTypeaheadNextToItsStaticChoices()
    {
        var card = new AdaptiveCard
        {
            Body = [new ChoiceSetInput([new Choice("Vann og avløp", "vann-og-avlop")]) { Id = "benefitAffects", IsMultiSelect = true, ChoicesData = new DataQuery("units") }],
        }.ToJson();

        var input = card["body"]![0]!;
        Assert.Equal("Input.ChoiceSet", (string?)input["type"]);
        Assert.Equal("""{"type":"Data.Query","dataset":"units"}""", input["choices.data"]!.ToJsonString());
        Assert.True((bool)input["isMultiSelect"]!);
        Assert.Equal("vann-og-avlop", (string?)input["choices"]![0]!["value"]);
    }

    [Fact]
    public void ChoiceSet_WithoutDataQuery_HasNoChoicesData()
    {
        var card = new AdaptiveCard { Body = [new ChoiceSetInput([new Choice("Grønn", "Green")]) { Id = "goal0" }] }.ToJson();

        Assert.False(card["body"]![0]!.AsObject().ContainsKey("choices.data"));
    }

    [Fact]
    public void DataQuery_WithCount_WritesIt()
    {
        var card = new AdaptiveCard { Body = [new ChoiceSetInput([]) { Id = "u", ChoicesData = new DataQuery("units") { Count = 15 } }] }.ToJson();

        Assert.Equal(15, (int)card["body"]![0]!["choices.data"]!["count"]!);
    }
}
