using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.BotFramework.Connector;

/// <summary>The body of a failed connector call: <c>{"error":{"code":"…","message":"…"}}</c>.</summary>
public sealed class ErrorResponse
{
    public ErrorDetail? Error { get; set; }
}

public sealed class ErrorDetail
{
    public string? Code { get; set; }

    public string? Message { get; set; }

    /// <summary>
    /// Teams documents a <c>subCode</c> (e.g. <c>MessageWritesBlocked</c>) on some 403s, but in practice it is
    /// often missing and the reason is in <see cref="Code"/> instead; both are read.
    /// </summary>
    public string? SubCode { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
