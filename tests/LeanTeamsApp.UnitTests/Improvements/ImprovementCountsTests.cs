using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.CheckIns;

namespace LeanTeamsApp.UnitTests.Improvements;

public sealed class ImprovementCountsTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    private static readonly IsoWeek Week46 = new(2026, 46);
    private static readonly IsoWeek Week47 = new(2026, 47);

    // Monday 9 November 2026 (week 46) and Thursday 19 November (week 47), at 10:00 in Oslo.
    private static readonly DateTimeOffset Monday46 = new(2026, 11, 9, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Meeting47 = new(2026, 11, 19);

    private static Improvement Made(string id, DateTimeOffset at, params StageChange[] history) =>
        new("bygg", id, id, "Randi Lie", history.Length == 0 ? ImprovementStage.Suggested : history[^1].To, RecordSource.Command, at) { History = history };

    [Fact]
    public void InWeek_CreatedMovedAndDone_CountsEachInItsOwnWeek()
    {
        var records = new[]
        {
            Made("a", Monday46, new StageChange(ImprovementStage.InProgress, "x", Monday46.AddHours(1))),
            Made("b", Monday46, new StageChange(ImprovementStage.InProgress, "x", Monday46.AddHours(1)), new StageChange(ImprovementStage.Done, "x", Monday46.AddDays(8))),
            Made("c", Monday46.AddDays(7)),
        };

        Assert.Equal(new WeekCounts(2, 2, 0), ImprovementCounts.InWeek(records, Week46, Oslo));
        Assert.Equal(new WeekCounts(1, 1, 1), ImprovementCounts.InWeek(records, Week47, Oslo));
    }

    [Fact]
    public void InWeek_MovedOnALateCheckIn_CountsInTheMeetingsWeek()
    {
        // Sent on Monday of week 48 for the meeting of week 47: the move belongs to that meeting.
        var late = new StageChange(ImprovementStage.Done, "Randi Lie", Monday46.AddDays(14)) { MeetingDate = Meeting47 };
        var record = Made("a", Monday46, new StageChange(ImprovementStage.InProgress, "x", Monday46), late);

        Assert.Equal(1, ImprovementCounts.InWeek([record], Week47, Oslo).Done);
        Assert.Equal(0, ImprovementCounts.InWeek([record], new IsoWeek(2026, 48), Oslo).Done);
    }

    [Fact]
    public void InWeek_MadeOnACheckIn_IsNewInItsMeetingsWeekWhenEverItWasStored()
    {
        var record = Made("a", Monday46.AddDays(14)) with { MeetingDate = Meeting47, Source = RecordSource.CheckIn };

        Assert.Equal(1, ImprovementCounts.InWeek([record], Week47, Oslo).New);
    }

    [Fact]
    public void InWeek_JustAfterMidnightInOslo_CountsInTheUnitsWeekNotUtcs()
    {
        // 23:30 UTC on Sunday 15 November (week 46) is 00:30 on Monday 16 November in Oslo (week 47).
        var record = Made("a", new DateTimeOffset(2026, 11, 15, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal((0, 1), (ImprovementCounts.InWeek([record], Week46, Oslo).New, ImprovementCounts.InWeek([record], Week47, Oslo).New));
    }

    [Theory]
    [InlineData(0, 0, 0, 0, 3, 1, 0, 3, 1)]
    [InlineData(2, 1, 0, 1, 3, 1, 2, 1, 1)]
    [InlineData(2, 0, 1, 5, 3, 4, 2, 3, 1)]
    public void WithTypedFigures_CheckInFromBeforeTheChange_KeepsATypedFigureWhereTheRecordsShowNothing(
        int recordNew, int recordInProgress, int recordDone, int typedNew, int typedInProgress, int typedDone, int expectedNew, int expectedInProgress, int expectedDone)
    {
        var checkIn = new CheckIn("bygg", Meeting47, true, null, 5, typedNew, typedInProgress, typedDone, [], [], null, null, "Randi Lie", Monday46);

        var counted = CheckIn.WithTypedFigures(new WeekCounts(recordNew, recordInProgress, recordDone), checkIn);

        Assert.Equal(new WeekCounts(expectedNew, expectedInProgress, expectedDone), counted);
    }

    [Fact]
    public void WithTypedFigures_NoCheckIn_IsTheRecords()
    {
        Assert.Equal(new WeekCounts(1, 2, 3), CheckIn.WithTypedFigures(new WeekCounts(1, 2, 3), null));
    }

    [Theory]
    [InlineData(ImprovementStage.Suggested, ImprovementStage.InProgress, new[] { ImprovementStage.InProgress })]
    [InlineData(ImprovementStage.Suggested, ImprovementStage.Done, new[] { ImprovementStage.InProgress, ImprovementStage.Done })]
    [InlineData(ImprovementStage.InProgress, ImprovementStage.Rejected, new[] { ImprovementStage.Rejected })]
    [InlineData(ImprovementStage.Done, ImprovementStage.Done, new ImprovementStage[0])]
    public void PathTo_StagesOneMeetingCanReach_AreStepsTheLifecycleAllows(ImprovementStage from, ImprovementStage to, ImprovementStage[] path)
    {
        var steps = Improvement.PathTo(from, to);

        Assert.Equal(path, steps);
        Assert.All(steps!.Prepend(from).Zip(steps!), p => Assert.True(Improvement.CanMove(p.First, p.Second)));
    }

    [Theory]
    [InlineData(ImprovementStage.InProgress, ImprovementStage.Suggested)]
    [InlineData(ImprovementStage.Done, ImprovementStage.BenefitRealised)]
    [InlineData(ImprovementStage.Done, ImprovementStage.InProgress)]
    public void PathTo_BackwardsOrRealisingABenefit_IsNoPath(ImprovementStage from, ImprovementStage to)
    {
        Assert.Null(Improvement.PathTo(from, to));
    }
}
