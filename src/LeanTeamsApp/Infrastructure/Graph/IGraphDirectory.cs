namespace LeanTeamsApp.Infrastructure.Graph;

/// <summary>
/// The app's seam to the tenant's directory in Microsoft Graph: find people by name or e-mail to pick them for a role.
/// Expected failures come back as a result with a status; anything else is an exception.
/// </summary>
public interface IGraphDirectory
{
    /// <summary>
    /// Up to <paramref name="top"/> people whose display name or e-mail address begins with a word of
    /// <paramref name="query"/>. On behalf of the signed-in user, <paramref name="userAssertion"/> is the tab's SSO token
    /// (exchanged for a Graph token); app-only access ignores it.
    /// </summary>
    Task<DirectorySearchResult> SearchPeopleAsync(string tenantId, string query, int top, string? userAssertion, CancellationToken cancellationToken);
}

public enum DirectorySearchStatus
{
    Succeeded,

    /// <summary>No Graph access is configured for directory search: callers search the organisation's own people instead.</summary>
    NotConfigured,

    /// <summary>Graph refused: the permission is not granted (admin consent), or the user's token could not be exchanged.</summary>
    Forbidden,

    /// <summary>Graph throttled us or was unavailable and bounded retries did not help; try again later.</summary>
    Throttled,

    /// <summary>Graph failed in a way the user cannot mend (another 5xx).</summary>
    Unavailable,
}

/// <param name="Id">The Entra object id.</param>
public sealed record DirectoryPerson(string Id, string DisplayName, string? Mail, string? UserPrincipalName, string? JobTitle);

public sealed record DirectorySearchResult(DirectorySearchStatus Status, IReadOnlyList<DirectoryPerson> People, string? GraphErrorCode = null, TimeSpan? RetryAfter = null)
{
    public static DirectorySearchResult Failure(DirectorySearchStatus status, string? graphErrorCode = null, TimeSpan? retryAfter = null) =>
        status == DirectorySearchStatus.Succeeded
            ? throw new ArgumentOutOfRangeException(nameof(status), "A failure needs a failing status.")
            : new(status, [], graphErrorCode, retryAfter);
}
