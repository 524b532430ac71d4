using System.Text.Json.Nodes;

namespace LeanTeamsApp.Testing;

/// <summary>Activity JSON shaped like what Teams sends (the fields and nesting of real payloads), for one tenant.</summary>
public sealed class TeamsActivities(string tenantId, Uri serviceUrl)
{
    public const string BotId = "28:7b3f0c1e-5d2a-4c8b-9e6f-0a1b2c3d4e5f";
    public const string TeamId = "19:fjordvik-team@thread.tacv2";
    public const string ForumChannelId = "19:forbedringsforum@thread.tacv2";
    public const string ByggesakChannelId = "19:byggesak@thread.tacv2";

    private int _sequence;

    public string TenantId => tenantId;

    public JsonObject ChannelMessage(TeamsUser user, string text, string locale = "nb-NO", string channelId = ByggesakChannelId, string channelName = "Byggesak")
    {
        var id = NextId();
        var activity = Base("message", user, locale);
        activity["id"] = id;
        activity["text"] = $"<at>LeanTeamsApp</at> {text}";
        activity["textFormat"] = "plain";
        activity["conversation"] = new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = tenantId,
            ["id"] = $"{channelId};messageid={id}",
        };
        activity["entities"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "LeanTeamsApp" },
                ["text"] = "<at>LeanTeamsApp</at>",
            },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = locale, ["country"] = "NO", ["platform"] = "Web", ["timezone"] = "Europe/Oslo" });
        activity["channelData"] = TeamChannelData(channelId, channelName);
        return activity;
    }

    public JsonObject PersonalMessage(TeamsUser user, string text, string locale = "nb-NO")
    {
        var activity = Base("message", user, locale);
        activity["id"] = NextId();
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["conversation"] = Personal(user);
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } };
        return activity;
    }

    public JsonObject TeamInstalled(TeamsUser by, string action = "add") => TeamInstallation(by, action);

    public JsonObject PersonalInstallation(TeamsUser user, string action = "add")
    {
        var activity = Base("installationUpdate", user, "nb-NO");
        activity["action"] = action;
        activity["conversation"] = Personal(user);
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } };
        return activity;
    }

    public JsonObject BotAddedToTeam(TeamsUser by) => MembershipChange(by, "membersAdded", "teamMemberAdded");

    public JsonObject BotRemovedFromTeam(TeamsUser by) => MembershipChange(by, "membersRemoved", "teamMemberRemoved");

    public JsonObject Invoke(TeamsUser user, string name, JsonObject value)
    {
        var activity = PersonalMessage(user, "");
        activity["type"] = "invoke";
        activity["name"] = name;
        activity["value"] = value;
        activity.Remove("text");
        return activity;
    }

    public static string PersonalConversationId(TeamsUser user) => $"a:1personal-{user.AadObjectId}";

    private JsonObject TeamInstallation(TeamsUser by, string action)
    {
        var activity = Base("installationUpdate", by, "nb-NO");
        activity["action"] = action;
        activity["conversation"] = new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = tenantId,
            ["id"] = TeamId,
        };
        activity["channelData"] = TeamChannelData(TeamId, null);
        return activity;
    }

    private JsonObject MembershipChange(TeamsUser by, string property, string eventType)
    {
        var activity = Base("conversationUpdate", by, "nb-NO");
        activity[property] = new JsonArray(new JsonObject { ["id"] = BotId });
        activity["conversation"] = new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = tenantId,
            ["id"] = TeamId,
        };
        var channelData = TeamChannelData(TeamId, null);
        channelData["eventType"] = eventType;
        activity["channelData"] = channelData;
        return activity;
    }

    private JsonObject Base(string type, TeamsUser user, string locale) => new()
    {
        ["type"] = type,
        ["timestamp"] = "2026-11-23T09:15:00.000Z",
        ["localTimestamp"] = "2026-11-23T10:15:00.000+01:00",
        ["localTimezone"] = "Europe/Oslo",
        ["serviceUrl"] = serviceUrl.ToString(),
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "LeanTeamsApp" },
        ["locale"] = locale,
    };

    private JsonObject Personal(TeamsUser user) => new()
    {
        ["conversationType"] = "personal",
        ["tenantId"] = tenantId,
        ["id"] = PersonalConversationId(user),
    };

    private JsonObject TeamChannelData(string channelId, string? channelName) => new()
    {
        ["teamsChannelId"] = channelId,
        ["teamsTeamId"] = TeamId,
        ["channel"] = channelName is null ? new JsonObject { ["id"] = channelId } : new JsonObject { ["id"] = channelId, ["name"] = channelName },
        ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Fjordvik kommune", ["aadGroupId"] = "0d6c4b2a-1e3f-4a5b-8c7d-9e0f1a2b3c4d" },
        ["tenant"] = new JsonObject { ["id"] = tenantId },
    };

    private string NextId() => $"17637{Interlocked.Increment(ref _sequence):D8}";
}

/// <summary>A Teams user: the 29: id, the Entra object id and the UPN the roster returns.</summary>
public sealed record TeamsUser(string Id, string Name, string AadObjectId, string Email)
{
    public static TeamsUser Create(string name, string email) =>
        new($"29:{Guid.NewGuid():N}", name, Guid.NewGuid().ToString("D"), email);
}
