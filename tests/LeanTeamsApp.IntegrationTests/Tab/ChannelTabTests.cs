using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LeanTeamsApp.IntegrationTests.Tab;

/// <summary>The channel tab's configuration page asks which unit the channel belongs to; a unit is bound by the bot.</summary>
public sealed class ChannelTabTests : IAsyncLifetime
{
    private static readonly string ByggesakChannel = Uri.EscapeDataString(TeamsActivities.ByggesakChannelId);

    private BotHost _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(DevelopmentSignIn.Settings(), environment: DevelopmentSignIn.Environment);
        _http = _bot.App.CreateClient();
        await _bot.SayAsync(_bot.Activities.ChannelMessage(_bot.Coordinator, "registrer enhet byggesak"));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
    }

    [Theory]
    [InlineData("lean.koordinator@fjordvik.kommune.no", "byggesak")]
    [InlineData("leder.byggesak@fjordvik.kommune.no", "byggesak")]
    [InlineData("tol.helse@fjordvik.kommune.no", null)]
    public async Task ChannelUnits_RegisteredChannel_NamesTheUnitToThoseWhoMaySeeIt(string email, string? unitId)
    {
        using var response = await GetAsync($"/api/tab/channel-units?channelId={ByggesakChannel}", await SignInAsync(email));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["unitIds"]!.AsArray().Select(id => (string?)id);
        Assert.Equal(unitId is null ? [] : [unitId], ids);
    }

    [Fact]
    public async Task ChannelUnits_ChannelWithoutAUnit_IsEmpty()
    {
        using var response = await GetAsync($"/api/tab/channel-units?channelId={Uri.EscapeDataString(TeamsActivities.ForumChannelId)}", await SignInAsync("lean.koordinator@fjordvik.kommune.no"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["unitIds"]!.AsArray());
    }

    [Fact]
    public async Task ChannelUnits_NoChannel_ProblemNamesTheField()
    {
        using var response = await GetAsync("/api/tab/channel-units", await SignInAsync("lean.koordinator@fjordvik.kommune.no"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["channelId"]);
    }

    [Fact]
    public async Task ChannelUnits_NoToken_Is401()
    {
        using var response = await _http.GetAsync(new Uri($"/api/tab/channel-units?channelId={ByggesakChannel}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<string> SignInAsync(string email)
    {
        using var response = await _http.PostAsJsonAsync("/api/tab/dev-signin", new { email, tenantId = _bot.TenantId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!;
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(request);
    }
}
