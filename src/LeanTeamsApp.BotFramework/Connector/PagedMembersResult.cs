namespace LeanTeamsApp.BotFramework.Connector;

/// <summary>One page of a roster; a non-empty <see cref="ContinuationToken"/> means there are more.</summary>
public sealed class PagedMembersResult
{
    public string? ContinuationToken { get; set; }

    public IList<TeamsChannelAccount>? Members { get; set; }
}
