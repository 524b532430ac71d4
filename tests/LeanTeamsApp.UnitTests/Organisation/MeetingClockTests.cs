using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.UnitTests.Organisation;

public sealed class MeetingClockTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    private static readonly BoardMeeting Thursday0930 = new(DayOfWeek.Thursday, new TimeOnly(9, 30), 15);
    private static readonly BoardMeeting Friday0915 = new(DayOfWeek.Friday, new TimeOnly(9, 15), 15);
    private static readonly BoardMeeting Monday0800 = new(DayOfWeek.Monday, new TimeOnly(8, 0), 15);

    private static readonly Unit Byggesak = new("byggesak", "Byggesak", "samfunn", "leder@x.no", [], "Europe/Oslo", Thursday0930, new DateOnly(2023, 4, 11), null, null);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(2026, month, day, hour, minute, 0);
        return new DateTimeOffset(local, Oslo.GetUtcOffset(local));
    }

    private static IsoWeek Week(int month, int day) => IsoWeek.Of(new DateOnly(2026, month, day));

    [Fact]
    public void Reschedule_BeforeThisWeeksMeetingAndTheNewTime_TakesEffectThisWeek()
    {
        var (unit, first) = MeetingClock.Reschedule(Byggesak, Friday0915, At(11, 9, 10));

        Assert.Equal(new DateOnly(2026, 11, 13), first);
        Assert.Equal(new DateOnly(2026, 11, 5), MeetingClock.DateIn(unit, Week(11, 5)));
        Assert.Equal(new DateOnly(2026, 11, 13), MeetingClock.DateIn(unit, Week(11, 13)));
        Assert.Equal([new EarlierMeeting(Week(11, 9), Thursday0930)], unit.EarlierMeetings);
    }

    [Fact]
    public void Reschedule_AfterThisWeeksMeetingBegan_TakesEffectNextWeek()
    {
        var (unit, first) = MeetingClock.Reschedule(Byggesak, Friday0915, At(11, 12, 9, 31));

        Assert.Equal(new DateOnly(2026, 11, 20), first);
        Assert.Equal(new DateOnly(2026, 11, 12), MeetingClock.DateIn(unit, Week(11, 12)));
        Assert.Equal(new DateOnly(2026, 11, 12), MeetingClock.Latest(unit, At(11, 13, 12)));
    }

    [Fact]
    public void Reschedule_ToADayAlreadyPastThisWeek_KeepsThisWeeksMeetingAndMovesFromNextWeek()
    {
        var (unit, first) = MeetingClock.Reschedule(Byggesak, Monday0800, At(11, 10, 12));

        Assert.Equal(new DateOnly(2026, 11, 16), first);
        Assert.Equal(new DateOnly(2026, 11, 12), MeetingClock.DateIn(unit, Week(11, 12)));
    }

    [Fact]
    public void Reschedule_BackBeforeThePendingChangeTookEffect_LeavesNoTrace()
    {
        var (pending, _) = MeetingClock.Reschedule(Byggesak, Monday0800, At(11, 12, 12));

        var (back, _) = MeetingClock.Reschedule(pending, Thursday0930, At(11, 13, 12));

        Assert.Equal(Thursday0930, back.BoardMeeting);
        Assert.Empty(back.EarlierMeetings);
    }

    [Fact]
    public void Reschedule_TwiceOverThreeWeeks_KeepsEachWeekOnTheTimeInForceThen()
    {
        var (friday, _) = MeetingClock.Reschedule(Byggesak, Friday0915, At(11, 9, 10));
        var (thursday, first) = MeetingClock.Reschedule(friday, Thursday0930, At(11, 13, 9, 40));

        Assert.Equal(new DateOnly(2026, 11, 19), first);
        Assert.Equal(
            [new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 13), new DateOnly(2026, 11, 5), new DateOnly(2026, 10, 29)],
            MeetingClock.Back(thursday, MeetingClock.Latest(thursday, At(11, 20, 12)), 4));
        Assert.False(MeetingClock.IsMeetingDate(thursday, new DateOnly(2026, 11, 12)));
    }

    [Fact]
    public void EndingBetween_PendingChange_FindsOnlyTheMeetingDueThatWeek()
    {
        var (unit, _) = MeetingClock.Reschedule(Byggesak, Friday0915, At(11, 9, 10));

        var ending = MeetingClock.EndingBetween(unit, At(11, 9, 0), At(11, 16, 0)).ToList();

        Assert.Equal([new DateOnly(2026, 11, 13)], ending);
    }

    [Fact]
    public void Start_InTheSpringForwardGap_IsWhenTheClocksHaveJumped()
    {
        var sunday = new Unit("u", "U", "a", "l@x.no", [], "Europe/Oslo", new BoardMeeting(DayOfWeek.Sunday, new TimeOnly(2, 30), 15), new DateOnly(2020, 1, 1), null, null);

        var start = MeetingClock.Start(sunday, new DateOnly(2026, 3, 29));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), start.ToUniversalTime());
    }

    [Fact]
    public void Latest_BeforeThisWeeksMeetingStarts_IsLastWeeks()
    {
        Assert.Equal(new DateOnly(2026, 11, 5), MeetingClock.Latest(Byggesak, At(11, 12, 9, 29)));
        Assert.Equal(new DateOnly(2026, 11, 12), MeetingClock.Latest(Byggesak, At(11, 12, 9, 30)));
    }
}
