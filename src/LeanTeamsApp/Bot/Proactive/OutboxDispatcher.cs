using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Bot.Proactive;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public bool Enabled { get; set; } = true;

    /// <summary>The storage queue that names the messages to send; instances that share it share the work.</summary>
    [System.ComponentModel.DataAnnotations.RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "Outbox:QueueName must be a valid Azure Storage queue name.")]
    public string QueueName { get; set; } = "outbox";

    /// <summary>How long to wait for new messages when the queue is empty.</summary>
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
}

/// <summary>
/// Sends queued proactive messages. Safe with several instances: the queue hands each message to one receiver at a
/// time, and the row is claimed with its ETag before sending, so two instances never send the same row at once.
/// A message throttled by Teams goes back to the queue with a delay; nothing is dropped. The one window left is a
/// crash after Teams accepted a message but before the row was marked sent: that message is sent again after the
/// lease, the price of never losing one.
/// </summary>
public sealed partial class OutboxDispatcher(
    Outbox outbox,
    ConnectorClient connector,
    StorageTables tables,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    // A queue message whose row has not appeared after this many looks (half a second apart) belongs to an enqueue
    // that crashed midway; usually the row is simply still being written.
    private const int MaxLooksForMissingRow = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                if (tables.Created)
                {
                    handled = await DispatchOnceAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogTickFailed(logger, e);
            }

            if (handled == 0)
            {
                await Task.Delay(options.Value.IdlePollInterval, time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// One round: receives up to 32 messages and sends them concurrently, so one throttled conversation does not hold
    /// up the others; the connector's pacer keeps the whole within Teams' per-thread and per-tenant limits.
    /// Returns how many queue messages it handled.
    /// </summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        await outbox.EnsureQueueAsync(cancellationToken);
        QueueMessage[] messages = await outbox.Queue.ReceiveMessagesAsync(32, options.Value.Lease, cancellationToken);
        // Each message gets the round's own token, not the loop's: one failing message must not cancel the others'
        // sends midway (a cancelled send may have reached Teams, and would be sent again after the lease).
        await Parallel.ForEachAsync(
            messages,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency },
            async (message, _) =>
            {
                try
                {
                    await HandleAsync(message, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    // The queue message returns after the lease and is tried again; nothing is lost.
                    LogMessageFailed(logger, message.MessageId, e);
                }
            });
        return messages.Length;
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var parts = message.MessageText.Split('|', 2);
        var row = parts.Length == 2 ? await outbox.Rows.GetEntityIfExistsAsync<TableEntity>(parts[0], parts[1], cancellationToken: cancellationToken) : null;
        if (row is null || !row.HasValue)
        {
            if (row is null || message.DequeueCount >= MaxLooksForMissingRow)
            {
                await DeleteAsync(message, cancellationToken);
            }
            else
            {
                await ReleaseAsync(message, TimeSpan.FromMilliseconds(500), cancellationToken);
            }

            return;
        }

        var entity = row.Value!;
        var state = Enum.TryParse<OutboxState>(entity.GetString("State"), out var parsed) ? parsed : OutboxState.Failed;
        if (state is OutboxState.Sent or OutboxState.Failed)
        {
            await DeleteAsync(message, cancellationToken);
            return;
        }

        // Another instance is sending this row right now (it holds a duplicate queue message): look again later.
        if (state == OutboxState.Sending && entity.GetDateTimeOffset("ClaimedAt") is { } claimedAt && time.GetUtcNow() - claimedAt < options.Value.Lease)
        {
            await ReleaseAsync(message, options.Value.Lease, cancellationToken);
            return;
        }

        // Claim: of two instances that read the row at the same moment, only one passes the ETag check.
        entity["State"] = nameof(OutboxState.Sending);
        entity["ClaimedAt"] = time.GetUtcNow();
        entity["Attempts"] = (entity.GetInt32("Attempts") ?? 0) + 1;
        try
        {
            var claimed = await outbox.Rows.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            entity.ETag = claimed.Headers.ETag ?? entity.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return;
        }

        if (!TryRead(entity, out var send))
        {
            LogFailed(logger, entity.RowKey, 0, "MalformedRow", false);
            await FinishAsync(entity, OutboxState.Failed, null, "The stored message cannot be read.", cancellationToken);
            await DeleteAsync(message, cancellationToken);
            return;
        }

        // Half the lease for the send: when it runs out, the message goes back for a later try before any other
        // instance could take it over.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.Value.Lease / 2);
        try
        {
            var sentId = await send(budget.Token);
            await FinishSentAsync(entity, sentId, cancellationToken);
            await DeleteAsync(message, cancellationToken);
        }
        catch (Exception e) when (IsTransient(e, budget, cancellationToken) && entity.GetInt32("Attempts") < options.Value.MaxAttempts)
        {
            var delay = (e as ConnectorException)?.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, entity.GetInt32("Attempts") ?? 1)));
            LogRetryLater(logger, entity.RowKey, (e as ConnectorException)?.StatusCode ?? 0, delay);
            if (await FinishAsync(entity, OutboxState.Pending, null, e.Message, cancellationToken))
            {
                await ReleaseAsync(message, delay, cancellationToken);
            }
        }
        catch (Exception e) when (e is ConnectorException || IsTransient(e, budget, cancellationToken))
        {
            var failure = e as ConnectorException;
            LogFailed(logger, entity.RowKey, failure?.StatusCode ?? 0, failure?.ErrorCode, failure?.IsConversationGone ?? false);
            await FinishAsync(entity, OutboxState.Failed, null, failure is null ? e.Message : $"{failure.StatusCode} {failure.ErrorCode}: {failure.Message}", cancellationToken);
            await DeleteAsync(message, cancellationToken);
        }
    }

    private static bool IsTransient(Exception e, CancellationTokenSource budget, CancellationToken stopping) =>
        e is ConnectorException { IsTransient: true }
        || (e is OperationCanceledException && budget.IsCancellationRequested && !stopping.IsCancellationRequested);

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

    /// <summary>Writes the row's new state; false when another instance has claimed it meanwhile (its ETag moved on).</summary>
    private async Task<bool> FinishAsync(TableEntity entity, OutboxState state, string? sentId, string? error, CancellationToken cancellationToken)
    {
        entity["State"] = state.ToString();
        entity["SentActivityId"] = sentId;
        entity["Error"] = error;
        if (state == OutboxState.Sent)
        {
            entity["SentAt"] = time.GetUtcNow();
        }

        try
        {
            var updated = await outbox.Rows.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            entity.ETag = updated.Headers.ETag ?? entity.ETag;
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            LogClaimLost(logger, entity.RowKey);
            return false;
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
