namespace LeanTeamsApp.BotFramework.Connector;

/// <summary>
/// A connector call that finally failed: after its retries when the failure was transient, at once otherwise.
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(
        string message,
        int statusCode,
        string? errorCode,
        bool isTransient,
        TimeSpan? retryAfter = null,
        string? operationId = null,
        string? correlationVector = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        IsTransient = isTransient;
        RetryAfter = retryAfter;
        OperationId = operationId;
        CorrelationVector = correlationVector;
    }

    /// <summary>The HTTP status, or 0 when no answer came (network failure, timeout, refused serviceUrl).</summary>
    public int StatusCode { get; }

    /// <summary>The connector's <c>error.code</c> (or <c>subCode</c> when that names the reason), e.g. <c>Throttled</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>How long the connector asked to wait before trying again, when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// True for throttling, concurrent-update conflicts, gateway errors and network failures: trying again later
    /// (e.g. by re-queueing) can succeed. Teams asks bots not to retry anything else.
    /// </summary>
    public bool IsTransient { get; }

    /// <summary>The response's <c>X-Correlating-OperationId</c>, which Microsoft support asks for.</summary>
    public string? OperationId { get; }

    /// <summary>The response's <c>MS-CV</c> (Teams correlation vector).</summary>
    public string? CorrelationVector { get; }

    /// <summary>
    /// The bot can no longer write to this conversation: the user blocked or uninstalled it, it was removed
    /// from the team or chat, or the conversation no longer exists. Retrying cannot help; forget the conversation
    /// until a new activity arrives from it.
    /// </summary>
    public bool IsConversationGone => StatusCode switch
    {
        403 => ErrorCode is ConnectorErrorCodes.MessageWritesBlocked
            or ConnectorErrorCodes.ConversationBlockedByUser
            or ConnectorErrorCodes.BotNotInConversationRoster,
        404 => ErrorCode is ConnectorErrorCodes.ConversationNotFound,
        _ => false,
    };
}

/// <summary>Error codes the connector and Teams return, and codes this client uses when no answer came.</summary>
public static class ConnectorErrorCodes
{
    public const string Throttled = "Throttled";
    public const string MessageWritesBlocked = "MessageWritesBlocked";
    public const string ConversationBlockedByUser = "ConversationBlockedByUser";
    public const string BotNotInConversationRoster = "BotNotInConversationRoster";
    public const string ConversationNotFound = "ConversationNotFound";

    /// <summary>The serviceUrl is not on the trusted list, so no token was sent to it.</summary>
    public const string UntrustedServiceUrl = "UntrustedServiceUrl";

    /// <summary>The request could not be sent or no response arrived in time.</summary>
    public const string NetworkError = "NetworkError";

    /// <summary>The connector answered success with a body this client could not use.</summary>
    public const string InvalidResponse = "InvalidResponse";
}
