namespace LeanTeamsApp.BotFramework.Activities;

/// <summary>
/// What the bot answers to an invoke: the HTTP status and the JSON body of the response to the inbound
/// POST itself (invokes are answered synchronously, not by sending an activity).
/// </summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">Serialized with <see cref="BotJson.Options"/> using its runtime type; null for an empty body.</param>
public sealed record InvokeResponse(int Status, object? Body = null)
{
    /// <summary>Closes a dialog or acknowledges an invoke without content.</summary>
    public static InvokeResponse Ok() => new(200);
}
