using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.Infrastructure.Auth;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Tab;

/// <summary>
/// The overview's read model (one row per unit with its recent weeks) must say what the check-ins say, however they
/// came to be: submitted, sent again with other answers, and around a change of meeting day.
/// </summary>
public sealed class OverviewReadModelTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    // A year before the tests' weeks, so that a test can store a check-in that retention will delete.
    private readonly FakeTimeProvider _clock = new(At(new DateOnly(2025, 11, 6), 10, 0));
    private BotHost _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotHost.StartAsync(new Dictionary<string, string?>(DevelopmentSignIn.Settings()) { ["Outbox:Enabled"] = "false" }, time: _clock, environment: DevelopmentSignIn.Environment);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task OverviewRow_CheckInsSubmittedResentAndAroundAMeetingDayChange_MatchesTheCheckIns()
    {
        _clock.SetUtcNow(At(new DateOnly(2026, 11, 5), 10, 0));
        Assert.Contains("Sendt av Randi Lie", await SubmitAsync(new DateOnly(2026, 11, 5), held: true, help: "Trenger en hånd med tavla"), StringComparison.Ordinal);

        _clock.SetUtcNow(At(new DateOnly(2026, 11, 9), 10, 0));
        Assert.Contains("fra og med 13.11.2026", await SayAsync("tavlemøte fredag 09:15"), StringComparison.Ordinal);
        // Sent again with other answers: whatever the app keeps of it, the row must say the same.
        await SubmitAsync(new DateOnly(2026, 11, 5), held: true, help: null);

        _clock.SetUtcNow(At(new DateOnly(2026, 11, 13), 9, 40));
        Assert.Contains("Sendt av Randi Lie", await SubmitAsync(new DateOnly(2026, 11, 13), held: false, help: "Vi mangler folk"), StringComparison.Ordinal);
        await SubmitAsync(new DateOnly(2026, 11, 13), held: false, help: "Vi mangler folk");
        Assert.Contains("fra og med 19.11.2026", await SayAsync("tavlemøte torsdag 09:30"), StringComparison.Ordinal);

        _clock.SetUtcNow(At(new DateOnly(2026, 11, 19), 10, 0));
        Assert.Contains("Sendt av Randi Lie", await SubmitAsync(new DateOnly(2026, 11, 19), held: true, help: null), StringComparison.Ordinal);

        _clock.SetUtcNow(At(new DateOnly(2026, 11, 20), 12, 30));
        var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!;
        var history = _bot.App.Services.GetRequiredService<CheckInHistory>();
        var row = (await _bot.App.Services.GetRequiredService<UnitWeeks>().ListOverviewAsync(_bot.TenantId, default)).Single(o => o.UnitId == "byggesak");
        var today = new DateOnly(2026, 11, 20);
        var expectedStatuses = new List<string>();
        for (var week = IsoWeek.Of(today.AddDays(-7 * 11)); week <= IsoWeek.Of(today); week = week.Next)
        {
            var checkIn = await history.GetAsync(_bot.TenantId, "byggesak", MeetingClock.DateIn(unit, week), default);
            var kept = row.Weeks.SingleOrDefault(w => w.Week == week);
            Assert.Equal(checkIn is not null, kept?.Reported ?? false);
            Assert.Equal(checkIn?.MeetingHeld ?? false, kept?.Held ?? false);
            Assert.Equal(checkIn?.HelpNeeded, kept?.HelpNeeded);
            Assert.Equal(checkIn?.NewDeviations.Count ?? 0, kept?.Deviations ?? 0);
            expectedStatuses.Add(checkIn is null ? "" : checkIn.MeetingHeld ? "held" : "notHeld");
        }

        var thisYear = await history.ListSinceAsync(_bot.TenantId, "byggesak", new DateOnly(2026, 1, 1), default);
        Assert.Equal(3, thisYear.Count);
        var year = row.Years.Single(y => y.Year == 2026);
        Assert.Equal(thisYear.Count, year.CheckIns);
        Assert.Equal(thisYear.Values.Count(c => c.MeetingHeld), year.MeetingsHeld);

        // And the tab shows it: the weeks with a check-in have the status the check-in gives.
        var statuses = await TabOverviewStatusesAsync("byggesak");
        Assert.Equal(expectedStatuses.Count, statuses.Length);
        Assert.All(expectedStatuses.Zip(statuses).Where(p => p.First.Length > 0), p => Assert.Equal(p.First, p.Second));
    }

    [Fact]
    public async Task OverviewRow_CheckInsDeletedByRetention_StillMatchesTheCheckInsThatRemain()
    {
        // Check-ins are deleted only by retention, at least a year after their meeting: a year-old one beside recent ones.
        Assert.Contains("Sendt av Randi Lie", await SubmitAsync(new DateOnly(2025, 11, 6), held: true, help: null), StringComparison.Ordinal);
        _clock.SetUtcNow(At(new DateOnly(2026, 11, 12), 10, 0));
        Assert.Contains("Sendt av Randi Lie", await SubmitAsync(new DateOnly(2026, 11, 12), held: false, help: "Vi mangler folk"), StringComparison.Ordinal);
        await _bot.App.Services.GetRequiredService<LeanTeamsApp.Features.Privacy.PrivacyStore>().SetRetentionYearsAsync(_bot.TenantId, 1, default);

        _clock.SetUtcNow(At(new DateOnly(2026, 11, 20), 12, 30));
        var deleted = await ActivatorUtilities.CreateInstance<LeanTeamsApp.Features.Privacy.RetentionScheduler>(_bot.App.Services).RunForTenantAsync(_bot.TenantId, default);

        var history = _bot.App.Services.GetRequiredService<CheckInHistory>();
        Assert.True(deleted >= 1);
        Assert.Null(await history.GetAsync(_bot.TenantId, "byggesak", new DateOnly(2025, 11, 6), default));
        var row = (await _bot.App.Services.GetRequiredService<UnitWeeks>().ListOverviewAsync(_bot.TenantId, default)).Single(o => o.UnitId == "byggesak");
        var recent = await history.ListSinceAsync(_bot.TenantId, "byggesak", new DateOnly(2026, 8, 24), default);
        var kept = Assert.Single(recent);
        Assert.Equal([IsoWeek.Of(kept.Key)], row.Weeks.Where(w => w.Reported).Select(w => w.Week));
        Assert.False(row.Weeks.Single(w => w.Reported).Held);
        var year = row.Years.Single(y => y.Year == 2026);
        Assert.Equal((1, 0), (year.CheckIns, year.MeetingsHeld));
        Assert.Equal(["notHeld"], (await TabOverviewStatusesAsync("byggesak")).Where(s => s is "held" or "notHeld"));
    }

    private static DateTimeOffset At(DateOnly date, int hour, int minute)
    {
        var local = date.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Oslo.GetUtcOffset(local));
    }

    private async Task<string> SayAsync(string text) =>
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, text));

    private async Task<string> SubmitAsync(DateOnly meetingDate, bool held, string? help)
    {
        var data = new JsonObject
        {
            ["unitId"] = "byggesak",
            ["meetingDate"] = meetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["held"] = held ? "yes" : "no",
        };
        if (held)
        {
            data["attendance"] = "6";
            data["deviations"] = "Ventetid på svar";
            data["goal0"] = nameof(GoalStatus.Green);
            data["goal1"] = nameof(GoalStatus.Red);
        }
        else
        {
            data["notHeldReason"] = nameof(NotHeldReason.TooBusy);
        }

        if (help is not null)
        {
            data["helpNeeded"] = help;
        }

        var invoke = _bot.Activities.Invoke(_bot.ByggesakLeader, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = CheckInCard.SubmitVerb, ["data"] = data },
            ["trigger"] = "manual",
        });
        using var response = await _bot.PostAsync(invoke);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private async Task<string[]> TabOverviewStatusesAsync(string unitId)
    {
        var signing = _bot.App.Services.GetRequiredService<DevSigningKey>();
        using var http = _bot.App.CreateClient();
        // The token's lifetime is checked against the real clock, not the test's.
        http.DefaultRequestHeaders.Authorization = new("Bearer", TabAuthModule.IssueDevToken(signing, _bot.TenantId, "lean.koordinator@fjordvik.kommune.no", "Jonas Vik", TimeProvider.System.GetUtcNow()));
        var overview = await http.GetFromJsonAsync<JsonObject>("/api/tab/overview");
        return [.. overview!["units"]!.AsArray().Single(u => (string)u!["id"]! == unitId)!["statuses"]!.AsArray().Select(s => (string)s!)];
    }
}
