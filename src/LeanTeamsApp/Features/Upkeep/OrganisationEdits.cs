using System.Globalization;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;

namespace LeanTeamsApp.Features.Upkeep;

public enum EditOutcome
{
    Saved,

    /// <summary>The form breaks a rule of the organisation file: <see cref="EditResult.Errors"/> names the fields.</summary>
    Invalid,

    /// <summary>The row changed since the form read it (its ETag), or while the change was written: nothing was written.</summary>
    Stale,
    NotFound,

    /// <summary>A new unit's id is taken.</summary>
    Exists,

    /// <summary>An import is being written, or storage failed: nothing was written, save again shortly.</summary>
    NotSaved,
}

public sealed record EditResult(EditOutcome Outcome, IReadOnlyDictionary<string, string[]> Errors, string Detail = "")
{
    public static EditResult Of(EditOutcome outcome, string detail = "") => new(outcome, new Dictionary<string, string[]>(), detail);
}

/// <summary>
/// One change to the organisation made in a form: written as the one record of a units sheet (or of an organisation
/// file, for the settings) would say it, checked by <see cref="OrganisationImportValidator"/>, planned by
/// <see cref="ImportPlan"/> and written by the import's journal, so that a form and a file obey the same rules and
/// leave the same history. A form names what it changes by the ETag it read; a row changed since is stale.
/// </summary>
public sealed class OrganisationEdits(OrganisationImporter importer, TimeProvider time)
{
    /// <summary>What the history shows in place of a file name.</summary>
    public const string SourceName = "(edited in the tab)";

    // The line each record of the one-record "file" stands on, which tells whose field an error is about.
    private const int RecordLine = 1;
    private const int PersonLine = 2;
    private const int FirstHolidayLine = 10;

    public async Task<EditResult> SaveUnitAsync(
        string tenantId, string unitId, UnitForm form, bool create, bool? archived, string by, string byName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await importer.SnapshotAsync(tenantId, cancellationToken) is not { } snapshot)
        {
            return EditResult.Of(EditOutcome.NotSaved, "An import of the organisation is being written; save again in a minute.");
        }

        var row = Ids.Slug().IsMatch(unitId) ? snapshot.Row(DirectoryKeys.Unit(unitId)) : null;
        if (create && row is not null)
        {
            return EditResult.Of(EditOutcome.Exists, $"There is a unit with the id '{unitId}' already; choose another id.");
        }

        if (!create && row is null)
        {
            return EditResult.Of(EditOutcome.NotFound);
        }

        if (!create && !string.Equals(row!.ETag.ToString(), form.ETag, StringComparison.Ordinal))
        {
            return EditResult.Of(EditOutcome.Stale);
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var record = new SourceRecord(RecordLine);
        Put(errors, record, "id", unitId);
        Put(errors, record, "name", form.Name);
        Put(errors, record, "serviceArea", form.ServiceArea);
        Put(errors, record, "leader", form.Leader);
        Put(errors, record, "leaderName", form.LeaderName);
        Put(errors, record, "coordinators", string.Join("; ", (form.Coordinators ?? []).Where(c => !string.IsNullOrWhiteSpace(c))));
        Put(errors, record, "timeZone", form.TimeZone);
        Put(errors, record, "boardMeeting.weekday", form.BoardMeeting?.Weekday);
        Put(errors, record, "boardMeeting.time", form.BoardMeeting?.Time);
        Put(errors, record, "boardMeeting.minutes", form.BoardMeeting?.Minutes?.ToString(CultureInfo.InvariantCulture));
        Put(errors, record, "leanStart", form.LeanStart);
        Put(errors, record, "guidance.consultant", form.Guidance?.Consultant);
        Put(errors, record, "guidance.from", form.Guidance?.From);
        Put(errors, record, "guidance.to", form.Guidance?.To);

        // Present though empty: a form without goals means none, where a sheet without the column keeps them.
        record.Fields["goals"] = new SourceField("", RecordLine);
        var goals = form.Goals ?? [];
        for (var i = 0; i < goals.Count; i++)
        {
            // An empty title is still a goal the form shows, and must be reported as one.
            record.Fields[$"goals[{i}].title"] = new SourceField(goals[i].Title?.Trim() ?? "", RecordLine);
            Put(errors, record, $"goals[{i}].supports", goals[i].Supports);
            Put(errors, record, $"goals[{i}].indicator", goals[i].Indicator);
            Put(errors, record, $"goals[{i}].target", goals[i].Target is { } target ? GoalIndicator.Format(target) : null);
            Put(errors, record, $"goals[{i}].better", goals[i].Better);
        }

        var stored = row is null ? null : DirectoryRows.ToUnit(row);
        Put(errors, record, "archived", (archived ?? stored?.Archived ?? false) ? "yes" : "no");
        var source = new ImportSource(SourceName);
        source.Units.Add(record);
        return await ApplyAsync(snapshot, source, errors, by, byName, cancellationToken);
    }

    public async Task<EditResult> SaveAreaAsync(string tenantId, string areaId, AreaForm form, string by, string byName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await importer.SnapshotAsync(tenantId, cancellationToken) is not { } snapshot)
        {
            return EditResult.Of(EditOutcome.NotSaved, "An import of the organisation is being written; save again in a minute.");
        }

        if ((Ids.Slug().IsMatch(areaId) ? snapshot.Row(DirectoryKeys.Area(areaId)) : null) is not { } row)
        {
            return EditResult.Of(EditOutcome.NotFound);
        }

        if (!string.Equals(row.ETag.ToString(), form.ETag, StringComparison.Ordinal))
        {
            return EditResult.Of(EditOutcome.Stale);
        }

        var stored = DirectoryRows.ToServiceArea(row);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var record = new SourceRecord(RecordLine);
        record.Fields["id"] = new SourceField(areaId, RecordLine);
        record.Fields["kind"] = new SourceField(stored.Kind == ServiceAreaKind.TopManagement ? "topManagement" : "serviceArea", RecordLine);
        Put(errors, record, "name", form.Name);
        Put(errors, record, "leader", form.Leader);
        var goals = form.Goals ?? [];
        for (var i = 0; i < goals.Count; i++)
        {
            Put(errors, record, $"goals[{i}].id", goals[i].Id);
            record.Fields[$"goals[{i}].title"] = new SourceField(goals[i].Title?.Trim() ?? "", RecordLine);
            Put(errors, record, $"goals[{i}].supports", goals[i].Supports);
        }

        var source = new ImportSource(SourceName);
        source.ServiceAreas.Add(record);

        // Someone the organisation does not know yet is added with the name given; one it knows keeps their row.
        if (form.Leader is { } leader && !string.IsNullOrWhiteSpace(form.LeaderName) && snapshot.Row(DirectoryKeys.Person(Person.NormaliseId(leader))) is null)
        {
            var person = new SourceRecord(PersonLine);
            Put(errors, person, "email", leader, "leader");
            Put(errors, person, "name", form.LeaderName, "leaderName");
            source.People.Add(person);
        }

        return await ApplyAsync(snapshot, source, errors, by, byName, cancellationToken);
    }

    public async Task<EditResult> SaveSettingsAsync(string tenantId, SettingsForm form, string by, string byName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await importer.SnapshotAsync(tenantId, cancellationToken) is not { } snapshot)
        {
            return EditResult.Of(EditOutcome.NotSaved, "An import of the organisation is being written; save again in a minute.");
        }

        if (snapshot.Row(DirectoryKeys.Organisation) is not { } row)
        {
            return EditResult.Of(EditOutcome.NotFound);
        }

        if (!string.Equals(row.ETag.ToString(), form.ETag, StringComparison.Ordinal))
        {
            return EditResult.Of(EditOutcome.Stale);
        }

        var stored = DirectoryRows.ToOrganisation(row);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var record = new SourceRecord(RecordLine);
        record.Fields["tenantId"] = new SourceField(tenantId, RecordLine);
        record.Fields["name"] = new SourceField(stored.Name, RecordLine);
        record.Fields["timeZone"] = new SourceField(stored.DefaultTimeZone, RecordLine);
        if (stored.DeviationSystem is { } deviationSystem)
        {
            record.Fields["deviationSystem"] = new SourceField(deviationSystem.AbsoluteUri, RecordLine);
        }

        Put(errors, record, "reminderAfterHours", form.ReminderAfterHours?.ToString(CultureInfo.InvariantCulture));
        Put(errors, record, "digest.weekday", form.DigestWeekday, "digestWeekday");
        Put(errors, record, "digest.time", form.DigestTime, "digestTime");
        var source = new ImportSource(SourceName) { Organisation = record };
        var periods = form.HolidayPeriods ?? [];
        if (periods.Count > ImportLimits.MaxHolidayPeriods)
        {
            Add(errors, "holidayPeriods", $"at most {ImportLimits.MaxHolidayPeriods} holiday periods");
        }

        for (var i = 0; i < periods.Count && i < ImportLimits.MaxHolidayPeriods; i++)
        {
            var period = new SourceRecord(FirstHolidayLine + i);
            Put(errors, period, "name", periods[i].Name, $"holidayPeriods[{i}].name");
            Put(errors, period, "from", periods[i].From, $"holidayPeriods[{i}].from");
            Put(errors, period, "to", periods[i].To, $"holidayPeriods[{i}].to");
            source.HolidayPeriods.Add(period);
        }

        return await ApplyAsync(snapshot, source, errors, by, byName, cancellationToken);
    }

    private async Task<EditResult> ApplyAsync(
        DirectorySnapshot snapshot, ImportSource source, Dictionary<string, List<string>> errors, string by, string byName, CancellationToken cancellationToken)
    {
        if (errors.Count == 0)
        {
            var (plan, problems) = OrganisationImporter.Plan(source, snapshot, SourceName, null, time.GetUtcNow());
            foreach (var problem in problems)
            {
                Add(errors, FieldOf(problem), Reworded(problem.Reason));
            }

            if (plan is not null && errors.Count == 0)
            {
                var result = await importer.ApplyAsync(plan, by, byName, cancellationToken);
                return result.Succeeded ? EditResult.Of(EditOutcome.Saved)
                    : result.Outcome == WriteOutcome.Conflict ? EditResult.Of(EditOutcome.Stale)
                    : EditResult.Of(EditOutcome.NotSaved, "Storage failed while saving; nothing was changed. Save again.");
            }
        }

        return new EditResult(EditOutcome.Invalid, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The form's name of the field an error is about, from the line its record stood on.</summary>
    private static string FieldOf(ImportError error) => error.Line switch
    {
        PersonLine => error.Field == "email" ? "leader" : error.Field == "name" ? "leaderName" : error.Field,
        >= FirstHolidayLine => $"holidayPeriods[{error.Line - FirstHolidayLine}].{error.Field}",
        _ => error.Field switch
        {
            "digest.weekday" => "digestWeekday",
            "digest.time" => "digestTime",
            "serviceAreaLeader" => "leader",
            _ => error.Field,
        },
    };

    // The validator's words are for a file; a form adds a person by giving their name.
    private static string Reworded(string reason) => reason
        .Replace("add them under people in the organisation file, or give their name in the sheet (leader_name, or Name <e-mail>)", "give their name too (Name <e-mail>), and they are added", StringComparison.Ordinal)
        .Replace("add them under people", "give their name too, and they are added", StringComparison.Ordinal)
        .Replace("by an earlier organisation file; add them back there first", "; name someone else, or add them back with an organisation file first", StringComparison.Ordinal);

    private static void Put(Dictionary<string, List<string>> errors, SourceRecord into, string field, string? value, string? shownAs = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (value.Length > ImportLimits.MaxValueLength || ImportText.ValueProblem(value) is not null)
        {
            Add(errors, shownAs ?? field, ImportText.ValueProblem(value) ?? $"a value has at most {ImportLimits.MaxValueLength} characters");
            return;
        }

        into.Fields[field] = new SourceField(value.Trim(), into.Line);
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string reason)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(reason);
    }
}
