using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.IntegrationTests.Organisation;

/// <summary>The query the check-in scheduler runs: which units' board meetings ended in this window, in their own zone.</summary>
public sealed class MeetingWindowTests : IAsyncLifetime
{
    private const string File = """
        tenantId: "{tenant}"
        name: Gränsby
        timeZone: Europe/Oslo
        serviceAreas:
          - { id: omsorg, name: Omsorg, leader: chef@gransby.se }
        people:
          - { email: chef@gransby.se, name: Chef }
        units:
          - { id: oslo-monday, name: Oslo, serviceArea: omsorg, leader: chef@gransby.se, boardMeeting: { weekday: monday, time: "09:00", minutes: 15 }, leanStart: 2025-01-06 }
          - { id: stockholm-monday, name: Stockholm, serviceArea: omsorg, leader: chef@gransby.se, timeZone: Europe/Stockholm, boardMeeting: { weekday: måndag, time: "09:00", minutes: 15 }, leanStart: 2025-01-06 }
          - { id: late-sunday, name: Sunday night, serviceArea: omsorg, leader: chef@gransby.se, boardMeeting: { weekday: sunday, time: "23:50", minutes: 20 }, leanStart: 2025-01-06 }
          - { id: helsinki, name: Helsinki, serviceArea: omsorg, leader: chef@gransby.se, timeZone: Europe/Helsinki, boardMeeting: { weekday: monday, time: "10:00", minutes: 15 }, leanStart: 2025-01-06 }
        """;

    private AppFactory _app = null!;
    private string _tenant = null!;

    public async Task InitializeAsync()
    {
        _app = await AppFactory.StartAsync();
        _tenant = TestTenants.New();
        var result = await _app.ImportAsync(_tenant, "gransby.yaml", File.Replace("{tenant}", _tenant, StringComparison.Ordinal));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    // Winter (CET/EET): 09:15 Oslo and Stockholm = 08:15 UTC; 10:15 Helsinki = 08:15 UTC too.
    [InlineData("2026-03-23T08:10:00Z", "2026-03-23T08:20:00Z", "helsinki,oslo-monday,stockholm-monday")]
    // The Monday after the spring change (29 March): 09:15 local is 07:15 UTC; 08:15 UTC is no longer a meeting end.
    [InlineData("2026-03-30T08:10:00Z", "2026-03-30T08:20:00Z", "")]
    [InlineData("2026-03-30T07:10:00Z", "2026-03-30T07:20:00Z", "helsinki,oslo-monday,stockholm-monday")]
    // The Monday after the autumn change (25 October): back to 08:15 UTC.
    [InlineData("2026-10-26T08:14:00Z", "2026-10-26T08:16:00Z", "helsinki,oslo-monday,stockholm-monday")]
    // The end instant itself counts, the window's end does not.
    [InlineData("2026-10-26T08:15:00Z", "2026-10-26T08:15:01Z", "helsinki,oslo-monday,stockholm-monday")]
    [InlineData("2026-10-26T08:14:00Z", "2026-10-26T08:15:00Z", "")]
    // A meeting that runs past midnight ends on Monday 00:10 local = Sunday 23:10 UTC in winter.
    [InlineData("2026-11-22T23:00:00Z", "2026-11-22T23:30:00Z", "late-sunday")]
    public async Task ListUnitsWithMeetingEnding_Window_FindsUnitsByLocalTime(string from, string to, string expected)
    {
        var units = await _app.Store.ListUnitsWithMeetingEndingAsync(_tenant, DateTimeOffset.Parse(from, null), DateTimeOffset.Parse(to, null), default);

        Assert.Equal(expected, string.Join(',', units.Select(u => u.Id)));
    }

    [Fact]
    public async Task ListUnitsWithMeetingEnding_UnitMovedToAnotherTime_IsFoundOnlyAtTheNewTime()
    {
        var unit = await _app.Store.GetUnitAsync(_tenant, "oslo-monday", default);
        var saved = await _app.Store.SaveUnitAsync(_tenant, unit! with { BoardMeeting = new BoardMeeting(DayOfWeek.Wednesday, new TimeOnly(12, 0), 15) }, default);
        Assert.Equal(WriteOutcome.Written, saved.Outcome);

        var oldSlot = await _app.Store.ListUnitsWithMeetingEndingAsync(_tenant, DateTimeOffset.Parse("2026-11-23T08:14:00Z", null), DateTimeOffset.Parse("2026-11-23T08:16:00Z", null), default);
        var newSlot = await _app.Store.ListUnitsWithMeetingEndingAsync(_tenant, DateTimeOffset.Parse("2026-11-25T11:14:00Z", null), DateTimeOffset.Parse("2026-11-25T11:16:00Z", null), default);

        Assert.DoesNotContain(oldSlot, u => u.Id == "oslo-monday");
        Assert.Equal(["oslo-monday"], newSlot.Select(u => u.Id));
    }
}
