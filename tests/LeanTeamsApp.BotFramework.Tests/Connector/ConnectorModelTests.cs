using System.Text.Json;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.BotFramework.Connector;

namespace LeanTeamsApp.BotFramework.Tests.Connector;

public class ConnectorModelTests
{
    [Fact]
    public void TeamsChannelAccount_OlderObjectIdName_ReadAsAadObjectId()
    {
        var member = JsonSerializer.Deserialize<TeamsChannelAccount>("""{"id":"29:kari","objectId":"oid-kari"}""", BotJson.Options)!;

        Assert.Equal("oid-kari", member.AadObjectId);
        using var written = JsonDocument.Parse(JsonSerializer.Serialize(member, BotJson.Options));
        Assert.Equal(["id", "aadObjectId"], written.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void TeamsChannelAccount_BothNames_AadObjectIdWins()
    {
        var member = JsonSerializer.Deserialize<TeamsChannelAccount>(
            """{"aadObjectId":"oid-new","objectId":"oid-old"}""", BotJson.Options)!;

        Assert.Equal("oid-new", member.AadObjectId);
    }

    [Fact]
    public void ErrorResponse_UnknownMembers_Kept()
    {
        var error = JsonSerializer.Deserialize<ErrorResponse>(
            """{"error":{"code":"Throttled","message":"Too many requests","innerHttpError":{"statusCode":429}}}""", BotJson.Options)!;

        Assert.Equal("Throttled", error.Error!.Code);
        Assert.True(error.Error.AdditionalProperties!.ContainsKey("innerHttpError"));
    }
}
