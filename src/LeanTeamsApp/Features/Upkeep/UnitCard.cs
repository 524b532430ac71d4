using System.Globalization;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.Features.Upkeep;

/// <summary>What the card changes: the board meeting, the unit coordinators and the goals; everything else stays as stored.</summary>
public sealed record UnitCardChange(string? Weekday, string? Time, string? Minutes, IReadOnlyList<string> Coordinators, IReadOnlyList<UnitCardGoal> Goals);

/// <summary>A goal as the card sends it, with the number of the field it came from so an error lands next to it.</summary>
public sealed record UnitCardGoal(int Field, string Title, string? Supports);

/// <summary>
/// The card a unit's leader (or the Lean coordinator) edits a unit with from chat: the same fields a unit's leader may
/// change in the tab, saved through <see cref="OrganisationEdits"/> under the ETag the card was made with.
/// </summary>
public static class UnitCard
{
    public const string SaveVerb = "unit.save";

    private const string NotLinkedValue = "-";

    /// <summary>
    /// The card for <paramref name="unit"/> as stored. A card sent back with <paramref name="errors"/> shows what was
    /// <paramref name="typed"/> rather than the stored values, so nothing the leader wrote is lost.
    /// </summary>
    public static AdaptiveCard Create(
        Language language, Unit unit, IReadOnlyList<ServiceArea> areas, string? notice = null, IReadOnlyDictionary<string, string>? errors = null,
        JsonObject? typed = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(areas);
        var t = UnitCardTexts.For(language);
        var body = new List<CardElement> { TextBlock.Heading(t.Title(unit.Name)) };
        if (notice is not null)
        {
            // An error no field of the card shows (a rule about the unit as stored) is shown with the notice.
            var elsewhere = errors?.Where(e => !OnFields(e.Key)).Select(e => new TextBlock(e.Value) { Color = TextColor.Attention }) ?? [];
            body.Add(new Container([new TextBlock(notice), .. elsewhere]) { Style = errors is { Count: > 0 } ? ContainerStyle.Attention : ContainerStyle.Emphasis });
        }

        body.Add(new TextBlock(t.Intro) { IsSubtle = true });
        var meeting = unit.BoardMeeting;
        Field(body, errors, "boardMeeting.weekday", new ChoiceSetInput([.. Week().Select(d => new Choice(language.DayName(d), d.ToString().ToLowerInvariant()))])
        {
            Id = "weekday", Label = t.Weekday, Value = Typed(typed, "weekday") ?? meeting.Weekday.ToString().ToLowerInvariant(), Style = "compact", IsRequired = true, ErrorMessage = t.BadWeekday,
        });
        Field(body, errors, "boardMeeting.time", new TimeInput
        {
            Id = "time", Label = t.Time, Value = Typed(typed, "time") ?? meeting.Start.ToString("HH:mm", CultureInfo.InvariantCulture), IsRequired = true, ErrorMessage = t.BadTime,
        });
        Field(body, errors, "boardMeeting.minutes", new NumberInput
        {
            Id = "minutes", Label = t.Minutes,
            Value = double.TryParse(Typed(typed, "minutes"), NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) ? minutes : meeting.Minutes, Min = BoardMeeting.MinMinutes, Max = BoardMeeting.MaxMinutes, IsRequired = true,
            ErrorMessage = t.BadMinutes(BoardMeeting.MinMinutes, BoardMeeting.MaxMinutes),
        });

        for (var i = 0; i < Unit.MaxCoordinators; i++)
        {
            body.Add(new TextInput
            {
                Id = $"coordinator{i}", Label = t.Coordinator(i + 1), Value = typed is null ? unit.CoordinatorIds.ElementAtOrDefault(i) : Text(typed, $"coordinator{i}"), Placeholder = t.EmailPlaceholder,
                MaxLength = 254,
            });
        }

        if (errors?.GetValueOrDefault("coordinators") is { } coordinatorError)
        {
            body.Add(Error(coordinatorError));
        }

        var supports = Supports(t, unit, areas);
        var shown = Math.Min(unit.Goals.Count + 1, Unit.MaxGoals);
        if (typed is not null)
        {
            shown = Math.Max(shown, Enumerable.Range(0, Unit.MaxGoals).LastOrDefault(i => Text(typed, $"goal{i}") is not null, -1) + 1);
        }

        for (var i = 0; i < shown; i++)
        {
            var stored = unit.Goals.ElementAtOrDefault(i);
            var title = typed is null ? stored : Text(typed, $"goal{i}");
            Field(body, errors, $"goal{i}.title", new TextInput
            {
                Id = $"goal{i}", Label = stored is null ? t.NewGoal : t.Goal(i + 1), Value = title, MaxLength = Goal.MaxTitleLength,
                ErrorMessage = t.BadGoalTitle(Goal.MaxTitleLength),
            });
            Field(body, errors, $"goal{i}.supports", new ChoiceSetInput(supports)
            {
                Id = $"supports{i}", Label = t.Supports, Style = "compact",
                Value = typed is not null ? Text(typed, $"supports{i}") ?? NotLinkedValue
                    : title is not null && unit.GoalSupports.TryGetValue(title, out var linked) ? linked : NotLinkedValue,
            });
        }

        body.Add(new TextBlock(t.GoalsHint) { IsSubtle = true, Size = TextSize.Small });
        body.Add(new ActionSet([ExecuteAction.WithFallback(t.Save, SaveVerb, new JsonObject { ["unitId"] = unit.Id, ["etag"] = unit.ETag }, "auto")]));
        return new AdaptiveCard { Body = body, Speak = t.Title(unit.Name) };
    }

    /// <summary>The card's inputs as sent; a goal whose title was emptied is left out, which removes it.</summary>
    public static UnitCardChange Read(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var coordinators = Enumerable.Range(0, Unit.MaxCoordinators)
            .Select(i => Text(data, $"coordinator{i}"))
            .OfType<string>()
            .ToList();
        var goals = new List<UnitCardGoal>();
        for (var i = 0; i < Unit.MaxGoals; i++)
        {
            if (Text(data, $"goal{i}") is { } title)
            {
                var supports = Text(data, $"supports{i}");
                goals.Add(new UnitCardGoal(i, title, supports is null or NotLinkedValue ? null : supports));
            }
        }

        return new UnitCardChange(Text(data, "weekday"), Text(data, "time"), Text(data, "minutes"), coordinators, goals);
    }

    private static bool OnFields(string key) =>
        key is "boardMeeting.weekday" or "boardMeeting.time" or "boardMeeting.minutes" or "coordinators" || key.StartsWith("goal", StringComparison.Ordinal);

    private static string? Typed(JsonObject? typed, string key) => typed is null ? null : Text(typed, key);

    private static string? Text(JsonObject data, string key) =>
        data[key] is JsonValue value && value.ToString().Trim() is { Length: > 0 } text ? text : null;

    private static void Field(List<CardElement> body, IReadOnlyDictionary<string, string>? errors, string key, InputElement input)
    {
        body.Add(input);
        if (errors?.GetValueOrDefault(key) is { } error)
        {
            body.Add(Error(error));
        }
    }

    private static TextBlock Error(string text) => new(text) { Color = TextColor.Attention, Size = TextSize.Small };

    private static IEnumerable<DayOfWeek> Week() => Enumerable.Range(1, 7).Select(i => (DayOfWeek)(i % 7));

    /// <summary>The goals a unit goal can support: its own service area's and the overall goals.</summary>
    private static List<Choice> Supports(UnitCardTexts t, Unit unit, IReadOnlyList<ServiceArea> areas)
    {
        var choices = new List<Choice> { new(t.NotLinked, NotLinkedValue) };
        foreach (var area in areas.Where(a => a.Id == unit.ServiceAreaId || a.Kind == ServiceAreaKind.TopManagement))
        {
            choices.AddRange(area.Goals.Select(g => new Choice($"{g.Title} ({area.Name})", g.Id)));
        }

        return choices;
    }
}
