using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.BotFramework.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeanTeamsApp.Testing;

/// <summary>
/// A Bot Connector on 127.0.0.1 that records what the bot sends. It speaks the REST API the bot uses (send, reply,
/// update, delete, create conversation, members) under any path prefix, answers like Teams does, and can be told to
/// throttle, fail (once, or always for one thread), answer slowly, or enforce Teams' rate limits. Delivered requests
/// are in <see cref="Requests"/>; requests answered with an error are in <see cref="Rejected"/> only.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private const string ThrottledBody = """{"error":{"code":"Throttled","message":"Too many requests"}}""";

    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<RecordedRequest> _rejected = [];
    private readonly Dictionary<string, List<TeamsChannelAccount>> _rosters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tenantOfConversation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ChannelInfo>> _channels = new(StringComparer.Ordinal);
    private readonly Queue<(int Status, string Body, TimeSpan? RetryAfter)> _failures = new();
    private readonly Dictionary<string, (int Status, string Body, TimeSpan? RetryAfter)> _threadFailures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource> _heldThreads = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private TaskCompletionSource _changed = NewSignal();
    private FakeConnectorRateLimits? _rateLimits;
    private long _nextActivityId = 1_776_000_000_000;
    private int _inFlight;
    private WebApplication? _app;

    public FakeConnector(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary><c>http://127.0.0.1:{port}/teams/</c>, shaped like Teams' regional serviceUrls.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Caps roster pages below Teams' 50–500 so that tests can see continuation tokens with a few members.</summary>
    public int MaxMembersPerPage { get; set; } = 500;

    /// <summary>
    /// How long each answer takes after the request has been recorded as delivered: like Teams, the message is there
    /// before the sender hears so, and a sender that gives up in between has delivered it all the same.
    /// </summary>
    public TimeSpan ResponseDelay { get; set; } = TimeSpan.Zero;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The texts of the messages sent into existing conversations, in the order they arrived.</summary>
    public IReadOnlyList<string> SentTexts => [.. Requests.Where(r => r.Operation == ConnectorOperation.Send).Select(r => r.Activity!.Text!)];

    /// <summary>No request is being answered: what has been recorded is all that has arrived.</summary>
    public bool Idle => Volatile.Read(ref _inFlight) == 0;

    public IReadOnlyList<RecordedRequest> Rejected
    {
        get
        {
            lock (_gate)
            {
                return [.. _rejected];
            }
        }
    }

    public static async Task<FakeConnector> StartNewAsync()
    {
        NoFileWatching.Apply();
        var connector = new FakeConnector();
        await connector.StartAsync();
        return connector;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Nothing from the test's environment or appsettings may move the fake off loopback or change its port.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        ServiceUrl = new Uri($"{address.TrimEnd('/')}/teams/");
    }

    /// <summary>Waits until the delivered requests satisfy <paramref name="condition"/>; throws TimeoutException otherwise.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(Func<IReadOnlyList<RecordedRequest>, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var expiry = new CancellationTokenSource(timeout);
        while (true)
        {
            IReadOnlyList<RecordedRequest> snapshot;
            Task changed;
            lock (_gate)
            {
                snapshot = [.. _requests];
                changed = _changed.Task;
            }

            if (condition(snapshot))
            {
                return snapshot;
            }

            try
            {
                await changed.WaitAsync(expiry.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"The fake connector did not see the expected requests within {timeout}. Delivered: {Describe(snapshot)}. Rejected: {Describe(Rejected)}.");
            }
        }
    }

    /// <summary>The roster that members and pagedmembers return for <paramref name="conversationId"/> (empty when never set).</summary>
    public void SetMembers(string conversationId, IEnumerable<TeamsChannelAccount> members)
    {
        lock (_gate)
        {
            _rosters[conversationId] = [.. members];
        }
    }

    /// <summary>The channels GET /v3/teams/{teamId}/conversations returns (empty when never set).</summary>
    public void SetChannels(string teamId, IEnumerable<ChannelInfo> channels)
    {
        lock (_gate)
        {
            _channels[teamId] = [.. channels];
        }
    }

    /// <summary>The next <paramref name="count"/> requests get Teams' 429, with Retry-After when given.</summary>
    public void ThrottleNext(int count, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _failures.Enqueue((StatusCodes.Status429TooManyRequests, ThrottledBody, retryAfter));
            }
        }
    }

    /// <summary>The next <paramref name="count"/> requests get <paramref name="status"/> with error code <paramref name="code"/>.</summary>
    public void FailNext(int count, int status, string code)
    {
        var body = JsonSerializer.Serialize(new ErrorResponse { Error = new ErrorDetail { Code = code, Message = $"Fake connector failure {status} {code}" } }, BotJson.Options);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _failures.Enqueue((status, body, null));
            }
        }
    }

    /// <summary>
    /// Every request to <paramref name="thread"/> (a conversation id, or the channel or user a new conversation is
    /// created in) gets <paramref name="status"/> with error code <paramref name="code"/> until <see cref="Clear"/>:
    /// a user who blocked the bot, a deleted chat, a thread Teams keeps throttling. A 429 carries Retry-After when given.
    /// </summary>
    public void FailThread(string thread, int status, string code, TimeSpan? retryAfter = null)
    {
        var body = status == StatusCodes.Status429TooManyRequests
            ? ThrottledBody
            : JsonSerializer.Serialize(new ErrorResponse { Error = new ErrorDetail { Code = code, Message = $"Fake connector failure {status} {code}" } }, BotJson.Options);
        lock (_gate)
        {
            _threadFailures[thread] = (status, body, retryAfter);
        }
    }

    /// <summary>
    /// Requests to <paramref name="thread"/> are recorded as delivered and their answers wait until the returned handle
    /// is disposed: Teams answering one chat very slowly while the rest of the tenant's calls go through.
    /// </summary>
    public IDisposable HoldAnswers(string thread)
    {
        var held = NewSignal();
        lock (_gate)
        {
            _heldThreads[thread] = held;
        }

        return new Release(() =>
        {
            lock (_gate)
            {
                // Only this hold: a later one on the same thread stays until its own handle is disposed.
                if (_heldThreads.TryGetValue(thread, out var current) && current == held)
                {
                    _heldThreads.Remove(thread);
                }
            }

            held.TrySetResult();
        });
    }

    /// <summary>
    /// Answers 429 whenever a thread or the tenant goes over Teams' limits (7/1 s, 8/2 s, 60/30 s, 1800/1 h per
    /// thread for writes; twice that for member reads; 50/s per tenant), on the real clock.
    /// <paramref name="timeScale"/> below 1 shrinks every window by that factor to keep tests short.
    /// </summary>
    public void EnforceTeamsRateLimits(bool enabled, double timeScale = 1)
    {
        lock (_gate)
        {
            _rateLimits = enabled ? new FakeConnectorRateLimits(timeScale) : null;
        }
    }

    /// <summary>Forgets recorded requests, rosters, pending failures and rate-limit history; keeps the settings.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
            _rejected.Clear();
            _rosters.Clear();
            _channels.Clear();
            _tenantOfConversation.Clear();
            _failures.Clear();
            _threadFailures.Clear();
            if (_rateLimits is not null)
            {
                _rateLimits = new FakeConnectorRateLimits(_rateLimits.TimeScale);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }

    private static string Describe(IReadOnlyList<RecordedRequest> requests) =>
        requests.Count == 0 ? "none" : string.Join("; ", requests.Select(r => $"{r.Method} {r.Path} -> {r.StatusCode}"));

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await AnswerAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var receivedAt = _time.GetUtcNow();
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var route = ConnectorRoute.Parse(request.Method, request.Path.Value ?? string.Empty);
        var activity = route.CarriesActivity ? ReadJson<Activity>(body) : null;
        var parameters = route.Operation == ConnectorOperation.CreateConversation ? ReadJson<ConversationParameters>(body) : null;
        if (parameters is not null)
        {
            activity = parameters.Activity;
        }

        Answer answer;
        lock (_gate)
        {
            var tenant = LearnTenant(route, activity, parameters);
            answer = Refusal(route, parameters, tenant) ?? Respond(route, parameters, request.Query);
            var recorded = new RecordedRequest(
                request.Method,
                request.Path.Value ?? string.Empty,
                route.Operation,
                answer.ConversationId ?? route.ConversationId,
                route.ActivityId,
                activity,
                parameters,
                body,
                request.Headers.Authorization.ToString() is { Length: > 0 } authorization ? authorization : null,
                receivedAt,
                answer.Status,
                answer.ResultId);
            (answer.Status < 400 ? _requests : _rejected).Add(recorded);
            var changed = _changed;
            _changed = NewSignal();
            changed.TrySetResult();
        }

        Task? held;
        lock (_gate)
        {
            held = route.Thread(parameters) is { } heldThread && _heldThreads.TryGetValue(heldThread, out var signal) ? signal.Task : null;
        }

        if (held is not null)
        {
            try
            {
                await held.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (ResponseDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(ResponseDelay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The sender gave up waiting; what it sent is recorded as delivered, as Teams would have it.
                return;
            }
        }

        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.Headers["X-Correlating-OperationId"] = Guid.NewGuid().ToString("N");
        if (answer.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }
    }

    private string LearnTenant(ConnectorRoute route, Activity? activity, ConversationParameters? parameters)
    {
        var tenant = parameters?.TenantId ?? parameters?.ChannelData?.Tenant?.Id ?? activity?.TenantId;
        var thread = route.Thread(parameters);
        if (tenant is not null && thread is not null)
        {
            _tenantOfConversation[thread] = tenant;
        }

        return tenant ?? (thread is not null && _tenantOfConversation.TryGetValue(thread, out var known) ? known : string.Empty);
    }

    private Answer? Refusal(ConnectorRoute route, ConversationParameters? parameters, string tenant)
    {
        if (_failures.TryDequeue(out var failure))
        {
            return new Answer(failure.Status, failure.Body, failure.RetryAfter);
        }

        if (route.Thread(parameters) is { } thread && _threadFailures.TryGetValue(thread, out var threadFailure))
        {
            return new Answer(threadFailure.Status, threadFailure.Body, threadFailure.RetryAfter);
        }

        // A channel post counts against its channel's thread, as Teams counts it, not against one shared thread.
        if (_rateLimits?.TryAdmit(route.Operation, route.Thread(parameters) ?? string.Empty, tenant) is { } wait)
        {
            return new Answer(StatusCodes.Status429TooManyRequests, ThrottledBody, wait);
        }

        return null;
    }

    private Answer Respond(ConnectorRoute route, ConversationParameters? parameters, IQueryCollection query)
    {
        switch (route.Operation)
        {
            case ConnectorOperation.Send or ConnectorOperation.Reply:
                var id = NextActivityId();
                return new Answer(StatusCodes.Status201Created, Json(new ResourceResponse { Id = id })) { ResultId = id };
            case ConnectorOperation.Update:
                return new Answer(StatusCodes.Status200OK, Json(new ResourceResponse { Id = route.ActivityId })) { ResultId = route.ActivityId };
            case ConnectorOperation.Delete:
                return new Answer(StatusCodes.Status200OK, null);
            case ConnectorOperation.CreateConversation:
                return CreateConversation(parameters);
            case ConnectorOperation.GetMembers:
                return new Answer(StatusCodes.Status200OK, Json(Roster(route.ConversationId!)));
            case ConnectorOperation.GetPagedMembers:
                return new Answer(StatusCodes.Status200OK, Json(Page(route.ConversationId!, query)));
            case ConnectorOperation.GetChannels:
                return new Answer(StatusCodes.Status200OK, Json(new ConversationList { Conversations = [.. _channels.GetValueOrDefault(route.ConversationId!) ?? []] }));
            case ConnectorOperation.GetMember:
                var member = Roster(route.ConversationId!).FirstOrDefault(m =>
                    string.Equals(m.Id, route.MemberId, StringComparison.Ordinal)
                    || string.Equals(m.AadObjectId, route.MemberId, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(m.UserPrincipalName, route.MemberId, StringComparison.OrdinalIgnoreCase));
                return member is null
                    ? Error(StatusCodes.Status404NotFound, "MemberNotFoundInConversation")
                    : new Answer(StatusCodes.Status200OK, Json(member));
            default:
                return Error(StatusCodes.Status404NotFound, "NotFound");
        }
    }

    private Answer CreateConversation(ConversationParameters? parameters)
    {
        if (parameters?.ChannelData?.Channel?.Id is { } channelId)
        {
            // Teams refuses empty threads: a channel post must carry its first message.
            if (parameters.Activity is null)
            {
                return Error(StatusCodes.Status400BadRequest, "BadSyntax");
            }

            var activityId = NextActivityId();
            var thread = $"{channelId};messageid={activityId}";
            if ((parameters.TenantId ?? parameters.ChannelData.Tenant?.Id) is { } channelTenant)
            {
                _tenantOfConversation[thread] = channelTenant;
            }

            return new Answer(StatusCodes.Status201Created, Json(new ConversationResourceResponse { Id = thread, ActivityId = activityId }))
            {
                ConversationId = thread,
                ResultId = activityId,
            };
        }

        if (parameters is { IsGroup: not true, Members: [{ Id: { Length: > 0 } memberId }] })
        {
            // Teams gives the same 1:1 conversation every time for the same user.
            var personal = "a:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(memberId)))[..32];
            if ((parameters.TenantId ?? parameters.ChannelData?.Tenant?.Id) is { } personalTenant)
            {
                _tenantOfConversation[personal] = personalTenant;
            }

            var firstId = parameters.Activity is null ? null : NextActivityId();
            return new Answer(StatusCodes.Status201Created, Json(new ConversationResourceResponse { Id = personal }))
            {
                ConversationId = personal,
                ResultId = firstId ?? personal,
            };
        }

        // Bots cannot create group chats, and a 1:1 needs exactly one member.
        return Error(StatusCodes.Status400BadRequest, "BadSyntax");
    }

    private List<TeamsChannelAccount> Roster(string conversationId) =>
        _rosters.TryGetValue(conversationId, out var members)
            ? members
            // A channel thread has the channel's roster.
            : _rosters.GetValueOrDefault(conversationId.Split(";messageid=")[0]) ?? [];

    private PagedMembersResult Page(string conversationId, IQueryCollection query)
    {
        var roster = Roster(conversationId);
        var requested = int.TryParse(query["pageSize"], CultureInfo.InvariantCulture, out var size) ? size : 200;
        var pageSize = Math.Min(Math.Clamp(requested, 50, 500), Math.Max(1, MaxMembersPerPage));
        var offset = int.TryParse(query["continuationToken"], CultureInfo.InvariantCulture, out var start) ? start : 0;
        var next = offset + pageSize;
        return new PagedMembersResult
        {
            Members = [.. roster.Skip(offset).Take(pageSize)],
            ContinuationToken = next < roster.Count ? next.ToString(CultureInfo.InvariantCulture) : null,
        };
    }

    private string NextActivityId() => (++_nextActivityId).ToString(CultureInfo.InvariantCulture);

    private static Answer Error(int status, string code) => new(
        status,
        Json(new ErrorResponse { Error = new ErrorDetail { Code = code, Message = $"Fake connector: {code}" } }));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, BotJson.Options);

    private static T? ReadJson<T>(string body)
        where T : class
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize<T>(body, BotJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Answer(int Status, string? Body, TimeSpan? RetryAfter = null)
    {
        public string? ConversationId { get; init; }

        public string? ResultId { get; init; }
    }

    /// <summary>A connector path, read from the <c>v3</c> segment on so that any serviceUrl prefix works.</summary>
    private sealed record ConnectorRoute(ConnectorOperation Operation, string? ConversationId, string? ActivityId, string? MemberId)
    {
        public bool CarriesActivity => Operation is ConnectorOperation.Send or ConnectorOperation.Reply or ConnectorOperation.Update;

        /// <summary>The thread Teams counts the request against.</summary>
        public string? Thread(ConversationParameters? parameters) => Operation == ConnectorOperation.CreateConversation
            ? parameters?.ChannelData?.Channel?.Id ?? parameters?.Members?.FirstOrDefault()?.Id
            : ConversationId;

        public static ConnectorRoute Parse(string method, string path)
        {
            // Kestrel has already unescaped the segments; conversation ids never contain '/'.
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var v3 = Array.IndexOf(segments, "v3");
            var rest = v3 < 0 ? [] : segments[(v3 + 1)..];
            return (method, rest) switch
            {
                ("POST", ["conversations"]) => new(ConnectorOperation.CreateConversation, null, null, null),
                ("POST", ["conversations", var id, "activities"]) => new(ConnectorOperation.Send, id, null, null),
                ("POST", ["conversations", var id, "activities", var activityId]) => new(ConnectorOperation.Reply, id, activityId, null),
                ("PUT", ["conversations", var id, "activities", var activityId]) => new(ConnectorOperation.Update, id, activityId, null),
                ("DELETE", ["conversations", var id, "activities", var activityId]) => new(ConnectorOperation.Delete, id, activityId, null),
                ("GET", ["conversations", var id, "members"]) => new(ConnectorOperation.GetMembers, id, null, null),
                ("GET", ["conversations", var id, "members", var memberId]) => new(ConnectorOperation.GetMember, id, null, memberId),
                ("GET", ["conversations", var id, "pagedmembers"]) => new(ConnectorOperation.GetPagedMembers, id, null, null),
                ("GET", ["teams", var teamId, "conversations"]) => new(ConnectorOperation.GetChannels, teamId, null, null),
                _ => new(ConnectorOperation.Unknown, null, null, null),
            };
        }
    }
}
