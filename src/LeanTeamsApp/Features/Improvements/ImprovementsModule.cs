using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Events;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Improvements;

public static class ImprovementsModule
{
    public static IServiceCollection AddImprovements(this IServiceCollection services)
    {
        services.AddSingleton<ImprovementCommands>();
        services.AddSubscriber<CheckInStored, CheckInRecords>();
        services.AddBotCommand("ImprovementAdd", ImprovementWords.ImprovementAdd, (sp, turn, args, ct) => sp.GetRequiredService<ImprovementCommands>().AddAsync(turn, args, ct));
        services.AddBotCommand("Improvements", ImprovementWords.Improvements, (sp, turn, args, ct) => sp.GetRequiredService<ImprovementCommands>().ListAsync(turn, args, ct));
        services.AddSingleton(new BotCardAction(ImprovementsCard.MoveVerb, Permission.ManageImprovements, (sp, action, ct) => sp.GetRequiredService<ImprovementCommands>().OnMoveAsync(action, ct)));
        services.AddSingleton(new BotCardAction(ImprovementsCard.BenefitVerb, Permission.WorkOnBoard, (sp, action, ct) => sp.GetRequiredService<ImprovementCommands>().OnBenefitAsync(action, ct)));
        services.AddSingleton(new BotCardAction(ImprovementsCard.ReinvestVerb, Permission.WorkOnBoard, (sp, action, ct) => sp.GetRequiredService<ImprovementCommands>().OnReinvestAsync(action, ct)));
        services.AddSingleton(new BotCardAction(ImprovementsCard.CloseDeviationVerb, Permission.WorkOnBoard, (sp, action, ct) => sp.GetRequiredService<ImprovementCommands>().OnCloseDeviationAsync(action, ct)));
        return services;
    }
}
