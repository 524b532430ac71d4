using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace LeanTeamsApp.Infrastructure.Telemetry;

/// <summary>
/// Takes personal data out of every span before it is exported. The HTTP and Azure SDK spans name the addresses
/// they called, and those carry it: table row keys hold e-mail addresses (<c>Directory(PartitionKey='…',RowKey='person|…')</c>),
/// Bot Connector paths hold conversation ids that stand for one user's chat, query strings hold signed links.
/// Each path keeps only its plain words (<c>/v3/conversations/{id}/activities</c>); queries and client addresses go.
/// </summary>
public sealed partial class PersonalDataRedactor : BaseProcessor<Activity>
{
    private const string Hidden = "{id}";

    private static readonly string[] FullUrlTags = ["url.full", "http.url"];
    private static readonly string[] PathTags = ["url.path", "http.target"];
    private static readonly string[] DroppedTags = ["url.query", "client.address", "client.port", "enduser.id", "user.id", "user.email", "user.name"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var tag in FullUrlTags)
        {
            if (data.GetTagItem(tag) is string url)
            {
                data.SetTag(tag, RedactUrl(url));
            }
        }

        foreach (var tag in PathTags)
        {
            if (data.GetTagItem(tag) is string path)
            {
                data.SetTag(tag, RedactPath(path));
            }
        }

        foreach (var tag in DroppedTags)
        {
            if (data.GetTagItem(tag) is not null)
            {
                data.SetTag(tag, null);
            }
        }

        // A span named after its address ("GET /path", as some instrumentation does) carries the same data in its name.
        if (data.DisplayName.Contains('/', StringComparison.Ordinal))
        {
            var space = data.DisplayName.IndexOf(' ', StringComparison.Ordinal);
            data.DisplayName = space < 0 ? RedactPath(data.DisplayName) : data.DisplayName[..(space + 1)] + RedactPath(data.DisplayName[(space + 1)..]);
        }
    }

    /// <summary>Scheme, host and port, and the path's plain words; the query and everything that identifies goes.</summary>
    public static string RedactUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority) + RedactPath(uri.AbsolutePath)
            : Hidden;
    }

    /// <summary>
    /// Keeps a path segment only when it is a plain word such as <c>api</c>, <c>v3</c> or <c>activities</c>: ids,
    /// keys, addresses, GUIDs and anything escaped become <c>{id}</c>. A route template's <c>{unitId}</c> stays, and
    /// a table entity's address keeps its table: <c>Outbox({id})</c>.
    /// </summary>
    public static string RedactPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var segments = (query < 0 ? path : path[..query]).Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length == 0 || PlainWord().IsMatch(segments[i]) || RoutePart().IsMatch(segments[i]))
            {
                continue;
            }

            segments[i] = TableEntity().Match(segments[i]) is { Success: true } entity ? $"{entity.Groups[1].Value}({Hidden})" : Hidden;
        }

        return string.Join('/', segments);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z_-]{0,31}[0-9]?$")]
    private static partial Regex PlainWord();

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9]{2,62})\\(.*\\)$")]
    private static partial Regex TableEntity();

    [GeneratedRegex("^\\{[A-Za-z][A-Za-z0-9_:?*]{0,40}\\}$")]
    private static partial Regex RoutePart();
}
