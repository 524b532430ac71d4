using LeanTeamsApp.Bot.Proactive;

namespace LeanTeamsApp.UnitTests.Delivery;

/// <summary>What Teams' answer to a message that failed for good says about the unit, and what to do about it.</summary>
public sealed class DeliveryReasonTests
{
    [Theory]
    [InlineData(DeliveryRoute.LeaderChat, 403, "ConversationBlockedByUser", DeliveryReason.BlockedByPerson, DeliveryAdvice.AskToUnblock)]
    [InlineData(DeliveryRoute.PersonalChat, 403, "MessageWritesBlocked", DeliveryReason.BlockedByPerson, DeliveryAdvice.AskToUnblock)]
    [InlineData(DeliveryRoute.UnitChannel, 403, "MessageWritesBlocked", DeliveryReason.BotNotInTeam, DeliveryAdvice.AddAppToTeam)]
    [InlineData(DeliveryRoute.UnitChannel, 403, "BotNotInConversationRoster", DeliveryReason.BotNotInTeam, DeliveryAdvice.AddAppToTeam)]
    [InlineData(DeliveryRoute.UnitChannel, 403, "Forbidden", DeliveryReason.BotNotInTeam, DeliveryAdvice.AddAppToTeam)]
    [InlineData(DeliveryRoute.LeaderChat, 403, "BotNotInConversationRoster", DeliveryReason.BotNotInTeam, DeliveryAdvice.AskToInstall)]
    [InlineData(DeliveryRoute.LeaderChat, 403, "Forbidden", DeliveryReason.Other, DeliveryAdvice.CheckStatus)]
    [InlineData(DeliveryRoute.UnitChannel, 404, "ConversationNotFound", DeliveryReason.ConversationNotFound, DeliveryAdvice.BindChannel)]
    [InlineData(DeliveryRoute.LeaderChat, 404, "ConversationNotFound", DeliveryReason.ConversationNotFound, DeliveryAdvice.AskToInstall)]
    [InlineData(DeliveryRoute.UnitChannel, 403, "BotDisabledByAdmin", DeliveryReason.Other, DeliveryAdvice.CheckStatus)]
    [InlineData(DeliveryRoute.UnitChannel, 429, "Throttled", DeliveryReason.Other, DeliveryAdvice.CheckStatus)]
    [InlineData(DeliveryRoute.UnitChannel, 0, "NetworkError", DeliveryReason.Other, DeliveryAdvice.CheckStatus)]
    public void Classify_TeamsAnswer_GivesReasonAndAdvice(DeliveryRoute route, int status, string code, DeliveryReason reason, DeliveryAdvice advice)
    {
        var classified = DeliveryProblemStore.Classify(route, status, code);

        Assert.Equal((reason, advice), (classified, DeliveryHealth.AdviceFor(classified, route)));
    }
}
