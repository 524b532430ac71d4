using LeanTeamsApp.Bot;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Digest;

public static class DigestModule
{
    /// <summary>Where the digest scheduler keeps its lease per tenant; the digest stores nothing else.</summary>
    internal const string LeaseTable = "Digests";

    public static IServiceCollection AddDigest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTable(LeaseTable);
        services.AddTableWithoutPersonalData(LeaseTable, "the digest scheduler's lease and last run per tenant");
        services.AddSingleton<DigestService>();
        services.AddSingleton<DigestCommands>();
        services.AddSingleton<DigestScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestScheduler>());
        services.AddBotCommand("Digest", DigestWords.Digest, (sp, turn, args, ct) => sp.GetRequiredService<DigestCommands>().DigestAsync(turn, args, ct));
        return services;
    }
}
