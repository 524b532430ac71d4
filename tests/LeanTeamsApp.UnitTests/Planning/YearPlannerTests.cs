using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using static LeanTeamsApp.UnitTests.Planning.PlanningOrganisations;

namespace LeanTeamsApp.UnitTests.Planning;

public sealed class YearPlannerTests
{
    [Fact]
    public void Plan_DemoUnits2027_EveryUnitGetsTwoReviewsAndTwoWalksWithoutViolations()
    {
        var request = new PlanRequest(2027, Date("2026-12-01"), Demo())
        {
            FishboneDue = [FishboneDue.SixMonthsAfter("fjordtun-sykehjem", Date("2026-08-17")), FishboneDue.SixMonthsAfter("servicetorget", Date("2026-09-07"))],
        };

        var plan = PlanValid(request);

        AssertTwoReviewsAndTwoWalksPerUnit(request, plan);
        Assert.Equal(2, plan.Appointments.Count(a => a.Kind == AppointmentKind.FishboneAnalysis));
    }

    [Theory]
    [InlineData(2026)]
    [InlineData(2027)]
    public void Plan_Synthetic600UnitsAnd40Leaders_EveryUnitGetsTwoReviewsAndTwoWalksWithoutViolations(int year)
    {
        var request = Synthetic600(year);

        var plan = PlanValid(request);

        AssertTwoReviewsAndTwoWalksPerUnit(request, plan);
        Assert.Equal(request.FishboneDue.Count, plan.Appointments.Count(a => a.Kind == AppointmentKind.FishboneAnalysis));
        Assert.Contains(plan.Appointments, a => a.Kind == AppointmentKind.SemiAnnualReview && a.AttendeeIds.Any(p => p.StartsWith("consultant-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Plan_Synthetic600Units_WalksOfEachLeaderAreSpreadOverTheHalf()
    {
        var plan = PlanValid(Synthetic600(2027));

        // 15 units per leader over about 20 usable weeks per half: no leader should need more than two walks in a
        // week, and each half's walks should reach over most of the half, not bunch at its start.
        foreach (var leader in plan.Appointments.Where(a => a.Kind == AppointmentKind.GembaWalk).GroupBy(a => a.OwnerId))
        {
            Assert.True(leader.GroupBy(w => System.Globalization.ISOWeek.GetWeekOfYear(w.Start.DateTime)).Max(g => g.Count()) <= 2, leader.Key);
            foreach (var half in leader.GroupBy(w => w.Start.Month <= 6))
            {
                var span = half.Max(w => w.Start) - half.Min(w => w.Start);
                Assert.True(span > TimeSpan.FromDays(7 * 14), $"{leader.Key}: walks of one half span only {span.TotalDays} days");
            }
        }
    }

    [Fact]
    public void Plan_SameRequestWithItsOwnPlanAsExisting_ChangesNothing()
    {
        var request = Synthetic600(2027);
        var first = PlanValid(request);

        var second = PlanValid(request with { Existing = first.Appointments });

        Assert.Equal(0, second.ChangeCount);
        Assert.Equal(first.Appointments, second.Appointments);
        Assert.Equal(first.Appointments.Count, second.Unchanged.Count);
    }

    [Fact]
    public void Plan_LeaderAddedForTheUnitsAnOverloadedLeaderCouldNotFit_OnlyThoseUnitsAppointmentsChange()
    {
        // leader-000 gets 25 units and may walk once a week: H2 has fewer usable weeks than that.
        var units = Synthetic(600, 40).ToList();
        for (var i = 0; i < 10; i++)
        {
            units[(i * 40) + 1] = units[(i * 40) + 1] with { LeaderId = "leader-000@synth.example", ServiceAreaId = "area-000", TimeZone = "Europe/Oslo", Country = Country.Norway };
        }

        var before = new PlanRequest(2027, Date("2026-12-01"), units) { Rules = new PlannerRules { MaxWalksPerLeaderPerWeek = 1 } };
        var first = PlanValid(before);
        var taken = first.Unplaced.Select(u => u.UnitId).ToHashSet();
        Assert.Equal(3, taken.Count);
        Assert.All(taken, id => Assert.Equal("leader-000@synth.example", units.Single(u => u.UnitId == id).LeaderId));

        var after = units.Select(u => taken.Contains(u.UnitId) ? u with { LeaderId = "leader-new@synth.example", ServiceAreaId = "area-new" } : u).ToList();
        var second = PlanValid(before with { Units = after, Existing = first.Appointments });

        Assert.Empty(second.Unplaced);
        Assert.Empty(second.Cancelled);
        var changed = second.Added.Concat(second.Moved.Select(c => c.After)).Concat(second.Reassigned.Select(c => c.After)).ToList();
        Assert.All(changed, a => Assert.Contains(a.UnitId, taken));
        Assert.Equal(taken.Count * 4, changed.Count);
        Assert.All(second.Appointments.Where(a => taken.Contains(a.UnitId)), a => Assert.Equal("leader-new@synth.example", a.OwnerId));
        Assert.Equal(first.Appointments.Count(a => !taken.Contains(a.UnitId)), second.Unchanged.Count);
    }

    [Fact]
    public void Plan_WeeklyWalkLimitLowered_OnlyWalksOverTheNewLimitMove()
    {
        var request = Synthetic600(2027);
        var first = PlanValid(request);
        var crowded = first.Appointments
            .Where(a => a.Kind == AppointmentKind.GembaWalk)
            .GroupBy(a => (a.OwnerId, System.Globalization.ISOWeek.GetWeekOfYear(a.Start.DateTime)))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(a => a.UnitId))
            .ToHashSet();
        Assert.NotEmpty(crowded);

        var second = PlanValid(request with { Rules = new PlannerRules { MaxWalksPerLeaderPerWeek = 1 }, Existing = first.Appointments });

        Assert.Empty(second.Unplaced);
        Assert.Empty(second.Cancelled);
        Assert.NotEmpty(second.Moved);
        Assert.All(second.Moved, c => Assert.Contains(c.Before.UnitId, crowded));
        Assert.True(second.Moved.Count(c => c.After.Kind == AppointmentKind.GembaWalk) <= crowded.Count / 2, "at most one walk per crowded week moves");
    }

    [Fact]
    public void Plan_UnitMovedToAnotherArea_OnlyThatUnitsAppointmentsChange()
    {
        var request = Synthetic600(2027);
        var first = PlanValid(request);
        var moved = request.Units[5] with { ServiceAreaId = "area-012", LeaderId = "leader-012@synth.example" };

        var second = PlanValid(request with { Units = [.. request.Units.Select(u => u.UnitId == moved.UnitId ? moved : u)], Existing = first.Appointments });

        Assert.Empty(second.Added);
        Assert.Empty(second.Cancelled);
        Assert.All(second.Moved.Concat(second.Reassigned), c => Assert.Equal(moved.UnitId, c.After.UnitId));
        Assert.Equal(4, second.Moved.Count + second.Reassigned.Count);
        Assert.All(second.Appointments.Where(a => a.UnitId == moved.UnitId), a => Assert.Equal(moved.LeaderId, a.OwnerId));
        Assert.Equal(first.Appointments.Count - 4, second.Unchanged.Count);
    }

    [Fact]
    public void Plan_UnitRemoved_ItsFutureAppointmentsAreCancelledAndNothingElseChanges()
    {
        var request = Synthetic600(2027);
        var first = PlanValid(request);
        var removed = request.Units[17].UnitId;

        var second = PlanValid(request with { Units = [.. request.Units.Where(u => u.UnitId != removed)], Existing = first.Appointments });

        Assert.Equal(first.Appointments.Where(a => a.UnitId == removed).Select(a => a.Id).Order(), second.Cancelled.Select(a => a.Id).Order());
        Assert.Equal(first.Appointments.Count - second.Cancelled.Count, second.Unchanged.Count);
        Assert.Equal(second.Cancelled.Count, second.ChangeCount);
    }

    [Fact]
    public void Plan_UnitMovedInApril_WhatHappenedStaysAndNothingIsPlannedBeforeToday()
    {
        var request = Synthetic600(2027);
        var first = PlanValid(request);
        var today = Date("2027-04-15");
        var unit = request.Units.First(u => first.Appointments.Any(a => a.UnitId == u.UnitId && a.Kind == AppointmentKind.SemiAnnualReview && DateOnly.FromDateTime(a.Start.DateTime) < today));
        var moved = unit with { ServiceAreaId = "area-013", LeaderId = "leader-013@synth.example" };

        var second = PlanValid(request with { Today = today, Units = [.. request.Units.Select(u => u.UnitId == unit.UnitId ? moved : u)], Existing = first.Appointments });

        var h1Review = second.Appointments.Single(a => a.Id == PlannedAppointment.IdFor(AppointmentKind.SemiAnnualReview, unit.UnitId, 2027, 1));
        Assert.Equal(first.Appointments.Single(a => a.Id == h1Review.Id), h1Review);
        Assert.Equal(unit.LeaderId, h1Review.OwnerId);
        Assert.All(second.Appointments.Where(a => a.UnitId == unit.UnitId && a.Start.Month >= 7), a => Assert.Equal(moved.LeaderId, a.OwnerId));
        Assert.All(second.Added.Concat(second.Moved.Select(c => c.After)), a => Assert.True(DateOnly.FromDateTime(a.Start.DateTime) > today, a.Id));
    }

    [Fact]
    public void Plan_NextYearAfterADecemberPlan_FirstReviewsAre22To30WeeksAfterDecembersAndNobodyIsDoubleBooked()
    {
        // Planned on 1 December, this year's reviews all fall in December; next year's first ones must wait for them.
        var today = Date("2026-12-01");
        var december = PlanValid(new PlanRequest(2026, today, Demo()));
        Assert.Contains(december.Appointments, a => a.Kind == AppointmentKind.SemiAnnualReview && a.Start.Month == 12);

        var next = new PlanRequest(2027, today, Demo()) { Neighbours = december.Appointments };
        var plan = PlanValid(next);

        AssertTwoReviewsAndTwoWalksPerUnit(next, plan);
        foreach (var previous in december.Appointments.Where(a => a.Kind == AppointmentKind.SemiAnnualReview))
        {
            var first = plan.Appointments.Single(a => a.Id == PlannedAppointment.IdFor(AppointmentKind.SemiAnnualReview, previous.UnitId, 2027, 1));
            Assert.InRange((first.Start - previous.Start).TotalDays, 7 * 22 - 1, 7 * 30 + 1);
        }
    }

    [Fact]
    public void Plan_ExistingNextYearPlanMadeWithoutTheDecemberReviews_MovesOnlyTheReviewsTooCloseAndTheirWalks()
    {
        var today = Date("2026-12-01");
        var december = PlanValid(new PlanRequest(2026, today, Demo()));
        var blind = YearPlanner.Plan(new PlanRequest(2027, today, Demo()));
        var request = new PlanRequest(2027, today, Demo()) { Neighbours = december.Appointments, Existing = blind.Appointments };
        // The validator sees what the planner did not: the first reviews of 2027 too soon after December's.
        Assert.Contains(PlanValidator.Violations(request, blind), v => v.Contains("weeks apart, not 22-30", StringComparison.Ordinal));

        var plan = PlanValid(request);

        Assert.Empty(plan.Unplaced);
        Assert.NotEmpty(plan.Moved);
        Assert.Empty(plan.Added);
        Assert.Empty(plan.Cancelled);
        var tooClose = december.Appointments
            .Where(a => a.Kind == AppointmentKind.SemiAnnualReview)
            .Select(a => (Unit: a.UnitId, Days: (blind.Appointments.Single(b => b.Id == PlannedAppointment.IdFor(AppointmentKind.SemiAnnualReview, a.UnitId, 2027, 1)).Start - a.Start).TotalDays))
            .Where(x => x.Days < 7 * 22)
            .Select(x => x.Unit)
            .ToHashSet();
        Assert.All(plan.Moved, c => Assert.Contains(c.After.UnitId, tooClose));
    }

    [Fact]
    public void Plan_ThisYearWithTheNextYearsPlanStored_LastReviewsAre22To30WeeksBeforeNextYearsFirst()
    {
        var next = PlanValid(new PlanRequest(2027, Date("2026-06-01"), Demo()));

        var request = new PlanRequest(2026, Date("2026-06-01"), Demo()) { Neighbours = next.Appointments };
        var plan = PlanValid(request);

        var h2 = plan.Appointments.Where(a => a.Kind == AppointmentKind.SemiAnnualReview && a.Id.EndsWith("|H2", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(h2);
        Assert.All(h2, review =>
        {
            var following = next.Appointments.Single(a => a.Id == PlannedAppointment.IdFor(AppointmentKind.SemiAnnualReview, review.UnitId, 2027, 1));
            Assert.InRange((following.Start - review.Start).TotalDays, 7 * 22 - 1, 7 * 30 + 1);
        });
    }

    [Fact]
    public void Plan_AppointmentCancelledByHand_IsNotPlannedAgainAndItsReviewStands()
    {
        var request = new PlanRequest(2027, Date("2026-12-01"), Demo());
        var first = PlanValid(request);
        var walk = first.Appointments.First(a => a.Kind == AppointmentKind.GembaWalk);
        var kept = first.Appointments.Where(a => a.Id != walk.Id).ToList();

        var second = PlanValid(request with { Existing = kept, Withdrawn = [walk.Id] });

        Assert.DoesNotContain(second.Appointments, a => a.Id == walk.Id);
        Assert.DoesNotContain(second.Unplaced, u => u.Id == walk.Id);
        Assert.Equal(0, second.ChangeCount);
    }

    [Fact]
    public void Plan_OwnerGivenByHand_KeepsThatOwnerAndInvitesTheUnitLeader()
    {
        var request = new PlanRequest(2027, Date("2026-12-01"), Demo());
        var first = PlanValid(request);
        var review = first.Appointments.First(a => a.Kind == AppointmentKind.SemiAnnualReview);
        var deputy = "stedfortreder@fjordvik.kommune.no";
        var reassigned = review with { OwnerId = deputy };

        var second = PlanValid(request with
        {
            Existing = [.. first.Appointments.Select(a => a.Id == review.Id ? reassigned : a)],
            Owners = new Dictionary<string, string> { [review.Id] = deputy },
        });

        Assert.Equal(0, second.ChangeCount);
        Assert.Equal(deputy, second.Appointments.Single(a => a.Id == review.Id).OwnerId);
    }

    [Fact]
    public void Plan_ConsultantAssignedToAUnit_ReviewsGetTheConsultantAtTheSameTime()
    {
        var request = Synthetic600(2027);
        var first = PlanValid(request);
        var unit = request.Units.First(u => u.Guidance is null);
        var guided = unit with { Guidance = new GuidancePeriod(Date("2027-01-01"), Date("2027-12-31"), "consultant-new@synth.example") };

        var second = PlanValid(request with { Units = [.. request.Units.Select(u => u.UnitId == unit.UnitId ? guided : u)], Existing = first.Appointments });

        Assert.Empty(second.Moved);
        Assert.Equal(2, second.Reassigned.Count);
        Assert.All(second.Reassigned, c =>
        {
            Assert.Equal(AppointmentKind.SemiAnnualReview, c.After.Kind);
            Assert.Equal(c.Before.Start, c.After.Start);
            Assert.Contains("consultant-new@synth.example", c.After.AttendeeIds);
        });
    }

    [Fact]
    public void Plan_FishboneDue_IsOwnedByTheLeaderAfterTodayAndBeforeTheSixMonthMark()
    {
        var units = Demo();
        var fjordtun = units.Single(u => u.UnitId == "fjordtun-sykehjem");
        var request = new PlanRequest(2027, Date("2026-12-01"), units) { FishboneDue = [FishboneDue.SixMonthsAfter(fjordtun.UnitId, fjordtun.LeanStart)] };

        var analysis = PlanValid(request).Appointments.Single(a => a.Kind == AppointmentKind.FishboneAnalysis);

        Assert.Equal(fjordtun.LeaderId, analysis.OwnerId);
        Assert.Contains("ingrid.solheim@fjordvik.kommune.no", analysis.AttendeeIds);
        Assert.InRange(DateOnly.FromDateTime(analysis.Start.DateTime), Date("2026-12-02"), Date("2027-02-16"));
    }

    [Fact]
    public void Plan_FishboneDeadlineTomorrow_IsReportedUnplacedNotThrown()
    {
        var request = new PlanRequest(2027, Date("2027-03-10"), Demo()) { FishboneDue = [new FishboneDue("servicetorget", Date("2027-03-11"))] };

        var plan = PlanValid(request);

        var unplaced = Assert.Single(plan.Unplaced);
        Assert.Equal(AppointmentKind.FishboneAnalysis, unplaced.Kind);
        Assert.Contains("2027-03-11", unplaced.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_UnitWithUnknownTimeZone_IsReportedUnplacedAndTheOthersArePlanned()
    {
        var units = Demo().Select(u => u.UnitId == "byggesak" ? u with { TimeZone = "Europe/Atlantis" } : u).ToList();
        var request = new PlanRequest(2027, Date("2026-12-01"), units);

        var plan = YearPlanner.Plan(request);

        Assert.Equal(4, plan.Unplaced.Count(u => u.UnitId == "byggesak" && u.Reason.Contains("Europe/Atlantis", StringComparison.Ordinal)));
        Assert.Equal(11 * 4, plan.Appointments.Count);
    }

    // 28 March 2027 and 31 October 2027 are the Sundays on which Europe changes clocks.
    [Theory]
    [InlineData("Europe/Oslo", "2027-03-26", "2027-03-31", "2027-03-30T08:30:00+02:00")]
    [InlineData("Europe/Stockholm", "2027-03-26", "2027-03-31", "2027-03-30T08:30:00+02:00")]
    [InlineData("Europe/Oslo", "2027-10-29", "2027-11-03", "2027-11-02T08:30:00+01:00")]
    public void Plan_FishboneJustAfterAClockChange_StartsAtLocalWorkdayStartWithTheNewOffset(string zone, string today, string deadline, string expected)
    {
        var unit = Demo()[0] with { TimeZone = zone, Country = zone == "Europe/Oslo" ? Country.Norway : Country.Sweden };
        var request = new PlanRequest(2027, Date(today), [unit]) { FishboneDue = [new FishboneDue(unit.UnitId, Date(deadline))] };

        var analysis = PlanValid(request).Appointments.Single(a => a.Kind == AppointmentKind.FishboneAnalysis);

        var start = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(start, analysis.Start);
        Assert.Equal(start.Offset, analysis.Start.Offset);
    }

    [Fact]
    public void Plan_Synthetic600Units_EveryTimeIsOnTheLocalGridInBothWinterAndSummerTime()
    {
        var request = Synthetic600(2027);

        var plan = PlanValid(request);

        var zones = request.Units.ToDictionary(u => u.UnitId, u => TimeZoneInfo.FindSystemTimeZoneById(u.TimeZone));
        Assert.All(plan.Appointments, a =>
        {
            var local = TimeZoneInfo.ConvertTime(a.Start, zones[a.UnitId]);
            Assert.Equal(local.Offset, a.Start.Offset);
            Assert.Equal(0, ((local.Hour * 60) + local.Minute - ((8 * 60) + 30)) % 30);
        });
        Assert.Contains(plan.Appointments, a => a.Start.Offset == TimeSpan.FromHours(1));
        Assert.Contains(plan.Appointments, a => a.Start.Offset == TimeSpan.FromHours(2));
    }

    [Fact]
    public void Plan_DuplicateUnitIds_Throws()
    {
        var units = Demo();

        Assert.Throws<ArgumentException>(() => YearPlanner.Plan(new PlanRequest(2027, Date("2026-12-01"), [.. units, units[0]])));
    }

    [Theory]
    [InlineData(AppointmentKind.SemiAnnualReview, "unit-1", 2027, 1)]
    [InlineData(AppointmentKind.FishboneAnalysis, "a|b", 2028, 2)]
    public void TryParseId_IdFromIdFor_RoundTrips(AppointmentKind kind, string unitId, int year, int half)
    {
        Assert.True(PlannedAppointment.TryParseId(PlannedAppointment.IdFor(kind, unitId, year, half), out var k, out var u, out var y, out var h));
        Assert.Equal((kind, unitId, year, half), (k, u, y, h));
    }

    internal static PlanRequest Synthetic600(int year)
    {
        var units = Synthetic(600, 40);
        var today = new DateOnly(year - 1, 12, 1);
        return new PlanRequest(year, today, units)
        {
            FishboneDue = [.. units.Where((_, i) => i % 30 == 7).Select((u, i) => new FishboneDue(u.UnitId, today.AddDays(20 + (i * 7))))],
        };
    }

    internal static YearPlan PlanValid(PlanRequest request)
    {
        var plan = YearPlanner.Plan(request);
        var violations = PlanValidator.Violations(request, plan);
        Assert.True(violations.Count == 0, $"{violations.Count} violations:\n{string.Join('\n', violations.Take(30))}\nunplaced:\n{string.Join('\n', plan.Unplaced.Take(10))}");
        return plan;
    }

    private static void AssertTwoReviewsAndTwoWalksPerUnit(PlanRequest request, YearPlan plan)
    {
        Assert.Empty(plan.Unplaced);
        var byUnit = plan.Appointments.ToLookup(a => a.UnitId);
        Assert.All(request.Units, unit =>
        {
            Assert.Equal(2, byUnit[unit.UnitId].Count(a => a.Kind == AppointmentKind.SemiAnnualReview));
            Assert.Equal(2, byUnit[unit.UnitId].Count(a => a.Kind == AppointmentKind.GembaWalk));
        });
    }
}
