using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Planning;

public static class PlanningModule
{
    public static IServiceCollection AddPlanning(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddTable(AppointmentStore.Table);
        services.AddSingleton<AppointmentStore>();
        services.AddOptions<CalendarSyncOptions>().Bind(configuration.GetSection(CalendarSyncOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTable(CalendarSyncScheduler.Table);
        services.AddSingleton<CalendarSyncScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<CalendarSyncScheduler>());
        return services;
    }
}
