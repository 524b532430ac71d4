using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Features.Overview;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Testing;

namespace LeanTeamsApp.LoadTest;

/// <summary>
/// The tab benchmark (issue: the Teams tab): the Overview's time to render for a large organisation in headless
/// Chromium, against the service as its own Release process over storage seeded through the app's own code.
/// scripts/bench-overview.mjs drives the browser; this seeds, starts the service and writes the report.
/// </summary>
public static class TabRenderScenario
{
    private const string Coordinator = "koordinator@storby.no";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Runs the benchmark and returns the report section for docs/benchmarks.md.</summary>
    public static async Task<string> RunAsync(int unitCount, int weekCount, int runs, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var root = RepositoryRoot.Find();
        var appDll = Path.Combine(root, "src", "LeanTeamsApp", "bin", "Release", "net10.0", "LeanTeamsApp.dll");
        var contentRoot = Path.Combine(root, "src", "LeanTeamsApp");
        if (!File.Exists(appDll) || !File.Exists(Path.Combine(contentRoot, "wwwroot", "tab", "index.html")))
        {
            throw new InvalidOperationException("The service or the tab is not built: run scripts/benchmark.sh tab, which builds both first.");
        }

        await using var azurite = await Azurite.StartAsync();
        var tenant = Guid.NewGuid().ToString("D");
        // The app's services in this process seed storage, and later time the overview's reads on their own.
        using var host = await SyntheticActivity.StartHostAsync(azurite.ConnectionString, cancellationToken);
        var seeded = await SeedAsync(host.Services, tenant, unitCount, weekCount, parallelism, cancellationToken);

        var artifacts = Directory.CreateDirectory(Path.Combine(root, ".local", "artifacts")).FullName;
        Directory.CreateDirectory(Path.Combine(root, ".local", "logs"));
        var output = Path.Combine(artifacts, "bench-overview.json");
        IReadOnlyList<Measured> service;
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        // The service as it runs in Azure, minus Entra (the development sign-in instead, which needs Development and its
        // flag) and minus every background job: while the page loads, only its own requests reach the service and Azurite.
        using (var app = Start(new ProcessStartInfo("dotnet", [appDll, "--urls", url])
        {
            WorkingDirectory = contentRoot,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["TabAuth__DevelopmentSignIn"] = "true",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Storage__ConnectionString"] = azurite.ConnectionString,
                ["Organisation__SeedTenantId"] = tenant,
                ["Bot__AllowUnauthenticatedLocalRequests"] = "true",
                ["CheckIns__SchedulerEnabled"] = "false",
                ["YearWheel__SchedulerEnabled"] = "false",
                ["Digest__SchedulerEnabled"] = "false",
                ["CalendarSync__Enabled"] = "false",
                ["Outbox__Enabled"] = "false",
            },
        }, Path.Combine(root, ".local", "logs", "benchmark-tab-app.log")))
        {
            try
            {
                await WaitReadyAsync(new Uri($"{url}/healthz"), cancellationToken);
                using var browser = Process.Start(new ProcessStartInfo("node",
                [
                    Path.Combine(root, "scripts", "bench-overview.mjs"), "--url", url, "--email", Coordinator,
                    "--units", unitCount.ToString(CultureInfo.InvariantCulture), "--runs", runs.ToString(CultureInfo.InvariantCulture),
                    "--out", output, "--profile", Path.Combine(artifacts, "bench-overview.cpuprofile"), "--trace", Path.Combine(artifacts, "bench-overview.trace.json"),
                ])
                { WorkingDirectory = root })!;
                await browser.WaitForExitAsync(cancellationToken);
                if (browser.ExitCode != 0)
                {
                    throw new InvalidOperationException($"scripts/bench-overview.mjs failed ({browser.ExitCode}); see its output above and .local/logs/benchmark-tab-app.log.");
                }

                service = await MeasureServiceAsync(host.Services, azurite, new Uri(url), tenant, runs, cancellationToken);
            }
            finally
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync(CancellationToken.None);
            }
        }

        var page = JsonSerializer.Deserialize<PageResult>(await File.ReadAllTextAsync(output, cancellationToken), Json)!;
        return Report(seeded, page, service, weekCount, runs, parallelism);
    }

    /// <summary>
    /// The overview call from this process once the browser is done, against its storage reads alone (the calls
    /// OverviewEndpoints makes, through the same stores): what is the service's own work and what is Azurite's.
    /// </summary>
    private static async Task<IReadOnlyList<Measured>> MeasureServiceAsync(IServiceProvider services, Azurite azurite, Uri app, string tenant, int runs, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = app, Timeout = TimeSpan.FromMinutes(2) };
        using var signIn = await http.PostAsJsonAsync("/api/tab/dev-signin", new { email = Coordinator }, cancellationToken);
        signIn.EnsureSuccessStatusCode();
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var organisation = services.GetRequiredService<OrganisationStore>();
        var weeks = services.GetRequiredService<UnitWeekStore>();
        var caller = new ClaimsPrincipal(new ClaimsIdentity([new Claim("tid", tenant), new Claim("preferred_username", Coordinator)], "benchmark"));
        var (resolved, _) = await TabApi.ResolveAsync(caller, organisation, cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(resolved!.Organisation.DefaultTimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        var last = IsoWeek.Of(today);
        var first = SyntheticActivity.Back(last, OverviewEndpoints.Weeks - 1);
        (string Name, Func<Task<int>> RunAsync)[] operations =
        [
            ("`GET /api/tab/overview` from this process (the whole call)", async () =>
            {
                using var response = await http.GetAsync(new Uri("/api/tab/overview", UriKind.Relative), cancellationToken);
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadAsByteArrayAsync(cancellationToken)).Length;
            }),
            ("its reads: `TabApi.ResolveAsync` (who is calling, what they see)", async () => (await TabApi.ResolveAsync(caller, organisation, cancellationToken)).Caller!.Units.Count),
            ($"its reads: `UnitWeekStore.ListWeeksAsync` {first}..{last}", async () => (await weeks.ListWeeksAsync(tenant, first, last, cancellationToken)).Count),
            ($"its reads: `UnitWeekStore.ListYearAsync` {today.Year}", async () => (await weeks.ListYearAsync(tenant, today.Year, cancellationToken)).Count),
        ];

        var measured = new List<Measured>();
        foreach (var (name, runAsync) in operations)
        {
            var before = await azurite.SettledRequestCountAsync();
            var items = await runAsync();
            var requests = await azurite.SettledRequestCountAsync() - before;
            await runAsync();
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await runAsync();
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            measured.Add(new Measured(name, requests, items, [.. times]));
            Console.WriteLine($"tab: {name}: {items} items, {requests} storage requests, p50 {Percentile(times, 0.5):F0} ms");
        }

        return measured;
    }

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>
    /// One organisation of <paramref name="unitCount"/> units with a coordinator, and every unit's check-ins for the
    /// <paramref name="weekCount"/> weeks up to this one (the Overview shows the last 12), benefits among them.
    /// </summary>
    private static async Task<Seeded> SeedAsync(IServiceProvider services, string tenant, int unitCount, int weekCount, int parallelism, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, SyntheticActivity.Oslo).DateTime);
        var weeks = Enumerable.Range(0, weekCount).Select(i => SyntheticActivity.Back(IsoWeek.Of(today), weekCount - 1 - i)).ToList();
        var leanStart = weeks[0].Monday.AddDays(-364);
        var yaml = CheckInScenarios.Organisation(tenant, unitCount, SyntheticActivity.TuesdayMeetingEnd(weeks[0].Monday), leanStart, ownLeaders: true, Coordinator);
        var imported = await services.GetRequiredService<OrganisationImporter>().ImportAsync(tenant, "organisation.yaml", new MemoryStream(Encoding.UTF8.GetBytes(yaml)), cancellationToken);
        if (!imported.Succeeded)
        {
            throw new InvalidOperationException(string.Join('\n', imported.Errors.Take(5)));
        }

        var organisation = services.GetRequiredService<OrganisationStore>();
        var units = (await organisation.ListUnitsAsync(tenant, cancellationToken)).OrderBy(u => SyntheticActivity.Number(u.Id)).ToList();
        var areas = await organisation.ListServiceAreasAsync(tenant, cancellationToken);
        var activity = new SyntheticActivity(services, tenant, units, parallelism);
        var wall = Stopwatch.StartNew();
        for (var w = 0; w < weeks.Count; w++)
        {
            var (checkIns, time) = await activity.SeedWeekAsync(weeks[w], w, cancellationToken);
            Console.WriteLine($"tab: seeded {weeks[w]} ({w + 1}/{weeks.Count}): {checkIns} check-ins in {time.TotalSeconds:F0} s, {activity.Tally.CheckIns} in all");
        }

        return new Seeded(units.Count, areas.Count, weeks[0], weeks[^1], activity.Tally, wall.Elapsed);
    }

    private static string Report(Seeded seeded, PageResult page, IReadOnlyList<Measured> service, int weekCount, int runs, int parallelism)
    {
        var cold = page.Runs.Single(r => r.Cold);
        var warm = page.Runs.Where(r => !r.Cold).ToList();
        var s = new StringBuilder();
        s.AppendLine("## Overview time to render (issue: the Teams tab)");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on this machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, Release;");
        s.AppendLine(CultureInfo.InvariantCulture, $"headless Chromium {page.Chromium} (`/usr/bin/chromium --headless --no-sandbox`, driven by playwright-core), viewport 1280×900.");
        s.AppendLine(CultureInfo.InvariantCulture, $"Load average (1 / 5 / 15 min) {Load(page.Loadavg.Before)} before the browser runs and {Load(page.Loadavg.After)} after; the 1-minute figure");
        s.AppendLine(CultureInfo.InvariantCulture, $"ranged {page.Runs.Min(r => r.Loadavg[0]):F2}-{page.Runs.Max(r => r.Loadavg[0]):F2} at the start of the timed pages. Not part of the default `scripts/benchmark.sh` run; run it with");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"    scripts/benchmark.sh tab --units {seeded.Units} --weeks {weekCount} --runs {runs}");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Azurite (in memory) on loopback, seeded through the app's own code: one tenant of {seeded.Units} units in {seeded.Areas} service areas and a");
        s.AppendLine(CultureInfo.InvariantCulture, $"coordinator, {seeded.First} to {seeded.Last} of check-ins through the card submit's path, {parallelism} units at a time (as the digest benchmark");
        s.AppendLine(CultureInfo.InvariantCulture, $"seeds them): {seeded.Tally.CheckIns} check-ins, {seeded.Tally.Benefits} benefits, in {seeded.Time.TotalSeconds:F0} s. Then `npm run build:tab`'s build served by the");
        s.AppendLine("service as its own Release process (environment 'Development' with its development sign-in, every scheduler and the outbox off).");
        s.AppendLine("`scripts/bench-overview.mjs` signs in once as the coordinator through the sign-in page, then opens");
        s.AppendLine(CultureInfo.InvariantCulture, $"`/tab/?lang=nb#/overview` on a fresh page {runs + 1} times in one browser context with that session: the first page with an empty");
        s.AppendLine(CultureInfo.InvariantCulture, $"HTTP cache (cold), the {runs} after it warm. Above 100 units the heat map renders only the rows near the screen, with");
        s.AppendLine("spacers of their height for the others (`useRowWindow.ts`), and says how many rows it has (`aria-rowcount`) and which");
        s.AppendLine("each is (`aria-rowindex`). Rendered is the moment a MutationObserver sees the heat map table (found by its caption, its");
        s.AppendLine(CultureInfo.InvariantCulture, $"accessible name) say it has all {seeded.Units} unit rows and hold the first unit's row with all its cells; painted is the end of");
        s.AppendLine("the frame after it, and a page fails unless the rows rendered in that frame fill the screen below the table's top, with");
        s.AppendLine("all their cells, from the first unit on. Times are from navigation start.");
        s.AppendLine("The overview call's times are the browser's Resource Timing for `GET /api/tab/overview`: waiting is request");
        s.AppendLine("sent to first byte (the service and Azurite), and \"after the response\" is response end to rendered (JSON parse,");
        s.AppendLine("React render and commit). Heap, DOM nodes and main-thread script / style / layout time are Chromium's own counters");
        s.AppendLine("(CDP `Performance.getMetrics`) once painted, for the whole page load; elements is `document.getElementsByTagName('*')`.");
        s.AppendLine(CultureInfo.InvariantCulture, $"Checked by role on the first and last page: {Check(cold)}.");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"| measure | cold (first page) | warm p50 | warm p95 | warm max |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        Row(s, $"rendered: heat map says {seeded.Units} rows and holds the first, ms", cold, warm, r => r.RowsMs);
        Row(s, "painted: the frame after that ends, ms", cold, warm, r => r.PaintedMs);
        Row(s, "overview request sent, ms", cold, warm, r => r.Overview!.RequestStart);
        Row(s, "overview call: waiting for the first byte, ms", cold, warm, r => r.Overview!.ResponseStart - r.Overview.RequestStart);
        Row(s, "overview call: request to response end, ms", cold, warm, r => r.Overview!.End - r.Overview.Start);
        Row(s, "after the response: response end to rendered, ms", cold, warm, r => r.RowsMs - r.Overview!.End);
        Row(s, "main thread: script, ms", cold, warm, r => r.ScriptSeconds * 1000);
        Row(s, "main thread: style recalculation, ms", cold, warm, r => r.StyleSeconds * 1000);
        Row(s, "main thread: layout, ms", cold, warm, r => r.LayoutSeconds * 1000);
        Row(s, "JS heap used once painted, MB", cold, warm, r => r.HeapUsed / 1048576, "F1");
        Row(s, "JS heap used after a forced GC, MB", cold, warm, r => r.HeapUsedAfterGc / 1048576, "F1");
        Row(s, "DOM elements", cold, warm, r => r.Elements);
        Row(s, "DOM nodes (CDP, with text nodes)", cold, warm, r => r.Nodes);
        Row(s, "JS transferred, KB", cold, warm, r => r.ScriptBytesTransferred / 1024.0);
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"The service's side, from the benchmark process once the browser was done ({runs} times each after two warm-ups): the");
        s.AppendLine("overview call over HTTP with the coordinator's token, and the storage reads it makes, through the same stores, on");
        s.AppendLine("their own. Requests are counted in Azurite's access log.");
        s.AppendLine();
        s.AppendLine("| operation | rows read (bytes for the call) | storage requests | p50 ms | p95 ms | max ms |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in service)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| {m.Name} | {m.Items:N0} | {m.Requests} | {Percentile(m.Times, 0.5):F0} | {Percentile(m.Times, 0.95):F0} | {m.Times.Max():F0} |");
        }

        if (page.Trace is { Count: > 0 } trace)
        {
            var groups = new[] { "script", "style", "layout", "paint", "GC", "HTML", "other" };
            s.AppendLine();
            s.AppendLine("Where the page's main thread spends each phase, from a Chromium trace of one more warm page (not among the runs");
            s.AppendLine("above; tracing slows it a little): each trace event's self time, in the phase where it starts, in ms.");
            s.AppendLine();
            s.AppendLine(CultureInfo.InvariantCulture, $"| phase | wall | {string.Join(" | ", groups)} | busiest events |");
            s.AppendLine(CultureInfo.InvariantCulture, $"| --- | ---: | {string.Join(" | ", groups.Select(_ => "---:"))} | --- |");
            foreach (var phase in trace)
            {
                var cells = groups.Select(g => phase.Groups.TryGetValue(g, out var ms) ? ms.ToString("F0", CultureInfo.InvariantCulture) : "0");
                var top = string.Join(", ", phase.Top.Take(3).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t[0].GetString()} {t[1].GetDouble():F0}")));
                s.AppendLine(CultureInfo.InvariantCulture, $"| {phase.Name} | {phase.To - phase.From:F0} | {string.Join(" | ", cells)} | {top} |");
            }
        }

        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"The overview response is {cold.Overview!.Decoded / 1024.0:F0} KB of JSON ({cold.Overview.Transfer / 1024.0:F0} KB on the wire). The built tab, gzip sizes by zlib level 6 (what");
        s.AppendLine("`gzip -c` gives, less the file name); \"loaded\" is what the Overview page fetched outside Teams:");
        s.AppendLine();
        s.AppendLine("| file | raw bytes | gzip bytes | loaded |");
        s.AppendLine("| --- | ---: | ---: | --- |");
        var loaded = cold.Scripts.Select(x => Path.GetFileName(new Uri(x.Name).AbsolutePath)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in page.Bundle.OrderByDescending(b => b.Raw))
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| `assets/{file.File}` | {file.Raw:N0} | {file.Gzip:N0} | {(loaded.Contains(file.File) ? "yes" : "no")} |");
        }

        return s.ToString();
    }

    private static void Row(StringBuilder s, string name, PageRun cold, List<PageRun> warm, Func<PageRun, double> value, string format = "F0")
    {
        var values = warm.Select(value).ToList();
        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        s.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {F(value(cold))} | {F(Percentile(values, 0.50))} | {F(Percentile(values, 0.95))} | {F(values.Max())} |");
    }

    private static string Load(double[] load) => string.Join(" / ", load.Select(l => l.ToString("F2", CultureInfo.InvariantCulture)));

    private static string Check(PageRun run) => run.Check is { } c
        ? string.Create(CultureInfo.InvariantCulture, $"{c.UnitRows} unit rows (`aria-rowcount` {c.UnitRows + 1}), {c.RenderedRows} of them rendered as the page opens (those on the screen and a screen's worth below), and the last unit's row rendered with its cells (`aria-rowindex` {c.LastRowIndex}) once the table is scrolled to its end; cells in the rows rendered as the page opens: {string.Join(", ", c.Statuses.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}"))}; {c.BenefitCharts} benefit chart(s)")
        : "not checked";

    private static Process Start(ProcessStartInfo start, string log)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        // The service's log is kept for a person to read when a number looks wrong.
        var sink = new FileStream(log, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
        var process = Process.Start(start)!;
        _ = process.StandardOutput.BaseStream.CopyToAsync(sink);
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        return process;
    }

    private static async Task WaitReadyAsync(Uri url, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new TimeoutException($"{url} did not become ready.");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Measured(string Name, long Requests, int Items, double[] Times);

    private sealed record Seeded(int Units, int Areas, IsoWeek First, IsoWeek Last, Tally Tally, TimeSpan Time);

    // What scripts/bench-overview.mjs writes.
    private sealed record PageResult(string Chromium, string Url, int Units, List<PageRun> Runs, List<BundleFile> Bundle, LoadAverages Loadavg, List<TracePhase>? Trace);

    private sealed record TracePhase(string Name, double From, double To, Dictionary<string, double> Groups, List<JsonElement[]> Top);

    private sealed record LoadAverages(double[] Before, double[] After);

    private sealed record BundleFile(string File, long Raw, long Gzip);

    private sealed record PageRun(
        bool Cold, double[] Loadavg, double RowsMs, double PaintedMs, ResourceTiming? Overview, ResourceTiming? Me, List<ResourceTiming> Scripts,
        long ScriptBytesTransferred, int Elements, double Nodes, double HeapUsed, double HeapUsedAfterGc,
        double ScriptSeconds, double LayoutSeconds, double StyleSeconds, PageCheck? Check);

    private sealed record ResourceTiming(string Name, double Start, double RequestStart, double ResponseStart, double End, long Transfer, long Encoded, long Decoded);

    private sealed record PageCheck(int UnitRows, int RenderedRows, int LastRowIndex, Dictionary<string, int> Statuses, int BenefitCharts);
}
