using System.Text.Json;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Infrastructure.Cards;

/// <summary>The Teams app as the manifest names it; deep links to the tab need its id.</summary>
public sealed class TeamsAppOptions
{
    public const string Section = "TeamsApp";

    /// <summary>
    /// The manifest's "id" (manifest/package.mjs --teams-app-id), not the bot's. Without it cards carry no links to the
    /// tab, since a link with another app's id would open nothing or the wrong app.
    /// </summary>
    public string? AppId { get; set; }
}

/// <summary>
/// Deep links from cards to a page of the personal tab: https://teams.microsoft.com/l/entity/{appId}/{entityId}?context=
/// with the page as the context's subEntityId, which Teams hands the tab as page.subPageId. The tab reads it at start
/// and opens that page (src/Tab/src/shared/routing/routes.ts, hashOfSubPage).
/// </summary>
public sealed class TabLinks(IOptions<TeamsAppOptions> options)
{
    /// <summary>The personal tab's entityId in manifest/manifest.json (staticTabs); a test holds the two together.</summary>
    public const string EntityId = "overview";

    public const string Overview = "overview";

    /// <summary>The overview's delivery section: which units the app cannot reach.</summary>
    public const string Delivery = "delivery";

    public const string Reports = "reports";

    public static string Unit(string unitId) => $"unit/{unitId}";

    /// <summary>The link to <paramref name="subPageId"/>, or null when the Teams app id is not configured.</summary>
    public Uri? To(string subPageId) =>
        string.IsNullOrWhiteSpace(options.Value.AppId) ? null : Build(options.Value.AppId.Trim(), subPageId);

    internal static Uri Build(string appId, string subPageId)
    {
        var context = JsonSerializer.Serialize(new Dictionary<string, string> { ["subEntityId"] = subPageId });
        return new Uri($"https://teams.microsoft.com/l/entity/{Uri.EscapeDataString(appId)}/{EntityId}?context={Uri.EscapeDataString(context)}");
    }
}

public static class TabLinksModule
{
    public static IServiceCollection AddTabLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsAppOptions>()
            .Bind(configuration.GetSection(TeamsAppOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.AppId) || Guid.TryParse(o.AppId, out _), "TeamsApp:AppId must be the manifest's app id, a GUID.")
            .ValidateOnStart();
        services.AddSingleton<TabLinks>();
        return services;
    }
}
