using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Infrastructure.Storage;
using LeanTeamsApp.Testing;

namespace LeanTeamsApp.LoadTest;

/// <summary>
/// The import benchmark (issue: import hardening): organisation files of 1,000, 10,000 and 40,000 units imported into
/// an empty tenant and then again unchanged, through the app's own importer against Azurite. Each size runs in a
/// process of its own, so that its peak working set is its own and not the largest size's.
/// </summary>
public static class ImportScenario
{
    /// <summary>Runs every size in a child process and returns the report section for docs/benchmarks.md.</summary>
    public static async Task<string> RunAsync(IReadOnlyList<int> sizes, CancellationToken cancellationToken)
    {
        await using var azurite = await Azurite.StartAsync();
        var runs = new List<(Measured Result, string LoadBefore, string LoadAfter)>();
        foreach (var units in sizes)
        {
            var loadBefore = LoadAverage();
            var child = new ProcessStartInfo("dotnet", [typeof(ImportScenario).Assembly.Location, "import-one", units.ToString(CultureInfo.InvariantCulture), azurite.ConnectionString])
            {
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(child)!;
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
            if (process.ExitCode != 0 || line is null)
            {
                throw new InvalidOperationException($"The {units}-unit import failed:\n{output}");
            }

            var result = JsonSerializer.Deserialize<Measured>(line)!;
            runs.Add((result, loadBefore, LoadAverage()));
            Console.WriteLine($"import: {units} units, {result.FileBytes / 1e6:F1} MB: planned in {result.PlanSeconds:F1} s, written in {result.ApplySeconds:F1} s, again in {result.AgainSeconds:F1} s, peak working set {result.PeakWorkingSetBytes / 1e6:F0} MB");
        }

        return Report(runs);
    }

    /// <summary>One size, in this process: prints one JSON line of measurements.</summary>
    public static async Task<int> RunOneAsync(int units, string storage, CancellationToken cancellationToken)
    {
        using var host = await SyntheticActivity.StartHostAsync(storage, cancellationToken);
        var importer = host.Services.GetRequiredService<OrganisationImporter>();
        var tenant = Guid.NewGuid().ToString("D");
        var bytes = Encoding.UTF8.GetBytes(SyntheticOrganisation.Yaml(tenant, units));

        // Warm-up: both the baseline and the import run once on a ten-unit file (a preview writes nothing), so that
        // neither pays for loading and compiling its code in what is measured.
        var small = SyntheticOrganisation.Yaml(tenant, 10);
        for (var warm = new YamlDotNet.Core.Parser(new StringReader(small)); warm.MoveNext();)
        {
        }

        await importer.PreviewAsync(tenant, "organisation.yaml", new MemoryStream(Encoding.UTF8.GetBytes(small)), cancellationToken);

        // The baseline, in the same process on the same bytes: decoding them and walking every YAML event with
        // YamlDotNet's own parser, which is the least any import of this file must do.
        var parse = Stopwatch.StartNew();
        var events = 0;
        var parser = new YamlDotNet.Core.Parser(new StringReader(Encoding.UTF8.GetString(bytes)));
        while (parser.MoveNext())
        {
            events++;
        }

        var parsed = parse.Elapsed;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        var baseline = self.WorkingSet64;
        var cpu = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();

        var preview = await importer.PreviewAsync(tenant, "organisation.yaml", new MemoryStream(bytes), cancellationToken);
        var planned = clock.Elapsed;
        self.Refresh();
        var planCpu = self.TotalProcessorTime - cpu;
        if (preview.Plan is not { } plan)
        {
            throw new InvalidOperationException(string.Join('\n', preview.Errors.Take(5)));
        }

        var result = await importer.ApplyAsync(plan, cancellationToken);
        var written = clock.Elapsed - planned;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join('\n', result.Errors));
        }

        var (rows, transactions) = (plan.RowWrites, plan.TransactionCount);
        plan = null;
        preview = null;
        result = null;
        var again = Stopwatch.StartNew();
        var unchanged = await importer.ImportAsync(tenant, "organisation.yaml", new MemoryStream(bytes), cancellationToken);
        again.Stop();
        if (!unchanged.Succeeded || unchanged.Plan!.RowWrites != 0)
        {
            throw new InvalidOperationException($"Importing the same file again wrote {unchanged.Plan?.RowWrites} rows: {string.Join('\n', unchanged.Errors)}");
        }

        self.Refresh();
        Console.WriteLine(JsonSerializer.Serialize(new Measured(
            units, bytes.Length, rows, transactions, parsed.TotalSeconds, events, planned.TotalSeconds, planCpu.TotalSeconds, written.TotalSeconds, again.Elapsed.TotalSeconds,
            baseline, self.PeakWorkingSet64, GC.GetTotalAllocatedBytes(precise: true))));
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Report(List<(Measured Result, string LoadBefore, string LoadAfter)> runs)
    {
        var section = new StringBuilder();
        section.AppendLine("## Organisation import (issue: import hardening)");
        section.AppendLine();
        section.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on this machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, Release.");
        section.AppendLine("Not part of the default `scripts/benchmark.sh` run (and not rewritten by it); run it with");
        section.AppendLine();
        section.AppendLine("    scripts/benchmark.sh import --units 1000,10000,40000");
        section.AppendLine();
        section.AppendLine("Azurite (in memory) on loopback; each size in a fresh process of the load tool with the app's own services, registered");
        section.AppendLine("as `Program.cs` registers them. The file is `SyntheticOrganisation` written out in full as a coordinator would: 40");
        section.AppendLine("service areas and a top management group with goals, and for every unit its own leader, a unit coordinator who is");
        section.AppendLine("also a member, a board meeting and two goals, one linked. \"Planned\" is `OrganisationImporter.PreviewAsync`: the");
        section.AppendLine("bytes decoded, the YAML read, every record checked, the tenant's partition read and the plan made. \"Written\" is");
        section.AppendLine("`ApplyAsync` into an empty tenant: the journal, then every transaction. \"Again\" imports the same file once more,");
        section.AppendLine("which writes nothing. The peak working set is the process's own (`Process.PeakWorkingSet64`), from before the file");
        section.AppendLine("was generated to the end; the baseline is the working set just before the import began. The time baseline,");
        section.AppendLine("measured in the same process on the same bytes just before, is \"parse only\": the bytes decoded and every YAML event");
        section.AppendLine("walked with YamlDotNet's own parser, nothing checked; \"planned\" divided by it is what the checking costs on top.");
        section.AppendLine();
        section.AppendLine("| units | file MB | rows written | transactions | parse only s (baseline) | planned s | planned / parse only | of which processor s | written s | again s | baseline MB | peak working set MB | allocated MB | load average before / after |");
        section.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var (r, before, after) in runs)
        {
            section.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Units:N0} | {r.FileBytes / 1e6:F1} | {r.Rows:N0} | {r.Transactions:N0} | {r.ParseSeconds:F2} | {r.PlanSeconds:F1} | {r.PlanSeconds / r.ParseSeconds:F1}x | {r.PlanProcessorSeconds:F1} | {r.ApplySeconds:F1} | {r.AgainSeconds:F1} | {r.BaselineBytes / 1e6:F0} | {r.PeakWorkingSetBytes / 1e6:F0} | {r.AllocatedBytes / 1e6:F0} | {before} / {after} |");
        }

        return section.ToString();
    }

    internal sealed record Measured(
        int Units,
        long FileBytes,
        int Rows,
        int Transactions,
        double ParseSeconds,
        int YamlEvents,
        double PlanSeconds,
        double PlanProcessorSeconds,
        double ApplySeconds,
        double AgainSeconds,
        long BaselineBytes,
        long PeakWorkingSetBytes,
        long AllocatedBytes);
}
