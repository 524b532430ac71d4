using System.Buffers;
using System.Text.Json;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.BotFramework.Authentication;
using LeanTeamsApp.Infrastructure.Telemetry;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Bot;

/// <summary>
/// POST /api/messages: the Bot Connector's entry point. Order matters: refuse a missing token before reading the
/// body, read a bounded body, parse it, then validate the token against the activity's serviceUrl and channel.
/// Bad input gets 400, bad credentials 401/403, signing keys that cannot be fetched 503, unknown activity types 200
/// (the protocol lets bots ignore them), and nothing reaches a feature before authentication succeeded.
/// </summary>
public static partial class MessagesEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http,
        BotTokenValidator validator,
        ActivityDispatcher dispatcher,
        AppTelemetry telemetry,
        IOptions<BotOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(MessagesEndpoint));
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0 && !string.IsNullOrEmpty(options.Value.AppId))
        {
            return Unauthorized(logger, 401, "no Authorization header");
        }

        var body = await ReadBoundedAsync(http.Request, options.Value.MaxActivityBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "Activity too large", detail: $"An activity may be at most {options.Value.MaxActivityBytes} bytes.");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed activity", detail: $"The body is not an activity: {e.Message}");
        }

        if (activity?.Type is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed activity", detail: "The activity has no type.");
        }

        var authentication = await validator.ValidateAsync(authorization.Length == 0 ? null : authorization, activity.ServiceUrl, activity.ChannelId, cancellationToken);
        if (authentication.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            return KeysUnavailable(http, logger, authentication.FailureReason);
        }

        if (!authentication.Succeeded)
        {
            return Unauthorized(logger, authentication.StatusCode, authentication.FailureReason);
        }

        var invokeResponse = await telemetry.TimeTurnAsync(activity.TenantId, activity.Type, () => dispatcher.DispatchAsync(activity, cancellationToken));
        return invokeResponse is null
            ? TypedResults.Ok()
            : TypedResults.Json(invokeResponse.Body, BotJson.Options, statusCode: invokeResponse.Status);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unauthorized(ILogger logger, int status, string? reason)
    {
        LogRejected(logger, status, reason);
        // The reason stays in our log: telling a forger which check failed would help them.
        return TypedResults.Problem(statusCode: status, title: status == 403 ? "Forbidden" : "Unauthorized");
    }

    /// <summary>
    /// Microsoft's key endpoint is down and no keys were fetched before: nothing can be authenticated, so the Bot
    /// Service is asked to try again (it retries a 503), and the log names the keys, not storage.
    /// </summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult KeysUnavailable(HttpContext http, ILogger logger, string? reason)
    {
        LogKeysUnavailable(logger, reason);
        http.Response.Headers.RetryAfter = "10";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Sign-in keys are unavailable",
            detail: "The keys that prove a request comes from Teams could not be fetched from Microsoft. Nothing was processed. Try again in a moment.");
    }

    private static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a request to /api/messages with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not authenticate a request to /api/messages, answered 503: {Reason}")]
    private static partial void LogKeysUnavailable(ILogger logger, string? reason);
}
