using System.Text.Json.Nodes;

namespace LeanTeamsApp.BotFramework.Activities;

/// <summary>The body of the answer to a task/fetch or task/submit invoke.</summary>
public sealed record TaskModuleResponse(TaskModuleResponseTask Task)
{
    /// <summary>Opens (fetch) or replaces (submit) the dialog.</summary>
    public static TaskModuleResponse Continue(TaskModuleTaskInfo info) => new(new TaskModuleResponseTask("continue", info));

    /// <summary>Closes the dialog and shows a short text.</summary>
    public static TaskModuleResponse Message(string text) => new(new TaskModuleResponseTask("message", text));

    public InvokeResponse ToInvokeResponse() => new(200, this);
}

/// <param name="Type"><c>continue</c> or <c>message</c>.</param>
/// <param name="Value">A <see cref="TaskModuleTaskInfo"/> for continue, a string for message.</param>
public sealed record TaskModuleResponseTask(string Type, object Value);

/// <summary>
/// Height and width are a pixel number or <c>small</c>/<c>medium</c>/<c>large</c>, hence nodes;
/// <see cref="Url"/> and <see cref="FallbackUrl"/> must be HTTPS and in the manifest's validDomains.
/// </summary>
public sealed class TaskModuleTaskInfo
{
    public string? Title { get; set; }

    public JsonNode? Height { get; set; }

    public JsonNode? Width { get; set; }

    public Attachment? Card { get; set; }

    public string? Url { get; set; }

    public string? FallbackUrl { get; set; }

    public string? CompletionBotId { get; set; }
}
