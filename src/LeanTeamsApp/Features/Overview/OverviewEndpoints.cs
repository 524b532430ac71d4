using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Reviews;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Auth;
using LeanTeamsApp.Infrastructure.OpenApi;
using LeanTeamsApp.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeanTeamsApp.Features.Overview;

public sealed record DevSignInRequest(string? Email, string? TenantId);

public sealed record DevSignInResponse(string Token, string Name);

public sealed record AreaDto(string Id, string Name);

public sealed record MeDto(string TenantId, string Organisation, string Name, string Email, IReadOnlyList<Role> Roles, bool CanEditActionPlan, IReadOnlyList<AreaDto> Areas)
{
    /// <summary>Whether the Organisation page is for the caller: download, upload and history (the service checks again).</summary>
    public bool CanManageOrganisation { get; init; }

    /// <summary>Whether the caller sees which units the app cannot reach (GET /api/tab/delivery).</summary>
    public bool CanViewDelivery { get; init; }

    /// <summary>
    /// The organisation's own words for its levels and roles, per concept and language (serviceAreaLeader → nb →
    /// kommunalsjef): the tab's texts use them where the glossary's word would stand.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Terms { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>The organisation's report periods: the reports page offers its quarters or tertials, and the year.</summary>
    public ReportCycle ReportCycle { get; init; }

    /// <summary>Hours per årsverk, so that the tab shows a figure in hours in årsverk as it is typed.</summary>
    public decimal HoursPerWorkYear { get; init; }
}

public sealed record BenefitTotalDto(BenefitKind Kind, BenefitMeasure Measure, decimal Amount);

public sealed record MonthBenefitDto(string Month, BenefitKind Kind, BenefitMeasure Measure, decimal Amount);

/// <summary>A unit's improvements as their records count them: new and done in the weeks shown, in progress now.</summary>
public sealed record ImprovementCountsDto(int New, int InProgress, int Done);

/// <summary>A unit's board meeting in one week of the overview; <see cref="DayOff"/> is a holiday or a week before the unit's Lean start.</summary>
public enum MeetingStatus
{
    Held,
    NotHeld,
    Missing,
    DayOff,
    Upcoming,
}

/// <param name="Archived">
/// An archived unit is listed only while a week it reported is in the window: its history; a week it did not report
/// shows as a day off, since no meeting is expected of it.
/// </param>
public sealed record OverviewUnitDto(string Id, string Name, string AreaId, IReadOnlyList<MeetingStatus> Statuses, string? HelpNeeded, ImprovementCountsDto Improvements, bool Archived = false);

/// <summary>A unit whose benefit figures were left out of the sums as out of bounds, and how many (to correct on its page).</summary>
public sealed record LeftOutDto(string UnitId, string Name, int Count);

public sealed record OverviewDto(
    IReadOnlyList<string> Weeks, IReadOnlyList<OverviewUnitDto> Units, IReadOnlyList<BenefitTotalDto> BenefitsThisYear, IReadOnlyList<MonthBenefitDto> BenefitsByMonth,
    IReadOnlyList<LeftOutDto> BenefitsLeftOut);

/// <summary>
/// A unit goal, its last reported status and the goals it serves up to the overall goal (nearest first).
/// <paramref name="Unlinked"/> is true when the organisation has overall goals and this goal does not reach one.
/// </summary>
public sealed record GoalDto(string Name, GoalStatus? Status, IReadOnlyList<string> Traces, bool Unlinked)
{
    /// <summary>What the goal is measured by and the values of the last weeks; null for a goal that is not measured.</summary>
    public IndicatorDto? Indicator { get; init; }
}

/// <summary>A goal's indicator with the values its check-ins reported, oldest first: the unit page draws them as a trend.</summary>
public sealed record IndicatorDto(string Name, decimal Target, IndicatorDirection Better, IReadOnlyList<IndicatorValueDto> Values);

/// <summary>The value reported at one board meeting, with its ISO week (2026-W49) and meeting date.</summary>
public sealed record IndicatorValueDto(string Week, DateOnly MeetingDate, decimal Value);


/// <summary>Someone a deviation's follow-up area can be given to without typing an e-mail.</summary>
public sealed record OwnerDto(string Id, string Name, Role Role);

/// <summary>
/// A unit's page. <paramref name="CanWorkOnBoard"/>, <paramref name="CanManageFollowUps"/> and
/// <paramref name="CanCorrectBenefits"/> say which buttons the caller gets (the server checks again);
/// <paramref name="FollowUpOwners"/> are offered first as a follow-up area's owner; <paramref name="BenefitRanges"/> are
/// the amounts a corrected benefit may take.
/// </summary>
public sealed record UnitDto(
    string Id, string Name, string AreaId, string AreaName, string Leader, IReadOnlyList<GoalDto> Goals, IReadOnlyList<ImprovementDto> Improvements,
    IReadOnlyList<DeviationDto> Deviations, IReadOnlyList<FollowUpDto> FollowUps, IReadOnlyList<BenefitDto> Benefits,
    bool CanWorkOnBoard, bool CanManageFollowUps, IReadOnlyList<OwnerDto> FollowUpOwners, bool CanCorrectBenefits, IReadOnlyList<BenefitRangeDto> BenefitRanges)
{
    /// <summary>Whether the caller may add, move and plan the improvements on the board (never on an archived unit's).</summary>
    public bool CanEditImprovements { get; init; }

    /// <summary>
    /// Whether the caller may open the unit's form (the coordinator every field, the unit's leader its board meeting,
    /// unit coordinators and goals): the rule the form's own endpoints apply.
    /// </summary>
    public bool CanEditUnit { get; init; }

    /// <summary>The unit's people, offered as an improvement's owner to those who edit the board.</summary>
    public IReadOnlyList<BoardPersonDto> BoardPeople { get; init; } = [];
}

/// <summary>The tab's overview, unit page and who-am-I, under /api/tab (docs/tab-api.md).</summary>
public static class OverviewEndpoints
{
    public const int Weeks = 12;

    public static IServiceCollection AddOverview(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        return services;
    }

    public static RouteGroupBuilder MapOverview(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/tab/dev-signin", DevSignInAsync).AllowAnonymous().ProducesProblems(400, 404);
        var tab = app.MapTabGroup("/api/tab");
        tab.MapGet("/me", Me);
        tab.MapGet("/overview", OverviewAsync);
        tab.MapGet("/units/{unitId}", UnitAsync).ProducesProblems(404);
        return tab;
    }

    /// <summary>
    /// Development sign-in for the local run command: a token for a person of the organisation, without Entra. On only
    /// in Development with TabAuth:DevelopmentSignIn and no Entra app; otherwise a 404, as if it did not exist.
    /// </summary>
    private static async Task<Results<Ok<DevSignInResponse>, ProblemHttpResult>> DevSignInAsync(
        DevSignInRequest request, DevSigningKey signing, OrganisationStore organisation, IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!signing.Enabled)
        {
            return ApiProblem.Of(ProblemCode.DevSignInOff, "Development sign-in is off.", title: "Not found", statusCode: StatusCodes.Status404NotFound);
        }

        var tenant = request.TenantId ?? configuration["Organisation:SeedTenantId"];
        if (string.IsNullOrWhiteSpace(request.Email) || tenant is null || !Guid.TryParseExact(tenant, "D", out _)
            || await organisation.GetPersonAsync(tenant, Person.NormaliseId(request.Email), cancellationToken) is not { } person)
        {
            return FieldProblem.For("email", "No person with this e-mail in the organisation.");
        }

        return TypedResults.Ok(new DevSignInResponse(TabAuthModule.IssueDevToken(signing, tenant, person.Id, person.Name, time.GetUtcNow()), person.Name));
    }

    private static Ok<MeDto> Me(TabCaller caller)
    {
        var roles = caller.Caller.Roles.Select(r => r.Role).Distinct().ToList();
        // Someone the organisation knows without a role is a member; someone it does not know (or has removed) is neither.
        if (roles.Count == 0 && caller.Caller.Person is not null)
        {
            roles.Add(Role.Member);
        }

        return TypedResults.Ok(new MeDto(caller.TenantId, caller.Organisation.Name, caller.Caller.DisplayName, caller.Caller.Email ?? "", roles,
            caller.Allows(Permission.EditActionPlan, AccessTarget.Organisation), [.. caller.Areas.Select(a => new AreaDto(a.Id, a.Name))])
        {
            CanManageOrganisation = caller.Allows(Permission.ManageOrganisation, AccessTarget.Organisation),
            CanViewDelivery = caller.Allows(Permission.ViewDeliveryHealth, AccessTarget.Organisation),
            Terms = caller.Organisation.Terms.All.GroupBy(t => t.Concept, StringComparer.Ordinal).ToDictionary(
                c => c.Key, c => (IReadOnlyDictionary<string, string>)c.ToDictionary(t => t.Language, t => t.Word, StringComparer.Ordinal), StringComparer.Ordinal),
            ReportCycle = caller.Organisation.ReportCycle,
            HoursPerWorkYear = caller.Organisation.HoursPerWorkYear,
        });
    }

    private static async Task<Ok<OverviewDto>> OverviewAsync(TabCaller caller, string? area, UnitWeeks weeks, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(caller.Organisation.DefaultTimeZone)).DateTime);
        var last = IsoWeek.Of(today);
        var range = Enumerable.Range(0, Weeks).Select(i => IsoWeek.Of(last.Monday.AddDays(-7 * (Weeks - 1 - i)))).ToList();
        var units = caller.Units.Where(u => area is null || u.ServiceAreaId == area).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
        var visible = units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        // One row per unit with its recent weeks, years and board: one range scan, not one row per unit and week.
        var overviews = (await weeks.ListOverviewAsync(caller.TenantId, cancellationToken)).Where(o => visible.Contains(o.UnitId)).ToList();
        var recorded = overviews.SelectMany(o => o.Weeks).Where(w => w.Week >= range[0] && w.Week <= last).ToDictionary(w => (w.UnitId, w.Week));
        var years = overviews.SelectMany(o => o.Years).Where(y => y.Year == today.Year);
        var boards = overviews.Where(o => o.Open is not null).ToDictionary(o => o.UnitId, o => new UnitBoard(o.UnitId, o.Open!), StringComparer.Ordinal);
        ImprovementCountsDto Improvements(Unit unit)
        {
            var shown = range.Select(w => recorded.GetValueOrDefault((unit.Id, w))).OfType<UnitWeek>().ToList();
            return new(shown.Sum(w => w.ImprovementsNew), boards.GetValueOrDefault(unit.Id)?.Open.InProgress ?? 0, shown.Sum(w => w.ImprovementsDone));
        }

        // Archived units' records still count in the totals below (the periods they were active); as rows they show
        // only what they reported.
        var rows = units.Where(u => !u.Archived || range.Any(w => recorded.ContainsKey((u.Id, w)))).Select(u => new OverviewUnitDto(u.Id, u.Name, u.ServiceAreaId,
            [.. range.Select(w => recorded.GetValueOrDefault((u.Id, w)) is var week && u.Archived && week is null ? MeetingStatus.DayOff : Status(caller.Organisation, u, w, week, now))],
            recorded.GetValueOrDefault((u.Id, last))?.HelpNeeded ?? recorded.GetValueOrDefault((u.Id, last.Previous))?.HelpNeeded,
            Improvements(u),
            u.Archived)).ToList();
        var byMonth = recorded.Values
            .SelectMany(w => w.Benefits.Select(b => (Month: MeetingClock.DateIn(units.First(u => u.Id == w.UnitId), w.Week).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), b)))
            .GroupBy(x => (x.Month, x.b.Kind, x.b.Measure))
            .OrderBy(g => g.Key.Month, StringComparer.Ordinal).ThenBy(g => g.Key.Kind).ThenBy(g => g.Key.Measure)
            .Select(g => new MonthBenefitDto(g.Key.Month, g.Key.Kind, g.Key.Measure, InputLimits.Sum(g.Select(x => x.b.Amount))))
            .ToList();
        var yearOf = years.ToDictionary(y => y.UnitId, StringComparer.Ordinal);
        var leftOut = units
            .Select(u => new LeftOutDto(u.Id, u.Name, Math.Max(
                yearOf.GetValueOrDefault(u.Id)?.BenefitsLeftOut ?? 0,
                range.Select(w => recorded.GetValueOrDefault((u.Id, w))).OfType<UnitWeek>().Sum(w => w.BenefitsLeftOut))))
            .Where(l => l.Count > 0)
            .ToList();
        return TypedResults.Ok(new OverviewDto(
            [.. range.Select(w => w.ToString())],
            rows,
            [.. UnitWeeks.Sum(yearOf.Values.SelectMany(y => y.Benefits)).Select(b => new BenefitTotalDto(b.Kind, b.Measure, b.Amount))],
            byMonth,
            leftOut));
    }

    /// <summary>held, notHeld, missing, dayOff (a holiday, or before the unit's Lean start) or upcoming (not ended yet).</summary>
    private static MeetingStatus Status(Organisation.Organisation org, Unit unit, IsoWeek week, UnitWeek? recorded, DateTimeOffset now)
    {
        var date = MeetingClock.DateIn(unit, week);
        return recorded is { Reported: true } ? (recorded.Held ? MeetingStatus.Held : MeetingStatus.NotHeld)
            : date < unit.LeanStart || MeetingClock.IsDayOff(unit, org, date) ? MeetingStatus.DayOff
            : MeetingClock.End(unit, date) > now ? MeetingStatus.Upcoming
            : MeetingStatus.Missing;
    }

    private static async Task<Results<Ok<UnitDto>, ProblemHttpResult>> UnitAsync(
        TabCaller caller, string unitId, OrganisationStore organisation, ImprovementStore records, CheckInHistory checkIns,
        FollowUps followUps, TimeProvider time, CancellationToken cancellationToken)
    {
        if (caller.Unit(unitId) is not { } unit)
        {
            return ApiProblem.Of(ProblemCode.UnitNotFound, "No such unit among those you can see.", title: "Not found", statusCode: StatusCodes.Status404NotFound);
        }

        var areaName = caller.Areas.FirstOrDefault(a => a.Id == unit.ServiceAreaId)?.Name ?? unit.ServiceAreaId;
        var leader = await organisation.GetPersonAsync(caller.TenantId, unit.LeaderId, cancellationToken);
        var latest = MeetingClock.Latest(unit, time.GetUtcNow());
        var recent = await checkIns.ListSinceAsync(caller.TenantId, unit.Id, latest.AddDays(-7 * (Weeks - 1)), cancellationToken);
        var lastCheckIn = recent.Values.Where(c => c.MeetingHeld).MaxBy(c => c.MeetingDate);
        var names = caller.Units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        var unitFollowUps = await followUps.ListForUnitAsync(caller.TenantId, unit.Id, time.GetUtcNow(), cancellationToken);
        // An archived unit's records are kept as they were: the tab offers no change that the endpoints would refuse.
        var canManageFollowUps = !unit.Archived && caller.Allows(Permission.ManageFollowUps, AccessTarget.ForUnit(unit));
        var owners = canManageFollowUps ? await ImprovementCommands.FollowUpOwnersAsync(organisation, caller.TenantId, unit, cancellationToken) : [];
        var improvements = await records.ListImprovementsAsync(caller.TenantId, unit.Id, cancellationToken);
        var improvementOwners = await ImprovementDto.OwnersAsync(organisation, caller.TenantId, improvements, cancellationToken);
        var canEditImprovements = !unit.Archived && caller.Allows(Permission.ManageImprovements, AccessTarget.ForUnit(unit));
        return TypedResults.Ok(new UnitDto(
            unit.Id, unit.Name, unit.ServiceAreaId, areaName, leader?.Name ?? unit.LeaderId,
            [.. unit.Goals.Select(g => new GoalDto(
                g,
                lastCheckIn?.GoalStatuses.TryGetValue(g, out var s) == true ? s : null,
                [.. caller.Goals.Trace(unit, g).Select(t => t.Title)],
                caller.Goals.HasOverallGoals && !caller.Goals.ReachesOverallGoal(unit, g))
            {
                Indicator = unit.GoalIndicators.GetValueOrDefault(g) is { } indicator
                    ? new IndicatorDto(indicator.Name, indicator.Target, indicator.Better, [.. recent.Values.Where(c => c.IndicatorValues.ContainsKey(g)).OrderBy(c => c.MeetingDate)
                        .Select(c => new IndicatorValueDto(IsoWeek.Of(c.MeetingDate).ToString(), c.MeetingDate, c.IndicatorValues[g]))])
                    : null,
            })],
            [.. improvements.OrderByDescending(i => i.CreatedAt).Select(i => ImprovementDto.From(i, improvementOwners))],
            [.. (await records.ListDeviationsAsync(caller.TenantId, unit.Id, cancellationToken)).OrderByDescending(d => d.ReportedOn).ThenBy(d => d.Text, StringComparer.Ordinal)
                .Select(DeviationDto.From)],
            unitFollowUps,
            [.. (await records.ListBenefitsAsync(caller.TenantId, unit.Id, cancellationToken)).OrderByDescending(b => b.RealisedOn).ThenBy(b => b.Id, StringComparer.Ordinal)
                .Select(b => BenefitDto.From(b, id => names.GetValueOrDefault(id, id), caller.Organisation.HoursPerWorkYear))],
            !unit.Archived && caller.Allows(Permission.WorkOnBoard, AccessTarget.ForUnit(unit)),
            canManageFollowUps,
            [.. owners.Select(o => new OwnerDto(o.PersonId, o.Name, o.Role))],
            !unit.Archived && caller.Allows(Permission.CorrectBenefits, AccessTarget.ForUnit(unit)),
            BenefitRangeDto.All)
        {
            CanEditImprovements = canEditImprovements,
            CanEditUnit = caller.Allows(Permission.EditUnit, AccessTarget.ForUnit(unit)),
            BoardPeople = canEditImprovements ? await BoardPeopleAsync(organisation, caller.TenantId, unit, cancellationToken) : [],
        });
    }

    /// <summary>The unit's leader, Lean coordinators and members who are in the organisation now, by name.</summary>
    private static async Task<IReadOnlyList<BoardPersonDto>> BoardPeopleAsync(OrganisationStore organisation, string tenantId, Unit unit, CancellationToken cancellationToken)
    {
        var named = new HashSet<string>([Person.NormaliseId(unit.LeaderId), .. unit.CoordinatorIds.Select(Person.NormaliseId)], StringComparer.Ordinal);
        return [.. (await organisation.ListPeopleAsync(tenantId, cancellationToken))
            .Where(p => !p.Removed && (p.HomeUnitId == unit.Id || named.Contains(p.Id)))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => new BoardPersonDto(p.Id, p.Name))];
    }
}
