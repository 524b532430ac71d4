using System.Globalization;
using System.Net;

namespace LeanTeamsApp.Infrastructure.Graph;

/// <summary>
/// Takes the place of the Graph SDK's own retry handler in the client's handler chain. It does the same job as
/// Graph's throttling guidance asks (on 429 wait the Retry-After seconds and retry; without one, back off
/// exponentially; 503 and 504 likewise), with two differences that matter here: it waits on the injected
/// <see cref="TimeProvider"/>, so tests advance a fake clock and see the wait honoured instead of sleeping, and it is
/// bounded in attempts and in wait, answering with the last 429/503/504 so the caller gets a throttled result.
/// It sits in the HTTP chain rather than around SDK calls because only here are the Retry-After header and the
/// request body at hand for a faithful resend.
/// </summary>
internal sealed partial class GraphRetryHandler(GraphOptions options, TimeProvider time, ILogger logger) : DelegatingHandler
{
    // Backoff waits get up to this much extra at random, so instances throttled together do not come back together.
    private const double Jitter = 0.2;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The SDK sends a stream; buffered once, the same body goes out on every attempt (a create keeps its transactionId).
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!IsTransient(response.StatusCode) || attempt >= options.MaxAttempts)
            {
                return response;
            }

            var retryAfter = RetryAfter(response, time.GetUtcNow());
            if (retryAfter > options.MaxRetryWait)
            {
                return response;
            }

            var wait = retryAfter ?? Backoff(attempt);

            LogRetry(logger, request.Method, (int)response.StatusCode, wait, attempt);
            response.Dispose();
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    internal static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.TryGetValues("Retry-After", out var values) ? RetryAfter(values, now) : null;

    /// <summary>
    /// Delta-seconds or an HTTP date, as HTTP defines it. Graph's throttling page shows a fractional value ("2.128"),
    /// which the typed header parser rejects, so the raw value is read.
    /// </summary>
    internal static TimeSpan? RetryAfter(IEnumerable<string> values, DateTimeOffset now)
    {
        var value = values.FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date > now ? date - now : TimeSpan.Zero;
        }

        return null;
    }

    private TimeSpan Backoff(int attempt)
    {
#pragma warning disable CA5394 // Jitter spreads retries; it protects nothing.
        var jitter = 1 + (Random.Shared.NextDouble() * Jitter);
#pragma warning restore CA5394
        var backoff = options.FirstBackoff * Math.Pow(2, attempt - 1) * jitter;
        return backoff < options.MaxRetryWait ? backoff : options.MaxRetryWait;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph answered {Method} with {Status}; attempt {Attempt} is retried in {Wait}")]
    private static partial void LogRetry(ILogger logger, HttpMethod method, int status, TimeSpan wait, int attempt);
}
