using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Board;

public static class BoardModule
{
    /// <summary>The records of every unit's board (improvements, deviations, benefits), which many features read.</summary>
    public static IServiceCollection AddBoard(this IServiceCollection services)
    {
        services.AddTable(ImprovementStore.Table);
        services.AddPersonalData(ImprovementStore.Table, key => key.Split('|')[0] switch { "ben" => "benefits", "dev" => "deviations", _ => "improvements" });
        services.AddSingleton<ImprovementStore>();
        return services;
    }
}
