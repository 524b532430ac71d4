using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LeanTeamsApp.IntegrationTests.Bot;

/// <summary>What /api/messages answers to input that is not a well-formed activity: never a 500, never processed.</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":", "Malformed activity")]
    [InlineData("not json at all", "Malformed activity")]
    [InlineData("[1,2,3]", "Malformed activity")]
    [InlineData("{\"text\":\"hjelp\"}", "Malformed activity")]
    [InlineData("{\"type\":\"message\",\"from\":\"not an object\"}", "Malformed activity")]
    public async Task Post_MalformedBody_Is400WithProblemDetailsAndNothingSent(string body, string title)
    {
        using var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task Post_OversizedActivity_Is400AndNotRead()
    {
        var activity = _bot.Activities.PersonalMessage(_bot.Coordinator, new string('x', 300 * 1024));

        using var response = await _bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Activity too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task Post_OversizedActivityWithoutContentLength_Is400()
    {
        using var client = _bot.App.CreateClient();
        var payload = Encoding.UTF8.GetBytes(_bot.Activities.PersonalMessage(_bot.Coordinator, new string('x', 300 * 1024)).ToJsonString());
        using var content = new StreamContent(new MemoryStream(payload));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("somethingNew")]
    [InlineData("messageReaction")]
    [InlineData("typing")]
    [InlineData("event")]
    public async Task Post_ActivityTypeTheBotDoesNotHandle_Is200AndIgnored(string type)
    {
        var activity = _bot.Activities.PersonalMessage(_bot.Coordinator, "hjelp");
        activity["type"] = type;

        using var response = await _bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task Post_CardActionInvokeNotHandledYet_AnswersInTheUniversalActionsErrorFormat()
    {
        var invoke = _bot.Activities.Invoke(_bot.Coordinator, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "unknownVerb", ["data"] = new JsonObject() },
            ["trigger"] = "manual",
        });

        using var response = await _bot.PostAsync(invoke);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)response.StatusCode, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("NotSupported", body.RootElement.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_MessageWithoutConversation_Is200AndNothingSent()
    {
        var activity = _bot.Activities.PersonalMessage(_bot.Coordinator, "hjelp");
        activity.Remove("conversation");
        ((JsonObject)activity["channelData"]!).Remove("tenant");

        using var response = await _bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task Post_ReplyThatTeamsRefuses_StillAnswers200()
    {
        _bot.Connector.FailNext(1, 403, "ConversationBlockedByUser");

        using var response = await _bot.PostAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "hjelp"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostRawAsync(string body)
    {
        using var client = _bot.App.CreateClient();
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
    }
}
