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
/// Without an Entra app (the local run command), a clearly marked development sign-in issues tokens signed by a key
/// that lives only in this process; it is refused outright in Production.
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
        var dev = !sso && !environment.IsProduction();
        var signing = new DevSigningKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), dev);
        services.AddSingleton(signing);
        var authentication = services.AddAuthentication();
        if (sso)
        {
            authentication.AddMicrosoftIdentityWebApi(azureAd, SsoScheme);
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

/// <summary>Who is calling the tab API: their tenant and e-mail / UPN, from the token's claims.</summary>
public sealed record TabUser(string TenantId, string Email, string Name)
{
    public static TabUser? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var tenant = principal.FindFirstValue("tid") ?? principal.FindFirstValue("http://schemas.microsoft.com/identity/claims/tenantid");
        var email = principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue("upn") ?? principal.FindFirstValue(ClaimTypes.Upn) ?? principal.FindFirstValue(ClaimTypes.Email);
        return tenant is null || email is null ? null : new TabUser(tenant, email.Trim().ToLowerInvariant(), principal.FindFirstValue("name") ?? email);
    }
}
