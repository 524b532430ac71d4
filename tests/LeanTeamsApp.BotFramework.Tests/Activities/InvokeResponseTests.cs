using System.Text.Json;
using System.Text.Json.Nodes;
using LeanTeamsApp.BotFramework.Activities;

namespace LeanTeamsApp.BotFramework.Tests.Activities;

public class InvokeResponseTests
{
    private static JsonNode? Write(object value) => JsonNode.Parse(JsonSerializer.Serialize(value, BotJson.Options));

    [Fact]
    public void AdaptiveCardInvokeResponse_Card_WritesUniversalActionsShape()
    {
        var card = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[]}""")!;

        var invoke = AdaptiveCardInvokeResponse.Card(card).ToInvokeResponse();

        Assert.Equal(200, invoke.Status);
        var expected = JsonNode.Parse("""
            { "statusCode": 200, "type": "application/vnd.microsoft.card.adaptive",
              "value": { "type": "AdaptiveCard", "version": "1.5", "body": [] } }
            """);
        Assert.True(JsonNode.DeepEquals(expected, Write(invoke.Body!)));
    }

    [Fact]
    public void AdaptiveCardInvokeResponse_Message_WritesMessageType()
    {
        var invoke = AdaptiveCardInvokeResponse.Message("Stemmen er registrert").ToInvokeResponse();

        var expected = JsonNode.Parse("""
            { "statusCode": 200, "type": "application/vnd.microsoft.activity.message", "value": "Stemmen er registrert" }
            """);
        Assert.True(JsonNode.DeepEquals(expected, Write(invoke.Body!)));
    }

    [Fact]
    public void AdaptiveCardInvokeResponse_NotSupported_AnswersHttp400WithErrorBody()
    {
        var invoke = AdaptiveCardInvokeResponse.NotSupported("Action.Submit is not handled here").ToInvokeResponse();

        Assert.Equal(400, invoke.Status);
        var expected = JsonNode.Parse("""
            { "statusCode": 400, "type": "application/vnd.microsoft.error",
              "value": { "code": "NotSupported", "message": "Action.Submit is not handled here" } }
            """);
        Assert.True(JsonNode.DeepEquals(expected, Write(invoke.Body!)));
    }

    [Fact]
    public void TaskModuleResponse_Continue_WritesTaskInfo()
    {
        var card = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[]}""")!;
        var response = TaskModuleResponse.Continue(new TaskModuleTaskInfo
        {
            Title = "Ny forbedring",
            Height = "medium",
            Width = 500,
            Card = Attachment.AdaptiveCard(card),
        });

        var expected = JsonNode.Parse("""
            { "task": { "type": "continue",
                        "value": { "title": "Ny forbedring", "height": "medium", "width": 500,
                                   "card": { "contentType": "application/vnd.microsoft.card.adaptive",
                                             "content": { "type": "AdaptiveCard", "version": "1.5", "body": [] } } } } }
            """);
        Assert.True(JsonNode.DeepEquals(expected, Write(response.ToInvokeResponse().Body!)));
    }

    [Fact]
    public void TaskModuleResponse_Message_WritesText()
    {
        var expected = JsonNode.Parse("""{ "task": { "type": "message", "value": "Lagret!" } }""");

        Assert.True(JsonNode.DeepEquals(expected, Write(TaskModuleResponse.Message("Lagret!"))));
    }
}
