using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.BotFramework.Tests.Connector.Support;

/// <summary>
/// Stands in for the Bot Connector: records every request with the fake time it arrived, and answers from a
/// script of queued responses, else 200 with a fresh activity id.
/// </summary>
internal sealed class FakeConnectorHandler(FakeTimeProvider time) : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> script = new();
    private readonly List<SentRequest> requests = [];
    private int nextId;

    public IReadOnlyList<SentRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>The next requests get these answers, in order.</summary>
    public void Enqueue(params Func<HttpRequestMessage, HttpResponseMessage>[] responses)
    {
        foreach (var response in responses)
        {
            script.Enqueue(response);
        }
    }

    /// <summary>How long after a request arrives it is answered, on the fake clock.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>
    /// Requests sent before this time reach the connector only then, together: held up on their way (a process short of
    /// CPU, a slow network), on the fake clock.
    /// </summary>
    public DateTimeOffset? StalledUntil { get; set; }

    public void EnqueueJson(string json, HttpStatusCode status = HttpStatusCode.OK) => Enqueue(_ => Json(status, json));

    public void EnqueueError(int status, string code, Action<HttpResponseMessage>? decorate = null) => Enqueue(_ =>
    {
        var response = Json((HttpStatusCode)status, $$$"""{"error":{"code":"{{{code}}}","message":"scripted failure"}}""");
        decorate?.Invoke(response);
        return response;
    });

    public static HttpResponseMessage Json(HttpStatusCode status, string json) => new(status)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        if (StalledUntil is { } until && time.GetUtcNow() < until)
        {
            await Task.Delay(until - time.GetUtcNow(), time, cancellationToken);
        }

        lock (requests)
        {
            requests.Add(new SentRequest(
                request.Method,
                request.RequestUri!,
                body,
                request.Content?.Headers.ContentType?.ToString(),
                request.Headers.Authorization?.ToString(),
                time.GetUtcNow()));
        }

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, time, cancellationToken);
        }

        if (script.TryDequeue(out var scripted))
        {
            return scripted(request);
        }

        var id = Interlocked.Increment(ref nextId);
        return Json(HttpStatusCode.OK, $$"""{"id":"{{id}}"}""");
    }
}

internal sealed record SentRequest(
    HttpMethod Method, Uri Uri, string? Body, string? ContentType, string? Authorization, DateTimeOffset At)
{
    /// <summary>The path as sent, escapes included.</summary>
    public string Path => Uri.AbsolutePath;
}
