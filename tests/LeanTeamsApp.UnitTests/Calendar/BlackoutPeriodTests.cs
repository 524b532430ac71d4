using LeanTeamsApp.Features.Calendar;

namespace LeanTeamsApp.UnitTests.Calendar;

public sealed class BlackoutPeriodTests
{
    // ISO week 28 starts on 6 July in 2026 but on 12 July in 2027, so the summer holiday moves with the weeks.
    [Theory]
    [InlineData(Country.Norway, 2026, "2026-07-06", "2026-07-26")]
    [InlineData(Country.Norway, 2027, "2027-07-12", "2027-08-01")]
    [InlineData(Country.Sweden, 2026, "2026-07-06", "2026-08-02")]
    [InlineData(Country.Sweden, 2027, "2027-07-12", "2027-08-08")]
    public void CommonSummerHoliday_Year_CoversWholeIsoWeeksMondayToSunday(Country country, int year, string from, string to)
    {
        var summer = BlackoutPeriod.CommonSummerHoliday(country, year);

        Assert.Equal((DateOnly.ParseExact(from, "yyyy-MM-dd"), DateOnly.ParseExact(to, "yyyy-MM-dd")), (summer.From, summer.To));
    }

    [Fact]
    public void ChristmasWeek_Year_RunsFromChristmasEveToNewYearsDay()
    {
        var christmas = BlackoutPeriod.ChristmasWeek(2026);

        Assert.Equal((new DateOnly(2026, 12, 24), new DateOnly(2027, 1, 1)), (christmas.From, christmas.To));
        Assert.True(christmas.Contains(new DateOnly(2027, 1, 1)));
        Assert.False(christmas.Contains(new DateOnly(2027, 1, 2)));
    }

    [Fact]
    public void Constructor_EndBeforeStart_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlackoutPeriod(new DateOnly(2026, 7, 31), new DateOnly(2026, 7, 1), "Backwards"));
    }
}
