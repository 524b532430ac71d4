using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;

namespace LeanTeamsApp.UnitTests.Planning;

/// <summary>Organisations to plan: the demo municipality and synthetic ones of any size.</summary>
internal static class PlanningOrganisations
{
    private const string Helse = "tol.helse@fjordvik.kommune.no";
    private const string Oppvekst = "tol.oppvekst@fjordvik.kommune.no";
    private const string Samfunn = "tol.samfunn@fjordvik.kommune.no";

    /// <summary>The twelve units of demo/organisation.yaml (Fjordvik kommune, Europe/Oslo).</summary>
    public static IReadOnlyList<PlanningUnit> Demo() =>
    [
        Fjordvik("hjemmetjenesten-nord", "helse-og-omsorg", Helse, "leder.hjemmenord", DayOfWeek.Monday, "08:30", 15, "2024-09-02"),
        Fjordvik("hjemmetjenesten-sor", "helse-og-omsorg", Helse, "leder.hjemmesor", DayOfWeek.Monday, "13:00", 15, "2025-01-06"),
        Fjordvik("fjordtun-sykehjem", "helse-og-omsorg", Helse, "leder.fjordtun", DayOfWeek.Tuesday, "13:30", 20, "2026-08-17",
            new GuidancePeriod(Date("2026-08-17"), Date("2027-02-26"), "ingrid.solheim@fjordvik.kommune.no")),
        Fjordvik("tildelingskontoret", "helse-og-omsorg", Helse, "leder.tildeling", DayOfWeek.Wednesday, "09:00", 15, "2023-10-02"),
        Fjordvik("barneverntjenesten", "oppvekst-og-kultur", Oppvekst, "leder.barnevern", DayOfWeek.Tuesday, "08:45", 15, "2025-03-03"),
        Fjordvik("pp-tjenesten", "oppvekst-og-kultur", Oppvekst, "leder.ppt", DayOfWeek.Thursday, "08:30", 15, "2026-06-01",
            new GuidancePeriod(Date("2026-06-01"), Date("2026-12-18"), "petter.aas@fjordvik.kommune.no")),
        Fjordvik("solbakken-barnehage", "oppvekst-og-kultur", Oppvekst, "leder.solbakken", DayOfWeek.Wednesday, "12:30", 15, "2024-01-08"),
        Fjordvik("kulturskolen", "oppvekst-og-kultur", Oppvekst, "leder.kulturskolen", DayOfWeek.Friday, "10:00", 15, "2025-08-18"),
        Fjordvik("byggesak", "samfunn-og-teknikk", Samfunn, "leder.byggesak", DayOfWeek.Thursday, "09:30", 15, "2023-04-11"),
        Fjordvik("vann-og-avlop", "samfunn-og-teknikk", Samfunn, "leder.vannavlop", DayOfWeek.Monday, "07:45", 15, "2024-05-06"),
        Fjordvik("eiendomsdrift", "samfunn-og-teknikk", Samfunn, "leder.eiendom", DayOfWeek.Friday, "08:15", 20, "2025-10-06"),
        Fjordvik("servicetorget", "samfunn-og-teknikk", Samfunn, "leder.servicetorget", DayOfWeek.Wednesday, "14:00", 15, "2026-09-07",
            new GuidancePeriod(Date("2026-09-07"), Date("2027-03-05"), "ingrid.solheim@fjordvik.kommune.no")),
    ];

    /// <summary>
    /// <paramref name="unitCount"/> units dealt round-robin to <paramref name="leaderCount"/> service-area leaders,
    /// three areas in five in Oslo and the rest in Stockholm; every tenth unit guided by one of six consultants
    /// sometime from October 2025 to September 2027; every 40th unit leader also leads the unit before (in
    /// another area), so people are shared across leaders' plans. Deterministic for a seed.
    /// </summary>
    public static IReadOnlyList<PlanningUnit> Synthetic(int unitCount, int leaderCount, int seed = 2027)
    {
        var random = new Random(seed);
        var units = new List<PlanningUnit>(unitCount);
        var starts = new[] { "07:45", "08:00", "08:15", "08:30", "08:45", "09:00", "10:00", "11:30", "12:00", "13:00", "14:00" };
        for (var i = 0; i < unitCount; i++)
        {
            var leader = i % leaderCount;
            var oslo = leader % 5 < 3;
            var unitLeader = i % 40 == 39 ? $"unitleader-{i - 1:0000}@synth.example" : $"unitleader-{i:0000}@synth.example";
            var meeting = new BoardMeeting(
                (DayOfWeek)random.Next(1, 6),
                TimeOnly.ParseExact(starts[random.Next(starts.Length)], "HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                random.Next(2) == 0 ? 15 : 20);
            var leanStart = new DateOnly(2022, 1, 3).AddDays(random.Next(0, 1300));
            GuidancePeriod? guidance = null;
            if (i % 10 == 3)
            {
                var from = new DateOnly(2025, 10, 1).AddDays(random.Next(0, 540));
                guidance = new GuidancePeriod(from, from.AddDays(random.Next(120, 210)), $"consultant-{random.Next(6)}@synth.example");
            }

            units.Add(new PlanningUnit(
                $"unit-{i:0000}",
                $"area-{leader:000}",
                $"leader-{leader:000}@synth.example",
                unitLeader,
                oslo ? "Europe/Oslo" : "Europe/Stockholm",
                oslo ? Country.Norway : Country.Sweden,
                leanStart,
                guidance,
                meeting));
        }

        return units;
    }

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static PlanningUnit Fjordvik(
        string id, string area, string leader, string unitLeader, DayOfWeek day, string time, int minutes, string leanStart, GuidancePeriod? guidance = null) =>
        new(
            id,
            area,
            leader,
            $"{unitLeader}@fjordvik.kommune.no",
            "Europe/Oslo",
            Country.Norway,
            Date(leanStart),
            guidance,
            new BoardMeeting(day, TimeOnly.ParseExact(time, "HH:mm", System.Globalization.CultureInfo.InvariantCulture), minutes));
}
