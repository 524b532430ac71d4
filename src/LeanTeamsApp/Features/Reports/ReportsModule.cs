using LeanTeamsApp.Bot;

namespace LeanTeamsApp.Features.Reports;

public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section))
            .Validate(o => o.LinkKey is null || (Convert.TryFromBase64String(o.LinkKey, new byte[o.LinkKey.Length], out var n) && n >= 32), "Reports:LinkKey must be base64 of at least 32 bytes.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<ReportLinks>();
        services.AddSingleton<ReportBuilder>();
        services.AddSingleton<ReportCommands>();
        services.AddBotCommand("Report", ReportWords.Report, (sp, turn, args, ct) => sp.GetRequiredService<ReportCommands>().ReportAsync(turn, args, ct));
        return services;
    }
}
