using System.Globalization;
using LeanTeamsApp.Bot;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.Features.Setup;

/// <summary>
/// Setting the organisation up in Teams, and seeing it: a coordinator binds channels and may change any unit; a unit's
/// leaders (leader, unit coordinators, its service-area leader) may change that unit's board meeting; anyone sees the
/// units and their own roles.
/// </summary>
public sealed partial class SetupCommands(
    OrganisationStore store,
    UnitInChat unitInChat,
    AccessRule access,
    ConversationReferences conversations,
    Outbox outbox,
    TimeProvider time,
    ILogger<SetupCommands> logger)
{
    public const string RebindVerb = "unit.rebind";

    public async Task RegisterUnitAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        var t = SetupTexts.For(turn.Language);
        if (await CoordinatorInChannelAsync(turn, SetupWords.RegisterUnit, cancellationToken) is not { } organisation)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(arguments))
        {
            await turn.ReplyAsync(t.RegisterUnitUsage, cancellationToken);
            return;
        }

        if (organisation.CoordinatorChannel?.ChannelId == turn.ChannelId)
        {
            await turn.ReplyAsync(t.ForumIsNotAUnitChannel, cancellationToken);
            return;
        }

        var all = await store.ListUnitsAsync(turn.TenantId, cancellationToken);

        // An archived unit is not offered to bind a channel to; one still bound somewhere is let go below as any other.
        var units = all.Where(u => !u.Archived).ToList();
        if (UnitInChat.Find(units, arguments) is not { } unit)
        {
            await turn.ReplyAsync(turn.Texts.UnitNotFound(arguments, UnitInChat.Closest(units, arguments)), cancellationToken);
            return;
        }

        // One unit per channel: when the channel has another unit, ask before taking it away from that one.
        var holders = all.Where(u => u.Channel?.ChannelId == turn.ChannelId && u.Id != unit.Id).ToList();
        if (holders.Count > 0)
        {
            var current = Names(holders, turn.Language);
            var data = new System.Text.Json.Nodes.JsonObject { ["unitId"] = unit.Id };
            var question = new AdaptiveCard
            {
                Body = [new TextBlock(t.ChannelTaken(current, unit.Name))],
                Actions =
                [
                    ExecuteAction.WithFallback(t.MoveChannel(unit.Name), RebindVerb, With(data, "move")),
                    ExecuteAction.WithFallback(t.KeepChannel(current), RebindVerb, With(data, "keep")),
                ],
            };
            await turn.ReplyAsync(question, t.ChannelTaken(current, unit.Name), cancellationToken);
            return;
        }

        await BindAsync(turn, organisation, unit, [], cancellationToken);
    }

    /// <summary>
    /// The answer to "this channel already belongs to another unit": move it, unbinding the other in the same
    /// transaction, or keep it. The channel is the one the card was answered in.
    /// </summary>
    public async Task<AdaptiveCardInvokeResponse> OnRebindAsync(AllowedCardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (turn, unit) = (action.Turn, action.Unit);
        var t = SetupTexts.For(turn.Language);
        if (!turn.InChannel || await store.GetOrganisationAsync(turn.TenantId, cancellationToken) is not { } organisation)
        {
            return AdaptiveCardInvokeResponse.Message(t.ChannelOnly(SetupWords.RegisterUnit.Shown(turn.Language)));
        }

        var holders = (await store.ListUnitsAsync(turn.TenantId, cancellationToken)).Where(u => u.Channel?.ChannelId == turn.ChannelId && u.Id != unit.Id).ToList();
        if (action.Data["choice"]?.ToString() != "move")
        {
            return Done(holders.Count > 0 ? t.ChannelKept(Names(holders, turn.Language)) : t.NoUnitInChannel);
        }

        var said = await BindAsync(turn, organisation, unit, holders, cancellationToken);
        return Done(said);

        static AdaptiveCardInvokeResponse Done(string text) => AdaptiveCardInvokeResponse.Card(new AdaptiveCard { Body = [new TextBlock(text)] }.ToJson());
    }

    /// <summary>`unregister unit`: the channel no longer belongs to any unit; their check-ins go to the leaders 1:1.</summary>
    public async Task UnregisterUnitAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        var t = SetupTexts.For(turn.Language);
        if (await CoordinatorInChannelAsync(turn, SetupWords.UnregisterUnit, cancellationToken) is null)
        {
            return;
        }

        var bound = (await store.ListUnitsAsync(turn.TenantId, cancellationToken)).Where(u => u.Channel?.ChannelId == turn.ChannelId).ToList();
        if (bound.Count == 0)
        {
            await turn.ReplyAsync(t.NoUnitInChannel, cancellationToken);
            return;
        }

        var saved = await store.SaveUnitsAsync(turn.TenantId, [.. bound.Select(u => u with { Channel = null })], cancellationToken);
        await turn.ReplyAsync(
            saved.Outcome == WriteOutcome.Written ? t.UnitUnregistered(await turn.ChannelNameAsync(cancellationToken), Names(bound, turn.Language)) : turn.Texts.Conflict,
            cancellationToken);
    }

    /// <summary>Binds the unit to the turn's channel, unbinding <paramref name="holders"/> in the same transaction; says what happened.</summary>
    private async Task<string> BindAsync(Turn turn, Organisation.Organisation organisation, Unit unit, List<Unit> holders, CancellationToken cancellationToken)
    {
        var t = SetupTexts.For(turn.Language);
        var channel = new ChannelReference(turn.TeamId!, turn.ChannelId!, await turn.ChannelNameAsync(cancellationToken));
        var saved = await store.SaveUnitsAsync(turn.TenantId, [.. holders.Select(h => h with { Channel = null }), unit with { Channel = channel }], cancellationToken);
        if (saved.Outcome != WriteOutcome.Written)
        {
            await turn.ReplyAsync(turn.Texts.Conflict, cancellationToken);
            return turn.Texts.Conflict;
        }

        var reply = holders.Count > 0 ? t.ChannelMoved(channel.Name!, unit.Name, Names(holders, turn.Language)) : t.UnitRegistered(unit.Name, channel.Name!);
        if (unit.Channel is { } previous && previous.ChannelId != channel.ChannelId)
        {
            reply += " " + t.UnitMovedFromChannel(unit.Name, previous.Name ?? previous.ChannelId);
        }

        if (holders.Count == 0)
        {
            await turn.ReplyAsync(reply, cancellationToken);
        }

        await TryNotifyCoordinatorAsync(turn, organisation, $"unit-registered|{unit.Id}|{channel.ChannelId}|{saved.ETag}", t.CoordinatorNoticeUnitRegistered(unit.Name, channel.Name!), cancellationToken);
        return reply;
    }

    private static System.Text.Json.Nodes.JsonObject With(System.Text.Json.Nodes.JsonObject data, string choice)
    {
        var copy = data.DeepClone().AsObject();
        copy["choice"] = choice;
        return copy;
    }

    private static string Names(IEnumerable<Unit> units, Language language) =>
        string.Join(", ", units.Select(u => u.Name).Order(StringComparer.Create(language.Culture(), ignoreCase: true)));

    public async Task SetCoordinatorChannelAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        var t = SetupTexts.For(turn.Language);
        if (await CoordinatorInChannelAsync(turn, SetupWords.SetCoordinatorChannel, cancellationToken) is not { } organisation)
        {
            return;
        }

        if ((await store.ListUnitsAsync(turn.TenantId, cancellationToken)).FirstOrDefault(u => u.Channel?.ChannelId == turn.ChannelId) is { } unitHere)
        {
            await turn.ReplyAsync(t.UnitChannelIsNotTheForum(unitHere.Name), cancellationToken);
            return;
        }

        var channel = new ChannelReference(turn.TeamId!, turn.ChannelId!, await turn.ChannelNameAsync(cancellationToken));
        var saved = await store.SaveOrganisationAsync(organisation with { CoordinatorChannel = channel }, cancellationToken);
        await turn.ReplyAsync(saved.Outcome == WriteOutcome.Written ? t.CoordinatorChannelSet(channel.Name!) : turn.Texts.Conflict, cancellationToken);
    }

    public async Task BoardMeetingAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        var t = SetupTexts.For(turn.Language);
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 3)
        {
            await turn.ReplyAsync(t.BoardMeetingUsage, cancellationToken);
            return;
        }

        if (!Weekdays.TryParse(words[0], out var day))
        {
            await turn.ReplyAsync(t.BadWeekday(words[0]) + " " + t.BoardMeetingUsage, cancellationToken);
            return;
        }

        if (!BoardMeeting.TryParseStart(words[1], out var start))
        {
            await turn.ReplyAsync(t.BadTime(words[1]) + " " + t.BoardMeetingUsage, cancellationToken);
            return;
        }

        var minutes = 0;
        if (words.Length == 3 && (!int.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || minutes is < BoardMeeting.MinMinutes or > BoardMeeting.MaxMinutes))
        {
            await turn.ReplyAsync(t.BadMinutes(words[2]), cancellationToken);
            return;
        }

        if (await unitInChat.ResolveAsync(turn, "board meeting", null, Permission.ChangeBoardMeeting, t.WhichUnit, cancellationToken) is not { Unit: var unit })
        {
            return;
        }

        // From the next meeting on; the weeks before keep the time that was in force, so their check-ins stay counted.
        var meeting = new BoardMeeting(day, start, words.Length == 3 ? minutes : unit.BoardMeeting.Minutes);
        var (rescheduled, first) = MeetingClock.Reschedule(unit, meeting, time.GetUtcNow());
        var saved = await store.SaveUnitAsync(turn.TenantId, rescheduled, cancellationToken);
        await turn.ReplyAsync(
            saved.Outcome == WriteOutcome.Written
                ? t.BoardMeetingSet(unit.Name, t.Weekday(day), start.ToString("HH:mm", CultureInfo.InvariantCulture), meeting.Minutes, first.ToString("d", turn.Language.Culture()))
                : turn.Texts.Conflict,
            cancellationToken);
    }

    public async Task UnitsAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        var t = SetupTexts.For(turn.Language);
        if (await store.GetOrganisationAsync(turn.TenantId, cancellationToken) is not { } organisation)
        {
            await turn.ReplyAsync(turn.Texts.NotSetUp, cancellationToken);
            return;
        }

        var units = (await store.ListUnitsAsync(turn.TenantId, cancellationToken)).Where(u => !u.Archived).ToList();
        var areas = await store.ListServiceAreasAsync(turn.TenantId, cancellationToken);
        var body = new List<CardElement> { TextBlock.Heading(t.UnitsTitle(organisation.Name, units.Count)) };
        if (units.Count == 0)
        {
            body.Add(new TextBlock(t.NoUnits));
        }

        foreach (var area in areas.Where(a => units.Any(u => u.ServiceAreaId == a.Id)).OrderBy(a => a.Name, StringComparer.Create(turn.Language.Culture(), ignoreCase: true)))
        {
            body.Add(new TextBlock(area.Name) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
            body.Add(new FactSet([.. units
                .Where(u => u.ServiceAreaId == area.Id)
                .OrderBy(u => u.Name, StringComparer.Create(turn.Language.Culture(), ignoreCase: true))
                .Select(u => new Fact(u.Name, Describe(t, u)))]));
        }

        await turn.ReplyAsync(new AdaptiveCard { Body = body }, t.UnitsTitle(organisation.Name, units.Count), cancellationToken);
    }

    public async Task WhoAmIAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        var t = SetupTexts.For(turn.Language);
        if (await store.GetOrganisationAsync(turn.TenantId, cancellationToken) is null)
        {
            await turn.ReplyAsync(turn.Texts.NotSetUp, cancellationToken);
            return;
        }

        var caller = turn.Caller;
        if (caller.Person is null)
        {
            await turn.ReplyAsync(turn.Texts.UnknownPerson(caller.Email ?? caller.DisplayName), cancellationToken);
            return;
        }

        var units = await store.ListUnitsAsync(turn.TenantId, cancellationToken);
        var areas = await store.ListServiceAreasAsync(turn.TenantId, cancellationToken);
        string ScopeName(string? id) =>
            id is null ? "" : units.FirstOrDefault(u => u.Id == id)?.Name ?? areas.FirstOrDefault(a => a.Id == id)?.Name ?? id;
        var facts = caller.Roles.Select(r => new Fact(turn.Texts.RoleNames[r.Role], ScopeName(r.ScopeId))).ToList();
        var body = new List<CardElement> { TextBlock.Heading(t.WhoAmITitle(caller.DisplayName)), new TextBlock(caller.Email!) { IsSubtle = true, Spacing = Spacing.None } };
        body.Add(facts.Count == 0 ? new TextBlock(t.NoRoles) : new FactSet(facts));
        await turn.ReplyAsync(new AdaptiveCard { Body = body }, t.WhoAmITitle(caller.DisplayName), cancellationToken);
    }

    /// <summary>
    /// The guard of the coordinator's channel commands: used in a team channel, organisation set up, caller is the
    /// coordinator. Answers the user and returns null when one of them fails.
    /// </summary>
    private async Task<Organisation.Organisation?> CoordinatorInChannelAsync(Turn turn, CommandText command, CancellationToken cancellationToken)
    {
        var t = SetupTexts.For(turn.Language);
        if (!turn.InChannel)
        {
            await turn.ReplyAsync(t.ChannelOnly(command.Shown(turn.Language)), cancellationToken);
            return null;
        }

        if (await store.GetOrganisationAsync(turn.TenantId, cancellationToken) is not { } organisation)
        {
            await turn.ReplyAsync(turn.Texts.NotSetUp, cancellationToken);
            return null;
        }

        if (!access.Check(turn.Caller, Permission.BindChannel, AccessTarget.Organisation, command.Shown(Language.En)))
        {
            await turn.ReplyAsync(turn.Texts.NotAllowed(Permission.BindChannel, null), cancellationToken);
            return null;
        }

        return organisation;
    }

    private static string Describe(SetupTexts t, Unit unit) =>
        t.MeetingTime(t.Weekday(unit.BoardMeeting.Weekday), unit.BoardMeeting.Start.ToString("HH:mm", CultureInfo.InvariantCulture), unit.BoardMeeting.Minutes)
        + " · " + (unit.Channel?.Name is { } channel ? $"#{channel}" : t.NoChannel);

    /// <summary>
    /// Tells the forum channel. The change itself is saved and confirmed by now, so a storage failure here must not
    /// reach the turn's "nothing was changed" answer; it is logged instead.
    /// </summary>
    private async Task TryNotifyCoordinatorAsync(Turn turn, Organisation.Organisation organisation, string messageId, string text, CancellationToken cancellationToken)
    {
        try
        {
            await NotifyCoordinatorAsync(turn, organisation, messageId, text, cancellationToken);
        }
        catch (Exception e) when (Infrastructure.Storage.StorageFailure.IsOutage(e))
        {
            LogNoticeLost(logger, turn.TenantId, e.Message);
        }
    }

    private async Task NotifyCoordinatorAsync(Turn turn, Organisation.Organisation organisation, string messageId, string text, CancellationToken cancellationToken)
    {
        if (organisation.CoordinatorChannel is not { } forum || forum.ChannelId == turn.ChannelId
            || await conversations.GetAsync(turn.TenantId, ConversationScope.Team, forum.TeamId, cancellationToken) is not { } team)
        {
            return;
        }

        await outbox.EnqueueAsync(
            new OutboundMessage(messageId, turn.TenantId, team.ServiceUrl, new Activity { Type = ActivityTypes.Message, Text = text }) { ChannelId = forum.ChannelId },
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not queue the forum notice for tenant {TenantId}: {Reason}")]
    private static partial void LogNoticeLost(ILogger logger, string tenantId, string reason);
}
