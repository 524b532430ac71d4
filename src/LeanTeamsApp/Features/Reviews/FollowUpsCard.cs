using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.Features.Reviews;

/// <summary>Open follow-up areas, overdue first and then by deadline, each with a button that closes it.</summary>
public static class FollowUpsCard
{
    public const string CloseVerb = "followup.close";

    // A card is read in chat, and Teams caps a message at about 100 KB; a coordinator of a large organisation can
    // have hundreds open. The first 30 are the ones that matter most: overdue or nearest the deadline.
    internal const int MaxShown = 30;

    /// <param name="open">Open follow-up areas the reader may see.</param>
    /// <param name="units">Their units, by id.</param>
    /// <param name="now">Overdue is judged by the date in each unit's own time zone.</param>
    public static AdaptiveCard Create(Language language, IReadOnlyList<FollowUpArea> open, IReadOnlyDictionary<string, Unit> units,
        IReadOnlyList<Person> people, DateTimeOffset now, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(people);
        var t = ReviewTexts.For(language);
        var culture = language.Culture();
        var ordered = Order(open, units, now);
        var overdue = ordered.Count(o => o.Overdue);
        var body = new List<CardElement> { TextBlock.Heading(t.ListTitle(ordered.Count)) };
        if (overdue > 0)
        {
            body.Add(new TextBlock(t.OverdueCount(overdue)) { Color = TextColor.Attention, Spacing = Spacing.None });
        }

        if (notice is not null)
        {
            body.Add(new Container([new TextBlock(notice)]) { Style = ContainerStyle.Emphasis });
        }

        if (ordered.Count == 0)
        {
            body.Add(new TextBlock(t.NoneOpen));
        }

        foreach (var (area, isOverdue) in ordered.Take(MaxShown))
        {
            var unit = units[area.UnitId];
            var date = area.Deadline.ToString("d", culture);
            var data = new JsonObject { ["unitId"] = area.UnitId, ["followUpId"] = area.Id };
            body.Add(new Container(
            [
                new ColumnSet(
                [
                    new Column([new TextBlock(area.Text) { Weight = TextWeight.Bolder }]) { Width = "stretch" },
                    new Column([new TextBlock(isOverdue ? t.OverdueOn(date) : t.DueOn(date)) { Color = isOverdue ? TextColor.Attention : TextColor.Default }]) { Width = "auto" },
                ]),
                new TextBlock($"{unit.Name} · {AppointmentRecordCard.NameOf(people, area.OwnerId)}") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
                new ActionSet([ExecuteAction.WithFallback(t.Close, CloseVerb, data, "none")]),
            ]) { Separator = true, Spacing = Spacing.Medium });
        }

        if (ordered.Count > MaxShown)
        {
            body.Add(new TextBlock(t.More(ordered.Count - MaxShown)) { IsSubtle = true });
        }

        return new AdaptiveCard { Body = body };
    }

    /// <summary>Overdue first (in the unit's own time zone), then by deadline, then by unit and text.</summary>
    internal static List<(FollowUpArea Area, bool Overdue)> Order(IReadOnlyList<FollowUpArea> open, IReadOnlyDictionary<string, Unit> units, DateTimeOffset now) =>
    [
        .. open
            .Where(a => a.Status == FollowUpStatus.Open && units.ContainsKey(a.UnitId))
            .Select(a => (Area: a, Overdue: a.IsOverdue(MeetingClock.Today(units[a.UnitId], now))))
            .OrderByDescending(x => x.Overdue)
            .ThenBy(x => x.Area.Deadline)
            .ThenBy(x => units[x.Area.UnitId].Name, StringComparer.Ordinal)
            .ThenBy(x => x.Area.Text, StringComparer.Ordinal),
    ];
}
