namespace LeanTeamsApp.Features.Planning;

/// <summary>
/// The plan and how it differs from <see cref="PlanRequest.Existing"/>. Every appointment of the year is in
/// <see cref="Appointments"/>, and also in exactly one of Added, Moved (its new version), Reassigned (its new
/// version) or Unchanged.
/// </summary>
public sealed record YearPlan(
    IReadOnlyList<PlannedAppointment> Appointments,
    IReadOnlyList<PlannedAppointment> Added,
    IReadOnlyList<AppointmentChange> Moved,
    IReadOnlyList<AppointmentChange> Reassigned,
    IReadOnlyList<PlannedAppointment> Cancelled,
    IReadOnlyList<PlannedAppointment> Unchanged,
    IReadOnlyList<UnplacedAppointment> Unplaced)
{
    /// <summary>Appointments that people have to be told about.</summary>
    public int ChangeCount => Added.Count + Moved.Count + Reassigned.Count + Cancelled.Count;
}

/// <summary>
/// An existing appointment and what it became. Moved: another time. Reassigned: the same time with other people
/// (a new service-area leader, a consultant joining).
/// </summary>
public sealed record AppointmentChange(PlannedAppointment Before, PlannedAppointment After);

/// <summary>An appointment that is due but has no valid place; the reason is for the coordinator to read.</summary>
public sealed record UnplacedAppointment(string Id, AppointmentKind Kind, string UnitId, UnplacedReason Why)
{
    /// <summary>The reason in English, as the log and the tests read it.</summary>
    public string Reason => Why.In(Organisation.Language.En);
}
