using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Auth;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Improvements;

/// <summary>
/// The service on a fake clock with the demo organisation in a fresh tenant, for tests of a unit's board (Byggesak,
/// board meeting on Thursdays 09:30 in Oslo): its people in chat, card actions, and the tab API as anyone of the
/// organisation.
/// </summary>
public sealed class BoardHost : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private BoardHost(BotHost bot, FakeTimeProvider clock, Unit byggesak)
    {
        Bot = bot;
        Clock = clock;
        Byggesak = byggesak;
        Http = bot.App.CreateClient();
    }

    public BotHost Bot { get; }

    public FakeTimeProvider Clock { get; }

    public Unit Byggesak { get; }

    public HttpClient Http { get; }

    public string TenantId => Bot.TenantId;

    public ImprovementStore Records => Bot.App.Services.GetRequiredService<ImprovementStore>();

    /// <summary>The service at <paramref name="now"/>; <paramref name="configureServices"/> replaces some of its services (a storage fault).</summary>
    public static async Task<BoardHost> StartAsync(DateTimeOffset now, Action<IServiceCollection>? configureServices = null)
    {
        var clock = new FakeTimeProvider(now);
        var settings = DevelopmentSignIn.Settings();
        settings["Outbox:Enabled"] = "false";
        var bot = await BotHost.StartAsync(settings, configureServices, clock, environment: DevelopmentSignIn.Environment);
        return new BoardHost(bot, clock, (await bot.App.Store.GetUnitAsync(bot.TenantId, "byggesak", default))!);
    }

    public Task<IReadOnlyList<Improvement>> ImprovementsAsync() => Records.ListImprovementsAsync(TenantId, "byggesak", default);

    public Task<IReadOnlyList<Deviation>> DeviationsAsync() => Records.ListDeviationsAsync(TenantId, "byggesak", default);

    public async Task<Improvement> ImprovementAsync(string title) => (await ImprovementsAsync()).Single(i => i.Title == title);

    public async Task<Deviation> DeviationAsync(string text) => (await DeviationsAsync()).Single(d => d.Text == text);

    /// <summary>Randi Lie, Byggesak's leader, adds an improvement in chat; returns its id.</summary>
    public async Task<string> AddAsync(string title)
    {
        await Bot.SayAsync(Bot.Activities.PersonalMessage(Bot.ByggesakLeader, "forbedring ny " + title));
        return (await ImprovementAsync(title)).Id;
    }

    /// <summary>A button of the improvements card, clicked by <paramref name="user"/> (Randi Lie when null), on Byggesak's card.</summary>
    public async Task<(System.Net.HttpStatusCode Status, string Body)> ActAsync(string verb, JsonObject data, TeamsUser? user = null)
    {
        var withUnit = data.DeepClone().AsObject();
        withUnit["unitId"] ??= "byggesak";
        var invoke = Bot.Activities.Invoke(user ?? Bot.ByggesakLeader, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = withUnit },
            ["trigger"] = "manual",
        });
        using var response = await Bot.PostAsync(invoke);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(body)!.ToJsonString(Unescaped));
    }

    public async Task MoveAsync(string improvementId, ImprovementStage to)
    {
        var (status, body) = await ActAsync(ImprovementsCard.MoveVerb, new JsonObject { ["improvementId"] = improvementId, ["to"] = to.ToString() });
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Contains("er nå:", body, StringComparison.Ordinal);
    }

    /// <summary>The card the bot sent last, as JSON.</summary>
    public JsonObject LastCard() =>
        Bot.Connector.Requests.Last(r => r.Operation is ConnectorOperation.Reply or ConnectorOperation.Send && r.Activity?.Attachments is { Count: > 0 })
            .Activity!.Attachments![0].Content!.AsObject();

    /// <summary>A tab token for a person of the organisation. Issued on the real clock: the token handler checks lifetimes on it.</summary>
    public string Token(string email, string name) =>
        TabAuthModule.IssueDevToken(Bot.App.Services.GetRequiredService<DevSigningKey>(), TenantId, email, name, DateTimeOffset.UtcNow);

    public async Task<(System.Net.HttpStatusCode Status, JsonNode? Body)> TabAsync(HttpMethod method, string path, string token, JsonObject? body = null, string? language = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 || response.Content.Headers.ContentType?.MediaType is not ("application/json" or "application/problem+json") ? null : JsonNode.Parse(text));
    }

    public async Task<string> TabTextAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Bot.DisposeAsync();
    }
}
