using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.LoadTest;

/// <summary>
/// The baseline: a bare ASP.NET Core endpoint that parses the same activity JSON and makes the same storage round
/// trips as the bot's "units" turn (one conversation-reference upsert, the organisation row, the unit and service-area
/// range scans), optionally followed by the one reply POST to the connector, and nothing else.
/// </summary>
public static class BareEndpoint
{
    public static async Task RunAsync(int port, string storage, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var tables = new TableServiceClient(storage);
        var directory = tables.GetTableClient("Directory");
        var conversations = tables.GetTableClient("Conversations");
        using var http = new HttpClient();

        app.MapGet("/ready", () => Results.Ok());
        app.MapPost("/bare", async (HttpRequest request, bool? reply) =>
        {
            using var activity = await JsonDocument.ParseAsync(request.Body);
            var root = activity.RootElement;
            var tenant = root.GetProperty("conversation").GetProperty("tenantId").GetString()!;
            var conversationId = root.GetProperty("conversation").GetProperty("id").GetString()!;
            var user = root.GetProperty("from").GetProperty("aadObjectId").GetString()!;
            await conversations.UpsertEntityAsync(new TableEntity(tenant, $"personal|{user}")
            {
                ["ServiceUrl"] = root.GetProperty("serviceUrl").GetString(),
                ["ConversationId"] = conversationId,
            });
            await directory.GetEntityIfExistsAsync<TableEntity>(tenant, "organisation");
            await Drain(directory.QueryAsync<TableEntity>(KeyPrefix.Filter(tenant, "unit|")));
            await Drain(directory.QueryAsync<TableEntity>(KeyPrefix.Filter(tenant, "area|")));
            if (reply == true)
            {
                var serviceUrl = root.GetProperty("serviceUrl").GetString()!.TrimEnd('/');
                var url = $"{serviceUrl}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{root.GetProperty("id").GetString()}";
                using var content = new StringContent("{\"type\":\"message\",\"text\":\"units\"}", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri(url), content);
            }

            return Results.Ok();
        });
        await app.RunAsync(cancellationToken);
    }

    private static async Task Drain(Azure.AsyncPageable<TableEntity> rows)
    {
        await foreach (var _ in rows)
        {
        }
    }
}
