namespace LeanTeamsApp.Features.Demo;

public static class DemoModule
{
    /// <summary>Demo activity for the local run; registered last, so it runs after the seed organisation is imported.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));
        services.AddHostedService<DemoActivitySeeder>();
        return services;
    }
}
