using System.Globalization;
using System.Text.Json.Nodes;
using LeanTeamsApp.Bot;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Cards;
using LeanTeamsApp.Infrastructure.Events;
using LeanTeamsApp.Infrastructure.Telemetry;

namespace LeanTeamsApp.Features.CheckIns;

/// <summary>The `checkin` command and the check-in card's actions (held and nothing new, send, edit).</summary>
public sealed class CheckInCommands(
    OrganisationStore organisation,
    CheckInStore checkIns,
    ImprovementStore records,
    Announcer<CheckInStored> announcer,
    UnitInChat unitInChat,
    AccessRule access,
    Outbox outbox,
    AppTelemetry telemetry,
    TimeProvider time)
{
    // "Nothing new" keeps each goal at the status the board gave it last; a status older than the overview's twelve
    // weeks is no longer what the board shows, so the goal is left without one.
    private const int GoalsLookBackWeeks = 12;

    /// <summary>
    /// Posts the check-in card for the caller's unit, or the unit they name: the form, or the summary when it was
    /// already given. Someone who sees the unit but does not report for it (the coordinator, top management, its
    /// service-area leader) gets the latest check-in to read, or word that it is missing, each saying who reports.
    /// </summary>
    public async Task CheckInAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        var t = CheckInTexts.For(turn.Language);
        if (await unitInChat.FindAsync(turn, arguments, t.NoUnit, cancellationToken) is not { } found)
        {
            return;
        }

        var (unit, org) = found;
        var reports = access.Check(turn.Caller, Permission.ReportCheckIn, AccessTarget.ForUnit(unit), "checkin");
        if (!reports && !AccessRule.Allows(turn.Caller, Permission.ViewUnit, AccessTarget.ForUnit(unit)))
        {
            await turn.ReplyAsync(turn.Texts.NotAllowed(Permission.ReportCheckIn, unit.Name), cancellationToken);
            return;
        }

        var units = await organisation.ListUnitsAsync(turn.TenantId, cancellationToken);
        var meetingDate = MeetingClock.Latest(unit, time.GetUtcNow());
        var existing = await checkIns.GetAsync(turn.TenantId, unit.Id, meetingDate, cancellationToken);
        if (!reports)
        {
            if (existing is null)
            {
                await turn.ReplyAsync(t.NotGivenYet(unit.Name, meetingDate.ToString("d", turn.Language.Culture())), cancellationToken);
            }
            else
            {
                await turn.ReplyAsync(CheckInCard.Summary(turn.Language, unit, existing, open: false, units, t.ReadOnly(unit.Name)), t.Title(unit.Name, meetingDate.ToString("d", turn.Language.Culture())), cancellationToken);
            }

            return;
        }

        var card = existing is null
            ? CheckInCard.Form(turn.Language, unit, meetingDate, units, await records.ListImprovementsAsync(turn.TenantId, unit.Id, cancellationToken), deviationSystem: org.DeviationSystem, benefitChaseWeeks: org.BenefitChaseWeeks)
            : CheckInCard.Summary(turn.Language, unit, existing, open: true, units);
        await turn.ReplyAsync(card, t.Title(unit.Name, meetingDate.ToString("d", turn.Language.Culture())), cancellationToken);
    }

    /// <summary>
    /// The "affects other units" typeahead: the organisation's units that are not archived and whose name holds what was
    /// typed (case and accents aside), each shown with its service area, since two areas may have units of one name.
    /// </summary>
    public async Task<IReadOnlyList<SearchResult>> FindUnitsAsync(Turn turn, string typed, CancellationToken cancellationToken)
    {
        var units = await organisation.ListUnitsAsync(turn.TenantId, cancellationToken);
        var areas = (await organisation.ListServiceAreasAsync(turn.TenantId, cancellationToken)).ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        return [.. units
            .Where(u => !u.Archived && compare.IndexOf(u.Name, typed, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0)
            .OrderBy(u => u.Name, StringComparer.Create(turn.Language.Culture(), ignoreCase: true)).ThenBy(u => u.Id, StringComparer.Ordinal)
            .Select(u => new SearchResult(areas.TryGetValue(u.ServiceAreaId, out var area) ? $"{u.Name} ({area})" : u.Name, u.Id))];
    }

    /// <summary>The caller's unit's last six board meetings as a compact card.</summary>
    public async Task StatusAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        const int Weeks = 6;
        if (await unitInChat.ResolveAsync(turn, "status", arguments, Permission.ViewUnit, CheckInTexts.For(turn.Language).NoUnit, cancellationToken) is not { } found)
        {
            return;
        }

        var (unit, org) = found;
        var meetings = MeetingClock.Back(unit, MeetingClock.Latest(unit, time.GetUtcNow()), Weeks);
        var recorded = ByMeeting(meetings, await checkIns.ListSinceAsync(turn.TenantId, unit.Id, IsoWeek.Of(meetings[^1]).Monday, cancellationToken));
        var improvements = await records.ListImprovementsAsync(turn.TenantId, unit.Id, cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone);
        var counted = meetings.ToDictionary(m => m, m => CheckIn.WithTypedFigures(ImprovementCounts.InWeek(improvements, IsoWeek.Of(m), zone), recorded.GetValueOrDefault(m)));
        var card = CheckInCard.Status(turn.Language, unit, meetings, recorded, counted, date => MeetingClock.IsDayOff(unit, org, date));
        await turn.ReplyAsync(card, CheckInTexts.For(turn.Language).StatusTitle(unit.Name, Weeks), cancellationToken);
    }

    /// <summary>Handles a card action that the access rule has let through for the card's unit.</summary>
    public async Task<AdaptiveCardInvokeResponse> OnActionAsync(AllowedCardAction action, string verb, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (turn, data, unit) = (action.Turn, action.Data, action.Unit);
        var t = CheckInTexts.For(turn.Language);
        if (!DateOnly.TryParseExact(data["meetingDate"]?.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var meetingDate))
        {
            return AdaptiveCardInvokeResponse.BadRequest("The card's data has no meeting date.");
        }

        var now = time.GetUtcNow();
        if (!MeetingClock.IsMeetingDate(unit, meetingDate))
        {
            var culture = turn.Language.Culture();
            return AdaptiveCardInvokeResponse.Message(t.NotDue(unit.Name, meetingDate.ToString("d", culture), MeetingClock.DateIn(unit, IsoWeek.Of(meetingDate)).ToString("d", culture)));
        }

        if (!MeetingClock.IsOpen(unit, meetingDate, now))
        {
            return AdaptiveCardInvokeResponse.Message(t.Closed);
        }

        // "Affects other units" offers the service area's units on the card and any unit by search: reading the area, and
        // only the units chosen from elsewhere one by one, rather than the whole organisation keeps a submit fast in a
        // municipality of thousands of units.
        var units = await WithChosenAsync(turn.TenantId, await organisation.ListUnitsInServiceAreaAsync(turn.TenantId, unit.ServiceAreaId, cancellationToken), data, cancellationToken);
        if (verb == CheckInCard.NothingNewVerb)
        {
            var earlier = await checkIns.ListSinceAsync(turn.TenantId, unit.Id, meetingDate.AddDays(-7 * GoalsLookBackWeeks), cancellationToken);
            var previous = earlier.Where(c => c.Key < meetingDate).OrderByDescending(c => c.Key).Select(c => c.Value).FirstOrDefault();
            return await StoreAsync(turn, unit, units, CheckInCard.NothingNew(unit, meetingDate, previous, turn.Caller.DisplayName, now), etag: null, now, cancellationToken);
        }

        var improvements = await records.ListImprovementsAsync(turn.TenantId, unit.Id, cancellationToken);
        if (verb == CheckInCard.EditVerb)
        {
            var existing = await checkIns.GetAsync(turn.TenantId, unit.Id, meetingDate, cancellationToken);
            var (deviationSystem, chaseWeeks) = await CardSettingsAsync(turn.TenantId, cancellationToken);
            if (existing is null)
            {
                return Card(CheckInCard.Form(turn.Language, unit, meetingDate, units, improvements, deviationSystem: deviationSystem, benefitChaseWeeks: chaseWeeks));
            }

            var answers = CheckInCard.Answers(unit, existing);
            var named = await WithChosenAsync(turn.TenantId, units, answers, cancellationToken);
            return Card(CheckInCard.Form(turn.Language, unit, meetingDate, named, improvements, answers, etag: existing.ETag, deviationSystem: deviationSystem, benefitChaseWeeks: chaseWeeks));
        }

        var (checkIn, errors) = CheckInCard.Read(turn.Language, unit, meetingDate, data, units, improvements, turn.Caller.DisplayName, now);
        if (checkIn is null)
        {
            if (errors.ContainsKey("benefitAffects"))
            {
                // The form comes back with what can be sent as it is: the units refused are named and taken out.
                // Of too many, the first within the caps are kept (those outside the area beyond the cap were not read).
                data["benefitAffects"] = string.Join(',', CheckInCard.AffectedIds(data["benefitAffects"]?.ToString())
                    .Where(id => id != unit.Id && units.Any(u => u.Id == id && !u.Archived)).Take(CheckInCard.MaxAffectedUnits));
            }

            var (deviationSystem, chaseWeeks) = await CardSettingsAsync(turn.TenantId, cancellationToken);
            return Card(CheckInCard.Form(turn.Language, unit, meetingDate, units, improvements, data, errors, data["etag"]?.ToString(), deviationSystem, chaseWeeks));
        }

        // Moving improvements is work on the board: the same rule as the improvements card's buttons.
        if (checkIn.ImprovementMoves.Count > 0 && !access.Check(turn.Caller, Permission.WorkOnBoard, action.Target, CheckInCard.SubmitVerb))
        {
            return AdaptiveCardInvokeResponse.Message(turn.Texts.NotAllowed(Permission.WorkOnBoard, unit.Name));
        }

        return await StoreAsync(turn, unit, units, checkIn, data["etag"]?.ToString(), now, cancellationToken);
    }

    /// <summary>
    /// Stores a check-in (new, or a correction when <paramref name="etag"/> names the version it corrects), announces
    /// it and answers with the summary: the same for the form and for the one-tap "held, nothing new". A first submit
    /// reads no check-in: adding it is the test whether one exists (a submit is bound by its storage calls).
    /// </summary>
    private async Task<AdaptiveCardInvokeResponse> StoreAsync(Turn turn, Unit unit, IReadOnlyList<Unit> units, CheckIn checkIn, string? etag, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (outcome, stored) = etag is not null
            ? await checkIns.CorrectAsync(turn.TenantId, checkIn, etag, cancellationToken)
            : await checkIns.SubmitAsync(turn.TenantId, checkIn, cancellationToken);
        if (outcome is SubmitOutcome.Stored or SubmitOutcome.AlreadyStored)
        {
            // After the check-in itself, so a subscriber's failure leaves it stored; the same submit again (Teams
            // retries, or the user clicks once more) finds it stored and announces it again, and each subscriber
            // does what is still missing.
            await announcer.AnnounceAsync(new CheckInStored(turn.TenantId, unit, stored!, now), cancellationToken);
        }

        var notice = outcome is SubmitOutcome.Conflict or SubmitOutcome.DifferentAnswersExist ? CheckInTexts.For(turn.Language).ChangedMeanwhile : null;
        var summary = CheckInCard.Summary(turn.Language, unit, stored!, open: true, units, notice);
        if (outcome == SubmitOutcome.Stored)
        {
            telemetry.CheckInStored(turn.TenantId, correction: etag is not null);
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

    /// <summary>
    /// Each meeting's check-in: the one given for its date, or else one given in the same week for another date (stored
    /// before the unit's meeting history was kept, when a changed weekday moved the dates the app asked about).
    /// </summary>
    private static Dictionary<DateOnly, CheckIn> ByMeeting(IReadOnlyList<DateOnly> meetings, IReadOnlyDictionary<DateOnly, CheckIn> recorded) =>
        meetings
            .Select(m => (Meeting: m, CheckIn: recorded.GetValueOrDefault(m) ?? recorded.Values.FirstOrDefault(c => IsoWeek.Of(c.MeetingDate) == IsoWeek.Of(m))))
            .Where(x => x.CheckIn is not null)
            .ToDictionary(x => x.Meeting, x => x.CheckIn!);

    /// <summary>
    /// The area's units and the units the card chose outside it, each read by its key in the caller's tenant: an id of
    /// another tenant or of no unit is not found. A card names at most a page of search results per pick, so the reads
    /// are capped; ids beyond that are not read, and the card refuses them as too many.
    /// </summary>
    private async Task<IReadOnlyList<Unit>> WithChosenAsync(string tenantId, IReadOnlyList<Unit> area, JsonObject data, CancellationToken cancellationToken)
    {
        var outside = CheckInCard.AffectedIds(data["benefitAffects"]?.ToString()).Where(id => area.All(u => u.Id != id)).Take(CheckInCard.MaxAffectedOutsideArea).ToList();
        if (outside.Count == 0)
        {
            return area;
        }

        var found = await Task.WhenAll(outside.Select(id => organisation.GetUnitAsync(tenantId, id, cancellationToken)));
        return [.. area, .. found.OfType<Unit>()];
    }

    /// <summary>Read only when the form is shown again: a submit that is stored needs no organisation row.</summary>
    /// <summary>What every check-in card of the organisation shows the same: its deviation system, and when a done improvement's benefit is chased.</summary>
    private async Task<(Uri? DeviationSystem, int BenefitChaseWeeks)> CardSettingsAsync(string tenantId, CancellationToken cancellationToken) =>
        await organisation.GetOrganisationAsync(tenantId, cancellationToken) is { } org
            ? (org.DeviationSystem, org.BenefitChaseWeeks)
            : (null, Organisation.Organisation.DefaultBenefitChaseWeeks);

    private static AdaptiveCardInvokeResponse Card(AdaptiveCard card) => AdaptiveCardInvokeResponse.Card(card.ToJson());
}
