using System.Diagnostics;
using System.Globalization;
using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Digest;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Features.Privacy;
using LeanTeamsApp.Features.Reports;
using LeanTeamsApp.Features.Reviews;
using LeanTeamsApp.Features.Setup;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Cards;
using LeanTeamsApp.Infrastructure.Errors;
using LeanTeamsApp.Infrastructure.Events;
using LeanTeamsApp.Infrastructure.Graph;
using LeanTeamsApp.Infrastructure.Storage;
using LeanTeamsApp.Infrastructure.Telemetry;

namespace LeanTeamsApp.LoadTest;

/// <summary>
/// Weeks of board-meeting check-ins for every unit of a large organisation, made up but the same on every run, and
/// stored through the card submit's own path. Shared by the digest and the tab benchmarks, so both read storage
/// shaped the same way.
/// </summary>
internal sealed class SyntheticActivity(IServiceProvider services, string tenant, IReadOnlyList<Unit> units, int parallelism)
{
    public static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    private readonly Dictionary<string, List<string>> _byArea =
        units.GroupBy(u => u.ServiceAreaId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(u => u.Id).ToList(), StringComparer.Ordinal);

    public Tally Tally { get; } = new();

    /// <summary>
    /// The app's own services in this process, registered as Program.cs registers them, with every background job
    /// off so that nothing but the benchmark touches storage.
    /// </summary>
    public static async Task<IHost> StartHostAsync(string storage, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storage,
            ["CheckIns:SchedulerEnabled"] = "false",
            ["YearWheel:SchedulerEnabled"] = "false",
            ["Digest:SchedulerEnabled"] = "false",
            ["CalendarSync:Enabled"] = "false",
            ["Outbox:Enabled"] = "false",
            ["Privacy:RetentionEnabled"] = "false",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddErrors();
        builder.Services.AddTelemetry(builder.Configuration);
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddGraph(builder.Configuration);
        builder.Services.AddTabLinks(builder.Configuration);
        builder.Services.AddEvents();
        builder.Services.AddAccess();
        builder.Services.AddBot(builder.Configuration, builder.Environment);
        builder.Services.AddOrganisation(builder.Configuration);
        builder.Services.AddSetup();
        builder.Services.AddBoard();
        builder.Services.AddCheckIns(builder.Configuration);
        builder.Services.AddImprovements();
        builder.Services.AddWeeks();
        builder.Services.AddPlanning(builder.Configuration);
        builder.Services.AddDigest(builder.Configuration);
        builder.Services.AddReports(builder.Configuration);
        builder.Services.AddReviews();
        builder.Services.AddPrivacy(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        if (!host.Services.GetRequiredService<StorageTables>().Created)
        {
            throw new InvalidOperationException("The tables were not created.");
        }

        return host;
    }

    /// <summary>
    /// Every unit's check-in for its meeting in <paramref name="week"/>, the <paramref name="index"/>th seeded week
    /// (which picks the made-up data), <c>parallelism</c> units at a time. A meeting that has not ended yet gets none.
    /// </summary>
    public async Task<(int CheckIns, TimeSpan Time)> SeedWeekAsync(IsoWeek week, int index, CancellationToken cancellationToken)
    {
        var checkIns = services.GetRequiredService<CheckInStore>();
        var records = services.GetRequiredService<ImprovementStore>();
        var weeks = services.GetRequiredService<UnitWeekStore>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var before = Tally.CheckIns;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (unit, ct) =>
        {
            var date = MeetingClock.DateIn(unit, week);
            if (MeetingClock.End(unit, date) > now || CheckIn(unit, date, Number(unit.Id), index, _byArea[unit.ServiceAreaId], Tally) is not { } checkIn)
            {
                return;
            }

            // What the card submit does (CheckInCommands.OnActionAsync), minus the card.
            var (outcome, stored) = await checkIns.SubmitAsync(tenant, checkIn, ct);
            if (outcome != SubmitOutcome.Stored)
            {
                throw new InvalidOperationException($"{unit.Id} {date}: {outcome}");
            }

            await records.RecordCheckInAsync(tenant, stored.UnitId, stored.MeetingDate, CheckInRecords.Of(stored), ct);
            await weeks.RefreshAsync(tenant, unit, date, ct);
        });
        return (Tally.CheckIns - before, Stopwatch.GetElapsedTime(started));
    }

    public static int Number(string unitId) => int.Parse(unitId["enhet-".Length..], CultureInfo.InvariantCulture);

    public static IsoWeek Back(IsoWeek week, int count) => IsoWeek.Of(week.Monday.AddDays(-7 * count));

    /// <summary>Tuesdays 09:25-09:30 Oslo time in the week of <paramref name="monday"/>: when every seeded unit meets.</summary>
    public static DateTimeOffset TuesdayMeetingEnd(DateOnly monday)
    {
        var local = monday.AddDays(1).ToDateTime(new TimeOnly(9, 30));
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, Oslo.GetUtcOffset(local)), TimeZoneInfo.Utc);
    }

    /// <summary>
    /// One unit's check-in for one meeting, varied but the same on every run: about one in ten missing, one in seven
    /// of the rest not held; held meetings report goals, new improvements and deviations, some a benefit (a quarter
    /// of those affecting other units of the area) or a call for help. Null when the unit does not check in.
    /// </summary>
    private static CheckIn? CheckIn(Unit unit, DateOnly date, int u, int w, IReadOnlyList<string> area, Tally tally)
    {
        int Roll(int salt, int range) => (int)(Mix((uint)u, (uint)w, (uint)salt) % (uint)range);

        // A few units stop holding their meetings for the last weeks, so the digest has units at risk to name.
        if (Roll(0, 100) < 10)
        {
            return null;
        }

        var held = Roll(1, 100) < 86 && !(u % 97 == 5 && w >= 45);
        var submittedAt = new DateTimeOffset(date.ToDateTime(unit.BoardMeeting.End), Oslo.GetUtcOffset(date.ToDateTime(unit.BoardMeeting.End))).AddMinutes(10);
        if (!held)
        {
            Interlocked.Increment(ref tally.CheckIns);
            return new CheckIn(unit.Id, date, false, (NotHeldReason)Roll(2, 5), null, 0, 0, 0, [], [], null, null, $"Leder {u}", submittedAt);
        }

        var improvements = Enumerable.Range(0, Roll(3, 3)).Select(i => $"Forbedring {i + 1} uke {w + 1} i enhet {u}").ToList();
        var deviations = Roll(4, 3) == 0 ? new List<string> { $"Ventetid på svar, uke {w + 1}" } : [];
        var benefits = new List<BenefitEntry>();
        if (Roll(5, 100) < 20)
        {
            var others = area.Where(id => id != unit.Id).ToList();
            var affects = Roll(6, 4) == 0 && others.Count > 0 ? new List<string> { others[Roll(7, others.Count)] } : [];
            benefits.Add(new BenefitEntry(BenefitKind.TimeSaved, (Roll(8, 16) + 1) / 2m, BenefitMeasure.Hours, affects));
        }

        var goals = unit.Goals.Select((g, i) => (g, (GoalStatus)Roll(10 + i, 3))).ToDictionary(p => p.g, p => p.Item2, StringComparer.Ordinal);
        Interlocked.Increment(ref tally.CheckIns);
        Interlocked.Add(ref tally.Improvements, improvements.Count);
        Interlocked.Add(ref tally.Deviations, deviations.Count);
        Interlocked.Add(ref tally.Benefits, benefits.Count);
        Interlocked.Add(ref tally.Affecting, benefits.Count(b => b.AffectsUnitIds.Count > 0));
        return new CheckIn(unit.Id, date, true, null, 5 + Roll(9, 8), improvements.Count, Roll(12, 5), Roll(13, 3), deviations, benefits,
            Roll(14, 100) < 3 ? "Hjelp med verdistrømanalyse" : null, Roll(15, 4) == 0 ? "Bra møte" : null, $"Leder {u}", submittedAt)
        {
            GoalStatuses = goals,
            NewImprovements = improvements,
        };
    }

    /// <summary>A deterministic hash of a unit, a week and a purpose: the same synthetic data on every run.</summary>
    private static uint Mix(uint a, uint b, uint c)
    {
        var h = (a * 0x9E3779B1u) ^ (b * 0x85EBCA77u) ^ (c * 0xC2B2AE3Du);
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        h *= 0x297A2D39u;
        return h ^ (h >> 15);
    }
}

/// <summary>What was seeded, counted as it was stored.</summary>
internal sealed class Tally
{
    public int CheckIns;
    public int Improvements;
    public int Deviations;
    public int Benefits;
    public int Affecting;
}
