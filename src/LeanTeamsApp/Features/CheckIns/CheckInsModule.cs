using LeanTeamsApp.Bot;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.CheckIns;

public static class CheckInsModule
{
    public static IServiceCollection AddCheckIns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CheckInOptions>().Bind(configuration.GetSection(CheckInOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CheckInScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckInScheduler>());
        services.AddTable(CheckInStore.Table);
        services.AddPersonalData(CheckInStore.Table, key => key.StartsWith("audit|", StringComparison.Ordinal) ? "checkInCorrections" : "checkIns");
        services.AddRetainedRecords<CheckInRetention>();
        services.AddSingleton<CheckInStore>();
        services.AddSingleton<CheckInHistory>();
        services.AddSingleton<CheckInCommands>();
        services.AddBotCommand("CheckIn", CheckInWords.CheckIn, (sp, turn, args, ct) => sp.GetRequiredService<CheckInCommands>().CheckInAsync(turn, args, ct));
        services.AddBotCommand("Status", CheckInWords.Status, (sp, turn, args, ct) => sp.GetRequiredService<CheckInCommands>().StatusAsync(turn, args, ct));
        foreach (var verb in new[] { CheckInCard.SubmitVerb, CheckInCard.NothingNewVerb, CheckInCard.EditVerb })
        {
            services.AddSingleton(new BotCardAction(verb, Permission.ReportCheckIn, (sp, action, ct) => sp.GetRequiredService<CheckInCommands>().OnActionAsync(action, verb, ct)));
        }

        services.AddBotSearch(CheckInCard.UnitsDataset, Permission.FindUnits, (sp, turn, typed, ct) => sp.GetRequiredService<CheckInCommands>().FindUnitsAsync(turn, typed, ct));
        return services;
    }
}
