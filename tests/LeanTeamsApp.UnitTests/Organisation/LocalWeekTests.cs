using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.UnitTests.Organisation;

public sealed class LocalWeekTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    private static int Mow(DayOfWeek day, int hour, int minute) => LocalWeek.MinuteOfWeek(day, new TimeOnly(hour, minute));

    [Fact]
    public void MinuteOfWeek_IsoWeek_StartsMondayAndEndsSunday()
    {
        Assert.Equal(0, Mow(DayOfWeek.Monday, 0, 0));
        Assert.Equal(LocalWeek.MinutesPerWeek - 1, Mow(DayOfWeek.Sunday, 23, 59));
    }

    [Fact]
    public void Ranges_OrdinaryWinterWindow_IsShiftedByOneHour()
    {
        var ranges = LocalWeek.Ranges(Oslo, Utc("2026-11-23T08:00:00Z"), Utc("2026-11-23T08:30:00Z"));

        Assert.Equal([(Mow(DayOfWeek.Monday, 9, 0), Mow(DayOfWeek.Monday, 9, 30))], ranges);
    }

    [Fact]
    public void Ranges_WindowAcrossSundayMidnight_SplitsAtTheWeekEnd()
    {
        var ranges = LocalWeek.Ranges(Oslo, Utc("2026-11-22T22:50:00Z"), Utc("2026-11-22T23:10:00Z"));

        Assert.Equal([(Mow(DayOfWeek.Sunday, 23, 50), LocalWeek.MinutesPerWeek), (0, 10)], ranges);
    }

    [Fact]
    public void Ranges_SpringForwardGap_CoversTheSkippedLocalHour()
    {
        // 29 March 2026: 02:00 local jumps to 03:00; a meeting "ending" at 02:30 must still come due once.
        var ranges = LocalWeek.Ranges(Oslo, Utc("2026-03-29T00:55:00Z"), Utc("2026-03-29T01:05:00Z"));

        Assert.Contains(ranges, r => r.From <= Mow(DayOfWeek.Sunday, 2, 30) && Mow(DayOfWeek.Sunday, 2, 30) < r.To);
        Assert.Contains(ranges, r => r.From <= Mow(DayOfWeek.Sunday, 3, 4) && Mow(DayOfWeek.Sunday, 3, 4) < r.To);
    }

    [Fact]
    public void Ranges_FallBackOverlap_CoversTheRepeatedHourInBothPasses()
    {
        // 25 October 2026: 03:00 local goes back to 02:00; 02:30 happens twice (00:30 and 01:30 UTC).
        var first = LocalWeek.Ranges(Oslo, Utc("2026-10-25T00:25:00Z"), Utc("2026-10-25T00:35:00Z"));
        var second = LocalWeek.Ranges(Oslo, Utc("2026-10-25T01:25:00Z"), Utc("2026-10-25T01:35:00Z"));

        var twoThirty = Mow(DayOfWeek.Sunday, 2, 30);
        Assert.Contains(first, r => r.From <= twoThirty && twoThirty < r.To);
        Assert.Contains(second, r => r.From <= twoThirty && twoThirty < r.To);
    }

    [Fact]
    public void Ranges_WeekOrLonger_IsTheWholeWeek() =>
        Assert.Equal([(0, LocalWeek.MinutesPerWeek)], LocalWeek.Ranges(Oslo, Utc("2026-01-01T00:00:00Z"), Utc("2026-01-09T00:00:00Z")));

    [Fact]
    public void Ranges_EmptyWindow_IsEmpty() =>
        Assert.Empty(LocalWeek.Ranges(Oslo, Utc("2026-01-01T00:00:00Z"), Utc("2026-01-01T00:00:00Z")));

    [Fact]
    public void EndMinuteOfWeek_MeetingPastSundayMidnight_WrapsToMonday() =>
        Assert.Equal(10, new BoardMeeting(DayOfWeek.Sunday, new TimeOnly(23, 50), 20).EndMinuteOfWeek);

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
