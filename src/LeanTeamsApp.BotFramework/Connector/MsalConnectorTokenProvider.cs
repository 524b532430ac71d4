using Microsoft.Identity.Client;

namespace LeanTeamsApp.BotFramework.Connector;

/// <summary>
/// Client-credentials tokens for the Bot Connector from Microsoft Entra ID. One application instance for the
/// process, because MSAL caches tokens per instance and refreshes them before they expire.
/// </summary>
internal sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";

    // Only legacy multi-tenant bots may use this authority; a single-tenant app asking it gets AADSTS700016.
    private const string MultiTenantAuthorityTenant = "botframework.com";

    private static readonly string[] Scopes = [Scope];

    private readonly IConfidentialClientApplication application;

    public MsalConnectorTokenProvider(string appId, string appPassword, string? tenantId)
    {
        var tenant = string.IsNullOrWhiteSpace(tenantId) ? MultiTenantAuthorityTenant : tenantId;
        Authority = new Uri($"https://login.microsoftonline.com/{Uri.EscapeDataString(tenant)}");
        application = ConfidentialClientApplicationBuilder.Create(appId)
            .WithClientSecret(appPassword)
            .WithAuthority(Authority.AbsoluteUri)
            .Build();
    }

    public Uri Authority { get; }

    public async Task<string?> GetAuthorizationHeaderAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await application.AcquireTokenForClient(Scopes)
                .ExecuteAsync(cancellationToken)
                .ConfigureAwait(false);
            return result.CreateAuthorizationHeader();
        }
        catch (MsalServiceException exception)
        {
            throw new ConnectorException(
                $"Could not get a Bot Connector token from {Authority}: {exception.ErrorCode}.",
                exception.StatusCode,
                exception.ErrorCode,
                exception.IsRetryable,
                innerException: exception);
        }
    }
}
