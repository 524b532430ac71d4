using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Digest;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Overview;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Features.Reports;
using LeanTeamsApp.Infrastructure.Access;
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
        services.AddBotCommand("ReviewDone", ReviewWords.ReviewDone, (sp, turn, args, ct) => sp.GetRequiredService<ReviewCommands>().ReviewDoneAsync(turn, args, ct));
        services.AddBotCommand("FollowUps", ReviewWords.FollowUps, (sp, turn, args, ct) => sp.GetRequiredService<ReviewCommands>().FollowUpsAsync(turn, args, ct));
        services.AddSingleton(new BotCardAction(AppointmentRecordCard.RecordVerb, Permission.RecordReview, (sp, action, ct) => sp.GetRequiredService<ReviewCommands>().OnRecordAsync(action, ct))
        {
            FindTargetAsync = (sp, turn, data, ct) => sp.GetRequiredService<ReviewCommands>().RecordTargetAsync(turn, data, ct),
        });
        services.AddSingleton(new BotCardAction(FollowUpsCard.CloseVerb, Permission.ManageFollowUps, (sp, action, ct) => sp.GetRequiredService<ReviewCommands>().OnCloseAsync(action, ct)));
        services.AddSingleton<DeviationFollowUps>();
        services.AddSingleton(new BotCardAction(ImprovementsCard.FollowUpVerb, Permission.ManageFollowUps, (sp, action, ct) => sp.GetRequiredService<DeviationFollowUps>().OnPromoteAsync(action, ct)));
        // What the other features need from the records, without depending on this feature.
        services.AddSingleton(new AppointmentRecordPrompt((language, unit, appointment, people) => AppointmentRecordCard.Form(language, unit, appointment, people)));
        services.AddSingleton(sp => new OverdueFollowUps(async (tenant, now, ct) =>
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            return (await sp.GetRequiredService<ReviewStore>().ListOpenFollowUpsAsync(tenant, ct)).Count(a => a.IsOverdue(today));
        }));
        services.AddSingleton(sp => new FollowUpCounts(async (tenant, from, to, ct) =>
            (await sp.GetRequiredService<ReviewStore>().ListAllFollowUpsAsync(tenant, ct))
                .GroupBy(a => a.UnitId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Count(g, from, to), StringComparer.Ordinal)));
        services.AddSingleton(sp => new UnitFollowUps(async (tenant, unitId, ct) =>
        {
            var organisation = sp.GetRequiredService<OrganisationStore>();
            var people = (await organisation.ListPeopleAsync(tenant, ct)).ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
            var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            return [.. (await sp.GetRequiredService<ReviewStore>().ListFollowUpsAsync(tenant, unitId, ct))
                .OrderByDescending(a => a.IsOverdue(today)).ThenBy(a => a.Deadline)
                .Select(a => new FollowUpDto(a.Id, a.Text, people.GetValueOrDefault(a.OwnerId, a.OwnerId), a.Deadline,
                    a.Status == FollowUpStatus.Open ? "open" : "closed", a.IsOverdue(today)))];
        }));
        return services;
    }

    /// <summary>Making a board's deviation a follow-up area from the tab (docs/tab-api.md).</summary>
    public static IEndpointRouteBuilder MapReviews(this IEndpointRouteBuilder app)
    {
        app.MapTabGroup("/api/tab/units/{unitId}/deviations").MapPost("/{id}/followup", DeviationFollowUps.PromoteFromTabAsync);
        return app;
    }

    /// <summary>A unit's follow-up areas in a period: opened and closed in it, and open and overdue at its end.</summary>
    internal static FollowUpCount Count(IEnumerable<FollowUpArea> areas, DateOnly from, DateOnly to)
    {
        static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
        var list = areas.ToList();
        bool OpenAt(FollowUpArea a, DateOnly day) => Day(a.CreatedAt) <= day && (a.ClosedAt is not { } closed || Day(closed) > day);
        return new FollowUpCount(
            list.Count(a => Day(a.CreatedAt) >= from && Day(a.CreatedAt) <= to),
            list.Count(a => a.ClosedAt is { } closed && Day(closed) >= from && Day(closed) <= to),
            list.Count(a => OpenAt(a, to)),
            list.Count(a => OpenAt(a, to) && a.Deadline < to));
    }
}
