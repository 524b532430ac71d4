using System.Text.Json;
using LeanTeamsApp.BotFramework.Activities;

namespace LeanTeamsApp.BotFramework.Tests.Activities;

public class ActivityTests
{
    private static Activity Read(string json) =>
        JsonSerializer.Deserialize<Activity>(json, BotJson.Options) ?? throw new InvalidOperationException("null activity");

    [Fact]
    public void GetTextWithoutMentions_BotMentionedInChannel_RemovesOnlyTheBotMention()
    {
        var activity = Read(TeamsPayloads.ChannelMessageWithMention);

        Assert.Equal("forbedring Kortere ventetid i resepsjonen <at>Ola Hansen</at>", activity.GetTextWithoutMentions());
    }

    [Fact]
    public void GetTextWithoutMentions_BotMentionedTwice_RemovesBoth()
    {
        var activity = new Activity
        {
            Text = "<at>Lean</at> status <at>Lean</at>",
            Recipient = new ChannelAccount { Id = TeamsPayloads.BotId },
            Entities = [Entity.Mention(new ChannelAccount { Id = TeamsPayloads.BotId }, "<at>Lean</at>")],
        };

        Assert.Equal("status", activity.GetTextWithoutMentions());
    }

    [Fact]
    public void GetTextWithoutMentions_MentionEntityForSomeoneElseOnly_KeepsText()
    {
        var activity = new Activity
        {
            Text = "<at>Lean</at> hjelp",
            Recipient = new ChannelAccount { Id = TeamsPayloads.BotId },
            Entities = [Entity.Mention(new ChannelAccount { Id = "29:1OlaHansenMri" }, "<at>Lean</at>")],
        };

        Assert.Equal("<at>Lean</at> hjelp", activity.GetTextWithoutMentions());
    }

    [Fact]
    public void GetTextWithoutMentions_NoText_ReturnsEmpty()
    {
        Assert.Equal(string.Empty, new Activity { Type = ActivityTypes.Message }.GetTextWithoutMentions());
    }

    [Fact]
    public void CreateReply_ChannelMessage_SwapsAccountsAndKeepsConversation()
    {
        var inbound = Read(TeamsPayloads.ChannelMessageWithMention);

        var reply = inbound.CreateReply("Takk, forbedringen er registrert.");

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("Takk, forbedringen er registrert.", reply.Text);
        Assert.Equal(TeamsPayloads.BotId, reply.From?.Id);
        Assert.Equal("Lean", reply.From?.Name);
        Assert.Equal("29:1kXzQm8vYfUserMri", reply.Recipient?.Id);
        Assert.Equal("Kari Nordmann", reply.Recipient?.Name);
        Assert.Equal("1791234567890", reply.ReplyToId);
        Assert.Equal(inbound.Conversation?.Id, reply.Conversation?.Id);
        Assert.Equal(ConversationTypes.Channel, reply.Conversation?.ConversationType);
        Assert.Equal(TeamsPayloads.TenantId, reply.Conversation?.TenantId);
        Assert.Equal(inbound.ServiceUrl, reply.ServiceUrl);
        Assert.Equal(ChannelIds.MsTeams, reply.ChannelId);
        Assert.Equal("nb-NO", reply.Locale);
        Assert.Null(reply.Id);
        Assert.Null(reply.Entities);
    }

    [Fact]
    public void CreateReply_ReplyEdited_LeavesInboundActivityUnchanged()
    {
        var inbound = Read(TeamsPayloads.PersonalMessage);

        var reply = inbound.CreateReply("hei");
        reply.From!.Name = "Endret";
        reply.Conversation!.Id = "a:other";

        Assert.Equal("Lean", inbound.Recipient?.Name);
        Assert.Equal("a:1Xy9PersonalConversationId", inbound.Conversation?.Id);
    }

    [Fact]
    public void TenantId_OnlyConversationHasTenant_FallsBackToIt()
    {
        var activity = new Activity { Conversation = new ConversationAccount { TenantId = "conversation-tenant" } };

        Assert.Equal("conversation-tenant", activity.TenantId);
    }

    [Fact]
    public void TenantId_ChannelDataAndConversationDiffer_PrefersChannelData()
    {
        var activity = new Activity
        {
            Conversation = new ConversationAccount { TenantId = "conversation-tenant" },
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = "channel-data-tenant" } },
        };

        Assert.Equal("channel-data-tenant", activity.TenantId);
    }

    [Fact]
    public void Serialize_Activity_DoesNotWriteComputedTenantId()
    {
        var activity = new Activity { Conversation = new ConversationAccount { TenantId = "t" } };

        var json = JsonSerializer.Serialize(activity, BotJson.Options);

        Assert.Equal("""{"conversation":{"tenantId":"t"}}""", json);
    }
}
