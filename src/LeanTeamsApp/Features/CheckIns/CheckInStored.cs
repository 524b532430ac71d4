using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.CheckIns;

/// <summary>
/// Announced once a unit's check-in is stored: a new one, a correction, or the same one sent again (Teams retrying, a
/// second click), which announces it again so that what a subscriber could not do the first time is done now. Features
/// that keep something of their own from check-ins subscribe to it; the check-ins feature calls none of them.
/// <paramref name="At"/> is when it was sent.
/// </summary>
public sealed record CheckInStored(string TenantId, Unit Unit, CheckIn CheckIn, DateTimeOffset At);
