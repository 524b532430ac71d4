using LeanTeamsApp.Features.Calendar;

namespace LeanTeamsApp.Features.Weeks;

/// <summary>
/// Each unit's weeks and years as the digest, the reports and the tab read them. Only this feature's recount writes
/// them (<see cref="WeekRecount"/>); others read them here, never from its store.
/// </summary>
public sealed class UnitWeeks(UnitWeekStore store)
{
    /// <summary>Every unit's open improvements by stage (units whose records never changed have no row).</summary>
    public Task<IReadOnlyList<UnitBoard>> ListBoardsAsync(string tenantId, CancellationToken cancellationToken) =>
        store.ListBoardsAsync(tenantId, cancellationToken);

    /// <summary>Every unit's weeks from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public Task<IReadOnlyList<UnitWeek>> ListWeeksAsync(string tenantId, IsoWeek from, IsoWeek to, CancellationToken cancellationToken) =>
        store.ListWeeksAsync(tenantId, from, to, cancellationToken);

    /// <summary>Every unit's recent weeks, years and board, one row per unit (units with nothing recorded have none).</summary>
    public Task<IReadOnlyList<UnitOverview>> ListOverviewAsync(string tenantId, CancellationToken cancellationToken) =>
        store.ListOverviewAsync(tenantId, cancellationToken);

    public Task<IReadOnlyList<UnitYear>> ListYearAsync(string tenantId, int year, CancellationToken cancellationToken) =>
        store.ListYearAsync(tenantId, year, cancellationToken);

    /// <summary>The first week every unit's overview row holds, when written in the week of <paramref name="today"/>.</summary>
    public static IsoWeek RecentFrom(DateOnly today) => UnitWeekStore.RecentFrom(today);

    /// <summary>Sums benefits per kind and measure; the affected units of the parts are kept together.</summary>
    public static IReadOnlyList<BenefitSum> Sum(IEnumerable<BenefitSum> benefits) => UnitWeekStore.Sum(benefits);
}
