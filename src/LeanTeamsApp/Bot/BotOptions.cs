using System.ComponentModel.DataAnnotations;

namespace LeanTeamsApp.Bot;

public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>The bot's Microsoft App ID (Entra app client id). Empty only for the local Agents Playground.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret, from Key Vault in Azure; never in a committed file.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The Entra tenant of a single-tenant bot (all new bots are).</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// Accept unauthenticated requests when no AppId is configured: the Agents Playground sends no token. Must be set
    /// explicitly, so a production app that lost its AppId refuses every request instead of opening up.
    /// </summary>
    public bool AllowUnauthenticatedLocalRequests { get; set; }

    /// <summary>Hosts the bot may send its token to, besides Teams' own (the Playground's and tests' loopback).</summary>
    public List<string> ExtraTrustedServiceUrlHosts { get; set; } = [];

    /// <summary>Teams messages are at most 100 KB; anything far larger is not from Teams.</summary>
    [Range(16 * 1024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;
}
