using System.Net;
using System.Text.Json;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.BotFramework.Tests.Connector.Support;

namespace LeanTeamsApp.BotFramework.Tests.Connector;

public class ConnectorClientRequestTests
{
    private const string ChannelThread = "19:abc@thread.tacv2;messageid=1776";
    private const string EscapedChannelThread = "19%3Aabc%40thread.tacv2%3Bmessageid%3D1776";

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task SendAsync_ChannelThread_PostsActivityJsonToEscapedPathAndReturnsId()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueJson("""{"id":"1776000000001"}""");

        var id = await rig.Client.SendAsync(ConnectorRig.Address(ChannelThread), Message("God morgen"), CancellationToken.None);

        var request = Assert.Single(rig.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"https://smba.trafficmanager.net/emea/v3/conversations/{EscapedChannelThread}/activities", request.Uri.AbsoluteUri);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("God morgen", body.RootElement.GetProperty("text").GetString());
        Assert.False(body.RootElement.TryGetProperty("replyToId", out _));
        Assert.Equal("1776000000001", id);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea")]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    public async Task SendAsync_ServiceUrlWithOrWithoutTrailingSlash_SamePath(string serviceUrl)
    {
        await using var rig = new ConnectorRig();

        await rig.Client.SendAsync(new ConversationAddress(new Uri(serviceUrl), "a:1", null), Message("x"), CancellationToken.None);

        Assert.Equal("/emea/v3/conversations/a%3A1/activities", Assert.Single(rig.Handler.Requests).Path);
    }

    [Fact]
    public async Task SendAsync_EmptySuccessBody_ReturnsNullId()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueJson(string.Empty, HttpStatusCode.Created);

        var id = await rig.Client.SendAsync(ConnectorRig.Address(), Message("x"), CancellationToken.None);

        Assert.Null(id);
    }

    [Fact]
    public async Task ReplyAsync_ActivityId_PostsToEscapedActivityPath()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueJson("""{"id":"reply-1"}""");
        var reply = Message("Svar");
        reply.ReplyToId = "1:abc";

        var id = await rig.Client.ReplyAsync(ConnectorRig.Address(ChannelThread), "1:abc", reply, CancellationToken.None);

        var request = Assert.Single(rig.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"/emea/v3/conversations/{EscapedChannelThread}/activities/1%3Aabc", request.Path);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("1:abc", body.RootElement.GetProperty("replyToId").GetString());
        Assert.Equal("reply-1", id);
    }

    [Fact]
    public async Task UpdateAsync_ActivityId_PutsNewActivity()
    {
        await using var rig = new ConnectorRig();

        await rig.Client.UpdateAsync(ConnectorRig.Address(), "1776", Message("Oppdatert"), CancellationToken.None);

        var request = Assert.Single(rig.Handler.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("/emea/v3/conversations/a%3A1on1-kari/activities/1776", request.Path);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("Oppdatert", body.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task DeleteAsync_ActivityId_SendsDeleteWithoutBody()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueJson(string.Empty);

        await rig.Client.DeleteAsync(ConnectorRig.Address(), "1776", CancellationToken.None);

        var request = Assert.Single(rig.Handler.Requests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal("/emea/v3/conversations/a%3A1on1-kari/activities/1776", request.Path);
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task CreateConversationAsync_PersonalChat_PostsOneMemberAndTenant()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueJson("""{"id":"a:1pair-kari"}""", HttpStatusCode.Created);
        var parameters = ConversationParameters.ForPersonalChat(ConnectorRig.TenantId, "29:kari", botId: "28:bot");

        var created = await rig.Client.CreateConversationAsync(ConnectorRig.ServiceUrl, parameters, CancellationToken.None);

        var request = Assert.Single(rig.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/emea/v3/conversations", request.Path);
        using var body = JsonDocument.Parse(request.Body!);
        var root = body.RootElement;
        Assert.False(root.GetProperty("isGroup").GetBoolean());
        Assert.Equal("28:bot", root.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("29:kari", Assert.Single(root.GetProperty("members").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(ConnectorRig.TenantId, root.GetProperty("tenantId").GetString());
        Assert.Equal(ConnectorRig.TenantId, root.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.False(root.TryGetProperty("activity", out _));
        Assert.Equal("a:1pair-kari", created.Id);
        Assert.Null(created.ActivityId);
    }

    [Fact]
    public async Task CreateConversationAsync_ChannelPost_PostsChannelAndFirstActivity()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueJson("""{"id":"19:abc@thread.tacv2;messageid=1776","activityId":"1776"}""", HttpStatusCode.Created);
        var parameters = ConversationParameters.ForChannelPost(ConnectorRig.TenantId, "19:abc@thread.tacv2", Message("Tavlemøte kl. 9"));

        var created = await rig.Client.CreateConversationAsync(ConnectorRig.ServiceUrl, parameters, CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(rig.Handler.Requests).Body!);
        var root = body.RootElement;
        Assert.True(root.GetProperty("isGroup").GetBoolean());
        Assert.Equal("19:abc@thread.tacv2", root.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString());
        Assert.Equal(ConnectorRig.TenantId, root.GetProperty("tenantId").GetString());
        Assert.Equal("Tavlemøte kl. 9", root.GetProperty("activity").GetProperty("text").GetString());
        Assert.False(root.TryGetProperty("members", out _));
        Assert.Equal("19:abc@thread.tacv2;messageid=1776", created.Id);
        Assert.Equal("1776", created.ActivityId);
    }

    [Fact]
    public async Task CreateConversationAsync_AnswerWithoutId_Throws()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueJson("{}", HttpStatusCode.Created);
        var parameters = ConversationParameters.ForPersonalChat(ConnectorRig.TenantId, "29:kari");

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => rig.Client.CreateConversationAsync(ConnectorRig.ServiceUrl, parameters, CancellationToken.None));

        Assert.Equal(ConnectorErrorCodes.InvalidResponse, exception.ErrorCode);
    }

    [Fact]
    public async Task SendAsync_TokenProviderGivesHeader_SendsIt()
    {
        await using var rig = new ConnectorRig();
        rig.Tokens.Header = "Bearer eyJ0eXAi.token";

        await rig.Client.SendAsync(ConnectorRig.Address(), Message("x"), CancellationToken.None);

        Assert.Equal("Bearer eyJ0eXAi.token", Assert.Single(rig.Handler.Requests).Authorization);
    }

    [Fact]
    public async Task SendAsync_TokenProviderGivesNull_SendsNoAuthorization()
    {
        await using var rig = new ConnectorRig();
        rig.Tokens.Header = null;

        await rig.Client.SendAsync(ConnectorRig.Address(), Message("x"), CancellationToken.None);

        Assert.Null(Assert.Single(rig.Handler.Requests).Authorization);
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    [InlineData("https://evil.example/emea/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://botframework.com/")]
    [InlineData("https://user@smba.trafficmanager.net/emea/")]
    [InlineData("http://127.0.0.1:3978/")]
    [InlineData("https://localhost/")]
    [InlineData("http://[::1]:56150/_connector/")]
    public async Task SendAsync_UntrustedServiceUrl_RefusedWithoutTokenOrRequest(string serviceUrl)
    {
        await using var rig = new ConnectorRig();

        var exception = await Assert.ThrowsAsync<ConnectorException>(() => rig.Client.SendAsync(
            new ConversationAddress(new Uri(serviceUrl), "a:1", ConnectorRig.TenantId), Message("x"), CancellationToken.None));

        Assert.Equal(0, exception.StatusCode);
        Assert.Equal(ConnectorErrorCodes.UntrustedServiceUrl, exception.ErrorCode);
        Assert.False(exception.IsTransient);
        Assert.Empty(rig.Handler.Requests);
        Assert.Equal(0, rig.Tokens.Calls);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://europe.botframework.com/")]
    [InlineData("https://SMBA.infra.gcc.teams.microsoft.com/gcc")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/gcch")]
    [InlineData("http://127.0.0.1:3978/")]
    [InlineData("http://localhost:56150/_connector")]
    [InlineData("http://[::1]:56150/")]
    public async Task SendAsync_TrustedServiceUrl_Sent(string serviceUrl)
    {
        await using var rig = new ConnectorRig(o => o.TrustedServiceUrlHosts.AddRange(["127.0.0.1", "localhost", "[::1]"]));

        await rig.Client.SendAsync(new ConversationAddress(new Uri(serviceUrl), "a:1", null), Message("x"), CancellationToken.None);

        Assert.StartsWith(new Uri(serviceUrl).AbsolutePath.TrimEnd('/'), Assert.Single(rig.Handler.Requests).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMembersAsync_ContinuationTokens_FollowsEveryPage()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueJson("""{"continuationToken":"page/2+","members":[{"id":"29:kari","name":"Kari","aadObjectId":"oid-kari","userRole":"user"}]}""");
        rig.Handler.EnqueueJson("""{"continuationToken":"page3","members":[]}""");
        rig.Handler.EnqueueJson("""{"members":[{"id":"29:ola","objectId":"oid-ola","email":"ola@kommune.no","userPrincipalName":"ola@kommune.no","givenName":"Ola","surname":"Nordmann","tenantId":"t","userRole":"guest"}]}""");

        var members = await rig.Client.GetMembersAsync(ConnectorRig.Address(ChannelThread), CancellationToken.None);

        var requests = rig.Handler.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(HttpMethod.Get, r.Method));
        Assert.Equal($"/emea/v3/conversations/{EscapedChannelThread}/pagedmembers", requests[0].Path);
        Assert.Equal("?pageSize=500", requests[0].Uri.Query);
        Assert.Equal("?pageSize=500&continuationToken=page%2F2%2B", requests[1].Uri.Query);
        Assert.Equal("?pageSize=500&continuationToken=page3", requests[2].Uri.Query);
        Assert.Equal(["29:kari", "29:ola"], members.Select(m => m.Id));
        Assert.Equal("oid-kari", members[0].AadObjectId);
        var ola = members[1];
        Assert.Equal(("oid-ola", "ola@kommune.no", "ola@kommune.no", "Ola", "Nordmann", "t", "guest"),
            (ola.AadObjectId, ola.Email, ola.UserPrincipalName, ola.GivenName, ola.Surname, ola.TenantId, ola.UserRole));
    }

    [Fact]
    public async Task GetMemberAsync_KnownUser_GetsEscapedMemberPath()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueJson("""{"id":"29:kari","userPrincipalName":"kari@kommune.no"}""");

        var member = await rig.Client.GetMemberAsync(ConnectorRig.Address(ChannelThread), "29:kari", CancellationToken.None);

        var request = Assert.Single(rig.Handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal($"/emea/v3/conversations/{EscapedChannelThread}/members/29%3Akari", request.Path);
        Assert.Equal("kari@kommune.no", member?.UserPrincipalName);
    }

    [Fact]
    public async Task GetMemberAsync_UserNotInConversation_ReturnsNull()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueError(404, "MemberNotFoundInConversation");

        var member = await rig.Client.GetMemberAsync(ConnectorRig.Address(), "29:nobody", CancellationToken.None);

        Assert.Null(member);
        Assert.Single(rig.Handler.Requests);
    }

    [Fact]
    public async Task GetMemberAsync_ConversationGone_Throws()
    {
        await using var rig = new ConnectorRig();
        rig.Handler.EnqueueError(404, "ConversationNotFound");

        var exception = await Assert.ThrowsAsync<ConnectorException>(
            () => rig.Client.GetMemberAsync(ConnectorRig.Address(), "29:kari", CancellationToken.None));

        Assert.True(exception.IsConversationGone);
    }
}
