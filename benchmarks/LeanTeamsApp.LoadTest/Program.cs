using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Infrastructure.Storage;
using LeanTeamsApp.LoadTest;
using LeanTeamsApp.Testing;

// Usage: LeanTeamsApp.LoadTest [--requests N] [--submits N] [--out docs/benchmarks.md]
//                                                                             (scripts/benchmark.sh builds and runs it)
//        LeanTeamsApp.LoadTest digest [--units 1000] [--weeks 52] [--runs 20] [--parallel 16] [--out docs/benchmarks.md]
//                                                                             (the digest benchmark; only when asked)
//        LeanTeamsApp.LoadTest tab [--units 1000] [--weeks 12] [--runs 10] [--parallel 16] [--out docs/benchmarks.md]
//                                                                             (the tab's Overview in Chromium; only when asked)
//        LeanTeamsApp.LoadTest import [--units 1000,10000,40000] [--out docs/benchmarks.md]
//                                                                             (the organisation import; only when asked)
//        LeanTeamsApp.LoadTest fanout [--units 2000] [--instances 1,3] [--out docs/benchmarks.md]
//                                                                             (the prompt fan-out with several instances; only when asked)
//        LeanTeamsApp.LoadTest bare <port> <storage-connection-string>        (the baseline process; started by the former)
//        LeanTeamsApp.LoadTest import-one <units> <storage-connection-string> (one import size; started by "import")
if (args is ["bare", var bareEndpointPort, var bareStorage])
{
    await BareEndpoint.RunAsync(int.Parse(bareEndpointPort, CultureInfo.InvariantCulture), bareStorage, CancellationToken.None);
    return 0;
}

if (args is ["import-one", var importUnits, var importStorage])
{
    return await ImportScenario.RunOneAsync(int.Parse(importUnits, CultureInfo.InvariantCulture), importStorage, CancellationToken.None);
}

if (args is ["import", ..])
{
    var sizes = OptionText("--units", "1000,10000,40000").Split(',').Select(u => int.Parse(u, CultureInfo.InvariantCulture)).ToList();
    var importSection = await ImportScenario.RunAsync(sizes, CancellationToken.None);
    Replace(Path.Combine(RepositoryRoot.Find(), OptionText("--out", "docs/benchmarks.md")), "import-benchmarks", importSection);
    return 0;
}

if (args is ["digest", ..])
{
    var digestSection = await DigestScenario.RunAsync(
        OptionValue("--units", 1000), OptionValue("--weeks", 52), OptionValue("--runs", 20), OptionValue("--parallel", 16), CancellationToken.None);
    Replace(Path.Combine(RepositoryRoot.Find(), OptionText("--out", "docs/benchmarks.md")), "digest-benchmarks", digestSection);
    return 0;
}

if (args is ["tab", ..])
{
    var tabSection = await TabRenderScenario.RunAsync(
        OptionValue("--units", 1000), OptionValue("--weeks", 12), OptionValue("--runs", 10), OptionValue("--parallel", 16), CancellationToken.None);
    Replace(Path.Combine(RepositoryRoot.Find(), OptionText("--out", "docs/benchmarks.md")), "tab-render-benchmarks", tabSection);
    return 0;
}

if (args is ["fanout", ..])
{
    var instanceCounts = OptionText("--instances", "1,3").Split(',').Select(i => int.Parse(i, CultureInfo.InvariantCulture)).ToList();
    var fanOutSection = await RunFanOutAsync(OptionValue("--units", 2000), instanceCounts);
    Replace(Path.Combine(RepositoryRoot.Find(), OptionText("--out", "docs/benchmarks.md")), "fan-out-scale-benchmarks", fanOutSection);
    return 0;
}

var requestsPerLevel = OptionValue("--requests", 1000);
var output = OptionText("--out", "docs/benchmarks.md");
var root = RepositoryRoot.Find();
var appDll = Path.Combine(root, "src", "LeanTeamsApp", "bin", "Release", "net10.0", "LeanTeamsApp.dll");
if (!File.Exists(appDll))
{
    Console.Error.WriteLine($"{appDll} is missing: run scripts/benchmark.sh, which builds it in Release first.");
    return 2;
}

const int Tenants = 50;
int[] concurrencies = [1, 10, 50];

await using var azurite = await Azurite.StartAsync();
await using var connector = await FakeConnector.StartNewAsync();
var tenants = Enumerable.Range(0, Tenants).Select(_ => Guid.NewGuid().ToString("D")).ToList();
await SeedAsync(azurite.ConnectionString, tenants);

var appPort = FreePort();
var barePort = FreePort();
using var app = Start(new ProcessStartInfo("dotnet", [appDll, "--urls", $"http://127.0.0.1:{appPort}"])
{
    Environment =
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Benchmark",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__LeanTeamsApp"] = "Information",
        ["Storage__ConnectionString"] = azurite.ConnectionString,
        ["Bot__AllowUnauthenticatedLocalRequests"] = "true",
        ["Bot__ExtraTrustedServiceUrlHosts__0"] = "127.0.0.1",
        // The fan-out scenario wants prompts the moment meetings end, and the outbox to look often. Production's
        // one-minute tick: the scheduler's early tick starts the prompts when due (a 5 s tick, as this run had before
        // the early tick, ticked over all 51 tenants twelve times a minute, on the Azurite the fan-out sends through).
        ["CheckIns__PromptDelay"] = "00:00:00",
        ["Outbox__IdlePollInterval"] = "00:00:00.200",
    },
}, Path.Combine(root, ".local", "logs", "benchmark-app.log"));
using var bare = Start(new ProcessStartInfo("dotnet", [typeof(BareEndpoint).Assembly.Location, "bare", barePort.ToString(CultureInfo.InvariantCulture), azurite.ConnectionString]));
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { Timeout = TimeSpan.FromSeconds(60) };
await WaitReadyAsync(http, new Uri($"http://127.0.0.1:{appPort}/healthz"));
await WaitReadyAsync(http, new Uri($"http://127.0.0.1:{barePort}/ready"));
// The service at idle with the demo organisation (in each of the 50 tenants) imported, before any request.
await Task.Delay(TimeSpan.FromSeconds(10));
var idleWorkingSetMb = WorkingSetMb(app);

var targets = new (string Name, Uri Url)[]
{
    ("bot: `units` command turn via /api/messages", new Uri($"http://127.0.0.1:{appPort}/api/messages")),
    ("bare endpoint: same storage round trips", new Uri($"http://127.0.0.1:{barePort}/bare")),
    ("bare endpoint: same storage round trips + the reply POST", new Uri($"http://127.0.0.1:{barePort}/bare?reply=true")),
};

var sequence = 0;
string NextActivity()
{
    var n = Interlocked.Increment(ref sequence);
    var tenant = tenants[n % Tenants];
    var user = TeamsUser.Create($"Bruker {n}", $"bruker{n}@example.com");
    return new TeamsActivities(tenant, connector.ServiceUrl).PersonalMessage(user, "units", "nb-NO").ToJsonString();
}

async Task<double> PostAsync(Uri url)
{
    using var content = new StringContent(NextActivity(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
    var started = Stopwatch.GetTimestamp();
    using var response = await http.PostAsync(url, content);
    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
    }

    return elapsed;
}

// Round trips per request, counted in Azurite's own access log rather than assumed.
var roundTrips = new Dictionary<string, long>();
foreach (var (name, url) in targets)
{
    for (var i = 0; i < 200; i++)
    {
        await PostAsync(url);
    }

    await Task.Delay(500);
    var before = azurite.RequestCount;
    for (var i = 0; i < 20; i++)
    {
        await PostAsync(url);
    }

    await Task.Delay(500);
    roundTrips[name] = (azurite.RequestCount - before) / 20;
}

var results = new List<(string Target, int Concurrency, Summary Summary)>();
foreach (var concurrency in concurrencies)
{
    foreach (var (name, url) in targets)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var perWorker = Math.Max(1, requestsPerLevel / concurrency);
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = 0; i < perWorker; i++)
            {
                latencies.Add(await PostAsync(url));
            }
        }));
        wall.Stop();
        var summary = Summary.Of([.. latencies], wall.Elapsed);
        results.Add((name, concurrency, summary));
        Console.WriteLine($"{name,-58} c={concurrency,-3} n={summary.Count,-5} p50={summary.P50,7:F2} ms  p99={summary.P99,7:F2} ms  {summary.Throughput,7:F0} req/s");
    }
}

var delivered = connector.Requests.Count(r => r.Operation == ConnectorOperation.Reply);
WriteReport(Path.Combine(root, output), results, roundTrips, requestsPerLevel, delivered);

// Check-ins: 2,000 units whose meetings all end in the same minute, in one tenant, behind a connector that
// answers 429 exactly where Teams' limits would.
const int FanOutUnits = 2000;
await using var teams = await FakeConnector.StartNewAsync();
teams.EnforceTeamsRateLimits(true);
var bigTenant = Guid.NewGuid().ToString("D");
// Long enough for one of the minute ticks to see the tenant before its meetings end (a tenant first seen after its
// prompts were due gets none of them).
var meetingEnd = CheckInScenarios.NextMinuteAfter(TimeSpan.FromSeconds(75));
await ImportAsync(azurite.ConnectionString, [(bigTenant, CheckInScenarios.Organisation(bigTenant, FanOutUnits, meetingEnd))]);
var bigActivities = new TeamsActivities(bigTenant, teams.ServiceUrl);
var installer = TeamsUser.Create("Koordinator", "koordinator@storby.no");
using (var install = new StringContent(bigActivities.TeamInstalled(installer).ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")))
using (var installed = await http.PostAsync(new Uri($"http://127.0.0.1:{appPort}/api/messages"), install))
{
    installed.EnsureSuccessStatusCode();
}

Console.WriteLine($"fan-out: {FanOutUnits} meetings end at {meetingEnd:HH:mm:ss} UTC; waiting for the prompts");
var lastPost = await CheckInScenarios.WaitForPostsAsync(teams, FanOutUnits, TimeSpan.FromMinutes(8));
var posts = teams.Requests.Where(r => r.Operation == ConnectorOperation.CreateConversation).ToList();
var firstPost = posts.Count == 0 ? lastPost : posts.Min(r => r.ReceivedAt);
var fanOut = new FanOut(FanOutUnits, posts.Count, posts.Select(p => p.Parameters?.ChannelData?.Channel?.Id).Distinct().Count(),
    (firstPost - meetingEnd).TotalSeconds, (lastPost - meetingEnd).TotalSeconds, FanOutUnits / 50.0, teams.Rejected.Count);
Console.WriteLine($"fan-out: {fanOut.Delivered} posts to {fanOut.Channels} channels, first after {fanOut.FirstSeconds:F1} s, last after {fanOut.LastSeconds:F1} s (floor {fanOut.FloorSeconds:F0} s), {fanOut.Rejected} answered 429");
Console.WriteLine($"fan-out: posts in each second after the first: {Timeline(posts.Select(p => p.ReceivedAt), firstPost)}");
var fanOutWorkingSetMb = WorkingSetMb(app);

// Submits: 50 people at once each sending their unit's card, as the cards above are answered; and the bare endpoint
// making the same storage calls (SubmitStorageCallsTests counts them) for other units' cards, in the same run.
const int Submitters = 50;
// Units 0-39 are counted below; the timed runs take 40-999 (fewer with --submits, for a quick look).
var submits = Math.Clamp(OptionValue("--submits", 960), 1, 960);
var meetingDate = CheckInScenarios.LatestMeeting(meetingEnd);
var botSubmit = new Uri($"http://127.0.0.1:{appPort}/api/messages");
Uri BareSubmit(int u) => new($"http://127.0.0.1:{barePort}/bare-submit?person=leder@storby.no&area=omrade-{u % 40}");

// Every unit of this organisation has the one leader; anyone else is refused the submit. One person, as in Teams: the
// bot learns the object id's e-mail from the roster on the first submit and reads the person row by it after that. A
// new object id per submit (as before) was an unknown caller every time, and the bot refused every submit.
var leader = TeamsUser.Create("Enhetsleder", "leder@storby.no");
teams.SetMembers(TeamsActivities.PersonalConversationId(leader),
    [new LeanTeamsApp.BotFramework.Connector.TeamsChannelAccount { Id = leader.Id, Name = leader.Name, AadObjectId = leader.AadObjectId, UserPrincipalName = leader.Email, Email = leader.Email, TenantId = bigTenant }]);

async Task<double> SubmitOneAsync(int u, bool bare)
{
    var user = leader;
    var invoke = System.Text.Json.Nodes.JsonNode.Parse(CheckInScenarios.Submit(bigActivities, user, $"enhet-{u}", meetingDate))!.AsObject();
    invoke["replyToId"] = $"card-{u}";
    using var content = new StringContent(invoke.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
    var started = Stopwatch.GetTimestamp();
    using var response = await http.PostAsync(bare ? BareSubmit(u) : botSubmit, content);
    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    var body = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode || (!bare && !body.Contains("checkin.edit", StringComparison.Ordinal)))
    {
        throw new InvalidOperationException($"A submit was not stored: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
    }

    return elapsed;
}

async Task<Summary> SubmitRunAsync(bool bare, int firstUnit)
{
    var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
    var next = firstUnit - 1;
    var wall = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, Submitters).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) is var u && u < firstUnit + submits)
        {
            latencies.Add(await SubmitOneAsync(u, bare));
        }
    }));
    wall.Stop();
    return Summary.Of([.. latencies], wall.Elapsed);
}

// Storage requests per submit, from Azurite's access log over 20 submits one at a time (units 0-39, which the timed
// runs do not use), each side's until its 20 refreshes have reached the connector and been marked sent (the bot's are
// paced to the one chat's thread limits and take seconds), so that both counts take in the dispatcher's calls. Whose
// each request is comes from the log: the bare endpoint connects from an address of its own; the service's background
// in the same seconds (its scheduler's tick over the 51 tenants, every 5 s until 2026-12-07 and once a minute since:
// hundreds of requests, which landed in one side's window and not the other's and made the counts differ by ten) is
// left out, and so is the other side's.
var submitCalls = new Dictionary<bool, IReadOnlyList<string>>();
// The caller known first, as in the timed runs: on a person's first turn the bot learns their object id from the
// roster (an index read that finds nothing, the person's row, the link written), once, which no later submit pays.
using (var hello = new StringContent(bigActivities.PersonalMessage(leader, "units").ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")))
using (var answered = await http.PostAsync(botSubmit, hello))
{
    answered.EnsureSuccessStatusCode();
}

var leaderChat = TeamsActivities.PersonalConversationId(leader);
bool IsRefresh(LeanTeamsApp.Testing.RecordedRequest r, bool toBare) =>
    r.Operation == ConnectorOperation.Update && (toBare ? r.ConversationId?.StartsWith(BareEndpoint.BareThreadPrefix, StringComparison.Ordinal) == true : r.ConversationId == leaderChat);
foreach (var (toBare, first) in new[] { (true, 0), (false, 20) })
{
    await Task.Delay(500);
    var refreshed = teams.Requests.Count(r => IsRefresh(r, toBare));
    using (var log = azurite.Record())
    {
        for (var u = first; u < first + 20; u++)
        {
            await SubmitOneAsync(u, toBare);
        }

        try
        {
            await teams.WaitForAsync(r => r.Count(x => IsRefresh(x, toBare)) >= refreshed + 20, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            // Counted as far as they got; the line says so.
            Console.WriteLine($"{(toBare ? "bare" : "bot")}: not all 20 refreshes were sent within 60 s");
        }

        // The sent mark and the queue message's delete come after the PUT.
        await Task.Delay(1000);
        submitCalls[toBare] = [.. log.Lines.Where(l => StorageLog.IsBare(l) == toBare && !StorageLog.IsBackground(l, bigTenant)).Select(StorageLog.Kind)];
        // Every line of the window, and how it was read, for a person to check when the two lists differ.
        await File.WriteAllLinesAsync(
            Path.Combine(root, ".local", "logs", $"benchmark-submit-storage-{(toBare ? "bare" : "bot")}.log"),
            log.Lines.Select(l => $"{(StorageLog.IsBare(l) != toBare ? "other side" : StorageLog.IsBackground(l, bigTenant) ? "background" : StorageLog.Kind(l)),-40} {l}"));
    }

    Console.WriteLine($"storage requests per submit, {(toBare ? "bare" : "bot")}: {submitCalls[toBare].Count / 20.0:F2}");
    foreach (var kind in submitCalls[toBare].GroupBy(k => k).OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        Console.WriteLine($"  {kind.Key,-40} {kind.Count() / 20.0,6:F2}");
    }
}

// The bare run first, so the bot's own outbox (the refreshes its submits queue) drains during the bot's run only.
var loadBeforeSubmits = LoadAverage();
var bareSubmit = await SubmitRunAsync(bare: true, firstUnit: 40);
Console.WriteLine($"bare submits: c={Submitters} n={bareSubmit.Count} p50={bareSubmit.P50:F2} ms p99={bareSubmit.P99:F2} ms {bareSubmit.Throughput:F0} req/s");
var submit = await SubmitRunAsync(bare: false, firstUnit: 40);
var loadAfterSubmits = LoadAverage();
Console.WriteLine($"submits: c={Submitters} n={submit.Count} p50={submit.P50:F2} ms p99={submit.P99:F2} ms {submit.Throughput:F0} req/s");
var endWorkingSetMb = WorkingSetMb(app);
WriteCheckInReport(Path.Combine(root, output), fanOut, new SubmitRun(Submitters, submit, bareSubmit, submitCalls[false], submitCalls[true], loadBeforeSubmits, loadAfterSubmits),
    new Memory(idleWorkingSetMb, fanOutWorkingSetMb, endWorkingSetMb));
Stop(app);
Stop(bare);
return 0;

int OptionValue(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

string OptionText(string name, string fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

/// <summary>Imports organisation files through the app's own importer, in a host registered as the app registers it.</summary>
static async Task ImportAsync(string storage, IEnumerable<(string Tenant, string Yaml)> files)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = storage }).Build();
    var builder = Host.CreateApplicationBuilder();
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddStorage(configuration).AddOrganisation(configuration);
    using var host = builder.Build();
    await host.Services.GetRequiredService<StorageTables>().TryCreateAsync(CancellationToken.None);
    var importer = host.Services.GetRequiredService<OrganisationImporter>();
    foreach (var (tenant, yaml) in files)
    {
        var result = await importer.ImportAsync(tenant, "organisation.yaml", new MemoryStream(Encoding.UTF8.GetBytes(yaml)), CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join('\n', result.Errors.Take(5)));
        }
    }
}

// The prompt fan-out with 1 and with N service instances sharing one Azurite, one outbox queue and one fake
// connector that answers 429 wherever Teams' limits would, counted across all instances; and each instance's
// working set at idle (the demo organisation imported) and once the last prompt has arrived.
// How many of the times fell in each whole second after the first: where a fan-out ran below Teams' 50 a second.
static string Timeline(IEnumerable<DateTimeOffset> times, DateTimeOffset first) =>
    string.Join(' ', times.GroupBy(t => (int)(t - first).TotalSeconds).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}"));

static async Task<string> RunFanOutAsync(int units, IReadOnlyList<int> instanceCounts)
{
    var root = RepositoryRoot.Find();
    var appDll = Path.Combine(root, "src", "LeanTeamsApp", "bin", "Release", "net10.0", "LeanTeamsApp.dll");
    var rows = new List<(int Instances, FanOut FanOut, double[] IdleMb, double[] EndMb, string LoadBefore, string LoadAfter)>();
    foreach (var instances in instanceCounts)
    {
        var loadBefore = LoadAverage();
        await using var azurite = await Azurite.StartAsync();
        await using var teams = await FakeConnector.StartNewAsync();
        teams.EnforceTeamsRateLimits(true);
        var demoTenant = Guid.NewGuid().ToString("D");
        await SeedAsync(azurite.ConnectionString, [demoTenant]);
        var queue = $"outbox-{Guid.NewGuid():N}";
        var ports = Enumerable.Range(0, instances).Select(_ => FreePort()).ToList();
        var apps = ports.Select((port, i) => Start(new ProcessStartInfo("dotnet", [appDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Benchmark",
                ["Logging__LogLevel__Default"] = "Warning",
                // The scheduler's line of how late the first prompt was queued, in the instance's log.
                ["Logging__LogLevel__LeanTeamsApp.Features.CheckIns"] = "Information",
                ["Storage__ConnectionString"] = azurite.ConnectionString,
                ["Bot__AllowUnauthenticatedLocalRequests"] = "true",
                ["Bot__ExtraTrustedServiceUrlHosts__0"] = "127.0.0.1",
                ["Outbox__QueueName"] = queue,
                // Production's tick (one a minute): the first prompt must come when it is due, not on a tick.
                ["CheckIns__PromptDelay"] = "00:00:00",
                ["Outbox__IdlePollInterval"] = "00:00:00.200",
            },
        }, Path.Combine(root, ".local", "logs", $"benchmark-fanout-{instances}-{i}.log"))).ToList();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            foreach (var port in ports)
            {
                await WaitReadyAsync(http, new Uri($"http://127.0.0.1:{port}/healthz"));
            }

            await Task.Delay(TimeSpan.FromSeconds(10));
            var idle = apps.Select(WorkingSetMb).ToArray();

            var tenant = Guid.NewGuid().ToString("D");
            // Long enough for one of the minute ticks to see the tenant before its meetings end.
            var meetingEnd = CheckInScenarios.NextMinuteAfter(TimeSpan.FromSeconds(75));
            await ImportAsync(azurite.ConnectionString, [(tenant, CheckInScenarios.Organisation(tenant, units, meetingEnd))]);
            var activities = new TeamsActivities(tenant, teams.ServiceUrl);
            using (var install = new StringContent(activities.TeamInstalled(TeamsUser.Create("Koordinator", "koordinator@storby.no")).ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")))
            using (var installed = await http.PostAsync(new Uri($"http://127.0.0.1:{ports[0]}/api/messages"), install))
            {
                installed.EnsureSuccessStatusCode();
            }

            Console.WriteLine($"fan-out x{instances}: {units} meetings end at {meetingEnd:HH:mm:ss} UTC; waiting for the prompts");
            var lastPost = await CheckInScenarios.WaitForPostsAsync(teams, units, TimeSpan.FromMinutes(8));
            var end = apps.Select(WorkingSetMb).ToArray();
            var posts = teams.Requests.Where(r => r.Operation == ConnectorOperation.CreateConversation).ToList();
            var firstPost = posts.Count == 0 ? lastPost : posts.Min(r => r.ReceivedAt);
            var fanOut = new FanOut(units, posts.Count, posts.Select(p => p.Parameters?.ChannelData?.Channel?.Id).Distinct().Count(),
                (firstPost - meetingEnd).TotalSeconds, (lastPost - meetingEnd).TotalSeconds, units / 50.0, teams.Rejected.Count);
            Console.WriteLine($"fan-out x{instances}: {fanOut.Delivered} posts to {fanOut.Channels} channels, first after {fanOut.FirstSeconds:F1} s, last after {fanOut.LastSeconds:F1} s (floor {fanOut.FloorSeconds:F0} s), {fanOut.Rejected} answered 429");
            Console.WriteLine($"fan-out x{instances}: posts in each second after the first: {Timeline(posts.Select(p => p.ReceivedAt), firstPost)}; 429s at {Timeline(teams.Rejected.Select(r => r.ReceivedAt), firstPost)}");
            rows.Add((instances, fanOut, idle, end, loadBefore, LoadAverage()));
        }
        finally
        {
            apps.ForEach(Stop);
        }
    }

    var section = new StringBuilder();
    section.AppendLine("## Prompt fan-out with several instances, and memory (issue 18)");
    section.AppendLine();
    section.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on this machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}.");
    section.AppendLine("Not part of the default `scripts/benchmark.sh` run; run it with");
    section.AppendLine();
    section.AppendLine(CultureInfo.InvariantCulture, $"    scripts/benchmark.sh fanout --units {units} --instances {string.Join(',', instanceCounts)}");
    section.AppendLine();
    section.AppendLine(CultureInfo.InvariantCulture, $"Per row a fresh Azurite (in memory), one fake connector that answers 429 wherever Teams' limits would, counted");
    section.AppendLine("across every instance (per thread 7/1 s, 8/2 s, 60/30 s; 50 per second per tenant), and that many service");
    section.AppendLine("processes (Release, environment 'Benchmark') sharing one outbox queue, each with production's one-minute scheduler");
    section.AppendLine(CultureInfo.InvariantCulture, $"tick and no prompt delay. One tenant of {units} units, each with its own channel, all of whose meetings end in the");
    section.AppendLine("same minute. Working set is each process's `WorkingSet64`: at idle, 10 s after start with the 12-unit demo");
    section.AppendLine("organisation imported into another tenant, and again once the last prompt has arrived.");
    section.AppendLine();
    section.AppendLine("| instances | prompts posted / channels | first prompt after the meetings ended s | last prompt s | floor s | answered 429 | working set at idle MB | working set at the end MB | load average before / after |");
    section.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |");
    foreach (var (instances, f, idle, end, before, after) in rows)
    {
        section.AppendLine(CultureInfo.InvariantCulture,
            $"| {instances} | {f.Delivered} / {f.Channels} | {f.FirstSeconds:F1} | {f.LastSeconds:F1} | {f.FloorSeconds:F0} | {f.Rejected} | {string.Join(", ", idle.Select(m => m.ToString("F0", CultureInfo.InvariantCulture)))} | {string.Join(", ", end.Select(m => m.ToString("F0", CultureInfo.InvariantCulture)))} | {before} / {after} |");
    }

    return section.ToString();
}

static double WorkingSetMb(Process process)
{
    process.Refresh();
    return process.WorkingSet64 / 1024.0 / 1024.0;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static void WriteCheckInReport(string path, FanOut fanOut, SubmitRun run, Memory memory)
{
    var (submitters, submit, bare) = (run.Submitters, run.Bot, run.Bare);
    var section = new StringBuilder();
    section.AppendLine("## Check-in prompt fan-out and submits (issue: board-meeting check-ins)");
    section.AppendLine();
    section.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC in the same `scripts/benchmark.sh` run and setup as above.");
    section.AppendLine(CultureInfo.InvariantCulture, $"One tenant with {fanOut.Units} units in one team, each with its own channel, all of whose board meetings end in the");
    section.AppendLine("same minute. The service's own scheduler (production's one-minute tick, with its early tick when prompts fall due) queues the prompts in the outbox, and the");
    section.AppendLine("dispatcher posts them through the connector client to a fake connector that answers 429 exactly where Teams'");
    section.AppendLine("limits would (per thread 7/1 s, 8/2 s, 60/30 s; 50 per second per tenant). The floor is the tenant limit:");
    section.AppendLine(CultureInfo.InvariantCulture, $"{fanOut.Units} posts at 50 per second.");
    section.AppendLine();
    section.AppendLine("| measure | value |");
    section.AppendLine("| --- | ---: |");
    section.AppendLine(CultureInfo.InvariantCulture, $"| prompts posted / distinct channels | {fanOut.Delivered} / {fanOut.Channels} |");
    section.AppendLine(CultureInfo.InvariantCulture, $"| first prompt after the meetings ended | {fanOut.FirstSeconds:F1} s |");
    section.AppendLine(CultureInfo.InvariantCulture, $"| last prompt after the meetings ended | {fanOut.LastSeconds:F1} s |");
    section.AppendLine(CultureInfo.InvariantCulture, $"| floor set by Teams' 50 requests per second per tenant | {fanOut.FloorSeconds:F0} s |");
    section.AppendLine(CultureInfo.InvariantCulture, $"| requests the connector answered with 429 | {fanOut.Rejected} |");
    section.AppendLine(CultureInfo.InvariantCulture, $"| service working set at idle (50 tenants of the demo organisation, 10 s after start) | {memory.IdleMb:F0} MB |");
    section.AppendLine(CultureInfo.InvariantCulture, $"| service working set once the last prompt arrived | {memory.FanOutMb:F0} MB |");
    section.AppendLine(CultureInfo.InvariantCulture, $"| service working set after the submits below | {memory.EndMb:F0} MB |");
    section.AppendLine();
    section.AppendLine(CultureInfo.InvariantCulture, $"Check-in submits: {submitters} people at once, {submit.Count} Action.Execute submits of a full card for different");
    section.AppendLine("units (each stored, answered with the summary card, and the card refreshed for everyone with a PUT to the");
    section.AppendLine("connector through the outbox, which paces it to the tenant's 50 per second). The baseline is a bare endpoint");
    section.AppendLine("(another process) making the same storage calls for the same activity, and beside it the outbox dispatcher's calls");
    section.AppendLine("and PUT for each refresh (as the bot's dispatcher does while its submits run), run first with the same concurrency.");
    section.AppendLine("Its PUTs go to threads and tenants of their own, unpaced: the fake connector's limits are kept per thread and per");
    section.AppendLine("tenant, so they use up none of the bot's (the bot's refreshes all go to the one submitter's chat).");
    section.AppendLine(CultureInfo.InvariantCulture, $"Load average before / after: {run.LoadBefore} / {run.LoadAfter}.");
    section.AppendLine();
    section.AppendLine("Storage requests per submit, from Azurite's access log over 20 submits one at a time, each side's until its 20");
    section.AppendLine("refreshes were sent (the dispatcher's calls for them included); the bare endpoint connects from an address of its");
    section.AppendLine("own, and the service's background meanwhile (its scheduler's tick over every tenant) is left out. What the bot");
    section.AppendLine("makes beyond the bare endpoint is its dispatcher's own, not a submit's: the tenant's sender lease, the queue gauges");
    section.AppendLine("every 15 s, and more empty receives while its refreshes wait for the chat's thread limits.");
    section.AppendLine();
    section.AppendLine(CultureInfo.InvariantCulture, $"storage requests per submit: bot {run.BotCalls.Count / 20.0:F2}, bare {run.BareCalls.Count / 20.0:F2}");
    section.AppendLine();
    section.AppendLine("| storage request | bot per submit | bare per submit |");
    section.AppendLine("| --- | ---: | ---: |");
    foreach (var kind in run.BotCalls.Concat(run.BareCalls).Distinct().Order(StringComparer.Ordinal))
    {
        section.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {run.BotCalls.Count(k => k == kind) / 20.0:F2} | {run.BareCalls.Count(k => k == kind) / 20.0:F2} |");
    }

    section.AppendLine();
    section.AppendLine("| target | concurrent submitters | submits | p50 ms | p99 ms | mean ms | req/s |");
    section.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    section.AppendLine(CultureInfo.InvariantCulture, $"| bare endpoint: same storage calls | {submitters} | {bare.Count} | {bare.P50:F2} | {bare.P99:F2} | {bare.Mean:F2} | {bare.Throughput:F0} |");
    section.AppendLine(CultureInfo.InvariantCulture, $"| bot: check-in submit via /api/messages | {submitters} | {submit.Count} | {submit.P50:F2} | {submit.P99:F2} | {submit.Mean:F2} | {submit.Throughput:F0} |");
    section.AppendLine();
    section.AppendLine(CultureInfo.InvariantCulture, $"p99(submit) / p99(bare): {submit.P99 / bare.P99:F2}; p50 ratio {submit.P50 / bare.P50:F2}.");
    Replace(path, "check-in-benchmarks", section.ToString());
}

static void Replace(string path, string name, string section)
{
    var start = $"<!-- {name}:start -->";
    var end = $"<!-- {name}:end -->";
    var document = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
    var block = $"{start}\n{section}{end}";
    var from = document.IndexOf(start, StringComparison.Ordinal);
    var to = document.IndexOf(end, StringComparison.Ordinal);
    document = from >= 0 && to > from
        ? document[..from] + block + document[(to + end.Length)..]
        : document.TrimEnd() + "\n\n" + block + "\n";
    File.WriteAllText(path, document);
    Console.WriteLine($"Wrote {path}");
}

static async Task SeedAsync(string storage, IReadOnlyList<string> tenants)
{
    var demo = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "demo", "organisation.yaml"));
    await ImportAsync(storage, tenants.Select(t => (t, demo.Replace("3f6a8f52-7c1e-4b8e-9d3a-5e2b1c0d9a71", t, StringComparison.Ordinal))));

    // The bot creates its Conversations table at start-up; the bare endpoint must not pay for creating it.
    await new Azure.Data.Tables.TableServiceClient(storage).CreateTableIfNotExistsAsync("Conversations");
}

static Process Start(ProcessStartInfo start, string? log = null)
{
    start.RedirectStandardOutput = true;
    start.RedirectStandardError = true;
    var process = Process.Start(start)!;
    // The service's log is kept for a person to read when a number looks wrong.
    Stream sink = log is null ? Stream.Null : new FileStream(log, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
    _ = process.StandardOutput.BaseStream.CopyToAsync(sink);
    _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
    return process;
}

static void Stop(Process process)
{
    if (!process.HasExited)
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit(5000);
    }
}

static async Task WaitReadyAsync(HttpClient http, Uri url)
{
    for (var i = 0; i < 120; i++)
    {
        try
        {
            using var response = await http.GetAsync(url);
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(500);
    }

    throw new TimeoutException($"{url} did not become ready.");
}

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

static void WriteReport(string path, List<(string Target, int Concurrency, Summary Summary)> results, Dictionary<string, long> roundTrips, int requestsPerLevel, int delivered)
{
    var section = new StringBuilder();
    section.AppendLine("## Command turn latency (issue: the Teams bot)");
    section.AppendLine();
    section.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `scripts/benchmark.sh` on this machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}.");
    section.AppendLine("Everything on loopback in one run: Azurite (in memory), the recording fake Bot Connector, the service as its own");
    section.AppendLine("Release process (environment 'Benchmark': production settings but local mode, no Bot Framework token; warnings-only logging), and the bare");
    section.AppendLine("baseline as another process. Each request is a Teams-shaped personal `units` message from a new user, spread over");
    section.AppendLine("50 tenants that each hold the 12-unit demo organisation, so Teams' per-thread and per-tenant pacing (which the");
    section.AppendLine("bot obeys) does not enter the numbers; the turn includes the bot's reply POST to the connector.");
    section.AppendLine(CultureInfo.InvariantCulture, $"{requestsPerLevel} requests per row after a 200-request warm-up per target; the fake connector received {delivered} replies.");
    section.AppendLine();
    section.AppendLine("Storage round trips per request, counted in Azurite's access log:");
    section.AppendLine();
    foreach (var (target, count) in roundTrips)
    {
        section.AppendLine(CultureInfo.InvariantCulture, $"- {target}: {count}");
    }

    section.AppendLine();
    section.AppendLine("| target | concurrent conversations | requests | p50 ms | p99 ms | mean ms | req/s |");
    section.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var (target, concurrency, s) in results)
    {
        section.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {concurrency} | {s.Count} | {s.P50:F2} | {s.P99:F2} | {s.Mean:F2} | {s.Throughput:F0} |");
    }

    Replace(path, "command-turn-latency", section.ToString());
}

/// <summary>A submit run; <paramref name="BotCalls"/> and <paramref name="BareCalls"/> are the kinds of the storage requests of 20 submits (<see cref="StorageLog.Kind"/>).</summary>
internal sealed record SubmitRun(int Submitters, Summary Bot, Summary Bare, IReadOnlyList<string> BotCalls, IReadOnlyList<string> BareCalls, string LoadBefore, string LoadAfter);

internal sealed record Memory(double IdleMb, double FanOutMb, double EndMb);

internal sealed record FanOut(int Units, int Delivered, int Channels, double FirstSeconds, double LastSeconds, double FloorSeconds, int Rejected);

internal sealed record Summary(int Count, double P50, double P99, double Mean, double Throughput)
{
    public static Summary Of(double[] latencies, TimeSpan wall)
    {
        Array.Sort(latencies);
        double Rank(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Length) - 1, 0, latencies.Length - 1)];
        return new Summary(latencies.Length, Rank(0.50), Rank(0.99), latencies.Average(), latencies.Length / wall.TotalSeconds);
    }
}
