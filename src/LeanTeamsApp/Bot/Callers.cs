using System.Collections.Concurrent;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Bot;

/// <summary>Who sent an activity, as the organisation knows them.</summary>
public sealed record Caller(string DisplayName, string? Email, Person? Person, IReadOnlyList<RoleAssignment> Roles)
{
    public bool IsCoordinator => Roles.Any(r => r.Role == Role.Coordinator);

    public bool Has(Role role, string? scopeId) => Roles.Any(r => r.Role == role && r.ScopeId == scopeId);
}

/// <summary>
/// Teams identifies users by Entra object id; HR files know them by e-mail. The first time someone writes, their UPN
/// is fetched from the conversation roster and the object id is stored on their person row, so later turns need no
/// roster call. The object id -> e-mail mapping never changes and is also kept in memory.
/// </summary>
public sealed class Callers(OrganisationStore organisation, ConnectorClient connector)
{
    private readonly ConcurrentDictionary<(string Tenant, string AadObjectId), string> _emails = new();

    public async Task<Caller> ResolveAsync(Turn turn, CancellationToken cancellationToken)
    {
        var from = turn.Activity.From;
        var name = from?.Name ?? "?";
        if (from?.AadObjectId is not { } aadObjectId)
        {
            return new Caller(name, null, null, []);
        }

        var email = await EmailOfAsync(turn, aadObjectId, cancellationToken);
        var person = email is null ? null : await organisation.GetPersonAsync(turn.TenantId, email, cancellationToken);
        if (person is null)
        {
            return new Caller(name, email, null, []);
        }

        if (person.AadObjectId is null)
        {
            // Best effort: a conflicting concurrent edit only means the roster is asked once more next time.
            await organisation.SavePersonAsync(turn.TenantId, person with { AadObjectId = aadObjectId }, cancellationToken);
        }

        var roles = await organisation.GetRolesAsync(turn.TenantId, person.Id, cancellationToken);
        return new Caller(person.Name, email, person, roles);
    }

    private async Task<string?> EmailOfAsync(Turn turn, string aadObjectId, CancellationToken cancellationToken)
    {
        if (_emails.TryGetValue((turn.TenantId, aadObjectId), out var known))
        {
            return known;
        }

        var stored = (await organisation.ListPeopleAsync(turn.TenantId, cancellationToken)).FirstOrDefault(p => p.AadObjectId == aadObjectId);
        var email = stored?.Id;
        if (email is null && turn.Activity.From?.Id is { } userId)
        {
            var member = await connector.GetMemberAsync(turn.Conversation, userId, cancellationToken);
            email = member?.UserPrincipalName ?? member?.Email;
        }

        if (email is not null)
        {
            email = Person.NormaliseId(email);
            _emails[(turn.TenantId, aadObjectId)] = email;
        }

        return email;
    }
}
