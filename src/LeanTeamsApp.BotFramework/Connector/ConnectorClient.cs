using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LeanTeamsApp.BotFramework.Activities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.BotFramework.Connector;

/// <summary>
/// Calls the Bot Connector REST API (the serviceUrl of an activity) to send, reply, update, delete, create
/// conversations and read rosters. Every call is paced to Teams' rate limits, retried when Teams says trying
/// again can help, and only ever sent to trusted hosts.
/// </summary>
public sealed partial class ConnectorClient
{
    public const string HttpClientName = "LeanTeamsApp.BotFramework.Connector";

    /// <summary>The meter this client reports on: <c>botframework.connector.throttled</c>, Teams' 429 answers.</summary>
    public const string MeterName = "LeanTeamsApp.BotFramework.Connector";

    /// <summary>Teams' maximum page; fewer pages means fewer calls against the roster limit.</summary>
    private const int MembersPageSize = 500;

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly IHttpClientFactory httpClientFactory;
    private readonly IConnectorTokenProvider tokenProvider;
    private readonly ConnectorOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<ConnectorClient> logger;
    private readonly TrustedServiceUrls trustedServiceUrls;
    private readonly ConnectorPacer pacer;
    private readonly Counter<long> throttled;

    public ConnectorClient(
        IHttpClientFactory httpClientFactory,
        IConnectorTokenProvider tokenProvider,
        IOptions<ConnectorOptions> options,
        TimeProvider timeProvider,
        IMeterFactory meterFactory,
        ILogger<ConnectorClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meterFactory);
        this.httpClientFactory = httpClientFactory;
        this.tokenProvider = tokenProvider;
        this.options = options.Value;
        this.timeProvider = timeProvider;
        this.logger = logger;
        trustedServiceUrls = new TrustedServiceUrls(this.options.TrustedServiceUrlHosts);
        pacer = new ConnectorPacer(this.options, timeProvider);
        throttled = meterFactory.Create(MeterName).CreateCounter<long>(
            "botframework.connector.throttled",
            "{response}",
            "429 Too Many Requests answers from the Bot Connector, retried or not, by operation and tenant.");
    }

    /// <summary>Threads and tenants the pacer currently remembers.</summary>
    internal int PacerTrackedCount => pacer.TrackedCount;

    /// <summary>Posts <paramref name="activity"/> to the conversation; returns the new activity's id when Teams gives one.</summary>
    public async Task<string?> SendAsync(ConversationAddress to, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(activity);
        var call = new ConnectorCall(
            "send",
            HttpMethod.Post,
            Address(to.ServiceUrl, ["v3", "conversations", to.ConversationId, "activities"]),
            Serialize(activity),
            PacingBucket.ConversationWrite,
            to.ConversationId,
            to.TenantId);
        var response = await CallAsync<ResourceResponse>(call, cancellationToken).ConfigureAwait(false);
        return response?.Id;
    }

    /// <summary>Posts <paramref name="activity"/> as a reply to activity <paramref name="replyToId"/>.</summary>
    public async Task<string?> ReplyAsync(ConversationAddress to, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        ArgumentNullException.ThrowIfNull(activity);
        var call = new ConnectorCall(
            "reply",
            HttpMethod.Post,
            Address(to.ServiceUrl, ["v3", "conversations", to.ConversationId, "activities", replyToId]),
            Serialize(activity),
            PacingBucket.ConversationWrite,
            to.ConversationId,
            to.TenantId);
        var response = await CallAsync<ResourceResponse>(call, cancellationToken).ConfigureAwait(false);
        return response?.Id;
    }

    /// <summary>Replaces activity <paramref name="activityId"/> (e.g. a card) with <paramref name="activity"/>.</summary>
    public async Task UpdateAsync(ConversationAddress to, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var call = new ConnectorCall(
            "update",
            HttpMethod.Put,
            Address(to.ServiceUrl, ["v3", "conversations", to.ConversationId, "activities", activityId]),
            Serialize(activity),
            PacingBucket.ConversationWrite,
            to.ConversationId,
            to.TenantId);
        await CallAsync<ResourceResponse>(call, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(ConversationAddress to, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var call = new ConnectorCall(
            "delete",
            HttpMethod.Delete,
            Address(to.ServiceUrl, ["v3", "conversations", to.ConversationId, "activities", activityId]),
            null,
            PacingBucket.ConversationWrite,
            to.ConversationId,
            to.TenantId);
        await CallAsync<ResourceResponse>(call, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens a 1:1 chat or a new channel thread (see <see cref="ConversationParameters.ForPersonalChat"/> and
    /// <see cref="ConversationParameters.ForChannelPost"/>). Throws when Teams answers without a conversation id.
    /// </summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(
        Uri serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentNullException.ThrowIfNull(parameters);

        // Teams counts a channel post against the channel's thread and a 1:1 against the chat with that user.
        var thread = parameters.ChannelData?.Channel?.Id
            ?? parameters.Members?.FirstOrDefault()?.Id
            ?? string.Empty;
        var call = new ConnectorCall(
            "createConversation",
            HttpMethod.Post,
            Address(serviceUrl, ["v3", "conversations"]),
            JsonSerializer.SerializeToUtf8Bytes(parameters, BotJson.Options),
            PacingBucket.ConversationWrite,
            thread,
            parameters.TenantId ?? parameters.ChannelData?.Tenant?.Id);
        var response = await CallAsync<ConversationResourceResponse>(call, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(response?.Id))
        {
            throw new ConnectorException(
                "The Bot Connector created a conversation but returned no conversation id.",
                (int)HttpStatusCode.OK,
                ConnectorErrorCodes.InvalidResponse,
                isTransient: false);
        }

        return response;
    }

    /// <summary>Every member of the conversation (a team, channel or chat), following continuation tokens.</summary>
    public async Task<IReadOnlyList<TeamsChannelAccount>> GetMembersAsync(
        ConversationAddress conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var members = new List<TeamsChannelAccount>();
        string? continuationToken = null;
        do
        {
            var query = $"pageSize={MembersPageSize}";
            if (!string.IsNullOrEmpty(continuationToken))
            {
                query += $"&continuationToken={Uri.EscapeDataString(continuationToken)}";
            }

            var call = new ConnectorCall(
                "getMembers",
                HttpMethod.Get,
                Address(conversation.ServiceUrl, ["v3", "conversations", conversation.ConversationId, "pagedmembers"], query),
                null,
                PacingBucket.ConversationRead,
                conversation.ConversationId,
                conversation.TenantId);
            var page = await CallAsync<PagedMembersResult>(call, cancellationToken).ConfigureAwait(false);
            if (page?.Members is { } pageMembers)
            {
                members.AddRange(pageMembers);
            }

            continuationToken = page?.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuationToken));

        return members;
    }

    /// <summary>
    /// One member of the conversation by Teams user id (<c>29:…</c>; Teams also accepts a UPN or Entra object id),
    /// or null when the conversation exists but the user is not in it.
    /// </summary>
    public async Task<TeamsChannelAccount?> GetMemberAsync(
        ConversationAddress conversation, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var call = new ConnectorCall(
            "getMember",
            HttpMethod.Get,
            Address(conversation.ServiceUrl, ["v3", "conversations", conversation.ConversationId, "members", userId]),
            null,
            PacingBucket.ConversationRead,
            conversation.ConversationId,
            conversation.TenantId)
        {
            NotFoundIsAnswer = true,
        };
        return await CallAsync<TeamsChannelAccount>(call, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The channels of a team the bot is installed in (Teams-only). Teams sends no channel name on most activities;
    /// this is where the names come from. The General channel's id is the team id and its name is null.
    /// </summary>
    public async Task<IReadOnlyList<ChannelInfo>> GetChannelsAsync(
        Uri serviceUrl, string teamId, string? tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        var call = new ConnectorCall(
            "getChannels",
            HttpMethod.Get,
            Address(serviceUrl, ["v3", "teams", teamId, "conversations"]),
            null,
            PacingBucket.ConversationRead,
            teamId,
            tenantId);
        var list = await CallAsync<ConversationList>(call, cancellationToken).ConfigureAwait(false);
        return [.. list?.Conversations ?? []];
    }

    /// <summary>
    /// The address of a connector resource. Refuses untrusted serviceUrls here, before a token is fetched or
    /// anything is sent. Segments are escaped: conversation ids contain ':', '@', ';' and '='.
    /// </summary>
    private Uri Address(Uri serviceUrl, string[] segments, string? query = null)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (!trustedServiceUrls.IsTrusted(serviceUrl))
        {
            throw new ConnectorException(
                $"The serviceUrl host '{(serviceUrl.IsAbsoluteUri ? serviceUrl.Host : serviceUrl.OriginalString)}' is not trusted; no request was sent.",
                0,
                ConnectorErrorCodes.UntrustedServiceUrl,
                isTransient: false);
        }

        foreach (var segment in segments)
        {
            ArgumentException.ThrowIfNullOrEmpty(segment);
        }

        var baseAddress = serviceUrl.GetLeftPart(UriPartial.Path);
        var address = new StringBuilder(baseAddress);
        if (!baseAddress.EndsWith('/'))
        {
            address.Append('/');
        }

        address.AppendJoin('/', segments.Select(Uri.EscapeDataString));
        if (query is not null)
        {
            address.Append('?').Append(query);
        }

        return new Uri(address.ToString());
    }

    private static byte[] Serialize(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options);

    private async Task<T?> CallAsync<T>(ConnectorCall call, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            // Retries count against Teams' limits as much as first attempts, so each one is paced.
            var slot = await pacer.WaitAsync(call.Bucket, call.ConversationId, call.TenantId, cancellationToken).ConfigureAwait(false);
            var outcome = await AttemptAsync<T>(call, cancellationToken).ConfigureAwait(false);
            pacer.Answered(call.TenantId, slot);
            if (outcome.Failure is not { } failure)
            {
                return outcome.Value;
            }

            if (failure.StatusCode == (int)HttpStatusCode.TooManyRequests)
            {
                pacer.Throttled(call.TenantId, slot);
                throttled.Add(1, new KeyValuePair<string, object?>("operation", call.Name), new KeyValuePair<string, object?>("tenant_id", call.TenantId ?? "unknown"));
            }

            if (call.NotFoundIsAnswer && failure.StatusCode == (int)HttpStatusCode.NotFound
                && failure.ErrorCode != ConnectorErrorCodes.ConversationNotFound)
            {
                return null;
            }

            var retriesLeft = attempt <= options.MaxRetries;
            var delay = failure.IsTransient && retriesLeft ? RetryDelay(failure, attempt) : null;
            if (delay is not { } wait)
            {
                LogFailed(logger, call.Name, call.ConversationId, failure.StatusCode, failure.ErrorCode, attempt, failure.OperationId, failure.CorrelationVector);
                throw failure.ToException(call, attempt);
            }

            if (failure.StatusCode == (int)HttpStatusCode.TooManyRequests)
            {
                LogThrottled(logger, call.Name, call.ConversationId, attempt, wait, failure.OperationId, failure.CorrelationVector);
            }
            else
            {
                LogRetrying(logger, call.Name, call.ConversationId, failure.StatusCode, failure.ErrorCode, attempt, wait);
            }

            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// How long to wait before the next attempt: what the connector asked for, else exponential backoff with
    /// jitter so that many throttled senders do not come back at the same moment. Null when the connector asks
    /// for more than <see cref="ConnectorOptions.MaxRetryDelay"/>: the caller is better off re-queueing.
    /// </summary>
    private TimeSpan? RetryDelay(CallFailure failure, int attempt)
    {
        if (failure.RetryAfter is { } requested)
        {
            return requested <= options.MaxRetryDelay ? requested : null;
        }

        // The exponent stops growing long before TimeSpan would overflow; MaxRetryDelay caps the result anyway.
        var exponential = options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        var jittered = exponential * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return jittered < options.MaxRetryDelay ? jittered : options.MaxRetryDelay;
    }

    private async Task<Outcome<T>> AttemptAsync<T>(ConnectorCall call, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(call.Method, call.Address);
        if (call.Body is { } body)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonMediaType;
        }

        // Asked for on every attempt: MSAL answers from its cache and renews a token that expired during retries.
        var authorization = await tokenProvider.GetAuthorizationHeaderAsync(cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(authorization))
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        var client = httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            return new Outcome<T>(null, CallFailure.Network(exception));
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation nobody asked for.
            return new Outcome<T>(null, CallFailure.Network(exception));
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return new Outcome<T>(ReadBody<T>(text), null);
            }

            return new Outcome<T>(null, CallFailure.FromResponse(response, text, timeProvider.GetUtcNow()));
        }
    }

    /// <summary>
    /// The success body, or null when it is empty or unreadable: the call already took effect, so failing it
    /// would only make the caller send a duplicate.
    /// </summary>
    private static T? ReadBody<T>(string text)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, BotJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Bot Connector throttled {Operation} in conversation {ConversationId} (attempt {Attempt}); retrying in {Delay}. X-Correlating-OperationId: {OperationId}, MS-CV: {CorrelationVector}")]
    private static partial void LogThrottled(
        ILogger logger, string operation, string conversationId, int attempt, TimeSpan delay, string? operationId, string? correlationVector);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Bot Connector answered {StatusCode} {ErrorCode} to {Operation} in conversation {ConversationId} (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogRetrying(
        ILogger logger, string operation, string conversationId, int statusCode, string? errorCode, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Bot Connector {Operation} in conversation {ConversationId} failed with {StatusCode} {ErrorCode} after {Attempts} attempt(s). X-Correlating-OperationId: {OperationId}, MS-CV: {CorrelationVector}")]
    private static partial void LogFailed(
        ILogger logger, string operation, string conversationId, int statusCode, string? errorCode, int attempts, string? operationId, string? correlationVector);

    private sealed record ConnectorCall(
        string Name, HttpMethod Method, Uri Address, byte[]? Body, PacingBucket Bucket, string ConversationId, string? TenantId)
    {
        /// <summary>A 404 other than ConversationNotFound means "no such thing" and is returned as null.</summary>
        public bool NotFoundIsAnswer { get; init; }
    }

    private readonly record struct Outcome<T>(T? Value, CallFailure? Failure);

    private sealed record CallFailure(
        int StatusCode,
        string? ErrorCode,
        string? ErrorMessage,
        TimeSpan? RetryAfter,
        bool IsTransient,
        string? OperationId,
        string? CorrelationVector,
        Exception? Exception)
    {
        public static CallFailure Network(Exception exception) =>
            new(0, ConnectorErrorCodes.NetworkError, exception.Message, null, true, null, null, exception);

        public static CallFailure FromResponse(HttpResponseMessage response, string body, DateTimeOffset now)
        {
            var status = (int)response.StatusCode;
            var error = ReadError(body);
            return new CallFailure(
                status,
                string.IsNullOrEmpty(error?.SubCode) ? error?.Code : error.SubCode,
                error?.Message,
                ReadRetryAfter(response, now),
                IsTransientStatus(status),
                Header(response, "X-Correlating-OperationId"),
                Header(response, "MS-CV"),
                null);
        }

        public ConnectorException ToException(ConnectorCall call, int attempts) => new(
            $"Bot Connector {call.Name} ({call.Method} {call.Address.AbsolutePath}) failed with {(StatusCode == 0 ? "no response" : StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}"
                + $" {ErrorCode} after {attempts} attempt(s){(ErrorMessage is null ? "." : $": {ErrorMessage}")}",
            StatusCode,
            ErrorCode,
            IsTransient,
            RetryAfter,
            OperationId,
            CorrelationVector,
            Exception);

        /// <summary>The statuses Teams documents as worth retrying; it asks bots not to retry any other.</summary>
        private static bool IsTransientStatus(int status) => status is 412 or 429 or 502 or 503 or 504;

        private static ErrorDetail? ReadError(string body)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize<ErrorResponse>(body, BotJson.Options)?.Error;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static TimeSpan? ReadRetryAfter(HttpResponseMessage response, DateTimeOffset now)
        {
            var retryAfter = response.Headers.RetryAfter;
            if (retryAfter?.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retryAfter?.Date is { } date)
            {
                var until = date - now;
                return until < TimeSpan.Zero ? TimeSpan.Zero : until;
            }

            return null;
        }

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
    }
}
