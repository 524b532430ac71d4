namespace LeanTeamsApp.Features.Upkeep;

public static class UpkeepModule
{
    public static IServiceCollection AddUpkeep(this IServiceCollection services)
    {
        services.AddSingleton<OrganisationEdits>();
        return services;
    }
}
