using LeanTeamsApp.Infrastructure.Cards;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;

namespace LeanTeamsApp.Features.Digest;

/// <summary>
/// `digest`: this week's digest now, of the whole organisation for those who read it all (coordinator, consultants,
/// top management), of their own service areas for a service-area leader.
/// </summary>
public sealed class DigestCommands(OrganisationStore organisation, DigestService digests, AccessRule access, TabLinks tab, TimeProvider time)
{
    public async Task DigestAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        var t = DigestTexts.For(turn.Language);
        if (await organisation.GetOrganisationAsync(turn.TenantId, cancellationToken) is not { } org)
        {
            await turn.ReplyAsync(turn.Texts.NotSetUp, cancellationToken);
            return;
        }

        var everything = AccessRule.Allows(turn.Caller, Permission.ViewOrganisation, AccessTarget.Organisation);
        var areas = everything ? null : AccessRule.AreasToRead(turn.Caller, await organisation.ListServiceAreasAsync(turn.TenantId, cancellationToken));
        if (areas is { Count: 0 })
        {
            access.Check(turn.Caller, Permission.ViewOrganisation, AccessTarget.Organisation, "digest");
            await turn.ReplyAsync(turn.Texts.NotAllowed(Permission.ViewOrganisation, null), cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(org.DefaultTimeZone)).DateTime;
        var week = IsoWeek.Of(DateOnly.FromDateTime(local));
        var digest = await digests.ComputeAsync(org, week, now, areas?.Select(a => a.Id).ToHashSet(StringComparer.Ordinal), cancellationToken);
        if (!digest.Units.Any())
        {
            await turn.ReplyAsync(t.NoUnits, cancellationToken);
            return;
        }

        await turn.ReplyAsync(DigestCard.Create(turn.Language, org.Name, digest, tab: tab), t.Title(week.Week, org.Name), cancellationToken);
    }
}
