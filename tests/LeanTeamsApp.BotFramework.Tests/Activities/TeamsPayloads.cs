namespace LeanTeamsApp.BotFramework.Tests.Activities;

/// <summary>Activities shaped like what Teams posts to the bot, written for these tests.</summary>
internal static class TeamsPayloads
{
    public const string BotId = "28:9a3c2f1e-0b7d-4c55-8e21-5f4a6b7c8d90";
    public const string TenantId = "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9";

    public const string ChannelMessageWithMention = """
        {
          "text": "<at>Lean</at> forbedring Kortere ventetid i resepsjonen <at>Ola Hansen</at>\n",
          "textFormat": "plain",
          "attachments": [
            {
              "contentType": "text/html",
              "content": "<div><div><span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"0\">Lean</span> forbedring Kortere ventetid i resepsjonen</div></div>"
            }
          ],
          "type": "message",
          "timestamp": "2026-10-05T07:15:42.1234567Z",
          "localTimestamp": "2026-10-05T09:15:42.1234567+02:00",
          "id": "1791234567890",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": {
            "id": "29:1kXzQm8vYfUserMri",
            "name": "Kari Nordmann",
            "aadObjectId": "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e",
            "userPrincipalName": "kari.nordmann@kommune.no"
          },
          "conversation": {
            "isGroup": true,
            "conversationType": "channel",
            "tenantId": "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9",
            "id": "19:f00dcafe1234@thread.tacv2;messageid=1791234567890"
          },
          "recipient": { "id": "28:9a3c2f1e-0b7d-4c55-8e21-5f4a6b7c8d90", "name": "Lean" },
          "entities": [
            { "mentioned": { "id": "28:9a3c2f1e-0b7d-4c55-8e21-5f4a6b7c8d90", "name": "Lean" }, "text": "<at>Lean</at>", "type": "mention" },
            { "mentioned": { "id": "29:1OlaHansenMri", "name": "Ola Hansen" }, "text": "<at>Ola Hansen</at>", "type": "mention" },
            { "locale": "nb-NO", "country": "NO", "platform": "Web", "timezone": "Europe/Oslo", "type": "clientInfo" },
            { "type": "ProductInfo", "id": 5 }
          ],
          "channelData": {
            "teamsChannelId": "19:f00dcafe1234@thread.tacv2",
            "teamsTeamId": "19:beefbeef5678@thread.tacv2",
            "channel": { "id": "19:f00dcafe1234@thread.tacv2" },
            "team": { "id": "19:beefbeef5678@thread.tacv2" },
            "tenant": { "id": "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9" }
          },
          "locale": "nb-NO",
          "localTimezone": "Europe/Oslo",
          "quotedReply": { "messageId": "1791234500000", "preview": "forrige melding" }
        }
        """;

    public const string PersonalMessage = """
        {
          "text": "hjelp",
          "textFormat": "plain",
          "type": "message",
          "timestamp": "2026-10-05T07:20:00.000Z",
          "localTimestamp": "2026-10-05T09:20:00.000+02:00",
          "id": "1791234600000",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1kXzQm8vYfUserMri", "name": "Kari Nordmann", "aadObjectId": "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e" },
          "conversation": {
            "conversationType": "personal",
            "tenantId": "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9",
            "id": "a:1Xy9PersonalConversationId"
          },
          "recipient": { "id": "28:9a3c2f1e-0b7d-4c55-8e21-5f4a6b7c8d90", "name": "Lean" },
          "entities": [ { "locale": "sv-SE", "country": "SE", "platform": "Windows", "type": "clientInfo" } ],
          "channelData": { "tenant": { "id": "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9" } },
          "locale": "sv-SE",
          "localTimezone": "Europe/Stockholm"
        }
        """;

    public const string BotAddedToTeam = """
        {
          "membersAdded": [ { "id": "28:9a3c2f1e-0b7d-4c55-8e21-5f4a6b7c8d90" } ],
          "type": "conversationUpdate",
          "timestamp": "2026-10-05T06:00:00.000Z",
          "id": "f:6c0b2a3e-1d4f-4e5a-9b8c-7d6e5f4a3b2c",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1kXzQm8vYfUserMri", "aadObjectId": "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e" },
          "conversation": {
            "isGroup": true,
            "conversationType": "channel",
            "tenantId": "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9",
            "id": "19:beefbeef5678@thread.tacv2"
          },
          "recipient": { "id": "28:9a3c2f1e-0b7d-4c55-8e21-5f4a6b7c8d90", "name": "Lean" },
          "channelData": {
            "team": { "aadGroupId": "7e6d5c4b-3a29-4817-b6a5-948372615a4b", "name": "Helse og omsorg", "id": "19:beefbeef5678@thread.tacv2" },
            "eventType": "teamMemberAdded",
            "tenant": { "id": "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9" }
          }
        }
        """;

    public const string InstallationAdd = """
        {
          "action": "add",
          "type": "installationUpdate",
          "timestamp": "2026-10-05T06:00:01.000Z",
          "id": "f:9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1kXzQm8vYfUserMri", "aadObjectId": "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e" },
          "conversation": {
            "isGroup": true,
            "conversationType": "channel",
            "tenantId": "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9",
            "id": "19:f00dcafe1234@thread.tacv2"
          },
          "recipient": { "id": "28:9a3c2f1e-0b7d-4c55-8e21-5f4a6b7c8d90", "name": "Lean" },
          "channelData": {
            "settings": { "selectedChannel": { "id": "19:f00dcafe1234@thread.tacv2" } },
            "channel": { "id": "19:f00dcafe1234@thread.tacv2" },
            "team": { "id": "19:beefbeef5678@thread.tacv2" },
            "tenant": { "id": "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9" },
            "source": { "name": "message" }
          },
          "locale": "nb-NO"
        }
        """;

    public const string InstallationRemove = """
        {
          "action": "remove",
          "type": "installationUpdate",
          "timestamp": "2026-10-06T06:00:01.000Z",
          "id": "f:0a1b2c3d-4e5f-4607-8192-a3b4c5d6e7f8",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1kXzQm8vYfUserMri", "aadObjectId": "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e" },
          "conversation": {
            "conversationType": "personal",
            "tenantId": "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9",
            "id": "a:1Xy9PersonalConversationId"
          },
          "recipient": { "id": "28:9a3c2f1e-0b7d-4c55-8e21-5f4a6b7c8d90", "name": "Lean" },
          "channelData": { "tenant": { "id": "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9" } }
        }
        """;

    public const string AdaptiveCardAction = """
        {
          "name": "adaptiveCard/action",
          "type": "invoke",
          "timestamp": "2026-10-05T08:01:02.345Z",
          "localTimestamp": "2026-10-05T10:01:02.345+02:00",
          "id": "f:5d4c3b2a-1908-4f7e-a6d5-c4b3a2918070",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1kXzQm8vYfUserMri", "name": "Kari Nordmann", "aadObjectId": "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e" },
          "conversation": {
            "isGroup": true,
            "conversationType": "channel",
            "tenantId": "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9",
            "id": "19:f00dcafe1234@thread.tacv2;messageid=1791234567890"
          },
          "recipient": { "id": "28:9a3c2f1e-0b7d-4c55-8e21-5f4a6b7c8d90", "name": "Lean" },
          "entities": [ { "locale": "nb-NO", "country": "NO", "platform": "Windows", "timezone": "Europe/Oslo", "type": "clientInfo" } ],
          "channelData": {
            "channel": { "id": "19:f00dcafe1234@thread.tacv2" },
            "team": { "id": "19:beefbeef5678@thread.tacv2" },
            "tenant": { "id": "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9" },
            "source": { "name": "message" },
            "legacy": { "replyToId": "1:1AbCdEfG" }
          },
          "replyToId": "1791234599999",
          "value": {
            "action": {
              "type": "Action.Execute",
              "id": "btnVote",
              "verb": "vote",
              "data": { "ideaId": "idea-42", "note": "Bra forslag" }
            },
            "trigger": "manual"
          },
          "locale": "nb-NO",
          "localTimezone": "Europe/Oslo"
        }
        """;

    public const string TaskFetch = """
        {
          "name": "task/fetch",
          "type": "invoke",
          "id": "f:1f2e3d4c-5b6a-4789-8a7b-6c5d4e3f2a1b",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1kXzQm8vYfUserMri", "aadObjectId": "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e" },
          "conversation": { "conversationType": "personal", "tenantId": "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9", "id": "a:1Xy9PersonalConversationId" },
          "recipient": { "id": "28:9a3c2f1e-0b7d-4c55-8e21-5f4a6b7c8d90", "name": "Lean" },
          "value": { "data": { "msteams": { "type": "task/fetch" }, "ideaId": "idea-42" }, "context": { "theme": "dark" } }
        }
        """;

    public const string MessageReaction = """
        {
          "reactionsAdded": [ { "type": "like" } ],
          "type": "messageReaction",
          "timestamp": "2026-10-05T08:30:00.000Z",
          "id": "1791239999999",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1OlaHansenMri", "aadObjectId": "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f" },
          "conversation": {
            "isGroup": true,
            "conversationType": "channel",
            "tenantId": "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9",
            "id": "19:f00dcafe1234@thread.tacv2;messageid=1791234567890"
          },
          "recipient": { "id": "28:9a3c2f1e-0b7d-4c55-8e21-5f4a6b7c8d90", "name": "Lean" },
          "channelData": {
            "channel": { "id": "19:f00dcafe1234@thread.tacv2" },
            "team": { "id": "19:beefbeef5678@thread.tacv2" },
            "tenant": { "id": "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9" },
            "legacy": { "replyToId": "1:1QwErTy" }
          },
          "replyToId": "1791234599999"
        }
        """;

    public const string MessageSoftDeleted = """
        {
          "type": "messageDelete",
          "id": "1791234567890",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1kXzQm8vYfUserMri" },
          "conversation": { "conversationType": "personal", "id": "a:1Xy9PersonalConversationId" },
          "recipient": { "id": "28:9a3c2f1e-0b7d-4c55-8e21-5f4a6b7c8d90" },
          "channelData": { "eventType": "softDeleteMessage", "tenant": { "id": "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9" } }
        }
        """;
}
