using LeanTeamsApp.Features.Calendar;

namespace LeanTeamsApp.UnitTests.Calendar;

public sealed class CountriesTests
{
    [Theory]
    [InlineData("Europe/Oslo", Country.Norway)]
    [InlineData("Arctic/Longyearbyen", Country.Norway)]
    [InlineData("Europe/Stockholm", Country.Sweden)]
    [InlineData("Europe/Copenhagen", null)]
    [InlineData("Europe/Helsinki", null)]
    [InlineData("W. Europe Standard Time", null)]
    public void FromTimeZone_UnitZone_GivesTheCountryWhoseHolidaysApply(string timeZoneId, Country? expected)
    {
        Assert.Equal(expected, Countries.FromTimeZone(timeZoneId));
    }
}
