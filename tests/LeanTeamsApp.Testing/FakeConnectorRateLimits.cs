using LeanTeamsApp.BotFramework.Connector;

namespace LeanTeamsApp.Testing;

/// <summary>
/// Teams' documented per-thread and per-tenant windows, on the real clock, optionally scaled down so that tests
/// stay short. Only accepted requests count, so a sender that backs off after a 429 recovers.
/// </summary>
internal sealed class FakeConnectorRateLimits(double timeScale)
{
    private static readonly (int Permits, double Seconds)[] WriteWindows = [(7, 1), (8, 2), (60, 30), (1800, 3600)];
    private static readonly (int Permits, double Seconds)[] ReadWindows = [(14, 1), (16, 2), (120, 30), (3600, 3600)];
    private static readonly (int Permits, double Seconds)[] TenantWindows = [(50, 1)];

    private readonly Dictionary<string, List<long>> _accepted = new(StringComparer.Ordinal);

    public double TimeScale => timeScale;

    /// <summary>
    /// Null when the request fits every window (and is then counted), else how long until it would.
    /// Call under the connector's lock.
    /// </summary>
    public TimeSpan? TryAdmit(ConnectorOperation operation, string thread, string tenant)
    {
        var read = operation is ConnectorOperation.GetMembers or ConnectorOperation.GetPagedMembers or ConnectorOperation.GetMember;
        var threadKey = $"{(read ? "read" : "write")}|{thread}";
        var tenantKey = $"tenant|{tenant}";
        var now = TimeProvider.System.GetTimestamp();
        var wait = Max(Wait(threadKey, read ? ReadWindows : WriteWindows, now), Wait(tenantKey, TenantWindows, now));
        if (wait is not null)
        {
            return wait;
        }

        Log(threadKey).Add(now);
        Log(tenantKey).Add(now);
        return null;
    }

    private TimeSpan? Wait(string key, (int Permits, double Seconds)[] windows, long now)
    {
        var log = Log(key);
        var longestSpan = TimeSpan.FromSeconds(windows.Max(w => w.Seconds) * timeScale);
        log.RemoveAll(t => TimeProvider.System.GetElapsedTime(t, now) >= longestSpan);
        TimeSpan? longest = null;
        foreach (var (permits, seconds) in windows)
        {
            var span = TimeSpan.FromSeconds(seconds * timeScale);
            var inWindow = log.Count(t => TimeProvider.System.GetElapsedTime(t, now) < span);
            if (inWindow >= permits)
            {
                var oldestCounted = log[^permits];
                var until = span - TimeProvider.System.GetElapsedTime(oldestCounted, now);
                longest = Max(longest, until);
            }
        }

        return longest;
    }

    private List<long> Log(string key)
    {
        if (!_accepted.TryGetValue(key, out var log))
        {
            log = [];
            _accepted.Add(key, log);
        }

        return log;
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}
