using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Features.Weeks;

namespace LeanTeamsApp.Features.Digest;

/// <summary>One unit's line in the digest.</summary>
public sealed record UnitDigest(Unit Unit)
{
    /// <summary>Whether the unit had a board meeting this week that should have happened by now (not a day off).</summary>
    public bool Expected { get; init; }

    public bool Held { get; init; }

    public bool Reported { get; init; }

    /// <summary>Meetings held of those expected over the last four weeks, this one included.</summary>
    public int HeldInFourWeeks { get; init; }

    public int ExpectedInFourWeeks { get; init; }

    public int ImprovementsNew { get; init; }

    public int ImprovementsDone { get; init; }

    public int Deviations { get; init; }

    public int RedGoals { get; init; }

    public string? HelpNeeded { get; init; }

    public IReadOnlyList<BenefitSum> Benefits { get; init; } = [];

    /// <summary>Benefit figures of the unit this year left out of every sum as out of bounds, to be corrected in the tab.</summary>
    public int BenefitsLeftOut { get; init; }

    /// <summary>The unit's improvements done long enough ago with no benefit recorded (<see cref="BenefitChase"/>).</summary>
    public IReadOnlyList<AwaitingBenefit> BenefitsToRecord { get; init; } = [];

    /// <summary>Not held or not reported in each of the last three expected weeks.</summary>
    public bool AtRisk { get; init; }

    public bool Missing => Expected && !Reported;

    /// <summary>How much the coordinator should look at this unit first: risk, then a call for help, then a gap.</summary>
    public int Attention => (AtRisk ? 8 : 0) + (HelpNeeded is not null ? 4 : 0) + (Missing ? 2 : 0) + (RedGoals > 0 ? 1 : 0);
}

/// <summary>A benefit in one unit that its board said affects others: possibly work moved rather than saved.</summary>
public sealed record SiloWarning(Unit Unit, BenefitSum Benefit, IReadOnlyList<Unit> Affected);

public sealed record AreaDigest(ServiceArea Area, IReadOnlyList<UnitDigest> Units)
{
    public int Attention => Units.Sum(u => u.Attention);
}

/// <summary>The state of Lean work across units for one ISO week, as the improvement forum reads it.</summary>
public sealed record WeeklyDigest(IsoWeek Week, IReadOnlyList<AreaDigest> Areas)
{
    /// <summary>How far ahead <see cref="Upcoming"/> looks.</summary>
    public const int UpcomingDays = 14;

    public IReadOnlyList<BenefitSum> BenefitsThisWeek { get; init; } = [];

    public IReadOnlyList<BenefitSum> BenefitsThisYear { get; init; } = [];

    /// <summary>Benefits identified this week, counted from the records on the day each estimate was made.</summary>
    public IReadOnlyList<StageSum> IdentifiedThisWeek { get; init; } = [];

    /// <summary>Benefits identified from 1 January to the end of this week.</summary>
    public IReadOnlyList<StageSum> IdentifiedThisYear { get; init; } = [];

    /// <summary>Benefits planned to be realised this year, by the date each plan names.</summary>
    public IReadOnlyList<StageSum> PlannedThisYear { get; init; } = [];

    public IReadOnlyList<SiloWarning> Silos { get; init; } = [];

    /// <summary>Reviews, walks and fishbone analyses in the next two weeks.</summary>
    public IReadOnlyList<Appointment> Upcoming { get; init; } = [];

    /// <summary>Appointments whose time has passed and that nobody has recorded.</summary>
    public IReadOnlyList<Appointment> Overdue { get; init; } = [];

    public int OverdueFollowUps { get; init; }

    public IEnumerable<UnitDigest> Units => Areas.SelectMany(a => a.Units);

    /// <summary>
    /// Computes the digest from aggregates: this week and the three before from <paramref name="weeks"/>, the year's
    /// totals from <paramref name="years"/>. Reads nothing else, so its cost follows the number of units, not history.
    /// </summary>
    public static WeeklyDigest Compute(
        IsoWeek week,
        DateTimeOffset now,
        IReadOnlyList<ServiceArea> areas,
        IReadOnlyList<Unit> units,
        IReadOnlyList<UnitWeek> weeks,
        IReadOnlyList<UnitYear> years,
        IReadOnlyList<Appointment> appointments,
        int overdueFollowUps,
        Func<Unit, DateOnly, bool> isDayOff,
        IReadOnlyDictionary<string, IReadOnlyList<AwaitingBenefit>>? benefitsToRecord = null)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(weeks);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(appointments);
        ArgumentNullException.ThrowIfNull(isDayOff);
        var byUnitWeek = weeks.ToDictionary(w => (w.UnitId, w.Week));
        var lastFour = new[] { week, week.Previous, week.Previous.Previous, week.Previous.Previous.Previous };
        var byId = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var yearOf = years.Where(y => y.Year == week.Year).ToDictionary(y => y.UnitId, StringComparer.Ordinal);

        UnitDigest Digest(Unit unit)
        {
            // The weeks in which the unit's meeting had ended by now and was not a day off: those it is counted on.
            var expected = lastFour.Where(w => MeetingClock.End(unit, MeetingClock.DateIn(unit, w)) <= now && !isDayOff(unit, MeetingClock.DateIn(unit, w))).ToList();
            bool HeldIn(IsoWeek w) => byUnitWeek.TryGetValue((unit.Id, w), out var uw) && uw.Held;
            var current = byUnitWeek.GetValueOrDefault((unit.Id, week));
            var lastThree = expected.Take(3).ToList();
            return new UnitDigest(unit)
            {
                Expected = expected.Contains(week),
                Held = current?.Held ?? false,
                Reported = current?.Reported ?? false,
                HeldInFourWeeks = expected.Count(HeldIn),
                ExpectedInFourWeeks = expected.Count,
                ImprovementsNew = current?.ImprovementsNew ?? 0,
                ImprovementsDone = current?.ImprovementsDone ?? 0,
                Deviations = current?.Deviations ?? 0,
                RedGoals = current?.RedGoals ?? 0,
                HelpNeeded = current?.HelpNeeded,
                Benefits = current?.Benefits ?? [],
                BenefitsLeftOut = Math.Max(current?.BenefitsLeftOut ?? 0, yearOf.GetValueOrDefault(unit.Id)?.BenefitsLeftOut ?? 0),
                AtRisk = lastThree.Count == 3 && !lastThree.Any(HeldIn),
                BenefitsToRecord = benefitsToRecord?.GetValueOrDefault(unit.Id) ?? [],
            };
        }

        var digests = units.Select(Digest).ToList();
        var areaDigests = areas
            .Select(a => new AreaDigest(a, [.. digests.Where(d => d.Unit.ServiceAreaId == a.Id).OrderByDescending(d => d.Attention).ThenBy(d => d.Unit.Name, StringComparer.Ordinal)]))
            .Where(a => a.Units.Count > 0)
            .OrderByDescending(a => a.Attention)
            .ThenBy(a => a.Area.Name, StringComparer.Ordinal)
            .ToList();
        var silos = digests
            .SelectMany(d => d.Benefits.Where(b => b.AffectsUnitIds.Count > 0).Select(b =>
                new SiloWarning(d.Unit, b, [.. b.AffectsUnitIds.Select(byId.GetValueOrDefault).OfType<Unit>()])))
            .Where(s => s.Affected.Count > 0)
            .OrderByDescending(s => s.Affected.Count)
            .ToList();
        var fortnight = now.AddDays(UpcomingDays);
        var live = appointments.Where(a => a.Status == AppointmentStatus.Planned && byId.ContainsKey(a.Plan.UnitId)).ToList();
        return new WeeklyDigest(week, areaDigests)
        {
            BenefitsThisWeek = UnitWeeks.Sum(digests.SelectMany(d => d.Benefits)),
            BenefitsThisYear = UnitWeeks.Sum(years.Where(y => y.Year == week.Year && byId.ContainsKey(y.UnitId)).SelectMany(y => y.Benefits)),
            Silos = silos,
            Upcoming = [.. live.Where(a => a.Plan.Start >= now && a.Plan.Start < fortnight).OrderBy(a => a.Plan.Start)],
            Overdue = [.. live.Where(a => a.Plan.End < now).OrderBy(a => a.Plan.Start)],
            OverdueFollowUps = overdueFollowUps,
        };
    }
}
