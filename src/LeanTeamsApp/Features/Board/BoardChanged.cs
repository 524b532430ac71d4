using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Board;

/// <summary>
/// Announced by whoever changed a unit's records (an improvement added or moved, a benefit recorded), once the change is
/// stored. It counts in the week of <paramref name="At"/>, in the unit's time zone; a change a check-in made counts in
/// the week of its meeting, <see cref="MeetingDate"/>, as well.
/// </summary>
public sealed record BoardChanged(string TenantId, Unit Unit, DateTimeOffset At)
{
    public DateOnly? MeetingDate { get; init; }
}
