using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Infrastructure.Events;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Weeks;

public static class WeeksModule
{
    /// <summary>Each unit's week and year as the digest, the reports and the tab count them, kept up by what check-ins and boards announce.</summary>
    public static IServiceCollection AddWeeks(this IServiceCollection services)
    {
        services.AddTable(UnitWeekStore.Table);
        services.AddPersonalData(UnitWeekStore.Table, "unitWeeks");
        services.AddSingleton<UnitWeekStore>();
        services.AddSingleton<UnitWeeks>();
        services.AddSubscriber<BoardChanged, WeekRecount>();
        return services;
    }
}
