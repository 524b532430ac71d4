using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.Features.Planning;

/// <summary>
/// A card to one person of the organisation in their personal chat with the app, through the outbox: reminders, record
/// cards and the news that an appointment was moved, cancelled or handed over. Someone the app has no chat with yet
/// (never installed it) cannot be reached and is logged. A card about a unit's appointment names the unit, so that a
/// failure for good (the person blocked the app) shows in the coordinator's delivery health.
/// </summary>
public sealed partial class PersonalChats(OrganisationStore organisation, ConversationReferences conversations, Outbox outbox, ILogger<PersonalChats> logger)
{
    /// <summary>Queues the card under <paramref name="messageId"/>; false when the person cannot be reached or it was queued before.</summary>
    public async Task<bool> SendAsync(string tenantId, string personId, string messageId, AdaptiveCard card, string? unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (await organisation.GetPersonAsync(tenantId, personId, cancellationToken) is { AadObjectId: { } aad }
            && await conversations.GetAsync(tenantId, ConversationScope.Personal, aad, cancellationToken) is { } personal)
        {
            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = card.ToJson() }],
            };
            return await outbox.EnqueueAsync(new OutboundMessage(messageId, tenantId, personal.ServiceUrl, activity) {
                ConversationId = personal.ConversationId,
                Target = unitId is null ? null : new DeliveryTarget(unitId, DeliveryRoute.PersonalChat, Person.Pseudonym(personId)),
            }, cancellationToken);
        }

        LogUnreachable(logger, Person.Pseudonym(personId));
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach person {PersonPseudonym}: the app has no personal chat with them yet")]
    private static partial void LogUnreachable(ILogger logger, string personPseudonym);
}
