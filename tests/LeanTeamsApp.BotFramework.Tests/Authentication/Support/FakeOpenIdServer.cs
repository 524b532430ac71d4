using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace LeanTeamsApp.BotFramework.Tests.Authentication.Support;

/// <summary>Serves OpenID metadata and JWKS documents from memory and counts what was asked for.</summary>
internal sealed class FakeOpenIdServer : HttpMessageHandler, IHttpClientFactory
{
    private readonly ConcurrentDictionary<string, Uri> jwksByMetadata = new();
    private readonly ConcurrentDictionary<string, List<TestSigningKey>> keysByJwks = new();
    private readonly ConcurrentDictionary<string, int> requestCounts = new();

    /// <summary>How every request fails, as during an outage of the key endpoint; <see cref="KeyEndpointFailure.None"/> serves.</summary>
    public KeyEndpointFailure Failure { get; set; }

    /// <summary>When true every request gets 503.</summary>
    public bool Unavailable
    {
        get => Failure == KeyEndpointFailure.Status503;
        set => Failure = value ? KeyEndpointFailure.Status503 : KeyEndpointFailure.None;
    }

    /// <summary>The clients' timeout, so that a test of a hanging endpoint waits for it rather than for 100 seconds.</summary>
    public TimeSpan ClientTimeout { get; set; } = TimeSpan.FromSeconds(100);

    public void AddIssuer(Uri metadataUrl, Uri jwksUrl)
    {
        jwksByMetadata[metadataUrl.AbsoluteUri] = jwksUrl;
        keysByJwks[jwksUrl.AbsoluteUri] = [];
    }

    public void Publish(Uri metadataUrl, TestSigningKey key)
    {
        var keys = keysByJwks[jwksByMetadata[metadataUrl.AbsoluteUri].AbsoluteUri];
        lock (keys)
        {
            keys.Add(key);
        }
    }

    public int RequestCount(Uri url) => requestCounts.GetValueOrDefault(url.AbsoluteUri);

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false) { Timeout = ClientTimeout };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.AbsoluteUri;
        requestCounts.AddOrUpdate(url, 1, (_, count) => count + 1);
        switch (Failure)
        {
            case KeyEndpointFailure.Status503:
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            case KeyEndpointFailure.Refused:
                throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (login.botframework.com:443)", new System.Net.Sockets.SocketException(111));
            case KeyEndpointFailure.Hangs:
                // Until the client's timeout cancels the request.
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
            case KeyEndpointFailure.HtmlPage:
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html><body>Sign in to the network</body></html>", Encoding.UTF8, "text/html") };
            case KeyEndpointFailure.None:
                break;
        }

        return await Serve(url);
    }

    private Task<HttpResponseMessage> Serve(string url)
    {
        if (jwksByMetadata.TryGetValue(url, out var jwksUrl))
        {
            return Json(new JsonObject
            {
                ["issuer"] = "https://api.botframework.com",
                ["jwks_uri"] = jwksUrl.AbsoluteUri,
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            });
        }

        if (keysByJwks.TryGetValue(url, out var keys))
        {
            lock (keys)
            {
                return Json(new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => k.ToJwk())]) });
            }
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
    }

    private static Task<HttpResponseMessage> Json(JsonNode body) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
    {
        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
    });
}

public enum KeyEndpointFailure
{
    None,
    Status503,

    /// <summary>The connection is refused (nothing listens, or a firewall says no).</summary>
    Refused,

    /// <summary>The connection is accepted and never answered.</summary>
    Hangs,

    /// <summary>A captive portal or proxy answers 200 with a web page instead of JSON.</summary>
    HtmlPage,
}
