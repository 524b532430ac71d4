using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Weeks;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace LeanTeamsApp.IntegrationTests.CheckIns;

/// <summary>
/// The storage calls one check-in submit makes, counted in Azurite's own access log as the benchmarks count them: a
/// submit is bound by storage, so a call more is a regression this test names. The service has an Azurite of its own
/// and a fake clock (no scheduler, no outbox poll), so every table request in the log is the submit's.
/// </summary>
public sealed class SubmitStorageCallsTests(ITestOutputHelper output) : IAsyncLifetime
{
    // A Wednesday: Byggesak's latest board meeting was Thursday 19 November, and its check-in is still open.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private Azurite _azurite = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        _bot = await BotHost.StartAsync(time: _clock, storage: _azurite);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Submit_FullCardWithRecords_MakesTheExpectedStorageCalls()
    {
        // A turn first: what a running service has done once (tables known, caches filled) is not the submit's.
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "statusrapport"));

        var requests = await SubmitAsync("byggesak", _bot.ByggesakLeader);

        var table = requests.Where(r => !r.Contains("/outbox-", StringComparison.Ordinal)).ToList();
        output.WriteLine(string.Join('\n', requests));
        Assert.Equal(ExpectedTableCalls, table.Count);
        Assert.Single(requests, r => r.Contains("/outbox-", StringComparison.Ordinal));
        // Fewer calls must not mean less done: the records are there and the week counts them.
        var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!;
        var meeting = MeetingClock.Latest(unit, _clock.GetUtcNow());
        var services = _bot.App.Services;
        Assert.Equal(2, (await services.GetRequiredService<ImprovementStore>().ListImprovementsAsync(_bot.TenantId, "byggesak", default)).Count(i => i.MeetingDate == meeting));
        var week = Assert.Single(await services.GetRequiredService<UnitWeekStore>().ListWeekAsync(_bot.TenantId, IsoWeek.Of(meeting), default), w => w.UnitId == "byggesak");
        Assert.Equal((true, 2, 2), (week.Reported, week.ImprovementsNew, week.Deviations));
    }

    // Who calls and what they may do (their person row, two scans and the unit's row: 4 reads). The organisation's own
    // words for its levels and roles, in which the turn answers, come from memory after the first turn (the warm-up
    // above read them; OrganisationStore.GetTermsAsync keeps them 30 s, 17 calls before it did). The units of the unit's
    // service area (the card's "affects other units") and its improvements (the card's moves): 2 reads. The check-in added (1) and its records added in one
    // transaction (1). The recount: the unit's benefits and improvements as they now stand (2), the check-ins of the
    // meeting's week and of the week it was sent in (2), the unit's weeks (1), and its weeks, years, board and
    // overview row written in one transaction (1). The refresh for everyone in the outbox: its row looked up and
    // added (2), besides the queue message. It was 34 (the check-in read before adding it, the records read before
    // adding them, and the week counted twice over, once per announcement, each time for two weeks).
    private const int ExpectedTableCalls = 16;

    private async Task<IReadOnlyList<string>> SubmitAsync(string unitId, TeamsUser leader)
    {
        var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, unitId, default))!;
        var meeting = MeetingClock.Latest(unit, _clock.GetUtcNow());
        var invoke = _bot.Activities.Invoke(leader, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = CheckInCard.SubmitVerb,
                ["data"] = new JsonObject
                {
                    ["unitId"] = unitId,
                    ["meetingDate"] = meeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["held"] = "yes",
                    ["attendance"] = "8",
                    ["goal0"] = "Green",
                    ["goal1"] = "Red",
                    ["improvementsNew"] = "Digital sjekkliste\nFast tid for veiledning",
                    ["deviations"] = "Feil i skjema\nVentetid",
                    ["benefitKind"] = "TimeSaved",
                    ["benefitAmount"] = "3.5",
                    ["benefitMeasure"] = "Hours",
                    ["note"] = "Bra møte",
                },
            },
            ["trigger"] = "manual",
        });
        invoke["replyToId"] = $"card-{unitId}";
        await _azurite.SettledRequestCountAsync();
        using var log = _azurite.Record();
        using var response = await _bot.PostAsync(invoke);
        var requests = await log.SettledAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains("checkin.edit", StringComparison.Ordinal), body);
        Assert.NotNull(await _bot.App.Services.GetRequiredService<CheckInStore>().GetAsync(_bot.TenantId, unitId, meeting, default));
        return requests;
    }
}
