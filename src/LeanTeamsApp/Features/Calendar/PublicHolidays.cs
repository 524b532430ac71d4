using System.Collections.Concurrent;
using System.Collections.ObjectModel;

namespace LeanTeamsApp.Features.Calendar;

/// <summary>
/// Norwegian and Swedish public holidays, computed here because the NuGet feed the app builds from does not
/// serve a holiday package. The rules are today's law and are applied to every year: Sweden's 2005 swap of Whit
/// Monday for 6 June is not modelled, because the app plans forward.
/// </summary>
/// <remarks>
/// Every Sunday is a holiday in both countries by law; only the named Sundays (Easter Day, Whit Sunday) are
/// listed, because weekends are never working days anyway. Two holidays can share a date (Ascension Day fell on
/// 1 May in 2008), so a year's list can hold two entries for one day.
/// </remarks>
public static class PublicHolidays
{
    /// <summary>The first year of the Gregorian calendar's Easter rule, which <see cref="EasterSunday"/> computes.</summary>
    public const int FirstSupportedYear = 1583;

    // Schedulers and planners ask about every day for every unit; a year's list is computed once per country.
    private static readonly ConcurrentDictionary<(Country Country, int Year), IReadOnlyList<PublicHoliday>> Computed = new();

    /// <summary>The official holidays and de-facto days off of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<PublicHoliday> For(Country country, int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstSupportedYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);
        return Computed.GetOrAdd((country, year), static key => Compute(key.Country, key.Year));
    }

    /// <summary>
    /// Whether nobody should be expected at work on <paramref name="date"/>. By default this includes de-facto days
    /// off (Sweden's Midsommarafton, Julafton and Nyårsafton), because that is what a scheduler or planner needs;
    /// pass <paramref name="officialOnly"/> for the legal answer.
    /// </summary>
    public static bool IsPublicHoliday(Country country, DateOnly date, bool officialOnly = false) =>
        For(country, date.Year).Any(h => h.Date == date && (!officialOnly || h.Kind == HolidayKind.Official));

    /// <summary>Easter Sunday in the Gregorian calendar, by the anonymous (Meeus/Jones/Butcher) algorithm.</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstSupportedYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var monthAndDay = h + l - (7 * m) + 114;
        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }

    private static ReadOnlyCollection<PublicHoliday> Compute(Country country, int year)
    {
        var easter = EasterSunday(year);
        var holidays = country switch
        {
            Country.Norway => Norway(year, easter),
            Country.Sweden => Sweden(year, easter),
            _ => throw new ArgumentOutOfRangeException(nameof(country), country, "No holidays are known for this country."),
        };
        return holidays.OrderBy(h => h.Date).ToList().AsReadOnly();
    }

    // Helligdagsloven names the church holidays; 1 and 17 May are høytidsdager under their own 1947 law. Both are
    // days off by law, so both are Official.
    // Julaften and nyttårsaften are ordinary working days: many agreements give the afternoon off, but offices are
    // open in the morning and a morning board meeting can go ahead, so they are deliberately not listed.
    private static IEnumerable<PublicHoliday> Norway(int year, DateOnly easter)
    {
        yield return Official(new DateOnly(year, 1, 1), "New Year's Day", "Første nyttårsdag");
        yield return Official(easter.AddDays(-3), "Maundy Thursday", "Skjærtorsdag");
        yield return Official(easter.AddDays(-2), "Good Friday", "Langfredag");
        yield return Official(easter, "Easter Sunday", "Første påskedag");
        yield return Official(easter.AddDays(1), "Easter Monday", "Andre påskedag");
        yield return Official(new DateOnly(year, 5, 1), "Labour Day", "Offentlig høytidsdag");
        yield return Official(new DateOnly(year, 5, 17), "Constitution Day", "Grunnlovsdag");
        yield return Official(easter.AddDays(39), "Ascension Day", "Kristi himmelfartsdag");
        yield return Official(easter.AddDays(49), "Whit Sunday", "Første pinsedag");
        yield return Official(easter.AddDays(50), "Whit Monday", "Andre pinsedag");
        yield return Official(new DateOnly(year, 12, 25), "Christmas Day", "Første juledag");
        yield return Official(new DateOnly(year, 12, 26), "Boxing Day", "Andre juledag");
    }

    // Lag (1989:253) om allmänna helgdagar. The three eves are not in it, but semesterlagen counts them as Sundays
    // and public offices close, so a scheduler must treat them as days off.
    private static IEnumerable<PublicHoliday> Sweden(int year, DateOnly easter)
    {
        var midsummerDay = SaturdayOnOrAfter(new DateOnly(year, 6, 20));
        yield return Official(new DateOnly(year, 1, 1), "New Year's Day", "Nyårsdagen");
        yield return Official(new DateOnly(year, 1, 6), "Epiphany", "Trettondedag jul");
        yield return Official(easter.AddDays(-2), "Good Friday", "Långfredagen");
        yield return Official(easter, "Easter Sunday", "Påskdagen");
        yield return Official(easter.AddDays(1), "Easter Monday", "Annandag påsk");
        yield return Official(new DateOnly(year, 5, 1), "May Day", "Första maj");
        yield return Official(easter.AddDays(39), "Ascension Day", "Kristi himmelsfärdsdag");
        yield return Official(easter.AddDays(49), "Whit Sunday", "Pingstdagen");
        yield return Official(new DateOnly(year, 6, 6), "National Day of Sweden", "Sveriges nationaldag");
        yield return DeFacto(midsummerDay.AddDays(-1), "Midsummer Eve", "Midsommarafton");
        yield return Official(midsummerDay, "Midsummer Day", "Midsommardagen");
        yield return Official(SaturdayOnOrAfter(new DateOnly(year, 10, 31)), "All Saints' Day", "Alla helgons dag");
        yield return DeFacto(new DateOnly(year, 12, 24), "Christmas Eve", "Julafton");
        yield return Official(new DateOnly(year, 12, 25), "Christmas Day", "Juldagen");
        yield return Official(new DateOnly(year, 12, 26), "Boxing Day", "Annandag jul");
        yield return DeFacto(new DateOnly(year, 12, 31), "New Year's Eve", "Nyårsafton");
    }

    private static DateOnly SaturdayOnOrAfter(DateOnly date) =>
        date.AddDays(((int)DayOfWeek.Saturday - (int)date.DayOfWeek + 7) % 7);

    private static PublicHoliday Official(DateOnly date, string name, string localName) =>
        new(date, name, localName, HolidayKind.Official);

    private static PublicHoliday DeFacto(DateOnly date, string name, string localName) =>
        new(date, name, localName, HolidayKind.DeFactoDayOff);
}
