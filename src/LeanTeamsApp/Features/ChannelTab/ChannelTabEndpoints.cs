using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Errors;
using LeanTeamsApp.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeanTeamsApp.Features.ChannelTab;

public sealed record ChannelUnitsDto(IReadOnlyList<string> UnitIds);

/// <summary>
/// What the configuration page of a channel tab needs beyond the overview: the units registered to the channel (by
/// "register unit"), so that the unit's own board is offered first. Only units the caller may see are named.
/// </summary>
public static class ChannelTabEndpoints
{
    public static IEndpointRouteBuilder MapChannelTab(this IEndpointRouteBuilder app)
    {
        app.MapTabGroup("/api/tab/channel-units").MapGet("/", ChannelUnits).ProducesProblems(400);
        return app;
    }

    private static Results<Ok<ChannelUnitsDto>, ProblemHttpResult> ChannelUnits(TabCaller caller, string? channelId)
    {
        if (string.IsNullOrWhiteSpace(channelId))
        {
            return FieldProblem.For("channelId", FieldProblemTexts.For(caller.Language).ChannelId);
        }

        return TypedResults.Ok(new ChannelUnitsDto(
            [.. caller.Units.Where(u => u.Channel?.ChannelId == channelId).Select(u => u.Id).Order(StringComparer.Ordinal)]));
    }
}
