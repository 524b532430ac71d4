using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Bot.Proactive;

public enum ConversationScope
{
    Personal,
    Team,
    Channel,
    GroupChat,
}

/// <summary>Where the app can reach someone without being spoken to first.</summary>
public sealed record ConversationReference(
    string TenantId,
    ConversationScope Scope,
    string Key,
    Uri ServiceUrl,
    string ConversationId,
    string? TeamId,
    string? UserAadObjectId,
    string? Name)
{
    public ConversationAddress Address => new(ServiceUrl, ConversationId, TenantId);
}

/// <summary>
/// Conversation references, saved when the app is installed (personal, team, channel) and removed when it is
/// uninstalled, in a table partitioned by tenant. Keys: personal by the user's Entra object id, team by team id,
/// channel by channel id, so "post to this unit's channel" is a point read.
/// </summary>
public sealed class ConversationReferences(StorageTables tables)
{
    internal const string Table = "Conversations";

    // Every inbound activity refreshes its reference (Teams may move a tenant to another serviceUrl); remembering
    // what was last written keeps that from being a storage write per message.
    private readonly ConcurrentDictionary<string, string> _written = new(StringComparer.Ordinal);

    private TableClient Client => tables.Get(Table);

    public static ConversationReference? From(Activity activity)
    {
        if (activity.TenantId is not { } tenant || activity.ServiceUrl is null || activity.Conversation?.Id is not { } conversationId
            || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl))
        {
            return null;
        }

        var teamId = activity.ChannelData?.Team?.Id;
        return activity.Conversation.ConversationType switch
        {
            "personal" when activity.From?.AadObjectId is { } user =>
                new ConversationReference(tenant, ConversationScope.Personal, user, serviceUrl, conversationId, null, user, activity.From.Name),
            "channel" when teamId is not null =>
                new ConversationReference(tenant, ConversationScope.Channel, ChannelOf(activity), serviceUrl, ChannelOf(activity), teamId, null, activity.ChannelData?.Channel?.Name),
            "groupChat" =>
                new ConversationReference(tenant, ConversationScope.GroupChat, conversationId, serviceUrl, conversationId, null, null, activity.Conversation.Name),
            _ => null,
        };
    }

    /// <summary>The team-level reference (its id is the General channel's id) for an activity from a team.</summary>
    public static ConversationReference? TeamOf(Activity activity) =>
        activity.TenantId is { } tenant && activity.ChannelData?.Team?.Id is { } teamId && Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            ? new ConversationReference(tenant, ConversationScope.Team, teamId, serviceUrl, teamId, teamId, null, activity.ChannelData.Team.Name)
            : null;

    /// <param name="force">Write even when this instance wrote the same row before: on install events another
    /// instance may have deleted it since (an uninstall it handled), which this instance's memory cannot know.</param>
    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken, bool force = false)
    {
        var row = new TableEntity(reference.TenantId, RowKey(reference.Scope, reference.Key))
        {
            ["ServiceUrl"] = reference.ServiceUrl.ToString(),
            ["ConversationId"] = reference.ConversationId,
            ["TeamId"] = reference.TeamId,
            ["UserAadObjectId"] = reference.UserAadObjectId,
            ["Name"] = reference.Name,
        };
        var fingerprint = string.Join(";", row.Select(p => $"{p.Key}={p.Value}"));
        var cacheKey = $"{row.PartitionKey}/{row.RowKey}";
        if (!force && _written.TryGetValue(cacheKey, out var last) && last == fingerprint)
        {
            return;
        }

        // Last writer wins on purpose: both writers describe the same conversation as Teams just showed it.
        await Client.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        _written[cacheKey] = fingerprint;
    }

    public async Task<ConversationReference?> GetAsync(string tenantId, ConversationScope scope, string key, CancellationToken cancellationToken)
    {
        var response = await Client.GetEntityIfExistsAsync<TableEntity>(tenantId, RowKey(scope, key), cancellationToken: cancellationToken);
        return response.HasValue ? ToReference(response.Value!) : null;
    }

    public async Task<IReadOnlyList<ConversationReference>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var items = new List<ConversationReference>();
        await foreach (var row in Client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenantId}"), cancellationToken: cancellationToken))
        {
            items.Add(ToReference(row));
        }

        return items;
    }

    /// <summary>Removes a personal or group-chat reference, or a team with all its channels.</summary>
    public async Task RemoveAsync(string tenantId, ConversationScope scope, string key, CancellationToken cancellationToken)
    {
        var keys = new List<string> { RowKey(scope, key) };
        if (scope == ConversationScope.Team)
        {
            await foreach (var row in Client.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and TeamId eq {key}"), select: ["RowKey"], cancellationToken: cancellationToken))
            {
                keys.Add(row.RowKey);
            }
        }

        foreach (var rowKey in keys.Distinct())
        {
            await Client.DeleteEntityAsync(tenantId, rowKey, ETag.All, cancellationToken);
            _written.TryRemove($"{tenantId}/{rowKey}", out _);
        }
    }

    private static string ChannelOf(Activity activity) =>
        activity.ChannelData?.Channel?.Id ?? activity.Conversation!.Id!.Split(";messageid=")[0];

    private static string RowKey(ConversationScope scope, string key) => $"{scope.ToString().ToLowerInvariant()}|{Sanitise(key)}";

    // Conversation ids may in principle contain characters Table Storage forbids in keys.
    private static string Sanitise(string key) => string.Concat(key.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c));

    private static ConversationReference ToReference(TableEntity row)
    {
        var separator = row.RowKey.IndexOf('|', StringComparison.Ordinal);
        return new ConversationReference(
            row.PartitionKey,
            Enum.Parse<ConversationScope>(row.RowKey[..separator], ignoreCase: true),
            row.RowKey[(separator + 1)..],
            new Uri(row.GetString("ServiceUrl")),
            row.GetString("ConversationId"),
            row.GetString("TeamId"),
            row.GetString("UserAadObjectId"),
            row.GetString("Name"));
    }
}
