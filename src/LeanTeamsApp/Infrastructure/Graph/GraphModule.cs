using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace LeanTeamsApp.Infrastructure.Graph;

public static class GraphModule
{
    // Client credentials take the permissions granted to the app registration, never a list of scopes.
    private static readonly string[] AppOnlyScopes = ["https://graph.microsoft.com/.default"];

    /// <summary>
    /// Registers <see cref="IGraphCalendar"/>: Graph itself when the "Graph" section names a tenant, client and secret;
    /// otherwise a calendar that answers "not configured", so the app runs without Entra and keeps appointments to itself.
    /// Registers <see cref="IGraphDirectory"/> the same way: Graph when <see cref="GraphOptions.PeopleSearch"/> has what it
    /// needs, otherwise a directory that answers "not configured" and the people picker searches the organisation's own people.
    /// </summary>
    public static IServiceCollection AddGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphOptions>()
            .Bind(configuration.GetSection(GraphOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.IsEmptyOrComplete, "Graph: set TenantId, ClientId and ClientSecret together, or none of them to run without Outlook.")
            .Validate(o => o.HasValidClientId, "Graph:ClientId must be the app registration's application (client) id, a GUID.")
            .Validate(o => o.PeopleSearch != DirectoryAccess.AppOnly || o.IsConfigured, "Graph:PeopleSearch AppOnly needs TenantId, ClientId and ClientSecret.")
            .Validate(o => o.RetryWaitsFitTimeout, "Graph: MaxRetryWait times (MaxAttempts - 1) must not exceed one minute.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IGraphCalendar>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            if (!options.IsConfigured)
            {
                return new UnconfiguredGraphCalendar();
            }

            var time = sp.GetRequiredService<TimeProvider>();
            var credential = new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
            var logger = sp.GetRequiredService<ILogger<GraphRetryHandler>>();
            return new GraphCalendar(CreateClient(credential, options, time, logger), time);
        });
        services.AddSingleton<IGraphDirectory>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            var credentialFor = DirectoryCredentials(options, configuration.GetSection("AzureAd"));
            if (credentialFor is null)
            {
                return new UnconfiguredGraphDirectory();
            }

            var time = sp.GetRequiredService<TimeProvider>();
            var logger = sp.GetRequiredService<ILogger<GraphRetryHandler>>();
            return new GraphDirectory(CreateHttpClient(options, time, logger), credentialFor, time);
        });
        return services;
    }

    /// <summary>
    /// The credential a directory search uses, given the caller's tenant and SSO token; null when search has no Graph
    /// access. On behalf of the user takes the tab's own app registration (the "AzureAd" section, the audience of the
    /// SSO token, with a client secret), as the on-behalf-of flow requires; app-only takes the "Graph" section's.
    /// </summary>
    internal static Func<string, string?, TokenCredential?>? DirectoryCredentials(GraphOptions options, IConfiguration azureAd)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(azureAd);
        if (options.PeopleSearch == DirectoryAccess.AppOnly)
        {
            var appOnly = new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
            return (_, _) => appOnly;
        }

        var clientId = azureAd["ClientId"];
        var secret = azureAd["ClientSecret"];
        if (string.IsNullOrWhiteSpace(clientId) || string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }

        return (tenantId, assertion) => string.IsNullOrEmpty(assertion) ? null : new OnBehalfOfCredential(tenantId, clientId, secret, assertion);
    }

    /// <summary>
    /// The Graph client with the SDK's handler chain, its retry handler swapped for <see cref="GraphRetryHandler"/>.
    /// Tests build the client here too, with a fake transport, so they exercise the same chain production runs.
    /// </summary>
    internal static GraphServiceClient CreateClient(
        TokenCredential credential, GraphOptions options, TimeProvider time, ILogger logger, HttpMessageHandler? transport = null)
    {
        var http = CreateHttpClient(options, time, logger, transport);
        return new GraphServiceClient(http, credential, AppOnlyScopes);
    }

    /// <summary>The Graph SDK's HTTP chain with <see cref="GraphRetryHandler"/> in place of its own retry handler.</summary>
    internal static HttpClient CreateHttpClient(GraphOptions options, TimeProvider time, ILogger logger, HttpMessageHandler? transport = null)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var sdkRetry = handlers.OfType<RetryHandler>().SingleOrDefault()
            ?? throw new InvalidOperationException("The Graph SDK's default handlers no longer include its RetryHandler; see where GraphRetryHandler belongs.");
        handlers[handlers.IndexOf(sdkRetry)] = new GraphRetryHandler(options, time, logger);
        sdkRetry.Dispose();

        // A client that lives as long as the app must still notice DNS changes; the SDK's redirect handler follows redirects.
        transport ??= new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
        return GraphClientFactory.Create(handlers, finalHandler: transport);
    }
}
