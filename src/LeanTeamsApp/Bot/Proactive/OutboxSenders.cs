using System.Collections.Concurrent;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Bot.Proactive;

/// <summary>
/// Which instance sends a tenant's outbox. Teams allows 50 requests a second per app per tenant, not per instance,
/// and each instance's connector pacer only knows its own calls: three instances each pacing to 50 a second would
/// get a large tenant 429s. So one instance at a time sends for a tenant, the one holding the tenant's sender lease
/// (a row in the Outbox table), and its pacer alone keeps that tenant's per-thread and per-tenant windows. Other
/// instances hand the tenant's messages back to the queue; many tenants still spread over every instance.
/// </summary>
/// <remarks>
/// The holder renews the lease while it sends and gives it up once it has sent nothing for the tenant for
/// <see cref="OutboxOptions.SenderIdleRelease"/>, longer than Teams' one-second window, so that whoever takes it next
/// cannot push the window over; a lease that lapses (the holder died) was last renewed at least half a lease before
/// the holder's last send, which is longer still. Replies inside a turn (to whoever wrote to the bot) do not go
/// through the outbox and are paced by the instance that answers them alone.
/// </remarks>
public sealed class OutboxSenders(StorageTables tables, IOptions<OutboxOptions> options, TimeProvider time) : IDisposable
{
    // Base64 row keys of messages never hold '|', so the lease row cannot meet a message's.
    internal const string LeaseRowKey = "outbox|sender";

    private readonly TenantLease _lease = new(tables.Get(Outbox.Table), LeaseRowKey, options.Value.SenderLease, time);
    private readonly ConcurrentDictionary<string, Sender> _tenants = new(StringComparer.Ordinal);

    /// <summary>
    /// A turn at sending one message for <paramref name="tenantId"/>, to dispose of once the send is over; null when
    /// another instance sends for the tenant now.
    /// </summary>
    public async Task<IDisposable?> TryTakeTurnAsync(string tenantId, CancellationToken cancellationToken)
    {
        var sender = _tenants.GetOrAdd(tenantId, _ => new Sender());
        // One acquisition or renewal at a time per tenant: two writes with the same ETag would lose the lease to ourselves.
        await sender.Gate.WaitAsync(cancellationToken);
        try
        {
            if (sender.Held is { } held)
            {
                if (await held.RenewIfDueAsync(cancellationToken))
                {
                    return sender.Begin(time);
                }

                sender.Held = null;
            }

            if (time.GetTimestamp() < sender.ElsewhereUntil)
            {
                return null;
            }

            sender.Held = await _lease.TryAcquireAsync(tenantId, cancellationToken);
            if (sender.Held is null)
            {
                // Asking storage for every message of a busy tenant would cost a read each; the holder keeps it a while.
                sender.ElsewhereUntil = time.GetTimestamp() + (long)(options.Value.SenderRecheck.TotalSeconds * time.TimestampFrequency);
                return null;
            }

            return sender.Begin(time);
        }
        finally
        {
            sender.Gate.Release();
        }
    }

    /// <summary>Gives up the leases of tenants this instance has sent nothing for lately, so that any instance may take them.</summary>
    public async Task ReleaseIdleAsync(CancellationToken cancellationToken)
    {
        foreach (var (_, sender) in _tenants)
        {
            if (sender.Held is null || !sender.IsIdle(time, options.Value.SenderIdleRelease) || !await sender.Gate.WaitAsync(0, cancellationToken))
            {
                continue;
            }

            try
            {
                if (sender.Held is { } held && sender.IsIdle(time, options.Value.SenderIdleRelease))
                {
                    sender.Held = null;
                    await held.ReleaseAsync(cancellationToken);
                }
            }
            finally
            {
                sender.Gate.Release();
            }
        }
    }

    public void Dispose()
    {
        foreach (var (_, sender) in _tenants)
        {
            sender.Dispose();
        }
    }

    private sealed class Sender : IDisposable
    {
        private int _sending;
        private long _lastEnded;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public HeldLease? Held { get; set; }

        public long ElsewhereUntil { get; set; }

        public void Dispose() => Gate.Dispose();

        public IDisposable Begin(TimeProvider time)
        {
            Interlocked.Increment(ref _sending);
            return new Turn(this, time);
        }

        public bool IsIdle(TimeProvider time, TimeSpan idleFor) =>
            Volatile.Read(ref _sending) == 0 && time.GetElapsedTime(Interlocked.Read(ref _lastEnded)) >= idleFor;

        private sealed class Turn(Sender sender, TimeProvider time) : IDisposable
        {
            private int _ended;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _ended, 1) == 0)
                {
                    // The end time first: a count of zero with an old end time would look idle for a moment.
                    Interlocked.Exchange(ref sender._lastEnded, time.GetTimestamp());
                    Interlocked.Decrement(ref sender._sending);
                }
            }
        }
    }
}
