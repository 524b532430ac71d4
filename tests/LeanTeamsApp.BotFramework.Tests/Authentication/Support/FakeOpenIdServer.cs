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

    /// <summary>When true every request gets 503, as during an outage of the key endpoint.</summary>
    public bool Unavailable { get; set; }

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

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.AbsoluteUri;
        requestCounts.AddOrUpdate(url, 1, (_, count) => count + 1);
        if (Unavailable)
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }

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
