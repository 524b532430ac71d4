namespace LeanTeamsApp.BotFramework.Authentication;

/// <summary>How inbound requests from the Bot Connector are authenticated.</summary>
public sealed class BotAuthenticationOptions
{
    /// <summary>The documented spelling; Microsoft code also uses <c>openid-configuration</c>, which serves the same document.</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The bot's Microsoft App ID (Entra client id); tokens must have it as audience.</summary>
    public string? AppId { get; set; }

    /// <summary>
    /// The bot's Entra tenant (a GUID). When set, tokens issued by Entra ID for this tenant are accepted
    /// besides those of the Bot Connector.
    /// </summary>
    public string? TenantId { get; set; }

    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Five minutes is what the Bot Framework documentation calls industry standard.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// For local tools such as Agents Playground, which send no token: with no <see cref="AppId"/> and this
    /// flag set, every request is accepted anonymously. Never set it outside development.
    /// </summary>
    public bool AllowUnauthenticatedWhenNoAppId { get; set; }
}
