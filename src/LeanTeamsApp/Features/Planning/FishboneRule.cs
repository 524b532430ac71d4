using System.ComponentModel.DataAnnotations;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Planning;

/// <summary>When a new unit's check-ins say it lags, so a fishbone analysis is planned before its six-month mark.</summary>
public sealed class FishboneOptions
{
    public const string Section = "Fishbone";

    /// <summary>The board meetings looked at: the most recent this many weeks (fewer for a unit that started later).</summary>
    [Range(2, 26)]
    public int LookbackWeeks { get; set; } = 6;

    /// <summary>A unit is judged only after this many weeks of Lean: the first weeks are for learning the board.</summary>
    [Range(1, 20)]
    public int WeeksBeforeJudging { get; set; } = 6;

    /// <summary>Lagging when at least this many of the looked-at board meetings were not held or not reported.</summary>
    [Range(1, 26)]
    public int MissedMeetings { get; set; } = 3;

    /// <summary>Lagging also when not one improvement was done in the looked-at weeks.</summary>
    public bool NoImprovementDoneLags { get; set; } = true;
}

/// <summary>Why a unit lags, for the coordinator's summary; null fields did not apply.</summary>
public sealed record Lagging(string UnitId, int? MissedMeetings, bool NoImprovementDone, DateOnly Deadline);

public static class FishboneRule
{
    /// <summary>
    /// A unit less than six months into Lean whose recent board meetings show it lagging: too many not held or not
    /// reported, or nothing done on improvements. <paramref name="isDayOff"/> excludes holidays from the count;
    /// <paramref name="meetings"/> are the unit's board-meeting dates, newest first, up to today.
    /// </summary>
    public static Lagging? Judge(
        Unit unit,
        DateOnly today,
        IReadOnlyList<DateOnly> meetings,
        IReadOnlyDictionary<DateOnly, CheckIn> checkIns,
        IReadOnlyList<Improvement> improvements,
        Func<DateOnly, bool> isDayOff,
        FishboneOptions options)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(checkIns);
        ArgumentNullException.ThrowIfNull(improvements);
        ArgumentNullException.ThrowIfNull(isDayOff);
        ArgumentNullException.ThrowIfNull(options);
        var deadline = unit.LeanStart.AddMonths(6);
        if (today >= deadline || today < unit.LeanStart.AddDays(7 * options.WeeksBeforeJudging))
        {
            return null;
        }

        var window = meetings.Where(d => d >= unit.LeanStart && d <= today && !isDayOff(d)).Take(options.LookbackWeeks).ToList();
        if (window.Count == 0)
        {
            return null;
        }

        var missed = window.Count(d => !checkIns.TryGetValue(d, out var c) || !c.MeetingHeld);
        var from = window[^1];
        var doneInCheckIns = window.Sum(d => checkIns.TryGetValue(d, out var c) ? c.ImprovementsDone : 0);
        var doneAsRecords = improvements.Count(i => i.History.Any(h =>
            h.To is ImprovementStage.Done or ImprovementStage.BenefitRealised && DateOnly.FromDateTime(h.At.UtcDateTime) >= from));
        var noneDone = options.NoImprovementDoneLags && doneInCheckIns + doneAsRecords == 0;
        var tooManyMissed = missed >= options.MissedMeetings;
        return tooManyMissed || noneDone
            ? new Lagging(unit.Id, tooManyMissed ? missed : null, noneDone, deadline)
            : null;
    }

    /// <summary>The unit's board-meeting dates from <paramref name="latest"/> back, newest first.</summary>
    public static IReadOnlyList<DateOnly> MeetingsBack(DateOnly latest, int weeks) =>
        [.. Enumerable.Range(0, weeks).Select(w => latest.AddDays(-7 * w))];
}
