using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeanTeamsApp.IntegrationTests.Support;

/// <summary>
/// The whole service in memory against the shared Azurite. Real time unless a test passes a fake clock: the outbox
/// and the connector's retry delays must really elapse in tests that do not move the clock themselves. The
/// environment is "Testing" unless a test needs another one, as the development sign-in needs Development.
/// </summary>
public sealed class AppFactory(
    string storageConnectionString,
    IDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? configureServices = null,
    TimeProvider? time = null,
    string? environment = null) : WebApplicationFactory<Program>
{
    public const string TestingEnvironment = "Testing";

    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    public static async Task<AppFactory> StartAsync(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, TimeProvider? time = null, string? environment = null,
        Azurite? storage = null)
    {
        NoFileWatching.Apply();
        var azurite = storage ?? await Azurite.InstanceAsync();
        var factory = new AppFactory(azurite.ConnectionString, settings, configureServices, time, environment);
        _ = factory.Server;
        return factory;
    }

    public OrganisationStore Store => Services.GetRequiredService<OrganisationStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment ?? TestingEnvironment);
        builder.UseSetting($"{StorageOptions.Section}:ConnectionString", storageConnectionString);
        // The outbox clean-up deletes old rows of every tenant in the shared Azurite, judged by each host's own clock
        // (fake ones run years ahead); its tests drive it themselves.
        builder.UseSetting("Outbox:CleanupEnabled", "false");
        // Likewise the retention of check-ins; its tests run it for their own tenant.
        builder.UseSetting("Privacy:RetentionEnabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(Time);
            configureServices?.Invoke(services);
        });
    }
}

public static class TestTenants
{
    public static string New() => Guid.NewGuid().ToString("D");
}

/// <summary>
/// What a test host needs for the tab's development sign-in, exactly as the local run command has it: the Development
/// environment and the explicit flag. Anything less keeps the sign-in off.
/// </summary>
public static class DevelopmentSignIn
{
    public const string Environment = "Development";

    public static Dictionary<string, string?> Settings() => new() { ["TabAuth:DevelopmentSignIn"] = "true" };
}
