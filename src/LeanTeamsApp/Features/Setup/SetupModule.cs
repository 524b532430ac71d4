using LeanTeamsApp.Bot;
using LeanTeamsApp.Infrastructure.Access;

namespace LeanTeamsApp.Features.Setup;

public static class SetupModule
{
    /// <summary>Binding channels to units and the forum, a unit's board-meeting time, and the units and roles as chat shows them.</summary>
    public static IServiceCollection AddSetup(this IServiceCollection services)
    {
        services.AddSingleton<SetupCommands>();
        services.AddBotCommand("RegisterUnit", SetupWords.RegisterUnit, (sp, turn, args, ct) => sp.GetRequiredService<SetupCommands>().RegisterUnitAsync(turn, args, ct));
        services.AddBotCommand("UnregisterUnit", SetupWords.UnregisterUnit, (sp, turn, args, ct) => sp.GetRequiredService<SetupCommands>().UnregisterUnitAsync(turn, args, ct));
        services.AddSingleton(new BotCardAction(SetupCommands.RebindVerb, Permission.BindChannel, (sp, action, ct) => sp.GetRequiredService<SetupCommands>().OnRebindAsync(action, ct)));
        services.AddBotCommand("SetCoordinatorChannel", SetupWords.SetCoordinatorChannel, (sp, turn, args, ct) => sp.GetRequiredService<SetupCommands>().SetCoordinatorChannelAsync(turn, args, ct));
        services.AddBotCommand("BoardMeeting", SetupWords.BoardMeeting, (sp, turn, args, ct) => sp.GetRequiredService<SetupCommands>().BoardMeetingAsync(turn, args, ct));
        services.AddBotCommand("Units", SetupWords.Units, (sp, turn, args, ct) => sp.GetRequiredService<SetupCommands>().UnitsAsync(turn, args, ct));
        services.AddBotCommand("WhoAmI", SetupWords.WhoAmI, (sp, turn, args, ct) => sp.GetRequiredService<SetupCommands>().WhoAmIAsync(turn, args, ct));
        return services;
    }
}
