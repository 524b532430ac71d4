using LeanTeamsApp.Features.Organisation.Import;

namespace LeanTeamsApp.UnitTests.Organisation;

public sealed class WeekdaysTests
{
    [Theory]
    [InlineData("monday", DayOfWeek.Monday)]
    [InlineData("Mandag", DayOfWeek.Monday)]
    [InlineData("måndag", DayOfWeek.Monday)]
    [InlineData("tysdag", DayOfWeek.Tuesday)]
    [InlineData("TISDAG", DayOfWeek.Tuesday)]
    [InlineData("ons", DayOfWeek.Wednesday)]
    [InlineData(" torsdag ", DayOfWeek.Thursday)]
    [InlineData("fredag", DayOfWeek.Friday)]
    [InlineData("lördag", DayOfWeek.Saturday)]
    [InlineData("søndag", DayOfWeek.Sunday)]
    [InlineData("1", DayOfWeek.Monday)]
    [InlineData("7", DayOfWeek.Sunday)]
    public void TryParse_KnownName_GivesTheDay(string text, DayOfWeek expected)
    {
        Assert.True(Weekdays.TryParse(text, out var day));
        Assert.Equal(expected, day);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("8")]
    [InlineData("fredagg")]
    [InlineData(null)]
    public void TryParse_Nonsense_Fails(string? text) => Assert.False(Weekdays.TryParse(text, out _));
}
