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

public sealed record EditResult(EditOutcome Outcome, IReadOnlyDictionary<string, ImportReason[]> Errors, string Detail = "")
{
    public static EditResult Of(EditOutcome outcome, string detail = "") => new(outcome, new Dictionary<string, ImportReason[]>(), detail);

    /// <summary>The errors by field, each worded in <paramref name="language"/>.</summary>
    public IReadOnlyDictionary<string, string[]> ErrorsIn(Language language) =>
        Errors.ToDictionary(e => e.Key, e => e.Value.Select(r => r.In(language)).ToArray(), StringComparer.Ordinal);
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
    public const string SourceName = OrganisationChangeLog.TabEdit;

    // The line each record of the one-record "file" stands on, which tells whose field an error is about.
    private const int RecordLine = 1;
    private const int PersonLine = 2;
    private const int RolesLine = 3;
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
            return new EditResult(EditOutcome.Exists, new Dictionary<string, ImportReason[]> { ["id"] = [ImportReason.Of(ImportReasonKind.UnitIdTaken, unitId)] });
        }

        if (!create && row is null)
        {
            return EditResult.Of(EditOutcome.NotFound);
        }

        if (!create && !string.Equals(row!.ETag.ToString(), form.ETag, StringComparison.Ordinal))
        {
            return EditResult.Of(EditOutcome.Stale);
        }

        var errors = new Dictionary<string, List<ImportReason>>(StringComparer.Ordinal);
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
        var errors = new Dictionary<string, List<ImportReason>>(StringComparer.Ordinal);
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
        var errors = new Dictionary<string, List<ImportReason>>(StringComparer.Ordinal);
        var record = new SourceRecord(RecordLine);
        record.Fields["tenantId"] = new SourceField(tenantId, RecordLine);
        record.Fields["name"] = new SourceField(stored.Name, RecordLine);
        record.Fields["timeZone"] = new SourceField(stored.DefaultTimeZone, RecordLine);
        if (stored.DeviationSystem is { } deviationSystem)
        {
            record.Fields["deviationSystem"] = new SourceField(deviationSystem.AbsoluteUri, RecordLine);
        }

        // What the form does not show stays as stored: a record without them would set them back to their defaults.
        record.Fields["hoursPerWorkYear"] = new SourceField(stored.HoursPerWorkYear.ToString(CultureInfo.InvariantCulture), RecordLine);
        record.Fields["benefitChaseWeeks"] = new SourceField(stored.BenefitChaseWeeks.ToString(CultureInfo.InvariantCulture), RecordLine);
        record.Fields["reportCycle"] = new SourceField(stored.ReportCycle.ToString().ToLowerInvariant(), RecordLine);
        if (stored.WrittenLanguage is { } writtenLanguage)
        {
            record.Fields["writtenLanguage"] = new SourceField(WrittenLanguage.Code(writtenLanguage), RecordLine);
        }

        Put(errors, record, "reminderAfterHours", form.ReminderAfterHours?.ToString(CultureInfo.InvariantCulture));
        Put(errors, record, "digest.weekday", form.DigestWeekday, "digestWeekday");
        Put(errors, record, "digest.time", form.DigestTime, "digestTime");
        foreach (var (concept, words) in form.Terms ?? new Dictionary<string, IReadOnlyDictionary<string, string?>>())
        {
            foreach (var (language, word) in words ?? new Dictionary<string, string?>())
            {
                // Blank clears the term: the glossary's word stands again.
                Put(errors, record, $"terms.{concept}.{language}", word);
            }
        }

        var source = new ImportSource(SourceName) { Organisation = record };
        var periods = form.HolidayPeriods ?? [];
        if (periods.Count > ImportLimits.MaxHolidayPeriods)
        {
            Add(errors, "holidayPeriods", ImportReason.Of(ImportReasonKind.TooManyHolidayPeriods, ImportLimits.MaxHolidayPeriods));
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

    /// <summary>
    /// Gives a person the organisation-wide roles the form ticks and takes the others away, written as the person's
    /// record in a units sheet would say it: their name, home unit and Entra object id stay as stored. Someone the
    /// organisation does not know yet is added with the name given. The last Lean coordinator keeps the role: without
    /// one nobody could keep the organisation up to date, nor give the role back. Checked on what was read; a change to
    /// the coordinators saved meanwhile makes this one stale (see <see cref="ImportPlan"/>), so two coordinators who
    /// each take the role from the other cannot both succeed.
    /// </summary>
    public async Task<EditResult> SaveRolesAsync(string tenantId, PersonRolesForm form, string by, string byName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await importer.SnapshotAsync(tenantId, cancellationToken) is not { } snapshot)
        {
            return EditResult.Of(EditOutcome.NotSaved, "An import of the organisation is being written; save again in a minute.");
        }

        var id = Person.NormaliseId(form.Person ?? "");
        var row = id.Length <= Person.MaxIdLength && Ids.Email().IsMatch(id) ? snapshot.Row(DirectoryKeys.Person(id)) : null;
        var stored = row is null ? null : DirectoryRows.ToPerson(row);

        // Someone known is changed as read; someone removed may be picked again without an ETag, and comes back.
        if (stored is not null && (!stored.Removed || !string.IsNullOrEmpty(form.ETag)) && !string.Equals(row!.ETag.ToString(), form.ETag, StringComparison.Ordinal))
        {
            return EditResult.Of(EditOutcome.Stale);
        }

        var errors = new Dictionary<string, List<ImportReason>>(StringComparer.Ordinal);
        var roles = new List<string>();
        if (form.Coordinator)
        {
            roles.Add("coordinator");
        }
        else if (stored is { Removed: false } && stored.Roles.HasFlag(OrganisationRoles.Coordinator)
            && !snapshot.Under(DirectoryKeys.PersonPrefix).Select(DirectoryRows.ToPerson).Any(p => p.Id != id && !p.Removed && p.Roles.HasFlag(OrganisationRoles.Coordinator)))
        {
            Add(errors, "coordinator", ImportReason.Of(ImportReasonKind.OnlyCoordinator, stored.Name));
        }

        if (form.Consultant)
        {
            roles.Add("consultant");
        }

        if (form.TopManagement)
        {
            roles.Add("topManagement");
        }

        var record = new SourceRecord(RolesLine);
        Put(errors, record, "email", id, "person");
        Put(errors, record, "name", stored?.Name ?? form.Name, "name");
        Put(errors, record, "roles", string.Join("; ", roles));
        Put(errors, record, "unit", stored?.HomeUnitId);
        Put(errors, record, "aadObjectId", stored?.AadObjectId);
        if (stored is null && string.IsNullOrWhiteSpace(form.Name) && !errors.ContainsKey("person"))
        {
            Add(errors, "name", ImportReason.Of(ImportReasonKind.UnknownPersonNeedsName, id));
        }

        var source = new ImportSource(SourceName);
        source.People.Add(record);
        return await ApplyAsync(snapshot, source, errors, by, byName, cancellationToken);
    }

    private async Task<EditResult> ApplyAsync(
        DirectorySnapshot snapshot, ImportSource source, Dictionary<string, List<ImportReason>> errors, string by, string byName, CancellationToken cancellationToken)
    {
        if (errors.Count == 0)
        {
            var (plan, problems) = OrganisationImporter.Plan(source, snapshot, SourceName, null, time.GetUtcNow());
            foreach (var problem in problems)
            {
                Add(errors, FieldOf(problem), Reworded(problem.Why));
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
        RolesLine => error.Field == "email" ? "person" : error.Field,
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
    private static ImportReason Reworded(ImportReason reason) => reason.Kind switch
    {
        ImportReasonKind.UnknownPersonInFile or ImportReasonKind.UnknownPersonInSheet => reason with { Kind = ImportReasonKind.UnknownPersonInForm },
        ImportReasonKind.RemovedPerson => reason with { Kind = ImportReasonKind.RemovedPersonInForm },
        _ => reason,
    };

    private static void Put(Dictionary<string, List<ImportReason>> errors, SourceRecord into, string field, string? value, string? shownAs = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (value.Length > ImportLimits.MaxValueLength || ImportText.ValueProblem(value) is not null)
        {
            Add(errors, shownAs ?? field, ImportText.ValueProblem(value) ?? ImportReason.Of(ImportReasonKind.ValueTooLong, value.Length, ImportLimits.MaxValueLength));
            return;
        }

        into.Fields[field] = new SourceField(value.Trim(), into.Line);
    }

    private static void Add(Dictionary<string, List<ImportReason>> errors, string field, ImportReason reason)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(reason);
    }
}
