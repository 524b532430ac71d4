using System.Threading.Channels;
using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Scheduling;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Scheduling;

/// <summary>
/// The one loop every scheduler runs, driven by a fake clock: a tick per interval, a tick or tenant that throws is
/// logged and the next goes on, and stopping is prompt whether the loop waits or a tick is under way.
/// </summary>
public sealed class SchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Scheduler_ClockMovesAnInterval_TicksOnceAtEachInterval()
    {
        var clock = new FakeTimeProvider(Start);
        using var scheduler = await StartedAsync(clock, (_, _) => Task.FromResult(0));

        clock.Advance(Interval);
        var first = await scheduler.NextTickAsync();
        clock.Advance(Interval);
        var second = await scheduler.NextTickAsync();

        Assert.Equal((Start + Interval, Start + (2 * Interval)), (first, second));
        await scheduler.StopAsync(default);
    }

    /// <summary>Work due between ticks (a prompt five minutes after a meeting) gets a tick of its own, and the beat stays.</summary>
    [Fact]
    public async Task Scheduler_TickAsksForAnEarlierOne_TicksThenAndAgainOnTheBeat()
    {
        var clock = new FakeTimeProvider(Start);
        TestScheduler? asking = null;
        using var scheduler = await StartedAsync(clock, (now, _) =>
        {
            if (now == Start + Interval)
            {
                asking!.AskForTickAt(now + TimeSpan.FromSeconds(20));
            }

            return Task.FromResult(0);
        });
        asking = scheduler;

        clock.Advance(Interval);
        var regular = await scheduler.NextTickAsync();
        clock.Advance(TimeSpan.FromSeconds(20));
        var early = await scheduler.NextTickAsync();
        clock.Advance(TimeSpan.FromSeconds(40));
        var next = await scheduler.NextTickAsync();

        Assert.Equal([Start + Interval, Start + Interval + TimeSpan.FromSeconds(20), Start + (2 * Interval)], [regular, early, next]);
        Assert.Equal(3, scheduler.Ticks);
        await scheduler.StopAsync(default);
    }

    [Fact]
    public async Task Scheduler_TickAtStart_TicksBeforeTheFirstInterval()
    {
        var clock = new FakeTimeProvider(Start);
        using var scheduler = await StartedAsync(clock, (_, _) => Task.FromResult(0), tickAtStart: true);

        Assert.Equal(Start, await scheduler.NextTickAsync());
        await scheduler.StopAsync(default);
    }

    [Fact]
    public async Task Scheduler_TickThrows_IsLoggedAndTheNextTickRuns()
    {
        var clock = new FakeTimeProvider(Start);
        var logs = new RecordedLogs();
        var ticks = 0;
        using var scheduler = await StartedAsync(clock, (_, _) => ++ticks == 1 ? throw new InvalidOperationException("storage said no") : Task.FromResult(1), logs: logs);

        clock.Advance(Interval);
        await scheduler.NextTickAsync();
        clock.Advance(Interval);
        await scheduler.NextTickAsync();

        Assert.Equal(2, ticks);
        var failure = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal("TestScheduler tick failed; the next tick tries again", failure.Message);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.False(scheduler.ExecuteTask!.IsCompleted);
        await scheduler.StopAsync(default);
    }

    [Fact]
    public async Task ForEachTenant_OneTenantThrows_IsLoggedAndTheOthersAreDone()
    {
        var logs = new RecordedLogs();
        var done = new List<string>();
        using var scheduler = new TestScheduler(Tables(), new FakeTimeProvider(Start), Logger(logs), Interval, tickAtStart: false, (_, _) => Task.FromResult(0));

        var count = await scheduler.ForEachAsync(["fjordvik", "grense", "storby"], (tenant, _) =>
        {
            if (tenant == "grense")
            {
                throw new InvalidOperationException("a broken organisation");
            }

            done.Add(tenant);
            return Task.FromResult(2);
        });

        Assert.Equal(4, count);
        Assert.Equal(["fjordvik", "storby"], done);
        Assert.Equal("TestScheduler failed for tenant grense; the next tick tries again", Assert.Single(logs.Entries, e => e.Level == LogLevel.Error).Message);
    }

    [Fact]
    public async Task Stop_DuringATick_CancelsItPromptlyAndLogsNoFailure()
    {
        var clock = new FakeTimeProvider(Start);
        var logs = new RecordedLogs();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var scheduler = await StartedAsync(clock, async (_, ct) =>
        {
            entered.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return 0;
        }, logs: logs);
        clock.Advance(Interval);
        await entered.Task.WaitAsync(Patience);

        await scheduler.StopAsync(default).WaitAsync(Patience);

        Assert.True(scheduler.ExecuteTask!.IsCompletedSuccessfully, scheduler.ExecuteTask.Status.ToString());
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Stop_WhileWaitingForTheNextTick_ReturnsPromptly()
    {
        using var scheduler = await StartedAsync(new FakeTimeProvider(Start), (_, _) => Task.FromResult(0));

        await scheduler.StopAsync(default).WaitAsync(Patience);

        // Stopped before the loop got going, it never ran (cancelled); after, it ended as it should (done).
        Assert.True(scheduler.ExecuteTask!.IsCompleted);
        Assert.False(scheduler.ExecuteTask.IsFaulted);
    }

    [Fact]
    public async Task Scheduler_SwitchedOff_EndsAtOnceWithoutATick()
    {
        using var scheduler = new TestScheduler(Tables(), new FakeTimeProvider(Start), NullLogger.Instance, interval: null, tickAtStart: true, (_, _) => Task.FromResult(0));

        await scheduler.StartAsync(default);

        await scheduler.ExecuteTask!.WaitAsync(Patience);
        Assert.Equal(0, scheduler.Ticks);
    }

    private static async Task<TestScheduler> StartedAsync(
        FakeTimeProvider clock, Func<DateTimeOffset, CancellationToken, Task<int>> tick, bool tickAtStart = false, RecordedLogs? logs = null)
    {
        var scheduler = new TestScheduler(await CreatedTablesAsync(), clock, Logger(logs ?? new RecordedLogs()), Interval, tickAtStart, tick);
        await scheduler.StartAsync(default);
        return scheduler;
    }

    /// <summary>Tables that count as created (none are declared, so nothing is asked of storage): the loop ticks only once they are.</summary>
    private static async Task<StorageTables> CreatedTablesAsync()
    {
        var tables = Tables();
        Assert.True(await tables.TryCreateAsync(default));
        return tables;
    }

    private static StorageTables Tables() =>
        new(new TableServiceClient("UseDevelopmentStorage=true"), [], new FakeTimeProvider(Start), NullLogger<StorageTables>.Instance);

    private static ILogger Logger(RecordedLogs logs)
    {
        var services = new ServiceCollection().AddLogging();
        logs.AddTo(services);
        return services.BuildServiceProvider().GetRequiredService<ILoggerFactory>().CreateLogger("Scheduling");
    }

    /// <summary>A scheduler whose tick is the test's; each tick's clock time is handed out in order.</summary>
    private sealed class TestScheduler(
        StorageTables tables, TimeProvider time, ILogger logger, TimeSpan? interval, bool tickAtStart, Func<DateTimeOffset, CancellationToken, Task<int>> tick)
        : Scheduler(tables, time, logger)
    {
        private readonly Channel<DateTimeOffset> _ticks = Channel.CreateUnbounded<DateTimeOffset>();

        public int Ticks { get; private set; }

        protected override TimeSpan? Interval => interval;

        protected override bool TickAtStart => tickAtStart;

        public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
        {
            Ticks++;
            var now = Time.GetUtcNow();
            try
            {
                return await tick(now, cancellationToken);
            }
            finally
            {
                _ticks.Writer.TryWrite(now);
            }
        }

        public void AskForTickAt(DateTimeOffset at) => TickAlsoAt(at);

        public Task<int> ForEachAsync(IEnumerable<string> tenants, Func<string, CancellationToken, Task<int>> work) =>
            ForEachTenantAsync(tenants, work, default);

        /// <summary>The clock time of the next tick that has finished, waiting for it.</summary>
        public async Task<DateTimeOffset> NextTickAsync()
        {
            using var patience = new CancellationTokenSource(Patience);
            return await _ticks.Reader.ReadAsync(patience.Token);
        }
    }
}
