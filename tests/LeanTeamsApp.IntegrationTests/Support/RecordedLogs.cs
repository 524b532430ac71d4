using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LeanTeamsApp.IntegrationTests.Support;

/// <summary>What the service logged, as text, for tests of what a log line says and what it must not say.</summary>
public sealed class RecordedLogs
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Adds a logger provider that records here to a host's services; pass it as (part of) its configureServices.</summary>
    public void AddTo(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(new Provider(_entries));

    private sealed class Provider(ConcurrentQueue<LogEntry> entries) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, entries);

        public void Dispose()
        {
        }
    }

    private sealed class Recorder(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    /// <summary>The line as a console logger would write it, stack trace included: what a reader of the log sees.</summary>
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : "\n" + Exception)}";
}
