using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;

namespace LeanTeamsApp.Infrastructure.Auth;

/// <summary>
/// The tab's sign-in. In Teams the tab sends its SSO token, an Entra access token for the app's own API
/// (api://domain/client-id, scope access_as_user), validated by Microsoft.Identity.Web from the "AzureAd" section.
/// Without an Entra app, in Development and only when TabAuth:DevelopmentSignIn says so (the local run command), a
/// clearly marked development sign-in issues tokens signed by a key that lives only in this process. Anywhere else
/// without an Entra app every tab request is a 401.
/// </summary>
public static class TabAuthModule
{
    public const string Policy = "Tab";
    public const string SsoScheme = "TabSso";
    public const string DevScheme = "TabDev";
    private const string DevIssuer = "https://leanteamsapp.local/dev-signin";

    public static IServiceCollection AddTabAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var azureAd = configuration.GetSection("AzureAd");
        var sso = !string.IsNullOrEmpty(azureAd["ClientId"]);
        services.AddOptions<TabAuthOptions>().Bind(configuration.GetSection(TabAuthOptions.Section));
        // Both, because an environment name alone is a weak signal: a slot named anything but Production once
        // opened the door to anyone, and a flag alone could be copied into a deployment by mistake.
        var dev = !sso && environment.IsDevelopment() && (configuration.GetSection(TabAuthOptions.Section).Get<TabAuthOptions>()?.DevelopmentSignIn ?? false);
        var signing = new DevSigningKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), dev);
        services.AddSingleton(signing);
        var authentication = services.AddAuthentication();
        if (sso)
        {
            authentication.AddMicrosoftIdentityWebApi(azureAd, SsoScheme);
            services.PostConfigure<JwtBearerOptions>(SsoScheme, o =>
            {
                // Microsoft.Identity.Web only asks for some scope or app role; a token for this API must be the
                // one Teams asks for on the user's behalf, not an app-only token or one for another scope.
                var validated = o.Events.OnTokenValidated;
                o.Events.OnTokenValidated = async context =>
                {
                    await validated(context);
                    if (context.Result is null && !HasScope(context.Principal, TabAuthOptions.Scope))
                    {
                        context.Fail($"The token does not carry the {TabAuthOptions.Scope} scope.");
                    }
                };
            });
        }
        else
        {
            // A scheme that never authenticates keeps the policy valid in Production without an Entra app: every
            // tab request is then a 401, never an open door.
            authentication.AddJwtBearer(SsoScheme, o => o.TokenValidationParameters = new TokenValidationParameters { ValidateIssuerSigningKey = true, IssuerSigningKeys = [] });
        }

        authentication.AddJwtBearer(DevScheme, o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = DevIssuer,
                ValidAudience = DevIssuer,
                IssuerSigningKey = signing.Key,
                NameClaimType = "name",
            };
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    if (!signing.Enabled)
                    {
                        context.NoResult();
                    }

                    return Task.CompletedTask;
                },
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(sso ? SsoScheme : DevScheme).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>Whether the token's scp claim (space-separated scopes; Entra's v1 and v2 names for it) lists <paramref name="scope"/>.</summary>
    internal static bool HasScope(ClaimsPrincipal? principal, string scope) =>
        principal is not null
        && principal.FindAll(c => c.Type is "scp" or "http://schemas.microsoft.com/identity/claims/scope")
            .Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));

    /// <summary>Issues a development token for <paramref name="email"/> in <paramref name="tenantId"/>, valid for 8 hours.</summary>
    public static string IssueDevToken(DevSigningKey signing, string tenantId, string email, string name, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signing);
        var token = new JwtSecurityToken(
            DevIssuer,
            DevIssuer,
            [new Claim("tid", tenantId), new Claim("preferred_username", email), new Claim("name", name)],
            now.UtcDateTime,
            now.UtcDateTime.AddHours(8),
            new SigningCredentials(signing.Key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}

/// <summary>The development sign-in's key, and whether the development sign-in is on at all.</summary>
public sealed record DevSigningKey(SymmetricSecurityKey Key, bool Enabled);

/// <summary>Who is calling the tab API: their tenant and UPN (the e-mail address people are known by), from the token's claims.</summary>
public sealed record TabUser(string TenantId, string Email, string Name)
{
    /// <summary>
    /// The caller, or null when the token names no tenant or no sign-in name. Only the UPN or preferred_username
    /// identify the account; an email claim is an attribute anyone with a guest or external account may set to any
    /// address, so it never stands for a person of the organisation.
    /// </summary>
    public static TabUser? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var tenant = principal.FindFirstValue("tid") ?? principal.FindFirstValue("http://schemas.microsoft.com/identity/claims/tenantid");
        var upn = principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue("upn") ?? principal.FindFirstValue(ClaimTypes.Upn);
        return string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(upn) ? null : new TabUser(tenant, upn.Trim().ToLowerInvariant(), principal.FindFirstValue("name") ?? upn);
    }
}
