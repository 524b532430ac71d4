using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.BotFramework.Tests.Connector.Support;

namespace LeanTeamsApp.BotFramework.Tests.Connector;

public class ConnectorPacingTests
{
    private static readonly Activity Message = new() { Type = ActivityTypes.Message, Text = "Daglig tavlemøte" };

    /// <summary>The most requests that arrived within any half-open span of <paramref name="window"/>.</summary>
    private static int MostInAnyWindow(IEnumerable<SentRequest> requests, TimeSpan window)
    {
        var times = requests.Select(r => r.At).Order().ToArray();
        return times.Length == 0 ? 0 : times.Max(start => times.Count(t => t >= start && t < start + window));
    }

    [Fact]
    public async Task SendAsync_BurstToOneConversation_SpreadWithinTeamsThreadLimits()
    {
        await using var rig = new ConnectorRig();
        var to = ConnectorRig.Address("19:board@thread.tacv2");

        var ids = await rig.RunAsync(Task.WhenAll(
            Enumerable.Range(0, 20).Select(_ => rig.Client.SendAsync(to, Message, CancellationToken.None))));

        var requests = rig.Handler.Requests;
        Assert.Equal(20, requests.Count);
        Assert.Equal(20, ids.Distinct().Count());
        Assert.True(MostInAnyWindow(requests, TimeSpan.FromSeconds(1)) <= 7);
        Assert.True(MostInAnyWindow(requests, TimeSpan.FromSeconds(2)) <= 8);
        // Paced, not slowed down: the first seven go at once.
        Assert.Equal(7, requests.Count(r => r.At == ConnectorRig.Start));
    }

    [Fact]
    public async Task SendAsync_ManyConversationsOfOneTenant_AtMost50PerSecond()
    {
        await using var rig = new ConnectorRig();

        await rig.RunAsync(Task.WhenAll(Enumerable.Range(0, 120).Select(i =>
            rig.Client.SendAsync(ConnectorRig.Address($"a:user-{i}"), Message, CancellationToken.None))));

        var requests = rig.Handler.Requests;
        Assert.Equal(120, requests.Count);
        Assert.Equal(50, MostInAnyWindow(requests, TimeSpan.FromSeconds(1)));
        // A few replies go at once; past half the window's permits the rest of the fan-out goes 20 ms apart, so no
        // second window starts with a burst whose calls reach Teams spread out.
        Assert.Equal(25, requests.Count(r => r.At == ConnectorRig.Start));
        var times = requests.Select(r => r.At).Order().Skip(24).ToArray();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(20), $"{pair.First:ss\\.fff} then {pair.Second:ss\\.fff}"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), times[25] - times[0]);
    }

    [Fact]
    public async Task SendAsync_FewCallsOfOneTenant_LeaveAtOnce()
    {
        await using var rig = new ConnectorRig();

        await rig.RunAsync(Task.WhenAll(Enumerable.Range(0, 25).Select(i =>
            rig.Client.SendAsync(ConnectorRig.Address($"a:reply-{i}"), Message, CancellationToken.None))));

        Assert.All(rig.Handler.Requests, r => Assert.Equal(ConnectorRig.Start, r.At));
        Assert.Equal(25, rig.Handler.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_TenantThrottledByTeams_PacedWithTheWiderMarginUntilQuietAgain()
    {
        await using var rig = new ConnectorRig();
        List<SentRequest> Since(int count) => [.. rig.Handler.Requests.Skip(count)];

        // A tenant new to the process, answered at once: each call counts from its answer, with the least margin.
        await rig.RunAsync(Burst(rig, "new"));
        var fresh = Since(0);
        rig.Time.Advance(TimeSpan.FromSeconds(5));
        var count = rig.Handler.Requests.Count;
        await rig.RunAsync(Burst(rig, "before"));
        var before = Since(count);

        // Teams' 429 for a call of the tenant in the middle of a fan-out: its requests reach Teams closer together than
        // they leave here.
        rig.Time.Advance(TimeSpan.FromSeconds(5));
        await rig.RunAsync(Task.WhenAll(Enumerable.Range(0, 30).Select(i => rig.Client.SendAsync(ConnectorRig.Address($"a:fan-{i}"), Message, CancellationToken.None))));
        rig.Handler.EnqueueError(429, "Throttled", r => r.Headers.RetryAfter = new(TimeSpan.Zero));
        await rig.RunAsync(rig.Client.SendAsync(ConnectorRig.Address("a:throttled"), Message, CancellationToken.None));
        rig.Time.Advance(TimeSpan.FromSeconds(5));
        count = rig.Handler.Requests.Count;
        await rig.RunAsync(Burst(rig, "after-429"));
        var throttled = Since(count);

        rig.Time.Advance(TimeSpan.FromMinutes(11));
        count = rig.Handler.Requests.Count;
        await rig.RunAsync(Burst(rig, "quiet-again"));
        var quiet = Since(count);

        // 50 a second with the least margin (the fake answers at once); the largest after the 429; the least again
        // ten minutes later.
        Assert.Equal(TimeSpan.FromMilliseconds(1010), ShortestSpan(fresh, 50));
        Assert.Equal(TimeSpan.FromMilliseconds(1010), ShortestSpan(before, 50));
        Assert.Equal(TimeSpan.FromMilliseconds(1100), ShortestSpan(throttled, 50));
        Assert.Equal(TimeSpan.FromMilliseconds(1010), ShortestSpan(quiet, 50));
        Assert.All([fresh, before, throttled, quiet], requests => Assert.Equal(100, requests.Count));
    }

    [Fact]
    public async Task SendAsync_ThreadThrottledWhileTheTenantSendsLittle_TheTenantsMarginStaysSmall()
    {
        await using var rig = new ConnectorRig();
        await rig.RunAsync(Burst(rig, "earned"));
        rig.Time.Advance(TimeSpan.FromSeconds(5));

        // A 429 for one person's chat, the only call of the tenant in the last second: the thread's limit, not the
        // tenant's, so the tenant's other calls keep their pace.
        rig.Handler.EnqueueError(429, "Throttled", r => r.Headers.RetryAfter = new(TimeSpan.Zero));
        await rig.RunAsync(rig.Client.SendAsync(ConnectorRig.Address("a:one-chat"), Message, CancellationToken.None));
        rig.Time.Advance(TimeSpan.FromSeconds(5));
        var count = rig.Handler.Requests.Count;
        await rig.RunAsync(Burst(rig, "after"));

        Assert.Equal(TimeSpan.FromMilliseconds(1010), ShortestSpan([.. rig.Handler.Requests.Skip(count)], 50));
    }

    [Fact]
    public async Task SendAsync_CallsHeldUpOnTheirWayToTeams_TheCallsAWindowLaterWaitForTheirAnswers()
    {
        await using var rig = new ConnectorRig();
        await rig.RunAsync(Burst(rig, "earned"));
        rig.Time.Advance(TimeSpan.FromSeconds(5));
        var count = rig.Handler.Requests.Count;

        // A fan-out fed as the outbox feeds it, a call every 20 ms, on a tenant that has earned its least margin; 2.2 s
        // in, the calls sent in the next 300 ms are held up on their way and reach Teams together. Counted from their
        // slots, the calls a window later would meet them in Teams' window; counted from their answers, they do not.
        var sends = new List<Task<string?>>();
        for (var i = 0; i < 200; i++)
        {
            if (i == 110)
            {
                rig.Handler.StalledUntil = rig.Time.GetUtcNow() + TimeSpan.FromMilliseconds(300);
            }

            sends.Add(rig.Client.SendAsync(ConnectorRig.Address($"a:steady-{i}"), Message, CancellationToken.None));
            await rig.RunAsync(Task.Delay(TimeSpan.FromMilliseconds(20), rig.Time));
        }

        await rig.RunAsync(Task.WhenAll(sends));
        var steady = rig.Handler.Requests.Skip(count).ToList();
        Assert.Equal(200, steady.Count);
        Assert.True(steady.Count(r => r.At == steady[110].At) >= 10, "The stall held up a group of calls.");
        Assert.InRange(MostInAnyWindow(steady, TimeSpan.FromSeconds(1)), 45, 50);
    }

    [Fact]
    public async Task SendAsync_TeamsAnswersSlowly_TheTenantsMarginCoversTheLatency()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.Latency = TimeSpan.FromMilliseconds(40);

        // The first burst's slots are all taken before any answer came, by a tenant new to the process: with no answers
        // to go by, the largest margin. The next one's see 40 ms answers.
        await rig.RunAsync(Burst(rig, "first"));
        var count = rig.Handler.Requests.Count;
        Assert.Equal(TimeSpan.FromMilliseconds(1100), ShortestSpan([.. rig.Handler.Requests], 50));
        await rig.RunAsync(Burst(rig, "second"));
        var second = rig.Handler.Requests.Skip(count).ToList();

        // Teams counts a call somewhere between its slot and its answer: two calls a window and 40 ms apart cannot
        // reach it less than a window apart. Less than the configured most, 100 ms (the fake clock's steps and the
        // continuations' turns can add a step or two to an answer's time).
        Assert.Equal(100, second.Count);
        Assert.InRange(ShortestSpan(second, 50), TimeSpan.FromMilliseconds(1040), TimeSpan.FromMilliseconds(1099));
    }

    [Fact]
    public async Task SendAsync_TeamsAnswersVerySlowly_TheTenantsMarginStopsAtTheConfiguredMost()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.Latency = TimeSpan.FromMilliseconds(400);

        await rig.RunAsync(Burst(rig, "first"));
        var count = rig.Handler.Requests.Count;
        await rig.RunAsync(Burst(rig, "second"));

        Assert.Equal(TimeSpan.FromMilliseconds(1100), ShortestSpan([.. rig.Handler.Requests.Skip(count)], 50));
    }

    /// <summary>A hundred messages at once, each to a conversation of its own in the one tenant.</summary>
    private static Task<string?[]> Burst(ConnectorRig rig, string name) => Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
        rig.Client.SendAsync(ConnectorRig.Address($"a:{name}-{i}"), Message, CancellationToken.None)));

    /// <summary>The shortest time between a request and the one <paramref name="after"/> requests later.</summary>
    private static TimeSpan ShortestSpan(IReadOnlyList<SentRequest> requests, int after)
    {
        var times = requests.Select(r => r.At).Order().ToArray();
        return Enumerable.Range(0, times.Length - after).Min(i => times[i + after] - times[i]);
    }

    [Fact]
    public async Task SendAsync_OtherTenantBusy_NotSlowedDown()
    {
        await using var rig = new ConnectorRig();
        var busy = Enumerable.Range(0, 120)
            .Select(i => rig.Client.SendAsync(ConnectorRig.Address($"a:busy-{i}", ConnectorRig.TenantId), Message, CancellationToken.None))
            .ToList();

        // As many as go at once for a tenant on its own (half its window), while the busy one waits for its slots.
        var other = Enumerable.Range(0, 25)
            .Select(i => rig.Client.SendAsync(ConnectorRig.Address($"a:other-{i}", ConnectorRig.OtherTenantId), Message, CancellationToken.None))
            .ToList();
        await rig.RunAsync(Task.WhenAll(busy.Concat(other)));

        var otherRequests = rig.Handler.Requests.Where(r => r.Path.Contains("other", StringComparison.Ordinal)).ToList();
        Assert.Equal(25, otherRequests.Count);
        Assert.All(otherRequests, r => Assert.Equal(ConnectorRig.Start, r.At));
    }

    [Fact]
    public async Task SendAsync_BusyConversation_DoesNotHoldUpOthersOfTheTenant()
    {
        await using var rig = new ConnectorRig();
        var busy = Enumerable.Range(0, 30)
            .Select(_ => rig.Client.SendAsync(ConnectorRig.Address("19:busy@thread.tacv2"), Message, CancellationToken.None))
            .ToList();

        var other = rig.Client.SendAsync(ConnectorRig.Address("a:quiet"), Message, CancellationToken.None);
        await rig.RunAsync(Task.WhenAll(busy.Append(other)));

        var quiet = Assert.Single(rig.Handler.Requests, r => r.Path.Contains("quiet", StringComparison.Ordinal));
        Assert.Equal(ConnectorRig.Start, quiet.At);
    }

    [Fact]
    public async Task GetMembersAsync_RosterReads_UseTheirOwnLimits()
    {
        await using var rig = new ConnectorRig();
        var team = ConnectorRig.Address("19:team@thread.tacv2");

        await rig.RunAsync(Task.WhenAll(
            Enumerable.Range(0, 20).Select(_ => rig.Client.GetMembersAsync(team, CancellationToken.None))));

        var requests = rig.Handler.Requests;
        Assert.Equal(20, requests.Count);
        Assert.Equal(14, requests.Count(r => r.At == ConnectorRig.Start));
        Assert.True(MostInAnyWindow(requests, TimeSpan.FromSeconds(2)) <= 16);
    }

    [Fact]
    public async Task SendAsync_RetriesAfterThrottling_ArePacedToo()
    {
        await using var rig = new ConnectorRig(o =>
        {
            o.ConversationWriteLimits = [new RateLimitWindow(2, TimeSpan.FromSeconds(1))];
            o.PacingMargin = TimeSpan.Zero;
        });
        for (var i = 0; i < 4; i++)
        {
            rig.Handler.EnqueueError(429, "Throttled", r => r.Headers.RetryAfter = new(TimeSpan.Zero));
        }

        var to = ConnectorRig.Address("a:kari");
        await rig.RunAsync(Task.WhenAll(Enumerable.Range(0, 2).Select(_ => rig.Client.SendAsync(to, Message, CancellationToken.None))));

        var requests = rig.Handler.Requests;
        Assert.Equal(6, requests.Count);
        Assert.True(MostInAnyWindow(requests, TimeSpan.FromSeconds(1)) <= 2);
    }

    [Fact]
    public async Task SendAsync_CancelledWhileWaiting_GivesItsSlotBack()
    {
        await using var rig = new ConnectorRig(o =>
        {
            o.ConversationWriteLimits = [new RateLimitWindow(1, TimeSpan.FromSeconds(1))];
            o.PacingMargin = TimeSpan.Zero;
        });
        var to = ConnectorRig.Address("a:kari");
        await rig.Client.SendAsync(to, Message, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = rig.Client.SendAsync(to, Message, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await rig.RunAsync(rig.Client.SendAsync(to, Message, CancellationToken.None));
        Assert.Equal(ConnectorRig.Start.AddSeconds(1), rig.Handler.Requests[^1].At);
    }

    [Fact]
    public async Task SendAsync_IdleConversations_AreForgotten()
    {
        await using var rig = new ConnectorRig(o =>
        {
            o.ConversationWriteLimits = [new RateLimitWindow(7, TimeSpan.FromSeconds(1))];
            o.ConversationReadLimits = [new RateLimitWindow(14, TimeSpan.FromSeconds(1))];
            o.TenantLimits = [new RateLimitWindow(50, TimeSpan.FromSeconds(1))];
        });
        await rig.RunAsync(Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            rig.Client.SendAsync(ConnectorRig.Address($"a:user-{i}"), Message, CancellationToken.None))));
        Assert.Equal(41, rig.Client.PacerTrackedCount);

        rig.Time.Advance(TimeSpan.FromMinutes(2));
        await rig.Client.SendAsync(ConnectorRig.Address("a:later"), Message, CancellationToken.None);

        Assert.Equal(2, rig.Client.PacerTrackedCount);
    }
}
