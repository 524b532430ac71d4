using System.Net;
using System.Net.Http.Headers;

namespace LeanTeamsApp.IntegrationTests.Tab;

/// <summary>
/// The built tab as the service serves it (the test command builds it into wwwroot/tab before these run): framed only
/// by Teams, compressed, hashed assets cached for good and the page itself revalidated, so a deployment shows at once.
/// </summary>
public sealed class TabPagesTests : IAsyncLifetime
{
    private AppFactory _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = await AppFactory.StartAsync();
        // The test server's client does not decompress: what arrives is what the service sent.
        _http = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("/tab/")]
    [InlineData("/tab/unit/byggesak")]
    public async Task Page_IsFramedOnlyByTeamsAndRevalidated(string path)
    {
        using var response = await GetAsync(path, "gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("frame-ancestors 'self' https://teams.microsoft.com", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoCache, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Script_IsCompressedAndCachedForGood(string encoding)
    {
        var script = await FirstScriptAsync();
        using var plain = await GetAsync(script, null);
        using var response = await GetAsync(script, encoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        var (compressed, uncompressed) = ((await response.Content.ReadAsByteArrayAsync()).Length, (await plain.Content.ReadAsByteArrayAsync()).Length);
        Assert.True(compressed * 2 < uncompressed, $"{encoding}: {compressed} bytes of {uncompressed}");
    }

    [Fact]
    public async Task Api_IsNotCompressed()
    {
        using var response = await GetAsync("/healthz", "gzip, br");

        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    private static async Task<string> FirstScriptAsync()
    {
        var index = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "LeanTeamsApp", "wwwroot", "tab", "index.html");
        Assert.True(File.Exists(index), $"{Path.GetFullPath(index)} is missing: build the tab first (npm run build:tab, as scripts/test.sh does)");
        var html = await File.ReadAllTextAsync(index);
        var match = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/tab/assets/[^\"]+\\.js)\"");
        Assert.True(match.Success, "index.html names no script under /tab/assets/");
        return match.Groups[1].Value;
    }

    private Task<HttpResponseMessage> GetAsync(string path, string? encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding.Split(',')[0].Trim()));
            foreach (var more in encoding.Split(',').Skip(1))
            {
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(more.Trim()));
            }
        }

        return _http.SendAsync(request);
    }
}
