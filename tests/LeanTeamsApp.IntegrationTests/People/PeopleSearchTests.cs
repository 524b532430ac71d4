using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Auth;
using LeanTeamsApp.Infrastructure.Graph;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Moq.Protected;

namespace LeanTeamsApp.IntegrationTests.People;

/// <summary>
/// The people picker's search, GET /api/tab/people?q=, through the tab's development sign-in against Azurite: without
/// Graph it searches the organisation's own people; with Graph (a Moq'd transport under the real Graph client and
/// handler chain) it searches the directory on behalf of the caller.
/// </summary>
public sealed class PeopleSearchTests : IAsyncLifetime
{
    private const string Coordinator = "lean.koordinator@fjordvik.kommune.no";
    private const string ByggesakLeader = "leder.byggesak@fjordvik.kommune.no";

    private readonly List<HttpRequestMessage> _graphRequests = [];
    private readonly Queue<HttpResponseMessage> _graphAnswers = new();
    private BotHost _bot = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("RANDI", "Randi Lie")]
    [InlineData("strand", "Mona Strand")]
    [InlineData("Leder.Bygg", "Randi Lie")]
    [InlineData("linn.aasen@fjordvik.kommune.no", "Linn Aasen")]
    public async Task People_CoordinatorWithoutGraph_FindsOrganisationPeopleByNameWordOrEmailPrefix(string query, string name)
    {
        await StartAsync();

        var (status, body) = await SearchAsync(Coordinator, query);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False((bool)body["fromDirectory"]!);
        var person = Assert.Single(body["people"]!.AsArray());
        Assert.Equal(name, (string)person!["name"]!);
        Assert.True((bool)person["inOrganisation"]!);
    }

    [Fact]
    public async Task People_WithoutGraph_LeavesRemovedPeopleOut()
    {
        await StartAsync();
        var store = _bot.App.Store;
        var linn = await store.GetPersonAsync(_bot.TenantId, "linn.aasen@fjordvik.kommune.no", default);
        Assert.Equal(WriteOutcome.Written, (await store.SavePersonAsync(_bot.TenantId, linn! with { Removed = true }, default)).Outcome);

        var (status, body) = await SearchAsync(Coordinator, "linn");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(body["people"]!.AsArray());
    }

    [Fact]
    public async Task People_WithoutGraphAWellFormedAddressNobodyHas_IsOfferedAsANewPerson()
    {
        await StartAsync();

        var (status, body) = await SearchAsync(Coordinator, " Ny.Leder@Fjordvik.kommune.no ");
        var (_, half) = await SearchAsync(Coordinator, "ny.leder@fjordvik");

        Assert.Equal(HttpStatusCode.OK, status);
        var person = Assert.Single(body["people"]!.AsArray());
        Assert.Equal(("ny.leder@fjordvik.kommune.no", "ny.leder@fjordvik.kommune.no", false), ((string)person!["email"]!, (string)person["name"]!, (bool)person["inOrganisation"]!));
        Assert.Empty(half["people"]!.AsArray());
    }

    [Theory]
    [InlineData(ByggesakLeader, HttpStatusCode.OK)]
    [InlineData("tol.samfunn@fjordvik.kommune.no", HttpStatusCode.OK)]
    [InlineData("linn.aasen@fjordvik.kommune.no", HttpStatusCode.Forbidden)]
    [InlineData("ingrid.solheim@fjordvik.kommune.no", HttpStatusCode.Forbidden)]
    [InlineData("okonomisjef@fjordvik.kommune.no", HttpStatusCode.Forbidden)]
    public async Task People_OnlyThoseWhoNamePeople_MaySearch(string email, HttpStatusCode expected)
    {
        await StartAsync();

        var (status, body) = await SearchAsync(email, "randi");

        Assert.Equal(expected, status);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("Randi Lie", (string)body["people"]![0]!["name"]!);
        }
        else
        {
            Assert.Null(body["people"]);
            Assert.Equal("Not allowed", (string)body["title"]!);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\u0007b")]
    public async Task People_EmptyOrControlCharacters_NamesTheField(string query)
    {
        await StartAsync();

        var (status, body) = await SearchAsync(Coordinator, query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body["errors"]!["q"]);
    }

    [Fact]
    public async Task People_QueryLongerThanAnEmailAddress_NamesTheField()
    {
        await StartAsync();

        var (status, body) = await SearchAsync(Coordinator, new string('a', 255), "en-GB");
        var (_, swedish) = await SearchAsync(Coordinator, new string('a', 255), "sv-SE");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("At most 254 characters.", (string)body["errors"]!["q"]![0]!);
        Assert.Equal("Högst 254 tecken.", (string)swedish["errors"]!["q"]![0]!);
    }

    [Fact]
    public async Task People_GraphConfigured_SearchesTheDirectoryWithTheCallersTokenAndMarksKnownPeople()
    {
        await StartAsync(withGraph: true);
        AnswerGraph(HttpStatusCode.OK, """
            {"value":[
              {"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","displayName":"Randi Lie","mail":"Leder.Byggesak@fjordvik.kommune.no","userPrincipalName":"randi.lie@fjordvik.kommune.no","jobTitle":"Enhetsleder"},
              {"id":"626cbf8c-5dde-46b0-8385-9e40d64736fe","displayName":"Randi Vikar","mail":null,"userPrincipalName":"randi.vikar@fjordvik.kommune.no","jobTitle":null}
            ]}
            """);
        var token = TokenOf(Coordinator, "Jonas Vik");

        var (status, body) = await SearchAsync(token, "randi");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)body["fromDirectory"]!);
        var people = body["people"]!.AsArray().Select(p => ((string)p!["email"]!, (string)p["name"]!, (string?)p["jobTitle"], (bool)p["inOrganisation"]!));
        Assert.Equal([("leder.byggesak@fjordvik.kommune.no", "Randi Lie", "Enhetsleder", true), ("randi.vikar@fjordvik.kommune.no", "Randi Vikar", null, false)], people);
        var sent = Assert.Single(_graphRequests);
        Assert.Equal("/v1.0/users", sent.RequestUri!.AbsolutePath);
        Assert.Equal("\"displayName:randi\" OR \"mail:randi\"", Query(sent)["$search"]);
        Assert.Equal("eventual", sent.Headers.GetValues("ConsistencyLevel").Single());
        Assert.Equal($"Bearer obo.{_bot.TenantId}.{token}", sent.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task People_GraphThrottles_Is503WithGraphsWait()
    {
        await StartAsync(withGraph: true);
        var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Content = new StringContent("""{"error":{"code":"TooManyRequests","message":"Please retry again later."}}""", Encoding.UTF8, "application/json"),
        };
        throttled.Headers.TryAddWithoutValidation("Retry-After", "45");
        _graphAnswers.Enqueue(throttled);

        using var response = await SendAsync(TokenOf(Coordinator, "Jonas Vik"), "randi");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("45", response.Headers.GetValues("Retry-After").Single());
        Assert.Contains("45 seconds", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_GraphRefuses_Is502SayingWhatToDo()
    {
        await StartAsync(withGraph: true);
        AnswerGraph(HttpStatusCode.Forbidden, """{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}""");

        var (status, body) = await SearchAsync(TokenOf(Coordinator, "Jonas Vik"), "randi");

        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Equal("Directory refused", (string)body["title"]!);
    }

    private async Task StartAsync(bool withGraph = false)
    {
        _bot = await BotHost.StartAsync(
            DevelopmentSignIn.Settings(),
            withGraph ? services =>
            {
                services.RemoveAll<IGraphDirectory>();
                services.AddSingleton<IGraphDirectory>(sp =>
                {
                    var time = sp.GetRequiredService<TimeProvider>();
                    var options = new GraphOptions { MaxRetryWait = TimeSpan.FromSeconds(10) };
                    var http = GraphModule.CreateHttpClient(options, time, NullLogger.Instance, GraphTransport());
                    return new GraphDirectory(http, (tenantId, assertion) => assertion is null ? null : new ExchangedToken($"obo.{tenantId}.{assertion}"), time);
                });
            } : null,
            environment: DevelopmentSignIn.Environment);
    }

    private HttpMessageHandler GraphTransport()
    {
        var transport = new Mock<HttpMessageHandler>(MockBehavior.Strict);
        transport.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .ReturnsAsync((HttpRequestMessage request, CancellationToken _) =>
            {
                lock (_graphRequests)
                {
                    _graphRequests.Add(request);
                    return _graphAnswers.Dequeue();
                }
            });
        return transport.Object;
    }

    private void AnswerGraph(HttpStatusCode status, string json) =>
        _graphAnswers.Enqueue(new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    private static Dictionary<string, string> Query(HttpRequestMessage request) =>
        request.RequestUri!.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);

    private string TokenOf(string email, string name) => TabAuthModule.IssueDevToken(
        _bot.App.Services.GetRequiredService<DevSigningKey>(), _bot.TenantId, email, name, TimeProvider.System.GetUtcNow());

    private async Task<(HttpStatusCode Status, JsonNode Body)> SearchAsync(string emailOrToken, string query, string? language = null)
    {
        var token = emailOrToken.Contains('@', StringComparison.Ordinal) ? TokenOf(emailOrToken, emailOrToken) : emailOrToken;
        using var response = await SendAsync(token, query, language);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private async Task<HttpResponseMessage> SendAsync(string token, string query, string? language = null)
    {
        using var http = _bot.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tab/people?q={Uri.EscapeDataString(query)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return await http.SendAsync(request);
    }

    /// <summary>Stands in for the on-behalf-of exchange: the Graph token names the SSO token it was exchanged for.</summary>
    private sealed class ExchangedToken(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
