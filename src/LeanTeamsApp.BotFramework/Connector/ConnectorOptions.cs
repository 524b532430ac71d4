namespace LeanTeamsApp.BotFramework.Connector;

/// <summary>How the bot calls the Bot Connector: identity, trusted hosts, retries and pacing.</summary>
public sealed class ConnectorOptions
{
    /// <summary>The bot's Microsoft App ID. Empty means no token is sent (Agents Playground, tests).</summary>
    public string? AppId { get; set; }

    public string? AppPassword { get; set; }

    /// <summary>The bot's Entra tenant. New bots are single-tenant and must get tokens from their own tenant.</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// Hosts that may receive the bot's token, matched exactly or as <c>*.domain</c> (subdomains only), https
    /// only. Loopback hosts (127.0.0.1, localhost, [::1]) are never trusted by default; listed explicitly they
    /// are trusted over http too, for local tools and tests. Configuration adds to these defaults.
    /// </summary>
    public List<string> TrustedServiceUrlHosts { get; set; } =
    [
        "smba.trafficmanager.net",
        "*.botframework.com",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
    ];

    /// <summary>Retries after the first attempt of a transient failure; the call fails after that many.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First backoff delay when the connector gives no Retry-After; it doubles per retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest single wait between attempts. A Retry-After longer than this fails the call at once (as
    /// transient, with <see cref="ConnectorException.RetryAfter"/>) so that a caller can re-queue the work.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The Bot Service answers within seconds; a call that hangs longer is treated as a network failure.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Teams' per-bot, per-thread limits for sending, replying, updating, deleting and creating conversations.</summary>
    public List<RateLimitWindow> ConversationWriteLimits { get; set; } =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromSeconds(3600)),
    ];

    /// <summary>Teams' per-bot, per-thread limits for reading conversation members.</summary>
    public List<RateLimitWindow> ConversationReadLimits { get; set; } =
    [
        new(14, TimeSpan.FromSeconds(1)),
        new(16, TimeSpan.FromSeconds(2)),
        new(120, TimeSpan.FromSeconds(30)),
        new(3600, TimeSpan.FromSeconds(3600)),
    ];

    /// <summary>Teams' limit per app per tenant, across every operation and conversation.</summary>
    public List<RateLimitWindow> TenantLimits { get; set; } = [new(50, TimeSpan.FromSeconds(1))];

    /// <summary>
    /// Added to every per-thread window above: Teams counts when requests arrive, and network jitter can bring two
    /// requests sent exactly one window apart closer than that.
    /// </summary>
    public TimeSpan PacingMargin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The most that is added to the per-tenant window, and what is added for <see cref="ThrottledTenantPacingPeriod"/>
    /// after Teams answered one of the tenant's calls with 429 while half its window or more was taken (a 429 for a
    /// tenant sending little is a thread's limit, which the thread's window answers). Otherwise the margin is as long as the longest of the
    /// tenant's latest calls took from its slot to Teams' answer (at least <see cref="MinimumTenantPacingMargin"/>):
    /// Teams counted each call somewhere in that time, so two calls sent a window and that much apart cannot arrive
    /// closer than a window. A large tenant's fan-out runs at this limit for minutes, and every 10 ms of margin costs
    /// 1 % of it (100 ms made 2,000 prompts take 44 s instead of 40 s).
    /// </summary>
    public TimeSpan TenantPacingMargin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The least that is added to the per-tenant window, however fast Teams answers.</summary>
    public TimeSpan MinimumTenantPacingMargin { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How long a tenant keeps the largest margin after its last 429.</summary>
    public TimeSpan ThrottledTenantPacingPeriod { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>At most <see cref="Permits"/> calls in any <see cref="Window"/>.</summary>
public sealed class RateLimitWindow
{
    public RateLimitWindow()
    {
    }

    public RateLimitWindow(int permits, TimeSpan window)
    {
        Permits = permits;
        Window = window;
    }

    public int Permits { get; set; }

    public TimeSpan Window { get; set; }
}
