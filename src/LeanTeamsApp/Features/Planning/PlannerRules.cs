using LeanTeamsApp.Features.Calendar;

namespace LeanTeamsApp.Features.Planning;

/// <summary>
/// The rules a year plan must satisfy. Times are wall-clock times in each unit's own time zone.
/// </summary>
public sealed record PlannerRules
{
    public TimeOnly WorkdayStart { get; init; } = new(8, 30);

    public TimeOnly WorkdayEnd { get; init; } = new(15, 30);

    public int ReviewMinutes { get; init; } = 90;

    public int WalkMinutes { get; init; } = 60;

    public int FishboneMinutes { get; init; } = 90;

    /// <summary>
    /// Least time between two appointments of one person: a leader walks from one unit's workplace to the next.
    /// </summary>
    public int MinimumGapMinutes { get; init; } = 30;

    /// <summary>The planner starts appointments on this grid from <see cref="WorkdayStart"/>; kept ones may be off it.</summary>
    public int SlotMinutes { get; init; } = 30;

    public int MaxWalksPerLeaderPerDay { get; init; } = 2;

    public int MaxWalksPerLeaderPerWeek { get; init; } = 5;

    /// <summary>
    /// Least distance between a unit's H1 and H2 review, and between its Lean start and its first review. "Every six
    /// months" is 26 weeks; 22-30 leaves room for Easter, the summer weeks and Christmas without drifting a season.
    /// </summary>
    public int MinWeeksBetweenReviews { get; init; } = 22;

    public int MaxWeeksBetweenReviews { get; init; } = 30;

    /// <summary>
    /// A fishbone analysis is planned from this many days after today, so that people can prepare, unless its
    /// deadline is nearer; then as soon as possible.
    /// </summary>
    public int FishboneNoticeDays { get; init; } = 7;

    /// <summary>
    /// The organisation's blackout periods, applied to every unit. Null means the common ones for each unit's
    /// country: the summer holiday weeks and the Christmas weeks (see <see cref="BlackoutsFor"/>).
    /// </summary>
    public IReadOnlyList<BlackoutPeriod>? BlackoutPeriods { get; init; }

    public IReadOnlyList<BlackoutPeriod> BlackoutsFor(Country country, int year) =>
        BlackoutPeriods ?? [BlackoutPeriod.ChristmasWeek(year - 1), BlackoutPeriod.CommonSummerHoliday(country, year), BlackoutPeriod.ChristmasWeek(year)];

    public int MinutesOf(AppointmentKind kind) => kind switch
    {
        AppointmentKind.SemiAnnualReview => ReviewMinutes,
        AppointmentKind.GembaWalk => WalkMinutes,
        AppointmentKind.FishboneAnalysis => FishboneMinutes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// "Spread evenly", made measurable: in no ISO week may a leader walk more than the average over the year's
    /// working weeks, rounded up, plus one. A leader with 15 units (30 walks) over 48 working weeks walks at most
    /// twice in any week. <paramref name="walks"/> is the walks due in the year for the leader's units;
    /// <paramref name="workingWeeks"/> the ISO weeks of the year with at least one working day for one of them.
    /// </summary>
    public static int SpreadLimit(int walks, int workingWeeks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(walks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workingWeeks);
        return ((walks + workingWeeks - 1) / workingWeeks) + 1;
    }

    /// <summary>Throws when the rules cannot describe any plan; a configuration error, not a planning outcome.</summary>
    public void EnsureValid()
    {
        if (WorkdayEnd <= WorkdayStart)
        {
            throw new ArgumentException("The working day must end after it starts.", nameof(WorkdayEnd));
        }

        foreach (var kind in Enum.GetValues<AppointmentKind>())
        {
            var minutes = MinutesOf(kind);
            if (minutes <= 0 || WorkdayStart.AddMinutes(minutes) > WorkdayEnd || WorkdayStart.AddMinutes(minutes) < WorkdayStart)
            {
                throw new ArgumentException($"A {kind} of {minutes} minutes does not fit in the working day.", nameof(PlannerRules));
            }
        }

        if (SlotMinutes <= 0 || MinimumGapMinutes < 0 || MaxWalksPerLeaderPerDay < 1 || MaxWalksPerLeaderPerWeek < 1 || FishboneNoticeDays < 0)
        {
            throw new ArgumentException("Slot length and walk limits must be positive, the gap and notice not negative.", nameof(PlannerRules));
        }

        if (MinWeeksBetweenReviews < 1 || MaxWeeksBetweenReviews < MinWeeksBetweenReviews)
        {
            throw new ArgumentException("The review spacing must be a non-empty range of weeks.", nameof(PlannerRules));
        }
    }
}
