using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.IntegrationTests.Cards;

/// <summary>What people type reaches cards as they typed it: Teams' Markdown turns none of it into links or emphasis.</summary>
public sealed class UserTextTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ImprovementTitle_WithAMarkdownLink_IsShownAsText()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "forbedring ny [Les mer](https://phish.example) om _maler_"));

        var card = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "forbedringer"));

        Assert.Contains("\\\\[Les mer\\\\](https://phish.example) om \\\\_maler\\\\_", card, StringComparison.Ordinal);
        Assert.DoesNotContain("\"[Les mer](https://phish.example)", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitName_WithMarkdown_IsShownAsTextInTheUnitList()
    {
        var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!;
        Assert.Equal(WriteOutcome.Written, (await _bot.App.Store.SaveUnitAsync(_bot.TenantId, unit with { Name = "**Byggesak** [her](https://x.example)" }, default)).Outcome);

        var card = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "units", "en-GB"));

        Assert.Contains("\\\\*\\\\*Byggesak\\\\*\\\\* \\\\[her\\\\](https://x.example)", card, StringComparison.Ordinal);
    }
}
