using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.LoadTest;

/// <summary>
/// The baselines: bare ASP.NET Core endpoints that parse the same activity JSON and make the same storage round trips
/// as the bot, and nothing else. `/bare` is the "units" turn (one conversation-reference upsert, the organisation row,
/// the unit and service-area range scans), optionally followed by the one reply POST to the connector. `/bare-submit`
/// is a check-in card's submit as <c>SubmitStorageCallsTests</c> counts it: the same reads, adds, transactions and
/// outbox message, against the same tables and key ranges, with rows of about the same size; and, beside it, the outbox
/// dispatcher's calls for each of its messages (the bot's dispatcher sends the refreshes during its run too).
/// </summary>
public static class BareEndpoint
{
    private static readonly string[] RecordKinds = ["imp", "dev", "ben"];

    public static async Task RunAsync(int port, string storage, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var tables = new TableServiceClient(storage);
        var directory = tables.GetTableClient("Directory");
        var conversations = tables.GetTableClient("Conversations");
        var checkIns = tables.GetTableClient("CheckIns");
        var records = tables.GetTableClient("Improvements");
        var weeks = tables.GetTableClient("UnitWeeks");
        var outboxRows = tables.GetTableClient("Outbox");
        var outboxQueue = new Azure.Storage.Queues.QueueServiceClient(storage).GetQueueClient($"bare-outbox-{Guid.NewGuid():N}");
        await outboxQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
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
        app.MapPost("/bare-submit", async (HttpRequest request, string person, string area) =>
        {
            using var activity = await JsonDocument.ParseAsync(request.Body);
            var root = activity.RootElement;
            var tenant = root.GetProperty("conversation").GetProperty("tenantId").GetString()!;
            var data = root.GetProperty("value").GetProperty("action").GetProperty("data");
            var unit = data.GetProperty("unitId").GetString()!;
            var meeting = data.GetProperty("meetingDate").GetString()!;
            var json = data.GetRawText();

            // Who calls and what they may do; the units of the unit's service area and the unit's improvements.
            await directory.GetEntityIfExistsAsync<TableEntity>(tenant, $"person|{person}");
            await Drain(directory.QueryAsync<TableEntity>(KeyPrefix.Filter(tenant, "area|")));
            await Drain(directory.QueryAsync<TableEntity>(KeyPrefix.Filter(tenant, "unit|"), select: ["UnitId", "LeaderId", "CoordinatorIds"]));
            await directory.GetEntityIfExistsAsync<TableEntity>(tenant, $"unit|{unit}");
            await Drain(directory.QueryAsync<TableEntity>(KeyPrefix.Filter(tenant, $"areaunit|{area}|")));
            await Drain(records.QueryAsync<TableEntity>(KeyPrefix.Filter(tenant, $"imp|{unit}|")));

            // The check-in, then its records in one transaction. Written under keys of its own, which none of the bot's
            // range reads pass, so the bot submitting the same units' cards after it finds nothing of these.
            await checkIns.AddEntityAsync(new TableEntity(tenant, $"bare|checkin|{unit}|{meeting}") { ["Data"] = json + json, ["UnitId"] = unit, ["MeetingDate"] = meeting });
            await records.SubmitTransactionAsync(
                [.. RecordKinds.Select(kind => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(tenant, $"bare|{kind}|{unit}|ci-{meeting}-1") { ["Data"] = json, ["State"] = "Suggested" }))]);

            // The week's recount: the records as they now stand, the check-in, the unit's weeks; then one transaction.
            await Drain(records.QueryAsync<TableEntity>(KeyPrefix.Filter(tenant, $"ben|{unit}|")));
            await Drain(records.QueryAsync<TableEntity>(KeyPrefix.Filter(tenant, $"imp|{unit}|")));
            await checkIns.GetEntityIfExistsAsync<TableEntity>(tenant, $"bare|checkin|{unit}|{meeting}");
            await Drain(weeks.QueryAsync<TableEntity>(KeyPrefix.Filter(tenant, $"unit|{unit}|2026-W", $"unit|{unit}|")));
            await weeks.SubmitTransactionAsync(
                [.. new[] { $"bare|week|{unit}", $"bare|unit|{unit}", $"bare|board|{unit}", $"bare|year|{unit}", $"bare|overview|{unit}" }
                    .Select(key => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(tenant, key) { ["Data"] = json }))]);

            // The card refreshed for everyone: through the outbox.
            var outboxKey = $"bare|{unit}|{meeting}";
            await outboxRows.GetEntityIfExistsAsync<TableEntity>(tenant, outboxKey, ["PartitionKey"]);
            await outboxQueue.SendMessageAsync($"{tenant}|{outboxKey}");
            await outboxRows.AddEntityAsync(new TableEntity(tenant, outboxKey)
            {
                ["State"] = "Pending",
                ["Activity"] = json + json,
                ["Data"] = json,
                ["ServiceUrl"] = root.GetProperty("serviceUrl").GetString(),
                ["ConversationId"] = root.GetProperty("conversation").GetProperty("id").GetString(),
                ["ActivityId"] = root.TryGetProperty("replyToId", out var replyTo) ? replyTo.GetString() : "card",
            });
            return Results.Ok();
        });

        // The bot's outbox dispatcher sends each refresh while the submits run, and its storage calls are in the bot's
        // count; this one makes the same calls for the bare submits' messages, so both sides do the same work.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var dispatcher = DispatchAsync(outboxQueue, outboxRows, tables.GetTableClient("DeliveryProblems"), http, stopping.Token);
        await app.RunAsync(cancellationToken);
        await stopping.CancelAsync();
        await dispatcher;
    }

    /// <summary>
    /// What <c>OutboxDispatcher</c> does per message, with nothing else: receive a batch, then for each message read its
    /// row, claim it (an ETag-checked merge of its state), PUT the activity to the connector, mark it sent (a merge), delete the queue message
    /// and clear the target's delivery problem (a delete that finds nothing).
    /// </summary>
    private static async Task DispatchAsync(
        Azure.Storage.Queues.QueueClient queue, TableClient rows, TableClient problems, HttpClient http, CancellationToken cancellationToken)
    {
        await problems.CreateIfNotExistsAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), cancellationToken)).Value;
                if (messages.Length == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                    continue;
                }

                await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (message, ct) =>
                {
                    var parts = message.MessageText.Split('|', 2);
                    var row = (await rows.GetEntityIfExistsAsync<TableEntity>(parts[0], parts[1], cancellationToken: ct)).Value!;
                    var claimed = await rows.UpdateEntityAsync(
                        new TableEntity(parts[0], parts[1]) { ["State"] = "Sending", ["ClaimedAt"] = DateTimeOffset.UtcNow, ["Attempts"] = 1 }, row.ETag, TableUpdateMode.Merge, ct);
                    row.ETag = claimed.Headers.ETag ?? row.ETag;
                    var url = $"{row.GetString("ServiceUrl")!.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(row.GetString("ConversationId")!)}/activities/{Uri.EscapeDataString(row.GetString("ActivityId")!)}";
                    using (var content = new StringContent($"{{\"type\":\"message\",\"value\":{row.GetString("Data")}}}", Encoding.UTF8, "application/json"))
                    using (var response = await http.PutAsync(new Uri(url), content, ct))
                    {
                    }

                    await rows.UpdateEntityAsync(
                        new TableEntity(parts[0], parts[1]) { ["State"] = "Sent", ["SentActivityId"] = row.GetString("ActivityId"), ["SentAt"] = DateTimeOffset.UtcNow }, row.ETag, TableUpdateMode.Merge, ct);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                    try
                    {
                        using var cleared = await problems.DeleteEntityAsync(parts[0], $"{parts[1]}|Channel|", ETag.All, ct);
                    }
                    catch (RequestFailedException e) when (e.Status == 404)
                    {
                        // Nothing was wrong: the usual case, as for the bot.
                    }
                });
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static async Task Drain(Azure.AsyncPageable<TableEntity> rows)
    {
        await foreach (var _ in rows)
        {
        }
    }
}
