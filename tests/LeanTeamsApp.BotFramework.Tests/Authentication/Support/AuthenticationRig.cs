using LeanTeamsApp.BotFramework.Authentication;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace LeanTeamsApp.BotFramework.Tests.Authentication.Support;

/// <summary>
/// A validator wired to a fake key server and a fake clock, and a token minter for it. The clock starts in
/// 2031 so that anything reading the real clock instead of the TimeProvider would see every token as not yet
/// valid and fail the tests.
/// </summary>
internal sealed class AuthenticationRig : IDisposable
{
    public const string AppId = "9a3c2f1e-0b7d-4c55-8e21-5f4a6b7c8d90";
    public const string TenantId = "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9";
    public const string OtherTenantId = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string ChannelId = "msteams";

    public static readonly Uri BotFrameworkMetadata = new(BotAuthenticationOptions.DefaultOpenIdMetadataUrl);
    public static readonly Uri BotFrameworkJwks = new("https://login.botframework.com/v1/.well-known/keys");
    public static readonly Uri TenantMetadata = new($"https://login.microsoftonline.com/{TenantId}/v2.0/.well-known/openid-configuration");
    public static readonly Uri TenantJwks = new($"https://login.microsoftonline.com/{TenantId}/discovery/v2.0/keys");

    private readonly Lazy<BotTokenValidator> validator;

    public AuthenticationRig()
    {
        validator = new(() => new BotTokenValidator(
            OptionsFactory.Create(Options),
            new SigningKeySource(Server, Time, NullLogger<SigningKeySource>.Instance),
            Time));
        Server.AddIssuer(BotFrameworkMetadata, BotFrameworkJwks);
        Server.Publish(BotFrameworkMetadata, TestKeys.Teams);
        Server.Publish(BotFrameworkMetadata, TestKeys.WebChatOnly);
        Server.Publish(BotFrameworkMetadata, TestKeys.NoEndorsements);
        Server.AddIssuer(TenantMetadata, TenantJwks);
        Server.Publish(TenantMetadata, TestKeys.Tenant);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2031, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public FakeOpenIdServer Server { get; } = new();

    public BotAuthenticationOptions Options { get; } = new() { AppId = AppId, TenantId = TenantId };

    /// <summary>
    /// Created on first use so that a test can change <see cref="Options"/> before; once only, even when the first
    /// uses are concurrent (a second validator would fetch the keys a second time).
    /// </summary>
    public BotTokenValidator Validator => validator.Value;

    public Task<BotAuthenticationResult> ValidateAsync(
        string? authorizationHeader, string? serviceUrl = ServiceUrl, string? channelId = ChannelId) =>
        Validator.ValidateAsync(authorizationHeader, serviceUrl, channelId, CancellationToken.None);

    /// <summary>A token as the Bot Connector would send it now, changed by <paramref name="customize"/>.</summary>
    public string Token(TestSigningKey key, Action<SecurityTokenDescriptor>? customize = null) =>
        Token(key.Credentials(), customize);

    public string Token(SigningCredentials credentials, Action<SecurityTokenDescriptor>? customize = null)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = BotTokenValidator.BotFrameworkIssuer,
            Audience = AppId,
            IssuedAt = now.AddMinutes(-5),
            NotBefore = now.AddMinutes(-5),
            Expires = now.AddMinutes(55),
            Claims = new Dictionary<string, object> { [BotTokenValidator.ServiceUrlClaim] = ServiceUrl },
            SigningCredentials = credentials,
        };
        customize?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public string Bearer(TestSigningKey key, Action<SecurityTokenDescriptor>? customize = null) =>
        "Bearer " + Token(key, customize);

    public void Dispose() => Server.Dispose();
}
