using System.Globalization;

namespace LeanTeamsApp.Features.Calendar;

/// <summary>
/// Days, both ends included, on which an organisation does not expect improvement work: the common summer holiday,
/// Christmas, or anything else it configures.
/// </summary>
public sealed record BlackoutPeriod(DateOnly From, DateOnly To, string Name)
{
    // Get-only so that a `with` expression cannot produce a period that ends before it starts.
    public DateOnly From { get; } = From;

    public DateOnly To { get; } = To >= From
        ? To
        : throw new ArgumentOutOfRangeException(nameof(To), To, $"A blackout period must not end before it starts ({From:yyyy-MM-dd}).");

    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>
    /// The usual summer holiday, Monday to Sunday of whole ISO weeks. Norway: fellesferie, weeks 28-30, the three
    /// weeks in July most workplaces share. Sweden: weeks 28-31, the traditional industrisemester, which also gives
    /// the four consecutive weeks semesterlagen entitles employees to in June-August. These are defaults; an
    /// organisation whose holiday weeks differ should configure its own periods.
    /// </summary>
    public static BlackoutPeriod CommonSummerHoliday(Country country, int year) => country switch
    {
        Country.Norway => IsoWeeks(year, 28, 30, "Fellesferie"),
        Country.Sweden => IsoWeeks(year, 28, 31, "Semester"),
        _ => throw new ArgumentOutOfRangeException(nameof(country), country, "No summer holiday is known for this country."),
    };

    /// <summary>
    /// Christmas Eve to New Year's Day: between the holidays few staff are in and board meetings are rarely held.
    /// "Jul" is the name in both Norwegian and Swedish.
    /// </summary>
    public static BlackoutPeriod ChristmasWeek(int year) =>
        new(new DateOnly(year, 12, 24), new DateOnly(year + 1, 1, 1), "Jul");

    private static BlackoutPeriod IsoWeeks(int year, int firstWeek, int lastWeek, string name) => new(
        DateOnly.FromDateTime(ISOWeek.ToDateTime(year, firstWeek, DayOfWeek.Monday)),
        DateOnly.FromDateTime(ISOWeek.ToDateTime(year, lastWeek, DayOfWeek.Sunday)),
        name);
}
