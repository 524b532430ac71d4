using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Digest;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Auth;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Delivery;

/// <summary>
/// Delivery health through the front door: check-in prompts go out on a fake clock, the fake connector answers as Teams
/// does for a person who blocked the app, a deleted channel and a team the app was removed from, and the coordinator's
/// tab endpoint and channel digest name those units with the reason; a later message that gets through mends it.
/// </summary>
public sealed class DeliveryHealthTests
{
    private const string BlockedChannel = "19:blokkert@thread.tacv2";
    private const string RemovedChannel = "19:fjernet@thread.tacv2";
    private const string DeletedChannel = "19:slettet@thread.tacv2";

    private const string Organisation = """
        tenantId: "{tenant}"
        name: Leveringsvik kommune
        timeZone: Europe/Oslo
        coordinatorChannel: { teamId: "19:fjordvik-team@thread.tacv2", channelId: "19:forbedringsforum@thread.tacv2", name: Forbedringsforum }
        serviceAreas:
          - { id: omsorg, name: Omsorg, leader: tol@leveringsvik.no }
        people:
          - { email: tol@leveringsvik.no, name: Tone Tol }
          - { email: koordinator@leveringsvik.no, name: Kim Koordinator, roles: [coordinator] }
          - { email: berit@leveringsvik.no, name: Berit Blokk }
          - { email: leder@leveringsvik.no, name: Lars Leder }
        units:
          - { id: blokkert, name: Blokkert enhet, serviceArea: omsorg, leader: berit@leveringsvik.no, boardMeeting: { weekday: monday, time: "09:00", minutes: 15 }, leanStart: 2025-01-06 }
          - { id: fjernet, name: Fjernet enhet, serviceArea: omsorg, leader: leder@leveringsvik.no, boardMeeting: { weekday: monday, time: "09:00", minutes: 15 }, leanStart: 2025-01-06, channel: { teamId: "19:fjordvik-team@thread.tacv2", channelId: "19:fjernet@thread.tacv2", name: Fjernet } }
          - { id: slettet, name: Slettet enhet, serviceArea: omsorg, leader: leder@leveringsvik.no, boardMeeting: { weekday: monday, time: "09:00", minutes: 15 }, leanStart: 2025-01-06, channel: { teamId: "19:fjordvik-team@thread.tacv2", channelId: "19:slettet@thread.tacv2", name: Slettet } }
          - { id: frisk, name: Frisk enhet, serviceArea: omsorg, leader: leder@leveringsvik.no, boardMeeting: { weekday: monday, time: "09:00", minutes: 15 }, leanStart: 2025-01-06, channel: { teamId: "19:fjordvik-team@thread.tacv2", channelId: "19:frisk@thread.tacv2", name: Frisk } }
          - { id: stille, name: Stille enhet, serviceArea: omsorg, leader: tol@leveringsvik.no, boardMeeting: { weekday: monday, time: "09:00", minutes: 15 }, leanStart: 2025-01-06 }
        """;

    private static readonly string[] Fields = ["unitId", "reason", "advice", "route", "person", "status", "code"];

    private readonly FakeTimeProvider _clock = new(At("2026-11-23T06:00:00Z"));

    [Fact]
    public async Task DeliveryHealth_PromptsBlockedRemovedAndDeleted_NamesTheThreeUnitsWithTheirReasonsUntilASendGetsThrough()
    {
        await using var bot = await StartAsync();
        var berit = await ReachableAsync(bot, "berit@leveringsvik.no");
        bot.Connector.FailThread(TeamsActivities.PersonalConversationId(berit), 403, ConnectorErrorCodes.ConversationBlockedByUser);
        bot.Connector.FailThread(RemovedChannel, 403, ConnectorErrorCodes.BotNotInConversationRoster);
        bot.Connector.FailThread(DeletedChannel, 404, ConnectorErrorCodes.ConversationNotFound);

        await PromptAsync(bot, "2026-11-23T08:21:00Z");

        var listed = await DeliveryAsync(bot, "koordinator@leveringsvik.no");
        Assert.Equal(
            [
                "blokkert blockedByPerson askToUnblock leaderChat Berit Blokk 403 ConversationBlockedByUser",
                "fjernet botNotInTeam addAppToTeam unitChannel - 403 BotNotInConversationRoster",
                "slettet conversationNotFound bindChannel unitChannel - 404 ConversationNotFound",
                "stille noRoute bindChannel - - - -",
            ],
            listed);
        Assert.Single(bot.Connector.Requests, r => r.Parameters?.ChannelData?.Channel?.Id == "19:frisk@thread.tacv2");

        // Teams heals (the person unblocks, the app is added again, the channel is bound anew) and next week's prompts go out.
        bot.Connector.Clear();
        await PromptAsync(bot, "2026-11-30T08:21:00Z");

        Assert.Equal(["stille noRoute bindChannel - - - -"], await DeliveryAsync(bot, "koordinator@leveringsvik.no"));
        Assert.Contains(bot.Connector.Requests, r => r.Parameters?.ChannelData?.Channel?.Id == RemovedChannel);
        Assert.Contains(bot.Connector.Requests, r => r.ConversationId == TeamsActivities.PersonalConversationId(berit));
    }

    [Fact]
    public async Task Digest_CoordinatorChannel_NamesTheUnitsTheAppCannotReachWithReasonAndAdvice()
    {
        await using var bot = await StartAsync();
        var berit = await ReachableAsync(bot, "berit@leveringsvik.no");
        bot.Connector.FailThread(TeamsActivities.PersonalConversationId(berit), 403, ConnectorErrorCodes.ConversationBlockedByUser);
        bot.Connector.FailThread(RemovedChannel, 403, ConnectorErrorCodes.BotNotInConversationRoster);
        bot.Connector.FailThread(DeletedChannel, 404, ConnectorErrorCodes.ConversationNotFound);
        await PromptAsync(bot, "2026-11-23T08:21:00Z");

        _clock.SetUtcNow(At("2026-11-27T11:01:00Z"));
        Assert.True(await bot.App.Services.GetRequiredService<DigestScheduler>().RunTenantAsync(bot.TenantId, default));
        await bot.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);

        var digest = BotHost.Said(Assert.Single(bot.Connector.Requests, r => r.Parameters?.ChannelData?.Channel?.Id == TeamsActivities.ForumChannelId));
        Assert.Contains("Levering: enheter appen ikke når", digest, StringComparison.Ordinal);
        Assert.Contains("• Blokkert enhet: blokkert av mottakeren (Berit Blokk · 403 ConversationBlockedByUser) – be personen oppheve blokkeringen av appen", digest, StringComparison.Ordinal);
        Assert.Contains("• Fjernet enhet: appen er fjernet fra teamet (403 BotNotInConversationRoster) – legg appen til i teamet igjen", digest, StringComparison.Ordinal);
        Assert.Contains("• Slettet enhet: kanalen eller chatten finnes ikke lenger (404 ConversationNotFound) – koble enheten til en kanal med «registrer enhet»", digest, StringComparison.Ordinal);
        Assert.Contains("• Stille enhet: ingen kanal og ingen chat med enhetslederen – koble enheten til en kanal med «registrer enhet»", digest, StringComparison.Ordinal);
        // Frisk enhet is in the digest (it has not held a board meeting for three weeks), but not as unreachable.
        Assert.DoesNotContain("Frisk enhet: ingen kanal", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("Frisk enhet: meldingen kom ikke fram", digest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliveryHealth_GembaReminderToAnOwnerWhoBlockedTheApp_NamesTheUnitAndThePersonUntilAMonthHasPassed()
    {
        await using var bot = await StartAsync();
        var tone = await ReachableAsync(bot, "tol@leveringsvik.no");
        var kim = await ReachableAsync(bot, "koordinator@leveringsvik.no");
        bot.Connector.SetMembers(TeamsActivities.PersonalConversationId(kim), [new TeamsChannelAccount
        {
            Id = kim.Id, Name = "Kim Koordinator", AadObjectId = kim.AadObjectId, UserPrincipalName = kim.Email, Email = kim.Email, TenantId = bot.TenantId,
        }]);
        var said = await bot.SayAsync(bot.Activities.PersonalMessage(kim, "gemba plan 2027"));
        var appointments = bot.App.Services.GetRequiredService<LeanTeamsApp.Features.Planning.AppointmentStore>();
        var all = await appointments.ListYearAsync(bot.TenantId, 2027, default);
        var walk = all.Where(a => a.Plan.OwnerId == "tol@leveringsvik.no" && a.Plan.UnitId != "stille").MinBy(a => a.Plan.Start);
        Assert.True(walk is not null, said + "\n" + string.Join("\n", all.Select(a => $"{a.Plan.Kind} {a.Plan.UnitId} {a.Plan.OwnerId}")));
        bot.Connector.FailThread(TeamsActivities.PersonalConversationId(tone), 403, ConnectorErrorCodes.ConversationBlockedByUser);

        _clock.SetUtcNow(walk.Plan.Start.AddDays(-7).AddMinutes(1));
        Assert.True(await bot.App.Services.GetRequiredService<LeanTeamsApp.Features.Planning.YearWheelScheduler>().RunTenantAsync(bot.TenantId, default) > 0);
        await bot.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);

        // Tone leads the service area, not the unit: before, only a prompt's failure to the unit's own people was listed.
        var listed = await DeliveryAsync(bot, "koordinator@leveringsvik.no");
        Assert.Contains($"{walk.Plan.UnitId} blockedByPerson askToUnblock personalChat Tone Tol 403 ConversationBlockedByUser", listed);

        _clock.SetUtcNow(_clock.GetUtcNow() + DeliveryHealth.PersonalProblemShownFor + TimeSpan.FromDays(1));
        Assert.DoesNotContain(await DeliveryAsync(bot, "koordinator@leveringsvik.no"), l => l.Contains("Tone Tol", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeliveryHealth_ArchivedUnitWithoutChannel_IsNotListedAsUnreachable()
    {
        await using var bot = await StartAsync();
        var stille = (await bot.App.Store.GetUnitAsync(bot.TenantId, "stille", default))!;
        Assert.Contains("stille noRoute bindChannel - - - -", await DeliveryAsync(bot, "koordinator@leveringsvik.no"));

        await bot.App.Store.SaveUnitAsync(bot.TenantId, stille with { Archived = true }, default);

        Assert.DoesNotContain(await DeliveryAsync(bot, "koordinator@leveringsvik.no"), l => l.StartsWith("stille ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeliveryEndpoint_UnitLeader_IsRefused()
    {
        await using var bot = await StartAsync();

        using var response = await GetDeliveryAsync(bot, "leder@leveringsvik.no");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Lean coordinator and top management", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<BotHost> StartAsync()
    {
        var settings = DevelopmentSignIn.Settings();
        settings["Outbox:Enabled"] = "false";
        var bot = await BotHost.StartAsync(settings, time: _clock, importDemo: false, environment: DevelopmentSignIn.Environment);
        var imported = await bot.App.ImportAsync(bot.TenantId, "leveringsvik.yaml", Organisation.Replace("{tenant}", bot.TenantId, StringComparison.Ordinal));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        using var installed = await bot.PostAsync(bot.Activities.TeamInstalled(bot.Coordinator));
        Assert.True(installed.IsSuccessStatusCode);
        // The scheduler's first tick starts the tenant's checkpoint: meetings before it get no prompt.
        await bot.App.Services.GetRequiredService<CheckInScheduler>().RunTenantAsync(bot.TenantId, default);
        return bot;
    }

    /// <summary>Moves the clock to <paramref name="iso"/>, lets the scheduler queue what came due and sends it.</summary>
    private async Task PromptAsync(BotHost bot, string iso)
    {
        _clock.SetUtcNow(At(iso));
        Assert.True(await bot.App.Services.GetRequiredService<CheckInScheduler>().RunTenantAsync(bot.TenantId, default) > 0);
        await bot.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);
    }

    /// <summary>Gives a person a Teams identity and a personal chat with the app, as installing it 1:1 does.</summary>
    private static async Task<TeamsUser> ReachableAsync(BotHost bot, string email)
    {
        var user = TeamsUser.Create(email, email);
        var person = await bot.App.Store.GetPersonAsync(bot.TenantId, email, default);
        Assert.Equal(WriteOutcome.Written, (await bot.App.Store.SavePersonAsync(bot.TenantId, person! with { AadObjectId = user.AadObjectId }, default)).Outcome);
        using var installed = await bot.PostAsync(bot.Activities.PersonalInstallation(user));
        Assert.True(installed.IsSuccessStatusCode);
        return user;
    }

    /// <summary>The delivery list as "unit reason advice route person status code", "-" for what is not there.</summary>
    private static async Task<List<string>> DeliveryAsync(BotHost bot, string email)
    {
        using var response = await GetDeliveryAsync(bot, email);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return [.. JsonNode.Parse(text)!["units"]!.AsArray().Select(u => string.Join(' ',
            Fields.Select(field => u![field]?.ToString() ?? "-")))];
    }

    private static async Task<HttpResponseMessage> GetDeliveryAsync(BotHost bot, string email)
    {
        using var http = bot.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tab/delivery");
        // The token's lifetime is checked against the real clock, not the test's.
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TabAuthModule.IssueDevToken(
            bot.App.Services.GetRequiredService<DevSigningKey>(), bot.TenantId, email, email, TimeProvider.System.GetUtcNow()));
        return await http.SendAsync(request);
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
