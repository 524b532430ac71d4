using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace LeanTeamsApp.BotFramework.Authentication;

/// <summary>
/// The outcome of checking an inbound request. A rejected token is an expected outcome, so it is a value
/// with the HTTP status to answer, not an exception.
/// </summary>
public sealed class BotAuthenticationResult
{
    private BotAuthenticationResult(int statusCode, ClaimsIdentity? identity, bool isAnonymous, string? failureReason)
    {
        StatusCode = statusCode;
        Identity = identity;
        IsAnonymous = isAnonymous;
        FailureReason = failureReason;
    }

    [MemberNotNullWhen(true, nameof(Identity))]
    [MemberNotNullWhen(false, nameof(FailureReason))]
    public bool Succeeded => Identity is not null;

    /// <summary>
    /// 200 on success, otherwise 401 (no or bad token), 403 (token not endorsed for the channel) or 503 (the issuer's
    /// signing keys could not be fetched, so no token can be checked: an outage, not a verdict on the token).
    /// </summary>
    public int StatusCode { get; }

    /// <summary>
    /// The validated token's claims; for an anonymous success an identity that is not authenticated,
    /// so <see cref="ClaimsIdentity.IsAuthenticated"/> is true only when a token was really checked.
    /// </summary>
    public ClaimsIdentity? Identity { get; }

    /// <summary>True when no app id is configured and unauthenticated requests are explicitly allowed.</summary>
    public bool IsAnonymous { get; }

    /// <summary>Why the request was rejected, for logs; never send it to the caller.</summary>
    public string? FailureReason { get; }

    internal static BotAuthenticationResult Success(ClaimsIdentity identity) =>
        new(StatusCodes.Status200OK, identity, isAnonymous: false, failureReason: null);

    internal static BotAuthenticationResult Anonymous() =>
        new(StatusCodes.Status200OK, new ClaimsIdentity(), isAnonymous: true, failureReason: null);

    internal static BotAuthenticationResult Unauthorized(string reason) =>
        new(StatusCodes.Status401Unauthorized, identity: null, isAnonymous: false, reason);

    internal static BotAuthenticationResult Forbidden(string reason) =>
        new(StatusCodes.Status403Forbidden, identity: null, isAnonymous: false, reason);

    internal static BotAuthenticationResult KeysUnavailable(string reason) =>
        new(StatusCodes.Status503ServiceUnavailable, identity: null, isAnonymous: false, reason);
}
