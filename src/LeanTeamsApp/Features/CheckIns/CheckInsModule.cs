using LeanTeamsApp.Bot;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.CheckIns;

public static class CheckInsModule
{
    public static IServiceCollection AddCheckIns(this IServiceCollection services)
    {
        services.AddTable(CheckInStore.Table);
        services.AddSingleton<CheckInStore>();
        services.AddSingleton<CheckInCommands>();
        services.AddBotCommand(CommandKind.CheckIn, (sp, turn, args, ct) => sp.GetRequiredService<CheckInCommands>().CheckInAsync(turn, args, ct));
        foreach (var verb in new[] { CheckInCard.SubmitVerb, CheckInCard.EditVerb })
        {
            services.AddSingleton(new BotCardAction(verb, (sp, turn, data, ct) => sp.GetRequiredService<CheckInCommands>().OnActionAsync(turn, verb, data, ct)));
        }

        return services;
    }
}
