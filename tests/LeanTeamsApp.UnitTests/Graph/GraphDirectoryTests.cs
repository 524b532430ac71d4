using System.Net;
using LeanTeamsApp.Infrastructure.Graph;

namespace LeanTeamsApp.UnitTests.Graph;

/// <summary>
/// The request <see cref="GraphDirectory"/> sends, checked against Graph v1.0's "List users" documentation (example
/// "Use $search to get users with display names that contain the letters 'wa' including a count of returned objects"):
/// GET /users with $search in quoted "property:words" clauses, the ConsistencyLevel: eventual header that advanced
/// queries need, $select and $top; and how its documented answers are read.
/// </summary>
public sealed class GraphDirectoryTests
{
    private const string Tenant = "6e7e0c53-5f1a-4d55-9e0e-8d2b0f8a1c11";
    private const string SsoToken = "eyJ0eXAi.sso-token-of-the-tab.sig";

    // The documented 200 answer to a $search with $select, trimmed to two users; the second has no mailbox.
    private const string UsersJson = """
        {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail,userPrincipalName,jobTitle)",
         "value":[
          {"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","displayName":"Kari Nordmann","mail":"Kari.Nordmann@fjordvik.kommune.no","userPrincipalName":"kari.nordmann@fjordvik.kommune.no","jobTitle":"Enhetsleder"},
          {"id":"626cbf8c-5dde-46b0-8385-9e40d64736fe","displayName":"Kari Vikar","mail":null,"userPrincipalName":"kari.vikar@fjordvik.kommune.no","jobTitle":null}
         ]}
        """;

    private const string ThrottledJson = """
        {"error":{"code":"TooManyRequests","innerError":{"code":"429","message":"Please retry after","status":"429"},"message":"Please retry again later."}}
        """;

    [Fact]
    public async Task SearchPeople_OnBehalfOfUser_SendsTheDocumentedSearchWithTheUsersExchangedToken()
    {
        var host = new GraphTestHost();
        host.Answer(HttpStatusCode.OK, UsersJson);

        var result = await host.Directory.SearchPeopleAsync(Tenant, "kari", 10, SsoToken, CancellationToken.None);

        var sent = Assert.Single(host.Requests);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("/v1.0/users", sent.Path);
        Assert.Equal(
            [("$search", "\"displayName:kari\" OR \"mail:kari\""), ("$select", "id,displayName,mail,userPrincipalName,jobTitle"), ("$top", "10")],
            sent.QueryParameters.OrderBy(p => p.Name, StringComparer.Ordinal));
        Assert.Equal("eventual", sent.Headers["ConsistencyLevel"]);
        Assert.Equal($"Bearer {GraphTestHost.OnBehalfOf(Tenant, SsoToken)}", sent.Headers["Authorization"]);

        Assert.Equal(DirectorySearchStatus.Succeeded, result.Status);
        Assert.Equal(
            [new DirectoryPerson("87d349ed-44d7-43e1-9a83-5f2406dee5bd", "Kari Nordmann", "Kari.Nordmann@fjordvik.kommune.no", "kari.nordmann@fjordvik.kommune.no", "Enhetsleder"),
             new DirectoryPerson("626cbf8c-5dde-46b0-8385-9e40d64736fe", "Kari Vikar", null, "kari.vikar@fjordvik.kommune.no", null)],
            result.People);
    }

    [Theory]
    [InlineData("say \"hi\"", "\"displayName:say \\\"hi\\\"\" OR \"mail:say \\\"hi\\\"\"")]
    [InlineData("a\\b", "\"displayName:a\\\\b\" OR \"mail:a\\\\b\"")]
    [InlineData("x\" OR \"mail:", "\"displayName:x\\\" OR \\\"mail:\" OR \"mail:x\\\" OR \\\"mail:\"")]
    [InlineData("  Åse Ødegård  ", "\"displayName:Åse Ødegård\" OR \"mail:Åse Ødegård\"")]
    public async Task SearchPeople_QuotesAndBackslashes_StayInsideTheirClause(string query, string search)
    {
        var host = new GraphTestHost();
        host.Answer(HttpStatusCode.OK, """{"value":[]}""");

        var result = await host.Directory.SearchPeopleAsync(Tenant, query, 5, SsoToken, CancellationToken.None);

        Assert.Equal(DirectorySearchStatus.Succeeded, result.Status);
        Assert.Empty(result.People);
        Assert.Equal(search, Assert.Single(host.Requests).QueryParameters.Single(p => p.Name == "$search").Value);
    }

    [Fact]
    public async Task SearchPeople_NoUserToken_IsForbiddenWithoutAskingGraph()
    {
        var host = new GraphTestHost();

        var result = await host.Directory.SearchPeopleAsync(Tenant, "kari", 10, userAssertion: null, CancellationToken.None);

        Assert.Equal(DirectorySearchStatus.Forbidden, result.Status);
        Assert.Empty(host.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "Authorization_RequestDenied", DirectorySearchStatus.Forbidden)]
    [InlineData(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken", DirectorySearchStatus.Forbidden)]
    [InlineData(HttpStatusCode.InternalServerError, "generalException", DirectorySearchStatus.Unavailable)]
    [InlineData(HttpStatusCode.BadGateway, "generalException", DirectorySearchStatus.Unavailable)]
    public async Task SearchPeople_GraphRefusesOrFails_IsAClearStatusWithGraphsCode(HttpStatusCode status, string code, DirectorySearchStatus expected)
    {
        var host = new GraphTestHost();
        host.AnswerError(status, code);

        var result = await host.Directory.SearchPeopleAsync(Tenant, "kari", 10, SsoToken, CancellationToken.None);

        Assert.Equal((expected, code), (result.Status, result.GraphErrorCode));
        Assert.Empty(result.People);
    }

    [Fact]
    public async Task SearchPeople_ThrottledLongerThanTheLongestWait_IsThrottledWithGraphsWait()
    {
        var host = new GraphTestHost(new GraphOptions { MaxRetryWait = TimeSpan.FromSeconds(10) });
        host.Answer(HttpStatusCode.TooManyRequests, ThrottledJson, ("Retry-After", "30"));

        var result = await host.Directory.SearchPeopleAsync(Tenant, "kari", 10, SsoToken, CancellationToken.None);

        Assert.Equal(DirectorySearchStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
        Assert.Single(host.Requests);
    }
}
