using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.UnitTests.Organisation;

public sealed class WrittenLanguageTests
{
    [Theory]
    [InlineData("Europe/Stockholm", Language.Sv)]
    [InlineData("Europe/Oslo", Language.Nb)]
    [InlineData("Arctic/Longyearbyen", Language.Nb)]
    [InlineData("Europe/Copenhagen", Language.Nb)]
    [InlineData("", Language.Nb)]
    [InlineData(null, Language.Nb)]
    public void OfTimeZone_SwedishZoneWritesSwedish_EverythingElseBokmal(string? timeZone, Language expected)
    {
        Assert.Equal(expected, WrittenLanguage.OfTimeZone(timeZone));
    }

    [Fact]
    public void Of_UnitAndOrganisation_FollowTheirOwnTimeZone()
    {
        var unit = new Unit("u", "Socialtjänsten", "a", "p", [], "Europe/Stockholm", new BoardMeeting(DayOfWeek.Thursday, new TimeOnly(9, 0), 15),
            new DateOnly(2026, 1, 5), null, null);

        Assert.Equal(Language.Sv, WrittenLanguage.Of(unit));
        Assert.Equal(Language.Nb, WrittenLanguage.Of(unit with { TimeZone = "Europe/Oslo" }));
    }

    [Fact]
    public void Of_OrganisationThatChoseNynorsk_WritesNynorskForEveryUnit()
    {
        var unit = new Unit("u", "Socialtjänsten", "a", "p", [], "Europe/Stockholm", new BoardMeeting(DayOfWeek.Thursday, new TimeOnly(9, 0), 15),
            new DateOnly(2026, 1, 5), null, null);
        var organisation = new LeanTeamsApp.Features.Organisation.Organisation("t", "Nynorskvik", "Europe/Oslo", null) { WrittenLanguage = Language.Nn };

        Assert.Equal(Language.Nn, WrittenLanguage.Of(organisation, unit));
        Assert.Equal(Language.Nn, WrittenLanguage.Of(organisation));
        Assert.Equal(Language.Sv, WrittenLanguage.Of(organisation with { WrittenLanguage = null }, unit));
        Assert.Equal(Language.Sv, WrittenLanguage.Of(null, unit));
    }
}
