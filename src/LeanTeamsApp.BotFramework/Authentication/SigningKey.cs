using Microsoft.IdentityModel.Tokens;

namespace LeanTeamsApp.BotFramework.Authentication;

/// <summary>A key from a JWKS document together with the channels the Bot Connector endorses it for.</summary>
public sealed class SigningKey(string keyId, JsonWebKey key, IReadOnlySet<string> endorsements)
{
    public string KeyId { get; } = keyId;

    public JsonWebKey Key { get; } = key;

    /// <summary>Channel ids such as <c>msteams</c>; empty for keys that list none (Entra keys never do).</summary>
    public IReadOnlySet<string> Endorsements { get; } = endorsements;

    public bool Endorses(string channelId) => Endorsements.Contains(channelId);
}
