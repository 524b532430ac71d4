namespace LeanTeamsApp.BotFramework.Authentication;

/// <summary>
/// The issuer's OpenID metadata or key set could not be read and no keys were fetched before: no token can be
/// checked until it can, which is an outage of the key endpoint, not a verdict on any token.
/// </summary>
public sealed class SigningKeysUnavailableException : Exception
{
    public SigningKeysUnavailableException()
    {
    }

    public SigningKeysUnavailableException(string message)
        : base(message)
    {
    }

    public SigningKeysUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SigningKeysUnavailableException(Uri metadataUrl, Exception innerException)
        : base($"The signing keys could not be fetched from {metadataUrl}: {innerException?.Message}", innerException)
    {
        MetadataUrl = metadataUrl;
    }

    public Uri? MetadataUrl { get; }
}
