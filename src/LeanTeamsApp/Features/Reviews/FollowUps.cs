using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Reviews;

/// <summary>A unit's follow-up areas in a period: opened and closed in it, and open and overdue at its end.</summary>
public sealed record FollowUpCount(int Opened, int Closed, int OpenAtEnd, int OverdueAtEnd);

/// <summary>A follow-up area as the tab shows it; <paramref name="Status"/> is "open" or "closed".</summary>
public sealed record FollowUpDto(string Id, string Text, string Owner, DateOnly Deadline, string Status, bool Overdue);

/// <summary>
/// The follow-up areas as other features read them: the digest counts the overdue ones, the report counts them per
/// unit and period, the tab lists a unit's. Only this feature opens and closes them.
/// </summary>
public sealed class FollowUps(ReviewStore store, OrganisationStore organisation)
{
    /// <summary>Open follow-up areas past their deadline on <paramref name="now"/>'s date.</summary>
    public async Task<int> CountOverdueAsync(string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return (await store.ListOpenFollowUpsAsync(tenantId, cancellationToken)).Count(a => a.IsOverdue(today));
    }

    /// <summary>Every unit's follow-up areas in the period from <paramref name="from"/> to <paramref name="to"/>, by unit id.</summary>
    public async Task<IReadOnlyDictionary<string, FollowUpCount>> CountPerUnitAsync(string tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await store.ListAllFollowUpsAsync(tenantId, cancellationToken))
            .GroupBy(a => a.UnitId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Count(g, from, to), StringComparer.Ordinal);

    /// <summary>The unit's follow-up areas, overdue first, then by deadline, with their owners by name.</summary>
    public async Task<IReadOnlyList<FollowUpDto>> ListForUnitAsync(string tenantId, string unitId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var people = (await organisation.ListPeopleAsync(tenantId, cancellationToken)).ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return [.. (await store.ListFollowUpsAsync(tenantId, unitId, cancellationToken))
            .OrderByDescending(a => a.IsOverdue(today)).ThenBy(a => a.Deadline)
            .Select(a => new FollowUpDto(a.Id, a.Text, people.GetValueOrDefault(a.OwnerId, a.OwnerId), a.Deadline,
                a.Status == FollowUpStatus.Open ? "open" : "closed", a.IsOverdue(today)))];
    }

    /// <summary>A unit's follow-up areas in a period: opened and closed in it, and open and overdue at its end.</summary>
    internal static FollowUpCount Count(IEnumerable<FollowUpArea> areas, DateOnly from, DateOnly to)
    {
        static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
        var list = areas.ToList();
        bool OpenAt(FollowUpArea a, DateOnly day) => Day(a.CreatedAt) <= day && (a.ClosedAt is not { } closed || Day(closed) > day);
        return new FollowUpCount(
            list.Count(a => Day(a.CreatedAt) >= from && Day(a.CreatedAt) <= to),
            list.Count(a => a.ClosedAt is { } closed && Day(closed) >= from && Day(closed) <= to),
            list.Count(a => OpenAt(a, to)),
            list.Count(a => OpenAt(a, to) && a.Deadline < to));
    }
}
