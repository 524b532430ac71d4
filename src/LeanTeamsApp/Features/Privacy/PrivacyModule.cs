using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Privacy;

public static class PrivacyModule
{
    /// <summary>A person's data over every feature's declared tables: export, erasure, and retention of check-ins.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTable(PrivacyStore.Table);
        // The erasure log names who asked: when that coordinator is erased in turn, the log keeps the marker. An
        // erasure under way is left alone; it names the person only until it is finished.
        services.AddSingleton<IPersonalRecords>(sp => new TablePersonalRecords(
            sp.GetRequiredService<StorageTables>(), PrivacyStore.Table, _ => "erasures", Erasure.Anonymise,
            key => !key.StartsWith(PrivacyStore.PendingPrefix, StringComparison.Ordinal)));
        services.AddSingleton<PrivacyStore>();
        services.AddSingleton<DataSubjectRequests>();
        services.AddSingleton<RetentionScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionScheduler>());
        return services;
    }
}
