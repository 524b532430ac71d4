using System.Diagnostics;
using System.Globalization;
using System.Text;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Digest;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Features.Reviews;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.Testing;

namespace LeanTeamsApp.LoadTest;

/// <summary>
/// The digest benchmark (issue: the weekly digest): a year of weekly check-ins for every unit of a large organisation,
/// stored through the app's own code, then the digest of the latest week timed against reading just that week's
/// check-ins from storage in the same run.
/// </summary>
public static class DigestScenario
{
    private const int WarmUps = 2;

    /// <summary>Runs the benchmark and returns the report section for docs/benchmarks.md.</summary>
    public static async Task<string> RunAsync(int unitCount, int weekCount, int runs, int parallelism, CancellationToken cancellationToken)
    {
        // The digest's four weeks; from 13 weeks on, a digest is also timed while storage holds only 13 weeks.
        ArgumentOutOfRangeException.ThrowIfLessThan(weekCount, 4);
        await using var azurite = await Azurite.StartAsync();
        using var host = await SyntheticActivity.StartHostAsync(azurite.ConnectionString, cancellationToken);
        var services = host.Services;
        var organisation = services.GetRequiredService<OrganisationStore>();
        var checkIns = services.GetRequiredService<CheckInStore>();
        var weeks = services.GetRequiredService<UnitWeekStore>();
        var digests = services.GetRequiredService<DigestService>();
        var unitWeeks = services.GetRequiredService<UnitWeeks>();
        var yearWheel = services.GetRequiredService<YearWheel>();
        var followUps = services.GetRequiredService<FollowUps>();
        var records = services.GetRequiredService<ImprovementStore>();

        // The latest week whose digest is due now, and the weeks before it; Lean started a year before the first.
        var tenant = Guid.NewGuid().ToString("D");
        var now = DateTimeOffset.UtcNow;
        var latest = DigestScheduler.DuePeriod(new Organisation(tenant, "x", "Europe/Oslo", null), now);
        var seeded = Enumerable.Range(0, weekCount).Select(i => SyntheticActivity.Back(latest, weekCount - 1 - i)).ToList();
        var leanStart = seeded[0].Monday.AddDays(-364);
        var meetingEnd = SyntheticActivity.TuesdayMeetingEnd(seeded[0].Monday);

        var import = Stopwatch.StartNew();
        var yaml = CheckInScenarios.Organisation(tenant, unitCount, meetingEnd, leanStart, ownLeaders: true);
        var imported = await services.GetRequiredService<OrganisationImporter>().ImportAsync(tenant, "organisation.yaml", new MemoryStream(Encoding.UTF8.GetBytes(yaml)), cancellationToken);
        if (!imported.Succeeded)
        {
            throw new InvalidOperationException(string.Join('\n', imported.Errors.Take(5)));
        }

        var org = (await organisation.GetOrganisationAsync(tenant, cancellationToken))!;
        var units = (await organisation.ListUnitsAsync(tenant, cancellationToken)).OrderBy(u => SyntheticActivity.Number(u.Id)).ToList();
        var areas = await organisation.ListServiceAreasAsync(tenant, cancellationToken);
        Console.WriteLine($"digest: imported {units.Count} units in {areas.Count} service areas in {import.Elapsed.TotalSeconds:F1} s; weeks {seeded[0]}..{seeded[^1]}, Lean start {leanStart:yyyy-MM-dd}");

        // A year-wheel plan for each seeded year, so the digest's read of appointments is the size it is in use.
        var planning = services.GetRequiredService<PlanningCommands>();
        var appointments = 0;
        foreach (var year in seeded.Select(w => w.Year).Distinct())
        {
            var (plan, _, _) = await planning.PlanYearAsync(tenant, org, year, new DateOnly(year, 1, 1), cancellationToken);
            appointments += plan.Appointments.Count;
        }

        Console.WriteLine($"digest: planned {appointments} appointments");

        // A held review or walk is recorded (observations, follow-up areas), which marks it held: a plan where nothing
        // ever was would make every passed appointment overdue. One in ten passed by the latest digest stays unrecorded.
        var passed = new List<Appointment>();
        foreach (var year in seeded.Select(w => w.Year).Distinct())
        {
            passed.AddRange((await yearWheel.ListYearAsync(tenant, year, cancellationToken)).Where(a => a.Plan.End < DueAt(org, latest)));
        }

        var recorded = passed.OrderBy(a => a.Plan.Start).Where((_, i) => i % 10 != 0).ToList();
        await Parallel.ForEachAsync(recorded, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (a, ct) => await yearWheel.MarkDoneAsync(tenant, a, ct));
        Console.WriteLine($"digest: recorded {recorded.Count} of the {passed.Count} appointments passed by the latest digest as held");

        var activity = new SyntheticActivity(services, tenant, units, parallelism);
        var tally = activity.Tally;
        var seedWall = Stopwatch.StartNew();
        var perWeek = new List<(int CheckIns, TimeSpan Time)>();
        Snapshot? early = null;
        for (var w = 0; w < seeded.Count; w++)
        {
            var week = seeded[w];
            perWeek.Add(await activity.SeedWeekAsync(week, w, cancellationToken));
            Console.WriteLine($"digest: seeded {week} ({w + 1}/{seeded.Count}): {tally.CheckIns} check-ins in {seedWall.Elapsed.TotalSeconds:F0} s, this week {perWeek[^1].CheckIns / perWeek[^1].Time.TotalSeconds:F1}/s");

            if (w == 12)
            {
                // The 13th week's digest while storage holds only 13 weeks: the history it would have had then.
                seedWall.Stop();
                early = await SnapshotAsync(week, w + 1, runs);
                seedWall.Start();
            }
        }

        seedWall.Stop();
        var seedCheckIns = tally.CheckIns;
        Console.WriteLine($"digest: seeding done: {seedCheckIns} check-ins in {seedWall.Elapsed.TotalSeconds:F0} s");

        var week13 = seeded[Math.Min(12, seeded.Count - 1)];
        var latestAt = DueAt(org, latest);
        var rows = await digests.ReadAsync(tenant, latest, latestAt, cancellationToken);
        var measured = await MeasureAsync(
            [
                new Operation($"digest {latest} (week {seeded.Count}): ComputeAsync + DigestCard", ct => DigestAsync(latest, ct)),
                new Operation($"digest {week13} (week {seeded.IndexOf(week13) + 1}), same storage", ct => DigestAsync(week13, ct)),
                new Operation($"digest {latest}: its storage reads alone (DigestService.ReadAsync, as ComputeAsync calls it)", async ct => (await digests.ReadAsync(tenant, latest, latestAt, ct)).Units.Count),
                new Operation($"digest {latest}: DigestService.Compose + DigestCard from those rows in memory", _ => Task.FromResult(InMemory(latest, rows))),
                new Operation($"read {latest}'s check-ins: {units.Count} point reads, {parallelism} at a time", ct => ReadWeekAsync(latest, parallelism, ct)),
                new Operation($"read {latest}'s check-ins: {units.Count} point reads, 1 at a time", ct => ReadWeekAsync(latest, 1, ct)),
                new Operation($"read {latest}'s aggregate rows: UnitWeekStore.ListWeekAsync (one range query)", ct => ListWeekAsync(latest, ct)),
                .. ReadsAlone(latest, latestAt),
            ],
            runs);

        var digestRows = await weeks.ListWeeksAsync(tenant, SyntheticActivity.Back(latest, 3), latest, cancellationToken);
        var yearRows = await weeks.ListYearAsync(tenant, latest.Year, cancellationToken);
        var appointmentRows = await services.GetRequiredService<AppointmentStore>().ListYearAsync(tenant, latest.Year, cancellationToken);
        var digest = await digests.ComputeAsync(org, latest, latestAt, null, cancellationToken);
        var cardBytes = Encoding.UTF8.GetByteCount(DigestCard.Create(WrittenLanguage.Of(org), org.Name, digest).ToJson().ToJsonString());
        var facts = new Facts(units.Count, areas.Count, seeded, leanStart, parallelism, runs, appointments, recorded.Count, passed.Count, seedCheckIns, seedWall.Elapsed, tally, perWeek[0], perWeek[^1],
            digestRows.Count, yearRows.Count, appointmentRows.Count, cardBytes, digest.Units.Count(u => u.Expected), digest.Units.Count(u => u.Reported), rows);
        return Report(facts, early, measured);

        async Task<int> DigestAsync(IsoWeek week, CancellationToken ct)
        {
            var computed = await digests.ComputeAsync(org, week, DueAt(org, week), null, ct);
            var json = DigestCard.Create(WrittenLanguage.Of(org), org.Name, computed).ToJson().ToJsonString();
            return computed.Units.Count() + json.Length;
        }

        // Each call DigestService.ReadAsync makes, alone, as it makes it: to see which of them bounds the digest.
        IEnumerable<Operation> ReadsAlone(IsoWeek week, DateTimeOffset at) =>
        [
            new("digest's read alone: OrganisationStore.ListServiceAreasAsync", async ct => (await organisation.ListServiceAreasAsync(tenant, ct)).Count),
            new("digest's read alone: OrganisationStore.ListUnitsAsync", async ct => (await organisation.ListUnitsAsync(tenant, ct)).Count),
            new("digest's read alone: UnitWeeks.ListOverviewAsync (recent weeks, years, board, estimates and plans)", async ct => (await unitWeeks.ListOverviewAsync(tenant, ct)).Count),
            new($"digest's read alone: YearWheel.ListPlannedBeforeAsync({week.Year}, the fortnight's end)", async ct => (await yearWheel.ListPlannedBeforeAsync(tenant, week.Year, at.AddDays(WeeklyDigest.UpcomingDays), ct)).Count),
            new("digest's read alone: FollowUps.CountOverdueAsync", ct => followUps.CountOverdueAsync(tenant, at, ct)),
            // What the digest read before, beside what took its place: the year's whole plan (now only the appointments still
            // planned that start before the fortnight ends), the boards (the overview rows hold the waiting improvements) and
            // every benefit (the overview rows hold the estimates and plans it sums; it reads the benefits for an older week).
            new("not read by the digest of a recent week any more: ImprovementStore.ListAllBenefitsAsync", async ct => (await records.ListAllBenefitsAsync(tenant, ct)).Count),
            new($"not read by the digest any more: YearWheel.ListYearAsync({week.Year})", async ct => (await yearWheel.ListYearAsync(tenant, week.Year, ct)).Count),
            new("not read by the digest any more: UnitWeeks.ListBoardsAsync", async ct => (await unitWeeks.ListBoardsAsync(tenant, ct)).Count),
        ];

        int InMemory(IsoWeek week, DigestReads read)
        {
            var computed = DigestService.Compose(org, week, DueAt(org, week), null, read);
            return DigestCard.Create(WrittenLanguage.Of(org), org.Name, computed).ToJson().ToJsonString().Length;
        }

        async Task<int> ReadWeekAsync(IsoWeek week, int concurrency, CancellationToken ct)
        {
            var found = 0;
            await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (unit, inner) =>
            {
                if (await checkIns.GetAsync(tenant, unit.Id, MeetingClock.DateIn(unit, week), inner) is not null)
                {
                    Interlocked.Increment(ref found);
                }
            });
            return found;
        }

        async Task<int> ListWeekAsync(IsoWeek week, CancellationToken ct) => (await weeks.ListWeekAsync(tenant, week, ct)).Count;

        async Task<Snapshot> SnapshotAsync(IsoWeek week, int history, int count)
        {
            var results = await MeasureAsync(
                [
                    new Operation($"digest {week} with {history} weeks stored", ct => DigestAsync(week, ct)),
                    new Operation($"read {week}'s check-ins, {parallelism} at a time", ct => ReadWeekAsync(week, parallelism, ct)),
                ],
                count);
            return new Snapshot(week, history, tally.CheckIns, results[0], results[1]);
        }

        async Task<IReadOnlyList<Measured>> MeasureAsync(IReadOnlyList<Operation> operations, int count)
        {
            // Storage requests per operation, counted in Azurite's access log, one operation at a time.
            var requests = new List<long>();
            foreach (var operation in operations)
            {
                var before = await azurite.SettledRequestCountAsync();
                await operation.RunAsync(cancellationToken);
                requests.Add(await azurite.SettledRequestCountAsync() - before);
            }

            // Interleaved, in a rotating order, so that a pause of Azurite or the machine falls on all of them alike.
            var timings = operations.Select(_ => new List<double>()).ToList();
            for (var run = 0; run < WarmUps + count; run++)
            {
                for (var i = 0; i < operations.Count; i++)
                {
                    var k = (run + i) % operations.Count;
                    var started = Stopwatch.GetTimestamp();
                    await operations[k].RunAsync(cancellationToken);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (run >= WarmUps)
                    {
                        timings[k].Add(elapsed);
                    }
                }
            }

            var results = operations.Select((o, i) => new Measured(o.Name, Stats.Of(timings[i]), requests[i])).ToList();
            foreach (var r in results)
            {
                Console.WriteLine($"digest: {r.Name,-90} p50={r.Stats.P50,8:F1} ms p95={r.Stats.P95,8:F1} ms min={r.Stats.Min,8:F1} max={r.Stats.Max,8:F1} requests={r.Requests}");
            }

            return results;
        }
    }

    /// <summary>When the scheduler computes <paramref name="week"/>'s digest: the organisation's digest time that week.</summary>
    private static DateTimeOffset DueAt(Organisation org, IsoWeek week)
    {
        var local = week.Monday.AddDays(((int)org.Digest.Weekday + 6) % 7).ToDateTime(org.Digest.Time);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(org.DefaultTimeZone);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static string Report(Facts f, Snapshot? early, IReadOnlyList<Measured> m)
    {
        var digest = m[0];
        var digest13 = m[1];
        var read = m[4];
        var s = new StringBuilder();
        s.AppendLine("## Weekly digest against reading the week (issue: the weekly digest)");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on this machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, Release.");
        s.AppendLine("Not part of the default `scripts/benchmark.sh` run (and not rewritten by it); run it with");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"    scripts/benchmark.sh digest --units {f.Units} --weeks {f.Weeks.Count} --runs {f.Runs} --parallel {f.Parallelism}");
        s.AppendLine();
        s.AppendLine("Azurite (in memory) on loopback and the app's own services in the benchmark process, registered as `Program.cs`");
        s.AppendLine("registers them, with every scheduler and the outbox off. One tenant of");
        s.AppendLine(CultureInfo.InvariantCulture, $"{f.Units} units in {f.Areas} service areas (each with its own leader and two goals, board meeting Tuesdays, Lean start {f.LeanStart:yyyy-MM-dd}) and");
        s.AppendLine(CultureInfo.InvariantCulture, $"a year-wheel plan ({f.Appointments} appointments; {f.Recorded} of the {f.Passed} passed by the latest digest recorded as held, one in ten left unrecorded).");
        s.AppendLine(CultureInfo.InvariantCulture, $"Seeded {f.Weeks.Count} weeks, {f.Weeks[0]} to {f.Weeks[^1]}, through the card submit's own path");
        s.AppendLine("(`CheckInStore.SubmitAsync`, `ImprovementStore.RecordCheckInAsync`, `UnitWeekStore.RefreshAsync`), week by week,");
        s.AppendLine(CultureInfo.InvariantCulture, $"{f.Parallelism} units at a time: {f.Tally.CheckIns} check-ins (about one in ten weeks missing, one in seven not held), {f.Tally.Improvements} new improvements, {f.Tally.Deviations} deviations,");
        s.AppendLine(CultureInfo.InvariantCulture, $"{f.Tally.Benefits} benefits ({f.Tally.Affecting} affecting other units), in {f.SeedTime.TotalSeconds:F0} s: {f.CheckIns / f.SeedTime.TotalSeconds:F1} check-ins a second on average,");
        s.AppendLine(CultureInfo.InvariantCulture, $"{f.FirstWeek.CheckIns / f.FirstWeek.Time.TotalSeconds:F1} a second in the first week and {f.LastWeek.CheckIns / f.LastWeek.Time.TotalSeconds:F1} in the last.");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Each operation {f.Runs} times after {WarmUps} warm-ups, interleaved in a rotating order in the same run. The digest is");
        s.AppendLine("`DigestService.ComputeAsync` for the week at that week's digest time (as the scheduler computes it) plus");
        s.AppendLine(CultureInfo.InvariantCulture, $"`DigestCard.Create` and its JSON. For {f.Weeks[^1]} it read {f.Read.Areas.Count} service areas, {f.Read.Units.Count} units, {f.Read.Recent.Count} unit weeks and {f.Read.Year.Count} unit years");
        s.AppendLine(CultureInfo.InvariantCulture, $"(stored as {f.DigestRows} week rows and {f.YearRows} year rows, read from one overview row per unit while the week is recent),");
        s.AppendLine(CultureInfo.InvariantCulture, $"{f.Read.Planned.Count} of the {f.AppointmentRows} appointments of {f.Weeks[^1].Year}, {f.Read.Awaiting.Values.Sum(a => a.Count)} improvements waiting for their benefit and {(f.Read.Stages is { } stages ? $"the estimates and plans of {stages.Count} units from their overview rows" : $"{f.Read.Benefits.Count} benefits")}; {f.Reported} of");
        s.AppendLine(CultureInfo.InvariantCulture, $"{f.Expected} expected units reported; the card is {f.CardBytes / 1024.0:F1} KB of JSON. Reading the week is `CheckInStore.GetAsync` for every unit's");
        s.AppendLine("meeting that week (a point read each, found or not). Storage requests are counted in Azurite's access log. The rows");
        s.AppendLine("\"digest's read alone\" time each storage call `DigestService.ReadAsync` makes, by itself, in the same rotation (it makes");
        s.AppendLine("them all at once, so it waits for the slowest); the rows \"not read by the digest any more\" time what they replaced.");
        s.AppendLine();
        s.AppendLine("| operation | requests | p50 ms | p95 ms | min ms | max ms |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in m)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Requests} | {r.Stats.P50:F1} | {r.Stats.P95:F1} | {r.Stats.Min:F1} | {r.Stats.Max:F1} |");
        }

        foreach (var r in early is null ? [] : new[] { early.Digest, early.Read })
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| during seeding, {early!.CheckIns} check-ins stored: {r.Name} | {r.Requests} | {r.Stats.P50:F1} | {r.Stats.P95:F1} | {r.Stats.Min:F1} | {r.Stats.Max:F1} |");
        }

        s.AppendLine();
        var week13 = f.Weeks[Math.Min(12, f.Weeks.Count - 1)];
        s.AppendLine(CultureInfo.InvariantCulture, $"Digest / week read ({f.Parallelism} at a time), p50: {digest.Stats.P50 / read.Stats.P50:F2} for {f.Weeks[^1]}, {digest13.Stats.P50 / read.Stats.P50:F2} for {week13} on the same storage{(early is null ? "." : ",")}");
        if (early is not null)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"{early.Digest.Stats.P50 / early.Read.Stats.P50:F2} for {early.Week} when only {early.History} weeks were stored.");
        }

        return s.ToString();
    }

    private sealed record Operation(string Name, Func<CancellationToken, Task<int>> RunAsync);

    private sealed record Measured(string Name, Stats Stats, long Requests);

    private sealed record Snapshot(IsoWeek Week, int History, int CheckIns, Measured Digest, Measured Read);

    private sealed record Facts(
        int Units, int Areas, IReadOnlyList<IsoWeek> Weeks, DateOnly LeanStart, int Parallelism, int Runs, int Appointments, int Recorded, int Passed, int CheckIns, TimeSpan SeedTime, Tally Tally,
        (int CheckIns, TimeSpan Time) FirstWeek, (int CheckIns, TimeSpan Time) LastWeek,
        int DigestRows, int YearRows, int AppointmentRows, int CardBytes, int Expected, int Reported, DigestReads Read);

    private sealed record Stats(double P50, double P95, double Min, double Max)
    {
        public static Stats Of(List<double> values)
        {
            var sorted = values.Order().ToArray();
            double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
            return new Stats(Rank(0.50), Rank(0.95), sorted[0], sorted[^1]);
        }
    }
}
