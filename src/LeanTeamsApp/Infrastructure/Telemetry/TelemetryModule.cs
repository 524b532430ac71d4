using Azure.Monitor.OpenTelemetry.AspNetCore;
using LeanTeamsApp.BotFramework.Connector;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LeanTeamsApp.Infrastructure.Telemetry;

public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Writes traces and metrics to the console as well: for a look on a developer's machine.</summary>
    public bool Console { get; set; }
}

public static class TelemetryModule
{
    /// <summary>App Service's setting for Application Insights, which the Bicep template sets.</summary>
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The standard OpenTelemetry setting for an OTLP collector (a local Aspire dashboard, Jaeger, Grafana).</summary>
    public const string OtlpSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// OpenTelemetry traces and metrics: the app's own (<see cref="AppTelemetry"/>), the Bot Connector's 429s, and
    /// ASP.NET Core's and HttpClient's. To Application Insights when its connection string is set, to an OTLP
    /// collector when one is named, to the console when asked; nowhere otherwise. Every span passes the
    /// <see cref="PersonalDataRedactor"/> before any exporter sees it.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section));
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddMetrics();
        services.AddSingleton<AppTelemetry>();

        // The redactor is added first, so it runs before the processors that hand spans to exporters.
        var openTelemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(AppTelemetry.Name))
            .WithTracing(tracing => tracing.AddProcessor(new PersonalDataRedactor()).AddSource(AppTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(AppTelemetry.Name, ConnectorClient.MeterName));

        if (configuration[ApplicationInsightsSetting] is { Length: > 0 } connectionString)
        {
            // The distro brings the ASP.NET Core, HttpClient and Azure SDK instrumentation and its own exporters.
            openTelemetry.UseAzureMonitor(azure => azure.ConnectionString = connectionString);
        }
        else
        {
            openTelemetry
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        }

        if (configuration[OtlpSetting] is { Length: > 0 })
        {
            // Traces and metrics only: logs stay where LoggingSetup puts them.
            openTelemetry
                .WithTracing(tracing => tracing.AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddOtlpExporter());
        }

        if (options.Console)
        {
            openTelemetry
                .WithTracing(tracing => tracing.AddConsoleExporter())
                .WithMetrics(metrics => metrics.AddConsoleExporter());
        }

        return services;
    }
}
