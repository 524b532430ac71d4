namespace LeanTeamsApp.Infrastructure.Access;

public static class AccessModule
{
    /// <summary>The one access rule and the resolution of callers, shared by the bot and the tab.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddSingleton<AccessRule>();
        services.AddSingleton<CallerResolver>();
        return services;
    }
}
