using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;

namespace LeanTeamsApp.Infrastructure.Telemetry;

/// <summary>
/// Everything the app itself measures, in one place: its meter and its activity source, and one method per fact.
/// Tags carry tenant ids and fixed words only, never a name, an e-mail address, an object id or free text: a
/// Teams administrator may read these, and Application Insights keeps them for months.
/// </summary>
public sealed partial class AppTelemetry : IDisposable
{
    public const string Name = "LeanTeamsApp";

    /// <summary>Why a proactive message failed for good; the reasons a Teams administrator can act on.</summary>
    public static class FailureReasons
    {
        public const string Throttled = "throttled";
        public const string Blocked = "blocked";
        public const string Gone = "gone";
        public const string Other = "other";
    }

    // Teams expects an answer to an invoke within a few seconds and to any turn within fifteen.
    private static readonly IReadOnlyList<double> TurnBuckets = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 15];

    private static readonly HashSet<string> KnownActivityTypes = new(StringComparer.Ordinal)
    {
        "message", "conversationUpdate", "installationUpdate", "invoke", "messageReaction", "messageUpdate", "messageDelete", "typing", "event",
    };

    private readonly Meter _meter;
    private readonly TimeProvider _time;
    private readonly Counter<long> _queued;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _checkInsStored;
    private readonly Histogram<double> _turnDuration;
    private OutboxLevel? _outbox;

    public AppTelemetry(IMeterFactory meters, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _time = time;
        _meter = meters.Create(Name);
        ActivitySource = new ActivitySource(Name);
        _queued = _meter.CreateCounter<long>("leanteamsapp.outbox.queued", "{message}", "Proactive messages queued (check-in prompts, reminders, digests, card refreshes), by kind.");
        _sent = _meter.CreateCounter<long>("leanteamsapp.outbox.sent", "{message}", "Proactive messages Teams accepted, by kind.");
        _retried = _meter.CreateCounter<long>("leanteamsapp.outbox.retried", "{message}", "Proactive messages put back in the queue to try again later (throttled by Teams, Teams unavailable), by kind and reason.");
        _failed = _meter.CreateCounter<long>("leanteamsapp.outbox.failed", "{message}", "Proactive messages given up, by kind and reason: throttled, blocked (403: the user blocked or removed the app), gone (404: the chat or channel no longer exists), other.");
        _checkInsStored = _meter.CreateCounter<long>("leanteamsapp.checkins.stored", "{check-in}", "Check-ins stored (first answers and corrections).");
        _turnDuration = _meter.CreateHistogram(
            "leanteamsapp.bot.turn.duration",
            "s",
            "How long the bot took to handle one activity from Teams at /api/messages, by activity type and outcome.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TurnBuckets });
        _meter.CreateObservableGauge("leanteamsapp.outbox.depth", ObserveDepth, "{message}", "Messages in the outbox queue: waiting, being sent, or waiting to be tried again.");
        _meter.CreateObservableGauge("leanteamsapp.outbox.oldest_age", ObserveOldestAge, "s", "Age of the oldest message waiting in the outbox queue.");
    }

    public ActivitySource ActivitySource { get; }

    public void MessageQueued(string tenantId, string messageId) =>
        _queued.Add(1, Tenant(tenantId), Kind(messageId));

    public void MessageSent(string tenantId, string messageId) =>
        _sent.Add(1, Tenant(tenantId), Kind(messageId));

    public void MessageRetried(string tenantId, string messageId, int status) =>
        _retried.Add(1, Tenant(tenantId), Kind(messageId), new("reason", status == 429 ? FailureReasons.Throttled : FailureReasons.Other));

    public void MessageFailed(string tenantId, string messageId, string reason) =>
        _failed.Add(1, Tenant(tenantId), Kind(messageId), new("reason", reason));

    public void CheckInStored(string tenantId, bool correction) =>
        _checkInsStored.Add(1, Tenant(tenantId), new("kind", correction ? "correction" : "new"));

    /// <summary>Runs one bot turn inside a span and records how long it took, also when it throws.</summary>
    public async Task<T> TimeTurnAsync<T>(string? tenantId, string? activityType, Func<Task<T>> turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var tenant = Tenant(tenantId);
        var type = new KeyValuePair<string, object?>("activity_type", activityType is not null && KnownActivityTypes.Contains(activityType) ? activityType : "other");
        using var span = ActivitySource.StartActivity("bot turn");
        span?.SetTag(tenant.Key, tenant.Value);
        span?.SetTag(type.Key, type.Value);
        var started = _time.GetTimestamp();
        var outcome = "error";
        try
        {
            var result = await turn();
            outcome = "ok";
            return result;
        }
        finally
        {
            _turnDuration.Record(_time.GetElapsedTime(started).TotalSeconds, tenant, type, new("outcome", outcome));
            if (outcome != "ok")
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }
        }
    }

    /// <summary>
    /// The outbox queue as last read. The gauges report this reading rather than reading storage on the exporter's
    /// thread; the reading's owner refreshes it every few seconds while it runs.
    /// </summary>
    public void OutboxMeasured(string queue, long depth, DateTimeOffset? oldestQueuedAt) =>
        _outbox = new OutboxLevel(queue, depth, oldestQueuedAt, _time.GetUtcNow());

    /// <summary>The kind of a proactive message: the fixed word its id starts with (<c>checkin-prompt|unit|date</c>).</summary>
    public static string KindOf(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var prefix = messageId.Split('|', 2)[0];
        // Only a plain word: an id made of anything else might carry an address or a name.
        return KindPattern().IsMatch(prefix) ? prefix : "other";
    }

    public void Dispose()
    {
        ActivitySource.Dispose();
        _meter.Dispose();
    }

    /// <summary>A tenant id as a tag: Entra tenant ids are GUIDs; anything else is not one and says nothing useful.</summary>
    internal static KeyValuePair<string, object?> Tenant(string? tenantId) =>
        new("tenant_id", Guid.TryParse(tenantId, out var id) ? id.ToString("D") : "unknown");

    private static KeyValuePair<string, object?> Kind(string messageId) => new("kind", KindOf(messageId));

    private IEnumerable<Measurement<long>> ObserveDepth() =>
        Fresh() is { } level ? [new Measurement<long>(level.Depth, new KeyValuePair<string, object?>("queue", level.Queue))] : [];

    private IEnumerable<Measurement<double>> ObserveOldestAge()
    {
        if (Fresh() is not { } level)
        {
            return [];
        }

        var age = level.OldestQueuedAt is { } oldest ? Math.Max(0, (_time.GetUtcNow() - oldest).TotalSeconds) : 0;
        return [new Measurement<double>(age, new KeyValuePair<string, object?>("queue", level.Queue))];
    }

    // A reading nobody refreshed for minutes (the dispatcher is off or stuck) would paint a flat line that looks healthy.
    private OutboxLevel? Fresh() =>
        _outbox is { } level && _time.GetUtcNow() - level.MeasuredAt < TimeSpan.FromMinutes(5) ? level : null;

    [GeneratedRegex("^[a-z][a-z-]{0,39}$")]
    private static partial Regex KindPattern();

    private sealed record OutboxLevel(string Queue, long Depth, DateTimeOffset? OldestQueuedAt, DateTimeOffset MeasuredAt);
}
