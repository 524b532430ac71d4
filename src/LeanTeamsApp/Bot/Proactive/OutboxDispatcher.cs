using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Infrastructure.Storage;
using LeanTeamsApp.Infrastructure.Telemetry;
using Microsoft.Extensions.Options;
using Span = System.Diagnostics.Activity;

namespace LeanTeamsApp.Bot.Proactive;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public bool Enabled { get; set; } = true;

    /// <summary>The storage queue that names the messages to send; instances that share it share the work.</summary>
    [System.ComponentModel.DataAnnotations.RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "Outbox:QueueName must be a valid Azure Storage queue name.")]
    public string QueueName { get; set; } = "outbox";

    /// <summary>How long to wait for new messages when the queue is empty.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a received message stays invisible to other instances while it is being sent. A send is given half of
    /// it, so a claim is never outlived by the send it covers.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:30", "00:30:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Transient failures (throttling, Teams outages) are retried this many times before the message fails.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int MaxAttempts { get; set; } = 20;

    /// <summary>Messages sent at once by one instance.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 64)]
    public int Concurrency { get; set; } = 16;

    /// <summary>
    /// Rows older than this many days are deleted. A row is the record that its id was sent; producers offer the same
    /// id again for up to a week (the check-in catch-up, the record card), so it must outlive that.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(8, 3650)]
    public int RetentionDays { get; set; } = 30;

    public bool CleanupEnabled { get; set; } = true;

    /// <summary>
    /// How long an instance holds a tenant's sender lease without renewing it: when an instance dies, its tenants wait
    /// this long for another to take over their sending.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:05", "00:05:00")]
    public TimeSpan SenderLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long an instance that found another sending for a tenant leaves that tenant to it before asking for its lease
    /// again; and when all it received was such tenants' messages, how long it waits before receiving more.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan SenderRecheck { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A sender lease is given up after this long with nothing sent for the tenant. Longer than Teams' one-second
    /// window (with the pacing margin), so that the next holder cannot exceed it together with the last one.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01.500", "00:10:00")]
    public TimeSpan SenderIdleRelease { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A queue message whose row has not appeared this long after it was queued belongs to an enqueue that crashed
    /// midway, and is dropped; usually the row is simply still being written (storage retries included). Judged by the
    /// queue's own clock and not by how often the message was received: instances that do not send for its tenant hand
    /// it back at once, so its receive count says nothing of its age.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MissingRowPatience { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often old rows are deleted, by one instance of all that share the table.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// Sends queued proactive messages. Safe with several instances: the queue hands each message to one receiver at a
/// time, and the row is claimed with its ETag before sending, so two instances never send the same row at once.
/// A message throttled by Teams goes back to the queue with a delay; nothing is dropped. A tenant's messages are sent
/// by one instance at a time (<see cref="OutboxSenders"/>), since Teams' per-tenant limit counts every instance's calls.
/// </summary>
/// <remarks>
/// Stopping (App Service stops the old instance on every deployment) claims nothing new and hands messages it has
/// received but not claimed straight back to the queue; a send already under way is finished and its row marked sent,
/// since Teams may already have the message. Only when the host stops waiting (its shutdown timeout) is a send given
/// up. What remains is at-least-once: the Bot Connector takes no idempotency key for a new message, so a message
/// Teams accepted in the last moment before the process died (killed, crashed, or past the shutdown timeout), before
/// its row said "sent", is sent again once its lease has run out. The row is marked in the very next call after Teams
/// answers, which keeps that window to one table write per message in flight.
/// </remarks>
public sealed partial class OutboxDispatcher(
    Outbox outbox,
    OutboxSenders senders,
    ConnectorClient connector,
    DeliveryProblemStore problems,
    StorageTables tables,
    AppTelemetry telemetry,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    // The depth and age gauges read the queue this often, not on the exporter's every collection.
    private static readonly TimeSpan MeasureInterval = TimeSpan.FromSeconds(15);

    // Cancelled only when the host has stopped waiting for us: until then, work already claimed is finished.
    private readonly CancellationTokenSource _abandon = new();

    private DateTimeOffset _measuredAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        // Messages received and not yet handled: the queue is asked for more as soon as a place is free, not when the
        // last of a round is done, since between a round's slowest send and the next round's first claim the pacer's
        // slots would go unused, once every 32 messages of a fan-out. At most twice the concurrency are held, so a message
        // waits for one send at most before its own starts, well within its lease.
        var concurrency = options.Value.Concurrency;
        var batches = new List<Task<bool>[]>();
        using var workers = new SemaphoreSlim(concurrency);
        var holdOffUntil = DateTimeOffset.MinValue;
        List<Task<bool>> Running() => [.. batches.SelectMany(b => b).Where(t => !t.IsCompleted)];
        while (!stoppingToken.IsCancellationRequested)
        {
            var running = Running();
            var (asked, received) = (0, 0);
            try
            {
                if (tables.Created && running.Count < concurrency && time.GetUtcNow() >= holdOffUntil)
                {
                    asked = Math.Min(32, (2 * concurrency) - running.Count);
                    var messages = await ReceiveAsync(asked);
                    received = messages.Length;
                    if (received > 0)
                    {
                        Task<bool>[] batch = [.. messages.Select(m => HandleGatedAsync(m, workers, stoppingToken))];
                        batches.Add(batch);
                        running.AddRange(batch);
                    }
                }

                if (tables.Created)
                {
                    await senders.ReleaseIdleAsync(stoppingToken);
                    if (time.GetUtcNow() - _measuredAt >= MeasureInterval)
                    {
                        await MeasureAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping; what was received is finished or handed back below.
            }
            catch (Exception e)
            {
                LogTickFailed(logger, e);
            }

            try
            {
                if (running.Count >= concurrency)
                {
                    await Task.WhenAny(running);
                }
                else if (received < asked || asked == 0)
                {
                    // The queue had fewer than asked for (the rest of a burst, or nothing), or this instance did not ask:
                    // ask again once what is under way is done, or after the idle poll (or the hold-off), not at once.
                    var now = time.GetUtcNow();
                    var pause = Task.Delay(holdOffUntil > now ? holdOffUntil - now : options.Value.IdlePollInterval, time, stoppingToken);
                    await (running.Count > 0 ? Task.WhenAny(Task.WhenAll(running), pause) : pause);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopping while waiting: what is under way is finished below.
            }

            foreach (var batch in batches.Where(b => b.All(t => t.IsCompleted)).ToList())
            {
                batches.Remove(batch);
                // A whole batch of tenants other instances send for, handed back (visible at once, for their holders):
                // asking again sooner mostly finds the same messages, each one more queue call to hand back while the
                // holders send. One message of its own in the batch, and it goes on asking: pausing would slow its own
                // tenants' sending, and handing back costs it no more than its own sends' pace lets it receive.
                if (batch.All(t => !t.Result))
                {
                    holdOffUntil = time.GetUtcNow() + options.Value.SenderRecheck;
                }
            }
        }

        // Received before the stop: each is finished if claimed, else handed back at once.
        await Task.WhenAll(Running());
    }

    /// <summary>
    /// Stops claiming at once; the host's token, which fires when its shutdown timeout runs out, is the only thing
    /// that gives up a send already under way.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using var giveUp = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// One round: receives up to 32 messages and sends them concurrently, so one throttled conversation does not hold
    /// up the others; the connector's pacer keeps the whole within Teams' per-thread and per-tenant limits. Once
    /// <paramref name="stopping"/> is cancelled, messages not yet claimed go back to the queue and claimed ones are
    /// finished. Returns how many queue messages it handled.
    /// </summary>
    public async Task<int> DispatchOnceAsync(CancellationToken stopping)
    {
        var messages = await ReceiveAsync();
        await Parallel.ForEachAsync(
            messages,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency },
            async (message, _) => await HandleOneAsync(message, stopping));
        return messages.Length;
    }

    /// <summary>Up to <paramref name="count"/> messages, each hidden from other receivers for the lease.</summary>
    private async Task<QueueMessage[]> ReceiveAsync(int count = 32)
    {
        var abandon = _abandon.Token;
        await outbox.EnsureQueueAsync(abandon);
        // Not the stopping token: a receive cancelled after the queue handed out messages would hide them from the next
        // instance for a whole lease. Received during a stop, they are handed back at once.
        return await outbox.Queue.ReceiveMessagesAsync(count, options.Value.Lease, abandon);
    }

    /// <summary>
    /// <see cref="HandleOneAsync"/> once one of the concurrency's places is free; handed back at once, without a place,
    /// when the service stops first.
    /// </summary>
    private async Task<bool> HandleGatedAsync(QueueMessage message, SemaphoreSlim workers, CancellationToken stopping)
    {
        try
        {
            await workers.WaitAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            // Never claimed: the next instance may send it at once.
            return await HandleOneAsync(message, stopping);
        }

        try
        {
            return await HandleOneAsync(message, stopping);
        }
        finally
        {
            workers.Release();
        }
    }

    /// <summary>
    /// Handles one message and never throws: false when it was handed on to the instance that sends for its tenant.
    /// Whatever fails comes back after its lease and is tried again; nothing is lost.
    /// </summary>
    private async Task<bool> HandleOneAsync(QueueMessage message, CancellationToken stopping)
    {
        try
        {
            return await HandleAsync(message, stopping);
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            LogAbandoned(logger, message.MessageId);
        }
        catch (Exception e)
        {
            LogMessageFailed(logger, message.MessageId, e);
        }

        return true;
    }

    /// <summary>
    /// Reads how many messages the queue holds and when the oldest visible one was queued, for the outbox gauges:
    /// two small calls, whatever the queue's length.
    /// </summary>
    public async Task MeasureAsync(CancellationToken cancellationToken)
    {
        await outbox.EnsureQueueAsync(cancellationToken);
        var properties = await outbox.Queue.GetPropertiesAsync(cancellationToken);
        var front = await outbox.Queue.PeekMessagesAsync(32, cancellationToken);
        var oldest = front.Value.Select(m => m.InsertedOn).Where(t => t.HasValue).Min();
        telemetry.OutboxMeasured(outbox.Queue.Name, properties.Value.ApproximateMessagesCount, oldest);
        _measuredAt = time.GetUtcNow();
    }

    /// <summary>False when the message was handed on because another instance sends for its tenant.</summary>
    private async Task<bool> HandleAsync(QueueMessage message, CancellationToken stopping)
    {
        // From here on nothing waits on the stopping token: whatever is claimed is finished, and whatever is not is
        // handed back. Only the host giving up (abandon) cuts a call short.
        var abandon = _abandon.Token;
        if (stopping.IsCancellationRequested)
        {
            await HandBackAsync(message);
            return true;
        }

        var parts = message.MessageText.Split('|', 2);
        if (parts.Length != 2)
        {
            await DeleteAsync(message, abandon);
            return true;
        }

        using var turn = await senders.TryTakeTurnAsync(parts[0], abandon);
        if (turn is null)
        {
            // Visible at once: hidden, it would wait out of the holder's sight too, which at the end of a fan-out is
            // all the holder has left to send. This instance holds off asking instead (above).
            await ReleaseAsync(message, TimeSpan.Zero, abandon);
            return false;
        }

        await SendAsync(message, parts, stopping);
        return true;
    }

    private async Task SendAsync(QueueMessage message, string[] parts, CancellationToken stopping)
    {
        var abandon = _abandon.Token;
        var row = parts.Length == 2 ? await outbox.Rows.GetEntityIfExistsAsync<TableEntity>(parts[0], parts[1], cancellationToken: abandon) : null;
        if (row is null || !row.HasValue)
        {
            if (row is null || QueuedFor(message) >= options.Value.MissingRowPatience)
            {
                await DeleteAsync(message, abandon);
            }
            else
            {
                await ReleaseAsync(message, TimeSpan.FromMilliseconds(500), abandon);
            }

            return;
        }

        var entity = row.Value!;
        var state = Enum.TryParse<OutboxState>(entity.GetString("State"), out var parsed) ? parsed : OutboxState.Failed;
        if (state is OutboxState.Sent or OutboxState.Failed)
        {
            await DeleteAsync(message, abandon);
            return;
        }

        // Another instance is sending this row right now (it holds a duplicate queue message): look again later.
        if (state == OutboxState.Sending && entity.GetDateTimeOffset("ClaimedAt") is { } claimedAt && time.GetUtcNow() - claimedAt < options.Value.Lease)
        {
            await ReleaseAsync(message, options.Value.Lease, abandon);
            return;
        }

        // The last moment to leave a message to the next instance without having touched it.
        if (stopping.IsCancellationRequested)
        {
            await HandBackAsync(message);
            return;
        }

        // Claim: of two instances that read the row at the same moment, only one passes the ETag check. A merge of
        // the three changed properties, not the whole row again with its activity: storage does less per message.
        var claim = new TableEntity(entity.PartitionKey, entity.RowKey)
        {
            ["State"] = nameof(OutboxState.Sending),
            ["ClaimedAt"] = time.GetUtcNow(),
            ["Attempts"] = (entity.GetInt32("Attempts") ?? 0) + 1,
        };
        try
        {
            var claimed = await outbox.Rows.UpdateEntityAsync(claim, entity.ETag, TableUpdateMode.Merge, abandon);
            entity.ETag = claimed.Headers.ETag ?? entity.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return;
        }

        Merged(entity, claim);

        var tenant = entity.PartitionKey;
        var id = Outbox.IdOf(entity.RowKey);
        using var span = telemetry.ActivitySource.StartActivity("outbox send");
        span?.SetTag("tenant_id", AppTelemetry.Tenant(tenant).Value);
        span?.SetTag("kind", AppTelemetry.KindOf(id));
        span?.SetTag("attempt", entity.GetInt32("Attempts"));
        if (!TryRead(entity, out var send))
        {
            LogFailed(logger, entity.RowKey, 0, "MalformedRow", false);
            await FinishAsync(entity, OutboxState.Failed, null, "The stored message cannot be read.", abandon);
            await DeleteAsync(message, abandon);
            Failed(span, tenant, id, AppTelemetry.FailureReasons.Other);
            return;
        }

        // Half the lease for the send: when it runs out, the message goes back for a later try before any other
        // instance could take it over. Not the stopping token: the request may already be with Teams.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(abandon);
        budget.CancelAfter(options.Value.Lease / 2);
        string? sentId;
        try
        {
            sentId = await send(budget.Token);
        }
        catch (Exception e) when (IsTransient(e, budget) && entity.GetInt32("Attempts") < options.Value.MaxAttempts)
        {
            var status = (e as ConnectorException)?.StatusCode ?? 0;
            var delay = (e as ConnectorException)?.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, entity.GetInt32("Attempts") ?? 1)));
            LogRetryLater(logger, entity.RowKey, status, delay);
            telemetry.MessageRetried(tenant, id, status);
            span?.SetTag("outcome", "retry");
            if (await FinishAsync(entity, OutboxState.Pending, null, e.Message, abandon))
            {
                await ReleaseAsync(message, delay, abandon);
            }

            return;
        }
        catch (Exception e) when (e is ConnectorException || IsTransient(e, budget))
        {
            var failure = e as ConnectorException;
            LogFailed(logger, entity.RowKey, failure?.StatusCode ?? 0, failure?.ErrorCode, failure?.IsConversationGone ?? false);
            // Before the row says "failed": should this write fail, the message comes back after its lease and is
            // tried (and recorded) again, rather than failing where the coordinator cannot see it.
            if (Outbox.TargetOf(entity) is { } target)
            {
                var status = failure?.StatusCode ?? 0;
                await problems.RecordAsync(
                    tenant, new DeliveryProblem(target, time.GetUtcNow(), status, failure?.ErrorCode, DeliveryProblemStore.Classify(target.Route, status, failure?.ErrorCode)), abandon);
            }

            await FinishAsync(entity, OutboxState.Failed, null, failure is null ? e.Message : $"{failure.StatusCode} {failure.ErrorCode}: {failure.Message}", abandon);
            await DeleteAsync(message, abandon);
            Failed(span, tenant, id, ReasonOf(failure));
            return;
        }

        // Teams has it: record that before anything else, and let nothing but a dead process stop the write.
        await FinishSentAsync(entity, sentId, CancellationToken.None);
        telemetry.MessageSent(tenant, id);
        span?.SetTag("outcome", "sent");
        await DeleteAsync(message, CancellationToken.None);
        if (Outbox.TargetOf(entity) is { } reached)
        {
            // Should this fail, the problem stays until the next message to the same target gets through.
            await problems.ClearAsync(tenant, reached, abandon);
        }
    }

    /// <summary>
    /// How long ago the message was queued, by the queue's clock: its next-visible time, less the lease it was received
    /// with, is the moment it was received. The queue service sends both times with every message it hands out.
    /// </summary>
    private TimeSpan QueuedFor(QueueMessage message) =>
        message is { NextVisibleOn: { } visible, InsertedOn: { } inserted } ? visible - options.Value.Lease - inserted : TimeSpan.Zero;

    private void Failed(Span? span, string tenant, string id, string reason)
    {
        telemetry.MessageFailed(tenant, id, reason);
        span?.SetTag("outcome", "failed");
        span?.SetTag("reason", reason);
        span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
    }

    private static string ReasonOf(ConnectorException? failure) => failure?.StatusCode switch
    {
        429 => AppTelemetry.FailureReasons.Throttled,
        403 => AppTelemetry.FailureReasons.Blocked,
        404 => AppTelemetry.FailureReasons.Gone,
        _ => AppTelemetry.FailureReasons.Other,
    };

    /// <summary>The send ran out of its budget, or Teams said to try again later; not the host giving up.</summary>
    private bool IsTransient(Exception e, CancellationTokenSource budget) =>
        e is ConnectorException { IsTransient: true }
        || (e is OperationCanceledException && budget.IsCancellationRequested && !_abandon.IsCancellationRequested);

    /// <summary>Makes a message this instance will not handle visible to the next one at once, not after its lease.</summary>
    private async Task HandBackAsync(QueueMessage message)
    {
        try
        {
            await ReleaseAsync(message, TimeSpan.Zero, _abandon.Token);
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException)
        {
            // It comes back after its lease instead.
            LogHandBackFailed(logger, message.MessageId, e.Message);
        }
    }

    /// <summary>Reads a stored message into the send it stands for; false when the row cannot be read at all.</summary>
    private bool TryRead(TableEntity entity, out Func<CancellationToken, Task<string?>> send)
    {
        send = null!;
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(Outbox.ReadActivity(entity) ?? "", BotJson.Options);
        }
        catch (JsonException)
        {
            return false;
        }

        if (activity is null || !Uri.TryCreate(entity.GetString("ServiceUrl"), UriKind.Absolute, out var serviceUrl))
        {
            return false;
        }

        var tenant = entity.PartitionKey;
        if (entity.GetString("ConversationId") is { Length: > 0 } conversationId)
        {
            if (entity.GetString("ReplacesActivityId") is { Length: > 0 } replaces)
            {
                send = async ct =>
                {
                    await connector.UpdateAsync(new ConversationAddress(serviceUrl, conversationId, tenant), replaces, activity, ct);
                    return replaces;
                };
                return true;
            }

            send = ct => connector.SendAsync(new ConversationAddress(serviceUrl, conversationId, tenant), activity, ct);
            return true;
        }

        if (entity.GetString("ChannelId") is not { Length: > 0 } channelId)
        {
            return false;
        }

        send = async ct =>
        {
            var created = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters
            {
                IsGroup = true,
                TenantId = tenant,
                ChannelData = new TeamsChannelData { Channel = new ChannelInfo { Id = channelId }, Tenant = new TenantInfo { Id = tenant } },
                Activity = activity,
            }, ct);
            return created.ActivityId ?? created.Id;
        };
        return true;
    }

    /// <summary>
    /// Marks a delivered message sent, retrying a storage blip: a row left "sending" would be sent again after the
    /// lease, and Teams already has this one.
    /// </summary>
    private async Task FinishSentAsync(TableEntity entity, string? sentId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await FinishAsync(entity, OutboxState.Sent, sentId, null, cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < 4 && StorageFailure.IsOutage(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), time, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Writes the row's new state, merging only what changes; false when another instance has claimed it meanwhile
    /// (its ETag moved on). A merge keeps properties it does not name, so an earlier error is cleared with an empty one.
    /// </summary>
    private async Task<bool> FinishAsync(TableEntity entity, OutboxState state, string? sentId, string? error, CancellationToken cancellationToken)
    {
        var change = new TableEntity(entity.PartitionKey, entity.RowKey) { ["State"] = state.ToString() };
        foreach (var (name, value) in new[] { ("SentActivityId", sentId), ("Error", error) })
        {
            if (value is not null || entity.GetString(name) is { Length: > 0 })
            {
                change[name] = value ?? "";
            }
        }

        if (state == OutboxState.Sent)
        {
            change["SentAt"] = time.GetUtcNow();
        }

        try
        {
            var updated = await outbox.Rows.UpdateEntityAsync(change, entity.ETag, TableUpdateMode.Merge, cancellationToken);
            entity.ETag = updated.Headers.ETag ?? entity.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            LogClaimLost(logger, entity.RowKey);
            return false;
        }

        // Only once written: a write retried after a storage blip must still clear what the row holds.
        Merged(entity, change);

        return true;
    }

    /// <summary>Brings the row as read up to date with a change merged into it, keys and ETag aside.</summary>
    private static void Merged(TableEntity entity, TableEntity change)
    {
        foreach (var (name, value) in change.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "odata.etag")))
        {
            entity[name] = value;
        }
    }

    private async Task ReleaseAsync(QueueMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await outbox.Queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The lease ran out and another receive holds it now; it will come back on its own.
        }
    }

    private async Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await outbox.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The lease ran out and another instance took it over; it will find the row finished.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} was given up at shutdown mid-send; it is sent again after its lease")]
    private static partial void LogAbandoned(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} could not be handed back at shutdown ({Reason}); it returns after its lease")]
    private static partial void LogHandBackFailed(ILogger logger, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} could not be handled; it returns after its lease")]
    private static partial void LogMessageFailed(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} was claimed by another instance meanwhile; leaving it to that one")]
    private static partial void LogClaimLost(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox round failed; retrying")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} not delivered ({Status}); retrying in {Delay}")]
    private static partial void LogRetryLater(ILogger logger, string id, int status, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} failed for good ({Status} {Code}; conversation gone: {Gone})")]
    private static partial void LogFailed(ILogger logger, string id, int status, string? code, bool gone);
}
