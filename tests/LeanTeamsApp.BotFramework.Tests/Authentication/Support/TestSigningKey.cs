using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace LeanTeamsApp.BotFramework.Tests.Authentication.Support;

/// <summary>An RSA key made in the test process, publishable as a JWK with Bot Connector endorsements.</summary>
internal sealed class TestSigningKey(string keyId, params string[] endorsements)
{
    // Never disposed: the keys live as long as the test process and are shared by every test.
    private readonly RSA rsa = RSA.Create(2048);

    public string KeyId { get; } = keyId;

    public IReadOnlyList<string> Endorsements { get; } = endorsements;

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) =>
        new(new RsaSecurityKey(rsa) { KeyId = KeyId }, algorithm);

    public byte[] PublicModulus => rsa.ExportParameters(includePrivateParameters: false).Modulus!;

    public JsonObject ToJwk()
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements.Count > 0)
        {
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => JsonValue.Create(e))]);
        }

        return jwk;
    }
}

internal static class TestKeys
{
    public static readonly TestSigningKey Teams = new("bf-teams-2031", "msteams", "skype", "webchat");
    public static readonly TestSigningKey WebChatOnly = new("bf-webchat-2031", "webchat", "directline");
    public static readonly TestSigningKey NoEndorsements = new("bf-bare-2031");
    public static readonly TestSigningKey NextTeams = new("bf-teams-2032", "msteams");
    public static readonly TestSigningKey Unpublished = new("bf-unpublished", "msteams");

    /// <summary>Claims the kid of <see cref="Teams"/> but is a different key pair.</summary>
    public static readonly TestSigningKey Impostor = new(Teams.KeyId, "msteams");

    public static readonly TestSigningKey Tenant = new("entra-tenant-key");
}
