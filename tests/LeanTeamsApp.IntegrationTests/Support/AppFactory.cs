using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Support;

/// <summary>The whole service in memory, against the shared Azurite and a fake clock tests can move.</summary>
public sealed class AppFactory(string storageConnectionString, IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public static async Task<AppFactory> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var azurite = await Azurite.InstanceAsync();
        var factory = new AppFactory(azurite.ConnectionString, settings);
        _ = factory.Server;
        return factory;
    }

    public OrganisationStore Store => Services.GetRequiredService<OrganisationStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"{StorageOptions.Section}:ConnectionString", storageConnectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }
}

public static class TestTenants
{
    public static string New() => Guid.NewGuid().ToString("D");
}
