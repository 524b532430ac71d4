using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace LeanTeamsApp.Features.Organisation;

/// <summary>
/// Row keys of the Directory table. Everything of one tenant lives in the partition named by its tenant id, so a
/// tenant's queries never touch another's rows. A unit is written under three row keys in one transaction: its own
/// (lookup by id), one under its service area and one under its local board-meeting end, so that each of the
/// product's queries is a single range scan.
/// </summary>
internal static class DirectoryKeys
{
    public const string Organisation = "organisation";
    public const string TimeZones = "timezones";

    /// <summary>Rewritten by every change to who the organisation's Lean coordinators are (see <see cref="Import.ImportPlan"/>).</summary>
    public const string Coordinators = "coordinators";
    public const string AreaPrefix = "area|";
    public const string PersonPrefix = "person|";
    public const string UnitPrefix = "unit|";
    public const string AreaUnitPrefix = "areaunit|";
    public const string MeetingEndPrefix = "meetingend|";
    public const string AadPrefix = "aad|";

    public static string Area(string id) => AreaPrefix + id;

    public static string Person(string id) => PersonPrefix + id;

    public static string Unit(string id) => UnitPrefix + id;

    /// <summary>Which person an Entra object id belongs to: Teams names callers by object id, the organisation by e-mail.</summary>
    public static string Aad(string objectId) => AadPrefix + objectId;

    public static string AreaUnit(string areaId, string unitId) => $"{AreaUnitPrefix}{areaId}|{unitId}";

    public static string MeetingEnds(string timeZone) => $"{MeetingEndPrefix}{EncodeZone(timeZone)}|";

    public static string MeetingEnd(Unit unit, BoardMeeting meeting) =>
        $"{MeetingEnds(unit.TimeZone)}{meeting.EndMinuteOfWeek.ToString("D5", CultureInfo.InvariantCulture)}|{unit.Id}";

    public static string MeetingEnd(string timeZone, int minuteOfWeek) =>
        MeetingEnds(timeZone) + minuteOfWeek.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>
    /// The unit's index rows: under its service area, and under the end of its meeting time, and of the time before it,
    /// which may still be in force this week when a change takes effect next week (the scheduler asks the meeting clock
    /// which meeting a row really stands for).
    /// </summary>
    public static IEnumerable<string> IndexKeys(Unit unit) =>
        new[] { AreaUnit(unit.ServiceAreaId, unit.Id), MeetingEnd(unit, unit.BoardMeeting) }
            .Concat(unit.EarlierMeetings.Count == 0 ? [] : [MeetingEnd(unit, unit.EarlierMeetings[^1].Meeting)])
            .Distinct(StringComparer.Ordinal);

    // '/' is forbidden in Table Storage keys and IANA zone ids never contain ':'.
    private static string EncodeZone(string timeZone) => timeZone.Replace('/', ':');
}

internal static class DirectoryRows
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimeFormat = "HH\\:mm";

    public static TableEntity ToRow(string tenantId, Organisation o) => new(tenantId, DirectoryKeys.Organisation)
    {
        ["Name"] = o.Name,
        ["DefaultTimeZone"] = o.DefaultTimeZone,
        ["CoordinatorTeamId"] = o.CoordinatorChannel?.TeamId,
        ["CoordinatorChannelId"] = o.CoordinatorChannel?.ChannelId,
        ["CoordinatorChannelName"] = o.CoordinatorChannel?.Name,
        ["ReminderAfterHours"] = o.ReminderAfterHours,
        ["HoursPerWorkYear"] = o.HoursPerWorkYear.ToString(CultureInfo.InvariantCulture),
        ["BenefitChaseWeeks"] = o.BenefitChaseWeeks,
        ["ReportCycle"] = o.ReportCycle.ToString(),
        ["DigestWeekday"] = (int)o.Digest.Weekday,
        ["DigestTime"] = o.Digest.Time.ToString(TimeFormat, CultureInfo.InvariantCulture),
        ["DeviationSystem"] = o.DeviationSystem?.AbsoluteUri,
        ["WrittenLanguage"] = o.WrittenLanguage is { } language ? WrittenLanguage.Code(language) : null,
        ["Terms"] = o.Terms.ToJson(),
        ["HolidayPeriods"] = o.HolidayPeriods.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(
            o.HolidayPeriods.Select(p => new StoredPeriod(Date(p.From), Date(p.To), p.Name))),
    };

    public static Organisation ToOrganisation(TableEntity row) => new(
        row.PartitionKey,
        row.GetString("Name"),
        row.GetString("DefaultTimeZone"),
        Channel(row.GetString("CoordinatorTeamId"), row.GetString("CoordinatorChannelId"), row.GetString("CoordinatorChannelName")))
    {
        ETag = row.ETag.ToString(),
        ReminderAfterHours = row.GetInt32("ReminderAfterHours") ?? Organisation.DefaultReminderAfterHours,
        // Rows written before these settings existed take the defaults.
        HoursPerWorkYear = decimal.TryParse(row.GetString("HoursPerWorkYear"), NumberStyles.Number, CultureInfo.InvariantCulture, out var hours)
            && hours is >= Organisation.MinHoursPerWorkYear and <= Organisation.MaxHoursPerWorkYear ? hours : Organisation.DefaultHoursPerWorkYear,
        BenefitChaseWeeks = row.GetInt32("BenefitChaseWeeks") ?? Organisation.DefaultBenefitChaseWeeks,
        ReportCycle = Enum.TryParse<ReportCycle>(row.GetString("ReportCycle"), out var cycle) && Enum.IsDefined(cycle) ? cycle : ReportCycle.Quarter,
        DeviationSystem = Uri.TryCreate(row.GetString("DeviationSystem"), UriKind.Absolute, out var deviationSystem) ? deviationSystem : null,
        WrittenLanguage = row.GetString("WrittenLanguage") is { } code && WrittenLanguage.Codes.TryGetValue(code, out var language) ? language : null,
        Terms = OrganisationTerms.FromJson(row.GetString("Terms")),
        Digest = row.GetInt32("DigestWeekday") is { } weekday && TimeOnly.TryParseExact(row.GetString("DigestTime"), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? new DigestSchedule((DayOfWeek)weekday, at)
            : DigestSchedule.Default,
        HolidayPeriods = row.GetString("HolidayPeriods") is { } periods
            ? [.. System.Text.Json.JsonSerializer.Deserialize<StoredPeriod[]>(periods)!.Select(p => new Calendar.BlackoutPeriod(Date(p.From), Date(p.To), p.Name))]
            : [],
    };

    private sealed record StoredPeriod(string From, string To, string Name);

    public static TableEntity ToRow(string tenantId, ServiceArea a) => new(tenantId, DirectoryKeys.Area(a.Id))
    {
        ["Name"] = a.Name,
        ["Kind"] = a.Kind.ToString(),
        ["LeaderId"] = a.LeaderId,
        ["Goals"] = a.Goals.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(a.Goals.Select(g => new StoredGoal(g.Id, g.Title, g.SupportsId))),
    };

    private sealed record StoredGoal(string Id, string Title, string? Supports);

    public static ServiceArea ToServiceArea(TableEntity row) => new(
        row.RowKey[DirectoryKeys.AreaPrefix.Length..],
        row.GetString("Name"),
        Enum.Parse<ServiceAreaKind>(row.GetString("Kind")),
        row.GetString("LeaderId"))
    {
        ETag = row.ETag.ToString(),
        Goals = row.GetString("Goals") is { } goals
            ? [.. System.Text.Json.JsonSerializer.Deserialize<StoredGoal[]>(goals)!.Select(g => new Goal(g.Id, g.Title, g.Supports))]
            : [],
    };

    public static TableEntity ToRow(string tenantId, Person p) => new(tenantId, DirectoryKeys.Person(p.Id))
    {
        ["Name"] = p.Name,
        ["Roles"] = p.Roles.ToString(),
        ["HomeUnitId"] = p.HomeUnitId,
        ["AadObjectId"] = p.AadObjectId,

        // Absent rather than false, so rows written before the flag existed compare equal to rows written after.
        ["Removed"] = p.Removed ? true : null,
    };

    public static Person ToPerson(TableEntity row) => new(
        row.RowKey[DirectoryKeys.PersonPrefix.Length..],
        row.GetString("Name"),
        Enum.Parse<OrganisationRoles>(row.GetString("Roles")),
        row.GetString("HomeUnitId"),
        row.GetString("AadObjectId"))
    {
        ETag = row.ETag.ToString(),
        Removed = row.GetBoolean("Removed") ?? false,
    };

    public static TableEntity ToRow(string tenantId, string rowKey, Unit u) => new(tenantId, rowKey)
    {
        ["UnitId"] = u.Id,
        ["Name"] = u.Name,
        ["ServiceAreaId"] = u.ServiceAreaId,
        ["LeaderId"] = u.LeaderId,
        ["CoordinatorIds"] = string.Join(';', u.CoordinatorIds),
        ["TimeZone"] = u.TimeZone,
        ["BoardWeekday"] = (int)u.BoardMeeting.Weekday,
        ["BoardStart"] = u.BoardMeeting.Start.ToString(TimeFormat, CultureInfo.InvariantCulture),
        ["BoardMinutes"] = u.BoardMeeting.Minutes,
        ["LeanStart"] = u.LeanStart.ToString(DateFormat, CultureInfo.InvariantCulture),
        ["GuidanceFrom"] = u.Guidance?.From.ToString(DateFormat, CultureInfo.InvariantCulture),
        ["GuidanceTo"] = u.Guidance?.To.ToString(DateFormat, CultureInfo.InvariantCulture),
        ["GuidanceConsultantId"] = u.Guidance?.ConsultantId,
        ["ChannelTeamId"] = u.Channel?.TeamId,
        ["ChannelId"] = u.Channel?.ChannelId,
        ["ChannelName"] = u.Channel?.Name,
        ["Goals"] = u.Goals.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(u.Goals),
        ["GoalSupports"] = u.GoalSupports.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(u.GoalSupports.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary()),
        ["GoalIndicators"] = u.GoalIndicators.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(u.GoalIndicators.OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => new StoredIndicator(p.Value.Name, p.Value.Target, p.Value.Better == IndicatorDirection.Lower ? "lower" : "higher"))),
        ["EarlierMeetings"] = u.EarlierMeetings.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(u.EarlierMeetings.Select(e => new StoredMeeting(
            e.Until.ToString(), (int)e.Meeting.Weekday, e.Meeting.Start.ToString(TimeFormat, CultureInfo.InvariantCulture), e.Meeting.Minutes))),

        // Absent rather than false, so rows written before units could be archived compare equal to rows written after.
        ["Archived"] = u.Archived ? true : null,
    };

    // The direction as a word, not the enum's number: a row read by hand says what it means.
    private sealed record StoredIndicator(string Name, decimal Target, string Better);

    private sealed record StoredMeeting(string Until, int Weekday, string Start, int Minutes);

    public static UnitLeadership ToLeadership(TableEntity row)
    {
        var coordinators = row.GetString("CoordinatorIds");
        return new UnitLeadership(row.GetString("UnitId"), row.GetString("LeaderId"), string.IsNullOrEmpty(coordinators) ? [] : coordinators.Split(';'));
    }

    public static Unit ToUnit(TableEntity row)
    {
        var consultant = row.GetString("GuidanceConsultantId");
        var coordinators = row.GetString("CoordinatorIds");
        return new Unit(
            row.GetString("UnitId"),
            row.GetString("Name"),
            row.GetString("ServiceAreaId"),
            row.GetString("LeaderId"),
            string.IsNullOrEmpty(coordinators) ? [] : coordinators.Split(';'),
            row.GetString("TimeZone"),
            new BoardMeeting(
                (DayOfWeek)row.GetInt32("BoardWeekday")!.Value,
                TimeOnly.ParseExact(row.GetString("BoardStart"), TimeFormat, CultureInfo.InvariantCulture),
                row.GetInt32("BoardMinutes")!.Value),
            Date(row.GetString("LeanStart")),
            consultant is null ? null : new GuidancePeriod(Date(row.GetString("GuidanceFrom")), Date(row.GetString("GuidanceTo")), consultant),
            Channel(row.GetString("ChannelTeamId"), row.GetString("ChannelId"), row.GetString("ChannelName")))
        {
            ETag = row.ETag.ToString(),
            Goals = row.GetString("Goals") is { } goals ? System.Text.Json.JsonSerializer.Deserialize<string[]>(goals)! : [],
            GoalSupports = row.GetString("GoalSupports") is { } supports
                ? new Dictionary<string, string>(System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(supports)!, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal),
            GoalIndicators = row.GetString("GoalIndicators") is { } indicators
                ? System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, StoredIndicator>>(indicators)!.ToDictionary(
                    p => p.Key, p => new GoalIndicator(p.Value.Name, p.Value.Target, p.Value.Better == "lower" ? IndicatorDirection.Lower : IndicatorDirection.Higher), StringComparer.Ordinal)
                : new Dictionary<string, GoalIndicator>(StringComparer.Ordinal),
            EarlierMeetings = row.GetString("EarlierMeetings") is { } earlier
                ? [.. System.Text.Json.JsonSerializer.Deserialize<StoredMeeting[]>(earlier)!.Select(m => new EarlierMeeting(
                    Calendar.IsoWeek.Parse(m.Until), new BoardMeeting((DayOfWeek)m.Weekday, TimeOnly.ParseExact(m.Start, TimeFormat, CultureInfo.InvariantCulture), m.Minutes)))]
                : [],
            Archived = row.GetBoolean("Archived") ?? false,
        };
    }

    /// <summary>True when writing <paramref name="desired"/> over <paramref name="current"/> would change nothing.</summary>
    public static bool SameContent(TableEntity current, TableEntity desired)
    {
        var before = Content(current);
        var after = Content(desired);
        return before.Count == after.Count && before.All(p => after.TryGetValue(p.Key, out var v) && Equals(p.Value, v));
    }

    private static Dictionary<string, object> Content(TableEntity row) => row
        .Where(p => p.Value is not null && p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
        .ToDictionary(p => p.Key, p => p.Value is long l and >= int.MinValue and <= int.MaxValue ? (int)l : p.Value);

    private static string Date(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateOnly Date(string value) => DateOnly.ParseExact(value, DateFormat, CultureInfo.InvariantCulture);

    private static ChannelReference? Channel(string? teamId, string? channelId, string? name) =>
        teamId is null || channelId is null ? null : new ChannelReference(teamId, channelId, name);
}
