using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.BotFramework.Connector;

/// <summary>A member of a Teams conversation as the roster APIs return it.</summary>
public sealed class TeamsChannelAccount
{
    /// <summary>The Teams user id (<c>29:…</c>), which is what a 1:1 conversation must be created with.</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>The Entra object id.</summary>
    public string? AadObjectId { get; set; }

    public string? Email { get; set; }

    public string? UserPrincipalName { get; set; }

    public string? GivenName { get; set; }

    public string? Surname { get; set; }

    public string? TenantId { get; set; }

    /// <summary><c>user</c>, <c>guest</c> or <c>anonymous</c>.</summary>
    public string? UserRole { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }

    // Older roster responses name the Entra object id "objectId"; reading it here keeps callers to one property.
    [JsonInclude]
    [JsonPropertyName("objectId")]
    private string? ObjectId
    {
        get => null;
        set => AadObjectId ??= value;
    }
}
