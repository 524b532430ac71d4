using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Features.Reviews;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Reviews;

/// <summary>
/// The bot with the demo organisation on a fixed clock (Thursday 12 March 2026, 15:00 in Oslo), appointments of the
/// year wheel seeded straight into the appointment store, and the steps a user takes: a command, a card's button.
/// </summary>
public sealed class ReviewHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-12T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public const string SalHelse = "tol.helse@fjordvik.kommune.no";
    public const string SalSamfunn = "tol.samfunn@fjordvik.kommune.no";

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ReviewHost(BotHost bot, FakeTimeProvider clock)
    {
        Bot = bot;
        Clock = clock;
    }

    public BotHost Bot { get; }

    public FakeTimeProvider Clock { get; }

    public string TenantId => Bot.TenantId;

    public AppointmentStore Appointments => Bot.App.Services.GetRequiredService<AppointmentStore>();

    public ReviewStore Store => Bot.App.Services.GetRequiredService<ReviewStore>();

    public static async Task<ReviewHost> StartAsync()
    {
        var clock = new FakeTimeProvider(Start);
        return new ReviewHost(await BotHost.StartAsync(time: clock), clock);
    }

    public ValueTask DisposeAsync() => Bot.DisposeAsync();

    /// <summary>An appointment as the planner would store it: the unit's offset on the date, owned by the service-area leader.</summary>
    public async Task<Appointment> SeedAsync(AppointmentKind kind, string unitId, string ownerId, DateOnly date, int half = 1, AppointmentStatus status = AppointmentStatus.Planned)
    {
        var start = new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(1));
        var plan = new PlannedAppointment(PlannedAppointment.IdFor(kind, unitId, date.Year, half), kind, unitId, ownerId, [], start, start.AddHours(1));
        await Appointments.ApplyAsync(TenantId, date.Year, new YearPlan([plan], [plan], [], [], [], [], []), [], default);
        var stored = (await Appointments.GetAsync(TenantId, date.Year, plan.Id, default))!;
        if (status != AppointmentStatus.Planned)
        {
            Assert.True(await Appointments.UpdateAsync(TenantId, stored with { Status = status }, default));
            stored = (await Appointments.GetAsync(TenantId, date.Year, plan.Id, default))!;
        }

        return stored;
    }

    public Task<string> SayAsync(TeamsUser user, string text, string locale = "nb-NO") =>
        Bot.SayAsync(Bot.Activities.PersonalMessage(user, text, locale));

    /// <summary>The card of the bot's last reply.</summary>
    public JsonObject LastReplyCard() =>
        Bot.Connector.Requests.Last(r => r.Operation == ConnectorOperation.Reply).Activity!.Attachments![0].Content!.AsObject();

    /// <summary>Says the command and returns the card it answered with.</summary>
    public async Task<JsonObject> CardForAsync(TeamsUser user, string text, string locale = "nb-NO")
    {
        await SayAsync(user, text, locale);
        return LastReplyCard();
    }

    /// <summary>
    /// Presses the card's main button as Teams does: the action's data with the card's inputs merged in.
    /// Returns the invoke's status, the card it answered with (or null) and its message text (or null).
    /// </summary>
    public Task<Answer> SubmitAsync(TeamsUser user, JsonObject card, JsonObject inputs, string locale = "nb-NO")
    {
        var action = card["actions"]![0]!;
        var data = action["data"]!.DeepClone().AsObject();
        foreach (var (key, value) in inputs)
        {
            data[key] = value?.DeepClone();
        }

        return ActAsync(user, (string)action["verb"]!, data, locale);
    }

    public async Task<Answer> ActAsync(TeamsUser user, string verb, JsonObject data, string locale = "nb-NO")
    {
        var invoke = Bot.Activities.Invoke(user, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
            ["trigger"] = "manual",
        });
        invoke["locale"] = locale;
        using var response = await Bot.PostAsync(invoke);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var value = body["value"];
        return new Answer(response.StatusCode, value as JsonObject, value is JsonValue text ? text.ToString() : null, body.ToJsonString(Unescaped));
    }

    public sealed record Answer(HttpStatusCode Status, JsonObject? Card, string? Message, string Body);

    public static string Json(JsonNode node) => node.ToJsonString(Unescaped);

    /// <summary>Every element of the card (body, columns, containers) in reading order.</summary>
    public static IEnumerable<JsonObject> Elements(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var element in Elements(item))
                    {
                        yield return element;
                    }
                }

                break;
            case JsonObject element:
                if (element["type"] is not null)
                {
                    yield return element;
                }

                foreach (var child in new[] { "body", "items", "columns" })
                {
                    foreach (var inner in Elements(element[child]))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    public static JsonObject Input(JsonObject card, string id) => Elements(card).Single(e => (string?)e["id"] == id);

    /// <summary>The error text right under an input (the next element of its container), or null.</summary>
    public static string? ErrorUnder(JsonObject card, string id)
    {
        foreach (var list in Elements(card).Select(e => e["items"] as JsonArray).Append(card["body"] as JsonArray).OfType<JsonArray>())
        {
            for (var i = 0; i < list.Count - 1; i++)
            {
                if ((string?)list[i]!["id"] == id)
                {
                    var next = list[i + 1]!;
                    return (string?)next["type"] == "TextBlock" && (string?)next["color"] == "attention" ? (string?)next["text"] : null;
                }
            }
        }

        return null;
    }

    public static List<string> Texts(JsonObject card) =>
        [.. Elements(card).Where(e => (string?)e["type"] == "TextBlock").Select(e => (string)e["text"]!)];
}
