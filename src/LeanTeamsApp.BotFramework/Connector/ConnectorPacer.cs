namespace LeanTeamsApp.BotFramework.Connector;

internal enum PacingBucket
{
    ConversationWrite,
    ConversationRead,
}

/// <summary>
/// Spaces connector calls so that Teams' sliding-window limits (per thread and per tenant) are not exceeded:
/// a burst is delivered late instead of being answered with 429s. Calls wait; none is dropped.
/// </summary>
/// <remarks>
/// A call first waits until its thread has room, then takes the next free slot in its tenant's budget, in
/// arrival order. Once Teams has answered it, a tenant's call counts from its answer instead of its slot. Only calls whose thread is ready compete for the tenant budget, so one busy thread cannot
/// hold up the rest of the tenant. Each reserved slot is recorded in both logs at the time it will be used, so
/// later calls account for calls that are still waiting. The tenant's window gets a margin as long as the longest
/// of its recent calls took from its slot to Teams' answer (<see cref="Answered"/>), within the configured bounds,
/// and the largest margin for a while after Teams answered one of them with 429 while its window was half full or more
/// (<see cref="Throttled"/>). Up to half a tenant window's permits leave at once; past that the tenant's calls are spaced
/// evenly through the window. All time comes from the injected
/// <see cref="TimeProvider"/>'s monotonic timestamps, so tests can drive it with a fake clock.
/// </remarks>
internal sealed class ConnectorPacer
{
    /// <summary>How often idle logs are looked for; eviction needs no precision.</summary>
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly TimeProvider timeProvider;
    private readonly long origin;
    private readonly Window[] writeWindows;
    private readonly Window[] readWindows;
    private readonly Window[] tenantWindows;
    private readonly TimeSpan tenantSpacing;
    private readonly TimeSpan tenantMarginAtLeast;
    private readonly TimeSpan tenantMarginAtMost;
    private readonly TimeSpan throttledTenantPeriod;

    /// <summary>A thread or tenant with no call for this long cannot be limited by its past any more.</summary>
    private readonly TimeSpan retention;

    private readonly Lock gate = new();
    private readonly Dictionary<(PacingBucket Bucket, string ConversationId), SlotLog> conversations = [];
    private readonly Dictionary<string, SlotLog> tenants = new(StringComparer.Ordinal);
    private TimeSpan nextSweep;

    public ConnectorPacer(ConnectorOptions options, TimeProvider timeProvider)
    {
        this.timeProvider = timeProvider;
        origin = timeProvider.GetTimestamp();
        writeWindows = ToWindows(options.ConversationWriteLimits, options.PacingMargin);
        readWindows = ToWindows(options.ConversationReadLimits, options.PacingMargin);
        // Without a margin: the tenant's margin of the moment is added when a call is paced.
        tenantWindows = ToWindows(options.TenantLimits, TimeSpan.Zero);
        // The window's average gap: 20 ms for Teams' 50 a second.
        tenantSpacing = tenantWindows.Select(w => w.Span / w.Permits).DefaultIfEmpty(TimeSpan.Zero).Max();
        tenantMarginAtLeast = options.MinimumTenantPacingMargin;
        tenantMarginAtMost = options.TenantPacingMargin;
        throttledTenantPeriod = options.ThrottledTenantPacingPeriod;
        retention = writeWindows.Concat(readWindows).Select(w => w.Span)
            .Concat(tenantWindows.Select(w => w.Span + tenantMarginAtMost))
            .DefaultIfEmpty(TimeSpan.Zero)
            .Max();
        nextSweep = SweepInterval;
    }

    /// <summary>Threads and tenants whose recent calls are remembered; idle ones are forgotten.</summary>
    public int TrackedCount
    {
        get
        {
            lock (gate)
            {
                return conversations.Count + tenants.Count;
            }
        }
    }

    /// <summary>Waits for the call's slot; returns the slot, for <see cref="Answered"/>.</summary>
    public async Task<TimeSpan> WaitAsync(PacingBucket bucket, string conversationId, string? tenantId, CancellationToken cancellationToken)
    {
        var windows = bucket == PacingBucket.ConversationRead ? readWindows : writeWindows;
        while (true)
        {
            var (reservation, wait) = TryReserve(windows, (bucket, conversationId), tenantId ?? string.Empty);
            if (reservation is null)
            {
                // Another call to the same thread may take the room first, so look again after waiting.
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (wait <= TimeSpan.Zero)
            {
                return reservation.Slot;
            }

            try
            {
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
                return reservation.Slot;
            }
            catch (OperationCanceledException)
            {
                // Give the slot back: removing an entry only ever makes room for the calls behind it.
                lock (gate)
                {
                    reservation.Conversation.Remove(reservation.Slot);
                    reservation.Tenant.Remove(reservation.Slot);
                }

                throw;
            }
        }
    }

    /// <summary>
    /// One of the tenant's calls, paced to <paramref name="slot"/>, was answered now: Teams counted it somewhere in
    /// between, so two calls a window apart may have arrived up to that much closer together. From the slot, not from
    /// when the wait ended: a busy process wakes late, and the call then reaches Teams later still.
    /// </summary>
    public void Answered(string? tenantId, TimeSpan slot)
    {
        lock (gate)
        {
            var now = Now();
            var tenant = GetLog(tenants, tenantId ?? string.Empty);
            tenant.Observe(now - slot);
            tenant.MarkAnswered(slot, now);
        }
    }

    /// <summary>
    /// Teams answered one of the tenant's calls with 429: its requests arrive closer together than they were sent, so
    /// its window gets the largest margin for a while.
    /// </summary>
    public void Throttled(string? tenantId, TimeSpan slot)
    {
        lock (gate)
        {
            // Only when the tenant's window was half full or more at the call's slot: a 429 for a tenant sending little was
            // a thread's limit (a person's chat, a busy channel), which the thread's own window answers, and widening the
            // tenant's for ten minutes would slow every other call of the tenant. At the slot, not now: the answer to a
            // fan-out's last calls may come when the window has emptied.
            var tenant = GetLog(tenants, tenantId ?? string.Empty);
            if (tenant.IsBusy(tenantWindows, slot, slot))
            {
                tenant.WidenedUntil = Now() + throttledTenantPeriod;
            }
        }
    }

    /// <summary>
    /// A slot in both logs and how long until it, or no reservation and how long until the thread has room.
    /// </summary>
    private (Reservation? Reservation, TimeSpan Wait) TryReserve(
        Window[] windows, (PacingBucket, string) conversationKey, string tenantKey)
    {
        lock (gate)
        {
            var now = Now();
            SweepIfDue(now);
            var conversation = GetLog(conversations, conversationKey);
            var conversationReady = conversation.EarliestNext(windows, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, now);
            if (conversationReady > now)
            {
                return (null, conversationReady - now);
            }

            // Behind a call still waiting for its answer, the window's margin is as long as the tenant's recent calls took
            // from slot to answer; behind an answered one, which counts from its answer, the least. The largest for both
            // for a while after a 429.
            var tenant = GetLog(tenants, tenantKey);
            var widened = tenant.WidenedUntil > now;
            var margin = widened
                ? tenantMarginAtMost
                : TimeSpan.FromTicks(Math.Clamp(tenant.RecentLatency.Ticks, tenantMarginAtLeast.Ticks, tenantMarginAtMost.Ticks));
            var answeredMargin = widened ? tenantMarginAtMost : tenantMarginAtLeast;
            var slot = Max(tenant.EarliestNext(tenantWindows, margin, answeredMargin, tenantMarginAtMost, now), tenant.Last, conversation.Last);
            if (tenant.IsBusy(tenantWindows, now, TimeSpan.MaxValue) && tenant.Last + tenantSpacing > slot)
            {
                // A fan-out, not a few replies: past half the window's permits the calls go evenly spaced, not fifty at
                // once. A burst's calls reach Teams over however long the slowest took, the next window's first call
                // can then arrive less than a window after the burst's last, and a margin long enough for that costs
                // every window.
                slot = tenant.Last + tenantSpacing;
            }

            conversation.Add(slot);
            tenant.Add(slot);
            return (new Reservation(conversation, tenant, slot), slot - now);
        }
    }

    private TimeSpan Now() => timeProvider.GetElapsedTime(origin);

    private static TimeSpan Max(TimeSpan a, TimeSpan b, TimeSpan c) => a > b ? (a > c ? a : c) : (b > c ? b : c);

    private static SlotLog GetLog<TKey>(Dictionary<TKey, SlotLog> logs, TKey key)
        where TKey : notnull
    {
        if (!logs.TryGetValue(key, out var log))
        {
            log = new SlotLog();
            logs.Add(key, log);
        }

        return log;
    }

    private void SweepIfDue(TimeSpan now)
    {
        if (now < nextSweep)
        {
            return;
        }

        nextSweep = now + SweepInterval;
        var idleSince = now - retention;
        foreach (var (key, log) in conversations)
        {
            if (log.Last <= idleSince)
            {
                conversations.Remove(key);
            }
        }

        foreach (var (key, log) in tenants)
        {
            if (log.Last <= idleSince && log.WidenedUntil <= now)
            {
                tenants.Remove(key);
            }
        }
    }

    private static Window[] ToWindows(IEnumerable<RateLimitWindow> limits, TimeSpan margin) =>
        [.. limits.Select(l => new Window(l.Permits, l.Window + margin))];

    private readonly record struct Window(int Permits, TimeSpan Span);

    private sealed record Reservation(SlotLog Conversation, SlotLog Tenant, TimeSpan Slot);

    /// <summary>Times of granted and reserved calls, oldest first.</summary>
    private sealed class SlotLog
    {
        // Sorted by time. A tenant's call counts from its slot until Teams answers it, then from the answer: Teams counted
        // it somewhere before that, so the call a window after the answer cannot meet it in Teams' window, however late
        // this process or the network delivered it.
        private readonly List<(TimeSpan At, bool Answered)> slots = [];

        public TimeSpan Last => slots.Count == 0 ? TimeSpan.MinValue : slots[^1].At;

        // The latest calls' times from slot to answer (tenants only, so made on the first): a window's worth and more.
        // Until a hundred have been answered, the unknown ones count as the longest: a tenant new to this process (or
        // the process new) earns its small margin rather than starting with it.
        private TimeSpan[]? latencies;
        private int observed;

        /// <summary>Until when the tenant's window has the largest margin; unused for threads.</summary>
        public TimeSpan WidenedUntil { get; set; } = TimeSpan.MinValue;

        /// <summary>The longest of the latest calls' times from slot to answer; the longest possible before any.</summary>
        public TimeSpan RecentLatency { get; private set; } = TimeSpan.MaxValue;

        public void Observe(TimeSpan latency)
        {
            latencies ??= [.. Enumerable.Repeat(TimeSpan.MaxValue, 100)];
            latencies[observed] = latency;
            observed = (observed + 1) % latencies.Length;
            RecentLatency = latencies.Max();
        }

        /// <summary>
        /// The earliest time, not before <paramref name="now"/>, at which one more call keeps every window at or under its
        /// permits, assuming the call comes after every recorded one: each window lengthened by <paramref name="margin"/>
        /// behind a call still waiting for its answer and by <paramref name="answeredMargin"/> behind an answered one.
        /// Calls are kept as long as the longest window with <paramref name="mostMargin"/>, the most the margin can grow to.
        /// </summary>
        public TimeSpan EarliestNext(Window[] windows, TimeSpan margin, TimeSpan answeredMargin, TimeSpan mostMargin, TimeSpan now)
        {
            var longest = TimeSpan.Zero;
            foreach (var window in windows)
            {
                longest = window.Span > longest ? window.Span : longest;
            }

            longest += mostMargin;
            var stale = 0;
            while (stale < slots.Count && slots[stale].At <= now - longest)
            {
                stale++;
            }

            slots.RemoveRange(0, stale);

            var earliest = now;
            foreach (var window in windows)
            {
                // The call may only join once the permits-th most recent call has left this window.
                if (slots.Count >= window.Permits)
                {
                    var (at, answered) = slots[^window.Permits];
                    var leaves = at + window.Span + (answered ? answeredMargin : margin);
                    if (leaves > earliest)
                    {
                        earliest = leaves;
                    }
                }
            }

            return earliest;
        }

        /// <summary>
        /// Whether half of some window's permits or more are taken by calls made or reserved from a window before
        /// <paramref name="at"/> up to <paramref name="until"/>.
        /// </summary>
        public bool IsBusy(Window[] windows, TimeSpan at, TimeSpan until)
        {
            foreach (var window in windows)
            {
                var half = (window.Permits + 1) / 2;
                var count = 0;
                for (var i = slots.Count - 1; i >= 0 && slots[i].At > at - window.Span && count < half; i--)
                {
                    count += slots[i].At <= until ? 1 : 0;
                }

                if (count >= half)
                {
                    return true;
                }
            }

            return false;
        }

        public void Add(TimeSpan slot) => Insert((slot, false));

        /// <summary>Gives back a slot whose call was never made.</summary>
        public void Remove(TimeSpan slot)
        {
            if (IndexOfWaiting(slot) is { } index)
            {
                slots.RemoveAt(index);
            }
        }

        /// <summary>The call paced to <paramref name="slot"/> was answered at <paramref name="now"/>: it counts from then on.</summary>
        public void MarkAnswered(TimeSpan slot, TimeSpan now)
        {
            if (IndexOfWaiting(slot) is { } index)
            {
                slots.RemoveAt(index);
                Insert((now > slot ? now : slot, true));
            }
        }

        private int? IndexOfWaiting(TimeSpan slot)
        {
            for (var i = slots.Count - 1; i >= 0 && slots[i].At >= slot; i--)
            {
                if (slots[i] == (slot, false))
                {
                    return i;
                }
            }

            return null;
        }

        private void Insert((TimeSpan At, bool Answered) entry)
        {
            var index = slots.Count;
            while (index > 0 && slots[index - 1].At > entry.At)
            {
                index--;
            }

            slots.Insert(index, entry);
        }
    }
}
