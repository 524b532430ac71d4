using System.Net;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;

namespace LeanTeamsApp.IntegrationTests.Organisation;

/// <summary>
/// An organisation file lists everyone: a person it leaves out keeps their row, so their name in history still
/// resolves, but loses every role at once (a removed consultant could still download reports). A unit it leaves out
/// is kept as it is, and a units sheet removes no one.
/// </summary>
public sealed class RemovedPersonTests : IAsyncLifetime
{
    private const string Petter = "petter.aas@fjordvik.kommune.no";

    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(DevelopmentSignIn.Settings(), environment: DevelopmentSignIn.Environment);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private OrganisationStore Store => _bot.App.Store;

    private string Tenant => _bot.TenantId;

    /// <summary>The demo without Petter Aas: his person line and the guidance period he had.</summary>
    private string DemoWithoutPetter() => Without(
        ImportFiles.Demo(Tenant),
        "  - { email: petter.aas@fjordvik.kommune.no, name: Petter Aas, roles: [consultant] }\n",
        "    guidance: { consultant: petter.aas@fjordvik.kommune.no, from: 2026-06-01, to: 2026-12-18 }\n");

    private static string Without(string text, params string[] lines)
    {
        foreach (var line in lines)
        {
            Assert.Contains(line, text, StringComparison.Ordinal);
            text = text.Replace(line, "", StringComparison.Ordinal);
        }

        return text;
    }

    [Fact]
    public async Task Import_ConsultantLeftOutOfTheFile_LosesEveryRoleButKeepsTheRow()
    {
        Assert.Contains(new RoleAssignment(Role.Consultant, null), await Store.GetRolesAsync(Tenant, Petter, default));

        var result = await _bot.App.ImportAsync(Tenant, "organisation.yaml", DemoWithoutPetter());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains(
            "- person petter.aas@fjordvik.kommune.no: not in the file: removed from the organisation; loses the consultant role, every role a unit or service area gives them; the row stays so that history still shows \"Petter Aas\"",
            result.Plan!.PreviewLines);
        Assert.Contains("~ unit pp-tjenesten: guidance: petter.aas@fjordvik.kommune.no 2026-06-01..2026-12-18 -> (none)", result.Plan.PreviewLines);
        Assert.Empty(await Store.GetRolesAsync(Tenant, Petter, default));
        var petter = await Store.GetPersonAsync(Tenant, Petter, default);
        Assert.Equal(("Petter Aas", OrganisationRoles.None, true), (petter!.Name, petter.Roles, petter.Removed));
    }

    [Fact]
    public async Task Import_CoordinatorLeftOutOfTheFile_CanNoLongerGetAReportFromTheBot()
    {
        var before = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "report Q3 2026", "en-GB"));
        Assert.DoesNotContain("You are not allowed to see the whole organisation", before, StringComparison.Ordinal);
        // The role goes to someone else: a file that leaves the organisation without any coordinator is refused.
        var yaml = ImportFiles.Demo(Tenant).Replace(
            "  - { email: lean.koordinator@fjordvik.kommune.no, name: Jonas Vik, roles: [coordinator] }\n",
            "  - { email: kari.nord@fjordvik.kommune.no, name: Kari Nord, roles: [coordinator] }\n",
            StringComparison.Ordinal);

        var result = await _bot.App.ImportAsync(Tenant, "organisation.yaml", yaml);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var after = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "report Q3 2026", "en-GB"));
        Assert.Contains("You are not allowed to see the whole organisation", after, StringComparison.Ordinal);
    }

    // Reading the action plan and `whoami` are open to anyone the organisation knows; someone it has removed is not.
    [Fact]
    public async Task Import_ConsultantLeftOutOfTheFile_IsNoLongerKnownToTheBotOrTheTab()
    {
        var petter = TeamsUser.Create("Petter Aas", Petter);
        await Store.LinkObjectIdAsync(Tenant, (await Store.GetPersonAsync(Tenant, Petter, default))!, petter.AadObjectId, default);
        Assert.Contains("Improvement consultant", await _bot.SayAsync(_bot.Activities.PersonalMessage(petter, "whoami", "en-GB")), StringComparison.Ordinal);
        using var http = _bot.App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, await ActionPlanStatusAsync(http));

        Assert.True((await _bot.App.ImportAsync(Tenant, "organisation.yaml", DemoWithoutPetter())).Succeeded);

        var whoami = await _bot.SayAsync(_bot.Activities.PersonalMessage(petter, "whoami", "en-GB"));
        Assert.DoesNotContain("Improvement consultant", whoami, StringComparison.Ordinal);
        Assert.Contains("I can't find you", whoami, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, await ActionPlanStatusAsync(http));
        var me = await http.SendAsync(Get("/api/tab/me"));
        Assert.Equal("[]", System.Text.Json.Nodes.JsonNode.Parse(await me.Content.ReadAsStringAsync())!["roles"]!.ToJsonString());
    }

    private HttpRequestMessage Get(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", LeanTeamsApp.Infrastructure.Auth.TabAuthModule.IssueDevToken(
            _bot.App.Services.GetRequiredService<LeanTeamsApp.Infrastructure.Auth.DevSigningKey>(), Tenant, Petter, "Petter Aas", TimeProvider.System.GetUtcNow()));
        return request;
    }

    private async Task<HttpStatusCode> ActionPlanStatusAsync(HttpClient http)
    {
        using var response = await http.SendAsync(Get("/api/tab/actionplan"));
        return response.StatusCode;
    }

    [Fact]
    public async Task Import_RemovedPersonListedAgain_GetsTheirRolesBack()
    {
        Assert.True((await _bot.App.ImportAsync(Tenant, "organisation.yaml", DemoWithoutPetter())).Succeeded);

        var result = await _bot.App.ImportDemoAsync(Tenant);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains($"+ person {Petter}: back in the organisation, consultant", result.Plan!.PreviewLines);
        Assert.Equal(
            [new RoleAssignment(Role.Consultant, null)],
            await Store.GetRolesAsync(Tenant, Petter, default));
        Assert.False((await Store.GetPersonAsync(Tenant, Petter, default))!.Removed);
    }

    [Fact]
    public async Task Import_LeaderOfAUnitTheFileLeavesOut_IsRemovedAndTheUnitKeptWithAWord()
    {
        var kulturskolen = await Store.GetUnitAsync(Tenant, "kulturskolen", default);
        var yaml = Without(
            ImportFiles.Demo(Tenant),
            "  - { email: leder.kulturskolen@fjordvik.kommune.no, name: Nils Holm }\n",
            "  - id: kulturskolen\n    name: Kulturskolen\n    serviceArea: oppvekst-og-kultur\n    leader: leder.kulturskolen@fjordvik.kommune.no\n    boardMeeting: { weekday: fredag, time: \"10:00\", minutes: 15 }\n    leanStart: 2025-08-18\n");

        var result = await _bot.App.ImportAsync(Tenant, "organisation.yaml", yaml);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains(
            "= unit kulturskolen: not in the file; kept unchanged; its leader leder.kulturskolen@fjordvik.kommune.no is removed from the organisation and holds no role there",
            result.Plan!.PreviewLines);
        Assert.Equal(kulturskolen!.ETag, (await Store.GetUnitAsync(Tenant, "kulturskolen", default))!.ETag);
        Assert.Empty(await Store.GetRolesAsync(Tenant, "leder.kulturskolen@fjordvik.kommune.no", default));
    }

    [Fact]
    public async Task Import_UnitsSheet_RemovesNoOne()
    {
        var people = await Store.ListPeopleAsync(Tenant, default);

        var result = await _bot.App.ImportAsync(Tenant, "good-units.csv", ImportFiles.Fixture("good-units.csv", Tenant));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.DoesNotContain(result.Plan!.Changes, c => c.Kind is ImportChangeKind.Removed or ImportChangeKind.Kept);
        Assert.All(await Store.ListPeopleAsync(Tenant, default), p => Assert.False(p.Removed, p.Id));
        Assert.Equal(people.Count + 2, (await Store.ListPeopleAsync(Tenant, default)).Count);
    }

    [Fact]
    public async Task Import_UnitsSheetNamingARemovedPerson_IsRefusedByLine()
    {
        Assert.True((await _bot.App.ImportAsync(Tenant, "organisation.yaml", DemoWithoutPetter())).Succeeded);
        var sheet = $"""
            tenant_id;unit_id;unit_name;service_area;leader_email;board_weekday;board_time;lean_start;consultant_email;guidance_from;guidance_to
            {Tenant};byggesak;Byggesak;samfunn-og-teknikk;leder.byggesak@fjordvik.kommune.no;torsdag;09:30;2023-04-11;{Petter};2026-01-05;2026-06-30
            """;

        var result = await _bot.App.ImportAsync(Tenant, "units.csv", sheet);

        Assert.Equal(
            $"units.csv:2: guidance.consultant: '{Petter}' was removed from the organisation by an earlier organisation file; add them back there first",
            Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public async Task Import_OrganisationFileNamingAPersonItDoesNotList_IsRefused()
    {
        var yaml = Without(ImportFiles.Demo(Tenant), "  - { email: petter.aas@fjordvik.kommune.no, name: Petter Aas, roles: [consultant] }\n");

        var result = await _bot.App.ImportAsync(Tenant, "organisation.yaml", yaml);

        Assert.Equal(
            $"organisation.yaml:115: guidance.consultant: unknown person '{Petter}': add them under people",
            Assert.Single(result.Errors).ToString());
        Assert.Contains(new RoleAssignment(Role.Consultant, null), await Store.GetRolesAsync(Tenant, Petter, default));
    }
}
