using System.Net;
using System.Text.Json.Nodes;
using LeanTeamsApp.Infrastructure.OpenApi;

namespace LeanTeamsApp.IntegrationTests.Tab;

/// <summary>
/// The OpenAPI document the tab's types are generated from (scripts/tab-api.sh) is served in Development only: the
/// checked-in docs/tab-api.openapi.json is the reference, and a deployed service hands nobody a map of its API.
/// </summary>
public sealed class TabApiDocumentTests
{
    // The first row guards the others: the same path on the same host does answer in Development.
    [Theory]
    [InlineData("Development", HttpStatusCode.OK)]
    [InlineData("Production", HttpStatusCode.NotFound)]
    [InlineData("Staging", HttpStatusCode.NotFound)]
    [InlineData(AppFactory.TestingEnvironment, HttpStatusCode.NotFound)]
    public async Task OpenApiDocument_Environment_ServedInDevelopmentOnly(string environment, HttpStatusCode expected)
    {
        await using var app = await AppFactory.StartAsync(environment: environment);

        using var response = await app.CreateClient().GetAsync(new Uri(OpenApiModule.DocumentPath, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_Development_DescribesTheTabApiAndNothingElse()
    {
        await using var app = await AppFactory.StartAsync(environment: "Development");

        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync(new Uri(OpenApiModule.DocumentPath, UriKind.Relative)))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.All(paths, p => Assert.True(p.StartsWith("/api/tab/", StringComparison.Ordinal) || p.StartsWith("/api/reports/", StringComparison.Ordinal), p));
        Assert.Contains("/api/tab/units/{unitId}/deviations/{id}/followup", paths);
        // What the service writes, as the tab reads it: camel-case enum names, the documented "etag", a number as a number.
        var schemas = document["components"]!["schemas"]!;
        Assert.Equal(["held", "notHeld", "missing", "dayOff", "upcoming"], schemas["MeetingStatus"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.NotNull(schemas["ActionRowDto"]!["properties"]!["etag"]);
        Assert.Equal("integer", (string)schemas["AppointmentChangedDto"]!["properties"]!["told"]!["type"]!);
        // A property the service always writes is required, so the generated type does not make it optional.
        Assert.Contains("canManage", schemas["WheelAppointmentDto"]!["required"]!.AsArray().Select(v => (string)v!));
    }
}
