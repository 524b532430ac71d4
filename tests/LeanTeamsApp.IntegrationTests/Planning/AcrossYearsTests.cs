using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.UnitTests.Planning;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Planning;

/// <summary>
/// `gemba plan` in December, as the demo leaves it: this year's plan made on 1 December 2026 (its reviews all in
/// December), then next year's. Checked with the planner tests' independent validator against both years' plans.
/// </summary>
public sealed class AcrossYearsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 1);
    private readonly FakeTimeProvider _clock = new(Now);
    private BotHost _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" }, time: _clock);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private AppointmentStore Appointments => _bot.App.Services.GetRequiredService<AppointmentStore>();

    [Fact]
    public async Task GembaPlan_InDecemberWithoutAYear_PlansNextYearAndSaysSo()
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan", "en-GB"));

        Assert.Contains("The year wheel for 2027 is planned", said, StringComparison.Ordinal);
        Assert.Contains("From November on, \\\"gemba plan\\\" means next year, so this is the plan for 2027. Type \\\"gemba plan 2026\\\" to plan the rest of 2026", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not be placed", said, StringComparison.Ordinal);
        Assert.Empty(await Appointments.ListYearAsync(_bot.TenantId, 2026, default));
        Assert.Equal(48, (await Appointments.ListYearAsync(_bot.TenantId, 2027, default)).Count);
    }

    [Fact]
    public async Task GembaPlan_NextYearAfterADecemberPlan_EveryUnitsReviewsAre22To30WeeksApartAcrossNewYear()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2026"));
        var december = (await Appointments.ListYearAsync(_bot.TenantId, 2026, default)).Select(a => a.Plan).ToList();
        Assert.Contains(december, a => a.Kind == AppointmentKind.SemiAnnualReview);

        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan"));

        var next = (await Appointments.ListYearAsync(_bot.TenantId, 2027, default)).Select(a => a.Plan).ToList();
        var request = await RequestAsync(2027, december);
        var plan = new YearPlan(next, next, [], [], [], [], []);
        var violations = PlanValidator.Violations(request, plan);
        Assert.True(violations.Count == 0, string.Join('\n', violations));

        // And the rules in so many words, over both years' reviews and walks of each unit.
        var reviews = december.Concat(next).Where(a => a.Kind == AppointmentKind.SemiAnnualReview).ToLookup(a => a.UnitId);
        Assert.All(reviews, unit =>
        {
            var dates = unit.Select(a => DateOnly.FromDateTime(a.Start.DateTime)).Order().ToList();
            Assert.True(dates.Count >= 2, unit.Key);
            for (var i = 1; i < dates.Count; i++)
            {
                Assert.InRange(dates[i].DayNumber - dates[i - 1].DayNumber, 7 * 22, 7 * 30);
            }
        });
        foreach (var walk in december.Concat(next).Where(a => a.Kind == AppointmentKind.GembaWalk))
        {
            var review = december.Concat(next).Single(a => a.Id == walk.Id.Replace("GembaWalk", "SemiAnnualReview", StringComparison.Ordinal));
            var week = System.Globalization.ISOWeek.GetWeekOfYear(review.Start.DateTime);
            var walkWeek = System.Globalization.ISOWeek.GetWeekOfYear(walk.Start.DateTime);
            Assert.True(walk.End <= review.Start && (walkWeek == week || walkWeek == week - 1 || (week == 1 && walkWeek >= 52)), walk.Id);
        }
    }

    /// <summary>The request the plan answers, built from the organisation as the tests' own reading of it.</summary>
    private async Task<PlanRequest> RequestAsync(int year, IReadOnlyList<PlannedAppointment> neighbours)
    {
        var store = _bot.App.Store;
        var org = (await store.GetOrganisationAsync(_bot.TenantId, default))!;
        var areas = (await store.ListServiceAreasAsync(_bot.TenantId, default)).ToDictionary(a => a.Id);
        var units = (await store.ListUnitsAsync(_bot.TenantId, default))
            .Select(u => new PlanningUnit(u.Id, u.ServiceAreaId, areas[u.ServiceAreaId].LeaderId, u.LeaderId, u.TimeZone,
                Countries.FromTimeZone(u.TimeZone) ?? Country.Norway, u.LeanStart, u.Guidance, u.BoardMeeting))
            .ToList();
        List<BlackoutPeriod> blackouts = [.. org.HolidayPeriods, BlackoutPeriod.ChristmasWeek(year - 1), BlackoutPeriod.ChristmasWeek(year), BlackoutPeriod.CommonSummerHoliday(Country.Norway, year)];
        if (units.Any(u => u.Country == Country.Sweden))
        {
            blackouts.Add(BlackoutPeriod.CommonSummerHoliday(Country.Sweden, year));
        }

        return new PlanRequest(year, Today, units) { Rules = new PlannerRules { BlackoutPeriods = blackouts }, Neighbours = neighbours };
    }
}
