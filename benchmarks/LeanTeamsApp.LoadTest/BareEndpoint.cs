using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.LoadTest;

/// <summary>
/// The baselines: bare ASP.NET Core endpoints that parse the same activity JSON and make the same storage round trips
/// as the bot, and nothing else. `/bare` is the "units" turn (one conversation-reference upsert, the organisation row,
/// the unit and service-area range scans), optionally followed by the one reply POST to the connector. `/bare-submit`
/// is a check-in card's submit as the bot makes it in the benchmark (met in the week of its meeting, a first version,
/// by the unit's leader, with one improvement, one deviation and one benefit; <c>SubmitStorageCallsTests</c> counts the
/// bot's calls), against the same tables and key ranges, with rows of about the same size, in the bot's order:
/// <list type="number">
/// <item>Directory: the caller's person row (point read); the service areas and the units' leadership columns (two
/// range queries, the latter in as many pages as the bot's); the unit's row (point read); the service area's units
/// (range query).</item>
/// <item>Improvements: the unit's improvements (range query).</item>
/// <item>CheckIns: the check-in added. Improvements: its three records added in one transaction.</item>
/// <item>The week's recount: the unit's benefits and improvements (two range queries), the meeting's check-in (point
/// read: sent in the meeting's week, the bot reads no second week), the unit's weeks (range query), and its week, unit
/// week, board, year and overview rows in one transaction.</item>
/// <item>Outbox: the refresh's row looked up (point read of its key alone), the queue message sent, the row added.</item>
/// </list>
/// Beside it, <see cref="DispatchAsync"/> makes the outbox dispatcher's calls for each of those messages, as the bot's
/// dispatcher sends the refreshes during its run too.
/// </summary>
public static class BareEndpoint
{
    /// <summary>The conversation ids (and connector tenants) of the bare dispatcher's refreshes: none is the bot's.</summary>
    public const string BareThreadPrefix = "bare:";

    /// <summary>The address the bare endpoint's storage requests come from in Azurite's access log (the bot's: 127.0.0.1).</summary>
    public const string StorageAddress = "127.0.0.2";

    private static readonly string[] RecordKinds = ["imp", "dev", "ben"];

    public static async Task RunAsync(int port, string storage, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        // Its own loopback address towards storage, so that Azurite's access log tells its requests from the bot's.
        using var storageHandler = new SocketsHttpHandler { ConnectCallback = FromOwnAddressAsync };
        var transport = new Azure.Core.Pipeline.HttpClientTransport(storageHandler);
        var tables = new TableServiceClient(storage, new TableClientOptions { Transport = transport });
        var directory = tables.GetTableClient("Directory");
        var conversations = tables.GetTableClient("Conversations");
        var checkIns = tables.GetTableClient("CheckIns");
        var records = tables.GetTableClient("Improvements");
        var weeks = tables.GetTableClient("UnitWeeks");
        var outboxRows = tables.GetTableClient("Outbox");
        var outboxQueue = new Azure.Storage.Queues.QueueServiceClient(storage, new Azure.Storage.Queues.QueueClientOptions { Transport = transport }).GetQueueClient($"bare-outbox-{Guid.NewGuid():N}");
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
            var meetingDate = DateOnly.ParseExact(meeting, "yyyy-MM-dd", CultureInfo.InvariantCulture);
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
            // From the first year the overview row counts, as the bot reads them.
            var firstYear = Math.Min(IsoWeek.Of(meetingDate).Year, IsoWeek.Of(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7 * UnitWeekStore.RecentWeeks)).Year);
            await Drain(weeks.QueryAsync<TableEntity>(KeyPrefix.Filter(tenant, string.Create(CultureInfo.InvariantCulture, $"unit|{unit}|{firstYear:D4}-W"), $"unit|{unit}|")));
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
                // A thread of its own (see DispatchAsync), not the submitter's chat, which the bot's refreshes go to.
                ["ConversationId"] = $"{BareThreadPrefix}{unit}",
                ["ActivityId"] = root.TryGetProperty("replyToId", out var replyTo) ? replyTo.GetString() : "card",
            });
            return Results.Ok();
        });

        // The bot's outbox dispatcher sends each refresh while the submits run, and its storage calls are in the bot's
        // count; this one makes the same calls for the bare submits' messages, so both sides do the same work.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var dispatcher = DispatchAsync(outboxQueue, outboxRows, http, stopping.Token);
        await app.RunAsync(cancellationToken);
        await stopping.CancelAsync();
        await dispatcher;
    }

    /// <summary>
    /// What <c>OutboxDispatcher</c> does per check-in refresh, with nothing else: receive a batch, then for each message
    /// read its row, claim it (an ETag-checked merge of its state), PUT the activity to the connector, mark it sent (a
    /// merge) and delete the queue message. A refresh names no delivery target, so the bot clears no delivery problem
    /// after it, and neither does this. The tenant's sender lease, which the bot's dispatcher takes once for a run of
    /// sends and renews now and then, is not a call per message and is left out.
    /// </summary>
    /// <remarks>
    /// Each PUT goes to a thread of its own and names a tenant of its own (<see cref="BareThreadPrefix"/> and the unit),
    /// which the bot never writes to: the fake connector counts its per-thread windows by the conversation id in the URL
    /// and its per-tenant window by the activity's tenant (or the tenant it learnt for the thread), so these PUTs, sent
    /// unpaced, neither use up the bot's windows (they went to the submitter's chat, and the bot's refreshes there were
    /// answered 429) nor are answered 429 themselves.
    /// </remarks>
    private static async Task DispatchAsync(Azure.Storage.Queues.QueueClient queue, TableClient rows, HttpClient http, CancellationToken cancellationToken)
    {
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
                    var thread = row.GetString("ConversationId")!;
                    var activity = JsonSerializer.Serialize(new { type = "message", conversation = new { id = thread, tenantId = thread } });
                    using (var content = new StringContent($"{activity[..^1]},\"value\":{row.GetString("Data")}}}", Encoding.UTF8, "application/json"))
                    using (var response = await http.PutAsync(new Uri(url), content, ct))
                    {
                    }

                    await rows.UpdateEntityAsync(
                        new TableEntity(parts[0], parts[1]) { ["State"] = "Sent", ["SentActivityId"] = row.GetString("ActivityId"), ["SentAt"] = DateTimeOffset.UtcNow }, row.ETag, TableUpdateMode.Merge, ct);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                });
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Connects from <see cref="StorageAddress"/>: any 127.x address is loopback on Linux.</summary>
    private static async ValueTask<Stream> FromOwnAddressAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(StorageAddress), 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task Drain(Azure.AsyncPageable<TableEntity> rows)
    {
        await foreach (var _ in rows)
        {
        }
    }
}
