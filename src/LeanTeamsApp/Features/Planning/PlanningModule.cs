using LeanTeamsApp.Bot;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Planning;

public static class PlanningModule
{
    public static IServiceCollection AddPlanning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FishboneOptions>().Bind(configuration.GetSection(FishboneOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<YearWheelOptions>().Bind(configuration.GetSection(YearWheelOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTable(AppointmentStore.Table);
        services.AddPersonalData(AppointmentStore.Table, "appointments");
        services.AddSingleton<AppointmentStore>();
        services.AddSingleton<YearWheel>();
        services.AddSingleton<PlanningCommands>();
        services.AddSingleton<PersonalChats>();
        services.AddSingleton<AppointmentChanges>();
        services.AddSingleton<AppointmentCommands>();
        services.AddSingleton<YearWheelScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<YearWheelScheduler>());
        services.AddBotCommand("GembaPlan", PlanningWords.GembaPlan, (sp, turn, args, ct) => sp.GetRequiredService<PlanningCommands>().PlanAsync(turn, args, ct));
        services.AddBotCommand("Gemba", PlanningWords.Gemba, (sp, turn, args, ct) => sp.GetRequiredService<PlanningCommands>().UpcomingAsync(turn, args, ct));
        services.AddBotCommand("AppointmentMove", PlanningWords.AppointmentMove, (sp, turn, args, ct) => sp.GetRequiredService<AppointmentCommands>().MoveAsync(turn, args, ct));
        services.AddBotCommand("AppointmentCancel", PlanningWords.AppointmentCancel, (sp, turn, args, ct) => sp.GetRequiredService<AppointmentCommands>().CancelAsync(turn, args, ct));
        services.AddBotCommand("AppointmentOwner", PlanningWords.AppointmentOwner, (sp, turn, args, ct) => sp.GetRequiredService<AppointmentCommands>().OwnerAsync(turn, args, ct));
        services.AddOptions<CalendarSyncOptions>().Bind(configuration.GetSection(CalendarSyncOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTable(CalendarSyncScheduler.Table);
        services.AddPersonalData(CalendarSyncScheduler.Table, "calendarSync");
        services.AddSingleton<CalendarSyncScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<CalendarSyncScheduler>());
        return services;
    }
}
