using System.Text.Json.Nodes;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.Features.Delivery;
using LeanTeamsApp.Features.Digest;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.IntegrationTests.Cards;

/// <summary>
/// The digest and report cards link to the tab's matching page with a Teams deep link to the personal tab, when the
/// Teams app id is configured: https://teams.microsoft.com/l/entity/{appId}/{entityId}?context={"subEntityId":"…"}.
/// </summary>
public sealed class TabDeepLinkTests : IAsyncLifetime
{
    private const string AppId = "3f2b8e5c-1d4a-4b7e-9c6f-2a8d5e1b7c90";
    private const string EntityLink = $"https://teams.microsoft.com/l/entity/{AppId}/overview?context=";

    private BotHost _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["TeamsApp:AppId"] = AppId, ["Outbox:Enabled"] = "false" });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ReportCard_TeamsAppIdConfigured_LinksToTheTabsReportsPage()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "rapport 2025"));

        var links = LastCardLinks();
        Assert.Equal(["Last ned Excel", "Last ned CSV", "Åpne rapportene"], links.Select(l => l.Title));
        Assert.Equal(EntityLink + "%7B%22subEntityId%22%3A%22reports%22%7D", links[2].Url);
    }

    [Fact]
    public async Task DigestCard_TeamsAppIdConfigured_LinksToTheOverviewInTheCallersLanguage()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "digest", "en-GB"));

        var link = Assert.Single(LastCardLinks());
        Assert.Equal(("Open the overview", EntityLink + "%7B%22subEntityId%22%3A%22overview%22%7D"), link);
    }

    [Fact]
    public void DigestCard_UnitsTheAppCannotReach_AlsoLinksToTheDeliverySection()
    {
        var tab = _bot.App.Services.GetRequiredService<TabLinks>();
        var digest = new WeeklyDigest(new IsoWeek(2026, 47), []);
        var unreachable = new UnreachableUnit("byggesak", "Byggesak", "samfunn", DeliveryReason.ConversationNotFound, DeliveryAdvice.BindChannel);

        var card = DigestCard.Create(Language.Sv, "Fjordvik kommune", digest, [unreachable], tab);

        Assert.Equal(
            [("Öppna översikten", new Uri(EntityLink + "%7B%22subEntityId%22%3A%22overview%22%7D")), ("Se vilka enheter appen inte når", new Uri(EntityLink + "%7B%22subEntityId%22%3A%22delivery%22%7D"))],
            card.Actions!.Cast<OpenUrlAction>().Select(a => (a.Title, a.Url)));
    }

    [Fact]
    public void EntityId_IsThePersonalTabsInTheManifest()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "manifest", "manifest.json")))!;

        var tab = Assert.Single(manifest["staticTabs"]!.AsArray());
        Assert.Equal(TabLinks.EntityId, (string)tab!["entityId"]!);
        Assert.Equal(["personal"], tab["scopes"]!.AsArray().Select(s => (string)s!));
    }

    private List<(string Title, string Url)> LastCardLinks() =>
    [
        .. _bot.Connector.Requests.Last(r => r.Operation == ConnectorOperation.Reply).Activity!.Attachments![0].Content!["actions"]!.AsArray()
            .Select(a => ((string)a!["title"]!, (string)a["url"]!)),
    ];
}
