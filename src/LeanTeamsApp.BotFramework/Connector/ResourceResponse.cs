namespace LeanTeamsApp.BotFramework.Connector;

/// <summary>What the connector answers to a send, reply or update: the id of the activity it stored.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }
}
