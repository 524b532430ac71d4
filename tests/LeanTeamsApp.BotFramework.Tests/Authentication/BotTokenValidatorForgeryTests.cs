using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LeanTeamsApp.BotFramework.Authentication;
using LeanTeamsApp.BotFramework.Tests.Authentication.Support;
using Microsoft.IdentityModel.Tokens;

namespace LeanTeamsApp.BotFramework.Tests.Authentication;

/// <summary>Every way a request could try to pass as coming from Teams, and the answer it must get.</summary>
public class BotTokenValidatorForgeryTests
{
    private const string EvilServiceUrl = "https://bot-connector.evil.example/emea/";

    private static readonly int[] JwePartLengths = [256, 12, 64, 16];

    private sealed record ForgeryCase(Func<AuthenticationRig, Task<BotAuthenticationResult>> Act, int Status, string Reason);

    private static readonly Dictionary<string, ForgeryCase> Cases = new()
    {
        ["issuer look-alike"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Teams, d => d.Issuer = "https://api.botframework.com.evil.example")),
            401, "issuer"),
        ["Entra issuer of another tenant"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Tenant, d => d.Issuer = $"https://login.microsoftonline.com/{AuthenticationRig.OtherTenantId}/v2.0")),
            401, "issuer"),
        ["Entra issuer while no tenant is configured"] = new(
            r =>
            {
                r.Options.TenantId = null;
                return r.ValidateAsync(r.Bearer(TestKeys.Tenant, d => d.Issuer = $"https://login.microsoftonline.com/{AuthenticationRig.TenantId}/v2.0"));
            },
            401, "issuer"),
        ["audience of another bot"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Teams, d => d.Audience = "5d6e7f80-1a2b-4c3d-9e8f-0a1b2c3d4e5f")),
            401, "audience"),
        ["outbound connector token replayed inbound"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Teams, d => d.Audience = "https://api.botframework.com")),
            401, "audience"),
        ["signed by a key the issuer never published"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Unpublished)),
            401, "not published"),
        ["signed by another key under a published kid"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Impostor)),
            401, "signature"),
        ["payload changed after signing"] = new(
            r => r.ValidateAsync("Bearer " + WithServiceUrl(r.Token(TestKeys.Teams), EvilServiceUrl), EvilServiceUrl),
            401, "signature"),
        ["RS256 header over an HMAC signature"] = new(
            r => r.ValidateAsync("Bearer " + HmacSignedAsRs256(r.Token(TestKeys.Teams))),
            401, "signature"),
        ["expired beyond the clock skew"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Teams, d => Lifetime(r, d, notBeforeMinutes: -70, expiresMinutes: -6))),
            401, "expired"),
        ["not yet valid beyond the clock skew"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Teams, d => Lifetime(r, d, notBeforeMinutes: 6, expiresMinutes: 60))),
            401, "not valid yet"),
        ["no expiry"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Teams, d => d.Expires = null)),
            401, "no expiry"),
        ["serviceurl claim for another host"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Teams, d => d.Claims[BotTokenValidator.ServiceUrlClaim] = EvilServiceUrl)),
            401, "serviceurl"),
        ["activity serviceUrl differs from the claim"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Teams), EvilServiceUrl),
            401, "serviceurl"),
        ["activity without serviceUrl"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Teams), serviceUrl: null),
            401, "serviceurl"),
        ["no serviceurl claim"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Teams, d => d.Claims.Remove(BotTokenValidator.ServiceUrlClaim))),
            401, "no serviceurl"),
        ["key endorsed for other channels only"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.WebChatOnly)),
            403, "not endorsed"),
        ["key without endorsements"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.NoEndorsements)),
            403, "not endorsed"),
        ["Teams key used for another channel's activity"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Teams), channelId: "slack"),
            403, "not endorsed"),
        ["activity without channelId"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Teams), channelId: null),
            403, "channelId"),
        ["alg none"] = new(
            r => r.ValidateAsync("Bearer " + Unsigned(r.Token(TestKeys.Teams))),
            401, "algorithm"),
        ["HS256 with a guessable secret"] = new(
            r => r.ValidateAsync("Bearer " + r.Token(Hmac("secretsecretsecretsecretsecretse"u8.ToArray()))),
            401, "algorithm"),
        ["HS256 with the published public key as secret"] = new(
            r => r.ValidateAsync("Bearer " + r.Token(Hmac(TestKeys.Teams.PublicModulus))),
            401, "algorithm"),
        ["five segments with a JWE header (RSA-OAEP, A256GCM)"] = new(
            r => r.ValidateAsync("Bearer " + Jwe("""{"alg":"RSA-OAEP","enc":"A256GCM","kid":"bf-teams-2031"}""")),
            401, "encrypted (JWE)"),
        ["five segments with a JWS header"] = new(
            r => r.ValidateAsync("Bearer " + Jwe("""{"alg":"RS256","typ":"JWT","kid":"bf-teams-2031"}""")),
            401, "encrypted (JWE)"),
        ["five segments of junk"] = new(
            r => r.ValidateAsync("Bearer a.b.c.d.e"),
            401, "encrypted (JWE)"),
        ["five empty segments"] = new(
            r => r.ValidateAsync("Bearer ...."),
            401, "encrypted (JWE)"),
        ["a genuine token with two segments appended"] = new(
            r => r.ValidateAsync("Bearer " + r.Token(TestKeys.Teams) + ".AAAA.BBBB"),
            401, "encrypted (JWE)"),
        ["six segments"] = new(
            r => r.ValidateAsync("Bearer a.b.c.d.e.f"),
            401, "well-formed"),
        ["a token of 64 KB"] = new(
            r => r.ValidateAsync("Bearer " + r.Token(TestKeys.Teams, d => d.Claims["padding"] = new string('x', 64 * 1024))),
            401, "longer than any Bot Connector token"),
        ["text that is not a JWT"] = new(
            r => r.ValidateAsync("Bearer not-a-jwt"),
            401, "well-formed"),
        ["three segments that are not base64url JSON"] = new(
            r => r.ValidateAsync("Bearer abc.def.ghi"),
            401, "well-formed"),
        ["empty bearer token"] = new(
            r => r.ValidateAsync("Bearer "),
            401, "well-formed"),
        ["Basic scheme"] = new(
            r => r.ValidateAsync("Basic a2FyaTpwYXNzb3Jk"),
            401, "Bearer"),
        ["lower-case bearer scheme"] = new(
            r => r.ValidateAsync("bearer " + r.Token(TestKeys.Teams)),
            401, "Bearer"),
        ["token without scheme"] = new(
            r => r.ValidateAsync(r.Token(TestKeys.Teams)),
            401, "Bearer"),
        ["missing Authorization header"] = new(
            r => r.ValidateAsync(null),
            401, "no Authorization header"),
        ["Entra issuer signed with a Bot Connector key"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Teams, d => d.Issuer = $"https://login.microsoftonline.com/{AuthenticationRig.TenantId}/v2.0")),
            401, "not published"),
        ["Bot Connector issuer signed with the tenant's Entra key"] = new(
            r => r.ValidateAsync(r.Bearer(TestKeys.Tenant)),
            401, "not published"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task ValidateAsync_ForgedOrBrokenRequest_IsRejected(string caseName)
    {
        var forgery = Cases[caseName];
        using var rig = new AuthenticationRig();

        var result = await forgery.Act(rig);

        Assert.False(result.Succeeded);
        Assert.Null(result.Identity);
        Assert.False(result.IsAnonymous);
        Assert.Equal(forgery.Status, result.StatusCode);
        Assert.Contains(forgery.Reason, result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_SameRigWithGenuineToken_Succeeds()
    {
        // Guards the theory above: the rig itself accepts an untouched token, so each rejection comes from the forgery.
        using var rig = new AuthenticationRig();

        var result = await rig.ValidateAsync(rig.Bearer(TestKeys.Teams));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    private static void Lifetime(AuthenticationRig rig, SecurityTokenDescriptor descriptor, int notBeforeMinutes, int expiresMinutes)
    {
        var now = rig.Time.GetUtcNow().UtcDateTime;
        descriptor.IssuedAt = descriptor.NotBefore = now.AddMinutes(notBeforeMinutes);
        descriptor.Expires = now.AddMinutes(expiresMinutes);
    }

    private static SigningCredentials Hmac(byte[] secret) =>
        new(new SymmetricSecurityKey(secret) { KeyId = TestKeys.Teams.KeyId }, SecurityAlgorithms.HmacSha256);

    private static string WithServiceUrl(string token, string serviceUrl)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload[BotTokenValidator.ServiceUrlClaim] = serviceUrl;
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    /// <summary>Five base64url parts as RFC 7516 lays out a JWE: header, encrypted key, IV, ciphertext, tag.</summary>
    private static string Jwe(string header) =>
        string.Join('.', [Base64UrlEncoder.Encode(header), .. JwePartLengths.Select(n => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(n)))]);

    private static string Unsigned(string token)
    {
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = TestKeys.Teams.KeyId };
        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{token.Split('.')[1]}.";
    }

    private static string HmacSignedAsRs256(string token)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = TestKeys.Teams.KeyId };
        var signed = $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{token.Split('.')[1]}";
        var signature = HMACSHA256.HashData(TestKeys.Teams.PublicModulus, Encoding.ASCII.GetBytes(signed));
        return $"{signed}.{Base64UrlEncoder.Encode(signature)}";
    }
}
