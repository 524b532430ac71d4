namespace LeanTeamsApp.Features.Organisation;

/// <summary>
/// Board meetings are stored by local minute of the ISO week, so that a unit's 09:00 meeting stays at 09:00 through
/// daylight-saving changes. This turns an instant window into the local minute-of-week ranges it covers.
/// </summary>
public static class LocalWeek
{
    public const int MinutesPerDay = 24 * 60;
    public const int MinutesPerWeek = 7 * MinutesPerDay;

    public static int MinuteOfWeek(DayOfWeek day, TimeOnly time) =>
        (((int)day + 6) % 7 * MinutesPerDay) + (time.Hour * 60) + time.Minute;

    public static int MinuteOfWeek(DateTime local) => MinuteOfWeek(local.DayOfWeek, TimeOnly.FromDateTime(local));

    /// <summary>
    /// Local minute-of-week ranges [From, To) that the instants in [fromUtc, toUtc) fall on in <paramref name="zone"/>.
    /// Local times skipped by a spring-forward change are counted at the change, so a meeting set in the gap still
    /// comes due; local times repeated at a fall-back change are covered twice and the caller dedupes occurrences.
    /// </summary>
    public static IReadOnlyList<(int From, int To)> Ranges(TimeZoneInfo zone, DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (toUtc <= fromUtc)
        {
            return [];
        }

        if (toUtc - fromUtc >= TimeSpan.FromDays(7))
        {
            return [(0, MinutesPerWeek)];
        }

        var ranges = new List<(int, int)>();
        var segmentStart = fromUtc;
        var localStart = TimeZoneInfo.ConvertTime(fromUtc, zone).DateTime;
        while (segmentStart < toUtc)
        {
            var offset = zone.GetUtcOffset(segmentStart);
            var segmentEnd = NextOffsetChange(zone, segmentStart, toUtc, offset);
            var localEnd = segmentEnd.UtcDateTime + offset;
            AddLocalRange(ranges, localStart, localEnd);
            if (segmentEnd < toUtc)
            {
                var next = zone.GetUtcOffset(segmentEnd);
                localStart = segmentEnd.UtcDateTime + (next < offset ? next : offset);
            }

            segmentStart = segmentEnd;
        }

        return ranges;
    }

    private static DateTimeOffset NextOffsetChange(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to, TimeSpan offset)
    {
        if (zone.GetUtcOffset(to) == offset && zone.GetUtcOffset(to.AddTicks(-1)) == offset)
        {
            // Offsets change at most twice a year, so a window shorter than a week holds at most one change;
            // equal offsets at both ends therefore mean none in between.
            return to;
        }

        var low = from;
        var high = to;
        while (high - low > TimeSpan.FromSeconds(1))
        {
            var mid = low + ((high - low) / 2);
            if (zone.GetUtcOffset(mid) == offset)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return new DateTimeOffset(high.UtcDateTime.Ticks - (high.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static void AddLocalRange(List<(int, int)> ranges, DateTime localStart, DateTime localEnd)
    {
        // Minute m is covered when its instant lies in [localStart, localEnd): round both ends up to whole minutes.
        var weekStart = localStart.Date.AddDays(-(((int)localStart.DayOfWeek + 6) % 7));
        var from = (int)Math.Ceiling((localStart - weekStart).TotalMinutes);
        var to = (int)Math.Ceiling((localEnd - weekStart).TotalMinutes);
        if (to <= from)
        {
            return;
        }

        if (from >= MinutesPerWeek)
        {
            from -= MinutesPerWeek;
            to -= MinutesPerWeek;
        }

        if (to <= MinutesPerWeek)
        {
            ranges.Add((from, to));
        }
        else
        {
            ranges.Add((from, MinutesPerWeek));
            ranges.Add((0, Math.Min(to - MinutesPerWeek, from)));
        }
    }
}
