using System.Diagnostics;
using LeanTeamsApp.BotFramework.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.BotFramework.Tests.Connector.Support;

/// <summary>
/// A <see cref="ConnectorClient"/> built the way the app builds it (AddBotConnector), talking to a
/// <see cref="FakeConnectorHandler"/> on a fake clock. The clock starts in 2031 so that code reading the real
/// clock would see Retry-After dates as long past.
/// </summary>
internal sealed class ConnectorRig : IAsyncDisposable
{
    public const string TenantId = "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9";
    public const string OtherTenantId = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

    public static readonly Uri ServiceUrl = new("https://smba.trafficmanager.net/emea/");

    private readonly ServiceProvider provider;

    public ConnectorRig(Action<ConnectorOptions>? configure = null)
    {
        Handler = new FakeConnectorHandler(Time);
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<IConnectorTokenProvider>(Tokens)
            .AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug))
            .AddBotConnector(options => configure?.Invoke(options));
        services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Handler);
        provider = services.BuildServiceProvider();
        Client = provider.GetRequiredService<ConnectorClient>();
    }

    public static readonly DateTimeOffset Start = new(2031, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public FakeConnectorHandler Handler { get; }

    public FakeTokenProvider Tokens { get; } = new();

    public RecordingLoggerProvider Logs { get; } = new();

    public ConnectorClient Client { get; }

    public static ConversationAddress Address(string conversationId = "a:1on1-kari", string? tenantId = TenantId) =>
        new(ServiceUrl, conversationId, tenantId);

    /// <summary>
    /// Moves the fake clock forward in <paramref name="step"/>s until <paramref name="task"/> completes. Awaited
    /// delays finish inside Advance, so request times land exactly on the step grid.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> task, TimeSpan? step = null)
    {
        await DriveAsync(task, step);
        return await task;
    }

    public async Task RunAsync(Task task, TimeSpan? step = null)
    {
        await DriveAsync(task, step);
        await task;
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();

    private async Task DriveAsync(Task task, TimeSpan? step)
    {
        var increment = step ?? TimeSpan.FromMilliseconds(10);
        var watchdog = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (watchdog.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"Still running at fake time {Time.GetUtcNow() - Start} after 30 s of real time.");
            }

            // Let continuations that were queued rather than run inline catch up before time moves on.
            await Task.Yield();
            Time.Advance(increment);
        }
    }
}
