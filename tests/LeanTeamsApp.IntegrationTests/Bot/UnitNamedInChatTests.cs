using LeanTeamsApp.IntegrationTests.Support;
using LeanTeamsApp.Testing;

namespace LeanTeamsApp.IntegrationTests.Bot;

/// <summary>
/// The coordinator asks about any unit from her personal chat by naming it; the access rule decides for everyone else,
/// so naming a unit one may not see gains nothing.
/// </summary>
public sealed class UnitNamedInChatTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    private TeamsActivities A => _bot.Activities;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("status Fjordtun", "Fjordtun sykehjem – de siste 6 tavlemøtene")]
    [InlineData("status tildelingskontoret", "Tildelingskontoret – de siste 6 tavlemøtene")]
    [InlineData("forbedringer Fjordtun", "Åpne forbedringer – Fjordtun sykehjem")]
    public async Task NamedUnit_CoordinatorInPersonalChat_AnswersForThatUnit(string text, string expected)
    {
        var said = BotHost.Shown(await _bot.SayAsync(A.PersonalMessage(_bot.Coordinator, text)));

        Assert.Contains(expected, said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamedUnit_ServiceAreaLeaderAskingAboutAUnitInTheirArea_AnswersForThatUnit()
    {
        var said = BotHost.Shown(await _bot.SayAsync(A.PersonalMessage(_bot.HelseLeader, "status Fjordtun")));

        Assert.Contains("Fjordtun sykehjem – de siste 6 tavlemøtene", said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status Fjordtun")]
    [InlineData("forbedringer Fjordtun")]
    public async Task NamedUnit_LeaderOfAnotherAreasUnit_IsRefusedWithoutTheUnitsFigures(string text)
    {
        var said = BotHost.Shown(await _bot.SayAsync(A.PersonalMessage(_bot.ByggesakLeader, text)));

        Assert.StartsWith("Du har ikke tilgang til å", said, StringComparison.Ordinal);
        Assert.DoesNotContain("tavlemøtene", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Åpne forbedringer", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamedUnit_UnknownName_SuggestsTheClosestUnits()
    {
        var said = BotHost.Shown(await _bot.SayAsync(A.PersonalMessage(_bot.Coordinator, "status Fjordtunn sykehjem")));

        Assert.Contains("Fjordtun sykehjem", said, StringComparison.Ordinal);
        Assert.DoesNotContain("tavlemøtene", said, StringComparison.Ordinal);
    }
}
