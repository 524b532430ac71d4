using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Infrastructure.Access;

/// <summary>What a caller asks to do. Every chat command, card action, tab endpoint and report link names one.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The domain's word for it; not a code-access-security permission.")]
public enum Permission
{
    /// <summary>A unit's board, status, improvements, deviations and follow-up areas.</summary>
    ViewUnit,

    /// <summary>A service area's digest, report and overview.</summary>
    ViewArea,

    /// <summary>The whole organisation's digest, report and overview.</summary>
    ViewOrganisation,

    /// <summary>Give or correct the check-in after a board meeting: the figures that go to management.</summary>
    ReportCheckIn,

    /// <summary>The unit's own board: suggest, move and realise improvements, close deviations.</summary>
    WorkOnBoard,

    /// <summary>
    /// The tab's board during the meeting: add improvements, move them, give them an owner and a due date, place them on
    /// the effort/effect grid. The unit's people, and the Lean coordinator, who often runs the board with a new unit.
    /// </summary>
    ManageImprovements,

    ChangeBoardMeeting,

    /// <summary>Bind a channel to a unit (or undo it), and choose the improvement forum's channel.</summary>
    BindChannel,

    PlanYear,

    /// <summary>Move, cancel or re-assign one review, Gemba walk or fishbone analysis.</summary>
    ManageAppointment,

    /// <summary>Record what a review, Gemba walk or fishbone analysis found.</summary>
    RecordReview,

    /// <summary>Close a follow-up area, or make a deviation one.</summary>
    ManageFollowUps,

    /// <summary>Correct or delete a recorded benefit: the figures that go into the digest and the report.</summary>
    CorrectBenefits,

    /// <summary>Read the organisation's action plan: anyone the organisation knows.</summary>
    ViewActionPlan,

    EditActionPlan,

    /// <summary>Keep the organisation up to date: download its file, preview and apply an import, read its change history.</summary>
    ManageOrganisation,

    /// <summary>Which units the app cannot reach in Teams, and why: for whoever can mend it, and top management.</summary>
    ViewDeliveryHealth,

    /// <summary>List and export everything stored about one person: the coordinator, or the person (the target's owner) themselves.</summary>
    SeePersonalData,

    /// <summary>Erase or anonymise everything stored about one person.</summary>
    ErasePersonalData,

    /// <summary>Search the directory for someone to name as a leader, unit coordinator or owner.</summary>
    PickPeople,

    /// <summary>
    /// Edit a unit in the tab. The coordinator changes everything (she also holds <see cref="ManageOrganisation"/>); the
    /// unit's leader only its board meeting, unit coordinators and goals.
    /// </summary>
    EditUnit,

    /// <summary>Edit a service area in the tab. The coordinator changes everything; the area's leader only its goals.</summary>
    EditAreaGoals,

    /// <summary>
    /// Find any unit of the organisation by name (the check-in card's "affects other units"): anyone the organisation
    /// knows, since a benefit in one unit may be work in any other.
    /// </summary>
    FindUnits,
}

/// <summary>
/// What an action is done to: the organisation, a service area, a unit, or an appointment (a unit's, with its owner).
/// <see cref="Unit"/> is carried along so that handlers need not read it again.
/// </summary>
public sealed record AccessTarget(string? AreaId, Unit? Unit, string? OwnerId)
{
    public static readonly AccessTarget Organisation = new(null, null, null);

    public static AccessTarget Area(string areaId) => new(areaId, null, null);

    public static AccessTarget ForUnit(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new(unit.ServiceAreaId, unit, null);
    }

    /// <summary>One person's data, which that person may also see.</summary>
    public static AccessTarget PersonalData(string personId) => new(null, null, personId);

    /// <summary>A unit's appointment, which its owner (the person who leads it) may also act on.</summary>
    public static AccessTarget Appointment(Unit unit, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new(unit.ServiceAreaId, unit, ownerId);
    }

    public string? UnitId => Unit?.Id;

    /// <summary>For logs: what kind of thing and its id. Unit and area ids are organisation data, not personal data.</summary>
    public string Describe() => Unit is { } unit ? $"unit {unit.Id}" : AreaId is { } area ? $"area {area}" : OwnerId is null ? "organisation" : "a person's data";
}

/// <summary>
/// The one access rule: which role may do what, and where. A grant is a role held organisation-wide, held for the
/// target's service area, held for the target unit itself, or being the target's owner. Everything not granted here
/// is refused. README's "Who may do what" shows the same table; the authorisation matrix test checks every entry
/// point against its own copy of it. Entry points ask <see cref="Check"/>, which also logs a refusal (without personal
/// data); filters over many units ask <see cref="Allows"/>.
/// </summary>
public sealed partial class AccessRule(ILogger<AccessRule> logger)
{
    private enum Where
    {
        Organisation,
        AreaOfTarget,
        TargetUnit,
        Owner,

        /// <summary>Anyone the organisation knows, whatever their role.</summary>
        Known,
    }

    private sealed record Grant(Role Role, Where Where);

    private static Grant Org(Role role) => new(role, Where.Organisation);

    private static Grant Area(Role role) => new(role, Where.AreaOfTarget);

    private static Grant Unit(Role role) => new(role, Where.TargetUnit);

    // The owner of an appointment may act on it whatever their role; Role is unused for this grant.
    private static readonly Grant Owner = new(Role.Member, Where.Owner);

    private static readonly Grant Known = new(Role.Member, Where.Known);

    private static readonly Grant[] Readers = [Org(Role.Coordinator), Org(Role.Consultant), Org(Role.TopManagement)];

    private static readonly Dictionary<Permission, Grant[]> Grants = new()
    {
        [Permission.ViewUnit] = [.. Readers, Area(Role.ServiceAreaLeader), Unit(Role.UnitLeader), Unit(Role.UnitCoordinator), Unit(Role.Member)],
        [Permission.ViewArea] = [.. Readers, Area(Role.ServiceAreaLeader)],
        [Permission.ViewOrganisation] = Readers,
        [Permission.ReportCheckIn] = [Unit(Role.UnitLeader), Unit(Role.UnitCoordinator)],
        [Permission.WorkOnBoard] = [Unit(Role.UnitLeader), Unit(Role.UnitCoordinator), Unit(Role.Member)],
        [Permission.ManageImprovements] = [Org(Role.Coordinator), Unit(Role.UnitLeader), Unit(Role.UnitCoordinator), Unit(Role.Member)],
        [Permission.ChangeBoardMeeting] = [Org(Role.Coordinator), Area(Role.ServiceAreaLeader), Unit(Role.UnitLeader), Unit(Role.UnitCoordinator)],
        [Permission.BindChannel] = [Org(Role.Coordinator)],
        [Permission.PlanYear] = [Org(Role.Coordinator)],
        [Permission.ManageAppointment] = [Org(Role.Coordinator), Owner],
        [Permission.RecordReview] = [Org(Role.Coordinator), Org(Role.Consultant), Area(Role.ServiceAreaLeader), Owner],
        [Permission.ManageFollowUps] = [Org(Role.Coordinator), Area(Role.ServiceAreaLeader), Unit(Role.UnitLeader), Unit(Role.UnitCoordinator)],
        [Permission.CorrectBenefits] = [Org(Role.Coordinator), Unit(Role.UnitLeader), Unit(Role.UnitCoordinator)],
        [Permission.ViewActionPlan] = [Known],
        [Permission.EditActionPlan] = [Org(Role.Coordinator)],
        [Permission.ManageOrganisation] = [Org(Role.Coordinator)],
        [Permission.ViewDeliveryHealth] = [Org(Role.Coordinator), Org(Role.TopManagement)],
        [Permission.SeePersonalData] = [Org(Role.Coordinator), Owner],
        [Permission.ErasePersonalData] = [Org(Role.Coordinator)],
        [Permission.PickPeople] = [Org(Role.Coordinator), Area(Role.ServiceAreaLeader), Unit(Role.UnitLeader)],
        [Permission.EditUnit] = [Org(Role.Coordinator), Unit(Role.UnitLeader)],
        [Permission.EditAreaGoals] = [Org(Role.Coordinator), Area(Role.ServiceAreaLeader)],
        [Permission.FindUnits] = [Known],
    };

    /// <summary>True when <paramref name="caller"/> may do <paramref name="permission"/> to <paramref name="target"/>.</summary>
    public static bool Allows(Caller caller, Permission permission, AccessTarget target)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(target);
        return caller.Person is { } person && Grants[permission].Any(g => g.Where switch
        {
            Where.Organisation => caller.Has(g.Role, null),
            Where.AreaOfTarget => target.AreaId is { } area && caller.Has(g.Role, area),
            Where.TargetUnit => target.UnitId is { } unit && caller.Has(g.Role, unit),
            Where.Owner => target.OwnerId is { } owner && string.Equals(owner, person.Id, StringComparison.Ordinal),
            Where.Known => true,
            _ => false,
        });
    }

    /// <summary>
    /// The check of an entry point (a command, card verb, tab endpoint or link): <see cref="Allows"/>, and a log line
    /// when refused that names the entry point, the permission, the target and the caller's roles, never the person.
    /// </summary>
    public bool Check(Caller caller, Permission permission, AccessTarget target, string entryPoint)
    {
        if (Allows(caller, permission, target))
        {
            return true;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var roles = caller.Person is null ? "none (not in the organisation)" : string.Join(',', caller.Roles.Select(r => r.Role).Distinct());
            var described = target.Describe();
            LogRefused(logger, entryPoint, permission, described, roles);
        }

        return false;
    }

    /// <summary>The units among <paramref name="units"/> the caller may do <paramref name="permission"/> to.</summary>
    public static IReadOnlyList<Unit> Filter(Caller caller, Permission permission, IEnumerable<Unit> units) =>
        [.. units.Where(u => Allows(caller, permission, AccessTarget.ForUnit(u)))];

    /// <summary>
    /// The service areas whose digest and report the caller reads: all of them for those who read the whole
    /// organisation, otherwise the areas they lead.
    /// </summary>
    public static IReadOnlyList<ServiceArea> AreasToRead(Caller caller, IEnumerable<ServiceArea> areas) =>
        [.. areas.Where(a => Allows(caller, Permission.ViewArea, AccessTarget.Area(a.Id)))];

    /// <summary>True when only organisation-wide roles grant <paramref name="permission"/>: a refusal names no unit then.</summary>
    public static bool IsOrganisationWide(Permission permission) => Grants[permission].All(g => g.Where is Where.Organisation or Where.Known);

    /// <summary>Who may do <paramref name="permission"/>, for a refusal that says so: the roles, and whether an owner may.</summary>
    public static (IReadOnlyList<Role> Roles, bool Owner) WhoMay(Permission permission) =>
        ([.. Grants[permission].Where(g => g.Where is not (Where.Owner or Where.Known)).Select(g => g.Role).Distinct()], Grants[permission].Any(g => g.Where == Where.Owner));

    /// <summary>The table as rows of (permission, role, where), for README and the matrix test's own check of it.</summary>
    public static IEnumerable<(Permission Permission, Role? Role, string Where)> Table() =>
        Grants.SelectMany(p => p.Value.Select(g => (p.Key, g.Where is Where.Owner or Where.Known ? (Role?)null : g.Role, g.Where.ToString())));

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {EntryPoint}: {Permission} on {Target} for a caller with roles {Roles}")]
    private static partial void LogRefused(ILogger logger, string entryPoint, Permission permission, string target, string roles);
}
