using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.BotFramework.Activities;

/// <summary>The one set of JSON options for everything that crosses the Bot Framework wire.</summary>
public static class BotJson
{
    /// <summary>
    /// camelCase, case-insensitive reads, nulls left out when writing. Read-only so that no caller can
    /// change how every other caller serializes.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
