using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.IntegrationTests.Cards;

/// <summary>
/// Every card the app sends, built by the app itself and caught at the fake Bot Connector, must pass Microsoft's
/// own renderer for schema 1.5: Teams shows an unsupported card as an empty box rather than an error.
/// </summary>
public sealed class AppCardTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task AppCards_EveryCardTheBotSendsInEveryLanguage_PassTheOfficialRenderer()
    {
        var cards = new Dictionary<string, string>(StringComparer.Ordinal);
        var commands = _bot.App.Services.GetServices<BotCommand>().ToList();
        string Word(string command, Language language) => commands.Single(c => c.Name == command).Text.Shown(language);
        foreach (var language in Enum.GetValues<Language>())
        {
            var texts = BotTexts.For(language);
            var locale = language.Culture().Name;
            var key = language.ToString().ToLowerInvariant();
            cards[$"help-{key}-built"] = HelpCard.Create(texts, commands).ToJson().ToJsonString();
            await CollectAsync(cards, $"help-{key}", _bot.Activities.PersonalMessage(_bot.Stranger, Word("Help", language), locale));
            await CollectAsync(cards, $"units-{key}", _bot.Activities.PersonalMessage(_bot.Stranger, Word("Units", language), locale));
            await CollectAsync(cards, $"whoami-coordinator-{key}", _bot.Activities.PersonalMessage(_bot.Coordinator, Word("WhoAmI", language), locale));
            await CollectAsync(cards, $"whoami-unitleader-{key}", _bot.Activities.PersonalMessage(_bot.ByggesakLeader, Word("WhoAmI", language), locale));
        }

        var verdicts = await OfficialRenderer.ValidateAsync(cards, OfficialRenderer.ArtifactsFolder);

        var invalid = verdicts.Values.Where(v => !v.IsValid).ToList();
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
    }

    /// <summary>Says <paramref name="message"/> to the bot and keeps every card it answered with.</summary>
    private async Task CollectAsync(Dictionary<string, string> cards, string name, System.Text.Json.Nodes.JsonObject message)
    {
        var before = _bot.Connector.Requests.Count;
        await _bot.SayAsync(message);
        var sent = _bot.Connector.Requests
            .Skip(before)
            .Where(r => r.Operation is ConnectorOperation.Reply or ConnectorOperation.Send)
            .SelectMany(r => r.Activity?.Attachments ?? [])
            .Where(a => a.ContentType == AdaptiveCard.ContentType)
            .Select(a => a.Content!.ToJsonString())
            .ToList();
        Assert.True(sent.Count > 0, $"The bot answered '{message["text"]}' without a card.");
        for (var i = 0; i < sent.Count; i++)
        {
            cards[sent.Count == 1 ? name : $"{name}-{i + 1}"] = sent[i];
        }
    }
}
