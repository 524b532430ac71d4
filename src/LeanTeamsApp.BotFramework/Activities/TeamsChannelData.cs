using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.BotFramework.Activities;

/// <summary>The Teams-specific <c>channelData</c> of an activity.</summary>
public sealed class TeamsChannelData
{
    public TenantInfo? Tenant { get; set; }

    public TeamInfo? Team { get; set; }

    public ChannelInfo? Channel { get; set; }

    /// <summary>One of <see cref="TeamsEventTypes"/> on conversationUpdate, messageUpdate and messageDelete.</summary>
    public string? EventType { get; set; }

    public TeamsChannelDataSettings? Settings { get; set; }

    /// <summary>Send side: <c>alert = true</c> makes a 1:1 message raise a notification.</summary>
    public NotificationInfo? Notification { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}

public sealed class TenantInfo
{
    public string? Id { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}

public sealed class TeamInfo
{
    /// <summary>The <c>19:…</c> thread id of the team; not usable with Graph.</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>The Entra group id, which is the team id Microsoft Graph expects.</summary>
    public string? AadGroupId { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}

public sealed class ChannelInfo
{
    public string? Id { get; set; }

    /// <summary>Null for the General channel.</summary>
    public string? Name { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}

public sealed class TeamsChannelDataSettings
{
    /// <summary>The channel the installing user picked when the app was added to a team.</summary>
    public ChannelInfo? SelectedChannel { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}

public sealed class NotificationInfo
{
    public bool? Alert { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
