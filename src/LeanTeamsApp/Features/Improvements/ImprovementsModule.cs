using LeanTeamsApp.Bot;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Improvements;

public static class ImprovementsModule
{
    public static IServiceCollection AddImprovements(this IServiceCollection services)
    {
        services.AddTable(ImprovementStore.Table);
        services.AddSingleton<ImprovementStore>();
        services.AddSingleton<ImprovementCommands>();
        services.AddBotCommand(CommandKind.ImprovementAdd, (sp, turn, args, ct) => sp.GetRequiredService<ImprovementCommands>().AddAsync(turn, args, ct));
        services.AddBotCommand(CommandKind.Improvements, (sp, turn, args, ct) => sp.GetRequiredService<ImprovementCommands>().ListAsync(turn, args, ct));
        services.AddSingleton(new BotCardAction(ImprovementsCard.MoveVerb, (sp, turn, data, ct) => sp.GetRequiredService<ImprovementCommands>().OnMoveAsync(turn, data, ct)));
        services.AddSingleton(new BotCardAction(ImprovementsCard.BenefitVerb, (sp, turn, data, ct) => sp.GetRequiredService<ImprovementCommands>().OnBenefitAsync(turn, data, ct)));
        return services;
    }
}
