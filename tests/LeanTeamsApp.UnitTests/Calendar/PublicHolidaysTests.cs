using System.Globalization;
using LeanTeamsApp.Features.Calendar;

namespace LeanTeamsApp.UnitTests.Calendar;

public sealed class PublicHolidaysTests
{
    // Literal dates, never computed here, so a wrong rule in the code cannot agree with itself. They were written
    // from the published Easter Sundays (2025-04-20, 2026-04-05, 2027-03-28, 2028-04-16, 2029-04-01, 2030-04-21)
    // and checked against an Easter implementation outside this repository. The weekday column guards the table:
    // a row whose weekday does not fit its date makes the test fail.
    private static readonly Dictionary<(Country Country, int Year), string> Published = new()
    {
        [(Country.Norway, 2025)] = """
            2025-01-01 Wed | official | Første nyttårsdag | New Year's Day
            2025-04-17 Thu | official | Skjærtorsdag | Maundy Thursday
            2025-04-18 Fri | official | Langfredag | Good Friday
            2025-04-20 Sun | official | Første påskedag | Easter Sunday
            2025-04-21 Mon | official | Andre påskedag | Easter Monday
            2025-05-01 Thu | official | Offentlig høytidsdag | Labour Day
            2025-05-17 Sat | official | Grunnlovsdag | Constitution Day
            2025-05-29 Thu | official | Kristi himmelfartsdag | Ascension Day
            2025-06-08 Sun | official | Første pinsedag | Whit Sunday
            2025-06-09 Mon | official | Andre pinsedag | Whit Monday
            2025-12-25 Thu | official | Første juledag | Christmas Day
            2025-12-26 Fri | official | Andre juledag | Boxing Day
            """,
        [(Country.Sweden, 2025)] = """
            2025-01-01 Wed | official | Nyårsdagen | New Year's Day
            2025-01-06 Mon | official | Trettondedag jul | Epiphany
            2025-04-18 Fri | official | Långfredagen | Good Friday
            2025-04-20 Sun | official | Påskdagen | Easter Sunday
            2025-04-21 Mon | official | Annandag påsk | Easter Monday
            2025-05-01 Thu | official | Första maj | May Day
            2025-05-29 Thu | official | Kristi himmelsfärdsdag | Ascension Day
            2025-06-06 Fri | official | Sveriges nationaldag | National Day of Sweden
            2025-06-08 Sun | official | Pingstdagen | Whit Sunday
            2025-06-20 Fri | de facto | Midsommarafton | Midsummer Eve
            2025-06-21 Sat | official | Midsommardagen | Midsummer Day
            2025-11-01 Sat | official | Alla helgons dag | All Saints' Day
            2025-12-24 Wed | de facto | Julafton | Christmas Eve
            2025-12-25 Thu | official | Juldagen | Christmas Day
            2025-12-26 Fri | official | Annandag jul | Boxing Day
            2025-12-31 Wed | de facto | Nyårsafton | New Year's Eve
            """,
        [(Country.Norway, 2026)] = """
            2026-01-01 Thu | official | Første nyttårsdag | New Year's Day
            2026-04-02 Thu | official | Skjærtorsdag | Maundy Thursday
            2026-04-03 Fri | official | Langfredag | Good Friday
            2026-04-05 Sun | official | Første påskedag | Easter Sunday
            2026-04-06 Mon | official | Andre påskedag | Easter Monday
            2026-05-01 Fri | official | Offentlig høytidsdag | Labour Day
            2026-05-14 Thu | official | Kristi himmelfartsdag | Ascension Day
            2026-05-17 Sun | official | Grunnlovsdag | Constitution Day
            2026-05-24 Sun | official | Første pinsedag | Whit Sunday
            2026-05-25 Mon | official | Andre pinsedag | Whit Monday
            2026-12-25 Fri | official | Første juledag | Christmas Day
            2026-12-26 Sat | official | Andre juledag | Boxing Day
            """,
        [(Country.Sweden, 2026)] = """
            2026-01-01 Thu | official | Nyårsdagen | New Year's Day
            2026-01-06 Tue | official | Trettondedag jul | Epiphany
            2026-04-03 Fri | official | Långfredagen | Good Friday
            2026-04-05 Sun | official | Påskdagen | Easter Sunday
            2026-04-06 Mon | official | Annandag påsk | Easter Monday
            2026-05-01 Fri | official | Första maj | May Day
            2026-05-14 Thu | official | Kristi himmelsfärdsdag | Ascension Day
            2026-05-24 Sun | official | Pingstdagen | Whit Sunday
            2026-06-06 Sat | official | Sveriges nationaldag | National Day of Sweden
            2026-06-19 Fri | de facto | Midsommarafton | Midsummer Eve
            2026-06-20 Sat | official | Midsommardagen | Midsummer Day
            2026-10-31 Sat | official | Alla helgons dag | All Saints' Day
            2026-12-24 Thu | de facto | Julafton | Christmas Eve
            2026-12-25 Fri | official | Juldagen | Christmas Day
            2026-12-26 Sat | official | Annandag jul | Boxing Day
            2026-12-31 Thu | de facto | Nyårsafton | New Year's Eve
            """,
        [(Country.Norway, 2027)] = """
            2027-01-01 Fri | official | Første nyttårsdag | New Year's Day
            2027-03-25 Thu | official | Skjærtorsdag | Maundy Thursday
            2027-03-26 Fri | official | Langfredag | Good Friday
            2027-03-28 Sun | official | Første påskedag | Easter Sunday
            2027-03-29 Mon | official | Andre påskedag | Easter Monday
            2027-05-01 Sat | official | Offentlig høytidsdag | Labour Day
            2027-05-06 Thu | official | Kristi himmelfartsdag | Ascension Day
            2027-05-16 Sun | official | Første pinsedag | Whit Sunday
            2027-05-17 Mon | official | Andre pinsedag | Whit Monday
            2027-05-17 Mon | official | Grunnlovsdag | Constitution Day
            2027-12-25 Sat | official | Første juledag | Christmas Day
            2027-12-26 Sun | official | Andre juledag | Boxing Day
            """,
        [(Country.Sweden, 2027)] = """
            2027-01-01 Fri | official | Nyårsdagen | New Year's Day
            2027-01-06 Wed | official | Trettondedag jul | Epiphany
            2027-03-26 Fri | official | Långfredagen | Good Friday
            2027-03-28 Sun | official | Påskdagen | Easter Sunday
            2027-03-29 Mon | official | Annandag påsk | Easter Monday
            2027-05-01 Sat | official | Första maj | May Day
            2027-05-06 Thu | official | Kristi himmelsfärdsdag | Ascension Day
            2027-05-16 Sun | official | Pingstdagen | Whit Sunday
            2027-06-06 Sun | official | Sveriges nationaldag | National Day of Sweden
            2027-06-25 Fri | de facto | Midsommarafton | Midsummer Eve
            2027-06-26 Sat | official | Midsommardagen | Midsummer Day
            2027-11-06 Sat | official | Alla helgons dag | All Saints' Day
            2027-12-24 Fri | de facto | Julafton | Christmas Eve
            2027-12-25 Sat | official | Juldagen | Christmas Day
            2027-12-26 Sun | official | Annandag jul | Boxing Day
            2027-12-31 Fri | de facto | Nyårsafton | New Year's Eve
            """,
        [(Country.Norway, 2028)] = """
            2028-01-01 Sat | official | Første nyttårsdag | New Year's Day
            2028-04-13 Thu | official | Skjærtorsdag | Maundy Thursday
            2028-04-14 Fri | official | Langfredag | Good Friday
            2028-04-16 Sun | official | Første påskedag | Easter Sunday
            2028-04-17 Mon | official | Andre påskedag | Easter Monday
            2028-05-01 Mon | official | Offentlig høytidsdag | Labour Day
            2028-05-17 Wed | official | Grunnlovsdag | Constitution Day
            2028-05-25 Thu | official | Kristi himmelfartsdag | Ascension Day
            2028-06-04 Sun | official | Første pinsedag | Whit Sunday
            2028-06-05 Mon | official | Andre pinsedag | Whit Monday
            2028-12-25 Mon | official | Første juledag | Christmas Day
            2028-12-26 Tue | official | Andre juledag | Boxing Day
            """,
        [(Country.Sweden, 2028)] = """
            2028-01-01 Sat | official | Nyårsdagen | New Year's Day
            2028-01-06 Thu | official | Trettondedag jul | Epiphany
            2028-04-14 Fri | official | Långfredagen | Good Friday
            2028-04-16 Sun | official | Påskdagen | Easter Sunday
            2028-04-17 Mon | official | Annandag påsk | Easter Monday
            2028-05-01 Mon | official | Första maj | May Day
            2028-05-25 Thu | official | Kristi himmelsfärdsdag | Ascension Day
            2028-06-04 Sun | official | Pingstdagen | Whit Sunday
            2028-06-06 Tue | official | Sveriges nationaldag | National Day of Sweden
            2028-06-23 Fri | de facto | Midsommarafton | Midsummer Eve
            2028-06-24 Sat | official | Midsommardagen | Midsummer Day
            2028-11-04 Sat | official | Alla helgons dag | All Saints' Day
            2028-12-24 Sun | de facto | Julafton | Christmas Eve
            2028-12-25 Mon | official | Juldagen | Christmas Day
            2028-12-26 Tue | official | Annandag jul | Boxing Day
            2028-12-31 Sun | de facto | Nyårsafton | New Year's Eve
            """,
        [(Country.Norway, 2029)] = """
            2029-01-01 Mon | official | Første nyttårsdag | New Year's Day
            2029-03-29 Thu | official | Skjærtorsdag | Maundy Thursday
            2029-03-30 Fri | official | Langfredag | Good Friday
            2029-04-01 Sun | official | Første påskedag | Easter Sunday
            2029-04-02 Mon | official | Andre påskedag | Easter Monday
            2029-05-01 Tue | official | Offentlig høytidsdag | Labour Day
            2029-05-10 Thu | official | Kristi himmelfartsdag | Ascension Day
            2029-05-17 Thu | official | Grunnlovsdag | Constitution Day
            2029-05-20 Sun | official | Første pinsedag | Whit Sunday
            2029-05-21 Mon | official | Andre pinsedag | Whit Monday
            2029-12-25 Tue | official | Første juledag | Christmas Day
            2029-12-26 Wed | official | Andre juledag | Boxing Day
            """,
        [(Country.Sweden, 2029)] = """
            2029-01-01 Mon | official | Nyårsdagen | New Year's Day
            2029-01-06 Sat | official | Trettondedag jul | Epiphany
            2029-03-30 Fri | official | Långfredagen | Good Friday
            2029-04-01 Sun | official | Påskdagen | Easter Sunday
            2029-04-02 Mon | official | Annandag påsk | Easter Monday
            2029-05-01 Tue | official | Första maj | May Day
            2029-05-10 Thu | official | Kristi himmelsfärdsdag | Ascension Day
            2029-05-20 Sun | official | Pingstdagen | Whit Sunday
            2029-06-06 Wed | official | Sveriges nationaldag | National Day of Sweden
            2029-06-22 Fri | de facto | Midsommarafton | Midsummer Eve
            2029-06-23 Sat | official | Midsommardagen | Midsummer Day
            2029-11-03 Sat | official | Alla helgons dag | All Saints' Day
            2029-12-24 Mon | de facto | Julafton | Christmas Eve
            2029-12-25 Tue | official | Juldagen | Christmas Day
            2029-12-26 Wed | official | Annandag jul | Boxing Day
            2029-12-31 Mon | de facto | Nyårsafton | New Year's Eve
            """,
        [(Country.Norway, 2030)] = """
            2030-01-01 Tue | official | Første nyttårsdag | New Year's Day
            2030-04-18 Thu | official | Skjærtorsdag | Maundy Thursday
            2030-04-19 Fri | official | Langfredag | Good Friday
            2030-04-21 Sun | official | Første påskedag | Easter Sunday
            2030-04-22 Mon | official | Andre påskedag | Easter Monday
            2030-05-01 Wed | official | Offentlig høytidsdag | Labour Day
            2030-05-17 Fri | official | Grunnlovsdag | Constitution Day
            2030-05-30 Thu | official | Kristi himmelfartsdag | Ascension Day
            2030-06-09 Sun | official | Første pinsedag | Whit Sunday
            2030-06-10 Mon | official | Andre pinsedag | Whit Monday
            2030-12-25 Wed | official | Første juledag | Christmas Day
            2030-12-26 Thu | official | Andre juledag | Boxing Day
            """,
        [(Country.Sweden, 2030)] = """
            2030-01-01 Tue | official | Nyårsdagen | New Year's Day
            2030-01-06 Sun | official | Trettondedag jul | Epiphany
            2030-04-19 Fri | official | Långfredagen | Good Friday
            2030-04-21 Sun | official | Påskdagen | Easter Sunday
            2030-04-22 Mon | official | Annandag påsk | Easter Monday
            2030-05-01 Wed | official | Första maj | May Day
            2030-05-30 Thu | official | Kristi himmelsfärdsdag | Ascension Day
            2030-06-06 Thu | official | Sveriges nationaldag | National Day of Sweden
            2030-06-09 Sun | official | Pingstdagen | Whit Sunday
            2030-06-21 Fri | de facto | Midsommarafton | Midsummer Eve
            2030-06-22 Sat | official | Midsommardagen | Midsummer Day
            2030-11-02 Sat | official | Alla helgons dag | All Saints' Day
            2030-12-24 Tue | de facto | Julafton | Christmas Eve
            2030-12-25 Wed | official | Juldagen | Christmas Day
            2030-12-26 Thu | official | Annandag jul | Boxing Day
            2030-12-31 Tue | de facto | Nyårsafton | New Year's Eve
            """,
    };

    [Theory]
    [InlineData(Country.Norway, 2025)]
    [InlineData(Country.Sweden, 2025)]
    [InlineData(Country.Norway, 2026)]
    [InlineData(Country.Sweden, 2026)]
    [InlineData(Country.Norway, 2027)]
    [InlineData(Country.Sweden, 2027)]
    [InlineData(Country.Norway, 2028)]
    [InlineData(Country.Sweden, 2028)]
    [InlineData(Country.Norway, 2029)]
    [InlineData(Country.Sweden, 2029)]
    [InlineData(Country.Norway, 2030)]
    [InlineData(Country.Sweden, 2030)]
    public void For_EachYear2025To2030_MatchesThePublishedCalendar(Country country, int year)
    {
        var expected = Published[(country, year)]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Order(StringComparer.Ordinal);

        var actual = PublicHolidays.For(country, year)
            .Select(h => string.Create(
                CultureInfo.InvariantCulture,
                $"{h.Date:yyyy-MM-dd ddd} | {(h.Kind == HolidayKind.Official ? "official" : "de facto")} | {h.LocalName} | {h.Name}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(1583, "1583-04-10")]
    [InlineData(1818, "1818-03-22")]
    [InlineData(1943, "1943-04-25")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void EasterSunday_KnownYear_MatchesTheChurchCalendar(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), PublicHolidays.EasterSunday(year));
    }

    // Midsummer Day is the Saturday in 20-26 June and All Saints' Day the Saturday in 31 October-6 November: these
    // years put the Saturday on the first or last day of the window, where an off-by-one shows.
    [Theory]
    [InlineData(2020, "2020-06-19", "2020-06-20", "2020-10-31")]
    [InlineData(2021, "2021-06-25", "2021-06-26", "2021-11-06")]
    [InlineData(2026, "2026-06-19", "2026-06-20", "2026-10-31")]
    [InlineData(2027, "2027-06-25", "2027-06-26", "2027-11-06")]
    public void For_SwedenInEdgeYear_PutsMidsummerAndAllSaintsOnTheWindowsEdge(
        int year, string midsummerEve, string midsummerDay, string allSaintsDay)
    {
        var holidays = PublicHolidays.For(Country.Sweden, year);

        Assert.Equal(DateOnly.Parse(midsummerEve, CultureInfo.InvariantCulture), holidays.Single(h => h.LocalName == "Midsommarafton").Date);
        Assert.Equal(DateOnly.Parse(midsummerDay, CultureInfo.InvariantCulture), holidays.Single(h => h.LocalName == "Midsommardagen").Date);
        Assert.Equal(DateOnly.Parse(allSaintsDay, CultureInfo.InvariantCulture), holidays.Single(h => h.LocalName == "Alla helgons dag").Date);
    }

    [Fact]
    public void IsPublicHoliday_ConstitutionDayOnASunday_IsStillAHoliday()
    {
        var constitutionDay = new DateOnly(2026, 5, 17);

        Assert.Equal(DayOfWeek.Sunday, constitutionDay.DayOfWeek);
        Assert.True(PublicHolidays.IsPublicHoliday(Country.Norway, constitutionDay, officialOnly: true));
    }

    [Fact]
    public void For_AscensionDayOnFirstOfMay_ListsBothHolidaysOnThatDate()
    {
        var firstOfMay2008 = PublicHolidays.For(Country.Norway, 2008).Where(h => h.Date == new DateOnly(2008, 5, 1));

        Assert.Equal(["Kristi himmelfartsdag", "Offentlig høytidsdag"], firstOfMay2008.Select(h => h.LocalName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(Country.Sweden, false, true)]
    [InlineData(Country.Sweden, true, false)]
    [InlineData(Country.Norway, false, false)]
    public void IsPublicHoliday_OnMidsummerEve_IsADayOffInSwedenUnlessOnlyOfficialHolidaysCount(
        Country country, bool officialOnly, bool expected)
    {
        var midsummerEve = new DateOnly(2026, 6, 19);

        Assert.Equal(expected, PublicHolidays.IsPublicHoliday(country, midsummerEve, officialOnly));
    }

    [Theory]
    [InlineData(Country.Norway, 12, 24)]
    [InlineData(Country.Norway, 12, 31)]
    [InlineData(Country.Sweden, 4, 2)]
    public void IsPublicHoliday_EveOrMaundyThursdayWithoutHolidayInThatCountry_IsFalse(Country country, int month, int day)
    {
        Assert.False(PublicHolidays.IsPublicHoliday(country, new DateOnly(2026, month, day)));
    }
}
