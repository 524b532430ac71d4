using System.Text.Json;
using System.Text.Json.Nodes;
using LeanTeamsApp.BotFramework.Activities;

namespace LeanTeamsApp.BotFramework.Tests.Activities;

public class ActivityJsonTests
{
    private static Activity Read(string json) =>
        JsonSerializer.Deserialize<Activity>(json, BotJson.Options) ?? throw new InvalidOperationException("null activity");

    private static JsonNode RoundTrip(string json) =>
        JsonNode.Parse(JsonSerializer.Serialize(Read(json), BotJson.Options))!;

    [Fact]
    public void Deserialize_ChannelMessageWithMention_ReadsTeamsFields()
    {
        var activity = Read(TeamsPayloads.ChannelMessageWithMention);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("1791234567890", activity.Id);
        Assert.Equal(ChannelIds.MsTeams, activity.ChannelId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", activity.ServiceUrl);
        Assert.Equal(new DateTimeOffset(2026, 10, 5, 7, 15, 42, TimeSpan.Zero).AddTicks(1234567), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(2), activity.LocalTimestamp?.Offset);
        Assert.Equal("Europe/Oslo", activity.LocalTimezone);
        Assert.Equal("nb-NO", activity.Locale);
        Assert.Equal(TextFormats.Plain, activity.TextFormat);
        Assert.Equal("Kari Nordmann", activity.From?.Name);
        Assert.Equal("b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e", activity.From?.AadObjectId);
        Assert.Equal(TeamsPayloads.BotId, activity.Recipient?.Id);
        Assert.Equal(ConversationTypes.Channel, activity.Conversation?.ConversationType);
        Assert.True(activity.Conversation?.IsGroup);
        Assert.Equal("19:f00dcafe1234@thread.tacv2", activity.ChannelData?.Channel?.Id);
        Assert.Equal("19:beefbeef5678@thread.tacv2", activity.ChannelData?.Team?.Id);
        Assert.Equal(TeamsPayloads.TenantId, activity.TenantId);

        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal("text/html", attachment.ContentType);
        Assert.StartsWith("<div>", attachment.Content!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(4, activity.Entities!.Count);
        var botMention = activity.Entities[0];
        Assert.Equal(EntityTypes.Mention, botMention.Type);
        Assert.Equal(TeamsPayloads.BotId, botMention.Mentioned?.Id);
        Assert.Equal("<at>Lean</at>", botMention.Text);
        var clientInfo = activity.Entities[2];
        Assert.Equal(EntityTypes.ClientInfo, clientInfo.Type);
        Assert.Equal("nb-NO", clientInfo.Locale);
        Assert.Equal("Europe/Oslo", clientInfo.Timezone);
        Assert.Equal("NO", clientInfo.Country);
        Assert.Equal("Web", clientInfo.Platform);
    }

    [Fact]
    public void RoundTrip_ChannelMessage_KeepsFieldsThisLibraryDoesNotName()
    {
        var original = JsonNode.Parse(TeamsPayloads.ChannelMessageWithMention)!;

        var written = RoundTrip(TeamsPayloads.ChannelMessageWithMention);

        Assert.True(JsonNode.DeepEquals(original["quotedReply"], written["quotedReply"]));
        Assert.Equal("19:f00dcafe1234@thread.tacv2", (string?)written["channelData"]?["teamsChannelId"]);
        Assert.Equal("kari.nordmann@kommune.no", (string?)written["from"]?["userPrincipalName"]);
        Assert.True(JsonNode.DeepEquals(original["entities"]?[3], written["entities"]?[3]));
        Assert.True(JsonNode.DeepEquals(original["attachments"], written["attachments"]));
        Assert.True(JsonNode.DeepEquals(original["entities"], written["entities"]));
        Assert.True(JsonNode.DeepEquals(original["conversation"], written["conversation"]));
    }

    [Theory]
    [InlineData(nameof(TeamsPayloads.ChannelMessageWithMention), TeamsPayloads.ChannelMessageWithMention)]
    [InlineData(nameof(TeamsPayloads.PersonalMessage), TeamsPayloads.PersonalMessage)]
    [InlineData(nameof(TeamsPayloads.BotAddedToTeam), TeamsPayloads.BotAddedToTeam)]
    [InlineData(nameof(TeamsPayloads.InstallationAdd), TeamsPayloads.InstallationAdd)]
    [InlineData(nameof(TeamsPayloads.InstallationRemove), TeamsPayloads.InstallationRemove)]
    [InlineData(nameof(TeamsPayloads.AdaptiveCardAction), TeamsPayloads.AdaptiveCardAction)]
    [InlineData(nameof(TeamsPayloads.TaskFetch), TeamsPayloads.TaskFetch)]
    [InlineData(nameof(TeamsPayloads.MessageReaction), TeamsPayloads.MessageReaction)]
    [InlineData(nameof(TeamsPayloads.MessageSoftDeleted), TeamsPayloads.MessageSoftDeleted)]
    public void RoundTrip_TeamsPayload_KeepsEveryMemberExceptTimestampSpelling(string payloadName, string json)
    {
        var original = JsonNode.Parse(json)!.AsObject();

        var written = RoundTrip(json).AsObject();

        Assert.Equal(
            original.Select(p => p.Key).Order(StringComparer.Ordinal),
            written.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (name, value) in original)
        {
            if (name is "timestamp" or "localTimestamp")
            {
                // Same instant, but DateTimeOffset writes "+00:00" where Teams writes "Z".
                Assert.Equal(value!.GetValue<DateTimeOffset>(), written[name]!.GetValue<DateTimeOffset>());
                continue;
            }

            Assert.True(JsonNode.DeepEquals(value, written[name]), $"{payloadName}: member '{name}' changed in the round trip");
        }
    }

    [Fact]
    public void Serialize_ActivityWithUnsetFields_LeavesThemOut()
    {
        var json = JsonSerializer.Serialize(new Activity { Type = ActivityTypes.Typing }, BotJson.Options);

        Assert.Equal("""{"type":"typing"}""", json);
    }

    [Fact]
    public void Deserialize_BotAddedToTeam_ReadsTeamAndMembers()
    {
        var activity = Read(TeamsPayloads.BotAddedToTeam);

        Assert.Equal(ActivityTypes.ConversationUpdate, activity.Type);
        Assert.Equal(TeamsEventTypes.TeamMemberAdded, activity.ChannelData?.EventType);
        Assert.Equal(TeamsPayloads.BotId, Assert.Single(activity.MembersAdded!).Id);
        Assert.Equal(activity.Recipient?.Id, activity.MembersAdded![0].Id);
        Assert.Equal("Helse og omsorg", activity.ChannelData?.Team?.Name);
        Assert.Equal("7e6d5c4b-3a29-4817-b6a5-948372615a4b", activity.ChannelData?.Team?.AadGroupId);
        Assert.Null(activity.MembersRemoved);
    }

    [Fact]
    public void Deserialize_InstallationAddInTeam_ReadsSelectedChannel()
    {
        var activity = Read(TeamsPayloads.InstallationAdd);

        Assert.Equal(ActivityTypes.InstallationUpdate, activity.Type);
        Assert.Equal(InstallationActions.Add, activity.Action);
        Assert.Equal("19:f00dcafe1234@thread.tacv2", activity.ChannelData?.Settings?.SelectedChannel?.Id);
        Assert.Equal("19:beefbeef5678@thread.tacv2", activity.ChannelData?.Team?.Id);
    }

    [Fact]
    public void Deserialize_InstallationRemove_ReadsActionAndPersonalConversation()
    {
        var activity = Read(TeamsPayloads.InstallationRemove);

        Assert.Equal(InstallationActions.Remove, activity.Action);
        Assert.Equal(ConversationTypes.Personal, activity.Conversation?.ConversationType);
        Assert.Null(activity.Conversation?.IsGroup);
    }

    [Fact]
    public void Deserialize_PersonalMessage_ReadsClientInfoAndTenant()
    {
        var activity = Read(TeamsPayloads.PersonalMessage);

        Assert.Equal("a:1Xy9PersonalConversationId", activity.Conversation?.Id);
        Assert.Equal(ConversationTypes.Personal, activity.Conversation?.ConversationType);
        Assert.Equal("sv-SE", Assert.Single(activity.Entities!).Locale);
        Assert.Equal(TeamsPayloads.TenantId, activity.TenantId);
        Assert.Equal("hjelp", activity.GetTextWithoutMentions());
    }

    [Fact]
    public void TryReadValue_AdaptiveCardAction_ReadsVerbAndData()
    {
        var activity = Read(TeamsPayloads.AdaptiveCardAction);

        Assert.Equal(ActivityTypes.Invoke, activity.Type);
        Assert.Equal(InvokeNames.AdaptiveCardAction, activity.Name);
        Assert.True(activity.TryReadValue<AdaptiveCardInvokeValue>(out var value));
        Assert.Equal("manual", value.Trigger);
        Assert.Equal("Action.Execute", value.Action?.Type);
        Assert.Equal("btnVote", value.Action?.Id);
        Assert.Equal("vote", value.Action?.Verb);
        Assert.Equal("idea-42", value.Action?.Data?.GetProperty("ideaId").GetString());
        Assert.Equal("Bra forslag", value.Action?.Data?.GetProperty("note").GetString());
    }

    [Fact]
    public void TryReadValue_TaskFetch_ReadsDataAndTheme()
    {
        var activity = Read(TeamsPayloads.TaskFetch);

        Assert.Equal(InvokeNames.TaskFetch, activity.Name);
        Assert.True(activity.TryReadValue<TaskModuleRequest>(out var value));
        Assert.Equal("dark", value.Context?.Theme);
        Assert.Equal("idea-42", value.Data?.GetProperty("ideaId").GetString());
    }

    [Theory]
    [InlineData("""{"type":"invoke","value":{"action":"not an object"}}""")]
    [InlineData("""{"type":"invoke","value":"text"}""")]
    [InlineData("""{"type":"invoke"}""")]
    [InlineData("""{"type":"invoke","value":null}""")]
    public void TryReadValue_ValueOfAnotherShape_ReturnsFalse(string json)
    {
        var activity = Read(json);

        Assert.False(activity.TryReadValue<AdaptiveCardInvokeValue>(out var value));
        Assert.Null(value);
    }

    [Fact]
    public void Deserialize_MessageReaction_ReadsReactionAndReplyTo()
    {
        var activity = Read(TeamsPayloads.MessageReaction);

        Assert.Equal(ActivityTypes.MessageReaction, activity.Type);
        Assert.Equal("like", Assert.Single(activity.ReactionsAdded!).Type);
        Assert.Null(activity.ReactionsRemoved);
        Assert.Equal("1791234599999", activity.ReplyToId);
    }

    [Fact]
    public void Deserialize_MessageSoftDeleted_ReadsEventType()
    {
        var activity = Read(TeamsPayloads.MessageSoftDeleted);

        Assert.Equal(ActivityTypes.MessageDelete, activity.Type);
        Assert.Equal(TeamsEventTypes.SoftDeleteMessage, activity.ChannelData?.EventType);
    }

    [Fact]
    public void Serialize_SuggestedActions_WritesImBackShape()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "Vil du registrere forbedringen?",
            SuggestedActions = new SuggestedActions
            {
                Actions = [CardAction.ImBack("Ja", "ja"), CardAction.ImBack("Nei", "nei")],
                To = ["29:1kXzQm8vYfUserMri"],
            },
        };

        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, BotJson.Options))!;

        var expected = JsonNode.Parse("""
            { "type": "message", "text": "Vil du registrere forbedringen?",
              "suggestedActions": { "actions": [ { "type": "imBack", "title": "Ja", "value": "ja" },
                                                 { "type": "imBack", "title": "Nei", "value": "nei" } ],
                                    "to": [ "29:1kXzQm8vYfUserMri" ] } }
            """);
        Assert.True(JsonNode.DeepEquals(expected, written), written.ToJsonString());
    }
}
