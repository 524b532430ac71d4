using System.Globalization;
using System.Text.Json.Nodes;
using LeanTeamsApp.Bot;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Cards;
using LeanTeamsApp.Infrastructure.Telemetry;

namespace LeanTeamsApp.Features.CheckIns;

/// <summary>The `checkin` command and the check-in card's actions (send, edit).</summary>
public sealed class CheckInCommands(
    OrganisationStore organisation,
    CheckInStore checkIns,
    ImprovementStore records,
    Digest.UnitWeekStore weeks,
    Callers callers,
    Outbox outbox,
    AppTelemetry telemetry,
    TimeProvider time)
{
    /// <summary>Posts the check-in card for the caller's unit: the form, or the summary when it was already given.</summary>
    public async Task CheckInAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        var t = CheckInTexts.For(turn.Language);
        if (await UnitOfCallerAsync(turn, cancellationToken) is not { Unit: var unit })
        {
            return;
        }

        var units = await organisation.ListUnitsAsync(turn.TenantId, cancellationToken);

        var meetingDate = Meetings.Latest(unit, time.GetUtcNow());
        var existing = await checkIns.GetAsync(turn.TenantId, unit.Id, meetingDate, cancellationToken);
        var card = existing is null
            ? CheckInCard.Form(turn.Language, unit, meetingDate, units)
            : CheckInCard.Summary(turn.Language, unit, existing, open: true, units);
        await turn.ReplyAsync(card, t.Title(unit.Name, meetingDate.ToString("d", turn.Language.Culture())), cancellationToken);
    }

    /// <summary>The caller's unit's last six board meetings as a compact card.</summary>
    public async Task StatusAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        const int Weeks = 6;
        if (await UnitOfCallerAsync(turn, cancellationToken) is not { } found)
        {
            return;
        }

        var (unit, org) = found;
        var latest = Meetings.Latest(unit, time.GetUtcNow());
        var meetings = Enumerable.Range(0, Weeks).Select(w => latest.AddDays(-7 * w)).ToList();
        var recorded = await checkIns.ListSinceAsync(turn.TenantId, unit.Id, meetings[^1], cancellationToken);
        var card = CheckInCard.Status(turn.Language, unit, meetings, recorded, date => CheckInScheduler.IsDayOff(unit, org, date));
        await turn.ReplyAsync(card, CheckInTexts.For(turn.Language).StatusTitle(unit.Name, Weeks), cancellationToken);
    }

    /// <summary>The unit the caller means: the one bound to this channel, or the one they lead or coordinate.</summary>
    private async Task<(Unit Unit, Organisation.Organisation Organisation)?> UnitOfCallerAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (await organisation.GetOrganisationAsync(turn.TenantId, cancellationToken) is not { } org)
        {
            await turn.ReplyAsync(turn.Texts.NotSetUp, cancellationToken);
            return null;
        }

        var units = await organisation.ListUnitsAsync(turn.TenantId, cancellationToken);
        var caller = await callers.ResolveAsync(turn, cancellationToken);
        if (OrganisationCommands.UnitsMeant(turn, caller, units) is [var unit])
        {
            return (unit, org);
        }

        await turn.ReplyAsync(CheckInTexts.For(turn.Language).NoUnit, cancellationToken);
        return null;
    }

    /// <summary>Handles a card action. The unit is looked up in the caller's own tenant, so a card for another tenant's unit finds nothing.</summary>
    public async Task<AdaptiveCardInvokeResponse> OnActionAsync(Turn turn, string verb, JsonObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var t = CheckInTexts.For(turn.Language);
        var unitId = data["unitId"]?.ToString();
        if (unitId is null || !DateOnly.TryParseExact(data["meetingDate"]?.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var meetingDate))
        {
            return AdaptiveCardInvokeResponse.BadRequest("The card's data has no unit or meeting date.");
        }

        if (await organisation.GetUnitAsync(turn.TenantId, unitId, cancellationToken) is not { } unit)
        {
            return AdaptiveCardInvokeResponse.Message(t.UnknownUnit);
        }

        var now = time.GetUtcNow();
        if (!Meetings.IsOpen(unit, meetingDate, now))
        {
            return AdaptiveCardInvokeResponse.Message(t.Closed);
        }

        // The card only ever names units of the same service area ("affects other units"): reading that area rather
        // than the whole organisation keeps a submit fast in a municipality of thousands of units.
        var units = await organisation.ListUnitsInServiceAreaAsync(turn.TenantId, unit.ServiceAreaId, cancellationToken);
        var existing = await checkIns.GetAsync(turn.TenantId, unit.Id, meetingDate, cancellationToken);
        if (verb == CheckInCard.EditVerb)
        {
            return Card(existing is null
                ? CheckInCard.Form(turn.Language, unit, meetingDate, units)
                : CheckInCard.Form(turn.Language, unit, meetingDate, units, CheckInCard.Answers(unit, existing), etag: existing.ETag));
        }

        var (checkIn, errors) = CheckInCard.Read(turn.Language, unit, meetingDate, data, [.. units.Select(u => u.Id)], turn.Activity.From?.Name ?? "?", now);
        if (checkIn is null)
        {
            return Card(CheckInCard.Form(turn.Language, unit, meetingDate, units, data, errors, data["etag"]?.ToString()));
        }

        var (outcome, stored) = data["etag"]?.ToString() is { } etag
            ? await checkIns.CorrectAsync(turn.TenantId, checkIn, etag, cancellationToken)
            : await checkIns.SubmitAsync(turn.TenantId, checkIn, cancellationToken);
        if (outcome is SubmitOutcome.Stored or SubmitOutcome.AlreadyStored)
        {
            // After the check-in itself, so a failure here leaves it stored; the same submit again (Teams retries,
            // or the user clicks once more) finds it stored and records what is still missing.
            await records.RecordCheckInAsync(turn.TenantId, stored!, cancellationToken);
            await weeks.RefreshAsync(turn.TenantId, unit.Id, meetingDate, cancellationToken);
        }

        var notice = outcome is SubmitOutcome.Conflict or SubmitOutcome.DifferentAnswersExist ? t.ChangedMeanwhile : null;
        var summary = CheckInCard.Summary(turn.Language, unit, stored!, open: true, units, notice);
        if (outcome == SubmitOutcome.Stored)
        {
            telemetry.CheckInStored(turn.TenantId, correction: data["etag"] is not null);
            await ShowEveryoneAsync(turn, stored!, summary, cancellationToken);
        }

        return Card(summary);
    }

    /// <summary>
    /// The invoke's answer only changes the card for the person who clicked; replacing the message updates it for
    /// everyone in the channel. That goes through the outbox rather than the turn: under Teams' per-tenant rate limit
    /// the replace can wait seconds, and the person who clicked should not. The id names the revision, so a repeated
    /// submit refreshes once. Until it is sent the others see the form, which a click also refreshes.
    /// </summary>
    private async Task ShowEveryoneAsync(Turn turn, CheckIn stored, AdaptiveCard summary, CancellationToken cancellationToken)
    {
        if (turn.Activity.ReplyToId is not { } cardMessageId)
        {
            return;
        }

        var update = new Activity
        {
            Type = ActivityTypes.Message,
            Id = cardMessageId,
            Attachments = [new Attachment { ContentType = AdaptiveCard.ContentType, Content = summary.ToJson() }],
        };
        var id = string.Create(CultureInfo.InvariantCulture, $"checkin-refresh|{stored.UnitId}|{stored.MeetingDate:yyyy-MM-dd}|{stored.Revision}|{cardMessageId}");
        await outbox.EnqueueAsync(
            new OutboundMessage(id, turn.TenantId, turn.Conversation.ServiceUrl, update)
            {
                ConversationId = turn.Conversation.ConversationId,
                ReplacesActivityId = cardMessageId,
            },
            cancellationToken);
    }

    private static AdaptiveCardInvokeResponse Card(AdaptiveCard card) => AdaptiveCardInvokeResponse.Card(card.ToJson());
}
