namespace LeanTeamsApp.Features.Calendar;

/// <summary>
/// The days on which a unit can be expected to work: Monday to Friday, not a public holiday of its country
/// (de-facto days off included, see <see cref="PublicHolidays.IsPublicHoliday"/>), and not in one of its
/// organisation's blackout periods.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly IReadOnlyList<BlackoutPeriod> _blackouts;

    public WorkingCalendar(Country country, IEnumerable<BlackoutPeriod> blackouts)
    {
        ArgumentNullException.ThrowIfNull(blackouts);
        Country = country;
        _blackouts = [.. blackouts];
    }

    public Country Country { get; }

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !PublicHolidays.IsPublicHoliday(Country, date)
        && !_blackouts.Any(b => b.Contains(date));

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        // Terminates: blackouts are finite and every year has working days outside its holidays.
        var next = date.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    /// <summary>The working days from <paramref name="from"/> up to, not including, <paramref name="toExclusive"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly toExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(toExclusive, from);
        var count = 0;
        for (var day = from; day < toExclusive; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
