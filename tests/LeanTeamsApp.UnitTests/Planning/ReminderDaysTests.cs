using System.Globalization;
using LeanTeamsApp.Features.Planning;

namespace LeanTeamsApp.UnitTests.Planning;

/// <summary>"In 3 days" counts calendar dates in the unit's zone, not 24-hour spans rounded up.</summary>
public sealed class ReminderDaysTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    [Theory]
    // Monday morning to Thursday mid-morning: three dates ahead, though it is 3 days and 2 hours.
    [InlineData("2026-12-07T08:00:00+01:00", "2026-12-10T10:00:00+01:00", 3)]
    [InlineData("2026-12-07T15:59:00+01:00", "2026-12-10T08:00:00+01:00", 3)]
    // A minute before midnight and just after: the date, not the hours, decides.
    [InlineData("2026-12-07T23:59:00+01:00", "2026-12-08T00:30:00+01:00", 1)]
    [InlineData("2026-12-08T00:01:00+01:00", "2026-12-08T23:00:00+01:00", 0)]
    // 23:30 UTC is already Tuesday in Oslo.
    [InlineData("2026-12-07T23:30:00+00:00", "2026-12-10T10:00:00+01:00", 2)]
    // The spring-forward night (28 March 2027) and the fall-back night (31 October 2027) are one day each.
    [InlineData("2027-03-27T12:00:00+01:00", "2027-03-29T09:00:00+02:00", 2)]
    [InlineData("2027-03-28T00:30:00+01:00", "2027-03-28T23:30:00+02:00", 0)]
    [InlineData("2027-10-30T23:30:00+02:00", "2027-10-31T23:00:00+01:00", 1)]
    [InlineData("2027-10-24T10:00:00+02:00", "2027-10-31T09:00:00+01:00", 7)]
    public void CalendarDaysUntil_InOslo_CountsDatesNotHours(string now, string start, int expected) =>
        Assert.Equal(expected, PlanningCards.CalendarDaysUntil(
            DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), DateTimeOffset.Parse(start, CultureInfo.InvariantCulture), Oslo));
}
