using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace LeanTeamsApp.BotFramework.Authentication;

/// <summary>
/// Signing keys published through OpenID metadata, cached per metadata address. The JWKS is read as raw
/// JSON because the Bot Connector's <c>endorsements</c> member is not part of the JWK standard.
/// </summary>
public sealed partial class SigningKeySource(
    IHttpClientFactory httpClientFactory,
    TimeProvider timeProvider,
    ILogger<SigningKeySource> logger)
{
    public const string HttpClientName = "LeanTeamsApp.BotFramework.SigningKeys";

    /// <summary>The Bot Framework asks for a refresh at least every 24 hours: keys rotate without notice.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(24);

    /// <summary>
    /// An unknown <c>kid</c> forces a refresh, but at most this often, so that tokens with made-up key ids
    /// cannot make the bot hammer the metadata endpoint.
    /// </summary>
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, KeyCache> caches = new(StringComparer.Ordinal);

    /// <summary>
    /// The key with <paramref name="keyId"/>, or null when the metadata does not publish it even after a
    /// refresh. Throws <see cref="SigningKeysUnavailableException"/> when keys have never been fetched and the
    /// metadata cannot be read: without keys no request can be authenticated, which is an outage rather than a
    /// bad token.
    /// </summary>
    public async Task<SigningKey?> FindAsync(Uri metadataUrl, string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadataUrl);
        var cache = caches.GetOrAdd(metadataUrl.AbsoluteUri, _ => new KeyCache(metadataUrl));

        var keys = await GetKeysAsync(cache, forceRefresh: false, cancellationToken).ConfigureAwait(false);
        if (keys.TryGetValue(keyId, out var key))
        {
            return key;
        }

        keys = await GetKeysAsync(cache, forceRefresh: true, cancellationToken).ConfigureAwait(false);
        return keys.TryGetValue(keyId, out key) ? key : null;
    }

    private async Task<IReadOnlyDictionary<string, SigningKey>> GetKeysAsync(
        KeyCache cache, bool forceRefresh, CancellationToken cancellationToken)
    {
        Task<IReadOnlyDictionary<string, SigningKey>> pending;
        lock (cache.Gate)
        {
            var now = timeProvider.GetUtcNow();
            if (cache.InFlight is { } running)
            {
                if (cache.Keys is { } current && !forceRefresh)
                {
                    return current;
                }

                pending = running;
            }
            else
            {
                if (cache.Keys is { } current && !IsRefreshDue(cache, now, forceRefresh))
                {
                    return current;
                }

                cache.LastAttempt = now;
                pending = cache.InFlight = RefreshAsync(cache);
            }
        }

        // The shared fetch is not tied to one caller's token; a caller that gives up stops waiting only.
        return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static bool IsRefreshDue(KeyCache cache, DateTimeOffset now, bool forceRefresh) =>
        now - cache.LastAttempt >= MinimumRefreshInterval
        && (forceRefresh || now - cache.FetchedAt >= RefreshInterval);

    private async Task<IReadOnlyDictionary<string, SigningKey>> RefreshAsync(KeyCache cache)
    {
        // Return to the caller first so that it has stored this task in InFlight before the finally block
        // below can clear it, even when the HTTP handler completes synchronously.
        await Task.Yield();
        var previous = cache.Keys;
        try
        {
            var keys = await FetchAsync(cache.MetadataUrl).ConfigureAwait(false);
            lock (cache.Gate)
            {
                cache.Keys = keys;
                cache.FetchedAt = timeProvider.GetUtcNow();
            }

            return keys;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException or InvalidDataException)
        {
            // Not tied to any caller's token, so a cancellation here is the HttpClient's timeout.
            if (previous is null)
            {
                throw new SigningKeysUnavailableException(cache.MetadataUrl, exception);
            }

            // Known keys stay valid for a while after a failed refresh; failing every request instead
            // would turn a blip at login.botframework.com into a bot outage.
            LogRefreshFailed(logger, exception, cache.MetadataUrl);
            return previous;
        }
        finally
        {
            lock (cache.Gate)
            {
                cache.InFlight = null;
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, SigningKey>> FetchAsync(Uri metadataUrl)
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        Uri jwksUri;
        using (var metadata = await GetJsonAsync(client, metadataUrl).ConfigureAwait(false))
        {
            if (!metadata.RootElement.TryGetProperty("jwks_uri", out var jwksUriElement)
                || jwksUriElement.ValueKind != JsonValueKind.String
                || !Uri.TryCreate(jwksUriElement.GetString(), UriKind.Absolute, out var parsed)
                || parsed.Scheme != Uri.UriSchemeHttps)
            {
                throw new InvalidDataException($"The OpenID metadata at {metadataUrl} has no https jwks_uri.");
            }

            jwksUri = parsed;
        }

        using var jwks = await GetJsonAsync(client, jwksUri).ConfigureAwait(false);
        var keys = ParseKeys(jwks.RootElement);
        LogKeysRefreshed(logger, keys.Count, metadataUrl);
        return keys;
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, Uri uri)
    {
        using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonDocument.ParseAsync(stream).ConfigureAwait(false);
        }
    }

    private static Dictionary<string, SigningKey> ParseKeys(JsonElement jwks)
    {
        if (!jwks.TryGetProperty("keys", out var keysElement) || keysElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("The JWKS document has no keys array.");
        }

        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var element in keysElement.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object
                || GetString(element, "kid") is not { Length: > 0 } keyId
                || GetString(element, "kty") != JsonWebAlgorithmsKeyTypes.RSA
                || GetString(element, "use") is not (null or JsonWebKeyUseNames.Sig))
            {
                continue;
            }

            JsonWebKey key;
            try
            {
                key = new JsonWebKey(element.GetRawText());
            }
            catch (ArgumentException)
            {
                // One unreadable key must not take the others down with it.
                continue;
            }

            keys.TryAdd(keyId, new SigningKey(keyId, key, ReadEndorsements(element)));
        }

        return keys;
    }

    private static HashSet<string> ReadEndorsements(JsonElement key)
    {
        var endorsements = new HashSet<string>(StringComparer.Ordinal);
        if (key.TryGetProperty("endorsements", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } channelId)
                {
                    endorsements.Add(channelId);
                }
            }
        }

        return endorsements;
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing signing keys from {MetadataUrl} failed; the keys fetched earlier stay in use")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, Uri metadataUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {KeyCount} signing keys from {MetadataUrl}")]
    private static partial void LogKeysRefreshed(ILogger logger, int keyCount, Uri metadataUrl);

    private sealed class KeyCache(Uri metadataUrl)
    {
        public Uri MetadataUrl { get; } = metadataUrl;

        public Lock Gate { get; } = new();

        public IReadOnlyDictionary<string, SigningKey>? Keys { get; set; }

        public DateTimeOffset FetchedAt { get; set; }

        public DateTimeOffset LastAttempt { get; set; }

        public Task<IReadOnlyDictionary<string, SigningKey>>? InFlight { get; set; }
    }
}
