using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Infrastructure.Storage;
using LeanTeamsApp.Infrastructure.Telemetry;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Bot.Proactive;

/// <summary>
/// A proactive message: to an existing conversation (a personal chat, a group chat, a channel thread), or as a new
/// thread in a team channel. <see cref="Id"/> is the caller's idempotency key: enqueuing the same id twice sends once.
/// </summary>
public sealed record OutboundMessage(string Id, string TenantId, Uri ServiceUrl, Activity Activity)
{
    /// <summary>Post into this existing conversation.</summary>
    public string? ConversationId { get; init; }

    /// <summary>Start a new thread in this channel (a unit's channel, the coordinator's channel).</summary>
    public string? ChannelId { get; init; }

    /// <summary>Replace this message of <see cref="ConversationId"/> instead of posting a new one (a card refreshed for everyone).</summary>
    public string? ReplacesActivityId { get; init; }

    /// <summary>The unit (and person) this message is for: a failure for good is shown as that unit's delivery problem.</summary>
    public DeliveryTarget? Target { get; init; }
}

public enum OutboxState
{
    Pending,
    Sending,
    Sent,
    Failed,
}

public sealed record OutboxEntry(string Id, OutboxState State, int Attempts, string? SentActivityId, string? Error);

/// <summary>
/// The durable outbox for proactive sends. Each message is a row (Outbox table, partition = tenant, row = the
/// idempotency key) plus a queue message naming it. The queue message is written first: a crash between the two
/// leaves a queue message whose row never appears, which the dispatcher drops, never a row nobody will send.
/// </summary>
public sealed class Outbox(StorageTables tables, QueueServiceClient queues, IOptions<OutboxOptions> options, AppTelemetry telemetry, TimeProvider time)
{
    internal const string Table = "Outbox";

    internal TableClient Rows => tables.Get(Table);

    private Task? _queueCreated;

    internal QueueClient Queue => queues.GetQueueClient(options.Value.QueueName);

    /// <summary>
    /// Creates the queue on first use, by whichever comes first: an enqueue or the dispatcher. Concurrent callers share
    /// one attempt; a failed attempt (storage down) is tried afresh by the next caller.
    /// </summary>
    internal Task EnsureQueueAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _queueCreated);
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            var attempt = Queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            current = Interlocked.CompareExchange(ref _queueCreated, attempt, current) == current ? attempt : _queueCreated!;
        }

        return current.WaitAsync(cancellationToken);
    }

    /// <summary>Queues a message; false (and nothing queued) when a message with this id was queued before.</summary>
    public async Task<bool> EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ConversationId is null == message.ChannelId is null)
        {
            throw new ArgumentException("An outbound message goes to exactly one of a conversation or a channel.", nameof(message));
        }

        if (message.ReplacesActivityId is not null && message.ConversationId is null)
        {
            throw new ArgumentException("Only a message in an existing conversation can be replaced.", nameof(message));
        }

        var existing = await Rows.GetEntityIfExistsAsync<TableEntity>(message.TenantId, Key(message.Id), ["PartitionKey"], cancellationToken);
        if (existing.HasValue)
        {
            return false;
        }

        await EnsureQueueAsync(cancellationToken);
        await Queue.SendMessageAsync($"{message.TenantId}|{Key(message.Id)}", cancellationToken);
        try
        {
            var row = new TableEntity(message.TenantId, Key(message.Id))
            {
                ["ServiceUrl"] = message.ServiceUrl.ToString(),
                ["ConversationId"] = message.ConversationId,
                ["ChannelId"] = message.ChannelId,
                ["ReplacesActivityId"] = message.ReplacesActivityId,
                ["State"] = nameof(OutboxState.Pending),
                ["Attempts"] = 0,
                ["CreatedAt"] = time.GetUtcNow(),
                ["TargetUnit"] = message.Target?.UnitId,
                ["TargetRoute"] = message.Target?.Route.ToString(),
                ["TargetPerson"] = message.Target?.PersonPseudonym,
            };
            WriteActivity(row, JsonSerializer.Serialize(message.Activity, BotJson.Options));
            await Rows.AddEntityAsync(row, cancellationToken);
            telemetry.MessageQueued(message.TenantId, message.Id);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // A concurrent enqueue of the same id won; its row is the one that will be sent, our queue message
            // will find it already sent (or sending) and be dropped.
            return false;
        }
    }

    public async Task<OutboxEntry?> GetAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        var row = await Rows.GetEntityIfExistsAsync<TableEntity>(tenantId, Key(id), cancellationToken: cancellationToken);
        return row.HasValue
            ? new OutboxEntry(id, Enum.Parse<OutboxState>(row.Value!.GetString("State")), row.Value.GetInt32("Attempts") ?? 0, NoneIfEmpty(row.Value.GetString("SentActivityId")), NoneIfEmpty(row.Value.GetString("Error")))
            : null;
    }

    // The dispatcher merges its state changes, and clears a property it cannot leave out with an empty string.
    private static string? NoneIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // Keys: the caller's id may hold characters Table Storage forbids.
    // A table string property holds 32K characters; a Teams message may be about 100 KB. Longer activities are
    // split over numbered properties (the entity limit is 1 MiB).
    private const int ChunkLength = 30_000;

    private static void WriteActivity(TableEntity row, string json)
    {
        var chunks = (json.Length + ChunkLength - 1) / ChunkLength;
        row["ActivityChunks"] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            row[i == 0 ? "Activity" : $"Activity{i}"] = json.Substring(i * ChunkLength, Math.Min(ChunkLength, json.Length - (i * ChunkLength)));
        }
    }

    /// <summary>The stored activity JSON, joined from its chunks.</summary>
    internal static string? ReadActivity(TableEntity row)
    {
        var chunks = row.GetInt32("ActivityChunks") ?? 1;
        return string.Concat(Enumerable.Range(0, chunks).Select(i => row.GetString(i == 0 ? "Activity" : $"Activity{i}") ?? ""));
    }

    /// <summary>Who a stored message is for; null for a message that names no unit.</summary>
    internal static DeliveryTarget? TargetOf(TableEntity row) =>
        row.GetString("TargetUnit") is { Length: > 0 } unit && Enum.TryParse<DeliveryRoute>(row.GetString("TargetRoute"), out var route)
            ? new DeliveryTarget(unit, route, row.GetString("TargetPerson"))
            : null;

    internal static string Key(string id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(id)).Replace('/', '_').Replace('+', '-');

    /// <summary>The caller's id a row key stands for; empty for a key that is not one of ours.</summary>
    internal static string IdOf(string key)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(key.Replace('_', '/').Replace('-', '+')));
        }
        catch (FormatException)
        {
            return "";
        }
    }

}
