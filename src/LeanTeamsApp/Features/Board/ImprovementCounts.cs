using LeanTeamsApp.Features.Calendar;

namespace LeanTeamsApp.Features.Board;

/// <summary>A unit's improvements in one week: new in it, in progress at its end, and done in it.</summary>
public sealed record WeekCounts(int New, int InProgress, int Done)
{
    public static readonly WeekCounts None = new(0, 0, 0);
}

/// <summary>A unit's open improvements now, by stage: what its board shows.</summary>
public sealed record OpenCounts(int Suggested, int InProgress, int Done)
{
    public static OpenCounts Of(IEnumerable<Improvement> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = records.ToList();
        return new(list.Count(i => i.Stage == ImprovementStage.Suggested), list.Count(i => i.Stage == ImprovementStage.InProgress), list.Count(i => i.Stage == ImprovementStage.Done));
    }
}

/// <summary>
/// The one way improvements are counted, from their records, for the digest, the report, the tab and the check-in
/// cards alike: new in a week is created in it, done in a week is moved to done in it, in progress is in that stage
/// at the week's end. A record from a check-in, and a move made on one, count in that meeting's week; anything else
/// in the week of its time in the unit's own time zone.
/// </summary>
public static class ImprovementCounts
{
    public static WeekCounts InWeek(IEnumerable<Improvement> records, IsoWeek week, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(zone);
        var list = records.ToList();
        return new WeekCounts(
            list.Count(i => WeekCreated(i, zone) == week),
            list.Count(i => StageAtEndOf(i, week, zone) == ImprovementStage.InProgress),
            list.Count(i => i.History.Any(h => h.To == ImprovementStage.Done && WeekOf(h, zone) == week)));
    }

    public static IsoWeek WeekCreated(Improvement improvement, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(improvement);
        return improvement.MeetingDate is { } meeting ? IsoWeek.Of(meeting) : IsoWeek.Of(LocalDate(improvement.CreatedAt, zone));
    }

    public static IsoWeek WeekOf(StageChange change, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.MeetingDate is { } meeting ? IsoWeek.Of(meeting) : IsoWeek.Of(LocalDate(change.At, zone));
    }

    /// <summary>
    /// Where the improvement stood at the end of <paramref name="week"/>; null when it did not exist yet. Every record
    /// starts as a suggestion, so before its first move it is one.
    /// </summary>
    public static ImprovementStage? StageAtEndOf(Improvement improvement, IsoWeek week, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(improvement);
        if (WeekCreated(improvement, zone) > week)
        {
            return null;
        }

        if (improvement.History.Count == 0)
        {
            return improvement.Stage;
        }

        return improvement.History.LastOrDefault(h => WeekOf(h, zone) <= week)?.To ?? ImprovementStage.Suggested;
    }

    private static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
