using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Infrastructure.Storage;

public static class StorageModule
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => IsParsable(o.ConnectionString), "Storage:ConnectionString is not a valid Azure Storage connection string.")
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = new TableClientOptions();
            clientOptions.Retry.MaxRetries = 2;
            clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
            clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
            return new TableServiceClient(options.ConnectionString, clientOptions);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
            clientOptions.Retry.MaxRetries = 2;
            clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
            return new QueueServiceClient(options.ConnectionString, clientOptions);
        });
        services.AddSingleton<StorageTables>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageTables>());
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return services;
    }

    /// <summary>Declares a table a feature needs; it is created at start-up.</summary>
    public static IServiceCollection AddTable(this IServiceCollection services, string tableName) =>
        services.AddSingleton(new RequiredTable(tableName));

    private static bool IsParsable(string connectionString)
    {
        try
        {
            _ = new TableServiceClient(connectionString);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}

public sealed record RequiredTable(string Name);
