using System.Net;

namespace LeanTeamsApp.BotFramework.Connector;

/// <summary>
/// Decides which serviceUrls may receive the bot's token. A token sent to any other host would let that host
/// act as the bot, and serviceUrls come from inbound activities, so a forged or mistaken one must not get it.
/// </summary>
internal sealed class TrustedServiceUrls
{
    private readonly HashSet<string> exactHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> wildcardSuffixes = [];

    public TrustedServiceUrls(IEnumerable<string> hosts)
    {
        foreach (var entry in hosts)
        {
            var host = Normalize(entry);
            if (host.StartsWith("*.", StringComparison.Ordinal) && host.Length > 2)
            {
                wildcardSuffixes.Add(host[1..]);
            }
            else if (host.Length > 0 && !host.Contains('*', StringComparison.Ordinal))
            {
                exactHosts.Add(host);
            }
        }
    }

    public bool IsTrusted(Uri serviceUrl)
    {
        if (!serviceUrl.IsAbsoluteUri || serviceUrl.UserInfo.Length > 0)
        {
            return false;
        }

        var host = Normalize(serviceUrl.IdnHost);
        if (IsLoopback(serviceUrl, host))
        {
            // Local tools run over plain http; they are trusted only when someone listed them on purpose.
            return (serviceUrl.Scheme == Uri.UriSchemeHttp || serviceUrl.Scheme == Uri.UriSchemeHttps)
                && exactHosts.Contains(host);
        }

        return serviceUrl.Scheme == Uri.UriSchemeHttps
            && (exactHosts.Contains(host)
                || wildcardSuffixes.Exists(suffix => host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)));
    }

    private static bool IsLoopback(Uri serviceUrl, string host) =>
        serviceUrl.IsLoopback
        || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    private static string Normalize(string host) => host.Trim().Trim('[', ']').TrimEnd('.').ToLowerInvariant();
}
