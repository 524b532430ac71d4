using System.Globalization;
using System.Text.Json.Serialization;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Upkeep;

/// <summary>A weekly board meeting as the form shows it: a weekday (monday, mandag, måndag or 1-7), HH:MM and minutes.</summary>
public sealed record BoardMeetingForm(string? Weekday, string? Time, int? Minutes);

/// <summary>A guidance period with its improvement consultant (e-mail); dates as YYYY-MM-DD.</summary>
public sealed record GuidanceForm(string? Consultant, string? From, string? To);

/// <summary>
/// A unit goal as its board shows it, and the id of the goal it supports (its service area's or an overall goal).
/// A measured goal has an indicator: its name with the unit of measure, a target, and whether higher or lower is better
/// ("higher", "lower"); all three, or none.
/// </summary>
public sealed record UnitGoalForm(string? Title, string? Supports)
{
    public string? Indicator { get; init; }

    public decimal? Target { get; init; }

    public string? Better { get; init; }

    internal static UnitGoalForm From(Unit unit, string goal) => unit.GoalIndicators.GetValueOrDefault(goal) is { } indicator
        ? new(goal, unit.GoalSupports.GetValueOrDefault(goal))
        {
            Indicator = indicator.Name, Target = indicator.Target, Better = indicator.Better == IndicatorDirection.Lower ? "lower" : "higher",
        }
        : new(goal, unit.GoalSupports.GetValueOrDefault(goal));
}

/// <summary>
/// One unit as its edit form shows and sends it. People are e-mail addresses; a unit coordinator may be written
/// <c>Name &lt;e-mail&gt;</c> and a leader given with <see cref="LeaderName"/>, which adds someone the organisation does not
/// know yet. Sent back with the <see cref="ETag"/> it was read with (or as If-Match): a unit changed meanwhile is a 412.
/// Field errors are named as here: name, serviceArea, leader, coordinators, timeZone, boardMeeting.weekday, ... goals[0].title.
/// </summary>
public sealed record UnitForm(
    string? Id,
    string? Name,
    string? ServiceArea,
    string? Leader,
    IReadOnlyList<string>? Coordinators,
    string? TimeZone,
    BoardMeetingForm? BoardMeeting,
    string? LeanStart,
    GuidanceForm? Guidance,
    IReadOnlyList<UnitGoalForm>? Goals,
    [property: JsonPropertyName("etag")] string? ETag)
{
    /// <summary>The leader's name, when the leader is someone the organisation does not know yet.</summary>
    public string? LeaderName { get; init; }

    /// <summary>Read only: archive and restore have their own requests.</summary>
    public bool Archived { get; init; }

    /// <summary>Read only: what the caller may change (all, or a unit leader's board meeting, unit coordinators and goals).</summary>
    public bool LeaderOnly { get; init; }

    /// <summary>Read only, on one unit's form: the people it names (leader, unit coordinators, consultant) by name.</summary>
    public IReadOnlyList<PersonNameDto> People { get; init; } = [];

    /// <summary>Read only, on one unit's form: the goals its goals may support, its service area's and the overall goals, by title.</summary>
    public IReadOnlyList<GoalChoiceDto> GoalChoices { get; init; } = [];

    internal static UnitForm From(Unit unit) => new(
        unit.Id,
        unit.Name,
        unit.ServiceAreaId,
        unit.LeaderId,
        unit.CoordinatorIds,
        unit.TimeZone,
        new BoardMeetingForm(unit.BoardMeeting.Weekday.ToString().ToLowerInvariant(), Time(unit.BoardMeeting.Start), unit.BoardMeeting.Minutes),
        Date(unit.LeanStart),
        unit.Guidance is { } g ? new GuidanceForm(g.ConsultantId, Date(g.From), Date(g.To)) : null,
        [.. unit.Goals.Select(goal => UnitGoalForm.From(unit, goal))],
        unit.ETag)
    {
        Archived = unit.Archived,
    };

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>A person a form names, by name.</summary>
public sealed record PersonNameDto(string Id, string Name);

/// <summary>A goal a unit goal may support: its id, which the form sends, and its title, which it shows.</summary>
public sealed record GoalChoiceDto(string Id, string Title);

/// <summary>A service-area goal: its id (unique in the organisation), title, and the overall goal it supports.</summary>
public sealed record AreaGoalForm(string? Id, string? Title, string? Supports);

/// <summary>
/// A service area as its form shows and sends it. <see cref="Kind"/> is read only (the top management group's goals
/// are the overall goals). Sent back with its <see cref="ETag"/>.
/// </summary>
public sealed record AreaForm(string? Id, string? Name, string? Leader, IReadOnlyList<AreaGoalForm>? Goals, [property: JsonPropertyName("etag")] string? ETag)
{
    /// <summary>The leader's name, when the leader is someone the organisation does not know yet.</summary>
    public string? LeaderName { get; init; }

    public ServiceAreaKind Kind { get; init; }

    internal static AreaForm From(ServiceArea area) =>
        new(area.Id, area.Name, area.LeaderId, [.. area.Goals.Select(g => new AreaGoalForm(g.Id, g.Title, g.SupportsId))], area.ETag) { Kind = area.Kind };
}

/// <summary>A holiday period: no check-in prompts, and no reviews or walks planned. Dates YYYY-MM-DD, both included.</summary>
public sealed record HolidayPeriodForm(string? Name, string? From, string? To);

/// <summary>
/// The organisation's settings: holiday periods, hours until a reminder, the weekly digest's weekday and time, and the
/// organisation's own terms.
/// </summary>
public sealed record SettingsForm(
    IReadOnlyList<HolidayPeriodForm>? HolidayPeriods,
    int? ReminderAfterHours,
    string? DigestWeekday,
    string? DigestTime,
    [property: JsonPropertyName("etag")] string? ETag)
{
    /// <summary>
    /// The organisation's own word per concept and language (serviceAreaLeader → nb → kommunalsjef); a concept or
    /// language left out or blank takes the glossary's word. Errors are named terms.serviceAreaLeader.nb.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>>? Terms { get; init; }

    internal static SettingsForm From(Organisation.Organisation organisation) => new(
        [.. organisation.HolidayPeriods.Select(p => new HolidayPeriodForm(p.Name, UnitForm.Date(p.From), UnitForm.Date(p.To)))],
        organisation.ReminderAfterHours,
        organisation.Digest.Weekday.ToString().ToLowerInvariant(),
        UnitForm.Time(organisation.Digest.Time),
        organisation.ETag)
    {
        Terms = organisation.Terms.All.GroupBy(t => t.Concept, StringComparer.Ordinal).ToDictionary(
            c => c.Key,
            c => (IReadOnlyDictionary<string, string?>)c.ToDictionary(t => t.Language, t => (string?)t.Word, StringComparer.Ordinal),
            StringComparer.Ordinal),
    };
}

/// <summary>
/// A person the organisation knows, as a people field offers them, with the organisation-wide roles their row holds
/// and its ETag, which a change to those roles is sent back with.
/// </summary>
public sealed record KnownPersonDto(string Id, string Name)
{
    public bool Coordinator { get; init; }

    public bool Consultant { get; init; }

    /// <summary>A member of the top management group by their own row (its leader is one by leading it, see the area).</summary>
    public bool TopManagement { get; init; }

    [JsonPropertyName("etag")]
    public string? ETag { get; init; }

    internal static KnownPersonDto From(Person person) => new(person.Id, person.Name)
    {
        Coordinator = person.Roles.HasFlag(OrganisationRoles.Coordinator),
        Consultant = person.Roles.HasFlag(OrganisationRoles.Consultant),
        TopManagement = person.Roles.HasFlag(OrganisationRoles.TopManagement),
        ETag = person.ETag,
    };
}

/// <summary>
/// One person's organisation-wide roles as the Organisation page sends them: Lean coordinator, improvement consultant,
/// member of the top management group. <see cref="Person"/> is their e-mail; someone the organisation does not know
/// yet is added with <see cref="Name"/>. Sent back with the ETag of the person's row as read (none for someone new).
/// Field errors are named person, name, coordinator, consultant and topManagement.
/// </summary>
public sealed record PersonRolesForm(string? Person, string? Name, bool Coordinator, bool Consultant, bool TopManagement, [property: JsonPropertyName("etag")] string? ETag);

/// <summary>Everything the coordinator's Organisation page edits: settings, service areas, units (archived ones too) and people.</summary>
public sealed record OrganisationFormsDto(SettingsForm Settings, IReadOnlyList<AreaForm> Areas, IReadOnlyList<UnitForm> Units, IReadOnlyList<KnownPersonDto> People);

/// <summary>The ETag an archive or restore was read with.</summary>
public sealed record ArchiveRequest([property: JsonPropertyName("etag")] string? ETag);
