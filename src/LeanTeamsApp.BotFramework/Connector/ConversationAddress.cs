namespace LeanTeamsApp.BotFramework.Connector;

/// <summary>
/// Where an existing conversation lives: the serviceUrl of its latest inbound activity, its id and its tenant.
/// The tenant decides which rate-limit budget a call spends; null shares one budget with every other null.
/// </summary>
public sealed record ConversationAddress(Uri ServiceUrl, string ConversationId, string? TenantId);
