using Azure;
using Azure.Data.Tables;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Bot.Proactive;

/// <summary>How the app reaches a unit: its channel, its leader 1:1, or someone else of it 1:1.</summary>
public enum DeliveryRoute
{
    UnitChannel,
    LeaderChat,
    PersonalChat,
}

/// <summary>Why a unit cannot be reached.</summary>
public enum DeliveryReason
{
    /// <summary>The person blocked the app (or removed it from their chats).</summary>
    BlockedByPerson,

    /// <summary>The app was removed from the unit's team.</summary>
    BotNotInTeam,

    /// <summary>Teams no longer knows the conversation: the channel (or chat) was deleted.</summary>
    ConversationNotFound,

    /// <summary>No channel the app is in, and no chat with the unit leader: no prompt can go out at all.</summary>
    NoRoute,

    Other,
}

/// <summary>
/// Who a proactive message is for, so that a failure for good can be pinned on a unit. <see cref="PersonPseudonym"/>
/// (see <c>Person.Pseudonym</c>) names the person of a 1:1 chat without their e-mail address.
/// </summary>
public sealed record DeliveryTarget(string UnitId, DeliveryRoute Route, string? PersonPseudonym = null)
{
    public static DeliveryTarget Channel(string unitId) => new(unitId, DeliveryRoute.UnitChannel);
}

/// <summary>The latest message to <see cref="Target"/> that failed for good, with what Teams answered.</summary>
public sealed record DeliveryProblem(DeliveryTarget Target, DateTimeOffset At, int Status, string? Code, DeliveryReason Reason);

/// <summary>
/// The latest delivery problem per unit and route (and person, for 1:1 chats), in a table partitioned by tenant: the
/// coordinator's view is one partition query. A failure for good overwrites the row; the next message to the same
/// target that gets through deletes it.
/// </summary>
public sealed class DeliveryProblemStore(StorageTables tables)
{
    internal const string Table = "DeliveryProblems";

    // Teams' error codes are short; a longer one is cut so a row never nears the 32K-character property limit.
    private const int MaxCodeLength = 200;

    private TableClient Client => tables.Get(Table);

    public async Task RecordAsync(string tenantId, DeliveryProblem problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var row = new TableEntity(tenantId, RowKey(problem.Target))
        {
            ["UnitId"] = problem.Target.UnitId,
            ["Route"] = problem.Target.Route.ToString(),
            ["Person"] = problem.Target.PersonPseudonym,
            ["At"] = problem.At,
            ["Status"] = problem.Status,
            ["Code"] = problem.Code is { Length: > MaxCodeLength } code ? code[..MaxCodeLength] : problem.Code,
            ["Reason"] = problem.Reason.ToString(),
        };

        // Last writer wins on purpose: the latest failure is the one to show.
        await Client.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>A message to <paramref name="target"/> got through: whatever was wrong with it is mended.</summary>
    public async Task ClearAsync(string tenantId, DeliveryTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            await Client.DeleteEntityAsync(tenantId, RowKey(target), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Nothing was wrong: the usual case.
        }
    }

    public async Task<IReadOnlyList<DeliveryProblem>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var problems = new List<DeliveryProblem>();
        await foreach (var row in Client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"), cancellationToken: cancellationToken))
        {
            if (Enum.TryParse<DeliveryRoute>(row.GetString("Route"), out var route) && row.GetString("UnitId") is { } unitId)
            {
                problems.Add(new DeliveryProblem(
                    new DeliveryTarget(unitId, route, row.GetString("Person")),
                    row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                    row.GetInt32("Status") ?? 0,
                    row.GetString("Code"),
                    Enum.TryParse<DeliveryReason>(row.GetString("Reason"), out var reason) ? reason : DeliveryReason.Other));
            }
        }

        return problems;
    }

    /// <summary>
    /// What Teams' answer means for the unit. A 403 <c>MessageWritesBlocked</c> is a blocked app in a 1:1 chat and an
    /// app no longer in the team in a channel; Teams answers a channel post of a removed app with
    /// <c>BotNotInConversationRoster</c> or a bare <c>Forbidden</c>.
    /// </summary>
    public static DeliveryReason Classify(DeliveryRoute route, int status, string? code) => (status, code) switch
    {
        (403, ConnectorErrorCodes.ConversationBlockedByUser) => DeliveryReason.BlockedByPerson,
        (403, ConnectorErrorCodes.MessageWritesBlocked) => route == DeliveryRoute.UnitChannel ? DeliveryReason.BotNotInTeam : DeliveryReason.BlockedByPerson,
        (403, ConnectorErrorCodes.BotNotInConversationRoster) => DeliveryReason.BotNotInTeam,
        (403, "Forbidden") when route == DeliveryRoute.UnitChannel => DeliveryReason.BotNotInTeam,
        (404, ConnectorErrorCodes.ConversationNotFound) => DeliveryReason.ConversationNotFound,
        _ => DeliveryReason.Other,
    };

    // Unit ids are slugs and pseudonyms hex, both safe in keys; a unit's rows sort together.
    private static string RowKey(DeliveryTarget target) => $"{target.UnitId}|{target.Route}|{target.PersonPseudonym}";
}
