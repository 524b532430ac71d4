using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Azure.Core;
using LeanTeamsApp.Infrastructure.Graph;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Moq.Protected;

namespace LeanTeamsApp.UnitTests.Graph;

/// <summary>
/// The real <see cref="GraphCalendar"/> over the real Graph client and handler chain, built the way production builds
/// it; only the transport at the end of the chain is a Moq'd <see cref="HttpMessageHandler"/> that records each request
/// and plays back the answers a test queued.
/// </summary>
internal sealed class GraphTestHost
{
    private readonly Queue<Func<HttpResponseMessage>> answers = new();
    private readonly List<RecordedRequest> requests = [];
    private readonly Lock gate = new();

    public GraphTestHost(GraphOptions? options = null)
    {
        var transport = new Mock<HttpMessageHandler>(MockBehavior.Strict);
        transport.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .Returns(async (HttpRequestMessage request, CancellationToken ct) =>
            {
                var recorded = await RecordedRequest.ReadAsync(request, ct);
                lock (gate)
                {
                    requests.Add(recorded);
                    return answers.Count > 0 ? answers.Dequeue()() : throw new InvalidOperationException($"No answer queued for {recorded.Method} {recorded.Path}");
                }
            });

        var client = GraphModule.CreateClient(new StaticTokenCredential(Token), options ?? new GraphOptions(), Time, NullLogger.Instance, transport.Object);
        Calendar = new GraphCalendar(client, Time);

        // Stands in for the on-behalf-of exchange: the Graph token names the SSO token it was exchanged for, so a test
        // sees that the caller's own token was used. No SSO token, no credential, as in production.
        var http = GraphModule.CreateHttpClient(options ?? new GraphOptions(), Time, NullLogger.Instance, transport.Object);
        Directory = new GraphDirectory(http, (tenantId, assertion) => assertion is null ? null : new StaticTokenCredential(OnBehalfOf(tenantId, assertion)), Time);
    }

    public const string Token = "test-token";

    public IGraphDirectory Directory { get; }

    /// <summary>The Graph token the fake exchange gives for <paramref name="assertion"/> in <paramref name="tenantId"/>.</summary>
    public static string OnBehalfOf(string tenantId, string assertion) => $"obo.{tenantId}.{assertion}";

    public IGraphCalendar Calendar { get; }

    public WaitWatchingTimeProvider Time { get; } = new();

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public void Answer(HttpStatusCode status, string? json = null, params (string Name, string Value)[] headers)
    {
        lock (gate)
        {
            answers.Enqueue(() =>
            {
                var response = new HttpResponseMessage(status);
                if (json is not null)
                {
                    response.Content = new StringContent(json, Encoding.UTF8, "application/json");
                }

                foreach (var (name, value) in headers)
                {
                    response.Headers.TryAddWithoutValidation(name, value);
                }

                return response;
            });
        }
    }

    public void AnswerError(HttpStatusCode status, string code, params (string Name, string Value)[] headers) =>
        Answer(status, $$$"""{"error":{"code":"{{{code}}}","message":"{{{code}}} from the test"}}""", headers);
}

internal sealed record RecordedRequest(HttpMethod Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    /// <summary>The query string's parameters, decoded, in the order sent.</summary>
    public IReadOnlyList<(string Name, string Value)> QueryParameters =>
        [.. Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : ""))];

    public JsonElement Json => JsonDocument.Parse(Body ?? throw new InvalidOperationException("The request had no body.")).RootElement;

    public static async Task<RecordedRequest> ReadAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(ct);
        return new RecordedRequest(request.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, headers, body);
    }
}

/// <summary>A fake clock that also reports each wait the code under test starts, so a test advances exactly that far.</summary>
internal sealed class WaitWatchingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> waits = Channel.CreateUnbounded<TimeSpan>();

    public int UnobservedWaits => waits.Reader.Count;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        waits.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The next wait started; fails after ten real seconds when the code never starts one.</summary>
    public async Task<TimeSpan> NextWaitAsync() => await waits.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}

internal sealed class StaticTokenCredential(string token) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(token, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
