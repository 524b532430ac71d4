using System.Text;
using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace LeanTeamsApp.Infrastructure.Graph;

/// <summary>
/// <see cref="IGraphDirectory"/> over Microsoft Graph v1.0 "List users" with $search, an advanced query: it needs the
/// ConsistencyLevel: eventual header. Access is on behalf of the signed-in user (the tab's SSO token exchanged for a
/// Graph token, delegated User.ReadBasic.All) or app-only (User.Read.All), as <paramref name="credentialFor"/> gives;
/// a null credential means the user's token is needed and missing. Throttling is handled below, in <see cref="GraphRetryHandler"/>.
/// </summary>
internal sealed class GraphDirectory(HttpClient http, Func<string, string?, TokenCredential?> credentialFor, TimeProvider time) : IGraphDirectory
{
    // Graph's largest page for users is 999; a picker shows a handful, and a small page keeps the search cheap.
    public const int MaxTop = 25;

    private static readonly string[] Scopes = ["https://graph.microsoft.com/.default"];

    private static readonly string[] Fields = ["id", "displayName", "mail", "userPrincipalName", "jobTitle"];

    public async Task<DirectorySearchResult> SearchPeopleAsync(string tenantId, string query, int top, string? userAssertion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(top, MaxTop);
        if (credentialFor(tenantId, userAssertion) is not { } credential)
        {
            return DirectorySearchResult.Failure(DirectorySearchStatus.Forbidden, "NoUserToken");
        }

        // The client is cheap; the HTTP chain under it is shared. A client per call carries this caller's credential.
        var graph = new GraphServiceClient(http, credential, Scopes);
        try
        {
            var page = await graph.Users.GetAsync(
                c =>
                {
                    c.QueryParameters.Search = SearchClause(query);
                    c.QueryParameters.Select = Fields;
                    c.QueryParameters.Top = top;
                    c.Headers.Add("ConsistencyLevel", "eventual");
                },
                cancellationToken);
            return new DirectorySearchResult(DirectorySearchStatus.Succeeded, [.. (page?.Value ?? [])
                .Where(u => !string.IsNullOrEmpty(u.Id))
                .Select(u => new DirectoryPerson(u.Id!, u.DisplayName ?? u.UserPrincipalName ?? u.Id!, u.Mail, u.UserPrincipalName, u.JobTitle))]);
        }
        catch (AuthenticationFailedException)
        {
            // The SSO token could not be exchanged: consent missing, or the token expired. Nothing was sent to Graph.
            return DirectorySearchResult.Failure(DirectorySearchStatus.Forbidden, "TokenExchangeFailed");
        }
        catch (ApiException e) when (Expected(e) is { } failure)
        {
            return failure;
        }
    }

    /// <summary>
    /// Graph's $search takes "property:words" clauses in double quotes; inside them a double quote or a backslash
    /// must be escaped with a backslash, or the clause ends early (and a user could add clauses of their own).
    /// </summary>
    internal static string SearchClause(string query)
    {
        var words = Escape(query.Trim());
        return $"\"displayName:{words}\" OR \"mail:{words}\"";
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private DirectorySearchResult? Expected(ApiException e)
    {
        var code = (e as ODataError)?.Error?.Code;
        return e.ResponseStatusCode switch
        {
            401 or 403 => DirectorySearchResult.Failure(DirectorySearchStatus.Forbidden, code),

            // What the retry handler gave up on.
            429 or 503 or 504 => DirectorySearchResult.Failure(DirectorySearchStatus.Throttled, code, RetryAfter(e)),
            >= 500 => DirectorySearchResult.Failure(DirectorySearchStatus.Unavailable, code),
            _ => null,
        };
    }

    private TimeSpan? RetryAfter(ApiException e) =>
        e.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)) is { Value: { } values }
            ? GraphRetryHandler.RetryAfter(values, time.GetUtcNow())
            : null;
}
