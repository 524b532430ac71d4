using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace LeanTeamsApp.Features.Overview;

/// <summary>
/// Serves the built tab (src/Tab, built into wwwroot/tab) with a fallback to its index page for deep links. Teams
/// shows the tab in a frame, so the pages allow being framed by Teams and Microsoft 365 hosts and nobody else.
/// The files are compressed (App Service on Linux does not do it in front of the app), Vite's content-hashed
/// assets are cached for good, and everything else is revalidated, so a deployment is seen on the next open.
/// </summary>
public static class TabPages
{
    private const string FrameAncestors =
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.microsoft365.com https://*.cloud.microsoft";

    private const string Immutable = "public, max-age=31536000, immutable";
    private const string Revalidate = "no-cache";

    public static IServiceCollection AddTabPages(this IServiceCollection services)
    {
        // Only the tab's static files go through this (see MapTab): they hold no secrets, so compressing them over
        // HTTPS gives nothing away. API answers are left uncompressed.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml", "application/json"];
        });
        return services;
    }

    public static WebApplication MapTab(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/tab", StringComparison.OrdinalIgnoreCase), tab =>
        {
            tab.Use((context, next) =>
            {
                context.Response.Headers.ContentSecurityPolicy = FrameAncestors;
                context.Response.Headers.CacheControl = Revalidate;
                return next(context);
            });
            tab.UseResponseCompression();
            tab.UseStaticFiles(new StaticFileOptions
            {
                OnPrepareResponse = file =>
                {
                    if (file.Context.Request.Path.StartsWithSegments("/tab/assets", StringComparison.OrdinalIgnoreCase))
                    {
                        file.Context.Response.Headers[HeaderNames.CacheControl] = Immutable;
                    }
                },
            });
        });
        app.MapFallbackToFile("/tab/{*path:nonfile}", "tab/index.html");
        return app;
    }
}
