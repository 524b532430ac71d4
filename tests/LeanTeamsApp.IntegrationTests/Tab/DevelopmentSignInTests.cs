using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LeanTeamsApp.Infrastructure.Auth;

namespace LeanTeamsApp.IntegrationTests.Tab;

/// <summary>
/// The development sign-in lets anyone sign in as anyone of an organisation, so it is on only where both say so: the
/// environment is Development and TabAuth:DevelopmentSignIn is true (and no Entra app is configured). Everywhere else
/// the endpoint is a 404 and a token signed the development way authenticates nothing.
/// </summary>
public sealed class DevelopmentSignInTests
{
    private const string Coordinator = "lean.koordinator@fjordvik.kommune.no";

    // The first row guards the others: the same host with both conditions met signs the coordinator in.
    [Theory]
    [InlineData("Development", "true", true)]
    [InlineData("Staging", null, false)]
    [InlineData("Staging", "true", false)]
    [InlineData("Production", "true", false)]
    [InlineData("Testing", "true", false)]
    [InlineData("Development", null, false)]
    [InlineData("Development", "false", false)]
    public async Task DevSignIn_EnvironmentAndFlag_OnlyDevelopmentWithTheFlagSignsIn(string environment, string? flag, bool on)
    {
        // The Playground's switch is refused at start-up in Production, and nothing here talks to the bot.
        var settings = new Dictionary<string, string?> { ["Bot:AllowUnauthenticatedLocalRequests"] = "false" };
        if (flag is not null)
        {
            settings["TabAuth:DevelopmentSignIn"] = flag;
        }

        await using var bot = await BotHost.StartAsync(settings, environment: environment);
        using var http = bot.App.CreateClient();
        // What an attacker could not do, but a test can: a token signed with this very process's development key.
        var forged = TabAuthModule.IssueDevToken(bot.App.Services.GetRequiredService<DevSigningKey>(), bot.TenantId, Coordinator, "Jonas Vik", DateTimeOffset.UtcNow);

        using var signIn = await http.PostAsJsonAsync("/api/tab/dev-signin", new { email = Coordinator, tenantId = bot.TenantId });
        using var me = await GetMeAsync(http, forged);

        Assert.Equal(on ? HttpStatusCode.OK : HttpStatusCode.NotFound, signIn.StatusCode);
        Assert.Equal(on ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(on, (await signIn.Content.ReadAsStringAsync()).Contains("token", StringComparison.Ordinal));
        Assert.Equal(on, (await me.Content.ReadAsStringAsync()).Contains("Jonas Vik", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> GetMeAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tab/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }
}
