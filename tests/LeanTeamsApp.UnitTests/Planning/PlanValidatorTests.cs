using LeanTeamsApp.Features.Planning;
using static LeanTeamsApp.UnitTests.Planning.PlanningOrganisations;

namespace LeanTeamsApp.UnitTests.Planning;

/// <summary>The validator must find what is wrong, or the planner tests that rely on it prove nothing.</summary>
public sealed class PlanValidatorTests
{
    private static readonly PlanRequest Request = new(2027, Date("2026-12-01"), Demo());

    private static readonly Lazy<YearPlan> Valid = new(() => YearPlannerTests.PlanValid(Request));

    [Theory]
    [InlineData("walk on 17 May", "2027-05-17 is a public holiday")]
    [InlineData("walk in fellesferie", "2027-07-14 is in a blackout period")]
    [InlineData("leader double-booked", "minutes apart")]
    [InlineData("walk after its review", "not before its review")]
    [InlineData("review at 15:00", "outside working hours")]
    [InlineData("summer time written as winter time", "carries offset")]
    [InlineData("consultant left out during guidance", "the consultant should attend")]
    [InlineData("review dropped", "missing and not reported unplaced")]
    public void Violations_DeliberatelyBrokenPlan_NamesTheBrokenRule(string breakage, string expected)
    {
        var plan = Valid.Value;
        var broken = Break(plan.Appointments.ToList(), breakage);

        var violations = PlanValidator.Violations(Request, plan with { Appointments = broken });

        Assert.Contains(violations, v => v.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Violations_PlanFromThePlanner_IsEmpty() => Assert.Empty(PlanValidator.Violations(Request, Valid.Value));

    private static List<PlannedAppointment> Break(List<PlannedAppointment> appointments, string breakage)
    {
        var walk = appointments.First(a => a.Kind == AppointmentKind.GembaWalk);
        var review = appointments.Single(a => a.Id == walk.Id.Replace("GembaWalk", "SemiAnnualReview", StringComparison.Ordinal));
        void Replace(PlannedAppointment before, PlannedAppointment after) => appointments[appointments.IndexOf(before)] = after;
        switch (breakage)
        {
            case "walk on 17 May":
                Replace(walk, walk with { Start = Oslo("2027-05-17T10:00:00+02:00"), End = Oslo("2027-05-17T11:00:00+02:00") });
                break;
            case "walk in fellesferie":
                Replace(walk, walk with { Start = Oslo("2027-07-14T10:00:00+02:00"), End = Oslo("2027-07-14T11:00:00+02:00") });
                break;
            case "leader double-booked":
                var other = appointments.First(a => a.OwnerId == walk.OwnerId && a.UnitId != walk.UnitId && a.Kind == AppointmentKind.GembaWalk);
                Replace(other, other with { Start = walk.Start, End = walk.End });
                break;
            case "walk after its review":
                Replace(walk, walk with { Start = review.End.AddMinutes(30), End = review.End.AddMinutes(90) });
                break;
            case "review at 15:00":
                var day = review.Start.Date;
                Replace(review, review with { Start = new DateTimeOffset(day.AddHours(15), review.Start.Offset), End = new DateTimeOffset(day.AddHours(16.5), review.Start.Offset) });
                break;
            case "summer time written as winter time":
                var summer = appointments.First(a => a.Start.Offset == TimeSpan.FromHours(2));
                Replace(summer, summer with { Start = new DateTimeOffset(summer.Start.DateTime, TimeSpan.FromHours(1)), End = new DateTimeOffset(summer.End.DateTime, TimeSpan.FromHours(1)) });
                break;
            case "consultant left out during guidance":
                var guided = appointments.First(a => a.Kind == AppointmentKind.SemiAnnualReview && a.AttendeeIds.Any(p => p.StartsWith("ingrid", StringComparison.Ordinal)));
                Replace(guided, guided with { AttendeeIds = [.. guided.AttendeeIds.Where(p => !p.StartsWith("ingrid", StringComparison.Ordinal))] });
                break;
            case "review dropped":
                appointments.Remove(review);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }

        return appointments;
    }

    private static DateTimeOffset Oslo(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
