using System.Globalization;

namespace LeanTeamsApp.Features.Planning;

public enum AppointmentKind
{
    SemiAnnualReview,
    GembaWalk,
    FishboneAnalysis,
}

/// <summary>
/// One meeting in the year wheel. <see cref="Start"/> and <see cref="End"/> carry the unit's local offset on that
/// date, so the wall-clock time people see is <c>Start.DateTime</c>.
/// </summary>
/// <param name="Id">
/// Stable across re-planning (<c>kind|unit|year|half</c>, see <see cref="IdFor"/>), so that a calendar integration
/// can update the meeting it created instead of creating another. A fishbone analysis carries the year and half of
/// its deadline, which does not change when the analysis moves.
/// </param>
/// <param name="OwnerId">The service-area leader, who owns every kind of appointment the planner makes.</param>
/// <param name="AttendeeIds">Everyone else who must be there: the unit leader, and the consultant during guidance.</param>
public sealed record PlannedAppointment(
    string Id,
    AppointmentKind Kind,
    string UnitId,
    string OwnerId,
    IReadOnlyList<string> AttendeeIds,
    DateTimeOffset Start,
    DateTimeOffset End)
{
    /// <summary>The owner and the attendees, each once.</summary>
    public IEnumerable<string> People => AttendeeIds.Prepend(OwnerId).Distinct(StringComparer.Ordinal);

    public static string IdFor(AppointmentKind kind, string unitId, int year, int half)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        return string.Create(CultureInfo.InvariantCulture, $"{kind}|{unitId}|{year}|H{half}");
    }

    /// <summary>Reads an id written by <see cref="IdFor"/>; false for anything else.</summary>
    public static bool TryParseId(string id, out AppointmentKind kind, out string unitId, out int year, out int half)
    {
        ArgumentNullException.ThrowIfNull(id);
        kind = default;
        unitId = "";
        year = 0;
        half = 0;
        // The unit id is a slug without '|', but parse from both ends so that one containing it still round-trips.
        var first = id.IndexOf('|', StringComparison.Ordinal);
        var last = id.LastIndexOf('|');
        var beforeLast = last > 0 ? id.LastIndexOf('|', last - 1) : -1;
        if (first < 0 || beforeLast <= first
            || !Enum.TryParse(id[..first], ignoreCase: false, out kind) || !Enum.IsDefined(kind)
            || !int.TryParse(id.AsSpan(beforeLast + 1, last - beforeLast - 1), NumberStyles.None, CultureInfo.InvariantCulture, out year)
            || id[(last + 1)..] is not ("H1" or "H2"))
        {
            return false;
        }

        unitId = id[(first + 1)..beforeLast];
        half = id[^1] - '0';
        return unitId.Length > 0;
    }

    public bool Equals(PlannedAppointment? other) =>
        other is not null
        && (Id, Kind, UnitId, OwnerId, Start, End) == (other.Id, other.Kind, other.UnitId, other.OwnerId, other.Start, other.End)
        && AttendeeIds.SequenceEqual(other.AttendeeIds, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Id, Kind, UnitId, OwnerId, Start, End, AttendeeIds.Count);
}
