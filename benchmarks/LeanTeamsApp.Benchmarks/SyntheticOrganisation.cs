using System.Globalization;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;

namespace LeanTeamsApp.Benchmarks;

/// <summary>
/// An organisation shaped like the unit tests' synthetic one (kept separate so that the app does not carry test
/// data): 15 units per service-area leader, three areas in five in Oslo and the rest in Stockholm, every tenth
/// unit guided by one of a consultant per hundred units.
/// </summary>
public static class SyntheticOrganisation
{
    public const int UnitsPerLeader = 15;

    public static IReadOnlyList<PlanningUnit> Units(int count, int seed = 2027)
    {
        var random = new Random(seed);
        var leaders = Math.Max(1, count / UnitsPerLeader);
        var consultants = Math.Max(6, count / 100);
        var starts = new[] { "07:45", "08:00", "08:15", "08:30", "08:45", "09:00", "10:00", "11:30", "12:00", "13:00", "14:00" };
        var units = new List<PlanningUnit>(count);
        for (var i = 0; i < count; i++)
        {
            var leader = i % leaders;
            var oslo = leader % 5 < 3;
            GuidancePeriod? guidance = null;
            var meeting = new BoardMeeting(
                (DayOfWeek)random.Next(1, 6),
                TimeOnly.ParseExact(starts[random.Next(starts.Length)], "HH:mm", CultureInfo.InvariantCulture),
                random.Next(2) == 0 ? 15 : 20);
            var leanStart = new DateOnly(2022, 1, 3).AddDays(random.Next(0, 1300));
            if (i % 10 == 3)
            {
                var from = new DateOnly(2025, 10, 1).AddDays(random.Next(0, 540));
                guidance = new GuidancePeriod(from, from.AddDays(random.Next(120, 210)), $"consultant-{random.Next(consultants)}@synth.example");
            }

            units.Add(new PlanningUnit(
                $"unit-{i:00000}",
                $"area-{leader:0000}",
                $"leader-{leader:0000}@synth.example",
                $"unitleader-{i:00000}@synth.example",
                oslo ? "Europe/Oslo" : "Europe/Stockholm",
                oslo ? Country.Norway : Country.Sweden,
                leanStart,
                guidance,
                meeting));
        }

        return units;
    }
}
