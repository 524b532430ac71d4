namespace LeanTeamsApp.Features.Overview;

/// <summary>
/// Serves the built tab (src/Tab, built into wwwroot/tab) with a fallback to its index page for deep links. Teams
/// shows the tab in a frame, so the pages allow being framed by Teams and Microsoft 365 hosts and nobody else.
/// </summary>
public static class TabPages
{
    private const string FrameAncestors =
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.microsoft365.com https://*.cloud.microsoft";

    public static WebApplication MapTab(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/tab", StringComparison.OrdinalIgnoreCase), tab =>
        {
            tab.Use((context, next) =>
            {
                context.Response.Headers.ContentSecurityPolicy = FrameAncestors;
                return next(context);
            });
            tab.UseStaticFiles();
        });
        app.MapFallbackToFile("/tab/{*path:nonfile}", "tab/index.html");
        return app;
    }
}
