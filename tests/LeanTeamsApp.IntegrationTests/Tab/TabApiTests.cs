using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Board;
using Microsoft.IdentityModel.Tokens;

namespace LeanTeamsApp.IntegrationTests.Tab;

/// <summary>The tab API through its development sign-in (Development, the flag on, no Entra app), against Azurite.</summary>
public sealed class TabApiTests : IAsyncLifetime
{
    private static readonly string[] Statuses = ["held", "notHeld", "missing", "dayOff", "upcoming"];

    private BotHost _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(DevelopmentSignIn.Settings(), environment: DevelopmentSignIn.Environment);
        _http = _bot.App.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
    }

    [Theory]
    [InlineData("GET", "/api/tab/me")]
    [InlineData("GET", "/api/tab/overview")]
    [InlineData("GET", "/api/tab/units/byggesak")]
    [InlineData("GET", "/api/tab/yearwheel")]
    [InlineData("GET", "/api/tab/actionplan")]
    [InlineData("POST", "/api/tab/actionplan")]
    [InlineData("GET", "/api/tab/reports/2026.csv")]
    public async Task TabApi_NoToken_Is401(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null };

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TabApi_TokenSignedWithAnotherKey_Is401()
    {
        var forged = new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            "https://leanteamsapp.local/dev-signin", "https://leanteamsapp.local/dev-signin",
            [new Claim("tid", _bot.TenantId), new Claim("preferred_username", "lean.koordinator@fjordvik.kommune.no")],
            DateTime.UtcNow, DateTime.UtcNow.AddHours(1),
            new SigningCredentials(new SymmetricSecurityKey(new byte[32]), SecurityAlgorithms.HmacSha256)));

        using var response = await GetAsync("/api/tab/me", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DevSignIn_UnknownPerson_NamesTheField()
    {
        using var response = await _http.PostAsJsonAsync("/api/tab/dev-signin", new { email = "ukjent@example.com", tenantId = _bot.TenantId });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("No person with this e-mail in the organisation.", (string)problem["errors"]!["email"]![0]!);
        Assert.Equal("invalidField", (string?)problem["code"]);
    }

    [Fact]
    public async Task Me_Coordinator_HasTheRoleAndMayEditTheActionPlan()
    {
        using var response = await GetAsync("/api/tab/me", await SignInAsync("lean.koordinator@fjordvik.kommune.no"));

        var me = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("Jonas Vik", "Fjordvik kommune", true, true), ((string)me["name"]!, (string)me["organisation"]!, (bool)me["canEditActionPlan"]!, (bool)me["canViewDelivery"]!));
        Assert.Equal(["coordinator"], me["roles"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(4, me["areas"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("radmann@fjordvik.kommune.no")]
    [InlineData("okonomisjef@fjordvik.kommune.no")]
    public async Task Me_TopManagement_ReadsTheWholeOrganisationButEditsNothing(string email)
    {
        var token = await SignInAsync(email);

        var me = JsonNode.Parse(await (await GetAsync("/api/tab/me", token)).Content.ReadAsStringAsync())!;
        var overview = JsonNode.Parse(await (await GetAsync("/api/tab/overview", token)).Content.ReadAsStringAsync())!;

        Assert.Equal(["topManagement"], me["roles"]!.AsArray().Select(r => (string)r!));
        Assert.False((bool)me["canEditActionPlan"]!);
        Assert.True((bool)me["canViewDelivery"]!);
        Assert.Equal(4, me["areas"]!.AsArray().Count);
        Assert.Equal(12, overview["units"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("/api/tab/me")]
    [InlineData("/api/tab/overview")]
    [InlineData("/api/tab/units/byggesak")]
    [InlineData("/api/tab/actionplan")]
    public async Task TabApi_ValidTokenOfATenantWithoutAnOrganisation_Is403WithNoData(string path)
    {
        var signing = _bot.App.Services.GetRequiredService<LeanTeamsApp.Infrastructure.Auth.DevSigningKey>();
        var token = LeanTeamsApp.Infrastructure.Auth.TabAuthModule.IssueDevToken(signing, TestTenants.New(), "lean.koordinator@fjordvik.kommune.no", "Jonas Vik", DateTimeOffset.UtcNow);

        using var response = await GetAsync(path, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("Not set up", (string)JsonNode.Parse(body)!["title"]!);
        Assert.DoesNotContain("byggesak", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnitPage_AnotherTenantsUnitWithTheSameId_ShowsOnlyTheCallersOwnRecords()
    {
        var improvements = _bot.App.Services.GetRequiredService<ImprovementStore>();
        await improvements.AddImprovementAsync(_bot.TenantId, new Improvement("byggesak", "a1", "Hemmelig forbedring", "Randi Lie", ImprovementStage.Suggested, RecordSource.Command, DateTimeOffset.UtcNow), default);
        await using var other = await BotHost.StartAsync(DevelopmentSignIn.Settings(), environment: DevelopmentSignIn.Environment);
        using var otherHttp = other.App.CreateClient();
        using var signIn = await otherHttp.PostAsJsonAsync("/api/tab/dev-signin", new { email = "lean.koordinator@fjordvik.kommune.no", tenantId = other.TenantId });
        var token = (string)JsonNode.Parse(await signIn.Content.ReadAsStringAsync())!["token"]!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tab/units/byggesak");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await otherHttp.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Hemmelig forbedring", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitPage_Goals_TraceUpToTheOverallGoalAndFlagTheUnlinked()
    {
        var byggesak = JsonNode.Parse(await (await GetAsync("/api/tab/units/byggesak", await SignInAsync("leder.byggesak@fjordvik.kommune.no"))).Content.ReadAsStringAsync())!;
        var servicetorget = JsonNode.Parse(await (await GetAsync("/api/tab/units/servicetorget", await SignInAsync("lean.koordinator@fjordvik.kommune.no"))).Content.ReadAsStringAsync())!;

        // The demo file: Byggesak's goals support its area's "Effektiv saksbehandling", which supports the overall
        // "Brukeren i sentrum"; Servicetorget's goal is not linked yet. A unit leader sees the top group's goal too.
        var goals = byggesak["goals"]!.AsArray();
        Assert.Equal(["Saksbehandlingstid under 3 uker", "Færre mangelfulle søknader"], goals.Select(g => (string)g!["name"]!));
        Assert.All(goals, g => Assert.Equal(["Effektiv saksbehandling", "Brukeren i sentrum"], g!["traces"]!.AsArray().Select(t => (string)t!)));
        Assert.All(goals, g => Assert.False((bool)g!["unlinked"]!));
        var unlinked = Assert.Single(servicetorget["goals"]!.AsArray());
        Assert.Equal("Flere henvendelser løst i første kontakt", (string)unlinked!["name"]!);
        Assert.Empty(unlinked["traces"]!.AsArray());
        Assert.True((bool)unlinked["unlinked"]!);
    }

    [Fact]
    public async Task UnitPage_UnitLeaderOfAnotherUnit_Is404()
    {
        using var response = await GetAsync("/api/tab/units/fjordtun-sykehjem", await SignInAsync("leder.byggesak@fjordvik.kommune.no"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unitNotFound", await CodeOfAsync(response));
    }

    [Fact]
    public async Task Overview_ServiceAreaLeader_SeesTwelveWeeksOfTheirUnitsOnly()
    {
        using var response = await GetAsync("/api/tab/overview", await SignInAsync("tol.helse@fjordvik.kommune.no"));

        var overview = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(12, overview["weeks"]!.AsArray().Count);
        var units = overview["units"]!.AsArray();
        Assert.Equal(["fjordtun-sykehjem", "hjemmetjenesten-nord", "hjemmetjenesten-sor", "tildelingskontoret"], units.Select(u => (string)u!["id"]!).Order(StringComparer.Ordinal));
        Assert.All(units, u => Assert.Equal(12, u!["statuses"]!.AsArray().Count));
        Assert.All(units.SelectMany(u => u!["statuses"]!.AsArray()), s => Assert.Contains((string)s!, Statuses));
    }

    [Fact]
    public async Task ActionPlan_UnitLeader_CanReadButNotEdit()
    {
        var token = await SignInAsync("leder.byggesak@fjordvik.kommune.no");

        using var read = await GetAsync("/api/tab/actionplan", token);
        using var add = await SendAsync(HttpMethod.Post, "/api/tab/actionplan", token, Row("Tavlemøter faller bort i ferier"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal("actionPlanEditForbidden", await CodeOfAsync(add));
        Assert.Empty(JsonNode.Parse(await (await GetAsync("/api/tab/actionplan", token)).Content.ReadAsStringAsync())!["rows"]!.AsArray());
    }

    // The tab shows each field's problem next to it, in the caller's language (Accept-Language); the keys stay.
    [Theory]
    [InlineData("nb-NO", "Skriv fra 1 til 300 tegn.", "Oppgi en dato.", "Velg ikke startet, pågår eller ferdig.", "Send med etag-en fra da dette ble lest.")]
    [InlineData("nn-NO", "Skriv frå 1 til 300 teikn.", "Oppgi ein dato.", "Vel ikkje starta, pågår eller ferdig.", "Send med etag-en frå då dette vart lese.")]
    [InlineData("sv-SE", "Skriv 1 till 300 tecken.", "Ange ett datum.", "Välj inte påbörjad, pågår eller klar.", "Skicka med etaggen från när detta lästes.")]
    public async Task ActionPlan_RowWithEveryFieldWrong_IsWordedInTheCallersLanguageAndNothingStored(string language, string challenge, string deadline, string status, string etag)
    {
        var token = await SignInAsync("lean.koordinator@fjordvik.kommune.no");
        var row = Row(new string('x', 301));
        row.Remove("deadline");
        row.Remove("status");

        using var added = await SendAsync(HttpMethod.Post, "/api/tab/actionplan", token, row, language);
        using var edited = await SendAsync(HttpMethod.Put, "/api/tab/actionplan/no-such-row", token, row, language);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (added.StatusCode, edited.StatusCode));
        var addErrors = JsonNode.Parse(await added.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal((challenge, deadline, status), ((string?)addErrors["challenge"]![0], (string?)addErrors["deadline"]![0], (string?)addErrors["status"]![0]));
        Assert.Equal(etag, (string?)JsonNode.Parse(await edited.Content.ReadAsStringAsync())!["errors"]!["etag"]![0]);
        Assert.Empty(JsonNode.Parse(await (await GetAsync("/api/tab/actionplan", token)).Content.ReadAsStringAsync())!["rows"]!.AsArray());
    }

    [Fact]
    public async Task ActionPlan_CoordinatorAddsEditsAndDeletes_WithTheETagGuardingEdits()
    {
        var token = await SignInAsync("lean.koordinator@fjordvik.kommune.no");

        using var added = await SendAsync(HttpMethod.Post, "/api/tab/actionplan", token, Row("Tavlemøter faller bort i ferier"));
        var row = JsonNode.Parse(await added.Content.ReadAsStringAsync())!.AsObject();
        // The tab sends back the "etag" it read, by the name docs/tab-api.md gives it.
        Assert.False(string.IsNullOrEmpty((string?)row["etag"]));
        var edit = row.DeepClone().AsObject();
        edit["status"] = "inProgress";
        using var edited = await SendAsync(HttpMethod.Put, $"/api/tab/actionplan/{row["id"]}", token, edit);
        using var stale = await SendAsync(HttpMethod.Put, $"/api/tab/actionplan/{row["id"]}", token, edit);
        var afterEdit = JsonNode.Parse(await (await GetAsync("/api/tab/actionplan", token)).Content.ReadAsStringAsync())!["rows"]!.AsArray();
        using var deleted = await SendAsync(HttpMethod.Delete, $"/api/tab/actionplan/{row["id"]}", token, null);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.PreconditionFailed, HttpStatusCode.NoContent), (added.StatusCode, edited.StatusCode, stale.StatusCode, deleted.StatusCode));
        Assert.Equal("inProgress", (string)Assert.Single(afterEdit)!["status"]!);
        Assert.Equal("changedMeanwhile", await CodeOfAsync(stale));
        Assert.Empty(JsonNode.Parse(await (await GetAsync("/api/tab/actionplan", token)).Content.ReadAsStringAsync())!["rows"]!.AsArray());
    }

    [Fact]
    public async Task ActionPlan_InvalidRow_ProblemNamesEachField()
    {
        var token = await SignInAsync("lean.koordinator@fjordvik.kommune.no");

        using var response = await SendAsync(HttpMethod.Post, "/api/tab/actionplan", token, new JsonObject { ["challenge"] = "", ["measures"] = "Felles mal", ["responsible"] = new string('x', 201) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["challenge", "deadline", "responsible", "status"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal("invalidField", (string?)problem["code"]);
    }

    [Fact]
    public async Task YearWheel_Coordinator_GetsHolidaysBlackoutsAndDeadlines()
    {
        using var response = await GetAsync("/api/tab/yearwheel?year=2027", await SignInAsync("lean.koordinator@fjordvik.kommune.no"));

        var wheel = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2027, (int)wheel["year"]!);
        Assert.Contains(wheel["holidays"]!.AsArray(), h => (string)h!["date"]! == "2027-05-17" && (string)h["country"]! == "NO");
        Assert.Contains(wheel["blackouts"]!.AsArray(), b => (string)b!["name"]! == "Fellesferie");
        Assert.Equal(4, wheel["deadlines"]!.AsArray().Count);
    }

    [Fact]
    public async Task TabReport_UnitLeader_IsRefusedAndCoordinatorGetsTheWorkbook()
    {
        using var refused = await GetAsync("/api/tab/reports/2026-Q3.xlsx", await SignInAsync("leder.byggesak@fjordvik.kommune.no"));
        using var workbook = await GetAsync("/api/tab/reports/2026-Q3.xlsx", await SignInAsync("lean.koordinator@fjordvik.kommune.no"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("reportForbidden", await CodeOfAsync(refused));
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType?.MediaType);
    }

    private static JsonObject Row(string challenge) => new()
    {
        ["challenge"] = challenge,
        ["measures"] = "Stedfortreder leder tavlemøtet",
        ["responsible"] = "Tjenesteområdeleder",
        ["deadline"] = "2027-03-01",
        ["status"] = "notStarted",
    };

    private async Task<string> SignInAsync(string email)
    {
        using var response = await _http.PostAsJsonAsync("/api/tab/dev-signin", new { email, tenantId = _bot.TenantId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!;
    }

    private Task<HttpResponseMessage> GetAsync(string path, string token) => SendAsync(HttpMethod.Get, path, token, null);

    /// <summary>The problem's code, by which the tab words it in the user's language.</summary>
    private static async Task<string?> CodeOfAsync(HttpResponseMessage response) =>
        (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"];

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, JsonObject? body, string? language = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return await _http.SendAsync(request);
    }
}

/// <summary>
/// The tab API with an Entra app configured: Microsoft.Identity.Web validates the SSO token. The tokens are signed by
/// a test key the host is told about, since Entra cannot be reached from here; audience, lifetime and signature are
/// checked as configured, and the development sign-in is off.
/// </summary>
public sealed class TabSsoTests : IAsyncLifetime
{
    private const string ClientId = "7b3f0c1e-5d2a-4c8b-9e6f-0a1b2c3d4e5f";
    private const string Audience = "api://lean.example.no/" + ClientId;
    private static readonly RsaSecurityKey Key = new(System.Security.Cryptography.RSA.Create(2048)) { KeyId = "test-key" };
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
                ["AzureAd:TenantId"] = "organizations",
                ["AzureAd:ClientId"] = ClientId,
                ["AzureAd:Audience"] = Audience,
            },
            services => services.PostConfigure<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions>(
                LeanTeamsApp.Infrastructure.Auth.TabAuthModule.SsoScheme,
                o =>
                {
                    var metadata = new Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration { Issuer = "https://login.microsoftonline.com/{tenantid}/v2.0" };
                    metadata.SigningKeys.Add(Key);
                    o.Configuration = metadata;
                    o.ConfigurationManager = new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration>(metadata);
                    // Entra's multi-tenant issuer check looks its instances up online; here the issuer must be the token's tenant's.
                    o.TokenValidationParameters.IssuerValidator = (issuer, token, _) =>
                        token is Microsoft.IdentityModel.JsonWebTokens.JsonWebToken jwt && issuer == $"https://login.microsoftonline.com/{jwt.GetClaim("tid").Value}/v2.0"
                            ? issuer
                            : throw new SecurityTokenInvalidIssuerException("Unexpected issuer.");
                }));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Me_ValidSsoToken_IsTheCoordinator()
    {
        using var response = await GetAsync(Token(_bot.TenantId, Audience, DateTime.UtcNow.AddHours(1)));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {response.Headers.WwwAuthenticate} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("Jonas Vik", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["name"]!);
    }

    [Fact]
    public async Task Me_SsoTokenForAnotherAudienceOrExpired_Is401()
    {
        using var otherAudience = await GetAsync(Token(_bot.TenantId, "api://other.example/" + ClientId, DateTime.UtcNow.AddHours(1)));
        using var expired = await GetAsync(Token(_bot.TenantId, Audience, DateTime.UtcNow.AddHours(-1)));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (otherAudience.StatusCode, expired.StatusCode));
    }

    [Fact]
    public async Task Me_SsoTokenOfAnotherTenant_GetsNoData()
    {
        using var response = await GetAsync(Token(TestTenants.New(), Audience, DateTime.UtcNow.AddHours(1)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Jonas", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // The accepted rows guard the refused ones: the same token with the scope Teams asks for gets in.
    [Theory]
    [InlineData("access_as_user", null, HttpStatusCode.OK)]
    [InlineData("openid access_as_user profile", null, HttpStatusCode.OK)]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    [InlineData(null, "LeanTeamsApp.ReadAll", HttpStatusCode.Unauthorized)]
    [InlineData("openid profile", null, HttpStatusCode.Unauthorized)]
    [InlineData("access_as_user.other Files.Read", null, HttpStatusCode.Unauthorized)]
    [InlineData("", "LeanTeamsApp.ReadAll", HttpStatusCode.Unauthorized)]
    public async Task Me_SsoTokenScopes_OnlyAccessAsUserGetsIn(string? scp, string? roles, HttpStatusCode expected)
    {
        using var response = await GetAsync(Token(_bot.TenantId, Audience, DateTime.UtcNow.AddHours(1), claims =>
        {
            claims.RemoveAll(c => c.Type == "scp");
            claims.AddRange(scp is null ? [] : [new Claim("scp", scp)]);
            claims.AddRange(roles is null ? [] : [new Claim("roles", roles)]);
        }));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, (await response.Content.ReadAsStringAsync()).Contains("Jonas Vik", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Me_SsoTokenWithTheCoordinatorsEmailButNoUpn_Is401WithNoData()
    {
        using var response = await GetAsync(Token(_bot.TenantId, Audience, DateTime.UtcNow.AddHours(1), claims =>
        {
            claims.RemoveAll(c => c.Type == "preferred_username");
            claims.Add(new Claim("email", "lean.koordinator@fjordvik.kommune.no"));
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Jonas", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_SsoTokenWithTheCoordinatorsEmailAndAnotherUpn_IsNotTheCoordinator()
    {
        using var response = await GetAsync(Token(_bot.TenantId, Audience, DateTime.UtcNow.AddHours(1), claims =>
        {
            claims.RemoveAll(c => c.Type is "preferred_username" or "name");
            claims.Add(new Claim("upn", "gjest_example.com#EXT#@fjordvik.onmicrosoft.com"));
            claims.Add(new Claim("email", "lean.koordinator@fjordvik.kommune.no"));
        }));

        var me = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(me["roles"]!.AsArray());
        Assert.False((bool)me["canEditActionPlan"]!);
        Assert.False((bool)me["canViewDelivery"]!);
    }

    [Fact]
    public async Task Me_V1SsoTokenWithUpnOnly_IsTheCoordinator()
    {
        using var response = await GetAsync(Token(_bot.TenantId, Audience, DateTime.UtcNow.AddHours(1), claims =>
        {
            claims.RemoveAll(c => c.Type == "preferred_username");
            claims.Add(new Claim("upn", "lean.koordinator@fjordvik.kommune.no"));
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Jonas Vik", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["name"]!);
    }

    [Fact]
    public async Task DevSignIn_WithEntraConfigured_IsOff()
    {
        using var http = _bot.App.CreateClient();

        using var response = await http.PostAsJsonAsync("/api/tab/dev-signin", new { email = "lean.koordinator@fjordvik.kommune.no", tenantId = _bot.TenantId });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>A token as Entra issues it for Teams' SSO request, with <paramref name="claims"/> changing its claims.</summary>
    private static string Token(string tenantId, string audience, DateTime expires, Action<List<Claim>>? claims = null)
    {
        List<Claim> list =
        [
            new Claim("tid", tenantId), new Claim("preferred_username", "Lean.Koordinator@fjordvik.kommune.no"), new Claim("name", "Jonas Vik"),
            new Claim("scp", "access_as_user"), new Claim("oid", Guid.NewGuid().ToString()),
        ];
        claims?.Invoke(list);
        return new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            $"https://login.microsoftonline.com/{tenantId}/v2.0",
            audience,
            list,
            expires.AddHours(-2),
            expires,
            new SigningCredentials(Key, SecurityAlgorithms.RsaSha256)));
    }

    private async Task<HttpResponseMessage> GetAsync(string token)
    {
        using var http = _bot.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tab/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }
}
