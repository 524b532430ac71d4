using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;

namespace LeanTeamsApp.UnitTests.Planning;

public sealed class FishboneRuleTests
{
    private static readonly DateOnly LeanStart = new(2026, 8, 17);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Unit Unit = new("fjordtun", "Fjordtun", "helse", "leder@k.no", [], "Europe/Oslo",
        new BoardMeeting(DayOfWeek.Monday, new TimeOnly(8, 30), 15), LeanStart, null, null);

    private static readonly IReadOnlyList<DateOnly> Meetings = FishboneRule.MeetingsBack(Today, 10);

    [Fact]
    public void Judge_EveryMeetingHeldAndImprovementsDone_DoesNotLag()
    {
        var checkIns = Meetings.ToDictionary(d => d, d => CheckIn(d, held: true, done: 1));

        Assert.Null(FishboneRule.Judge(Unit, Today, Meetings, checkIns, [], _ => false, new FishboneOptions()));
    }

    [Fact]
    public void Judge_ThreeOfSixMeetingsNotReported_LagsWithTheCountAndTheSixMonthDeadline()
    {
        var checkIns = Meetings.Take(6).Where((_, i) => i % 2 == 0).ToDictionary(d => d, d => CheckIn(d, held: true, done: 1));

        var lagging = FishboneRule.Judge(Unit, Today, Meetings, checkIns, [], _ => false, new FishboneOptions());

        Assert.Equal(new Lagging("fjordtun", 3, false, new DateOnly(2027, 2, 17)), lagging);
    }

    [Fact]
    public void Judge_MeetingsHeldButNothingDone_LagsUnlessThatRuleIsOff()
    {
        var checkIns = Meetings.ToDictionary(d => d, d => CheckIn(d, held: true, done: 0));

        Assert.Equal(new Lagging("fjordtun", null, true, new DateOnly(2027, 2, 17)), FishboneRule.Judge(Unit, Today, Meetings, checkIns, [], _ => false, new FishboneOptions()));
        Assert.Null(FishboneRule.Judge(Unit, Today, Meetings, checkIns, [], _ => false, new FishboneOptions { NoImprovementDoneLags = false }));
    }

    [Fact]
    public void Judge_AnImprovementRecordMovedToDoneInTheWindow_CountsAsProgress()
    {
        var checkIns = Meetings.ToDictionary(d => d, d => CheckIn(d, held: true, done: 0));
        var improvement = new Improvement("fjordtun", "a1", "Sjekkliste", "Hilde", ImprovementStage.Done, RecordSource.Command, new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero))
        {
            History = [new StageChange(ImprovementStage.Done, "Hilde", new DateTimeOffset(2026, 11, 10, 8, 0, 0, TimeSpan.Zero))],
        };

        Assert.Null(FishboneRule.Judge(Unit, Today, Meetings, checkIns, [improvement], _ => false, new FishboneOptions()));
    }

    [Fact]
    public void Judge_HolidaysAreNotMissedMeetings()
    {
        var checkIns = Meetings.Skip(3).ToDictionary(d => d, d => CheckIn(d, held: true, done: 1));

        Assert.NotNull(FishboneRule.Judge(Unit, Today, Meetings, checkIns, [], _ => false, new FishboneOptions()));
        Assert.Null(FishboneRule.Judge(Unit, Today, Meetings, checkIns, [], d => d > Today.AddDays(-21), new FishboneOptions()));
    }

    [Theory]
    [InlineData("2026-09-14")]
    [InlineData("2027-02-17")]
    [InlineData("2027-03-01")]
    public void Judge_TooEarlyToJudgeOrPastTheSixMonthMark_IsNeverDue(string today)
    {
        var date = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Null(FishboneRule.Judge(Unit, date, FishboneRule.MeetingsBack(date, 10), new Dictionary<DateOnly, CheckIn>(), [], _ => false, new FishboneOptions()));
    }

    private static CheckIn CheckIn(DateOnly date, bool held, int done) =>
        new("fjordtun", date, held, held ? null : NotHeldReason.TooBusy, held ? 5 : null, 0, 0, done, [], [], null, null, "Hilde", DateTimeOffset.UnixEpoch);
}
