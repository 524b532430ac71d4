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

    /// <summary>
    /// The previous and the next year's plans, as stored (cancelled ones left out). Not changed by this plan, but their
    /// people are busy then, and a unit's reviews in them bound this year's: its first review comes 22-30 weeks after
    /// the previous year's H2 review, its last 22-30 weeks before the next year's H1 review
    /// (<see cref="PlannerRules.MinWeeksBetweenReviews"/>, <see cref="PlannerRules.MaxWeeksBetweenReviews"/>).
    /// </summary>
    public IReadOnlyList<PlannedAppointment> Neighbours { get; init; } = [];

    /// <summary>Ids of appointments cancelled by hand: due, but not planned again.</summary>
    public IReadOnlyCollection<string> Withdrawn { get; init; } = [];

    /// <summary>Owners given by hand, by appointment id: they lead the appointment instead of the service-area leader.</summary>
    public IReadOnlyDictionary<string, string> Owners { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>A fishbone analysis to hold after today and before <paramref name="Deadline"/> (that day excluded).</summary>
public sealed record FishboneDue(string UnitId, DateOnly Deadline)
{
    /// <summary>The seeds' rule: at most six months after the unit's Lean introduction.</summary>
    public static FishboneDue SixMonthsAfter(string unitId, DateOnly leanStart) => new(unitId, leanStart.AddMonths(6));
}
