using System.Text.Json.Nodes;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Setup;

namespace LeanTeamsApp.IntegrationTests.Bot;

/// <summary>One unit per channel: re-binding asks first, `unregister unit` undoes a binding, the forum channel is no unit's.</summary>
public sealed class ChannelBindingTests : IAsyncLifetime
{
    private const string ForumChannel = TeamsActivities.ForumChannelId;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync();
        using var installed = await _bot.PostAsync(_bot.Activities.TeamInstalled(_bot.Coordinator));
        Assert.True(installed.IsSuccessStatusCode);
        Assert.Contains("Byggesak", await SayInChannelAsync(_bot.Coordinator, "register unit Byggesak"), StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private OrganisationStore Store => _bot.App.Store;

    [Fact]
    public async Task RegisterUnit_InAnotherUnitsChannel_AsksAndChangesNothingUntilConfirmed()
    {
        var before = await BindingsAsync();

        var said = await SayInChannelAsync(_bot.Coordinator, "register unit Eiendomsdrift");

        Assert.Contains("This channel already belongs to Byggesak. Move it to Eiendomsdrift?", said, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"unit.rebind\"", said, StringComparison.Ordinal);
        Assert.Equal(before, await BindingsAsync());
        // Until the coordinator chooses, the channel is still Byggesak's alone, so its leader's commands work there.
        Assert.Contains("Byggesak", await SayInChannelAsync(_bot.ByggesakLeader, "status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebind_Keep_ChangesNothing()
    {
        var before = await BindingsAsync();

        var answer = await RebindAsync(_bot.Coordinator, "eiendomsdrift", "keep");

        Assert.Contains("The channel still belongs to Byggesak. Nothing was changed.", answer, StringComparison.Ordinal);
        Assert.Equal(before, await BindingsAsync());
    }

    [Fact]
    public async Task Rebind_Move_BindsTheNewUnitAndUnbindsTheOldInOneStep()
    {
        var answer = await RebindAsync(_bot.Coordinator, "eiendomsdrift", "move");

        Assert.Contains("now belongs to Eiendomsdrift. Byggesak has no channel any more", answer, StringComparison.Ordinal);
        var bindings = await BindingsAsync();
        Assert.Equal(TeamsActivities.ByggesakChannelId, bindings["eiendomsdrift"]);
        Assert.Null(bindings["byggesak"]);
        Assert.Single(bindings, b => b.Value == TeamsActivities.ByggesakChannelId);
        var units = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "units", "en-GB"));
        Assert.Single(units.Split("#Byggesak").Skip(1));
    }

    [Fact]
    public async Task Rebind_ByTheUnitLeader_IsRefusedAndChangesNothing()
    {
        var before = await BindingsAsync();

        var answer = await RebindAsync(_bot.ByggesakLeader, "eiendomsdrift", "move");

        Assert.Contains("You are not allowed to bind channels to units.", answer, StringComparison.Ordinal);
        Assert.Equal(before, await BindingsAsync());
    }

    [Fact]
    public async Task UnregisterUnit_Coordinator_UnbindsTheChannelAndSaysSoTwice()
    {
        var said = await SayInChannelAsync(_bot.Coordinator, "unregister unit");
        var again = await SayInChannelAsync(_bot.Coordinator, "avregistrer enhet", "nb-NO");

        Assert.Contains("is no longer bound to Byggesak", said, StringComparison.Ordinal);
        Assert.Null((await BindingsAsync())["byggesak"]);
        Assert.Contains("Denne kanalen er ikke koblet til noen enhet. Ingenting ble endret.", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnregisterUnit_UnitLeader_IsRefusedAndTheBindingStays()
    {
        var said = await SayInChannelAsync(_bot.ByggesakLeader, "unregister unit");

        Assert.Contains("You are not allowed to bind channels to units.", said, StringComparison.Ordinal);
        Assert.Equal(TeamsActivities.ByggesakChannelId, (await BindingsAsync())["byggesak"]);
    }

    [Fact]
    public async Task RegisterUnit_InTheForumChannel_IsRefused()
    {
        await SayInChannelAsync(_bot.Coordinator, "set coordinator channel", channelId: ForumChannel, channelName: "Forbedringsforum");
        var before = await BindingsAsync();

        var said = await SayInChannelAsync(_bot.Coordinator, "register unit Eiendomsdrift", channelId: ForumChannel, channelName: "Forbedringsforum");

        Assert.Contains("This is the improvement forum's channel, where the weekly digest goes.", said, StringComparison.Ordinal);
        Assert.Equal(before, await BindingsAsync());
    }

    [Fact]
    public async Task SetCoordinatorChannel_InAUnitsChannel_IsRefused()
    {
        var said = await SayInChannelAsync(_bot.Coordinator, "set coordinator channel");

        Assert.Contains("This channel belongs to Byggesak.", said, StringComparison.Ordinal);
        Assert.Null((await Store.GetOrganisationAsync(_bot.TenantId, default))!.CoordinatorChannel);
    }

    [Fact]
    public async Task Commands_InAChannelBoundToTwoUnitsBeforeTheRule_NameBothAndHowToChoose()
    {
        // Data from before one unit per channel was kept: two units bound to the same channel.
        var eiendom = (await Store.GetUnitAsync(_bot.TenantId, "eiendomsdrift", default))!;
        var byggesak = (await Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!;
        Assert.Equal(WriteOutcome.Written, (await Store.SaveUnitAsync(_bot.TenantId, eiendom with { Channel = byggesak.Channel }, default)).Outcome);

        var said = await SayInChannelAsync(_bot.ByggesakLeader, "status");

        Assert.Contains("This channel is bound to several units (Byggesak, Eiendomsdrift).", said, StringComparison.Ordinal);
    }

    private Task<string> SayInChannelAsync(TeamsUser user, string text, string locale = "en-GB", string channelId = TeamsActivities.ByggesakChannelId, string channelName = "Byggesak") =>
        _bot.SayAsync(_bot.Activities.ChannelMessage(user, text, locale, channelId, channelName));

    /// <summary>Clicks one of the re-binding card's buttons in the Byggesak channel and returns the invoke's answer.</summary>
    private async Task<string> RebindAsync(TeamsUser user, string unitId, string choice)
    {
        var activity = _bot.Activities.ChannelMessage(user, "", "en-GB");
        activity.Remove("text");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = SetupCommands.RebindVerb,
                ["data"] = new JsonObject { ["unitId"] = unitId, ["choice"] = choice },
            },
            ["trigger"] = "manual",
        };
        using var response = await _bot.PostAsync(activity);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private async Task<Dictionary<string, string?>> BindingsAsync() =>
        (await Store.ListUnitsAsync(_bot.TenantId, default)).ToDictionary(u => u.Id, u => u.Channel?.ChannelId);
}
