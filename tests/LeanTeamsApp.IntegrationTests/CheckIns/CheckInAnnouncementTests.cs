using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.Infrastructure.Events;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.CheckIns;

/// <summary>
/// A stored check-in is announced, and the features that keep something from it (the board's records, the weekly
/// figures) subscribe. The check-in must survive a subscriber that fails, and the outcome must not depend on who is told first.
/// </summary>
public sealed class CheckInAnnouncementTests
{
    // A Wednesday afternoon: Byggesak's Monday meeting is two days past and its check-in still open.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 13, 0, 0, TimeSpan.Zero);

    private sealed class Faulty : ISubscriber<CheckInStored>
    {
        public bool Fail { get; set; } = true;

        public int Told { get; private set; }

        public Task OnAsync(CheckInStored announced, CancellationToken cancellationToken)
        {
            Told++;
            return Fail ? Task.FromException(new InvalidOperationException("A subscriber failed.")) : Task.CompletedTask;
        }
    }

    [Fact]
    public async Task CheckInStored_TheFirstSubscriberFails_TheCheckInIsKeptTheOthersRunAndSendingAgainTellsItAgain()
    {
        var faulty = new Faulty();
        await using var bot = await BotHost.StartAsync(
            configureServices: s => s.Insert(0, ServiceDescriptor.Singleton<ISubscriber<CheckInStored>>(faulty)), time: new FakeTimeProvider(Now));
        var meeting = await MeetingAsync(bot);

        var failed = await SubmitAsync(bot, meeting);

        Assert.Equal(HttpStatusCode.InternalServerError, failed);
        Assert.NotNull(await bot.App.Services.GetRequiredService<CheckInStore>().GetAsync(bot.TenantId, "byggesak", meeting, default));
        Assert.Equal(["Digital sjekkliste", "Fast tid for veiledning"], await FromCheckInAsync(bot));
        Assert.Equal((true, 2), await WeekAsync(bot, meeting));

        faulty.Fail = false;
        var again = await SubmitAsync(bot, meeting);

        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(2, faulty.Told);
        Assert.Equal(["Digital sjekkliste", "Fast tid for veiledning"], await FromCheckInAsync(bot));
    }

    [Fact]
    public async Task CheckInStored_SubscribersInReverseOrder_TheWeekStillCountsTheCheckInsImprovements()
    {
        // The weekly figures are counted from the board change the records announce, so whatever order the check-in's
        // subscribers run in, the week is counted once and after its records exist.
        await using var bot = await BotHost.StartAsync(
            configureServices: s =>
            {
                var subscribers = s.Where(d => d.ServiceType == typeof(ISubscriber<CheckInStored>)).ToList();
                Assert.NotEmpty(subscribers);
                foreach (var subscriber in subscribers)
                {
                    s.Remove(subscriber);
                }

                foreach (var subscriber in Enumerable.Reverse(subscribers))
                {
                    s.Add(subscriber);
                }
            },
            time: new FakeTimeProvider(Now));
        var meeting = await MeetingAsync(bot);

        Assert.Equal(HttpStatusCode.OK, await SubmitAsync(bot, meeting));

        Assert.Equal((true, 2), await WeekAsync(bot, meeting));
    }

    private static async Task<DateOnly> MeetingAsync(BotHost bot) =>
        MeetingClock.Latest((await bot.App.Store.GetUnitAsync(bot.TenantId, "byggesak", default))!, Now);

    private static async Task<HttpStatusCode> SubmitAsync(BotHost bot, DateOnly meeting)
    {
        var data = new JsonObject
        {
            ["unitId"] = "byggesak",
            ["meetingDate"] = meeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["held"] = "yes",
            ["attendance"] = "8",
            ["goal0"] = "Green",
            ["goal1"] = "Yellow",
            ["improvementsNew"] = "Digital sjekkliste\nFast tid for veiledning",
        };
        var invoke = bot.Activities.Invoke(bot.ByggesakLeader, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = CheckInCard.SubmitVerb, ["data"] = data },
            ["trigger"] = "manual",
        });
        using var response = await bot.PostAsync(invoke);
        return response.StatusCode;
    }

    private static async Task<List<string>> FromCheckInAsync(BotHost bot) =>
        [.. (await bot.App.Services.GetRequiredService<ImprovementStore>().ListImprovementsAsync(bot.TenantId, "byggesak", default))
            .Where(i => i.Source == RecordSource.CheckIn).Select(i => i.Title).Order(StringComparer.Ordinal)];

    private static async Task<(bool Reported, int New)> WeekAsync(BotHost bot, DateOnly meeting) =>
        (await bot.App.Services.GetRequiredService<UnitWeekStore>().ListWeekAsync(bot.TenantId, IsoWeek.Of(meeting), default))
            .Where(w => w.UnitId == "byggesak").Select(w => (w.Reported, w.ImprovementsNew)).SingleOrDefault();
}
