using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.IntegrationTests.Bot;

public sealed class BotCommandTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private TeamsActivities A => _bot.Activities;

    private OrganisationStore Store => _bot.App.Store;

    [Theory]
    [InlineData("nb-NO", "hjelp", "Dette kan LeanTeamsApp hjelpe med", "tavlemøte <ukedag> <TT:MM> [minutter]")]
    [InlineData("sv-SE", "hjälp", "Det här kan LeanTeamsApp hjälpa till med", "tavelmöte <veckodag> <TT:MM> [minuter]")]
    [InlineData("en-GB", "help", "What LeanTeamsApp can help with", "board meeting <weekday> <HH:MM> [minutes]")]
    [InlineData("nn-NO", "HJELP", "Dette kan LeanTeamsApp hjelpe med", "registrer eining <namn>")]
    public async Task Help_InTheUsersLanguage_ListsEveryCommand(string locale, string text, string title, string usage)
    {
        var said = await _bot.SayAsync(A.PersonalMessage(_bot.Stranger, text, locale));

        Assert.Contains(title, BotHost.Shown(said), StringComparison.Ordinal);
        Assert.Contains(usage, BotHost.Shown(said), StringComparison.Ordinal);
        Assert.Contains("\"version\":\"1.5\"", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_EmptyMentionInChannel_ShowsHelp()
    {
        var said = await _bot.SayAsync(A.ChannelMessage(_bot.Stranger, "", "sv-SE"));

        Assert.Contains("Det här kan LeanTeamsApp hjälpa till med", said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nb-NO", "enheter", "Enheter i Fjordvik kommune (12)", "mandag kl. 08:30, 15 min")]
    [InlineData("sv-SE", "enheter", "Enheter i Fjordvik kommune (12)", "måndag kl. 08:30, 15 min")]
    [InlineData("nn-NO", "einingar", "Einingar i Fjordvik kommune (12)", "måndag kl. 08:30, 15 min")]
    [InlineData("en-GB", "units", "Units in Fjordvik kommune (12)", "Monday at 08:30, 15 min")]
    public async Task Units_InTheUsersLanguage_ListsUnitsWithMeetingAndChannel(string locale, string text, string title, string meeting)
    {
        var said = await _bot.SayAsync(A.PersonalMessage(_bot.Stranger, text, locale));

        Assert.Contains(title, said, StringComparison.Ordinal);
        Assert.Contains(meeting, said, StringComparison.Ordinal);
        Assert.Contains("Hjemmetjenesten nord", said, StringComparison.Ordinal);
        Assert.Contains("Helse og omsorg", said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nb-NO", "hvem er jeg", "Rollene til Jonas Vik", "Lean-koordinator")]
    [InlineData("sv-SE", "vem är jag", "Roller för Jonas Vik", "Leansamordnare")]
    [InlineData("nn-NO", "kven er eg", "Rollene til Jonas Vik", "Lean-koordinator")]
    [InlineData("en-GB", "whoami", "Roles of Jonas Vik", "Lean coordinator")]
    public async Task WhoAmI_KnownPerson_ShowsRolesAndRemembersTheirTeamsId(string locale, string text, string title, string role)
    {
        var said = await _bot.SayAsync(A.PersonalMessage(_bot.Coordinator, text, locale));

        Assert.Contains(title, said, StringComparison.Ordinal);
        Assert.Contains(role, said, StringComparison.Ordinal);
        Assert.Equal(_bot.Coordinator.AadObjectId, (await Store.GetPersonAsync(_bot.TenantId, _bot.Coordinator.Email, default))?.AadObjectId);
    }

    [Fact]
    public async Task WhoAmI_UnitLeader_ShowsTheUnitByName()
    {
        var said = await _bot.SayAsync(A.PersonalMessage(_bot.ByggesakLeader, "hvem er jeg"));

        Assert.Contains("Enhetsleder", said, StringComparison.Ordinal);
        Assert.Contains("Byggesak", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoAmI_LeaderOfTheTopManagementGroup_IsTopManagementNotAServiceAreaLeader()
    {
        var radmann = TeamsUser.Create("Siri Haugland", "radmann@fjordvik.kommune.no");
        _bot.Connector.SetMembers(TeamsActivities.PersonalConversationId(radmann), [new() { Id = radmann.Id, Name = radmann.Name, AadObjectId = radmann.AadObjectId, UserPrincipalName = radmann.Email }]);

        var said = await _bot.SayAsync(A.PersonalMessage(radmann, "hvem er jeg"));

        Assert.Contains("Kommunedirektørens ledergruppe", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Tjenesteområdeleder", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoAmI_PersonNotInTheOrganisation_SaysSoWithTheirAddress()
    {
        var said = await _bot.SayAsync(A.PersonalMessage(_bot.Stranger, "whoami", "en-US"));

        Assert.Contains("I can't find you (ukjent.person@example.com)", said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nb-NO", "registrer enhet Byggesak", "Kanalen «Byggesak» hører nå til Byggesak.")]
    [InlineData("sv-SE", "registrera enhet byggesak", "Kanalen ”Byggesak” hör nu till Byggesak.")]
    [InlineData("nn-NO", "registrer eining Byggesak", "Kanalen «Byggesak» høyrer no til Byggesak.")]
    [InlineData("en-GB", "register unit byggesak", "The channel \"Byggesak\" now belongs to Byggesak.")]
    public async Task RegisterUnit_CoordinatorInUnitChannel_BindsTheChannel(string locale, string text, string expected)
    {
        var said = await _bot.SayAsync(A.ChannelMessage(_bot.Coordinator, text, locale));

        Assert.Contains(expected, said, StringComparison.Ordinal);
        var unit = await Store.GetUnitAsync(_bot.TenantId, "byggesak", default);
        Assert.Equal(new ChannelReference(TeamsActivities.TeamId, TeamsActivities.ByggesakChannelId, "Byggesak"), unit!.Channel);
    }

    [Fact]
    public async Task RegisterUnit_TeamsSendsNoChannelName_NamesTheChannelFromTheTeamsChannelList()
    {
        _bot.Connector.SetChannels(TeamsActivities.TeamId, [new() { Id = TeamsActivities.TeamId }, new() { Id = TeamsActivities.ByggesakChannelId, Name = "Byggesak og oppmåling" }]);
        var message = A.ChannelMessage(_bot.Coordinator, "register unit Byggesak", "en-GB");
        ((System.Text.Json.Nodes.JsonObject)message["channelData"]!["channel"]!).Remove("name");

        var said = await _bot.SayAsync(message);

        Assert.Contains("The channel \"Byggesak og oppmåling\" now belongs to Byggesak.", said, StringComparison.Ordinal);
        Assert.Equal("Byggesak og oppmåling", (await Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!.Channel?.Name);
    }

    [Fact]
    public async Task RegisterUnit_PartOfTheName_FindsTheOnlyUnitThatMatches()
    {
        var said = await _bot.SayAsync(A.ChannelMessage(_bot.Coordinator, "registrer enhet fjordtun"));

        Assert.Contains("hører nå til Fjordtun sykehjem", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterUnit_UnknownName_SuggestsTheClosestUnitsAndBindsNothing()
    {
        var said = await _bot.SayAsync(A.ChannelMessage(_bot.Coordinator, "registrer enhet Byggsak"));

        Assert.Contains("Jeg finner ingen enhet som heter «Byggsak». Mente du «Byggesak»", said, StringComparison.Ordinal);
        Assert.Null((await Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!.Channel);
    }

    [Fact]
    public async Task RegisterUnit_NotCoordinator_IsRefusedAndBindsNothing()
    {
        var said = await _bot.SayAsync(A.ChannelMessage(_bot.ByggesakLeader, "registrer enhet Byggesak"));

        Assert.Contains("Du har ikke tilgang til å koble kanaler til enheter. Det kan gjøres av Lean-koordinator.", said, StringComparison.Ordinal);
        Assert.Null((await Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!.Channel);
    }

    [Fact]
    public async Task RegisterUnit_InPersonalChat_AsksForTheChannel()
    {
        var said = await _bot.SayAsync(A.PersonalMessage(_bot.Coordinator, "registrera enhet Byggesak", "sv-SE"));

        Assert.Contains("Använd ”registrera enhet” i en kanal", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterUnit_NoName_ExplainsUsage()
    {
        var said = await _bot.SayAsync(A.ChannelMessage(_bot.Coordinator, "register unit", "en-GB"));

        Assert.Contains("Say which unit this channel belongs to", said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nb-NO", "sett koordinatorkanal", "Ukesoppsummeringen for forbedringsforumet kommer nå i kanalen «Forbedringsforum».")]
    [InlineData("sv-SE", "ange koordinatorkanal", "Veckosammanfattningen för förbättringsforumet kommer nu i kanalen ”Forbedringsforum”.")]
    [InlineData("nn-NO", "set koordinatorkanal", "Vekeoppsummeringa for forbetringsforumet kjem no i kanalen «Forbedringsforum».")]
    [InlineData("en-GB", "set coordinator channel", "The improvement forum's weekly digest will now be posted in \"Forbedringsforum\".")]
    public async Task SetCoordinatorChannel_Coordinator_StoresTheChannel(string locale, string text, string expected)
    {
        var said = await _bot.SayAsync(A.ChannelMessage(_bot.Coordinator, text, locale, TeamsActivities.ForumChannelId, "Forbedringsforum"));

        Assert.Contains(expected, said, StringComparison.Ordinal);
        Assert.Equal(TeamsActivities.ForumChannelId, (await Store.GetOrganisationAsync(_bot.TenantId, default))!.CoordinatorChannel?.ChannelId);
    }

    [Fact]
    public async Task SetCoordinatorChannel_NotCoordinator_IsRefused()
    {
        var said = await _bot.SayAsync(A.ChannelMessage(_bot.HelseLeader, "set coordinator channel", "en-GB", TeamsActivities.ForumChannelId, "Forbedringsforum"));

        Assert.Contains("You are not allowed to bind channels to units. This is for the Lean coordinator.", said, StringComparison.Ordinal);
        Assert.Null((await Store.GetOrganisationAsync(_bot.TenantId, default))!.CoordinatorChannel);
    }

    [Theory]
    [InlineData("nb-NO", "tavlemøte fredag 09:15 20", "Tavlemøtet for Byggesak er hver fredag kl. 09:15 (20 minutter) fra og med ")]
    [InlineData("sv-SE", "tavelmöte fredag 9.15 20", "Tavelmötet för Byggesak är varje fredag kl. 09:15 (20 minuter) från och med ")]
    [InlineData("nn-NO", "tavlemøte fredag 09:15 20", "Tavlemøtet for Byggesak er kvar fredag kl. 09:15 (20 minutt) frå og med ")]
    [InlineData("en-GB", "board meeting Friday 09:15 20", "Byggesak's board meeting is every Friday at 09:15 (20 minutes) from ")]
    public async Task BoardMeeting_UnitLeaderInTheUnitsChannel_ChangesTheMeeting(string locale, string text, string expected)
    {
        await BindByggesakChannelAsync();

        var said = await _bot.SayAsync(A.ChannelMessage(_bot.ByggesakLeader, text, locale));

        Assert.Contains(expected, said, StringComparison.Ordinal);
        Assert.Equal(new BoardMeeting(DayOfWeek.Friday, new TimeOnly(9, 15), 20), (await Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!.BoardMeeting);
    }

    [Fact]
    public async Task BoardMeeting_UnitLeaderInPersonalChat_ChangesTheirOnlyUnitAndKeepsTheLength()
    {
        var said = await _bot.SayAsync(A.PersonalMessage(_bot.ByggesakLeader, "tavlemøte onsdag 13:00"));

        Assert.Contains("Tavlemøtet for Byggesak er hver onsdag kl. 13:00 (15 minutter) fra og med ", said, StringComparison.Ordinal);
        Assert.Equal(DayOfWeek.Wednesday, (await Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!.BoardMeeting.Weekday);
    }

    [Fact]
    public async Task BoardMeeting_SomeoneWhoDoesNotLeadTheUnit_IsRefusedAndNothingChanges()
    {
        await BindByggesakChannelAsync();

        var said = await _bot.SayAsync(A.ChannelMessage(_bot.HelseLeader, "tavlemøte fredag 09:00"));

        Assert.Contains("Du har ikke tilgang til å endre tavlemøtet for", said, StringComparison.Ordinal);
        Assert.Equal(DayOfWeek.Thursday, (await Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!.BoardMeeting.Weekday);
    }

    [Fact]
    public async Task BoardMeeting_CoordinatorInTheUnitsChannel_MayChangeAnyUnit()
    {
        await BindByggesakChannelAsync();

        var said = await _bot.SayAsync(A.ChannelMessage(_bot.Coordinator, "board meeting monday 10:00", "en-GB"));

        Assert.Contains("every Monday at 10:00", said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tavlemøte fredagg 09:00", "«fredagg» er ingen ukedag.")]
    [InlineData("tavlemøte fredag 25:00", "«25:00» er ikke et klokkeslett.")]
    [InlineData("tavlemøte fredag 09:00 500", "«500» er ikke en varighet jeg kan bruke.")]
    [InlineData("tavlemøte", "Skriv dag og klokkeslett")]
    public async Task BoardMeeting_MalformedArguments_ExplainsWhatIsWrongAndChangesNothing(string text, string expected)
    {
        await BindByggesakChannelAsync();

        var said = await _bot.SayAsync(A.ChannelMessage(_bot.ByggesakLeader, text));

        Assert.Contains(expected, said, StringComparison.Ordinal);
        Assert.Equal(new BoardMeeting(DayOfWeek.Thursday, new TimeOnly(9, 30), 15), (await Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!.BoardMeeting);
    }

    [Theory]
    [InlineData("nb-NO", "enhter", "Jeg forstod ikke «enhter». Mente du «enheter»?")]
    [InlineData("sv-SE", "hjälpp", "Jag förstod inte ”hjälpp”. Menade du ”hjälp”?")]
    [InlineData("nn-NO", "einingr", "Eg forstod ikkje «einingr». Meinte du «einingar»?")]
    [InlineData("en-GB", "unts", "I didn't understand \"unts\". Did you mean \"units\"?")]
    [InlineData("nb-NO", "tavlemøtet fredag 09:00", "Mente du «tavlemøte»?")]
    [InlineData("en-GB", "what is the weather", "I didn't understand \"what is the weather\". Type \"help\"")]
    public async Task UnknownCommand_InTheUsersLanguage_NamesTheClosestCommand(string locale, string text, string expected)
    {
        var said = await _bot.SayAsync(A.PersonalMessage(_bot.Stranger, text, locale));

        Assert.Contains(expected, said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_TenantWithoutOrganisation_SayItIsNotSetUp()
    {
        await using var bot = await BotHost.StartAsync(importDemo: false);

        var said = await bot.SayAsync(bot.Activities.PersonalMessage(bot.Coordinator, "enheter"));

        Assert.Contains("Organisasjonen din er ikke satt opp i LeanTeamsApp ennå.", said, StringComparison.Ordinal);
    }

    private async Task BindByggesakChannelAsync()
    {
        var unit = await Store.GetUnitAsync(_bot.TenantId, "byggesak", default);
        var saved = await Store.SaveUnitAsync(_bot.TenantId, unit! with { Channel = new ChannelReference(TeamsActivities.TeamId, TeamsActivities.ByggesakChannelId, "Byggesak") }, default);
        Assert.Equal(WriteOutcome.Written, saved.Outcome);
    }
}
