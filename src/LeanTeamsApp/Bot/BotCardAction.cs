using System.Text.Json.Nodes;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;

namespace LeanTeamsApp.Bot;

/// <summary>
/// A card action's handler by verb (Action.Execute), registered by the feature whose card it is. The card's data is
/// whatever the client sends, so it is never trusted: the dispatcher finds the target the data names in the caller's
/// own tenant and asks the access rule for <see cref="Permission"/> before the handler runs.
/// </summary>
public sealed record BotCardAction(string Verb, Permission Permission, Func<IServiceProvider, AllowedCardAction, CancellationToken, Task<AdaptiveCardInvokeResponse>> HandleAsync)
{
    /// <summary>
    /// Finds what the action is done to. By default the unit named by the data's "unitId"; a feature whose target has
    /// an owner (an appointment) or is the organisation supplies its own.
    /// </summary>
    public Func<IServiceProvider, Turn, JsonObject, CancellationToken, Task<CardTarget>> FindTargetAsync { get; init; } = UnitOfCardAsync;

    /// <summary>The unit in the card's "unitId", looked up in the caller's tenant, so another tenant's unit is not found.</summary>
    public static async Task<CardTarget> UnitOfCardAsync(IServiceProvider services, Turn turn, JsonObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(data);
        if (data["unitId"]?.ToString() is not { Length: > 0 } unitId)
        {
            return CardTarget.Malformed("The card's data names no unit.");
        }

        return await services.GetRequiredService<OrganisationStore>().GetUnitAsync(turn.TenantId, unitId, cancellationToken) is { } unit
            ? CardTarget.Found(AccessTarget.ForUnit(unit))
            : CardTarget.Gone;
    }
}

/// <summary>What a card action is done to, or why there is nothing to act on.</summary>
public sealed record CardTarget(AccessTarget? Target, string? Malformation)
{
    /// <summary>The unit or record the card names does not exist (any more) in the caller's tenant.</summary>
    public static readonly CardTarget Gone = new(null, null);

    public static CardTarget Found(AccessTarget target) => new(target, null);

    /// <summary>The data lacks what every card of this verb carries: not a card we sent.</summary>
    public static CardTarget Malformed(string reason) => new(null, reason);
}

/// <summary>An allowed card action: the turn (with its caller), the card's data and the target the rule let through.</summary>
public sealed record AllowedCardAction(Turn Turn, JsonObject Data, AccessTarget Target)
{
    /// <summary>The target's unit; every card action so far is done to a unit or a unit's appointment.</summary>
    public Unit Unit => Target.Unit ?? throw new InvalidOperationException("This card action has no unit.");
}
