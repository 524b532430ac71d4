using System.ComponentModel.DataAnnotations;

namespace LeanTeamsApp.Infrastructure.Graph;

/// <summary>
/// App-only access to Microsoft Graph for the municipality's tenant: an Entra app registration with the
/// Calendars.ReadWrite application permission (admin consent), signing in with a client secret.
/// Leave TenantId, ClientId and ClientSecret empty to run without Graph: appointments then stay in the app only.
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>The Entra tenant id (or its primary domain) whose calendars the app writes to.</summary>
    public string? TenantId { get; set; }

    /// <summary>The application (client) id of the app registration.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>How many times one calendar call is sent at most when Graph throttles (429) or is unavailable (503, 504).</summary>
    [Range(1, 6)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>
    /// The longest wait between attempts. When Graph asks for more, the call gives up at once with a throttled result
    /// carrying Graph's wait, so the caller can come back later instead of holding a request open.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first wait when Graph gives no Retry-After; it doubles with each further attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10")]
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How the people picker searches the tenant's directory. On behalf of the signed-in user (delegated
    /// User.ReadBasic.All on the tab's app registration, which then needs AzureAd:ClientSecret): people see whom the
    /// directory lets them see. App-only (User.Read.All on this section's registration): for tenants that do not allow
    /// the on-behalf-of flow.
    /// </summary>
    public DirectoryAccess PeopleSearch { get; set; } = DirectoryAccess.OnBehalfOfUser;

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>A half-filled section is a mistake to report at start-up, not a reason to silently run without Outlook.</summary>
    internal bool IsEmptyOrComplete =>
        IsConfigured || (string.IsNullOrWhiteSpace(TenantId) && string.IsNullOrWhiteSpace(ClientId) && string.IsNullOrWhiteSpace(ClientSecret));

    internal bool HasValidClientId => !IsConfigured || Guid.TryParse(ClientId, out _);

    /// <summary>All waits of one call must fit well inside the HTTP client's 100-second timeout.</summary>
    internal bool RetryWaitsFitTimeout => MaxRetryWait * (MaxAttempts - 1) <= TimeSpan.FromSeconds(60);
}

public enum DirectoryAccess
{
    OnBehalfOfUser,
    AppOnly,
}
