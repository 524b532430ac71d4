using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.BotFramework.Connector;

public static class ConnectorModule
{
    /// <summary>Registers <see cref="ConnectorClient"/> with options bound from <paramref name="section"/> (e.g. <c>Bot</c>).</summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration section) =>
        services.AddBotConnector(section.Bind);

    /// <summary>
    /// Registers <see cref="ConnectorClient"/> (one per process: it holds the pacing state) and its token provider:
    /// MSAL client credentials when an AppId is configured, no token otherwise. A token provider registered before
    /// this call is kept. Options are validated when the host starts.
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, Action<ConnectorOptions> configure)
    {
        services.AddOptions<ConnectorOptions>()
            .Configure(configure)
            .Validate(
                o => string.IsNullOrEmpty(o.AppId) || !string.IsNullOrEmpty(o.AppPassword),
                "AppPassword is required when AppId is set.")
            .Validate(o => o.MaxRetries >= 0, "MaxRetries must not be negative.")
            .Validate(
                o => o.RetryBaseDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryBaseDelay,
                "RetryBaseDelay must be positive and MaxRetryDelay at least as long.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, "RequestTimeout must be positive.")
            .Validate(o => o.PacingMargin >= TimeSpan.Zero, "PacingMargin must not be negative.")
            .Validate(
                o => o.MinimumTenantPacingMargin >= TimeSpan.Zero && o.TenantPacingMargin >= o.MinimumTenantPacingMargin,
                "MinimumTenantPacingMargin must not be negative, and TenantPacingMargin must be at least as long.")
            .Validate(
                o => o.ThrottledTenantPacingPeriod >= TimeSpan.Zero && o.ThrottledTenantPacingPeriod <= TimeSpan.FromDays(1),
                "ThrottledTenantPacingPeriod must be between zero and a day.")
            .Validate(
                o => o.ConversationWriteLimits.Concat(o.ConversationReadLimits).Concat(o.TenantLimits)
                    .All(l => l.Permits > 0 && l.Window > TimeSpan.Zero),
                "Every rate limit needs at least one permit and a positive window.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddHttpClient(ConnectorClient.HttpClientName)
            .ConfigureHttpClient((provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<ConnectorOptions>>().Value.RequestTimeout)
            // A redirect would carry the bot's token to a host nobody checked.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddSingleton<IConnectorTokenProvider>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
            return string.IsNullOrEmpty(options.AppId)
                ? new AnonymousConnectorTokenProvider()
                : new MsalConnectorTokenProvider(options.AppId, options.AppPassword!, options.TenantId);
        });
        services.TryAddSingleton<ConnectorClient>();
        return services;
    }
}
