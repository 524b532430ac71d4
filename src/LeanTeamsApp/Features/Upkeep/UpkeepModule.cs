using LeanTeamsApp.Bot;
using LeanTeamsApp.Infrastructure.Access;

namespace LeanTeamsApp.Features.Upkeep;

public static class UpkeepModule
{
    public static IServiceCollection AddUpkeep(this IServiceCollection services)
    {
        services.AddSingleton<OrganisationEdits>();
        services.AddSingleton<UnitCommands>();
        services.AddBotCommand("EditUnit", UpkeepWords.EditUnit, (sp, turn, args, ct) => sp.GetRequiredService<UnitCommands>().EditAsync(turn, args, ct));
        services.AddSingleton(new BotCardAction(UnitCard.SaveVerb, Permission.EditUnit, (sp, action, ct) => sp.GetRequiredService<UnitCommands>().OnSaveAsync(action, ct)));
        return services;
    }
}
