using LeanTeamsApp.Features.Reviews;

namespace LeanTeamsApp.UnitTests.Reviews;

public sealed class FollowUpCountTests
{
    private static readonly DateOnly From = new(2026, 7, 1);
    private static readonly DateOnly To = new(2026, 9, 30);

    [Fact]
    public void Count_AreasAroundAQuarter_OpenedClosedOpenAndOverdueAtItsEnd()
    {
        FollowUpArea Area(string id, string created, string deadline, string? closed = null) =>
            new(id, "byggesak", id, "leder@k.no", DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture),
                closed is null ? FollowUpStatus.Open : FollowUpStatus.Closed, "walk", DateTimeOffset.Parse(created, System.Globalization.CultureInfo.InvariantCulture))
            {
                ClosedAt = closed is null ? null : DateTimeOffset.Parse(closed, System.Globalization.CultureInfo.InvariantCulture),
            };

        var count = FollowUps.Count(
            [
                Area("before-still-open-overdue", "2026-05-01T10:00Z", "2026-06-01"),
                Area("before-closed-in", "2026-05-01T10:00Z", "2026-08-01", "2026-08-15T10:00Z"),
                Area("in-open", "2026-08-01T10:00Z", "2026-12-01"),
                Area("in-closed-in", "2026-08-01T10:00Z", "2026-09-01", "2026-09-10T10:00Z"),
                Area("in-closed-after", "2026-09-01T10:00Z", "2026-09-15", "2026-10-10T10:00Z"),
                Area("after", "2026-10-02T10:00Z", "2026-11-01"),
            ],
            From,
            To);

        Assert.Equal(new FollowUpCount(Opened: 3, Closed: 2, OpenAtEnd: 3, OverdueAtEnd: 2), count);
    }
}
