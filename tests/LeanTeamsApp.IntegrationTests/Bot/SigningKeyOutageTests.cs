using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using LeanTeamsApp.BotFramework.Authentication;
using LeanTeamsApp.BotFramework.Tests.Authentication.Support;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace LeanTeamsApp.IntegrationTests.Bot;

/// <summary>
/// /api/messages while Microsoft's signing-key endpoint cannot be reached and no keys were fetched before: a real
/// socket on loopback stands in for login.botframework.com, refusing connections or accepting and never answering.
/// The Bot Service must hear 503 (it retries) and the log must blame the keys, not storage.
/// </summary>
public sealed class SigningKeyOutageTests : IDisposable
{
    private readonly AuthenticationRig _rig = new();
    private readonly RecordedLogs _logs = new();

    public void Dispose() => _rig.Dispose();

    [Theory]
    [InlineData(false, "Connection refused")]
    [InlineData(true, "HttpClient.Timeout")]
    public async Task Post_KeyEndpointRefusesOrNeverAnswers_Is503NamingTheSignInKeys(bool acceptsAndHangs, string cause)
    {
        using var endpoint = DeadKeyEndpoint.Start(acceptsAndHangs);
        await using var bot = await BotHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Bot:AllowUnauthenticatedLocalRequests"] = "false",
                ["Bot:AppId"] = AuthenticationRig.AppId,
                ["Bot:AppPassword"] = "unused: nothing is sent",
                ["Bot:TenantId"] = AuthenticationRig.TenantId,
            },
            services =>
            {
                _logs.AddTo(services);
                services.RemoveAll<SigningKeySource>();
                services.AddSingleton(sp => new SigningKeySource(endpoint, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SigningKeySource>>()));
            },
            _rig.Time);
        var activity = bot.Activities.ChannelMessage(bot.Coordinator, "registrer enhet Byggesak");

        using var response = await bot.PostAsync(activity, _rig.Bearer(TestKeys.Teams, t => t.Claims[BotTokenValidator.ServiceUrlClaim] = bot.Connector.ServiceUrl.ToString()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Sign-in keys are unavailable", (string?)problem["title"]);
        Assert.DoesNotContain("torage", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(bot.Connector.Requests);
        Assert.Null((await bot.App.Store.GetUnitAsync(bot.TenantId, "byggesak", default))!.Channel);
        var logged = Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.StartsWith(
            $"Could not authenticate a request to /api/messages, answered 503: The signing keys could not be fetched from {BotAuthenticationOptions.DefaultOpenIdMetadataUrl}: ",
            logged.Message,
            StringComparison.Ordinal);
        Assert.Contains(cause, logged.Message, StringComparison.Ordinal);
        Assert.Null(logged.Exception);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains("torage", StringComparison.Ordinal));
    }

    /// <summary>
    /// Every request the key source makes goes to a loopback port instead of login.botframework.com: a port nothing
    /// listens on (the connection is refused), or a listener that completes the handshake and never reads or answers.
    /// </summary>
    private sealed class DeadKeyEndpoint : IHttpClientFactory, IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly bool _hangs;
        private readonly int _port;

        private DeadKeyEndpoint(bool hangs)
        {
            _hangs = hangs;
            _listener.Start();
            _port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            if (!hangs)
            {
                _listener.Stop();
            }
        }

        public static DeadKeyEndpoint Start(bool acceptsAndHangs) => new(acceptsAndHangs);

        public HttpClient CreateClient(string name) =>
            new(new ToLoopback(_port) { InnerHandler = new SocketsHttpHandler() }) { Timeout = TimeSpan.FromMilliseconds(500) };

        public void Dispose()
        {
            if (_hangs)
            {
                _listener.Stop();
            }

            _listener.Dispose();
        }

        private sealed class ToLoopback(int port) : DelegatingHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = "http", Host = "127.0.0.1", Port = port }.Uri;
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
