namespace LeanTeamsApp.Features.Planning;

/// <summary>
/// Everything a plan depends on. The request describes the whole desired state: an existing future appointment
/// whose unit is gone, or whose fishbone analysis is no longer due, is cancelled.
/// </summary>
/// <param name="Year">Reviews and walks are planned for H1 (January-June) and H2 (July-December) of this year.</param>
/// <param name="Today">
/// In each unit's own time zone. Nothing is planned on or before it; existing appointments on or before it are kept
/// as they are, valid or not, because they have happened.
/// </param>
public sealed record PlanRequest(int Year, DateOnly Today, IReadOnlyList<PlanningUnit> Units)
{
    public PlannerRules Rules { get; init; } = new();

    /// <summary>The previous plan. Every appointment in it that is still valid is kept where it is.</summary>
    public IReadOnlyList<PlannedAppointment> Existing { get; init; } = [];

    /// <summary>Units that lag and need a fishbone analysis before their deadline (decided elsewhere).</summary>
    public IReadOnlyList<FishboneDue> FishboneDue { get; init; } = [];
}

/// <summary>A fishbone analysis to hold after today and before <paramref name="Deadline"/> (that day excluded).</summary>
public sealed record FishboneDue(string UnitId, DateOnly Deadline)
{
    /// <summary>The seeds' rule: at most six months after the unit's Lean introduction.</summary>
    public static FishboneDue SixMonthsAfter(string unitId, DateOnly leanStart) => new(unitId, leanStart.AddMonths(6));
}
