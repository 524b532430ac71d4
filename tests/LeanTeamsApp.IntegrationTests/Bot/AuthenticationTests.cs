using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LeanTeamsApp.BotFramework.Authentication;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.BotFramework.Tests.Authentication.Support;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;

namespace LeanTeamsApp.IntegrationTests.Bot;

/// <summary>
/// /api/messages with a configured app id, as in Teams: every request must carry a Bot Connector token that passes
/// every check. A rejected request changes nothing and sends nothing.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime, IDisposable
{
    private const string OutboundToken = "Bearer outbound-token-for-tests";

    private readonly AuthenticationRig _rig = new();
    private readonly RecordedLogs _logs = new();
    private BotHost _bot = null!;

    public static TheoryData<string, HttpStatusCode> ForgedTokens => new()
    {
        { "no header", HttpStatusCode.Unauthorized },
        { "basic scheme", HttpStatusCode.Unauthorized },
        { "not a jwt", HttpStatusCode.Unauthorized },
        { "alg none", HttpStatusCode.Unauthorized },
        { "wrong issuer", HttpStatusCode.Unauthorized },
        { "wrong audience", HttpStatusCode.Unauthorized },
        { "expired", HttpStatusCode.Unauthorized },
        { "not yet valid", HttpStatusCode.Unauthorized },
        { "serviceurl of another host", HttpStatusCode.Unauthorized },
        { "no serviceurl claim", HttpStatusCode.Unauthorized },
        { "signed by an unpublished key", HttpStatusCode.Unauthorized },
        { "tampered payload", HttpStatusCode.Unauthorized },
        { "hs256 with a guessed secret", HttpStatusCode.Unauthorized },
        { "key not endorsed for msteams", HttpStatusCode.Forbidden },
    };

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync(
        new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticatedLocalRequests"] = "false",
            ["Bot:AppId"] = AuthenticationRig.AppId,
            ["Bot:AppPassword"] = "unused: the outbound token provider is replaced below",
            ["Bot:TenantId"] = AuthenticationRig.TenantId,
        },
        services =>
        {
            _logs.AddTo(services);
            services.RemoveAll<SigningKeySource>();
            services.AddSingleton(new SigningKeySource(_rig.Server, _rig.Time, NullLogger<SigningKeySource>.Instance));
            services.RemoveAll<IConnectorTokenProvider>();
            services.AddSingleton<IConnectorTokenProvider>(new StaticToken(OutboundToken));
        },
        _rig.Time);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    public void Dispose() => _rig.Dispose();

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task Post_ForgedOrBrokenToken_IsRejectedAndNothingIsProcessed(string forgery, HttpStatusCode expected)
    {
        using var response = await _bot.PostAsync(Command(), Header(forgery));

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
        Assert.Null((await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!.Channel);
        Assert.DoesNotContain(forgery, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_GenuineToken_IsProcessedAndTheReplyCarriesTheBotsOwnToken()
    {
        using var response = await _bot.PostAsync(Command(), _rig.Bearer(TestKeys.Teams, Genuine));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!.Channel);
        var reply = Assert.Single(_bot.Connector.Requests, r => r.Operation == ConnectorOperation.Reply);
        Assert.Equal(OutboundToken, reply.Authorization);
    }

    [Theory]
    [InlineData("a.b.c.d.e")]
    [InlineData("eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ")]
    public async Task Post_FiveSegmentToken_Is401WithTheReasonLoggedAndNoStackTrace(string token)
    {
        using var response = await _bot.PostAsync(Command(), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(_bot.Connector.Requests);
        var rejected = Assert.Single(_logs.Entries, e => e.Message.StartsWith("Rejected a request to /api/messages", StringComparison.Ordinal));
        Assert.Equal("Rejected a request to /api/messages with 401: token is encrypted (JWE); the Bot Connector sends signed tokens only", rejected.Message);
        Assert.All(_logs.Entries, e => Assert.True(e.Exception is null && e.Level < LogLevel.Error, e.ToString()));
    }

    [Fact]
    public async Task Post_MalformedBodyWithoutToken_IsRejectedBeforeTheBodyIsRead()
    {
        using var client = _bot.App.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private JsonObject Command() => _bot.Activities.ChannelMessage(_bot.Coordinator, "registrer enhet Byggesak");

    private void Genuine(SecurityTokenDescriptor token) =>
        token.Claims[BotTokenValidator.ServiceUrlClaim] = _bot.Connector.ServiceUrl.ToString();

    private string? Header(string forgery)
    {
        var now = _rig.Time.GetUtcNow().UtcDateTime;
        return forgery switch
        {
            "no header" => null,
            "basic scheme" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot:password")),
            "not a jwt" => "Bearer this.is-not.a-token",
            "alg none" => "Bearer " + Unsigned(_rig.Token(TestKeys.Teams, Genuine)),
            "wrong issuer" => _rig.Bearer(TestKeys.Teams, t => { Genuine(t); t.Issuer = "https://api.botframework.example"; }),
            "wrong audience" => _rig.Bearer(TestKeys.Teams, t => { Genuine(t); t.Audience = "00000000-0000-0000-0000-000000000001"; }),
            "expired" => _rig.Bearer(TestKeys.Teams, t => { Genuine(t); t.IssuedAt = t.NotBefore = now.AddHours(-2); t.Expires = now.AddMinutes(-10); }),
            "not yet valid" => _rig.Bearer(TestKeys.Teams, t => { Genuine(t); t.IssuedAt = t.NotBefore = now.AddMinutes(10); t.Expires = now.AddHours(1); }),
            "serviceurl of another host" => _rig.Bearer(TestKeys.Teams, t => t.Claims[BotTokenValidator.ServiceUrlClaim] = "https://attacker.example/"),
            "no serviceurl claim" => _rig.Bearer(TestKeys.Teams, t => t.Claims.Remove(BotTokenValidator.ServiceUrlClaim)),
            "signed by an unpublished key" => _rig.Bearer(TestKeys.Unpublished, Genuine),
            "tampered payload" => "Bearer " + Tampered(_rig.Token(TestKeys.Teams, t => { Genuine(t); t.Audience = "00000000-0000-0000-0000-000000000001"; })),
            "hs256 with a guessed secret" => "Bearer " + _rig.Token(
                new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a guessable shared secret of 32+ bytes")), SecurityAlgorithms.HmacSha256),
                Genuine),
            "key not endorsed for msteams" => _rig.Bearer(TestKeys.WebChatOnly, Genuine),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery), forgery, null),
        };
    }

    /// <summary>The same claims with header alg "none" and no signature.</summary>
    private static string Unsigned(string token)
    {
        var payload = token.Split('.')[1];
        return $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{payload}.";
    }

    /// <summary>A validly signed token for another audience whose payload is rewritten to this bot's app id.</summary>
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["aud"] = AuthenticationRig.AppId;
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    private sealed class StaticToken(string header) : IConnectorTokenProvider
    {
        public Task<string?> GetAuthorizationHeaderAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(header);
    }
}
