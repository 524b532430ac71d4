using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.BotFramework.Activities;

/// <summary>The <c>value</c> of a <see cref="InvokeNames.TaskFetch"/> or <see cref="InvokeNames.TaskSubmit"/> invoke.</summary>
public sealed class TaskModuleRequest
{
    /// <summary>Fetch: the opening action's data. Submit: the dialog's input values.</summary>
    public JsonElement? Data { get; set; }

    public TaskModuleRequestContext? Context { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}

public sealed class TaskModuleRequestContext
{
    public string? Theme { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
