using System.Text.Json.Nodes;

namespace LeanTeamsApp.BotFramework.Activities;

/// <summary>
/// The body of the answer to an <see cref="InvokeNames.AdaptiveCardAction"/> invoke (Universal Actions):
/// a replacement card for the invoking user, a message, or an error.
/// </summary>
/// <param name="StatusCode">Mirrors the HTTP status; Teams treats a missing one as 200.</param>
/// <param name="Type">One of the content type constants of this type.</param>
/// <param name="Value">A card, a string, or an <see cref="AdaptiveCardInvokeError"/>, depending on <paramref name="Type"/>.</param>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, object? Value)
{
    /// <summary>
    /// The spelling current Teams clients and SDKs use; the 2021 Adaptive Cards page says
    /// <c>application/vnd.microsoft.adaptive.card</c>, which Teams does not render.
    /// </summary>
    public const string CardType = Attachment.AdaptiveCardContentType;

    public const string MessageType = "application/vnd.microsoft.activity.message";

    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>Replaces the card for the user who clicked.</summary>
    public static AdaptiveCardInvokeResponse Card(JsonNode card) => new(200, CardType, card);

    /// <summary>Shows a short text to the user who clicked and keeps the card as it is.</summary>
    public static AdaptiveCardInvokeResponse Message(string text) => new(200, MessageType, text);

    /// <summary>The invoke was malformed, e.g. no action or an action type other than Action.Execute.</summary>
    public static AdaptiveCardInvokeResponse BadRequest(string message) =>
        new(400, ErrorType, new AdaptiveCardInvokeError("BadRequest", message));

    public static AdaptiveCardInvokeResponse NotSupported(string message) =>
        new(400, ErrorType, new AdaptiveCardInvokeError("NotSupported", message));

    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, new AdaptiveCardInvokeError(code, message));

    /// <summary>The HTTP status equals <see cref="StatusCode"/>, as Teams expects.</summary>
    public InvokeResponse ToInvokeResponse() => new(StatusCode, this);
}

public sealed record AdaptiveCardInvokeError(string Code, string Message);
