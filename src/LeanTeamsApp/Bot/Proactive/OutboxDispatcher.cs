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

    /// <summary>How long a received message stays invisible to other instances while it is being sent.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Transient failures (throttling, Teams outages) are retried this many times before the message fails.</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>Messages sent at once by one instance.</summary>
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
                    await outbox.EnsureQueueAsync(stoppingToken);
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
        QueueMessage[] messages = await outbox.Queue.ReceiveMessagesAsync(32, options.Value.Lease, cancellationToken);
        await Parallel.ForEachAsync(
            messages,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = cancellationToken },
            async (message, ct) => await HandleAsync(message, ct));
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
                await outbox.Queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.FromMilliseconds(500), cancellationToken: cancellationToken);
            }

            return;
        }

        var entity = row.Value!;
        var state = Enum.Parse<OutboxState>(entity.GetString("State"));
        if (state is OutboxState.Sent or OutboxState.Failed)
        {
            await DeleteAsync(message, cancellationToken);
            return;
        }

        // Another instance is sending this row right now (it holds a duplicate queue message): look again later.
        if (state == OutboxState.Sending && entity.GetDateTimeOffset("ClaimedAt") is { } claimedAt && time.GetUtcNow() - claimedAt < options.Value.Lease)
        {
            await outbox.Queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.Value.Lease, cancellationToken: cancellationToken);
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

        try
        {
            var sentId = await SendAsync(entity, cancellationToken);
            await FinishAsync(entity, OutboxState.Sent, sentId, null, cancellationToken);
            await DeleteAsync(message, cancellationToken);
        }
        catch (ConnectorException e) when (e.IsTransient && entity.GetInt32("Attempts") < options.Value.MaxAttempts)
        {
            var delay = e.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, entity.GetInt32("Attempts") ?? 1)));
            LogRetryLater(logger, entity.RowKey, e.StatusCode, delay);
            await FinishAsync(entity, OutboxState.Pending, null, e.Message, cancellationToken);
            await outbox.Queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken);
        }
        catch (ConnectorException e)
        {
            LogFailed(logger, entity.RowKey, e.StatusCode, e.ErrorCode, e.IsConversationGone);
            await FinishAsync(entity, OutboxState.Failed, null, $"{e.StatusCode} {e.ErrorCode}: {e.Message}", cancellationToken);
            await DeleteAsync(message, cancellationToken);
        }
    }

    private async Task<string?> SendAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        var activity = JsonSerializer.Deserialize<Activity>(entity.GetString("Activity"), BotJson.Options)!;
        var serviceUrl = new Uri(entity.GetString("ServiceUrl"));
        if (entity.GetString("ConversationId") is { } conversationId)
        {
            return await connector.SendAsync(new ConversationAddress(serviceUrl, conversationId, entity.PartitionKey), activity, cancellationToken);
        }

        var created = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            IsGroup = true,
            TenantId = entity.PartitionKey,
            ChannelData = new TeamsChannelData
            {
                Channel = new ChannelInfo { Id = entity.GetString("ChannelId") },
                Tenant = new TenantInfo { Id = entity.PartitionKey },
            },
            Activity = activity,
        }, cancellationToken);
        return created.ActivityId ?? created.Id;
    }

    private async Task FinishAsync(TableEntity entity, OutboxState state, string? sentId, string? error, CancellationToken cancellationToken)
    {
        entity["State"] = state.ToString();
        entity["SentActivityId"] = sentId;
        entity["Error"] = error;
        if (state == OutboxState.Sent)
        {
            entity["SentAt"] = time.GetUtcNow();
        }

        var updated = await outbox.Rows.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
        entity.ETag = updated.Headers.ETag ?? entity.ETag;
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox round failed; retrying")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} not delivered ({Status}); retrying in {Delay}")]
    private static partial void LogRetryLater(ILogger logger, string id, int status, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} failed for good ({Status} {Code}; conversation gone: {Gone})")]
    private static partial void LogFailed(ILogger logger, string id, int status, string? code, bool gone);
}
