using System.Globalization;
using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Graph;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Features.Planning;

/// <summary>`gemba plan` (the coordinator plans or re-plans the year wheel) and `gemba` (my next walks and reviews).</summary>
public sealed class PlanningCommands(
    OrganisationStore organisation,
    AppointmentStore appointments,
    CheckInHistory checkIns,
    ImprovementStore improvements,
    AccessRule access,
    IOptions<FishboneOptions> fishbone,
    IOptions<GraphOptions> graph,
    TimeProvider time)
{
    public async Task PlanAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        var t = PlanningTexts.For(turn.Language);
        if (await organisation.GetOrganisationAsync(turn.TenantId, cancellationToken) is not { } org)
        {
            await turn.ReplyAsync(turn.Texts.NotSetUp, cancellationToken);
            return;
        }

        if (!access.Check(turn.Caller, Permission.PlanYear, AccessTarget.Organisation, "gemba plan"))
        {
            await turn.ReplyAsync(turn.Texts.NotAllowed(Permission.PlanYear, null), cancellationToken);
            return;
        }

        var today = Today(org.DefaultTimeZone);
        var year = DefaultYear(today);
        var typed = arguments.Trim();
        if (typed.Length > 0
            && !(int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= today.Year && year <= today.Year + 1))
        {
            await turn.ReplyAsync(t.PlanUsage, cancellationToken);
            return;
        }

        var (plan, lagging, units) = await PlanYearAsync(turn.TenantId, org, year, today, cancellationToken);
        var people = (await organisation.ListPeopleAsync(turn.TenantId, cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        // Said when the year was not typed and is not this one, so nobody wonders why this year did not change.
        var nextYearBecause = typed.Length == 0 && year != today.Year ? t.NextYearBecauseLate(year, today.Year, lagging.Count) : null;
        var card = PlanningCards.Summary(turn.Language, year, plan, lagging, units, people, graph.Value.IsConfigured, nextYearBecause);
        await turn.ReplyAsync(card, t.PlanTitle(year), cancellationToken);
    }

    /// <summary>
    /// Plans <paramref name="year"/> from the organisation as it is now and stores what changed. The stored plan is
    /// the planner's starting point, so appointments that are still valid stay where they are.
    /// </summary>
    public async Task<(YearPlan Plan, IReadOnlyList<Lagging> Lagging, IReadOnlyList<Unit> Units)> PlanYearAsync(
        string tenantId, Organisation.Organisation org, int year, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(org);
        // An archived unit gets no reviews or walks planned.
        var units = (await organisation.ListUnitsAsync(tenantId, cancellationToken)).Where(u => !u.Archived).ToList();
        var areas = (await organisation.ListServiceAreasAsync(tenantId, cancellationToken)).ToDictionary(a => a.Id, StringComparer.Ordinal);
        var stored = await appointments.ListYearAsync(tenantId, year, cancellationToken);
        var lagging = await LaggingAsync(tenantId, org, units, today, cancellationToken);
        // The neighbouring years' plans bound this one across 31 December (review spacing, people's time).
        var neighbours = (await appointments.ListYearAsync(tenantId, year - 1, cancellationToken))
            .Concat(await appointments.ListYearAsync(tenantId, year + 1, cancellationToken))
            .Where(a => a.Status != AppointmentStatus.Cancelled)
            .ToList();
        // A fishbone analysis belongs to the plan of the year in which it was found due, though it may fall early in
        // the next; a new year's plan with last year's analysis still ahead adds no second.
        var analysedNearby = neighbours
            .Where(a => a.Plan.Kind == AppointmentKind.FishboneAnalysis)
            .Select(a => a.Plan.UnitId)
            .ToHashSet(StringComparer.Ordinal);
        var planning = units
            .Where(u => areas.ContainsKey(u.ServiceAreaId))
            .Select(u => new PlanningUnit(u.Id, u.ServiceAreaId, areas[u.ServiceAreaId].LeaderId, u.LeaderId, u.TimeZone,
                Countries.FromTimeZone(u.TimeZone) ?? Country.Norway, u.LeanStart, u.Guidance, u.BoardMeeting))
            .ToList();
        var request = new PlanRequest(year, today, planning)
        {
            Rules = new PlannerRules { BlackoutPeriods = Blackouts(org, planning, year) },
            Existing = [.. stored.Where(a => a.Status != AppointmentStatus.Cancelled).Select(a => a.Plan)],
            FishboneDue = year != today.Year ? [] : [.. lagging.Where(l => !analysedNearby.Contains(l.UnitId)).Select(l => new FishboneDue(l.UnitId, l.Deadline))],
            Neighbours = [.. neighbours.Select(a => a.Plan)],
            Withdrawn = [.. stored.Where(a => a.Status == AppointmentStatus.Cancelled && a.CancelledByHand).Select(a => a.Id)],
            Owners = stored.Where(a => a.OwnerByHand && a.Status != AppointmentStatus.Cancelled).ToDictionary(a => a.Id, a => a.Plan.OwnerId, StringComparer.Ordinal),
        };
        var plan = YearPlanner.Plan(request);
        await appointments.ApplyAsync(tenantId, year, plan, stored, cancellationToken);
        return (plan, lagging, units);
    }

    /// <summary>
    /// The organisation's own holiday periods, and always the common summer weeks of every country among its units
    /// and Christmas: a planned walk must not land in July even when the organisation only listed this year's weeks.
    /// </summary>
    private static List<BlackoutPeriod> Blackouts(Organisation.Organisation org, IEnumerable<PlanningUnit> units, int year)
    {
        var periods = new List<BlackoutPeriod>(org.HolidayPeriods)
        {
            BlackoutPeriod.ChristmasWeek(year - 1),
            BlackoutPeriod.ChristmasWeek(year),
        };
        periods.AddRange(units.Select(u => u.Country).Distinct().Select(c => BlackoutPeriod.CommonSummerHoliday(c, year)));
        return periods;
    }

    private async Task<IReadOnlyList<Lagging>> LaggingAsync(
        string tenantId, Organisation.Organisation org, IReadOnlyList<Unit> units, DateOnly today, CancellationToken cancellationToken)
    {
        var rule = fishbone.Value;
        var found = new List<Lagging>();
        // Only units within their first six months can be due; the rest need no reads at all.
        foreach (var unit in units.Where(u => u.LeanStart <= today && u.LeanStart.AddMonths(6) > today))
        {
            var meetings = MeetingClock.Back(unit, MeetingClock.Latest(unit, time.GetUtcNow()), rule.LookbackWeeks + 4);
            var reported = await checkIns.ListSinceAsync(tenantId, unit.Id, meetings[^1], cancellationToken);
            var unitImprovements = await improvements.ListImprovementsAsync(tenantId, unit.Id, cancellationToken);
            if (FishboneRule.Judge(unit, today, meetings, reported, unitImprovements, d => MeetingClock.IsDayOff(unit, org, d), rule) is { } lags)
            {
                found.Add(lags);
            }
        }

        return found;
    }

    /// <summary>The caller's next reviews, walks and fishbone analyses, as owner or attendee.</summary>
    public async Task UpcomingAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        var t = PlanningTexts.For(turn.Language);
        if (await organisation.GetOrganisationAsync(turn.TenantId, cancellationToken) is not { } org)
        {
            await turn.ReplyAsync(turn.Texts.NotSetUp, cancellationToken);
            return;
        }

        if (turn.Caller.Person is not { } person)
        {
            await turn.ReplyAsync(t.UnknownPerson, cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var year = Today(org.DefaultTimeZone).Year;
        var mine = (await appointments.ListYearAsync(turn.TenantId, year, cancellationToken))
            .Concat(await appointments.ListYearAsync(turn.TenantId, year + 1, cancellationToken))
            .Where(a => a.Status == AppointmentStatus.Planned && a.Plan.End > now && a.Plan.People.Contains(person.Id, StringComparer.Ordinal))
            .OrderBy(a => a.Plan.Start)
            .Take(PlanningCards.MaxUpcoming)
            .ToList();
        var units = (await organisation.ListUnitsAsync(turn.TenantId, cancellationToken)).ToDictionary(u => u.Id, StringComparer.Ordinal);
        await turn.ReplyAsync(PlanningCards.Upcoming(turn.Language, person.Id, mine, units), t.UpcomingTitle, cancellationToken);
    }

    /// <summary>
    /// The year `gemba plan` means without one: this year, but next year from November on, when what is left of this
    /// year is a few weeks before Christmas and next year's reviews are what needs planning.
    /// </summary>
    public static int DefaultYear(DateOnly today) => today.Month >= 11 ? today.Year + 1 : today.Year;

    private DateOnly Today(string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
}
