namespace LeanTeamsApp.BotFramework.Connector;

/// <summary>Supplies the Authorization header for outbound connector calls.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>The whole header value (<c>Bearer …</c>), or null to send no Authorization header at all.</summary>
    Task<string?> GetAuthorizationHeaderAsync(CancellationToken cancellationToken);
}

/// <summary>For a bot without an app id (Agents Playground, tests): their connectors accept calls without a token.</summary>
internal sealed class AnonymousConnectorTokenProvider : IConnectorTokenProvider
{
    public Task<string?> GetAuthorizationHeaderAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
