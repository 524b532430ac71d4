using LeanTeamsApp.Features.Calendar;

namespace LeanTeamsApp.Features.Planning;

/// <summary>
/// Working days and UTC offsets of one time zone and country, a year at a time. The planner asks about every
/// candidate day of every unit; computing each answer once per zone keeps 6,000 units in seconds.
/// </summary>
internal sealed class UnitCalendar
{
    private readonly TimeZoneInfo _zone;
    private readonly Country _country;
    private readonly PlannerRules _rules;
    private readonly Dictionary<int, Days> _years = [];

    public UnitCalendar(TimeZoneInfo zone, Country country, PlannerRules rules)
    {
        _zone = zone;
        _country = country;
        _rules = rules;
    }

    public bool IsWorkingDay(DateOnly date) => For(date.Year).Working[date.DayOfYear - 1];

    /// <summary>The instant of wall-clock <paramref name="time"/> on <paramref name="date"/>, with the local offset.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        var days = For(date.Year);
        var offset = days.Offsets[date.DayOfYear - 1];
        // European zones change at 01:00 UTC, outside any working day, so one offset serves the whole working day;
        // a zone that changes inside it gets the exact answer.
        return new DateTimeOffset(local, offset ?? _zone.GetUtcOffset(local));
    }

    /// <summary>The same instant with the zone's offset, so that <c>DateTime</c> is the local wall-clock time.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    private Days For(int year)
    {
        if (_years.TryGetValue(year, out var days))
        {
            return days;
        }

        var calendar = new WorkingCalendar(_country, _rules.BlackoutsFor(_country, year));
        var count = DateTime.IsLeapYear(year) ? 366 : 365;
        var working = new bool[count];
        var offsets = new TimeSpan?[count];
        var first = new DateOnly(year, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var date = first.AddDays(i);
            working[i] = calendar.IsWorkingDay(date);
            var morning = _zone.GetUtcOffset(date.ToDateTime(_rules.WorkdayStart));
            var evening = _zone.GetUtcOffset(date.ToDateTime(_rules.WorkdayEnd));
            offsets[i] = morning == evening ? morning : null;
        }

        days = new Days(working, offsets);
        _years[year] = days;
        return days;
    }

    private sealed record Days(bool[] Working, TimeSpan?[] Offsets);
}
