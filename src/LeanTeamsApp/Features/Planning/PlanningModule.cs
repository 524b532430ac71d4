using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Planning;

public static class PlanningModule
{
    public static IServiceCollection AddPlanning(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddTable(AppointmentStore.Table);
        services.AddSingleton<AppointmentStore>();
        return services;
    }
}
