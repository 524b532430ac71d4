using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Reports;
using LeanTeamsApp.Infrastructure.Auth;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.CheckIns;

/// <summary>
/// Byggesak meets on Thursdays at 09:30. In November 2026 its leader moves the meeting to Friday and, a week later,
/// back to Thursday, with check-ins before and between. Every check-in must stay where it was due and be counted in
/// `status`, the digest, the tab and the report, and the app must never ask for a meeting that was not due.
/// </summary>
public sealed class MeetingHistoryTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    private static readonly DateOnly Thursday5 = new(2026, 11, 5);
    private static readonly DateOnly Thursday12 = new(2026, 11, 12);
    private static readonly DateOnly Friday13 = new(2026, 11, 13);
    private static readonly DateOnly Thursday19 = new(2026, 11, 19);
    private readonly FakeTimeProvider _clock = new(At(Thursday5, 10, 0));
    private BotHost _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotHost.StartAsync(new Dictionary<string, string?>(DevelopmentSignIn.Settings()) { ["Outbox:Enabled"] = "false" }, time: _clock, environment: DevelopmentSignIn.Environment);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private CheckInStore CheckIns => _bot.App.Services.GetRequiredService<CheckInStore>();

    private static DateTimeOffset At(DateOnly date, int hour, int minute)
    {
        var local = date.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Oslo.GetUtcOffset(local));
    }

    [Fact]
    public async Task MeetingDay_ChangedTwice_KeepsEveryCheckInWhereItWasDueAndCountsIt()
    {
        Assert.Contains("Sendt av Randi Lie", await SubmitAsync(Thursday5), StringComparison.Ordinal);

        _clock.SetUtcNow(At(new DateOnly(2026, 11, 9), 10, 0));
        var moved = await SayAsync("tavlemøte fredag 09:15");
        Assert.Contains("Tavlemøtet for Byggesak er hver fredag kl. 09:15 (15 minutter) fra og med 13.11.2026.", moved, StringComparison.Ordinal);

        // Thursday 12th is no longer a meeting; the latest one due is still the 5th, whose check-in is given.
        _clock.SetUtcNow(At(Thursday12, 10, 0));
        var card = await SayAsync("statusrapport");
        Assert.Contains("Statusrapport etter tavlemøtet – Byggesak, 05.11.2026", card, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-11-12", card, StringComparison.Ordinal);
        Assert.Contains("Byggesak hadde ikke tavlemøte 12.11.2026: den uken var møtet 13.11.2026. Ingenting ble lagret.", await SubmitAsync(Thursday12), StringComparison.Ordinal);
        Assert.Null(await CheckIns.GetAsync(_bot.TenantId, "byggesak", Thursday12, default));

        _clock.SetUtcNow(At(Friday13, 9, 40));
        Assert.Contains("Sendt av Randi Lie", await SubmitAsync(Friday13), StringComparison.Ordinal);
        var back = await SayAsync("tavlemøte torsdag 09:30");
        Assert.Contains("fra og med 19.11.2026", back, StringComparison.Ordinal);

        _clock.SetUtcNow(At(Thursday19, 10, 0));
        Assert.Contains("Sendt av Randi Lie", await SubmitAsync(Thursday19), StringComparison.Ordinal);

        _clock.SetUtcNow(At(new DateOnly(2026, 11, 20), 12, 30));
        var status = await SayAsync("status");
        foreach (var date in new[] { Thursday19, Friday13, Thursday5 })
        {
            Assert.Contains($"Uke {ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue))} ({date:dd.MM.yyyy})\",\"value\":\"Nei · For travelt", status, StringComparison.Ordinal);
        }

        // The three weeks before the first check-in had none; nothing in between is shown as missing.
        Assert.Equal(3, status.Split("Ingen statusrapport").Length - 1);

        var overview = await TabOverviewStatusesAsync("byggesak");
        Assert.Equal(["notHeld", "notHeld", "notHeld"], overview[^3..]);

        Assert.True(ReportPeriod.TryParse("Q4 2026", out var quarter));
        var report = await _bot.App.Services.GetRequiredService<ReportBuilder>().BuildAsync(_bot.TenantId, quarter, ReportScope.Organisation, default);
        var row = report!.Rows.Single(r => r.UnitName == "Byggesak");
        Assert.Equal(3, row.CheckIns);
        // Thursdays 1 October to 5 November, Friday 13 and Thursday 19 November: one meeting a week, none on the 12th.
        Assert.Equal(8, row.MeetingsExpected);
    }

    [Fact]
    public async Task Prompts_AfterAMove_ComeForTheMeetingsDueAndNoOther()
    {
        using (var installed = await _bot.PostAsync(_bot.Activities.TeamInstalled(_bot.Coordinator)))
        {
            Assert.True(installed.IsSuccessStatusCode);
        }

        await _bot.SayAsync(_bot.Activities.ChannelMessage(_bot.Coordinator, "registrer enhet Byggesak"));
        _clock.SetUtcNow(At(new DateOnly(2026, 11, 9), 10, 0));
        await SayAsync("tavlemøte fredag 09:15");
        var scheduler = _bot.App.Services.GetRequiredService<CheckInScheduler>();
        var outbox = _bot.App.Services.GetRequiredService<Outbox>();

        // The first tick starts the tenant's checkpoint; then every minute of Thursday and Friday.
        await scheduler.RunTenantAsync(_bot.TenantId, default);
        for (var at = At(Thursday12, 0, 0); at <= At(Friday13, 23, 0); at = at.AddMinutes(5))
        {
            _clock.SetUtcNow(at);
            await scheduler.RunTenantAsync(_bot.TenantId, default);
        }

        Assert.Null(await outbox.GetAsync(_bot.TenantId, "checkin-prompt|byggesak|2026-11-12", default));
        Assert.NotNull(await outbox.GetAsync(_bot.TenantId, "checkin-prompt|byggesak|2026-11-13", default));
    }

    [Fact]
    public async Task Move_AfterThisWeeksMeetingBegan_TakesEffectNextWeekAndThisWeeksStaysDue()
    {
        _clock.SetUtcNow(At(Thursday12, 9, 40));

        var said = await SayAsync("tavlemøte mandag 08:00");

        Assert.Contains("fra og med 16.11.2026", said, StringComparison.Ordinal);
        Assert.Contains("Statusrapport etter tavlemøtet – Byggesak, 12.11.2026", await SayAsync("statusrapport"), StringComparison.Ordinal);
        var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!;
        Assert.Equal(Thursday12, MeetingClock.Latest(unit, _clock.GetUtcNow()));
        Assert.Equal(new DateOnly(2026, 11, 16), MeetingClock.DateIn(unit, Features.Calendar.IsoWeek.Of(new DateOnly(2026, 11, 16))));
    }

    private async Task<string> SayAsync(string text) =>
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, text));

    private async Task<string> SubmitAsync(DateOnly meetingDate)
    {
        var data = new JsonObject
        {
            ["unitId"] = "byggesak",
            ["meetingDate"] = meetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["held"] = "no",
            ["notHeldReason"] = nameof(NotHeldReason.TooBusy),
        };
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
