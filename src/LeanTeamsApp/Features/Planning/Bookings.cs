namespace LeanTeamsApp.Features.Planning;

/// <summary>
/// Who is busy when, indexed by person and UTC day, and how many walks each leader has per local day and week, so
/// that checking a candidate slot costs the handful of appointments that person has that day, not a scan of the plan.
/// </summary>
internal sealed class Bookings(TimeSpan gap)
{
    private readonly long _gap = gap.Ticks;
    private readonly Dictionary<(string Person, long Day), List<(long Start, long End)>> _busy = [];
    private readonly Dictionary<(string Leader, int Day), int> _walksOnDay = [];
    private readonly Dictionary<(string Leader, int Monday), int> _walksInWeek = [];

    public bool IsFree(IEnumerable<string> people, DateTimeOffset start, DateTimeOffset end)
    {
        var from = start.UtcTicks - _gap;
        var to = end.UtcTicks + _gap;
        foreach (var person in people)
        {
            for (var day = from / TimeSpan.TicksPerDay; day <= (to - 1) / TimeSpan.TicksPerDay; day++)
            {
                if (_busy.TryGetValue((person, day), out var intervals))
                {
                    foreach (var (s, e) in intervals)
                    {
                        if (s < to && from < e)
                        {
                            return false;
                        }
                    }
                }
            }
        }

        return true;
    }

    public void Add(PlannedAppointment appointment)
    {
        foreach (var (key, interval) in Entries(appointment))
        {
            if (!_busy.TryGetValue(key, out var intervals))
            {
                intervals = [];
                _busy[key] = intervals;
            }

            intervals.Add(interval);
        }
    }

    public void Remove(PlannedAppointment appointment)
    {
        foreach (var (key, interval) in Entries(appointment))
        {
            _busy[key].Remove(interval);
        }
    }

    public int WalksOn(string leader, DateOnly localDay) => _walksOnDay.GetValueOrDefault((leader, localDay.DayNumber));

    public int WalksInWeek(string leader, DateOnly localDay) => _walksInWeek.GetValueOrDefault((leader, Monday(localDay)));

    public void CountWalk(string leader, DateOnly localDay, int delta)
    {
        _walksOnDay[(leader, localDay.DayNumber)] = WalksOn(leader, localDay) + delta;
        _walksInWeek[(leader, Monday(localDay))] = WalksInWeek(leader, localDay) + delta;
    }

    public static int Monday(DateOnly date) => date.DayNumber - (((int)date.DayOfWeek + 6) % 7);

    private static IEnumerable<((string, long), (long, long))> Entries(PlannedAppointment appointment)
    {
        var start = appointment.Start.UtcTicks;
        var end = appointment.End.UtcTicks;
        foreach (var person in appointment.People)
        {
            for (var day = start / TimeSpan.TicksPerDay; day <= (end - 1) / TimeSpan.TicksPerDay; day++)
            {
                yield return ((person, day), (start, end));
            }
        }
    }
}
