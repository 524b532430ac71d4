using System.Net;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.IntegrationTests.Bot;

/// <summary>
/// Storage going away under a running bot. A command gets a clear answer in the user's language; an event the bot
/// must not lose gets a 503, so Teams delivers it again later.
/// </summary>
public sealed class StorageOutageTests(StorageOutageTests.DeadStorage outage) : IClassFixture<StorageOutageTests.DeadStorage>
{
    private AppFactory App => outage.App;

    private FakeConnector Connector => outage.Connector;

    private TeamsActivities Activities => outage.Activities;

    private TeamsUser User => outage.User;

    [Theory]
    [InlineData("nb-NO", "enheter", "Jeg får ikke lagret akkurat nå. Ingenting ble endret – prøv igjen om litt.")]
    [InlineData("sv-SE", "enheter", "Jag kan inte spara just nu. Inget ändrades – försök igen om en stund.")]
    [InlineData("nn-NO", "einingar", "Eg får ikkje lagra akkurat no. Ingenting vart endra – prøv igjen om litt.")]
    [InlineData("en-GB", "units", "I can't save anything right now. Nothing was changed - please try again in a moment.")]
    public async Task Command_StorageDown_AnswersInTheUsersLanguage(string locale, string text, string expected)
    {
        Connector.Clear();
        using var client = App.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), Json(Activities.PersonalMessage(User, text, locale)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(Connector.Requests, r => r.Operation == ConnectorOperation.Reply);
        Assert.Equal(expected, reply.Activity?.Text);
    }

    [Fact]
    public async Task Installation_StorageDown_Is503SoTeamsDeliversItAgain()
    {
        Connector.Clear();
        using var client = App.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), Json(Activities.TeamInstalled(User)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null);
        Assert.Contains("Storage is unavailable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task Healthz_StorageStoppedAfterStart_SaysUnhealthy()
    {
        using var client = App.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(App.Services.GetRequiredService<StorageTables>().Created);
    }

    /// <summary>A running service whose own Azurite was stopped after the demo organisation was imported.</summary>
    public sealed class DeadStorage : IAsyncLifetime, IDisposable
    {
        public AppFactory App { get; private set; } = null!;

        public FakeConnector Connector { get; private set; } = null!;

        public TeamsActivities Activities { get; private set; } = null!;

        public TeamsUser User { get; } = TeamsUser.Create("Jonas Vik", "lean.koordinator@fjordvik.kommune.no");

        public async Task InitializeAsync()
        {
            // Its own Azurite, because the tests need it stopped.
            var storage = await Azurite.StartAsync();
            Connector = await FakeConnector.StartNewAsync();
            App = new AppFactory(storage.ConnectionString, BotHost.LocalSettings());
            _ = App.Server;
            var tenant = TestTenants.New();
            Assert.True((await App.ImportDemoAsync(tenant)).Succeeded);
            Activities = new TeamsActivities(tenant, Connector.ServiceUrl);
            await storage.DisposeAsync();
        }

        public async Task DisposeAsync() => await Connector.DisposeAsync();

        public void Dispose() => App.Dispose();
    }

    private static StringContent Json(System.Text.Json.Nodes.JsonObject activity) =>
        new(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
