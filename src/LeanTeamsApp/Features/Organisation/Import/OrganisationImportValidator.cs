using System.Globalization;
using System.Text.RegularExpressions;

namespace LeanTeamsApp.Features.Organisation.Import;

internal sealed record OrganisationDraft(
    Organisation Organisation,
    IReadOnlyList<ServiceArea> ServiceAreas,
    IReadOnlyList<Person> People,
    IReadOnlyList<Unit> Units)
{
    /// <summary>
    /// From an organisation file, which lists everyone and every unit: people it leaves out are removed, units it
    /// leaves out are named in the plan. A units sheet only adds and updates.
    /// </summary>
    public bool IsWholeOrganisation { get; init; }

    /// <summary>
    /// Units from a sheet with no goals column: an HR export knows nothing of the boards' goals, so the stored goals
    /// and their links stay as they are.
    /// </summary>
    public IReadOnlySet<string> KeepGoalsOf { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Goals written as a bare title (a sheet's goals cell, or a file written before goals had indicators): such a goal
    /// says nothing of an indicator, so it keeps the one stored for its title.
    /// </summary>
    public IReadOnlySet<(string UnitId, string Title)> BareGoals { get; init; } = new HashSet<(string, string)>();

    /// <summary>
    /// Units whose record does not say whether they are archived (a file written before units could be, an HR sheet
    /// without the column): they stay archived or active as stored.
    /// </summary>
    public IReadOnlySet<string> KeepArchivedOf { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}

/// <summary>What the tenant already has, against which a file's references are checked.</summary>
internal sealed record StoredOrganisation(Organisation Organisation, IReadOnlyList<ServiceArea> ServiceAreas, IReadOnlyList<Person> People)
{
    /// <summary>Stored units: a person's home unit may be one an organisation file leaves out (it is kept).</summary>
    public IReadOnlySet<string> UnitIds { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>A stored unit by id, read when a reference is checked against what the unit already says.</summary>
    public Func<string, Unit?> Unit { get; init; } = _ => null;
}

/// <summary>
/// Checks every record of an import file and collects all errors (not just the first, up to
/// <see cref="ImportLimits.MaxErrors"/>), each pointing at its line, so a coordinator can fix the whole file in one go.
/// Produces a draft only when there is no error. Every reference is a dictionary look-up: a file of 40,000 units is
/// checked in time proportional to its length.
/// </summary>
internal sealed partial class OrganisationImportValidator
{
    private const int DefaultMeetingMinutes = 15;

    private readonly ImportSource _source;
    private readonly string _tenantId;
    private readonly StoredOrganisation? _stored;
    private readonly ImportErrors _errors;
    private readonly Dictionary<string, Person> _storedPeople;
    private readonly Dictionary<string, ServiceArea> _storedAreas;
    private readonly Dictionary<string, bool> _zones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Person Person, int Line)> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ServiceArea Area, int Line, SourceRecord Record)> _areas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Unit Unit, int Line, SourceRecord Record)> _units = new(StringComparer.Ordinal);

    // Ids the file lists, valid record or not: a reference to a unit, area or person whose own record has an error is
    // not reported again as unknown, or one bad name would cascade into an error for everyone who names it.
    private readonly HashSet<string> _listed = new(StringComparer.Ordinal);
    private readonly List<GoalLink> _goalLinks = [];

    // Goals left out for an error already reported: links to them are not reported again as unknown.
    private readonly HashSet<string> _droppedGoalIds = new(StringComparer.Ordinal);

    private readonly List<GoalSource> _goalSources = [];
    private readonly HashSet<string> _keepGoalsOf = new(StringComparer.Ordinal);
    private readonly HashSet<(string UnitId, string Title)> _bareGoals = [];
    private readonly HashSet<string> _keepArchivedOf = new(StringComparer.Ordinal);

    /// <summary>A goal's "supports" as written: checked once every area's goals are known.</summary>
    private sealed record GoalLink(string AreaId, string? UnitId, string GoalText, string Field, SourceField Supports);

    /// <summary>An area goal as read, with where it stood, for the organisation-wide checks.</summary>
    private sealed record GoalSource(string AreaId, string Id, string Field, int Line);

    private OrganisationImportValidator(ImportSource source, string tenantId, StoredOrganisation? stored)
    {
        _source = source;
        _tenantId = tenantId;
        _stored = stored;
        _errors = source.SyntaxErrors;
        _storedPeople = stored?.People.ToDictionary(p => p.Id, StringComparer.Ordinal) ?? new(StringComparer.Ordinal);
        _storedAreas = stored?.ServiceAreas.ToDictionary(a => a.Id, StringComparer.Ordinal) ?? new(StringComparer.Ordinal);
    }

    public static (OrganisationDraft? Draft, IReadOnlyList<ImportError> Errors) Validate(ImportSource source, string tenantId, StoredOrganisation? stored)
    {
        ArgumentNullException.ThrowIfNull(source);
        var validator = new OrganisationImportValidator(source, tenantId, stored);
        var draft = validator.Run();
        return validator._errors.Count == 0 ? (draft, []) : (null, validator._errors.All);
    }

    private OrganisationDraft? Run()
    {
        if (_errors.Count > 0)
        {
            return null;
        }

        var organisation = _source.Organisation is { } record ? ReadOrganisation(record) : ExistingOrganisationForSheet();
        var newPeople = _source.People.Select(ReadPerson).OfType<Person>().ToList();
        var newAreas = _source.ServiceAreas.Select(ReadServiceArea).OfType<ServiceArea>().ToList();
        var units = _source.Units.Select(r => ReadUnit(r, organisation?.DefaultTimeZone)).OfType<Unit>().ToList();
        CheckReferences(newAreas, units);
        CheckGoalBreakdown();
        if (_source.Organisation is not null && newAreas.Count(a => a.Kind == ServiceAreaKind.TopManagement) > 1)
        {
            Error(_source.Organisation.Line, "serviceAreas", ImportReasonKind.TopManagementTwice);
        }

        // People and areas defined by a units sheet's own columns are new records too.
        var listedPeople = newPeople.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var listedAreas = newAreas.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        newPeople.AddRange(_people.Values.Select(p => p.Person).Where(p => !listedPeople.Contains(p.Id) && !IsStoredPerson(p)));
        newAreas.AddRange(_areas.Values.Select(a => a.Area).Where(a => !listedAreas.Contains(a.Id) && !IsStoredArea(a)));
        return organisation is null
            ? null
            : new OrganisationDraft(organisation, newAreas, newPeople, units) { KeepGoalsOf = _keepGoalsOf, BareGoals = _bareGoals, KeepArchivedOf = _keepArchivedOf, IsWholeOrganisation = _source.IsWholeOrganisation };
    }

    private Organisation? ReadOrganisation(SourceRecord r)
    {
        CheckTenant(r);
        var name = Name(r, "name");
        var zone = r["timeZone"] is null ? "Europe/Oslo" : Zone(r, "timeZone");
        var channel = Channel(r, "coordinatorChannel");

        // A bad holiday period is reported but does not make the organisation unreadable: its units still need the
        // default time zone, or one error would cascade into a misleading one per unit.
        var periods = _source.HolidayPeriods.Select(ReadHolidayPeriod).OfType<Calendar.BlackoutPeriod>().ToList();
        var reminderHours = Organisation.DefaultReminderAfterHours;
        if (r["reminderAfterHours"] is { } hours
            && (!int.TryParse(hours.Value, NumberStyles.None, CultureInfo.InvariantCulture, out reminderHours) || reminderHours is < 1 or > 72))
        {
            Error(hours.Line, "reminderAfterHours", ImportReasonKind.NotReminderHours, ImportError.Quote(hours.Value));
        }

        var hoursPerWorkYear = Organisation.DefaultHoursPerWorkYear;
        if (r["hoursPerWorkYear"] is { } workYear
            && (!decimal.TryParse(workYear.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out hoursPerWorkYear)
                || hoursPerWorkYear is < Organisation.MinHoursPerWorkYear or > Organisation.MaxHoursPerWorkYear))
        {
            Error(workYear.Line, "hoursPerWorkYear", ImportReasonKind.NotHoursPerWorkYear, ImportError.Quote(workYear.Value), Organisation.MinHoursPerWorkYear, Organisation.MaxHoursPerWorkYear);
            hoursPerWorkYear = Organisation.DefaultHoursPerWorkYear;
        }

        var chaseWeeks = Organisation.DefaultBenefitChaseWeeks;
        if (r["benefitChaseWeeks"] is { } weeks
            && (!int.TryParse(weeks.Value, NumberStyles.None, CultureInfo.InvariantCulture, out chaseWeeks) || chaseWeeks is < 1 or > 52))
        {
            Error(weeks.Line, "benefitChaseWeeks", ImportReasonKind.NotChaseWeeks, ImportError.Quote(weeks.Value));
            chaseWeeks = Organisation.DefaultBenefitChaseWeeks;
        }

        var cycle = ReportCycle.Quarter;
        if (r["reportCycle"] is { } cycleText
            && !(Enum.TryParse(cycleText.Value, ignoreCase: true, out cycle) && Enum.IsDefined(cycle) && !char.IsAsciiDigit(cycleText.Value[0])))
        {
            Error(cycleText.Line, "reportCycle", ImportReasonKind.NotReportCycle, ImportError.Quote(cycleText.Value));
            cycle = ReportCycle.Quarter;
        }

        Uri? deviationSystem = null;
        if (r["deviationSystem"] is { } address
            && (address.Value.Length > Organisation.MaxDeviationSystemLength || !Uri.TryCreate(address.Value, UriKind.Absolute, out deviationSystem)
                || deviationSystem.Scheme != Uri.UriSchemeHttps || deviationSystem.UserInfo.Length > 0))
        {
            Error(address.Line, "deviationSystem", ImportReasonKind.NotHttpsAddress, ImportError.Quote(address.Value), Organisation.MaxDeviationSystemLength);
            deviationSystem = null;
        }

        Language? writtenLanguage = null;
        if (r["writtenLanguage"] is { } code)
        {
            if (WrittenLanguage.Codes.TryGetValue(code.Value.Trim(), out var chosen))
            {
                writtenLanguage = chosen;
            }
            else
            {
                Error(code.Line, "writtenLanguage", ImportReasonKind.NotWrittenLanguage, ImportError.Quote(code.Value));
            }
        }

        var digest = DigestSchedule.Default;
        if (r["digest.weekday"] is { } digestDay)
        {
            if (Weekdays.TryParse(digestDay.Value, out var day) && day is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                digest = digest with { Weekday = day };
            }
            else
            {
                Error(digestDay.Line, "digest.weekday", ImportReasonKind.NotDigestWeekday, ImportError.Quote(digestDay.Value));
            }
        }

        if (r["digest.time"] is { } digestTime)
        {
            if (BoardMeeting.TryParseStart(digestTime.Value, out var at))
            {
                digest = digest with { Time = at };
            }
            else
            {
                Error(digestTime.Line, "digest.time", ImportReasonKind.NotDigestTime, ImportError.Quote(digestTime.Value));
            }
        }

        var terms = ReadTerms(r);
        return name is null || zone is null
            ? null
            : new Organisation(_tenantId, name, zone, channel) { HolidayPeriods = periods, ReminderAfterHours = reminderHours, Digest = digest, DeviationSystem = deviationSystem, WrittenLanguage = writtenLanguage,
                HoursPerWorkYear = hoursPerWorkYear, BenefitChaseWeeks = chaseWeeks, ReportCycle = cycle, Terms = terms,
            };
    }

    /// <summary>The organisation's own terms, each field named terms.&lt;concept&gt;.&lt;language&gt;; a bad one is reported and left out.</summary>
    private OrganisationTerms ReadTerms(SourceRecord r)
    {
        var words = new List<(string, string, string)>();
        foreach (var (field, value) in r.Fields.Where(f => f.Key.StartsWith("terms.", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var parts = field.Split('.');
            if (parts.Length != 3)
            {
                Error(value.Line, field, ImportReasonKind.TermByConceptAndLanguage, "terms.serviceAreaLeader.nb");
            }
            else if (OrganisationTerms.Problem(parts[1], parts[2], value.Value) is { } problem)
            {
                Error(value.Line, field, problem);
            }
            else
            {
                words.Add((parts[1], parts[2], value.Value));
            }
        }

        return OrganisationTerms.Of(words);
    }

    private Calendar.BlackoutPeriod? ReadHolidayPeriod(SourceRecord r)
    {
        var name = Name(r, "name");
        var from = Date(r, "from", required: true);
        var to = Date(r, "to", required: true);
        if (from is not null && to is not null && to < from)
        {
            Error(r.LineOf("to"), "to", ImportReasonKind.HolidayEndsBeforeStart);
            return null;
        }

        return name is null || from is null || to is null ? null : new Calendar.BlackoutPeriod(from.Value, to.Value, name);
    }

    private Organisation? ExistingOrganisationForSheet()
    {
        if (_stored is not null)
        {
            return _stored.Organisation;
        }

        Error(1, "tenantId", ImportReasonKind.NotSetUp, _tenantId);
        return null;
    }

    private Person? ReadPerson(SourceRecord r)
    {
        var email = Email(r, "email");
        if (email is not null)
        {
            _listed.Add($"person|{email}");
        }

        var name = Name(r, "name");
        var roles = OrganisationRoles.None;
        foreach (var role in Split(r["roles"]?.Value))
        {
            if (Enum.TryParse<OrganisationRoles>(role, ignoreCase: true, out var parsed) && parsed != OrganisationRoles.None)
            {
                roles |= parsed;
            }
            else
            {
                Error(r.LineOf("roles"), "roles", ImportReasonKind.UnknownRole, ImportError.Quote(role));
            }
        }

        var aadObjectId = r["aadObjectId"];
        if (aadObjectId is not null && !Guid.TryParseExact(aadObjectId.Value, "D", out _))
        {
            Error(aadObjectId.Line, "aadObjectId", ImportReasonKind.NotObjectId, ImportError.Quote(aadObjectId.Value));
            return null;
        }

        if (email is null || name is null)
        {
            return null;
        }

        var person = new Person(email, name, roles, r["unit"]?.Value, aadObjectId?.Value);
        if (!_people.TryAdd(email, (person, r.Line)))
        {
            Error(r.LineOf("email"), "email", ImportReasonKind.DuplicatePerson, email, _people[email].Line);
            return null;
        }

        return person;
    }

    private ServiceArea? ReadServiceArea(SourceRecord r)
    {
        var id = Slug(r, "id");
        if (id is not null)
        {
            _listed.Add($"area|{id}");
        }

        var name = Name(r, "name");
        var leader = RequiredField(r, "leader", ImportReasonKind.MissingAreaLeader);
        var kind = ServiceAreaKind.ServiceArea;
        if (r["kind"] is { } k && !Enum.TryParse(k.Value, ignoreCase: true, out kind))
        {
            Error(k.Line, "kind", ImportReasonKind.NotAreaKind);
        }

        if (id is null || name is null || leader is null)
        {
            return null;
        }

        // A bad goal is reported but keeps the area, or one error would cascade into one per unit of the area.
        var goals = ReadAreaGoals(r, id);
        var area = new ServiceArea(id, name, kind, Person.NormaliseId(leader.Value)) { Goals = goals };
        if (!_areas.TryAdd(id, (area, r.Line, r)))
        {
            Error(r.LineOf("id"), "id", ImportReasonKind.DuplicateArea, id, _areas[id].Line);
            return null;
        }

        return area;
    }

    private Unit? ReadUnit(SourceRecord r, string? defaultZone)
    {
        if (r["tenantId"] is not null)
        {
            CheckTenant(r);
        }

        var id = Slug(r, "id");
        if (id is not null)
        {
            _listed.Add($"unit|{id}");
        }

        var name = Name(r, "name");
        var area = RequiredField(r, "serviceArea", ImportReasonKind.MissingServiceArea);
        var leader = RequiredField(r, "leader", ImportReasonKind.MissingUnitLeader);
        var zone = r["timeZone"] is null ? defaultZone : Zone(r, "timeZone");
        var meeting = ReadBoardMeeting(r);
        var leanStart = Date(r, "leanStart", required: true);
        var guidance = ReadGuidance(r);
        var coordinators = ReadCoordinators(r);
        if (r["serviceAreaName"] is not null || r["serviceAreaLeader"] is not null)
        {
            DefineAreaFromSheet(r);
        }

        if (leader is not null && Ids.Email().IsMatch(leader.Value) && r["leaderName"] is not null && Name(r, "leaderName") is { } leaderName)
        {
            DefinePersonFromSheet(leader.Value, leaderName, r.Line);
        }

        var channel = Channel(r, "channel");

        // The goals are checked even when another field is wrong: a form shows every field's error at once.
        var unitGoals = id is null || area is null ? null : ReadUnitGoals(r, id, area.Value);
        if (id is null || name is null || area is null || leader is null || zone is null || meeting is null || leanStart is null || coordinators is null
            || (channel is null && (r["channel.teamId"] ?? r["channel.channelId"] ?? r["channel.name"]) is not null))
        {
            return null;
        }

        if (unitGoals is not var (goals, supports, indicators))
        {
            return null;
        }

        if (_source.Organisation is null && !r.Fields.ContainsKey("goals"))
        {
            _keepGoalsOf.Add(id);
        }

        var archived = false;
        if (r["archived"] is not { } archivedField)
        {
            _keepArchivedOf.Add(id);
        }
        else if (!TryParseYesNo(archivedField.Value, out archived))
        {
            Error(archivedField.Line, "archived", ImportReasonKind.NotYesNo, ImportError.Quote(archivedField.Value));
            return null;
        }

        var unit = new Unit(id, name, area.Value, Person.NormaliseId(leader.Value), coordinators, zone, meeting, leanStart.Value, guidance, channel)
        {
            Goals = goals,
            GoalSupports = supports,
            GoalIndicators = indicators,
            Archived = archived,
        };
        if (!_units.TryAdd(id, (unit, r.Line, r)))
        {
            Error(r.LineOf("id"), "id", ImportReasonKind.DuplicateUnit, id, _units[id].Line);
            return null;
        }

        return unit;
    }

    /// <summary>
    /// A service area's goals: each a mapping with an id, a title and (below the top) the overall goal it supports.
    /// Bad ones are reported and left out.
    /// </summary>
    private List<Goal> ReadAreaGoals(SourceRecord r, string areaId)
    {
        var items = r.Items("goals");
        if (items.Count > ServiceArea.MaxGoals)
        {
            Error(items[0].Line, "goals", ImportReasonKind.TooManyAreaGoals, ServiceArea.MaxGoals);
        }

        var goals = new List<Goal>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var field = $"goals[{i}]";
            if (item[""] is { } bare)
            {
                Error(bare.Line, field, ImportReasonKind.AreaGoalNeedsId, ImportError.Quote(bare.Value));
                continue;
            }

            var id = item["id"];
            var title = item["title"];
            var supports = item["supports"];
            var ok = CheckGoalTitle(title, item.Line, $"{field}.title") & CheckGoalKeys(item, field, "id", "title", "supports");
            if (id is null || !Ids.Slug().IsMatch(id.Value))
            {
                Error(id?.Line ?? item.Line, $"{field}.id", id is null ? ImportReason.Of(ImportReasonKind.MissingGoalId) : ImportReason.Of(ImportReasonKind.NotGoalId, ImportError.Quote(id.Value)));
                ok = false;
            }

            if (supports is not null)
            {
                _goalLinks.Add(new GoalLink(areaId, null, title?.Value ?? "", $"{field}.supports", supports));
            }

            if (id is not null)
            {
                _goalSources.Add(new GoalSource(areaId, id.Value, $"{field}.id", id.Line));
            }

            if (ok)
            {
                goals.Add(new Goal(id!.Value, title!.Value, supports?.Value));
            }
            else if (id is not null)
            {
                _droppedGoalIds.Add(id.Value);
            }
        }

        return goals;
    }

    /// <summary>
    /// A unit's goals: titles as its board shows them, each optionally linked to the goal it supports, written
    /// <c>Title -> goal-id</c> (in a sheet cell too) or as a mapping <c>{ title: ..., supports: goal-id }</c>.
    /// </summary>
    private (List<string> Titles, Dictionary<string, string> Supports, Dictionary<string, GoalIndicator> Indicators)? ReadUnitGoals(SourceRecord r, string unitId, string areaId)
    {
        var items = r.Items("goals");
        if (items.Count > Unit.MaxGoals)
        {
            Error(items[0].Line, "goals", ImportReasonKind.TooManyUnitGoals, Unit.MaxGoals);
            return null;
        }

        var titles = new List<string>();
        var supports = new Dictionary<string, string>(StringComparer.Ordinal);
        var indicators = new Dictionary<string, GoalIndicator>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var field = item[""] is null ? $"goals[{i}].title" : "goals";
            SourceField? title;
            SourceField? link;
            if (item[""] is { } bare)
            {
                // "Title -> goal-id" links only when what follows the last arrow is an id: "Ventetid -> under 3 uker"
                // stays a title, as it was before links existed. The mapping form takes any title.
                var arrow = bare.Value.LastIndexOf("->", StringComparison.Ordinal);
                var target = arrow < 0 ? "" : bare.Value[(arrow + 2)..].Trim();
                var linked = Ids.Slug().IsMatch(target);
                title = linked ? new SourceField(bare.Value[..arrow].Trim(), bare.Line) : bare;
                link = linked ? new SourceField(target, bare.Line) : null;
            }
            else
            {
                (title, link) = (item["title"], item["supports"]);
                if (!CheckGoalKeys(item, $"goals[{i}]", "title", "supports", "indicator", "target", "better"))
                {
                    ok = false;
                    continue;
                }
            }

            (bool Ok, GoalIndicator? Indicator)? indicator = item[""] is null ? ReadIndicator(item, $"goals[{i}]") : null;
            if (indicator is { Ok: false })
            {
                ok = false;
                continue;
            }

            if (!CheckGoalTitle(title, item.Line, field))
            {
                ok = false;
                continue;
            }

            if (titles.Contains(title!.Value, StringComparer.Ordinal))
            {
                Error(title.Line, field, ImportReasonKind.GoalTwice, ImportError.Quote(title.Value));
                ok = false;
                continue;
            }

            titles.Add(title.Value);
            if (indicator?.Indicator is { } measured)
            {
                indicators[title.Value] = measured;
            }
            else if (item[""] is not null)
            {
                _bareGoals.Add((unitId, title.Value));
            }

            if (link is not null && link.Value.Length > 0)
            {
                supports[title.Value] = link.Value;
                _goalLinks.Add(new GoalLink(areaId, unitId, title.Value, item[""] is null ? $"goals[{i}].supports" : "goals", link));
            }
        }

        return ok ? (titles, supports, indicators) : null;
    }

    /// <summary>
    /// A goal's indicator, given as three keys beside its title: <c>indicator</c> (name and unit of measure), <c>target</c>
    /// and <c>better</c> (higher or lower). None of them: the goal is not measured. Some but not all: an error, since a
    /// half-given indicator cannot be drawn.
    /// </summary>
    private (bool Ok, GoalIndicator? Indicator) ReadIndicator(SourceRecord item, string field)
    {
        var (name, target, better) = (item["indicator"], item["target"], item["better"]);
        if (name is null && target is null && better is null)
        {
            return (true, null);
        }

        var ok = true;
        if (name is null || name.Value.Length == 0)
        {
            Error(target?.Line ?? better?.Line ?? item.Line, $"{field}.indicator", ImportReasonKind.IndicatorNeedsName);
            ok = false;
        }
        else if (name.Value.Length > GoalIndicator.MaxNameLength)
        {
            Error(name.Line, $"{field}.indicator", ImportReasonKind.IndicatorNameTooLong, GoalIndicator.MaxNameLength, name.Value.Length);
            ok = false;
        }

        var value = 0m;
        if (target is null || target.Value.Length == 0)
        {
            Error(name?.Line ?? better?.Line ?? item.Line, $"{field}.target", ImportReasonKind.IndicatorNeedsTarget);
            ok = false;
        }
        else if (!GoalIndicator.TryParse(target.Value, out value))
        {
            Error(target.Line, $"{field}.target", ImportReasonKind.NotIndicatorTarget, ImportError.Quote(target.Value), -GoalIndicator.MaxMagnitude, GoalIndicator.MaxMagnitude);
            ok = false;
        }

        IndicatorDirection direction = default;
        if (better is null || better.Value.Length == 0)
        {
            Error(name?.Line ?? target?.Line ?? item.Line, $"{field}.better", ImportReasonKind.IndicatorNeedsDirection, "higher", "lower");
            ok = false;
        }
        else if (better.Value.Trim().ToLowerInvariant() is var word && word is not ("higher" or "lower"))
        {
            Error(better.Line, $"{field}.better", ImportReasonKind.NotIndicatorDirection, ImportError.Quote(better.Value), "higher", "lower");
            ok = false;
        }
        else
        {
            direction = word == "lower" ? IndicatorDirection.Lower : IndicatorDirection.Higher;
        }

        return ok ? (true, new GoalIndicator(name!.Value, value, direction)) : (false, null);
    }

    /// <summary>A misspelt key ("support") would leave a goal silently unlinked: name it instead.</summary>
    private bool CheckGoalKeys(SourceRecord item, string field, params string[] known)
    {
        var unknown = item.Fields.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        foreach (var key in unknown)
        {
            Error(item.LineOf(key), $"{field}.{ImportError.Quote(key)}", ImportReasonKind.UnknownGoalField, string.Join(", ", known));
        }

        return unknown.Count == 0;
    }

    private bool CheckGoalTitle(SourceField? title, int line, string field)
    {
        if (title is null || title.Value.Length == 0)
        {
            Error(title?.Line ?? line, field, ImportReasonKind.MissingGoalTitle);
            return false;
        }

        if (title.Value.Length > Goal.MaxTitleLength)
        {
            Error(title.Line, field, ImportReasonKind.GoalTitleTooLong, Goal.MaxTitleLength, title.Value.Length);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Overall goals (the top management group's) support nothing; a service area's goal supports an overall goal; a
    /// unit's goal supports a goal of its own service area or an overall goal. Goal ids are unique in the organisation.
    /// </summary>
    private void CheckGoalBreakdown()
    {
        // Every goal of the organisation after this import: the file's own (where they stood, to report duplicates),
        // those of areas a sheet names (kept from storage), and those of stored areas the file does not touch.
        var goals = new Dictionary<string, ServiceArea>(StringComparer.Ordinal);
        var firstSource = new Dictionary<string, GoalSource>(StringComparer.Ordinal);
        foreach (var source in _goalSources)
        {
            if (goals.TryGetValue(source.Id, out var first))
            {
                Error(source.Line, source.Field, ImportReasonKind.DuplicateGoalId, source.Id, first.Id);
                continue;
            }

            goals[source.Id] = _areas[source.AreaId].Area;
            firstSource[source.Id] = source;
        }

        var areasWithGoalsInFile = _goalSources.Select(g => g.AreaId).ToHashSet(StringComparer.Ordinal);
        foreach (var area in _areas.Values.Select(a => a.Area).Where(a => !areasWithGoalsInFile.Contains(a.Id)))
        {
            foreach (var goal in area.Goals)
            {
                goals.TryAdd(goal.Id, area);
            }
        }

        foreach (var area in _stored?.ServiceAreas.Where(s => !_areas.ContainsKey(s.Id)) ?? [])
        {
            foreach (var goal in area.Goals)
            {
                if (!goals.TryAdd(goal.Id, area) && firstSource.TryGetValue(goal.Id, out var source))
                {
                    Error(source.Line, source.Field, ImportReasonKind.DuplicateStoredGoalId, goal.Id, area.Id);
                }
            }
        }

        foreach (var link in _goalLinks)
        {
            var (line, target) = (link.Supports.Line, link.Supports.Value);
            var ownArea = _areas.TryGetValue(link.AreaId, out var a) ? a.Area : _storedAreas.GetValueOrDefault(link.AreaId);
            if (ownArea is null || _droppedGoalIds.Contains(target))
            {
                continue;
            }

            bool Allowed(ServiceArea goalArea) =>
                goalArea.Kind == ServiceAreaKind.TopManagement || (link.UnitId is not null && goalArea.Id == link.AreaId);

            object Known()
            {
                var allowed = goals.Where(g => Allowed(g.Value)).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
                return allowed.Count == 0 ? ImportReason.Of(ImportReasonKind.NoGoalsYet) : Listed(allowed);
            }

            if (link.UnitId is null && ownArea.Kind == ServiceAreaKind.TopManagement)
            {
                Error(line, link.Field, ImportReasonKind.OverallGoalSupports, ImportError.Quote(link.GoalText));
            }
            else if (!goals.TryGetValue(target, out var targetArea))
            {
                Error(line, link.Field, ImportReasonKind.UnknownGoal, ImportError.Quote(target), Known());
            }
            else if (!Allowed(targetArea))
            {
                Error(line, link.Field, link.UnitId is null ? ImportReasonKind.AreaGoalCannotSupport : ImportReasonKind.UnitGoalCannotSupport,
                    ImportError.Quote(link.GoalText), target, targetArea.Id, Known());
            }
        }
    }

    private BoardMeeting? ReadBoardMeeting(SourceRecord r)
    {
        var dayField = r["boardMeeting.weekday"];
        var timeField = r["boardMeeting.time"];
        DayOfWeek day = default;
        TimeOnly time = default;
        var minutes = DefaultMeetingMinutes;
        var ok = true;
        if (dayField is null || !Weekdays.TryParse(dayField.Value, out day))
        {
            Error(r.LineOf("boardMeeting.weekday"), "boardMeeting.weekday",
                dayField is null ? ImportReason.Of(ImportReasonKind.MissingWeekday) : ImportReason.Of(ImportReasonKind.NotWeekday, ImportError.Quote(dayField.Value)));
            ok = false;
        }

        if (timeField is null || !BoardMeeting.TryParseStart(timeField.Value, out time))
        {
            Error(r.LineOf("boardMeeting.time"), "boardMeeting.time",
                timeField is null ? ImportReason.Of(ImportReasonKind.MissingStartTime) : ImportReason.Of(ImportReasonKind.NotStartTime, ImportError.Quote(timeField.Value)));
            ok = false;
        }

        if (r["boardMeeting.minutes"] is { } m &&
            (!int.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || minutes < BoardMeeting.MinMinutes || minutes > BoardMeeting.MaxMinutes))
        {
            Error(m.Line, "boardMeeting.minutes", ImportReasonKind.NotMeetingLength, ImportError.Quote(m.Value), BoardMeeting.MinMinutes, BoardMeeting.MaxMinutes);
            ok = false;
        }

        return ok ? new BoardMeeting(day, time, minutes) : null;
    }

    private GuidancePeriod? ReadGuidance(SourceRecord r)
    {
        if (r["guidance.consultant"] is null && r["guidance.from"] is null && r["guidance.to"] is null)
        {
            return null;
        }

        var consultant = Email(r, "guidance.consultant");
        var from = Date(r, "guidance.from", required: true);
        var to = Date(r, "guidance.to", required: true);
        if (from is not null && to is not null && to < from)
        {
            Error(r.LineOf("guidance.to"), "guidance.to", ImportReasonKind.GuidanceEndsBeforeStart);
            return null;
        }

        return consultant is null || from is null || to is null ? null : new GuidancePeriod(from.Value, to.Value, consultant);
    }

    private List<string>? ReadCoordinators(SourceRecord r)
    {
        var ids = new List<string>();
        var ok = true;
        // Only ';' separates coordinators: HR exports write names as "Berg, Anne".
        foreach (var entry in (r["coordinators"]?.Value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = NamedAddress().Match(entry);
            var email = Person.NormaliseId(match.Success ? match.Groups["email"].Value : entry);
            var name = match.Success ? match.Groups["name"].Value.Trim() : "";
            if (email.Length > ImportLimits.MaxEmailLength || !Ids.Email().IsMatch(email))
            {
                Error(r.LineOf("coordinators"), "coordinators", ImportReasonKind.NotCoordinatorAddress, ImportError.Quote(entry));
                ok = false;
                continue;
            }

            if (name.Length > ImportLimits.MaxNameLength)
            {
                Error(r.LineOf("coordinators"), "coordinators", ImportReasonKind.CoordinatorNameTooLong, email, name.Length, ImportLimits.MaxNameLength);
                ok = false;
                continue;
            }

            if (name.Length > 0)
            {
                DefinePersonFromSheet(email, name, r.Line);
            }

            ids.Add(email);
        }

        if (ids.Count > Unit.MaxCoordinators)
        {
            Error(r.LineOf("coordinators"), "coordinators", ImportReasonKind.TooManyCoordinators, Unit.MaxCoordinators, ids.Count);
            ok = false;
        }

        return ok ? ids : null;
    }

    private static bool TryParseYesNo(string value, out bool yes)
    {
        var word = value.Trim().ToLowerInvariant();
        yes = word is "yes" or "true" or "ja" or "1";
        return yes || word is "no" or "false" or "nei" or "nej" or "0";
    }

    private void CheckReferences(IReadOnlyList<ServiceArea> areas, IReadOnlyList<Unit> units)
    {
        foreach (var area in areas)
        {
            var (_, line, record) = _areas[area.Id];
            RequirePerson(area.LeaderId, line, "leader", record, _storedAreas.GetValueOrDefault(area.Id)?.LeaderId == area.LeaderId);
        }

        foreach (var unit in units)
        {
            var record = _units[unit.Id].Record;
            if (!_areas.ContainsKey(unit.ServiceAreaId) && !_storedAreas.ContainsKey(unit.ServiceAreaId) && !_listed.Contains($"area|{unit.ServiceAreaId}"))
            {
                Error(record.LineOf("serviceArea"), "serviceArea", ImportReasonKind.UnknownArea, ImportError.Quote(unit.ServiceAreaId), Listed(KnownAreaIds()));
            }

            var stored = _stored?.Unit(unit.Id);
            RequirePerson(unit.LeaderId, record.Line, "leader", record, stored?.LeaderId == unit.LeaderId);
            foreach (var coordinator in unit.CoordinatorIds)
            {
                RequirePerson(coordinator, record.Line, "coordinators", record, stored?.CoordinatorIds.Contains(coordinator, StringComparer.Ordinal) == true);
            }

            if (unit.Guidance is { } g)
            {
                RequirePerson(g.ConsultantId, record.Line, "guidance.consultant", record, stored?.Guidance?.ConsultantId == g.ConsultantId);
            }
        }

        foreach (var (person, line) in _people.Values.Where(p => p.Person.HomeUnitId is not null))
        {
            if (!_units.ContainsKey(person.HomeUnitId!) && _stored?.UnitIds.Contains(person.HomeUnitId!) != true && !_listed.Contains($"unit|{person.HomeUnitId}"))
            {
                Error(line, "unit", ImportReasonKind.UnknownUnit, ImportError.Quote(person.HomeUnitId!));
            }
        }
    }

    /// <summary>
    /// A person a unit or area names must be someone the organisation keeps: in an organisation file, someone the file
    /// lists (whoever it leaves out is removed); in a sheet, also someone already stored who has not been removed.
    /// A removed person the unit or area already names there (<paramref name="unchanged"/>) is accepted: the file
    /// exported after their removal names them as stored, and uploading it back must change nothing; they hold no role.
    /// </summary>
    private void RequirePerson(string id, int line, string field, SourceRecord record, bool unchanged)
    {
        var at = record.Fields.ContainsKey(field) ? record.LineOf(field) : line;
        var person = _people.TryGetValue(id, out var listed) ? listed.Person
            : _source.IsWholeOrganisation ? null
            : _storedPeople.GetValueOrDefault(id);
        if ((person is null && _listed.Contains($"person|{id}"))
            || (unchanged && (person ?? _storedPeople.GetValueOrDefault(id)) is { Removed: true }))
        {
            return;
        }

        if (person is null)
        {
            Error(at, field, _source.IsWholeOrganisation ? ImportReasonKind.UnknownPersonInFile : ImportReasonKind.UnknownPersonInSheet, ImportError.Quote(id));
        }
        else if (person.Removed)
        {
            Error(at, field, ImportReasonKind.RemovedPerson, ImportError.Quote(id));
        }
    }

    private void DefinePersonFromSheet(string email, string name, int line)
    {
        var id = Person.NormaliseId(email);
        var stored = _storedPeople.GetValueOrDefault(id);
        _people.TryAdd(id, (stored is null ? new Person(id, name, OrganisationRoles.None, null, null) : stored with { Name = name }, line));
    }

    private void DefineAreaFromSheet(SourceRecord r)
    {
        var id = Slug(r, "serviceArea");
        var name = Name(r, "serviceAreaName");
        var leader = Email(r, "serviceAreaLeader");
        if (id is not null && name is not null && leader is not null)
        {
            // A sheet says nothing of the area's kind or goals: keep what the organisation file set.
            var stored = _storedAreas.GetValueOrDefault(id);
            var area = stored is null
                ? new ServiceArea(id, name, ServiceAreaKind.ServiceArea, leader)
                : stored with { Name = name, LeaderId = leader, ETag = null };
            if (_areas.TryGetValue(id, out var first) && first.Area != area)
            {
                Error(r.LineOf("serviceAreaName"), "serviceAreaName", ImportReasonKind.AreaDescribedDifferently, id, first.Line);
            }

            _areas.TryAdd(id, (area, r.Line, r));
            RequirePerson(leader, r.Line, "serviceAreaLeader", r, stored?.LeaderId == leader);
        }
    }

    private void CheckTenant(SourceRecord r)
    {
        var field = r["tenantId"];
        if (field is null)
        {
            Error(r.LineOf("tenantId"), "tenantId", ImportReasonKind.MissingTenantId);
        }
        else if (!Ids.IsTenantId(field.Value))
        {
            Error(field.Line, "tenantId", ImportReasonKind.NotTenantId, ImportError.Quote(field.Value));
        }
        else if (!string.Equals(field.Value, _tenantId, StringComparison.OrdinalIgnoreCase))
        {
            Error(field.Line, "tenantId", ImportReasonKind.WrongTenant, field.Value, _tenantId);
        }
    }

    private string? Required(SourceRecord r, string field)
    {
        if (r[field] is { } value)
        {
            return value.Value;
        }

        Error(r.LineOf(field), field, ImportReasonKind.MissingValue);
        return null;
    }

    /// <summary>A name as the app shows it in cards and the tab: required, and short enough for a card's line.</summary>
    private string? Name(SourceRecord r, string field)
    {
        var value = Required(r, field);
        if (value is not null && value.Length > ImportLimits.MaxNameLength)
        {
            Error(r.LineOf(field), field, ImportReasonKind.NameTooLong, value.Length, ImportLimits.MaxNameLength);
            return null;
        }

        return value;
    }

    private SourceField? RequiredField(SourceRecord r, string field, ImportReasonKind reason) =>
        r[field] ?? Fail<SourceField>(r.LineOf(field), field, reason);

    private string? Slug(SourceRecord r, string field)
    {
        var value = Required(r, field);
        if (value is not null && !Ids.Slug().IsMatch(value))
        {
            Error(r.LineOf(field), field, ImportReasonKind.NotSlug, ImportError.Quote(value));
            return null;
        }

        return value;
    }

    private string? Email(SourceRecord r, string field)
    {
        var value = Required(r, field);
        if (value is not null && (value.Length > ImportLimits.MaxEmailLength || !Ids.Email().IsMatch(value)))
        {
            Error(r.LineOf(field), field, ImportReasonKind.NotEmail, ImportError.Quote(value));
            return null;
        }

        return value is null ? null : Person.NormaliseId(value);
    }

    private string? Zone(SourceRecord r, string field)
    {
        var value = Required(r, field);
        if (value is null)
        {
            return null;
        }

        // Only IANA ids: they are what Teams sends in localTimezone, and Windows ids would not round-trip on Linux.
        if (!_zones.TryGetValue(value, out var known))
        {
            known = value.Contains('/', StringComparison.Ordinal) && TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone) && zone.HasIanaId;
            _zones[value] = known;
        }

        if (known)
        {
            return value;
        }

        Error(r.LineOf(field), field, ImportReasonKind.UnknownTimeZone, ImportError.Quote(value));
        return null;
    }

    private DateOnly? Date(SourceRecord r, string field, bool required)
    {
        var value = required ? Required(r, field) : r[field]?.Value;
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(r.LineOf(field), field, ImportReasonKind.NotDate, ImportError.Quote(value));
        return null;
    }

    /// <summary>A Teams channel named by its team and channel ids: both or neither, and short enough to be real ones.</summary>
    private ChannelReference? Channel(SourceRecord r, string prefix)
    {
        if (r[$"{prefix}.teamId"] is null && r[$"{prefix}.channelId"] is null && r[$"{prefix}.name"] is null)
        {
            return null;
        }

        var team = ChannelId(r, $"{prefix}.teamId");
        var id = ChannelId(r, $"{prefix}.channelId");
        var name = r[$"{prefix}.name"] is null ? null : Name(r, $"{prefix}.name");
        return team is null || id is null || (name is null && r[$"{prefix}.name"] is not null) ? null : new ChannelReference(team, id, name);
    }

    private string? ChannelId(SourceRecord r, string field)
    {
        var value = Required(r, field);
        if (value is not null && value.Length > ImportLimits.MaxChannelIdLength)
        {
            Error(r.LineOf(field), field, ImportReasonKind.NotTeamsId, ImportError.Quote(value), ImportLimits.MaxChannelIdLength);
            return null;
        }

        return value;
    }

    private bool IsStoredPerson(Person p) => _storedPeople.TryGetValue(p.Id, out var s) && s with { ETag = null } == p with { ETag = null };

    private bool IsStoredArea(ServiceArea a) => _storedAreas.TryGetValue(a.Id, out var s) && s with { ETag = null } == a with { ETag = null };

    private List<string> KnownAreaIds() =>
        [.. _areas.Keys.Concat(_storedAreas.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Ids an error suggests instead: all of a small organisation's, the first of a large one's.</summary>
    private static object Listed(List<string> ids)
    {
        const int Shown = 20;
        return ids.Count <= Shown ? string.Join(", ", ids) : ImportReason.Of(ImportReasonKind.IdsAndMore, string.Join(", ", ids.Take(Shown)), ids.Count - Shown);
    }

    private static string[] Split(string? list) =>
        (list ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private void Error(int line, string field, ImportReasonKind kind, params object[] arguments) => _errors.Add(line, field, ImportReason.Of(kind, arguments));

    private void Error(int line, string field, ImportReason reason) => _errors.Add(line, field, reason);

    private T? Fail<T>(int line, string field, ImportReasonKind reason)
        where T : class
    {
        Error(line, field, reason);
        return null;
    }

    [GeneratedRegex(@"^(?<name>[^<]*)<(?<email>[^>]+)>$", RegexOptions.CultureInvariant)]
    private static partial Regex NamedAddress();
}
