using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Infrastructure.Scheduling;

/// <summary>
/// The loop every scheduler runs: a tick every <see cref="Interval"/> on the injected clock (a fake clock moves it in
/// tests), once the tables exist. A tick that throws is logged and the next one runs; stopping ends the wait at once
/// and cancels the tick under way. A tick is <see cref="RunOnceAsync"/>, public so that tests run one when they
/// choose; work per tenant goes through <see cref="ForEachTenantAsync"/>, so one tenant's trouble holds up no other.
/// Where only one of several instances may act, the work takes a <see cref="TenantLease"/>.
/// </summary>
public abstract partial class Scheduler : BackgroundService
{
    private readonly StorageTables _tables;
    private readonly Lock _earlyGate = new();
    private PeriodicTimer? _timer;
    private DateTimeOffset? _earlyTick;

    protected Scheduler(StorageTables tables, TimeProvider time, ILogger logger)
    {
        _tables = tables;
        Time = time;
        Logger = logger;
    }

    protected TimeProvider Time { get; }

    protected ILogger Logger { get; }

    /// <summary>The time between ticks; null when the scheduler is switched off.</summary>
    protected abstract TimeSpan? Interval { get; }

    /// <summary>Whether the first tick comes at start, rather than one interval after it.</summary>
    protected virtual bool TickAtStart => false;

    /// <summary>One tick's work; returns how much it did (messages queued, appointments settled, rows deleted).</summary>
    public abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>Starts the clock of the ticks now, so that the first comes one interval after start, however late the loop gets going.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interval is { } interval)
        {
            _timer = new PeriodicTimer(interval, Time);
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is not { } timer)
        {
            return;
        }

        try
        {
            if (TickAtStart)
            {
                await TickAsync(stoppingToken);
            }

            var next = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            while (true)
            {
                if (TakeEarlyTick() is { } early && await EarlyTickWonAsync(next, early, stoppingToken))
                {
                    await TickAsync(stoppingToken);
                    continue;
                }

                if (!await next)
                {
                    break;
                }

                await TickAsync(stoppingToken);
                next = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the tick under way was cancelled, and the next instance's tick catches up on it.
        }
    }

    /// <summary>
    /// Asks for one tick at <paramref name="at"/> when that comes before the next regular tick: work that falls due
    /// between ticks (a prompt five minutes after a meeting) is then done when it is due, not up to an interval late.
    /// The earliest of several requests in one tick wins.
    /// </summary>
    protected void TickAlsoAt(DateTimeOffset at)
    {
        lock (_earlyGate)
        {
            if (_earlyTick is null || at < _earlyTick)
            {
                _earlyTick = at;
            }
        }
    }

    private DateTimeOffset? TakeEarlyTick()
    {
        lock (_earlyGate)
        {
            var at = _earlyTick;
            _earlyTick = null;
            return at;
        }
    }

    /// <summary>Waits for whichever comes first, the early tick or the regular one; true when the early one did.</summary>
    private async Task<bool> EarlyTickWonAsync(Task<bool> regular, DateTimeOffset early, CancellationToken stoppingToken)
    {
        var delay = early - Time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return true;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var wait = Task.Delay(delay, Time, cancel.Token);
        var first = await Task.WhenAny(regular, wait);
        await cancel.CancelAsync();
        return first == wait && wait.IsCompletedSuccessfully;
    }

    /// <summary>
    /// Runs <paramref name="work"/> for each tenant in turn and adds up what it returns; a tenant whose work throws is
    /// logged and counts nothing, and the others go on.
    /// </summary>
    protected async Task<int> ForEachTenantAsync(IEnumerable<string> tenants, Func<string, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(work);
        var done = 0;
        foreach (var tenant in tenants)
        {
            try
            {
                done += await work(tenant, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogTenantFailed(Logger, GetType().Name, tenant, e);
            }
        }

        return done;
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (_tables.Created)
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogTickFailed(Logger, GetType().Name, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Scheduler} tick failed; the next tick tries again")]
    private static partial void LogTickFailed(ILogger logger, string scheduler, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Scheduler} failed for tenant {TenantId}; the next tick tries again")]
    private static partial void LogTenantFailed(ILogger logger, string scheduler, string tenantId, Exception exception);
}
