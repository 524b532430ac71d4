using System.Text.RegularExpressions;

namespace LeanTeamsApp.LoadTest;

/// <summary>
/// Azurite's access-log lines (<see cref="LeanTeamsApp.Testing.AccessLog.Lines"/>) read for the submit benchmark: whose
/// request each is, and what kind of storage call, so that the bot's and the bare endpoint's lists can be set side by side.
/// </summary>
public static partial class StorageLog
{
    /// <summary>The bare endpoint's: it connects to storage from its own loopback address.</summary>
    public static bool IsBare(string line) =>
        line.StartsWith(BareEndpoint.StorageAddress + " ", StringComparison.Ordinal) || line.StartsWith($"::ffff:{BareEndpoint.StorageAddress} ", StringComparison.Ordinal);

    /// <summary>
    /// The service's background rather than a submit of <paramref name="tenant"/>: the list of tenants and any request
    /// that names another tenant's partition (the schedulers' ticks over every tenant, every 5 s here), and of the
    /// tenant's own, what its scheduler tick reads and no submit does (the organisation row, the time zones and
    /// meeting-end index, the scheduler's lease, the units read whole; a submit reads three columns of them).
    /// </summary>
    public static bool IsBackground(string line, string tenant)
    {
        var url = Uri.UnescapeDataString(Url().Match(line).Groups["url"].Value);
        var partitions = Partition().Matches(url).Select(m => m.Groups["key"].Value).ToList();
        return url.Contains("/Tenants", StringComparison.Ordinal)
            || partitions.Any(p => p != tenant)
            || url.Contains("'organisation'", StringComparison.Ordinal)
            || url.Contains("'timezones'", StringComparison.Ordinal)
            || url.Contains("meetingend|", StringComparison.Ordinal)
            || url.Contains("'scheduler|", StringComparison.Ordinal)
            || (url.Contains("/Directory()", StringComparison.Ordinal) && url.Contains("'unit|'", StringComparison.Ordinal) && !url.Contains("$select=", StringComparison.Ordinal));
    }

    /// <summary>"Directory point read", "Improvements range query", "transaction", "Outbox merge", "queue send": the table or queue and the call.</summary>
    public static string Kind(string line)
    {
        var match = Url().Match(line);
        var method = match.Groups["method"].Value;
        var url = Uri.UnescapeDataString(match.Groups["url"].Value);
        var path = url.Split('?')[0];
        var query = url.Contains('?', StringComparison.Ordinal) ? url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is [_, "$batch"])
        {
            return "transaction";
        }

        if (segments is [_, var queue, "messages", ..])
        {
            var name = queue.StartsWith("bare-", StringComparison.Ordinal) ? queue["bare-".Length..] : queue;
            var call = (method, segments.Length) switch
            {
                ("GET", _) when query.Contains("peekonly=true", StringComparison.Ordinal) => "peek",
                ("GET", _) => "receive",
                ("POST", _) => "send",
                ("DELETE", 4) => "delete message",
                ("PUT", 4) => "update message",
                _ => method,
            };
            return $"queue {call} ({(name.StartsWith("outbox", StringComparison.Ordinal) ? "outbox" : name)})";
        }

        if (segments is not [_, var resource])
        {
            return $"{method} {path}";
        }

        var table = resource.Split('(')[0];
        var keyed = resource.Contains("PartitionKey=", StringComparison.Ordinal);
        var kind = (method, keyed) switch
        {
            ("GET", true) => "point read",
            ("GET", false) when table.Length == resource.Length && !query.Contains("$filter", StringComparison.Ordinal) => "queue or table properties",
            ("GET", false) => "range query",
            ("POST", false) => "add",
            ("PUT", true) => "replace",
            ("PATCH" or "MERGE", true) => "merge",
            ("DELETE", true) => "delete",
            _ => method,
        };
        return $"{table} {kind}";
    }

    [GeneratedRegex(@"""(?<method>[A-Z]+) (?<url>\S+)")]
    private static partial Regex Url();

    [GeneratedRegex(@"PartitionKey(?:=| eq )'(?<key>[^']*)'")]
    private static partial Regex Partition();
}
