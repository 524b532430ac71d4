using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Board;

public static class BoardModule
{
    /// <summary>The records of every unit's board (improvements, deviations, benefits), which many features read.</summary>
    public static IServiceCollection AddBoard(this IServiceCollection services)
    {
        services.AddTable(ImprovementStore.Table);
        services.AddSingleton<ImprovementStore>();
        return services;
    }
}
