namespace LeanTeamsApp.Features.Organisation;

/// <summary>
/// The organisation's goal breakdown as one index: follows a unit goal up through its service-area goal to the
/// overall goal it serves, so each board can show how its goals connect to the top.
/// </summary>
public sealed class GoalBreakdown
{
    private readonly Dictionary<string, (Goal Goal, ServiceArea Area)> _goals = new(StringComparer.Ordinal);

    public GoalBreakdown(IEnumerable<ServiceArea> areas)
    {
        foreach (var area in areas)
        {
            foreach (var goal in area.Goals)
            {
                _goals.TryAdd(goal.Id, (goal, area));
            }
        }
    }

    /// <summary>True when the top management group has set overall goals: from then on every unit goal should trace to one.</summary>
    public bool HasOverallGoals => _goals.Values.Any(g => g.Area.Kind == ServiceAreaKind.TopManagement);

    /// <summary>The goals <paramref name="goalTitle"/> of <paramref name="unit"/> serves, nearest first; empty when it is not linked.</summary>
    public IReadOnlyList<Goal> Trace(Unit unit, string goalTitle)
    {
        var trace = new List<Goal>();
        var next = unit.GoalSupports.GetValueOrDefault(goalTitle);

        // The import refuses cycles and levels out of order; the bound only guards against rows edited by hand.
        while (next is not null && trace.Count < 3 && _goals.TryGetValue(next, out var found))
        {
            trace.Add(found.Goal);
            next = found.Goal.SupportsId;
        }

        return trace;
    }

    /// <summary>Whether the goal's trace ends at an overall goal of the top management group.</summary>
    public bool ReachesOverallGoal(Unit unit, string goalTitle) =>
        Trace(unit, goalTitle) is [.., var top] && _goals[top.Id].Area.Kind == ServiceAreaKind.TopManagement;
}
