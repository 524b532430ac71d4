using LeanTeamsApp.Features.Improvements;
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

public enum BenefitKind
{
    TimeSaved,
    Money,
    Quality,
    LeadTime,
    CapacityFreed,
    UserSatisfaction,
}

public enum BenefitMeasure
{
    Hours,
    Nok,
    Sek,
    DaysOfLeadTime,
    PlacesFreed,
}

/// <summary>A benefit the unit realised this week, and which other units it affects (a gain here may be work there).</summary>
public sealed record BenefitEntry(BenefitKind Kind, decimal Amount, BenefitMeasure Measure, IReadOnlyList<string> AffectsUnitIds);

/// <summary>An open improvement the board moved on the check-in card, to the stage it chose.</summary>
public sealed record ImprovementMove(string ImprovementId, string Title, ImprovementStage To);

/// <summary>
/// The unit's status after one board meeting. One per unit per meeting; corrections keep an audit trail.
/// <see cref="ImprovementsNew"/>, <see cref="ImprovementsInProgress"/> and <see cref="ImprovementsDone"/> are the
/// figures boards typed before improvements were counted from their records; the card no longer asks for them, so
/// check-ins given since hold 0 there, and old ones still read back with what was typed (see
/// <see cref="ImprovementCounts.WithTypedFigures"/> for how those weeks are counted).
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

    public string? ETag { get; init; }

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
        && Benefits.Count == other.Benefits.Count
        && Benefits.Zip(other.Benefits).All(p => p.First.Kind == p.Second.Kind && p.First.Amount == p.Second.Amount
            && p.First.Measure == p.Second.Measure && p.First.AffectsUnitIds.SequenceEqual(p.Second.AffectsUnitIds));
}
