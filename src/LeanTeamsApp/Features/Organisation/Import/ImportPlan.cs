using System.Globalization;
using Azure.Data.Tables;

namespace LeanTeamsApp.Features.Organisation.Import;

public enum ImportChangeKind
{
    Added,
    Changed,

    /// <summary>A person the organisation file leaves out: they lose their roles, their row stays for history.</summary>
    Removed,

    /// <summary>A removed person the organisation file lists again.</summary>
    Restored,

    /// <summary>A unit or service area the organisation file leaves out: kept as it is.</summary>
    Kept,

    /// <summary>Something about the file itself, such as the encoding it was read in.</summary>
    Note,
}

public enum ImportSubject
{
    File,
    Organisation,
    ServiceArea,
    Person,
    Unit,
}

/// <summary>
/// One line of an import's preview: what will be added, changed or removed, for which area, person or unit, and for a
/// change, which field from what to what. Structured so that a coordinator's preview in the tab can show the same
/// lines in its own words; <see cref="ToString"/> is the English line the command prints.
/// </summary>
public sealed record ImportChange(ImportChangeKind Kind, ImportSubject Subject, string Id, string? Field = null, string? Before = null, string? After = null, string? Note = null)
{
    public override string ToString()
    {
        var subject = Subject switch
        {
            ImportSubject.ServiceArea => "service area",
            ImportSubject.File => "file",
            _ => Subject.ToString().ToLowerInvariant(),
        };
        return Kind switch
        {
            ImportChangeKind.Added => $"+ {subject} {Id}: added{(Note is null ? "" : $" ({Note})")}",
            ImportChangeKind.Changed => $"~ {subject} {Id}: {Field}: {Before} -> {After}",
            ImportChangeKind.Removed => $"- {subject} {Id}: {Note}",
            ImportChangeKind.Restored => $"+ {subject} {Id}: {Note}",
            ImportChangeKind.Kept => $"= {subject} {Id}: {Note}",
            _ => $"! {Id}: {Note}",
        };
    }
}

/// <summary>A row the plan writes: how it was before (null: it did not exist) and the fingerprint of what is written (null: deleted).</summary>
internal sealed record JournalEntry(string RowKey, TableEntity? Before, string? After);

/// <summary>
/// A validated import file set against what the tenant has: the preview lines, and the transactions that make the
/// change, each write carrying the ETag read, with the before-image of every row they touch for the journal that
/// makes the whole plan all or nothing. Apply it with <see cref="OrganisationImporter.ApplyAsync"/>; a plan applied
/// after the organisation changed meets a conflict and writes nothing.
/// </summary>
public sealed class ImportPlan
{
    private const string None = "(none)";

    private ImportPlan(
        string tenantId,
        string fileName,
        string organisationName,
        IReadOnlyList<ImportChange> changes,
        IReadOnlyList<IReadOnlyList<TableTransactionAction>> transactions,
        IReadOnlyList<JournalEntry> journal)
    {
        TenantId = tenantId;
        FileName = fileName;
        OrganisationName = organisationName;
        Changes = changes;
        Transactions = transactions;
        Journal = journal;
    }

    public string TenantId { get; }

    public string FileName { get; }

    public string OrganisationName { get; }

    public IReadOnlyList<ImportChange> Changes { get; }

    /// <summary>Service areas, people and units in the file (for a sheet: those it adds or changes, and its units).</summary>
    public (int ServiceAreas, int People, int Units) InFile { get; private init; }

    public IEnumerable<string> PreviewLines => Changes.Select(c => c.ToString());

    /// <summary>The organisation had a Lean coordinator and would have none: nobody could keep it up to date from Teams.</summary>
    internal bool LeavesNoCoordinator { get; private init; }

    public int RowWrites => Transactions.Sum(t => t.Count);

    public int TransactionCount => Transactions.Count;

    public string Summary
    {
        get
        {
            int Count(ImportChangeKind kind) => Changes.Where(c => c.Kind == kind).Select(c => (c.Subject, c.Id)).Distinct().Count();
            return string.Create(CultureInfo.InvariantCulture,
                $"{Count(ImportChangeKind.Added)} added, {Count(ImportChangeKind.Changed)} changed, {Count(ImportChangeKind.Removed)} removed, " +
                $"{Count(ImportChangeKind.Restored)} back, {Count(ImportChangeKind.Kept)} not in the file and kept; {RowWrites} rows to write in {TransactionCount} transactions");
        }
    }

    internal IReadOnlyList<IReadOnlyList<TableTransactionAction>> Transactions { get; }

    internal IReadOnlyList<JournalEntry> Journal { get; }

    internal static ImportPlan Create(OrganisationDraft draft, DirectorySnapshot snapshot, string fileName, string? note, DateTimeOffset now)
    {
        var tenantId = draft.Organisation.TenantId;
        var changes = new List<ImportChange>();
        var groups = new List<(List<TableTransactionAction> Actions, long Bytes)>();
        var journal = new List<JournalEntry>();
        if (note is not null)
        {
            changes.Add(new(ImportChangeKind.Note, ImportSubject.File, fileName, Note: note));
        }

        // Every row is written once: its before-image is the snapshot's, and rows of one group that hold the same
        // properties (a unit and its index rows) share one fingerprint.
        void Add(List<TableTransactionAction> group, bool sameContent = false, bool first = false)
        {
            string? shared = null;
            long bytes = 0;
            foreach (var action in group)
            {
                var row = (TableEntity)action.Entity;
                string? after = null;
                if (action.ActionType != TableTransactionActionType.Delete)
                {
                    bytes += TableLimits.Check(row);
                    after = sameContent ? shared ??= RowImage.Fingerprint(row) : RowImage.Fingerprint(row);
                }

                journal.Add(new JournalEntry(row.RowKey, snapshot.Row(row.RowKey), after));
            }

            groups.Insert(first ? 0 : groups.Count, (group, bytes));
        }

        void Put(TableEntity desired) => Add([OrganisationStore.Write(desired, snapshot.Row(desired.RowKey)?.ETag.ToString())]);

        // The time-zone list first: a unit written in an early transaction must be findable by its meeting time.
        var zones = OrganisationStore.ZoneWrites(tenantId, snapshot.Row(DirectoryKeys.TimeZones), draft.Units.Select(u => u.TimeZone));
        if (zones.Count > 0)
        {
            Add(zones);
        }

        var storedOrganisationRow = snapshot.Row(DirectoryKeys.Organisation);
        var storedOrganisation = storedOrganisationRow is null ? null : DirectoryRows.ToOrganisation(storedOrganisationRow);

        // The coordinator channel is set from Teams, not from an HR file: keep it.
        var organisation = draft.Organisation with { CoordinatorChannel = draft.Organisation.CoordinatorChannel ?? storedOrganisation?.CoordinatorChannel };
        var organisationRow = DirectoryRows.ToRow(tenantId, organisation);
        if (storedOrganisationRow is null)
        {
            changes.Add(new(ImportChangeKind.Added, ImportSubject.Organisation, tenantId, Note: Text(organisation.Name)));
            Put(organisationRow);
        }
        else if (!DirectoryRows.SameContent(storedOrganisationRow, organisationRow))
        {
            changes.AddRange(Diff(ImportSubject.Organisation, tenantId, OrganisationFields, storedOrganisation!, organisation));
            Put(organisationRow);
        }

        var areasInFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var area in draft.ServiceAreas)
        {
            areasInFile.Add(area.Id);
            var row = DirectoryRows.ToRow(tenantId, area);
            var existing = snapshot.Row(row.RowKey);
            if (existing is null)
            {
                changes.Add(new(ImportChangeKind.Added, ImportSubject.ServiceArea, area.Id,
                    Note: $"{Text(area.Name)}, leader {area.LeaderId}{(area.Kind == ServiceAreaKind.TopManagement ? ", the top management group" : "")}"));
                Put(row);
            }
            else if (!DirectoryRows.SameContent(existing, row))
            {
                changes.AddRange(Diff(ImportSubject.ServiceArea, area.Id, AreaFields, DirectoryRows.ToServiceArea(existing), area));
                Put(row);
            }
        }

        var storedPeople = snapshot.Under(DirectoryKeys.PersonPrefix).Select(DirectoryRows.ToPerson).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var peopleInFile = new HashSet<string>(StringComparer.Ordinal);
        var peopleAfter = new Dictionary<string, Person>(storedPeople, StringComparer.Ordinal);
        foreach (var person in draft.People)
        {
            peopleInFile.Add(person.Id);
            var stored = storedPeople.GetValueOrDefault(person.Id);

            // The Entra object id is learned from Teams, not from HR files: keep it. Listed in an organisation file, a
            // removed person is back.
            var desired = person with { AadObjectId = person.AadObjectId ?? stored?.AadObjectId, Removed = !draft.IsWholeOrganisation && person.Removed, ETag = null };
            peopleAfter[person.Id] = desired;
            var row = DirectoryRows.ToRow(tenantId, desired);
            var existing = snapshot.Row(row.RowKey);
            if (existing is null || stored is null)
            {
                changes.Add(new(ImportChangeKind.Added, ImportSubject.Person, person.Id, Note: $"{Text(person.Name)}{RolesNote(desired)}"));
                Put(row);
            }
            else if (!DirectoryRows.SameContent(existing, row))
            {
                if (stored.Removed && !desired.Removed)
                {
                    changes.Add(new(ImportChangeKind.Restored, ImportSubject.Person, person.Id, Note: $"back in the organisation{RolesNote(desired)}"));
                }

                changes.AddRange(Diff(ImportSubject.Person, person.Id, PersonFields, stored, desired));
                Put(row);
            }
        }

        var removed = new HashSet<string>(StringComparer.Ordinal);
        if (draft.IsWholeOrganisation)
        {
            foreach (var stored in storedPeople.Values.Where(p => !peopleInFile.Contains(p.Id) && !p.Removed))
            {
                removed.Add(stored.Id);
                peopleAfter[stored.Id] = stored with { Roles = OrganisationRoles.None, HomeUnitId = null, Removed = true, ETag = null };
                Put(DirectoryRows.ToRow(tenantId, peopleAfter[stored.Id]));
                var loses = new List<string>();
                if (stored.Roles != OrganisationRoles.None)
                {
                    loses.Add($"the {RoleWords(stored.Roles)} role{(Enum.GetValues<OrganisationRoles>().Count(r => r != OrganisationRoles.None && stored.Roles.HasFlag(r)) == 1 ? "" : "s")}");
                }

                if (stored.HomeUnitId is { } home)
                {
                    loses.Add($"home unit {home}");
                }

                loses.Add("every role a unit or service area gives them");
                changes.Add(new(ImportChangeKind.Removed, ImportSubject.Person, stored.Id,
                    Note: $"not in the file: removed from the organisation; loses {string.Join(", ", loses)}; the row stays so that history still shows {Text(stored.Name)}"));
            }

            foreach (var area in snapshot.Under(DirectoryKeys.AreaPrefix).Select(DirectoryRows.ToServiceArea).Where(a => !areasInFile.Contains(a.Id)))
            {
                changes.Add(new(ImportChangeKind.Kept, ImportSubject.ServiceArea, area.Id, Note: $"not in the file; kept unchanged{RemovedNamed([("leader", area.LeaderId)], removed)}"));
            }
        }

        // Each of two changes planned against the same coordinators (two coordinators each taking the role from the
        // other) finds someone left with it; every change to who they are rewrites this row with the ETag read, in the
        // plan's first transaction, so that the second is a conflict and writes nothing.
        var coordinatorsBefore = CoordinatorIds(storedPeople.Values);
        var coordinatorsAfter = CoordinatorIds(peopleAfter.Values);
        if (!coordinatorsBefore.SetEquals(coordinatorsAfter))
        {
            // It holds how many there are and a random nonce of this plan, nothing about who they are (so an erasure
            // has nothing to remove here); the nonce tells the rollback of a plan that lost its own write from the winner's.
            var guard = new TableEntity(tenantId, DirectoryKeys.Coordinators)
            {
                ["Coordinators"] = coordinatorsAfter.Count,
                ["Nonce"] = Guid.NewGuid().ToString("N"),
            };
            Add([OrganisationStore.Write(guard, snapshot.Row(DirectoryKeys.Coordinators)?.ETag.ToString())], first: true);
        }

        var unitsInFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in draft.Units)
        {
            unitsInFile.Add(unit.Id);
            var existing = snapshot.Row(DirectoryKeys.Unit(unit.Id));
            var stored = existing is null ? null : DirectoryRows.ToUnit(existing);

            // The channel is learned from Teams ("register unit"): a file without one keeps it.
            var merged = stored is null ? unit : unit with { Channel = unit.Channel ?? stored.Channel };
            if (stored is not null)
            {
                // A changed meeting time in the file takes effect like one set in Teams: from the next meeting on.
                merged = MeetingClock.Reschedule(merged with { BoardMeeting = stored.BoardMeeting, EarlierMeetings = stored.EarlierMeetings }, unit.BoardMeeting, now).Unit;
            }

            if (stored is not null && draft.KeepGoalsOf.Contains(unit.Id))
            {
                merged = merged with { Goals = stored.Goals, GoalSupports = stored.GoalSupports, GoalIndicators = stored.GoalIndicators };
            }
            else if (stored is not null && merged.Goals.Any(g => draft.BareGoals.Contains((unit.Id, g)) && stored.GoalIndicators.ContainsKey(g)))
            {
                merged = merged with
                {
                    GoalIndicators = merged.GoalIndicators.Concat(stored.GoalIndicators.Where(p => merged.Goals.Contains(p.Key, StringComparer.Ordinal) && draft.BareGoals.Contains((unit.Id, p.Key))))
                        .ToDictionary(StringComparer.Ordinal),
                };
            }

            if (stored is not null && draft.KeepArchivedOf.Contains(unit.Id))
            {
                merged = merged with { Archived = stored.Archived };
            }

            var unitRow = DirectoryRows.ToRow(tenantId, DirectoryKeys.Unit(unit.Id), merged);
            var indexUnchanged = stored is not null && OrganisationStore.IndexKeysOf(stored).SequenceEqual(DirectoryKeys.IndexKeys(merged));
            if (existing is not null && indexUnchanged && DirectoryRows.SameContent(existing, unitRow))
            {
                continue;
            }

            var oldIndex = stored is null ? [] : OrganisationStore.IndexKeysOf(stored).Where(k => snapshot.Rows.ContainsKey(k));
            Add([.. OrganisationStore.UnitWrites(tenantId, merged, existing?.ETag.ToString(), oldIndex)], sameContent: true);

            changes.AddRange(stored is null
                ? [new(ImportChangeKind.Added, ImportSubject.Unit, unit.Id, Note: $"{Text(unit.Name)} in {unit.ServiceAreaId}, leader {unit.LeaderId}, {Meeting(unit.BoardMeeting)}")]
                : Diff(ImportSubject.Unit, unit.Id, UnitFields, stored, merged));
        }

        if (draft.IsWholeOrganisation)
        {
            foreach (var unit in snapshot.Under(DirectoryKeys.UnitPrefix).Select(DirectoryRows.ToUnit).Where(u => !unitsInFile.Contains(u.Id)))
            {
                IEnumerable<(string, string)> named = [("leader", unit.LeaderId), .. unit.CoordinatorIds.Select(c => ("unit coordinator", c)), .. unit.Guidance is { } g ? [("consultant", g.ConsultantId)] : Array.Empty<(string, string)>()];
                changes.Add(new(ImportChangeKind.Kept, ImportSubject.Unit, unit.Id, Note: $"not in the file; kept unchanged{RemovedNamed(named, removed)}"));
            }
        }

        return new ImportPlan(tenantId, fileName, organisation.Name, changes, Batch(groups), journal)
        {
            InFile = (draft.ServiceAreas.Count, draft.People.Count, draft.Units.Count),
            LeavesNoCoordinator = coordinatorsBefore.Count > 0 && coordinatorsAfter.Count == 0,
        };
    }

    private static HashSet<string> CoordinatorIds(IEnumerable<Person> people) =>
        people.Where(p => !p.Removed && p.Roles.HasFlag(OrganisationRoles.Coordinator)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>Groups of writes that must go together (a unit and its index rows) in transactions the service takes.</summary>
    private static List<IReadOnlyList<TableTransactionAction>> Batch(List<(List<TableTransactionAction> Actions, long Bytes)> groups)
    {
        var transactions = new List<IReadOnlyList<TableTransactionAction>>();
        var batch = new List<TableTransactionAction>();
        long bytes = 0;
        foreach (var (group, size) in groups)
        {
            if (batch.Count > 0 && (batch.Count + group.Count > TableLimits.MaxActionsPerTransaction || bytes + size > TableLimits.MaxTransactionBytes))
            {
                transactions.Add(batch);
                (batch, bytes) = ([], 0);
            }

            batch.AddRange(group);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            transactions.Add(batch);
        }

        return transactions;
    }

    private static IEnumerable<ImportChange> Diff<T>(ImportSubject subject, string id, (string Field, Func<T, string> Show)[] fields, T before, T after)
    {
        var any = false;
        foreach (var (field, show) in fields)
        {
            var (was, becomes) = (show(before), show(after));
            if (!string.Equals(was, becomes, StringComparison.Ordinal))
            {
                any = true;
                yield return new ImportChange(ImportChangeKind.Changed, subject, id, field, was, becomes);
            }
        }

        if (!any)
        {
            // The stored row differs in a way no field shows (written by an older version, or its index rows moved).
            yield return new ImportChange(ImportChangeKind.Changed, subject, id, "(stored row)", "as stored", "rewritten in the current format");
        }
    }

    private static readonly (string, Func<Organisation, string>)[] OrganisationFields =
    [
        ("name", o => Text(o.Name)),
        ("timeZone", o => o.DefaultTimeZone),
        ("reminderAfterHours", o => o.ReminderAfterHours.ToString(CultureInfo.InvariantCulture)),
        ("hoursPerWorkYear", o => o.HoursPerWorkYear.ToString(CultureInfo.InvariantCulture)),
        ("benefitChaseWeeks", o => o.BenefitChaseWeeks.ToString(CultureInfo.InvariantCulture)),
        ("reportCycle", o => o.ReportCycle.ToString()),
        ("digest", o => $"{o.Digest.Weekday} {o.Digest.Time:HH\\:mm}"),
        ("deviationSystem", o => o.DeviationSystem?.AbsoluteUri ?? None),
        ("writtenLanguage", o => o.WrittenLanguage is { } language ? WrittenLanguage.Code(language) : None),
        ("terms", o => o.Terms.IsEmpty ? None : string.Join("; ", o.Terms.All.Select(t => $"{t.Concept}.{t.Language}: {t.Word}"))),
        ("holidayPeriods", o => o.HolidayPeriods.Count == 0 ? None : Shorten(string.Join("; ", o.HolidayPeriods.Select(p => $"{p.Name} {Date(p.From)}..{Date(p.To)}")))),
        ("coordinatorChannel", o => Channel(o.CoordinatorChannel)),
    ];

    private static readonly (string, Func<ServiceArea, string>)[] AreaFields =
    [
        ("name", a => Text(a.Name)),
        ("kind", a => a.Kind.ToString()),
        ("leader", a => a.LeaderId),
        ("goals", a => a.Goals.Count == 0 ? None : Shorten(string.Join("; ", a.Goals.Select(g => $"{g.Id}: {g.Title}{(g.SupportsId is null ? "" : $" -> {g.SupportsId}")}")))),
    ];

    private static readonly (string, Func<Person, string>)[] PersonFields =
    [
        ("name", p => Text(p.Name)),
        ("roles", p => p.Roles == OrganisationRoles.None ? None : RoleWords(p.Roles)),
        ("unit", p => p.HomeUnitId ?? None),
        ("aadObjectId", p => p.AadObjectId ?? None),
    ];

    private static readonly (string, Func<Unit, string>)[] UnitFields =
    [
        ("name", u => Text(u.Name)),
        ("serviceArea", u => u.ServiceAreaId),
        ("leader", u => u.LeaderId),
        ("coordinators", u => u.CoordinatorIds.Count == 0 ? None : string.Join(", ", u.CoordinatorIds)),
        ("timeZone", u => u.TimeZone),
        ("boardMeeting", u => Meeting(u.BoardMeeting)),
        ("leanStart", u => Date(u.LeanStart)),
        ("guidance", u => u.Guidance is { } g ? $"{g.ConsultantId} {Date(g.From)}..{Date(g.To)}" : None),
        ("channel", u => Channel(u.Channel)),
        ("goals", u => u.Goals.Count == 0 ? None : Shorten(string.Join("; ", u.Goals.Select(g => u.GoalSupports.TryGetValue(g, out var s) ? $"{g} -> {s}" : g)))),
        ("indicators", u => u.GoalIndicators.Count == 0 ? None : Shorten(string.Join("; ", u.Goals.Where(u.GoalIndicators.ContainsKey)
            .Select(g => u.GoalIndicators[g] is var i ? $"{g}: {i.Name} {(i.Better == IndicatorDirection.Lower ? "<=" : ">=")} {GoalIndicator.Format(i.Target)}" : g)))),
        ("archived", u => u.Archived ? "yes" : "no"),
    ];

    private static string RolesNote(Person person) =>
        (person.Roles == OrganisationRoles.None ? "" : $", {RoleWords(person.Roles)}") + (person.HomeUnitId is { } home ? $", member of {home}" : "");

    private static string RoleWords(OrganisationRoles roles) => string.Join(" and ", Enum.GetValues<OrganisationRoles>()
        .Where(r => r != OrganisationRoles.None && roles.HasFlag(r))
        .Select(r => r == OrganisationRoles.TopManagement ? "top management" : r.ToString().ToLowerInvariant()));

    private static string RemovedNamed(IEnumerable<(string Role, string PersonId)> named, HashSet<string> removed)
    {
        var gone = named.Where(n => removed.Contains(n.PersonId)).Select(n => $"its {n.Role} {n.PersonId}").ToList();
        return gone.Count == 0 ? "" : $"; {string.Join(" and ", gone)} is removed from the organisation and holds no role there";
    }

    private static string Meeting(BoardMeeting m) => string.Create(CultureInfo.InvariantCulture, $"{m.Weekday} {m.Start:HH\\:mm} ({m.Minutes} min)");

    private static string Channel(ChannelReference? c) => c is null ? None : $"{c.TeamId}/{c.ChannelId}{(c.Name is null ? "" : $" ({c.Name})")}";

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(string text) => $"\"{Shorten(text)}\"";

    private static string Shorten(string text) => text.Length <= 200 ? text : $"{text[..200]}…";
}
