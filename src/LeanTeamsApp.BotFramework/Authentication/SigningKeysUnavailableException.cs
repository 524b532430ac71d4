namespace LeanTeamsApp.BotFramework.Authentication;

/// <summary>
/// The issuer's OpenID metadata or key set could not be read and no keys were fetched before: no token can be
/// checked until it can, which is an outage of the key endpoint, not a verdict on any token.
/// </summary>
public sealed class SigningKeysUnavailableException(Uri metadataUrl, Exception innerException)
    : Exception($"The signing keys could not be fetched from {metadataUrl}: {innerException?.Message}", innerException)
{
    public Uri MetadataUrl { get; } = metadataUrl;
}
