using LeanTeamsApp.Features.Calendar;

namespace LeanTeamsApp.UnitTests.Calendar;

public sealed class WorkingCalendarTests
{
    private static WorkingCalendar Plain(Country country) => new(country, []);

    [Theory]
    [InlineData(2026, 3, 10, true)]   // an ordinary Tuesday
    [InlineData(2026, 3, 14, false)]  // Saturday
    [InlineData(2026, 3, 15, false)]  // Sunday
    [InlineData(2026, 5, 14, false)]  // Kristi himmelfartsdag, a Thursday
    [InlineData(2026, 7, 14, false)]  // a Tuesday in fellesferie
    [InlineData(2026, 12, 24, false)] // Julaften is a working day in Norway, but inside the Christmas blackout
    public void IsWorkingDay_NorwayWithCommonBlackouts_ExcludesWeekendsHolidaysAndBlackouts(int year, int month, int day, bool expected)
    {
        var calendar = new WorkingCalendar(Country.Norway, [BlackoutPeriod.CommonSummerHoliday(Country.Norway, 2026), BlackoutPeriod.ChristmasWeek(2026)]);

        Assert.Equal(expected, calendar.IsWorkingDay(new DateOnly(year, month, day)));
    }

    [Fact]
    public void IsWorkingDay_TuesdayInFellesferieWithoutBlackouts_IsWorkingDay()
    {
        Assert.True(Plain(Country.Norway).IsWorkingDay(new DateOnly(2026, 7, 14)));
    }

    [Fact]
    public void IsWorkingDay_SwedishMidsummerEve_IsNotAWorkingDay()
    {
        Assert.False(Plain(Country.Sweden).IsWorkingDay(new DateOnly(2026, 6, 19)));
    }

    [Theory]
    [InlineData(Country.Norway, "2026-04-07")] // Skjærtorsdag, Langfredag, the weekend and Andre påskedag are off
    [InlineData(Country.Sweden, "2026-04-02")] // Maundy Thursday is a working day in Sweden
    public void NextWorkingDay_WednesdayBeforeEaster2026_SkipsTheCountrysEasterHolidays(Country country, string expected)
    {
        var wednesday = new DateOnly(2026, 4, 1);

        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd"), Plain(country).NextWorkingDay(wednesday));
    }

    [Fact]
    public void NextWorkingDay_FridayBeforeAnOrdinaryWeekend_IsMonday()
    {
        Assert.Equal(new DateOnly(2026, 3, 16), Plain(Country.Sweden).NextWorkingDay(new DateOnly(2026, 3, 13)));
    }

    // Monday 21 December 2026 up to Monday 4 January 2027. Norway works 21-24 and 28-31 December; Sweden also takes
    // Julafton and Nyårsafton off; the Christmas blackout leaves only 21-23 December.
    [Theory]
    [InlineData(Country.Norway, false, 8)]
    [InlineData(Country.Sweden, false, 6)]
    [InlineData(Country.Norway, true, 3)]
    public void WorkingDaysBetween_AcrossChristmas_CountsOnlyWorkingDays(Country country, bool christmasBlackout, int expected)
    {
        var calendar = new WorkingCalendar(country, christmasBlackout ? [BlackoutPeriod.ChristmasWeek(2026)] : []);

        Assert.Equal(expected, calendar.WorkingDaysBetween(new DateOnly(2026, 12, 21), new DateOnly(2027, 1, 4)));
    }

    [Fact]
    public void WorkingDaysBetween_SameDay_IsZeroBecauseTheEndIsExcluded()
    {
        var tuesday = new DateOnly(2026, 3, 10);

        Assert.Equal(0, Plain(Country.Norway).WorkingDaysBetween(tuesday, tuesday));
        Assert.Equal(1, Plain(Country.Norway).WorkingDaysBetween(tuesday, tuesday.AddDays(1)));
    }
}
