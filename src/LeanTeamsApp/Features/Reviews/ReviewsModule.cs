using LeanTeamsApp.Bot;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Reviews;

public static class ReviewsModule
{
    /// <summary>Recording held reviews, Gemba walks and fishbone analyses, and following up what they found. Needs AddPlanning.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddTable(ReviewStore.Table);
        services.AddSingleton<ReviewStore>();
        services.AddSingleton<ReviewCommands>();
        services.AddBotCommand(CommandKind.ReviewDone, (sp, turn, args, ct) => sp.GetRequiredService<ReviewCommands>().ReviewDoneAsync(turn, args, ct));
        services.AddBotCommand(CommandKind.FollowUps, (sp, turn, args, ct) => sp.GetRequiredService<ReviewCommands>().FollowUpsAsync(turn, args, ct));
        services.AddSingleton(new BotCardAction(AppointmentRecordCard.RecordVerb, (sp, turn, data, ct) => sp.GetRequiredService<ReviewCommands>().OnRecordAsync(turn, data, ct)));
        services.AddSingleton(new BotCardAction(FollowUpsCard.CloseVerb, (sp, turn, data, ct) => sp.GetRequiredService<ReviewCommands>().OnCloseAsync(turn, data, ct)));
        return services;
    }
}
