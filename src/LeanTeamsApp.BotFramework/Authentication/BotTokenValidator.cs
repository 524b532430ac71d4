using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LeanTeamsApp.BotFramework.Authentication;

/// <summary>
/// Checks the JWT the Bot Connector puts on every request to the bot, step by step as the Bot Framework
/// authentication protocol lists them. Any step that fails rejects the request.
/// </summary>
public sealed class BotTokenValidator
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The <see cref="ClaimsIdentity.AuthenticationType"/> of identities from a validated token.</summary>
    public const string AuthenticationType = "BotFramework";

    /// <summary>Lower-case, as the Bot Connector writes it.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    private const string BearerScheme = "Bearer";

    // Bot Connector and Entra tokens are one to three kilobytes; the limit keeps a stranger's megabyte of text
    // away from the parser.
    private const int MaxTokenLength = 16 * 1024;

    // Asymmetric only: accepting HS* would let anyone who knows a public key sign tokens with it.
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotAuthenticationOptions options;
    private readonly Uri botFrameworkMetadataUrl;
    private readonly SigningKeySource signingKeys;
    private readonly TimeProvider timeProvider;
    private readonly JsonWebTokenHandler tokenHandler = new() { MapInboundClaims = false };

    public BotTokenValidator(IOptions<BotAuthenticationOptions> options, SigningKeySource signingKeys, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        botFrameworkMetadataUrl = new Uri(this.options.OpenIdMetadataUrl, UriKind.Absolute);
        this.signingKeys = signingKeys;
        this.timeProvider = timeProvider;
    }

    /// <param name="authorizationHeader">The request's Authorization header, as received.</param>
    /// <param name="activityServiceUrl">The serviceUrl of the activity in the request body.</param>
    /// <param name="activityChannelId">The channelId of the activity in the request body.</param>
    public async Task<BotAuthenticationResult> ValidateAsync(
        string? authorizationHeader,
        string? activityServiceUrl,
        string? activityChannelId,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.AppId))
        {
            // Without an app id there is no audience to check, so a token would prove nothing either way.
            return options.AllowUnauthenticatedWhenNoAppId
                ? BotAuthenticationResult.Anonymous()
                : BotAuthenticationResult.Unauthorized("authentication not configured: no app id");
        }

        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return BotAuthenticationResult.Unauthorized("no Authorization header");
        }

        var separator = authorizationHeader.IndexOf(' ', StringComparison.Ordinal);
        if (separator <= 0 || !authorizationHeader.AsSpan(0, separator).SequenceEqual(BearerScheme))
        {
            return BotAuthenticationResult.Unauthorized("Authorization scheme is not Bearer");
        }

        var tokenText = authorizationHeader[(separator + 1)..];
        if (tokenText.Length > MaxTokenLength)
        {
            return BotAuthenticationResult.Unauthorized("token is longer than any Bot Connector token");
        }

        // Decided before any parsing: a JWE's five parts would otherwise reach decryption code paths that a
        // bot, which holds no decryption key, has no business running on a stranger's input.
        if (tokenText.AsSpan().Count('.') == 4)
        {
            return BotAuthenticationResult.Unauthorized("token is encrypted (JWE); the Bot Connector sends signed tokens only");
        }

        if (ReadToken(tokenText) is not { } token)
        {
            return BotAuthenticationResult.Unauthorized("token is not a well-formed JWT");
        }

        if (token.IsEncrypted)
        {
            return BotAuthenticationResult.Unauthorized("token is encrypted (JWE); the Bot Connector sends signed tokens only");
        }

        if (!AllowedAlgorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return BotAuthenticationResult.Unauthorized($"signing algorithm '{token.Alg}' is not allowed");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return BotAuthenticationResult.Unauthorized("token header has no kid");
        }

        // Picking the key source by the not-yet-verified issuer is safe: the issuer is checked again with the
        // signature, and only issuers we trust map to a source, so a token cannot make us fetch from elsewhere.
        if (ResolveIssuer(token.Issuer) is not { } issuer)
        {
            return BotAuthenticationResult.Unauthorized("issuer is not trusted");
        }

        SigningKey? signingKey;
        try
        {
            signingKey = await signingKeys.FindAsync(issuer.MetadataUrl, token.Kid, cancellationToken).ConfigureAwait(false);
        }
        catch (SigningKeysUnavailableException e)
        {
            return BotAuthenticationResult.KeysUnavailable(e.Message);
        }

        if (signingKey is null)
        {
            return BotAuthenticationResult.Unauthorized("signing key is not published by the issuer");
        }

        var validation = await tokenHandler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = token.Issuer,
            ValidAudience = options.AppId,
            IssuerSigningKey = signingKey.Key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = AllowedAlgorithms,
            RequireSignedTokens = true,
            // Lifetime is checked below against the injected TimeProvider.
            ValidateLifetime = false,
            RequireExpirationTime = false,
        }).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return BotAuthenticationResult.Unauthorized(Describe(validation.Exception));
        }

        if (CheckLifetime(token) is { } lifetimeFailure)
        {
            return BotAuthenticationResult.Unauthorized(lifetimeFailure);
        }

        if (!token.TryGetPayloadValue<string>(ServiceUrlClaim, out var serviceUrl) || string.IsNullOrEmpty(serviceUrl))
        {
            return BotAuthenticationResult.Unauthorized("token has no serviceurl claim");
        }

        // The bot later sends its own credentials to the activity's serviceUrl; this check is what stops a
        // genuine token being replayed with a serviceUrl that points somewhere else.
        if (!string.Equals(serviceUrl, activityServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Unauthorized("serviceurl claim does not match the activity's serviceUrl");
        }

        if (issuer.RequiresEndorsement)
        {
            // An empty channelId would otherwise let a token endorsed for another channel through.
            if (string.IsNullOrEmpty(activityChannelId))
            {
                return BotAuthenticationResult.Forbidden("activity has no channelId to check the key's endorsements against");
            }

            if (!signingKey.Endorses(activityChannelId))
            {
                return BotAuthenticationResult.Forbidden($"signing key is not endorsed for channel '{activityChannelId}'");
            }
        }

        return BotAuthenticationResult.Success(new ClaimsIdentity(validation.ClaimsIdentity.Claims, AuthenticationType));
    }

    private JsonWebToken? ReadToken(string tokenText)
    {
        if (!tokenHandler.CanReadToken(tokenText))
        {
            return null;
        }

        try
        {
            return tokenHandler.ReadJsonWebToken(tokenText);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or JsonException or RegexMatchTimeoutException)
        {
            // IdentityModel's malformed-token exceptions derive from ArgumentException; the others are what
            // base64 and JSON decoding, and its regular expressions under load, may let through. Whatever a
            // stranger's text makes the parser throw, it is a malformed token, never a 500.
            return null;
        }
    }

    private TrustedIssuer? ResolveIssuer(string issuer)
    {
        if (string.Equals(issuer, BotFrameworkIssuer, StringComparison.Ordinal))
        {
            return new TrustedIssuer(botFrameworkMetadataUrl, RequiresEndorsement: true);
        }

        if (string.IsNullOrEmpty(options.TenantId))
        {
            return null;
        }

        // Entra-issued tokens (other agents, SSO) carry no endorsements: Entra keys are not channel-specific.
        var tenant = Uri.EscapeDataString(options.TenantId);
        if (string.Equals(issuer, $"https://login.microsoftonline.com/{tenant}/v2.0", StringComparison.OrdinalIgnoreCase)
            || string.Equals(issuer, $"https://sts.windows.net/{tenant}/", StringComparison.OrdinalIgnoreCase))
        {
            return new TrustedIssuer(
                new Uri($"https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration"),
                RequiresEndorsement: false);
        }

        return null;
    }

    private string? CheckLifetime(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out var expires))
        {
            return "token has no expiry";
        }

        var now = timeProvider.GetUtcNow();
        var skew = options.ClockSkew;
        if (now - skew > DateTimeOffset.FromUnixTimeSeconds(expires))
        {
            return "token has expired";
        }

        if (token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Nbf, out var notBefore)
            && now + skew < DateTimeOffset.FromUnixTimeSeconds(notBefore))
        {
            return "token is not valid yet";
        }

        return null;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => "audience is not this bot's app id",
        SecurityTokenInvalidIssuerException => "issuer is not trusted",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "signature is invalid",
        SecurityTokenInvalidAlgorithmException => "signing algorithm is not allowed",
        null => "token was rejected",
        _ => $"token was rejected ({exception.GetType().Name})",
    };

    private sealed record TrustedIssuer(Uri MetadataUrl, bool RequiresEndorsement);
}
