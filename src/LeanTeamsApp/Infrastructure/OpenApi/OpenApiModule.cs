using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.OpenApi;

namespace LeanTeamsApp.Infrastructure.OpenApi;

/// <summary>
/// The tab API (docs/tab-api.md) as an OpenAPI document made from the endpoints' own types. scripts/tab-api.sh turns it
/// into the tab's TypeScript types, so the tab is compiled against what the service really sends.
/// </summary>
public static class OpenApiModule
{
    public const string DocumentName = "tab";

    public const string DocumentPath = "/openapi/tab.json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, o =>
        {
            // The tab's contract only: the bot's endpoint speaks the Bot Framework protocol, and the rest are pages.
            o.ShouldInclude = d => d.RelativePath is { } path
                && (path.StartsWith("api/tab/", StringComparison.Ordinal) || path.StartsWith("api/reports/", StringComparison.Ordinal));
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = "LeanTeamsApp tab API", Version = "v1", Description = "See docs/tab-api.md." };
                // The address the document was fetched from changes with every run; the tab calls its own origin anyway.
                document.Servers = [];
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                Describe(schema, context.JsonTypeInfo);
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Says what the service writes where the generated schema says what it would also read.</summary>
    private static void Describe(OpenApiSchema schema, JsonTypeInfo typeInfo)
    {
        // The web JSON defaults also read numbers written as strings, so the schema says "integer or string".
        // The service always writes numbers and the tab sends numbers: the contract is a number.
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        // An enum is written as its camel-case name (the app's JsonStringEnumConverter). A property that may be null
        // says so itself; a null among the enum's values would make every use of the enum nullable.
        if (schema.Enum is { Count: > 0 } values)
        {
            for (var i = values.Count - 1; i >= 0; i--)
            {
                if (values[i] is null)
                {
                    values.RemoveAt(i);
                }
            }

            if (values.All(v => v is JsonValue value && value.GetValueKind() == JsonValueKind.String))
            {
                schema.Type = JsonSchemaType.String;
            }
        }

        // The app's options leave no property out when it is null, so every property is in every answer, as null when
        // it has no value; only a property with a condition of its own (ProblemDetails' [JsonIgnore(WhenWritingNull)])
        // may be missing. A record's constructor parameters are marked required already; this marks the rest.
        if (schema.Properties is { Count: > 0 } properties && typeInfo.Kind == JsonTypeInfoKind.Object)
        {
            var optional = typeInfo.Properties.Where(p => p.ShouldSerialize is not null).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            schema.Required = new SortedSet<string>(properties.Keys.Where(name => !optional.Contains(name)), StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Served in Development only: the checked-in docs/tab-api.openapi.json is the reference, and a production service
    /// has no reason to hand anyone a map of its API.
    /// </summary>
    public static WebApplication MapApiDocument(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        }

        return app;
    }
}
