using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Digest;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Features.Weeks;

namespace LeanTeamsApp.UnitTests.Digest;

public sealed class WeeklyDigestTests
{
    // Friday 20 November 2026, 12:00 in Oslo: week 47's Monday-to-Friday meetings have all ended.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 11, 0, 0, TimeSpan.Zero);
    private static readonly IsoWeek Week = new(2026, 47);

    private static readonly ServiceArea Helse = new("helse", "Helse", ServiceAreaKind.ServiceArea, "tol.helse@k.no");
    private static readonly ServiceArea Teknikk = new("teknikk", "Teknikk", ServiceAreaKind.ServiceArea, "tol.teknikk@k.no");

    private static readonly Unit Nord = UnitIn("nord", "Hjemmetjenesten nord", "helse", DayOfWeek.Monday);
    private static readonly Unit Sor = UnitIn("sor", "Hjemmetjenesten sør", "helse", DayOfWeek.Tuesday);
    private static readonly Unit Bygg = UnitIn("bygg", "Byggesak", "teknikk", DayOfWeek.Wednesday);
    private static readonly Unit Torget = UnitIn("torget", "Servicetorget", "teknikk", DayOfWeek.Friday);

    [Fact]
    public void Compute_SeededWeek_CountsEachUnitAndTheOrganisation()
    {
        var weeks = new List<UnitWeek>
        {
            Held(Nord, Week) with { ImprovementsNew = 2, ImprovementsDone = 1, Deviations = 2, Benefits = [new(BenefitKind.TimeSaved, BenefitMeasure.Hours, 3.5m, ["bygg"])] },
            Held(Bygg, Week) with { ImprovementsNew = 1, HelpNeeded = "Verdistrømanalyse", Benefits = [new(BenefitKind.TimeSaved, BenefitMeasure.Hours, 2m, []), new(BenefitKind.Money, BenefitMeasure.Nok, 5000m, [])] },
            NotHeld(Torget, Week),
            Held(Nord, Week.Previous), Held(Nord, Week.Previous.Previous), Held(Nord, Week.Previous.Previous.Previous),
            Held(Bygg, Week.Previous),
        };
        var years = new List<UnitYear>
        {
            new("nord", 2026) { Benefits = [new(BenefitKind.TimeSaved, BenefitMeasure.Hours, 40m, [])] },
            new("bygg", 2026) { Benefits = [new(BenefitKind.TimeSaved, BenefitMeasure.Hours, 10m, []), new(BenefitKind.Money, BenefitMeasure.Nok, 5000m, [])] },
        };

        var digest = WeeklyDigest.Compute(Week, Now, [Helse, Teknikk], [Nord, Sor, Bygg, Torget], weeks, years, [], 2, (_, _) => false);

        var nord = digest.Units.Single(u => u.Unit.Id == "nord");
        Assert.Equal((true, true, true, 4, 4, 2, 1, 2, false), (nord.Expected, nord.Held, nord.Reported, nord.HeldInFourWeeks, nord.ExpectedInFourWeeks, nord.ImprovementsNew, nord.ImprovementsDone, nord.Deviations, nord.AtRisk));
        var sor = digest.Units.Single(u => u.Unit.Id == "sor");
        Assert.Equal((true, false, false, true, 0, true), (sor.Expected, sor.Held, sor.Reported, sor.Missing, sor.HeldInFourWeeks, sor.AtRisk));
        var torget = digest.Units.Single(u => u.Unit.Id == "torget");
        Assert.Equal((true, false, true, false, true), (torget.Expected, torget.Held, torget.Reported, torget.Missing, torget.AtRisk));
        Assert.Equal([new BenefitSum(BenefitKind.TimeSaved, BenefitMeasure.Hours, 5.5m, ["bygg"]), new BenefitSum(BenefitKind.Money, BenefitMeasure.Nok, 5000m, [])], digest.BenefitsThisWeek, new BenefitComparer());
        Assert.Equal([new BenefitSum(BenefitKind.TimeSaved, BenefitMeasure.Hours, 50m, []), new BenefitSum(BenefitKind.Money, BenefitMeasure.Nok, 5000m, [])], digest.BenefitsThisYear, new BenefitComparer());
        var silo = Assert.Single(digest.Silos);
        Assert.Equal(("nord", 3.5m, "bygg"), (silo.Unit.Id, silo.Benefit.Amount, silo.Affected.Single().Id));
        Assert.Equal(2, digest.OverdueFollowUps);
    }

    [Fact]
    public void Compute_Areas_BiggestConcernsFirst()
    {
        var weeks = new List<UnitWeek> { Held(Nord, Week), Held(Sor, Week), Held(Bygg, Week) with { HelpNeeded = "Hjelp" } };

        var digest = WeeklyDigest.Compute(Week, Now, [Helse, Teknikk], [Nord, Sor, Bygg, Torget], weeks, [], [], 0, (_, _) => false);

        Assert.Equal(["teknikk", "helse"], digest.Areas.Select(a => a.Area.Id));
        Assert.Equal(["torget", "bygg"], digest.Areas[0].Units.Select(u => u.Unit.Id));
    }

    [Fact]
    public void Compute_MeetingLaterTodayOrOnADayOff_IsNotExpected()
    {
        var thursdayMorning = new DateTimeOffset(2026, 11, 19, 7, 0, 0, TimeSpan.Zero);

        var digest = WeeklyDigest.Compute(Week, thursdayMorning, [Helse, Teknikk], [Nord, Sor, Bygg, Torget], [], [], [], 0,
            (unit, date) => unit.Id == "nord" && date == new DateOnly(2026, 11, 16));

        Assert.Equal(["bygg", "sor"], digest.Units.Where(u => u.Expected).Select(u => u.Unit.Id).Order(StringComparer.Ordinal));
        Assert.Equal(3, digest.Units.Single(u => u.Unit.Id == "nord").ExpectedInFourWeeks);
    }

    [Fact]
    public void Compute_Appointments_UpcomingInTwoWeeksAndOverdueWhenNotRecorded()
    {
        Appointment At(string id, int daysFromNow, AppointmentStatus status = AppointmentStatus.Planned) => new(2026,
            new PlannedAppointment(id, AppointmentKind.GembaWalk, "nord", "tol.helse@k.no", [], Now.AddDays(daysFromNow), Now.AddDays(daysFromNow).AddHours(1)), status);

        var digest = WeeklyDigest.Compute(Week, Now, [Helse], [Nord], [], [], [At("past", -3), At("recorded", -2, AppointmentStatus.Done), At("soon", 5), At("later", 20)], 0, (_, _) => false);

        Assert.Equal(["soon"], digest.Upcoming.Select(a => a.Id));
        Assert.Equal(["past"], digest.Overdue.Select(a => a.Id));
    }

    private static UnitWeek Held(Unit unit, IsoWeek week) => new(unit.Id, week) { Reported = true, Held = true };

    private static UnitWeek NotHeld(Unit unit, IsoWeek week) => new(unit.Id, week) { Reported = true, Held = false };

    private static Unit UnitIn(string id, string name, string area, DayOfWeek day) =>
        new(id, name, area, $"leder.{id}@k.no", [], "Europe/Oslo", new BoardMeeting(day, new TimeOnly(8, 30), 15), new DateOnly(2024, 1, 8), null, null);

    private sealed class BenefitComparer : IEqualityComparer<BenefitSum>
    {
        public bool Equals(BenefitSum? x, BenefitSum? y) =>
            x is not null && y is not null && (x.Kind, x.Measure, x.Amount) == (y.Kind, y.Measure, y.Amount) && x.AffectsUnitIds.SequenceEqual(y.AffectsUnitIds);

        public int GetHashCode(BenefitSum obj) => HashCode.Combine(obj.Kind, obj.Measure, obj.Amount);
    }
}
