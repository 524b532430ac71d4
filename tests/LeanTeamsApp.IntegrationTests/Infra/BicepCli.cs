using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace LeanTeamsApp.IntegrationTests.Infra;

/// <summary>How a bicep command exited, what it wrote to stdout (the compiled JSON with --stdout) and to stderr (diagnostics).</summary>
public sealed record BicepRun(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;
}

/// <summary>
/// Runs the Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package, whose path the project file writes into this
/// assembly's metadata. Everything it needs is in the package (the Azure resource types included), so it runs offline.
/// </summary>
public static class BicepCli
{
    public static string Path { get; } =
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == "BicepPath")?.Value
        ?? throw new InvalidOperationException("The test assembly has no BicepPath metadata; see LeanTeamsApp.IntegrationTests.csproj.");

    public static async Task<BicepRun> RunAsync(IEnumerable<string> arguments, IDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"No Bicep CLI at {Path}: run dotnet restore (the package is linux-x64 only).");
        }

        var root = RepositoryRoot.Find();
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // bicep is a single-file .NET app that unpacks a native library on start, by default under $HOME/.net; keep
        // that inside the repository's git-ignored .local so a read-only or missing home does not matter.
        start.Environment["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = System.IO.Path.Combine(root, ".local", "bicep");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bicep.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', start.ArgumentList)} did not finish within 2 minutes.");
        }

        return new BicepRun(process.ExitCode, await stdout, await stderr);
    }
}
