using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LeanTeamsApp.Testing;

/// <summary>
/// The real Azure Storage emulator, started once per test run, in memory, on ports the OS picks (Azurite prints
/// them), and stopped when the test process exits. Tests isolate by using a fresh tenant id each.
/// </summary>
public sealed partial class Azurite : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    // Azurite's published development account key; not a secret.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<Task<Azurite>> Shared = new(() => StartAsync());

    private readonly Process _process;
    private long _requests;
    private volatile AccessLog? _recording;

    private Azurite(Process process, int tablePort, int queuePort)
    {
        _process = process;
        TablePort = tablePort;
        QueuePort = queuePort;
    }

    public int TablePort { get; }

    public int QueuePort { get; }

    /// <summary>Requests Azurite has served so far (from its access log): how a test or benchmark counts round trips.</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>
    /// <see cref="RequestCount"/> once the access log has caught up (it is read from Azurite's output as it comes):
    /// the count has stayed the same over three 200 ms looks.
    /// </summary>
    public async Task<long> SettledRequestCountAsync()
    {
        var count = RequestCount;
        for (var still = 0; still < 3;)
        {
            await Task.Delay(200);
            var next = RequestCount;
            still = next == count ? still + 1 : 0;
            count = next;
        }

        return count;
    }

    /// <summary>
    /// Keeps the access-log lines Azurite prints from now until the log is disposed: which requests a step made, not
    /// only how many. One at a time; lines are kept only while recording, since a benchmark makes millions.
    /// </summary>
    public AccessLog Record()
    {
        var log = new AccessLog(this);
        if (Interlocked.CompareExchange(ref _recording, log, null) is not null)
        {
            throw new InvalidOperationException("Azurite is already recording its access log.");
        }

        return log;
    }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};";

    public static Task<Azurite> InstanceAsync() => Shared.Value;

    public static async Task<Azurite> StartAsync()
    {
        var root = RepositoryRoot.Find();
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed ({script} is missing). Run the README's test command, which runs 'npm ci' first.");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var arg in new[] { script, "--inMemoryPersistence", "--extentMemoryLimit", "256", "--skipApiVersionCheck", "--disableProductStyleUrl", "--blobHost", "127.0.0.1", "--blobPort", "0", "--queueHost", "127.0.0.1", "--queuePort", "0", "--tableHost", "127.0.0.1", "--tablePort", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process);
        int? table = null, queue = null;
        var output = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((table is null || queue is null) && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            output.Add(line);
            var match = Listening().Match(line);
            if (match.Success)
            {
                var port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (match.Groups["service"].Value == "Table")
                {
                    table = port;
                }
                else if (match.Groups["service"].Value == "Queue")
                {
                    queue = port;
                }
            }
        }

        if (table is null || queue is null)
        {
            Stop(process);
            throw new InvalidOperationException($"Azurite did not start:{Environment.NewLine}{string.Join(Environment.NewLine, output)}{await process.StandardError.ReadToEndAsync()}");
        }

        var azurite = new Azurite(process, table.Value, queue.Value);
        // Keep draining output so Azurite never blocks on a full pipe, counting its access-log lines on the way.
        _ = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (AccessLogLine().IsMatch(line))
                {
                    azurite._recording?.Add(line);
                    Interlocked.Increment(ref azurite._requests);
                }
            }
        });
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        return azurite;
    }

    internal void StopRecording(AccessLog log) => Interlocked.CompareExchange(ref _recording, null, log);

    public ValueTask DisposeAsync()
    {
        Stop(_process);
        return ValueTask.CompletedTask;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [GeneratedRegex(@"^\S+ - - \[[^\]]+\] ""(GET|POST|PUT|PATCH|MERGE|DELETE|HEAD) ")]
    private static partial Regex AccessLogLine();

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex Listening();
}

/// <summary>Access-log lines recorded by <see cref="Azurite.Record"/>, in the order Azurite printed them.</summary>
public sealed partial class AccessLog(Azurite azurite) : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    /// <summary>The access-log lines as Azurite printed them: the client's address first, the query string kept.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Each request as its method and path without the query: "GET /devstoreaccount1/CheckIns(..)".</summary>
    public IReadOnlyList<string> Requests => [.. _lines.Select(l => Request().Match(l) is { Success: true } m ? $"{m.Groups["method"].Value} {Uri.UnescapeDataString(m.Groups["path"].Value)}" : l)];

    /// <summary>The requests once the access log has caught up (see <see cref="Azurite.SettledRequestCountAsync"/>).</summary>
    public async Task<IReadOnlyList<string>> SettledAsync()
    {
        await azurite.SettledRequestCountAsync();
        return Requests;
    }

    public void Dispose() => azurite.StopRecording(this);

    internal void Add(string line) => _lines.Enqueue(line);

    [GeneratedRegex(@"""(?<method>[A-Z]+) (?<path>[^ ?]+)")]
    private static partial Regex Request();
}

public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeanTeamsApp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (LeanTeamsApp.sln) above " + AppContext.BaseDirectory);
    }
}
