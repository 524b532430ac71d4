using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Features.Digest;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Auth;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Upkeep;

/// <summary>
/// The organisation's own terms: set by the Lean coordinator in the tab's settings, they replace the glossary's words
/// in what the bot says, the digest and the report files, in the language they are set for and only in the app's own
/// sentences; a unit named with the glossary's word keeps its name. Nobody else may set them.
/// </summary>
public sealed class OrganisationTermsTests : IAsyncLifetime
{
    private const string CoordinatorEmail = "lean.koordinator@fjordvik.kommune.no";

    // Friday 20 November 2026, just after noon in Oslo: the weekly digest is due.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 11, 1, 0, TimeSpan.Zero));
    private BotHost _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var settings = DevelopmentSignIn.Settings();
        settings["Outbox:Enabled"] = "false";
        _bot = await BotHost.StartAsync(settings, time: _clock, environment: DevelopmentSignIn.Environment);
        _http = _bot.App.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
    }

    // Signed for the real clock: the token's lifetime is checked against it, not against this test's fake clock.
    private string Token(string email, string name = "Someone") =>
        TabAuthModule.IssueDevToken(_bot.App.Services.GetRequiredService<DevSigningKey>(), _bot.TenantId, email, name, DateTimeOffset.UtcNow);

    private string Coordinator => Token(CoordinatorEmail, "Jonas Vik");

    private static JsonObject NorwegianTerms() => new()
    {
        ["serviceAreaLeader"] = new JsonObject { ["nb"] = "kommunalsjef" },
        ["serviceArea"] = new JsonObject { ["nb"] = "sektor" },
        ["developmentUnit"] = new JsonObject { ["nb"] = "Lean-teamet" },
    };

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string token, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 || !text.TrimStart().StartsWith('{') && !text.TrimStart().StartsWith('[') ? null : JsonNode.Parse(text));
    }

    private async Task<string> GetTextAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<JsonObject> SettingsFormAsync()
    {
        var (status, forms) = await SendAsync(HttpMethod.Get, "/api/tab/organisation/forms", Coordinator);
        Assert.Equal(HttpStatusCode.OK, status);
        return forms!["settings"]!.AsObject();
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SaveTermsAsync(JsonObject terms, string token)
    {
        var settings = await SettingsFormAsync();
        settings["terms"] = terms;
        return await SendAsync(HttpMethod.Put, "/api/tab/organisation/settings", token, settings);
    }

    /// <summary>Every row of the tenant in the directory and the change history, to show that a refusal wrote nothing.</summary>
    private async Task<string> StoredAsync()
    {
        var rows = new List<string>();
        var tables = _bot.App.Services.GetRequiredService<StorageTables>();
        foreach (var table in new[] { OrganisationStore.DirectoryTable, "OrganisationChanges" })
        {
            await foreach (var row in tables.Get(table).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {_bot.TenantId}")))
            {
                rows.Add($"{table}/{row.RowKey}/{row.ETag}");
            }
        }

        return string.Join("\n", rows.Order(StringComparer.Ordinal));
    }

    /// <summary>Byggesak renamed with the glossary's word for a service area, and its channel bound, as people would have it.</summary>
    private async Task NameByggesakWithTheDefaultWordAsync()
    {
        var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!;
        var saved = await _bot.App.Store.SaveUnitAsync(
            _bot.TenantId,
            unit with { Name = "Tjenesteområde byggesak", Channel = new ChannelReference(TeamsActivities.TeamId, TeamsActivities.ByggesakChannelId, "Byggesak") },
            default);
        Assert.Equal(WriteOutcome.Written, saved.Outcome);
    }

    [Fact]
    public async Task OwnTerms_SetByTheCoordinator_ReplaceTheDefaultsInChatDigestAndReportButNotInNames()
    {
        await NameByggesakWithTheDefaultWordAsync();
        // A turn before the change: the service now holds the default words in memory, and the save must replace them.
        Assert.Contains("Tjenesteområdeleder", await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.HelseLeader, "hvem er jeg")), StringComparison.Ordinal);

        var (status, saved) = await SaveTermsAsync(NorwegianTerms(), Coordinator);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("kommunalsjef", (string?)saved!["terms"]!["serviceAreaLeader"]!["nb"]);
        var (_, history) = await SendAsync(HttpMethod.Get, "/api/tab/organisation/history", Coordinator);
        Assert.Contains(
            history!.AsArray().SelectMany(e => e!["changes"]!.AsArray()),
            c => (string?)c!["field"] == "terms" && ((string?)c["after"])!.Contains("serviceAreaLeader.nb: kommunalsjef", StringComparison.Ordinal));

        // A reply that names the role, in the form it stands in the sentence.
        var whoami = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.HelseLeader, "hvem er jeg"));
        Assert.Contains("Kommunalsjef", whoami, StringComparison.Ordinal);
        Assert.DoesNotContain("Tjenesteområdeleder", whoami, StringComparison.OrdinalIgnoreCase);

        // A refusal names who may, in the organisation's words, and the unit by its own name.
        var refused = BotHost.Shown(await _bot.SayAsync(_bot.Activities.ChannelMessage(_bot.HelseLeader, "tavlemøte fredag 09:00")));
        Assert.Contains("Du har ikke tilgang til å endre tavlemøtet for Tjenesteområde byggesak.", refused, StringComparison.Ordinal);
        Assert.Contains("Lean-koordinator, kommunalsjef, enhetsleder eller enhetskoordinator", refused, StringComparison.Ordinal);
        Assert.Equal(DayOfWeek.Thursday, (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!.BoardMeeting.Weekday);

        // The unit leader's own reply names her unit as it is called, word for word.
        var leader = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "hvem er jeg"));
        Assert.Contains("Tjenesteområde byggesak", leader, StringComparison.Ordinal);
        Assert.DoesNotContain("Sektor byggesak", leader, StringComparison.Ordinal);

        // The features' help lines too, with the commands as they are typed.
        var help = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "hjelp"));
        Assert.Contains("Få forbedringsforumets ukeoppsummering nå (Lean-koordinator, kommunalsjef).", help, StringComparison.Ordinal);
        Assert.Contains("\"ukeoppsummering\"", help, StringComparison.Ordinal);

        // A Swedish reader sees the Swedish defaults: only bokmål was set.
        var swedish = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.HelseLeader, "vem är jag", "sv-SE"));
        Assert.Contains("Verksamhetsområdeschef", swedish, StringComparison.Ordinal);
        Assert.DoesNotContain("ommunalsjef", swedish, StringComparison.Ordinal);

        // The weekly digest, composed by the scheduler with no one's turn around it.
        using (var installed = await _bot.PostAsync(_bot.Activities.TeamInstalled(_bot.Coordinator)))
        {
            Assert.True(installed.IsSuccessStatusCode);
        }

        await _bot.SayAsync(_bot.Activities.ChannelMessage(_bot.Coordinator, "sett koordinatorkanal", channelId: TeamsActivities.ForumChannelId, channelName: "Forbedringsforum"));
        Assert.True(await _bot.App.Services.GetRequiredService<DigestScheduler>().RunTenantAsync(_bot.TenantId, default));
        var digest = Assert.Single(await _bot.DrainOutboxAsync(), r => r.Operation == ConnectorOperation.CreateConversation && r.Body.Contains("Forbedringsforum uke", StringComparison.Ordinal)).Body;
        Assert.Contains("Ber om hjelp fra Lean-teamet", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("utviklingsenheten", digest, StringComparison.OrdinalIgnoreCase);

        // The report file's column, in bokmål; in Swedish the default.
        var report = await GetTextAsync("/api/tab/reports/2026.csv?lang=nb", Coordinator);
        Assert.StartsWith("Sektor;", report.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("Tjenesteområde byggesak", report, StringComparison.Ordinal);
        var swedishReport = await GetTextAsync("/api/tab/reports/2026.csv?lang=sv", Coordinator);
        Assert.StartsWith("Verksamhetsområde;", swedishReport.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnTerms_NoneSet_TheGlossaryWordsStand()
    {
        var whoami = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.HelseLeader, "hvem er jeg"));

        Assert.Contains("Tjenesteområdeleder", whoami, StringComparison.Ordinal);
        Assert.DoesNotContain("ommunalsjef", whoami, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnTerms_SetByAUnitLeaderOrAStranger_AreRefusedAndNothingChanges()
    {
        var before = await StoredAsync();

        var (leader, _) = await SaveTermsAsync(NorwegianTerms(), Token("leder.byggesak@fjordvik.kommune.no", "Randi Lie"));
        var (stranger, _) = await SaveTermsAsync(NorwegianTerms(), Token("ukjent.person@example.com", "Ukjent Person"));

        Assert.Equal(HttpStatusCode.Forbidden, leader);
        Assert.Equal(HttpStatusCode.Forbidden, stranger);
        Assert.Equal(before, await StoredAsync());
        Assert.True((await _bot.App.Store.GetOrganisationAsync(_bot.TenantId, default))!.Terms.IsEmpty);
    }

    [Fact]
    public async Task OwnTerms_AvoidedMalformedOrUnknown_AreNamedByTheirFieldAndNothingChanges()
    {
        var before = await StoredAsync();
        var terms = new JsonObject
        {
            ["topManagement"] = new JsonObject { ["nb"] = "rådmannens ledergruppe" },
            ["serviceAreaLeader"] = new JsonObject { ["nb"] = "kommunal<sjef>", ["sv"] = "sektorchef" },
            ["boardMeeting"] = new JsonObject { ["nb"] = "morgenmøte" },
            ["unit"] = new JsonObject { ["de"] = "Abteilung" },
        };

        var (status, problem) = await SaveTermsAsync(terms, Coordinator);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            ["terms.boardMeeting.nb", "terms.serviceAreaLeader.nb", "terms.topManagement.nb", "terms.unit.de"],
            problem!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("kommunedirektør", (string?)problem["errors"]!["terms.topManagement.nb"]![0], StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task ExportThenReimport_WithTerms_ChangesNothing()
    {
        Assert.Equal(HttpStatusCode.OK, (await SaveTermsAsync(NorwegianTerms(), Coordinator)).Status);

        var yaml = await GetTextAsync("/api/tab/organisation/file", Coordinator);
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/tab/organisation/file?fileName=organisation.yaml") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(yaml)) };
        upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Coordinator);
        using var response = await _http.SendAsync(upload);
        var preview = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Contains("terms:", yaml, StringComparison.Ordinal);
        Assert.Contains("kommunalsjef", yaml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(preview["problems"]!.AsArray());
        Assert.DoesNotContain(preview["changes"]!.AsArray(), c => (string)c!["kind"]! != "note");

        // And a file that sets a term another way is read, checked and shown as a change of the terms.
        var changed = yaml.Replace("kommunalsjef", "sektorleder", StringComparison.Ordinal);
        using var second = new HttpRequestMessage(HttpMethod.Post, "/api/tab/organisation/file?fileName=organisation.yaml") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(changed)) };
        second.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Coordinator);
        using var secondResponse = await _http.SendAsync(second);
        var secondPreview = JsonNode.Parse(await secondResponse.Content.ReadAsStringAsync())!;
        Assert.Contains(secondPreview["changes"]!.AsArray(), c => (string?)c!["field"] == "terms" && ((string?)c["after"])!.Contains("sektorleder", StringComparison.Ordinal));
    }
}
