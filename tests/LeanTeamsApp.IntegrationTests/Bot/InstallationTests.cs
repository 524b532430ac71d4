using LeanTeamsApp.Bot.Proactive;

namespace LeanTeamsApp.IntegrationTests.Bot;

public sealed class InstallationTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private ConversationReferences References => _bot.App.Services.GetRequiredService<ConversationReferences>();

    [Fact]
    public async Task InstallationUpdate_AddedToTeam_SavesTheTeamAndWelcomesInGeneral()
    {
        using var response = await _bot.PostAsync(_bot.Activities.TeamInstalled(_bot.Coordinator));

        Assert.True(response.IsSuccessStatusCode);
        var team = await References.GetAsync(_bot.TenantId, ConversationScope.Team, TeamsActivities.TeamId, default);
        Assert.Equal(_bot.Connector.ServiceUrl, team?.ServiceUrl);
        Assert.NotNull(await References.GetAsync(_bot.TenantId, ConversationScope.Channel, TeamsActivities.TeamId, default));
        var welcome = Assert.Single(_bot.Connector.Requests, r => r.Operation == ConnectorOperation.Send);
        Assert.Equal(TeamsActivities.TeamId, welcome.ConversationId);
        Assert.Contains("registrer enhet <navn>", welcome.Activity!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallationUpdate_RemovedFromTeam_ForgetsTheTeamAndItsChannels()
    {
        await _bot.PostAsync(_bot.Activities.TeamInstalled(_bot.Coordinator));
        await _bot.SayAsync(_bot.Activities.ChannelMessage(_bot.Stranger, "hjelp"));
        Assert.NotNull(await References.GetAsync(_bot.TenantId, ConversationScope.Channel, TeamsActivities.ByggesakChannelId, default));

        using var response = await _bot.PostAsync(_bot.Activities.TeamInstalled(_bot.Coordinator, "remove"));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Empty(await References.ListAsync(_bot.TenantId, default));
    }

    [Fact]
    public async Task InstallationUpdate_PersonalAddThenRemove_SavesThenForgetsThePersonalChat()
    {
        await _bot.PostAsync(_bot.Activities.PersonalInstallation(_bot.ByggesakLeader));
        var saved = await References.GetAsync(_bot.TenantId, ConversationScope.Personal, _bot.ByggesakLeader.AadObjectId, default);
        Assert.Equal(TeamsActivities.PersonalConversationId(_bot.ByggesakLeader), saved?.ConversationId);

        await _bot.PostAsync(_bot.Activities.PersonalInstallation(_bot.ByggesakLeader, "remove"));

        Assert.Null(await References.GetAsync(_bot.TenantId, ConversationScope.Personal, _bot.ByggesakLeader.AadObjectId, default));
    }

    [Fact]
    public async Task ConversationUpdate_BotAddedThenRemoved_SavesThenForgetsTheTeam()
    {
        await _bot.PostAsync(_bot.Activities.BotAddedToTeam(_bot.Coordinator));
        Assert.NotNull(await References.GetAsync(_bot.TenantId, ConversationScope.Team, TeamsActivities.TeamId, default));

        await _bot.PostAsync(_bot.Activities.BotRemovedFromTeam(_bot.Coordinator));

        Assert.Null(await References.GetAsync(_bot.TenantId, ConversationScope.Team, TeamsActivities.TeamId, default));
    }

    [Fact]
    public async Task Message_InAChannel_RemembersTheChannelForProactiveMessages()
    {
        await _bot.SayAsync(_bot.Activities.ChannelMessage(_bot.Stranger, "help", "en-GB"));

        var channel = await References.GetAsync(_bot.TenantId, ConversationScope.Channel, TeamsActivities.ByggesakChannelId, default);
        Assert.Equal((TeamsActivities.TeamId, "Byggesak"), (channel?.TeamId, channel?.Name));
    }
}
