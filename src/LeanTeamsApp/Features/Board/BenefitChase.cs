namespace LeanTeamsApp.Features.Board;

/// <summary>An improvement done and still waiting for its benefit to be recorded, and the day it was done.</summary>
public sealed record AwaitingBenefit(string ImprovementId, string Title, DateOnly DoneOn);

/// <summary>
/// The chase: every improvement is to end with its benefit realised, so one done with no realised benefit for the
/// organisation's number of weeks is named on the unit's check-in card and in the digest until it is recorded.
/// </summary>
public static class BenefitChase
{
    /// <summary>The improvements at "done" (realising the benefit moves them on), with the day they got there.</summary>
    public static IReadOnlyList<AwaitingBenefit> Awaiting(IEnumerable<Improvement> improvements, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(improvements);
        return [.. improvements.Where(i => i.Stage == ImprovementStage.Done)
            .Select(i => new AwaitingBenefit(i.Id, i.Title, DoneOn(i, zone)))
            .OrderBy(a => a.DoneOn).ThenBy(a => a.Title, StringComparer.Ordinal)];
    }

    /// <summary>Those done at least <paramref name="weeks"/> weeks before <paramref name="today"/>.</summary>
    public static IReadOnlyList<AwaitingBenefit> Due(IEnumerable<AwaitingBenefit> awaiting, DateOnly today, int weeks)
    {
        ArgumentNullException.ThrowIfNull(awaiting);
        return [.. awaiting.Where(a => a.DoneOn.AddDays(7 * weeks) <= today)];
    }

    /// <summary>The meeting whose check-in finished it, or the day it was moved; its creation when no move is recorded.</summary>
    private static DateOnly DoneOn(Improvement improvement, TimeZoneInfo zone)
    {
        var done = improvement.History.LastOrDefault(h => h.To == ImprovementStage.Done);
        return done?.MeetingDate ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(done?.At ?? improvement.CreatedAt, zone).DateTime);
    }
}
