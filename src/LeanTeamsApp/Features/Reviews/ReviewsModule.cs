using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Events;
using LeanTeamsApp.Infrastructure.OpenApi;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Reviews;

public static class ReviewsModule
{
    /// <summary>Recording held reviews, Gemba walks and fishbone analyses, and following up what they found. Needs AddPlanning.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddTable(ReviewStore.Table);
        services.AddPersonalData(ReviewStore.Table, key => key.StartsWith("rec|", StringComparison.Ordinal) ? "reviews" : "followUpAreas");
        services.AddSingleton<ReviewStore>();
        services.AddSingleton<ReviewCommands>();
        services.AddBotCommand("ReviewDone", ReviewWords.ReviewDone, (sp, turn, args, ct) => sp.GetRequiredService<ReviewCommands>().ReviewDoneAsync(turn, args, ct));
        services.AddBotCommand("FollowUps", ReviewWords.FollowUps, (sp, turn, args, ct) => sp.GetRequiredService<ReviewCommands>().FollowUpsAsync(turn, args, ct));
        services.AddSingleton(new BotCardAction(AppointmentRecordCard.RecordVerb, Permission.RecordReview, (sp, action, ct) => sp.GetRequiredService<ReviewCommands>().OnRecordAsync(action, ct))
        {
            FindTargetAsync = (sp, turn, data, ct) => sp.GetRequiredService<ReviewCommands>().RecordTargetAsync(turn, data, ct),
        });
        services.AddSingleton(new BotCardAction(FollowUpsCard.CloseVerb, Permission.ManageFollowUps, (sp, action, ct) => sp.GetRequiredService<ReviewCommands>().OnCloseAsync(action, ct)));
        services.AddSingleton<DeviationFollowUps>();
        services.AddSingleton(new BotCardAction(ImprovementsCard.FollowUpVerb, Permission.ManageFollowUps, (sp, action, ct) => sp.GetRequiredService<DeviationFollowUps>().OnPromoteAsync(action, ct)));
        // What the digest, the report and the tab read of the follow-up areas: required by them, so leaving this feature
        // out fails at start rather than counting nothing.
        services.AddSingleton<FollowUps>();
        services.AddSubscriber<AppointmentEnded, RecordPrompt>();
        return services;
    }

    /// <summary>Making a board's deviation a follow-up area from the tab (docs/tab-api.md).</summary>
    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder app)
    {
        app.MapTabGroup("/api/tab/units/{unitId}/deviations").MapPost("/{id}/followup", DeviationFollowUps.PromoteFromTabAsync).ProducesProblems(400, 403, 404, 409, 412);
        return app;
    }
}
