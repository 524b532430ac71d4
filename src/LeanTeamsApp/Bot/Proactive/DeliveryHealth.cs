using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Bot.Proactive;

/// <summary>What the coordinator can do about a unit the app cannot reach; the tab and the digest word it.</summary>
public enum DeliveryAdvice
{
    /// <summary>Add the app to the unit's team again.</summary>
    AddAppToTeam,

    /// <summary>Ask the person to unblock the app.</summary>
    AskToUnblock,

    /// <summary>Ask the person to add the app in Teams again (it was removed from their chats).</summary>
    AskToInstall,

    /// <summary>Bind the unit to a channel the app is in, with "register unit".</summary>
    BindChannel,

    /// <summary>Something else: Teams' status and code say what.</summary>
    CheckStatus,
}

/// <summary>
/// A unit the app cannot reach, and why. For a failed message: the route, the person of a 1:1 chat (by name), Teams'
/// status and code, and when; for a unit with no way in at all, only the reason.
/// </summary>
public sealed record UnreachableUnit(
    string UnitId,
    string UnitName,
    string ServiceAreaId,
    DeliveryReason Reason,
    DeliveryAdvice Advice,
    DeliveryRoute? Route = null,
    string? PersonName = null,
    int? Status = null,
    string? Code = null,
    DateTimeOffset? At = null);

/// <summary>
/// Every unit of a tenant the app cannot reach: those whose latest message failed for good (from
/// <see cref="DeliveryProblemStore"/>), and those with neither a channel in a team the app is in nor a chat with their
/// leader, so that no check-in prompt can go out. Four single-partition reads, whatever the organisation's size.
/// </summary>
public sealed class DeliveryHealth(OrganisationStore organisation, ConversationReferences conversations, DeliveryProblemStore problems, TimeProvider time)
{
    /// <summary>
    /// How long a failed card to someone who is not the unit's leader or unit coordinator (a Gemba walk's owner, a
    /// consultant) stays listed: they may get no other message about that unit to clear it.
    /// </summary>
    public static readonly TimeSpan PersonalProblemShownFor = TimeSpan.FromDays(30);

    public async Task<IReadOnlyList<UnreachableUnit>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        // An archived unit gets no messages, so there is nothing to reach.
        var units = (await organisation.ListUnitsAsync(tenantId, cancellationToken)).Where(u => !u.Archived).ToList();
        var people = await organisation.ListPeopleAsync(tenantId, cancellationToken);
        var references = await conversations.ListAsync(tenantId, cancellationToken);
        var recorded = await problems.ListAsync(tenantId, cancellationToken);

        var teams = references.Where(r => r.Scope == ConversationScope.Team).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var chats = references.Where(r => r.Scope == ConversationScope.Personal).Select(r => r.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var byId = people.Where(p => !p.Removed).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var byPseudonym = people.GroupBy(p => Person.Pseudonym(p.Id), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var inOrganisation = people.Where(p => !p.Removed).Select(p => Person.Pseudonym(p.Id)).ToHashSet(StringComparer.Ordinal);
        var shownSince = time.GetUtcNow() - PersonalProblemShownFor;
        var unitsById = units.ToDictionary(u => u.Id, StringComparer.Ordinal);

        var unreachable = new List<UnreachableUnit>();
        foreach (var unit in units)
        {
            var channel = unit.Channel is { } bound && teams.Contains(bound.TeamId);
            var leaderChat = byId.GetValueOrDefault(unit.LeaderId) is { AadObjectId: { } aad } && chats.Contains(aad);
            if (!channel && !leaderChat)
            {
                unreachable.Add(new UnreachableUnit(unit.Id, unit.Name, unit.ServiceAreaId, DeliveryReason.NoRoute, DeliveryAdvice.BindChannel));
            }
        }

        // A problem of a unit the organisation no longer has, or with someone who no longer leads or coordinates it,
        // is nobody's to mend: no message goes that way any more, so none would ever clear it.
        foreach (var problem in recorded)
        {
            if (unitsById.GetValueOrDefault(problem.Target.UnitId) is { } unit
                && (StillConcerns(unit, problem.Target) || StillRecent(problem, inOrganisation, shownSince)))
            {
                unreachable.Add(new UnreachableUnit(
                    unit.Id, unit.Name, unit.ServiceAreaId, problem.Reason, AdviceFor(problem.Reason, problem.Target.Route), problem.Target.Route,
                    problem.Target.PersonPseudonym is { } pseudonym ? byPseudonym.GetValueOrDefault(pseudonym) : null,
                    problem.Status, problem.Code, problem.At));
            }
        }

        return [.. unreachable.OrderBy(u => u.UnitName, StringComparer.Ordinal).ThenBy(u => u.UnitId, StringComparer.Ordinal).ThenBy(u => u.Route)];
    }

    private static bool StillConcerns(Unit unit, DeliveryTarget target) => target.Route switch
    {
        DeliveryRoute.UnitChannel => true,
        DeliveryRoute.LeaderChat => target.PersonPseudonym == Person.Pseudonym(unit.LeaderId),
        _ => unit.CoordinatorIds.Prepend(unit.LeaderId).Any(id => target.PersonPseudonym == Person.Pseudonym(id)),
    };

    /// <summary>A card to someone else of the unit's work (an appointment's owner) that failed lately, while they are still in the organisation.</summary>
    private static bool StillRecent(DeliveryProblem problem, HashSet<string> inOrganisation, DateTimeOffset shownSince) =>
        problem.Target is { Route: DeliveryRoute.PersonalChat, PersonPseudonym: { } person } && inOrganisation.Contains(person) && problem.At >= shownSince;

    public static DeliveryAdvice AdviceFor(DeliveryReason reason, DeliveryRoute route) => reason switch
    {
        DeliveryReason.NoRoute => DeliveryAdvice.BindChannel,
        DeliveryReason.BlockedByPerson => DeliveryAdvice.AskToUnblock,
        DeliveryReason.BotNotInTeam => route == DeliveryRoute.UnitChannel ? DeliveryAdvice.AddAppToTeam : DeliveryAdvice.AskToInstall,
        DeliveryReason.ConversationNotFound => route == DeliveryRoute.UnitChannel ? DeliveryAdvice.BindChannel : DeliveryAdvice.AskToInstall,
        _ => DeliveryAdvice.CheckStatus,
    };
}
