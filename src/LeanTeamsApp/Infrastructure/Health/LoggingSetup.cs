namespace LeanTeamsApp.Infrastructure.Health;

public static class LoggingSetup
{
    /// <summary>JSON lines in production (what App Service log streams and queries want); readable lines locally.</summary>
    public static ILoggingBuilder AddStructuredConsole(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        logging.ClearProviders();
        if (environment.IsDevelopment())
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
        {
            logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        return logging;
    }
}
