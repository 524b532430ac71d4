using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeanTeamsApp.BotFramework.Authentication;

public static class BotAuthenticationModule
{
    /// <summary>
    /// Registers <see cref="BotTokenValidator"/> and what it needs. Options are validated when the host
    /// starts, so a wrong metadata address or tenant fails the deployment rather than the first request.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(
        this IServiceCollection services, Action<BotAuthenticationOptions> configureOptions)
    {
        services.AddOptions<BotAuthenticationOptions>()
            .Configure(configureOptions)
            .Validate(
                o => Uri.TryCreate(o.OpenIdMetadataUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps,
                "OpenIdMetadataUrl must be an absolute https address.")
            .Validate(
                o => string.IsNullOrEmpty(o.TenantId) || Guid.TryParse(o.TenantId, out _),
                "TenantId must be the tenant's GUID: token issuers always carry the GUID, never a domain name.")
            .Validate(
                o => o.ClockSkew >= TimeSpan.Zero && o.ClockSkew <= TimeSpan.FromMinutes(10),
                "ClockSkew must be between 0 and 10 minutes.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        // The Bot Service gives up after about 15 seconds, so a slow key endpoint must fail before that.
        services.AddHttpClient(SigningKeySource.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton<SigningKeySource>();
        services.TryAddSingleton<BotTokenValidator>();
        return services;
    }
}
