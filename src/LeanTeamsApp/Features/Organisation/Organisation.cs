using System.Globalization;
using System.Text.RegularExpressions;

namespace LeanTeamsApp.Features.Organisation;

/// <summary>One Entra ID tenant. Everything the app stores is partitioned by <see cref="TenantId"/>.</summary>
public sealed record Organisation(
    string TenantId,
    string Name,
    string DefaultTimeZone,
    ChannelReference? CoordinatorChannel)
{
    public string? ETag { get; init; }

    /// <summary>Periods the organisation sets aside (common summer holiday weeks, Christmas week): no check-in prompts.</summary>
    public IReadOnlyList<Calendar.BlackoutPeriod> HolidayPeriods { get; init; } = [];

    public const int DefaultReminderAfterHours = 4;

    /// <summary>Hours after a board meeting without a check-in before its leader and unit coordinators are reminded.</summary>
    public int ReminderAfterHours { get; init; } = DefaultReminderAfterHours;

    /// <summary>When the improvement forum's weekly digest is posted, in the organisation's time zone.</summary>
    public DigestSchedule Digest { get; init; } = DigestSchedule.Default;

    public const int MaxDeviationSystemLength = 500;

    /// <summary>
    /// Where the organisation's formal deviation reports are made (avvikssystem / avvikelsesystem), an https address:
    /// the cards point there, since anything about a patient, client or user belongs there and not in Teams.
    /// </summary>
    public Uri? DeviationSystem { get; init; }

    /// <summary>
    /// The language of what the app posts where no reader's Teams language is known (channel posts, reminders, digest,
    /// report files), when the organisation chose one: a nynorsk municipality writes nynorsk. Null: by time zone.
    /// </summary>
    public Language? WrittenLanguage { get; init; }

    /// <summary>
    /// 37.5 hours a week over the weeks left after five weeks' holiday: the figure Norwegian tariff-bound public employers
    /// commonly count an årsverk as (see README, "Benefits"). An organisation that counts otherwise sets its own.
    /// </summary>
    public const decimal DefaultHoursPerWorkYear = 1695m;

    public const decimal MinHoursPerWorkYear = 1000m;
    public const decimal MaxHoursPerWorkYear = 2200m;

    /// <summary>How many hours one årsverk (årsarbete, full-time equivalent) is: benefits in hours are shown in årsverk by it.</summary>
    public decimal HoursPerWorkYear { get; init; } = DefaultHoursPerWorkYear;

    public const int DefaultBenefitChaseWeeks = 4;

    /// <summary>Weeks after an improvement is done with no realised benefit before its unit is asked to record it.</summary>
    public int BenefitChaseWeeks { get; init; } = DefaultBenefitChaseWeeks;

    /// <summary>The periods the organisation reports by besides the year.</summary>
    public ReportCycle ReportCycle { get; init; } = ReportCycle.Quarter;

    /// <summary>The organisation's own words for its levels and roles, where the glossary's do not fit.</summary>
    public OrganisationTerms Terms { get; init; } = OrganisationTerms.None;

    public bool Equals(Organisation? other) =>
        other is not null && (TenantId, Name, DefaultTimeZone, CoordinatorChannel, ETag, ReminderAfterHours, Digest) == (other.TenantId, other.Name, other.DefaultTimeZone, other.CoordinatorChannel, other.ETag, other.ReminderAfterHours, other.Digest)
        && (HoursPerWorkYear, BenefitChaseWeeks, ReportCycle) == (other.HoursPerWorkYear, other.BenefitChaseWeeks, other.ReportCycle)
        && DeviationSystem == other.DeviationSystem
        && WrittenLanguage == other.WrittenLanguage
        && Terms.Equals(other.Terms)
        && HolidayPeriods.SequenceEqual(other.HolidayPeriods);

    public override int GetHashCode() => HashCode.Combine(TenantId, Name, DefaultTimeZone, CoordinatorChannel, ETag, HolidayPeriods.Count);
}

/// <summary>
/// The periods of the year an organisation reports by: quarters, or tertials (to 30 April, 31 August and 31 December)
/// as many Norwegian municipalities report to their council. The annual report comes either way.
/// </summary>
public enum ReportCycle
{
    Quarter,
    Tertial,
}

/// <summary>The weekday and local time of the weekly digest. Friday noon by default: the week's board meetings are held.</summary>
public sealed record DigestSchedule(DayOfWeek Weekday, TimeOnly Time)
{
    public static readonly DigestSchedule Default = new(DayOfWeek.Friday, new TimeOnly(12, 0));
}

public enum ServiceAreaKind
{
    ServiceArea,

    /// <summary>The top management group (rådmannens ledergruppe / direktørens ledermøte): owns the overall goals.</summary>
    TopManagement,
}

public sealed record ServiceArea(string Id, string Name, ServiceAreaKind Kind, string LeaderId)
{
    public const int MaxGoals = 12;

    public string? ETag { get; init; }

    /// <summary>
    /// The area's goals in the goal breakdown: the overall goals when this is the top management group, otherwise the
    /// service-area goals, each supporting an overall goal.
    /// </summary>
    public IReadOnlyList<Goal> Goals { get; init; } = [];

    public bool Equals(ServiceArea? other) =>
        other is not null && (Id, Name, Kind, LeaderId, ETag) == (other.Id, other.Name, other.Kind, other.LeaderId, other.ETag) && Goals.SequenceEqual(other.Goals);

    public override int GetHashCode() => HashCode.Combine(Id, Name, Kind, LeaderId, ETag, Goals.Count);
}

/// <summary>
/// A goal in the goal breakdown (målnedbrytning / målstyrning): overall goals, owned by the top management group,
/// are broken down into service-area goals, which the units' goals support. <see cref="SupportsId"/> names the goal
/// one level up; an overall goal supports none.
/// </summary>
public sealed record Goal(string Id, string Title, string? SupportsId)
{
    public const int MaxTitleLength = 120;
}

/// <summary>Which way an indicator should move: waiting days should fall, the share of plans made should rise.</summary>
public enum IndicatorDirection
{
    Higher,
    Lower,
}

/// <summary>
/// What a unit goal is measured by: a name with its unit of measure ("ventetid i dager"), the value aimed for and which
/// way is better. Each check-in reports the current value, and the unit page shows the values of the last weeks.
/// </summary>
public sealed record GoalIndicator(string Name, decimal Target, IndicatorDirection Better)
{
    public const int MaxNameLength = 60;

    /// <summary>
    /// No indicator a board counts by (days, cases, percent, kroner a week) comes near a billion: a larger figure is a
    /// slip of the keyboard, refused rather than drawn as a trend that flattens every real week.
    /// </summary>
    public const decimal MaxMagnitude = 1_000_000_000m;

    public static bool IsSensible(decimal value) => Math.Abs(value) <= MaxMagnitude;

    /// <summary>A figure as a person types it in a file or on a card: decimal point or comma, no thousands separators.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        return text is not null
            && decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && IsSensible(value);
    }

    public static string Format(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}

/// <summary>A Teams channel the app can post to. Conversation ids are filled in when the bot is installed there.</summary>
public sealed record ChannelReference(string TeamId, string ChannelId, string? Name = null);

public sealed record BoardMeeting(DayOfWeek Weekday, TimeOnly Start, int Minutes)
{
    public const int MinMinutes = 5;

    // Norwegian practice names 15-20 minutes a success factor; two hours is the most any real board meeting runs.
    public const int MaxMinutes = 120;

    public TimeOnly End => Start.AddMinutes(Minutes);

    /// <summary>A start time as people write it: 08:45, 8:45, 08.45 (24-hour).</summary>
    public static bool TryParseStart(string? text, out TimeOnly start) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH.mm", "H.mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out start);

    /// <summary>Minutes from Monday 00:00 (ISO week) to the meeting's end, in the unit's local time.</summary>
    public int EndMinuteOfWeek => (LocalWeek.MinuteOfWeek(Weekday, Start) + Minutes) % LocalWeek.MinutesPerWeek;
}

public sealed record GuidancePeriod(DateOnly From, DateOnly To, string ConsultantId);

/// <summary>
/// A unit with its weekly board meeting. <see cref="BoardMeeting"/> is the time set now, which may take effect from next
/// week; which meeting was due in a given week is <see cref="MeetingClock"/>'s to say.
/// </summary>
public sealed record Unit(
    string Id,
    string Name,
    string ServiceAreaId,
    string LeaderId,
    IReadOnlyList<string> CoordinatorIds,
    string TimeZone,
    BoardMeeting BoardMeeting,
    DateOnly LeanStart,
    GuidancePeriod? Guidance,
    ChannelReference? Channel)
{
    public const int MaxCoordinators = 2;
    public const int MaxGoals = 8;

    public string? ETag { get; init; }

    /// <summary>
    /// The meeting times in force before <see cref="BoardMeeting"/>, oldest first (see <see cref="MeetingClock"/>): a
    /// changed meeting day or time keeps every earlier week's meeting where it was due.
    /// </summary>
    public IReadOnlyList<EarlierMeeting> EarlierMeetings { get; init; } = [];

    /// <summary>The unit's goals as its board shows them; each board meeting reports a status per goal.</summary>
    public IReadOnlyList<string> Goals { get; init; } = [];

    /// <summary>
    /// For each of <see cref="Goals"/> that is linked into the goal breakdown, the id of the goal it supports: a goal
    /// of the unit's service area or an overall goal.
    /// </summary>
    public IReadOnlyDictionary<string, string> GoalSupports { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>For each of <see cref="Goals"/> that is measured, its indicator, by the goal's title.</summary>
    public IReadOnlyDictionary<string, GoalIndicator> GoalIndicators { get; init; } = new Dictionary<string, GoalIndicator>(StringComparer.Ordinal);

    /// <summary>
    /// Closed down or merged away: no check-in prompts or reminders, not offered in chat or year planning, not on the
    /// overview; its check-ins and improvements stay, and so does its place in the reports of the periods it was active.
    /// Restoring it brings the prompts back.
    /// </summary>
    public bool Archived { get; init; }
}

[Flags]
public enum OrganisationRoles
{
    None = 0,
    Coordinator = 1,
    Consultant = 2,

    /// <summary>A member of the top management group (kommunedirektørens ledergruppe): reads the whole organisation.</summary>
    TopManagement = 4,
}

/// <summary>
/// A person known to the organisation. Leader and unit-coordinator roles come from the units and service areas
/// that name the person; organisation-wide roles (coordinator, consultant, top management member) are stored here.
/// </summary>
public sealed record Person(string Id, string Name, OrganisationRoles Roles, string? HomeUnitId, string? AadObjectId)
{
    /// <summary>The longest e-mail address (RFC 5321): no person's id is longer, so a longer one names nobody.</summary>
    public const int MaxIdLength = 254;

    /// <summary>People are keyed by their normalised e-mail / UPN: the one identifier HR exports and Teams both know.</summary>
    public static string NormaliseId(string email) => email.Trim().ToLowerInvariant();

    /// <summary>
    /// A stable stand-in for a person where their e-mail address must not appear: log lines, and the outbox's message
    /// ids, which become row keys that outlive the person's membership. The same person always gets the same value
    /// (so a message id still sends once); the address cannot be read back from it, only confirmed by someone who
    /// already has it.
    /// </summary>
    public static string Pseudonym(string personId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(NormaliseId(personId))).AsSpan(0, 8));

    public string? ETag { get; init; }

    /// <summary>
    /// Left out of the latest organisation file. The row stays so that names in history still resolve, but a removed
    /// person holds no role, whatever a unit or service area still says.
    /// </summary>
    public bool Removed { get; init; }
}

public enum Role
{
    Coordinator,
    Consultant,

    /// <summary>The top management group's leader or one of its members: reads everything, runs no unit.</summary>
    TopManagement,
    ServiceAreaLeader,
    UnitLeader,
    UnitCoordinator,
    Member,
}

/// <summary>A role and where it applies: the organisation (null scope), a service area or a unit.</summary>
public sealed record RoleAssignment(Role Role, string? ScopeId);

/// <summary>Who leads and who coordinates a unit: all of a unit that a person's roles depend on.</summary>
public sealed record UnitLeadership(string UnitId, string LeaderId, IReadOnlyList<string> CoordinatorIds)
{
    public static UnitLeadership Of(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new(unit.Id, unit.LeaderId, unit.CoordinatorIds);
    }
}

internal static partial class Ids
{
    /// <summary>Unit and service-area ids: lower-case slugs, safe as Table Storage keys and in chat commands.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    public static partial Regex Slug();

    [GeneratedRegex(@"^[^@\s/\\#?]+@[^@\s/\\#?]+\.[^@\s/\\#?]+$", RegexOptions.CultureInvariant)]
    public static partial Regex Email();

    public static bool IsTenantId(string? value) => Guid.TryParseExact(value, "D", out _);
}
