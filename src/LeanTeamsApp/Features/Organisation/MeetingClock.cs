using LeanTeamsApp.Features.Calendar;

namespace LeanTeamsApp.Features.Organisation;

/// <summary>A board-meeting time that was in force for the weeks before <see cref="Until"/>.</summary>
public sealed record EarlierMeeting(IsoWeek Until, BoardMeeting Meeting);

/// <summary>
/// The board-meeting clock: the one place that says which of a unit's board meetings was due in a week, when it starts
/// and ends, and which was the latest. A unit meets once per ISO week; when its meeting time changes, the weeks before
/// the change keep the time that was in force then, so every earlier check-in stays where it was due and counted.
/// Times are the unit's local wall-clock times, turned into instants in its own zone: a time in the spring-forward gap
/// means the moment the clocks have jumped, and in the autumn's repeated hour the first of the two.
/// </summary>
public static class MeetingClock
{
    /// <summary>Today in the unit's own time zone.</summary>
    public static DateOnly Today(Unit unit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).DateTime);
    }

    /// <summary>The meeting time in force in <paramref name="week"/>.</summary>
    public static BoardMeeting InForce(Unit unit, IsoWeek week)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.EarlierMeetings.FirstOrDefault(e => week < e.Until)?.Meeting ?? unit.BoardMeeting;
    }

    /// <summary>The date of the unit's meeting in <paramref name="week"/>, under the time in force that week.</summary>
    public static DateOnly DateIn(Unit unit, IsoWeek week) => week.Monday.AddDays(((int)InForce(unit, week).Weekday + 6) % 7);

    /// <summary>True when <paramref name="date"/> is the date of the meeting that was due in its week.</summary>
    public static bool IsMeetingDate(Unit unit, DateOnly date) => DateIn(unit, IsoWeek.Of(date)) == date;

    /// <summary>When the meeting held on <paramref name="date"/> starts.</summary>
    public static DateTimeOffset Start(Unit unit, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Instant(unit, date.ToDateTime(InForce(unit, IsoWeek.Of(date)).Start));
    }

    /// <summary>When the meeting held on <paramref name="date"/> ends.</summary>
    public static DateTimeOffset End(Unit unit, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var meeting = InForce(unit, IsoWeek.Of(date));
        return Instant(unit, date.ToDateTime(meeting.Start).AddMinutes(meeting.Minutes));
    }

    /// <summary>The date of the most recent meeting that has started by <paramref name="now"/> (this week's, once it began).</summary>
    public static DateOnly Latest(Unit unit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var thisWeek = IsoWeek.Of(LocalDate(unit, now));
        var date = DateIn(unit, thisWeek);
        return Start(unit, date) <= now ? date : DateIn(unit, thisWeek.Previous);
    }

    /// <summary>A check-in can be given or corrected from its meeting's start until the next meeting starts.</summary>
    public static bool IsOpen(Unit unit, DateOnly meetingDate, DateTimeOffset now) => Latest(unit, now) == meetingDate;

    /// <summary>The meeting on <paramref name="latest"/> and the ones due in the weeks before it, newest first.</summary>
    public static IReadOnlyList<DateOnly> Back(Unit unit, DateOnly latest, int count)
    {
        var week = IsoWeek.Of(latest);
        var dates = new List<DateOnly>(count);
        for (var i = 0; i < count; i++, week = week.Previous)
        {
            dates.Add(DateIn(unit, week));
        }

        return dates;
    }

    /// <summary>The dates of the unit's meetings that end at an instant in [from, until).</summary>
    public static IEnumerable<DateOnly> EndingBetween(Unit unit, DateTimeOffset from, DateTimeOffset until)
    {
        var first = LocalDate(unit, from).AddDays(-1);
        var last = LocalDate(unit, until);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (IsMeetingDate(unit, date) && End(unit, date) is var end && end >= from && end < until)
            {
                yield return date;
            }
        }
    }

    /// <summary>No board meeting is expected: a public holiday of the unit's country or one of the organisation's holiday periods.</summary>
    public static bool IsDayOff(Unit unit, Organisation org, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(org);
        return (Countries.FromTimeZone(unit.TimeZone) is { } country && PublicHolidays.IsPublicHoliday(country, date))
            || org.HolidayPeriods.Any(p => p.Contains(date));
    }

    /// <summary>
    /// The unit meeting at <paramref name="meeting"/> from the next meeting on: from this week when neither this week's
    /// meeting nor the new time has started yet, otherwise from next week. Earlier weeks keep the time that was in force;
    /// a change that had not taken effect yet is replaced.
    /// </summary>
    public static (Unit Unit, DateOnly FirstMeeting) Reschedule(Unit unit, BoardMeeting meeting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(meeting);
        var thisWeek = IsoWeek.Of(LocalDate(unit, now));
        var newDate = thisWeek.Monday.AddDays(((int)meeting.Weekday + 6) % 7);
        var startedThisWeek = Start(unit, DateIn(unit, thisWeek)) <= now || Instant(unit, newDate.ToDateTime(meeting.Start)) <= now;
        var from = startedThisWeek ? thisWeek.Next : thisWeek;

        // The schedule as (first week, time) segments, the first open-ended backwards; keep those before the change.
        var segments = new List<(IsoWeek? From, BoardMeeting Meeting)>();
        IsoWeek? start = null;
        foreach (var earlier in unit.EarlierMeetings)
        {
            segments.Add((start, earlier.Meeting));
            start = earlier.Until;
        }

        segments.Add((start, unit.BoardMeeting));
        var kept = segments.Where(s => s.From is null || s.From < from).ToList();
        if (kept[^1].Meeting != meeting)
        {
            kept.Add((from, meeting));
        }

        var earlierMeetings = kept.Zip(kept.Skip(1), (segment, next) => new EarlierMeeting(next.From!.Value, segment.Meeting)).ToList();
        var rescheduled = unit with { BoardMeeting = kept[^1].Meeting, EarlierMeetings = earlierMeetings };
        return (rescheduled, DateIn(rescheduled, from));
    }

    private static DateOnly LocalDate(Unit unit, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).DateTime);

    private static DateTimeOffset Instant(Unit unit, DateTime local)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone);
        // In the spring-forward gap the wall clock skips ahead: the meeting effectively starts once the clocks have jumped.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        // In the autumn's repeated hour the first occurrence (still summer time) is the one people mean.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
