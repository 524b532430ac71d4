using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.CheckIns;

public enum NotHeldReason
{
    LeaderAbsent,
    TooBusy,
    HolidayOrClosure,
    TooFewPresent,
    Other,
}

public enum GoalStatus
{
    Green,
    Yellow,
    Red,
}

/// <summary>
/// A benefit the unit realised this week, and which other units it affects (a gain here may be work there). When it is
/// the benefit of one of the unit's improvements, <see cref="ImprovementId"/> names it: the figure is then that
/// improvement's realised benefit, one record, so it is counted once however it was reported.
/// </summary>
public sealed record BenefitEntry(BenefitKind Kind, decimal Amount, BenefitMeasure Measure, IReadOnlyList<string> AffectsUnitIds)
{
    public string? ImprovementId { get; init; }
}

/// <summary>An open improvement the board moved on the check-in card, to the stage it chose.</summary>
public sealed record ImprovementMove(string ImprovementId, string Title, ImprovementStage To);

/// <summary>
/// The unit's status after one board meeting. One per unit per meeting; corrections keep an audit trail.
/// <see cref="ImprovementsNew"/>, <see cref="ImprovementsInProgress"/> and <see cref="ImprovementsDone"/> are the
/// figures boards typed before improvements were counted from their records; the card no longer asks for them, so
/// check-ins given since hold 0 there, and old ones still read back with what was typed (see
/// <see cref="WithTypedFigures"/> for how those weeks are counted).
/// </summary>
public sealed record CheckIn(
    string UnitId,
    DateOnly MeetingDate,
    bool MeetingHeld,
    NotHeldReason? NotHeldReason,
    int? Attendance,
    int ImprovementsNew,
    int ImprovementsInProgress,
    int ImprovementsDone,
    IReadOnlyList<string> NewDeviations,
    IReadOnlyList<BenefitEntry> Benefits,
    string? HelpNeeded,
    string? Note,
    string SubmittedBy,
    DateTimeOffset SubmittedAt)
{
    public int Revision { get; init; } = 1;

    /// <summary>The new improvements by title, one per line on the card; each becomes an improvement record.</summary>
    public IReadOnlyList<string> NewImprovements { get; init; } = [];

    /// <summary>The open improvements the board moved on the card; each moves its record, counted in this meeting's week.</summary>
    public IReadOnlyList<ImprovementMove> ImprovementMoves { get; init; } = [];

    /// <summary>Status per unit goal, by the goal's name as the board shows it.</summary>
    public IReadOnlyDictionary<string, GoalStatus> GoalStatuses { get; init; } = new Dictionary<string, GoalStatus>();

    /// <summary>
    /// The value each measured goal's indicator had at this meeting, by the goal's name; a goal the board did not measure
    /// this week is absent. A correction replaces the week's values, so each week has one value per indicator.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> IndicatorValues { get; init; } = new Dictionary<string, decimal>();

    public string? ETag { get; init; }

    /// <summary>
    /// The figures of a week whose check-in was given before improvements were counted from records: that check-in
    /// carries the numbers the board typed, and a week keeps a typed figure where its records show nothing (the records
    /// of that time were not kept up). Check-ins given since type no numbers, so for them this is the records' count.
    /// </summary>
    public static WeekCounts WithTypedFigures(WeekCounts fromRecords, CheckIn? checkIn)
    {
        ArgumentNullException.ThrowIfNull(fromRecords);
        return checkIn is null ? fromRecords : new WeekCounts(
            fromRecords.New > 0 ? fromRecords.New : checkIn.ImprovementsNew,
            fromRecords.InProgress > 0 ? fromRecords.InProgress : checkIn.ImprovementsInProgress,
            fromRecords.Done > 0 ? fromRecords.Done : checkIn.ImprovementsDone);
    }

    /// <summary>The same answers, whoever sent them and whenever: what makes a repeated submit a no-op.</summary>
    public bool SameAnswersAs(CheckIn other) =>
        other is not null
        && (UnitId, MeetingDate, MeetingHeld, NotHeldReason, Attendance, ImprovementsNew, ImprovementsInProgress, ImprovementsDone, HelpNeeded, Note)
            == (other.UnitId, other.MeetingDate, other.MeetingHeld, other.NotHeldReason, other.Attendance, other.ImprovementsNew, other.ImprovementsInProgress, other.ImprovementsDone, other.HelpNeeded, other.Note)
        && NewDeviations.SequenceEqual(other.NewDeviations)
        && NewImprovements.SequenceEqual(other.NewImprovements)
        && ImprovementMoves.SequenceEqual(other.ImprovementMoves)
        && GoalStatuses.Count == other.GoalStatuses.Count
        && GoalStatuses.All(g => other.GoalStatuses.TryGetValue(g.Key, out var status) && status == g.Value)
        && IndicatorValues.Count == other.IndicatorValues.Count
        && IndicatorValues.All(v => other.IndicatorValues.TryGetValue(v.Key, out var value) && value == v.Value)
        && Benefits.Count == other.Benefits.Count
        && Benefits.Zip(other.Benefits).All(p => p.First.Kind == p.Second.Kind && p.First.Amount == p.Second.Amount
            && p.First.Measure == p.Second.Measure && p.First.AffectsUnitIds.SequenceEqual(p.Second.AffectsUnitIds) && p.First.ImprovementId == p.Second.ImprovementId);
}
