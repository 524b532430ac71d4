using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Digest;

/// <summary>`digest`: this week's digest now, for the coordinator (all units) or a service-area leader (their areas).</summary>
public sealed class DigestCommands(OrganisationStore organisation, DigestService digests, Callers callers, TimeProvider time)
{
    public async Task DigestAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        var t = DigestTexts.For(turn.Language);
        if (await organisation.GetOrganisationAsync(turn.TenantId, cancellationToken) is not { } org)
        {
            await turn.ReplyAsync(turn.Texts.NotSetUp, cancellationToken);
            return;
        }

        var caller = await callers.ResolveAsync(turn, cancellationToken);
        var everything = caller.IsCoordinator || caller.Roles.Any(r => r.Role == Role.Consultant);
        if (!everything && !caller.Roles.Any(r => r.Role == Role.ServiceAreaLeader))
        {
            await turn.ReplyAsync(t.OnlyCoordinator, cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(org.DefaultTimeZone)).DateTime;
        var week = IsoWeek.Of(DateOnly.FromDateTime(local));
        var digest = await digests.ComputeAsync(org, week, now, everything ? null : caller.Person!.Id, cancellationToken);
        if (!digest.Units.Any())
        {
            await turn.ReplyAsync(t.NoUnits, cancellationToken);
            return;
        }

        await turn.ReplyAsync(DigestCard.Create(turn.Language, org.Name, digest), t.Title(week.Week, org.Name), cancellationToken);
    }
}
