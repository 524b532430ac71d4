using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
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

    [Fact]
    public async Task CheckInNamed_CoordinatorBeforeTheUnitReported_SaysItIsMissingAndWhoReports()
    {
        var said = BotHost.Shown(await _bot.SayAsync(A.PersonalMessage(_bot.Coordinator, "checkin Fjordtun")));

        Assert.StartsWith("Fjordtun sykehjem har ikke sendt statusrapporten for tavlemøtet ", said, StringComparison.Ordinal);
        Assert.Contains("Bare enhetslederen og enhetskoordinatorene kan sende den", said, StringComparison.Ordinal);
        Assert.Null(await LatestCheckInAsync("fjordtun-sykehjem"));
    }

    [Theory]
    [InlineData("coordinator")]
    [InlineData("service-area leader")]
    public async Task CheckInNamed_ReadersOfTheUnitAfterItReported_SeeItWithoutAnEditButton(string who)
    {
        var submitted = await SubmitLatestAsync("fjordtun-sykehjem");

        var said = BotHost.Shown(await _bot.SayAsync(A.PersonalMessage(who == "coordinator" ? _bot.Coordinator : _bot.HelseLeader, "checkin Fjordtun", "en-GB")));

        // The apostrophe of "Fjordtun sykehjem's" travels JSON-escaped in the card.
        Assert.Contains("You are seeing Fjordtun sykehjem", said, StringComparison.Ordinal);
        Assert.Contains("check-in. Only its unit leader and unit coordinators can send or correct it.", said, StringComparison.Ordinal);
        Assert.Contains("Hilde Berg", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Action.Execute", said, StringComparison.Ordinal);
        Assert.Equal(submitted.ETag, (await LatestCheckInAsync("fjordtun-sykehjem"))!.ETag);
    }

    [Fact]
    public async Task CheckInNamed_UnitLeaderOfAnotherUnit_IsRefusedAndToldWhoReports()
    {
        await SubmitLatestAsync("fjordtun-sykehjem");

        var said = BotHost.Shown(await _bot.SayAsync(A.PersonalMessage(_bot.ByggesakLeader, "checkin Fjordtun")));

        Assert.StartsWith("Du har ikke tilgang til å sende eller rette statusrapporten for Fjordtun sykehjem.", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Hilde Berg", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckInNamed_LeaderOfThatUnit_GetsTheFormForIt()
    {
        var said = await _bot.SayAsync(A.PersonalMessage(_bot.ByggesakLeader, "checkin byggesak"));

        Assert.Contains("checkin.submit", said, StringComparison.Ordinal);
        Assert.Contains("Byggesak", said, StringComparison.Ordinal);
    }

    private async Task<CheckIn> SubmitLatestAsync(string unitId)
    {
        var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, unitId, default))!;
        var meeting = MeetingClock.Latest(unit, TimeProvider.System.GetUtcNow());
        await _bot.App.Services.GetRequiredService<CheckInStore>().SubmitAsync(_bot.TenantId, new CheckIn(
            unitId, meeting, true, null, 9, 0, 0, 0, [], [], null, null, "Hilde Berg", TimeProvider.System.GetUtcNow()), default);
        return (await LatestCheckInAsync(unitId))!;
    }

    private async Task<CheckIn?> LatestCheckInAsync(string unitId)
    {
        var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, unitId, default))!;
        return await _bot.App.Services.GetRequiredService<CheckInStore>().GetAsync(_bot.TenantId, unitId, MeetingClock.Latest(unit, TimeProvider.System.GetUtcNow()), default);
    }
}
