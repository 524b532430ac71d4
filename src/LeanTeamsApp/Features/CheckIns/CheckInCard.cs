using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Cards;
using LeanTeamsApp.Infrastructure.Privacy;

namespace LeanTeamsApp.Features.CheckIns;

/// <summary>
/// The check-in card: a form a unit leader fills in two minutes after the board meeting, and the read-only summary
/// everyone sees afterwards. The same rules run on the card (isRequired, min/max) and again on the server, whose
/// errors are shown inline on the returned card with the user's answers kept.
/// </summary>
public static class CheckInCard
{
    public const string SubmitVerb = "checkin.submit";

    /// <summary>Held, nothing new: one tap stores a complete check-in with nothing typed.</summary>
    public const string NothingNewVerb = "checkin.nothingnew";
    public const string EditVerb = "checkin.edit";
    private const int MaxAttendance = InputLimits.Attendance;
    private const int MaxNote = InputLimits.Note;
    private const int MaxLines = InputLimits.LinesPerCheckIn;
    private const int MaxDeviationLength = InputLimits.DeviationText;

    // Each open improvement is one drop-down; the ones a board talks about are the started and newest suggestions.
    internal const int MaxOpenShown = 15;

    /// <param name="improvements">The unit's improvement records: the open ones are shown at their stage, to be moved.</param>
    /// <param name="deviationSystem">The organisation's deviation system, linked under the deviations field when it has one.</param>
    /// <param name="benefitChaseWeeks">Weeks after which an improvement done with no benefit recorded is named on the card.</param>
    public static AdaptiveCard Form(Language language, Unit unit, DateOnly meetingDate, IReadOnlyList<Unit> otherUnits, IReadOnlyList<Improvement> improvements,
        JsonObject? answers = null, IReadOnlyDictionary<string, string>? errors = null, string? etag = null, Uri? deviationSystem = null,
        int benefitChaseWeeks = Organisation.Organisation.DefaultBenefitChaseWeeks)
    {
        ArgumentNullException.ThrowIfNull(improvements);
        var t = CheckInTexts.For(language);
        errors ??= new Dictionary<string, string>();
        string? Value(string id) => answers?[id]?.GetValue<object>()?.ToString();
        // What was typed goes back on the card only when it is a finite number: a card cannot carry NaN or infinity.
        double? Number(string id) => double.TryParse(Value(id), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;
        var body = new List<CardElement>
        {
            TextBlock.Heading(t.Title(unit.Name, meetingDate.ToString("d", language.Culture()))),
        };
        if (errors.Count > 0)
        {
            body.Add(new Container([new TextBlock(t.FixBelow) { Color = TextColor.Attention, Weight = TextWeight.Bolder }]) { Style = ContainerStyle.Attention });
        }

        void Error(List<CardElement> section, string id)
        {
            if (errors.TryGetValue(id, out var error))
            {
                section.Add(new TextBlock(error) { Color = TextColor.Attention, Spacing = Spacing.None, Size = TextSize.Small });
            }
        }

        void Add(List<CardElement> section, InputElement input)
        {
            section.Add(input);
            Error(section, input.Id!);
        }

        // "Held?" is answered with a button, and each answer shows only what it needs: a meeting not held is asked why,
        // one held is asked for its figures, and one held with nothing new is done with one tap. The sections are
        // shown and hidden on the card (nothing typed in them is lost by a change of mind); the server reads only the
        // answer's own section, because hidden inputs are sent too.
        var held = Value("held");
        var meeting = new JsonObject { ["unitId"] = unit.Id, ["meetingDate"] = meetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        body.Add(new TextBlock(t.Held) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        var answer = new List<CardAction>();
        if (etag is null)
        {
            // A correction is a different answer, never "nothing new": only a check-in not yet given offers the tap.
            body.Add(new TextBlock(t.Intro) { IsSubtle = true, Spacing = Spacing.None });
            answer.Add(ExecuteAction.WithFallback(t.NothingNew, NothingNewVerb, meeting.DeepClone().AsObject(), "none") with { Style = "positive" });
        }

        answer.Add(new ToggleVisibilityAction(t.HeldFillIn, Show(HeldSection, SendHeld, Common)));
        answer.Add(new ToggleVisibilityAction(t.NotHeldChoice, Show(NotHeldSection, SendNotHeld, Common)));
        body.Add(new ActionSet(answer) { Id = "held" });
        Error(body, "held");

        var notHeld = new List<CardElement>();
        Add(notHeld, new ChoiceSetInput([.. Enum.GetValues<NotHeldReason>().Select(r => new Choice(t.Reasons[r], r.ToString()))])
        {
            Id = "notHeldReason", Label = t.WhyNotHeld, Value = Value("notHeldReason"),
        });

        var heldOnly = new List<CardElement>();
        Add(heldOnly, new NumberInput { Id = "attendance", Label = t.Attendance, Min = 1, Max = MaxAttendance, Value = Number("attendance"), ErrorMessage = t.Range(1, MaxAttendance) });
        if (unit.Goals.Count > 0)
        {
            heldOnly.Add(new TextBlock(t.Goals) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
            for (var i = 0; i < unit.Goals.Count; i++)
            {
                Add(heldOnly, new ChoiceSetInput([.. Enum.GetValues<GoalStatus>().Select(g => new Choice(t.Statuses[g], g.ToString()))])
                {
                    Id = GoalInput(i), Label = unit.Goals[i], Value = Value(GoalInput(i)), ErrorMessage = t.Required,
                });
                if (unit.GoalIndicators.GetValueOrDefault(unit.Goals[i]) is { } indicator)
                {
                    Add(heldOnly, new NumberInput
                    {
                        Id = IndicatorInput(i), Label = t.IndicatorValue(indicator.Name, GoalIndicator.Format(indicator.Target)), Spacing = Spacing.Small,
                        Min = (double)-GoalIndicator.MaxMagnitude, Max = (double)GoalIndicator.MaxMagnitude, Value = Number(IndicatorInput(i)),
                        ErrorMessage = t.IndicatorRange(MaxIndicatorText(language)),
                    });
                }
            }

            if (unit.Goals.Any(unit.GoalIndicators.ContainsKey))
            {
                heldOnly.Add(new TextBlock(t.IndicatorHint) { IsSubtle = true, Size = TextSize.Small });
            }
        }

        var (movable, more, done) = OnTheBoard(improvements);
        var shown = new JsonObject();
        if (movable.Count > 0 || done.Count > 0)
        {
            var stages = StageNames.For(language);
            heldOnly.Add(new TextBlock(t.OpenImprovements) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
            heldOnly.Add(new TextBlock(t.OpenImprovementsHint) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
            foreach (var improvement in movable)
            {
                shown[improvement.Id] = improvement.Stage.ToString();
                Add(heldOnly, new ChoiceSetInput([.. StagesFrom(improvement.Stage).Select(s => new Choice(stages[s], s.ToString()))])
                {
                    Id = StageInput(improvement.Id), Label = improvement.Title, Style = "compact", Value = Value(StageInput(improvement.Id)) ?? improvement.Stage.ToString(),
                });
            }

            if (more > 0)
            {
                heldOnly.Add(new TextBlock(t.MoreOpen(more)) { IsSubtle = true, Size = TextSize.Small });
            }

            if (done.Count > 0)
            {
                heldOnly.Add(new TextBlock(t.DoneAwaitingBenefit(string.Join(", ", done.Take(MaxOpenShown).Select(i => i.Title)))) { IsSubtle = true, Size = TextSize.Small });
            }
        }

        Add(heldOnly, new TextInput { Id = "improvementsNew", Label = t.ImprovementsNew, Placeholder = t.ImprovementsNewHint, IsMultiline = true, MaxLength = MaxLines * (Improvement.MaxTitleLength + 1), Value = Value("improvementsNew"), Separator = true });
        Add(heldOnly, new TextInput { Id = "deviations", Label = t.Deviations, Placeholder = t.DeviationsHint, IsMultiline = true, MaxLength = MaxLines * (MaxDeviationLength + 1), Value = Value("deviations") });
        heldOnly.AddRange(DeviationGuidance.Elements(language, deviationSystem));
        heldOnly.Add(new TextBlock(t.Benefit) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
        var due = BenefitChase.Due(BenefitChase.Awaiting(improvements, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)), meetingDate, benefitChaseWeeks);
        if (due.Count > 0)
        {
            heldOnly.Add(new Container([new TextBlock(t.ChaseBenefit(string.Join(", ", due.Take(MaxOpenShown).Select(a => a.Title)), benefitChaseWeeks))])
            {
                Style = ContainerStyle.Warning,
                Spacing = Spacing.Small,
            });
        }

        Add(heldOnly, new ChoiceSetInput([.. Enum.GetValues<BenefitKind>().Select(k => new Choice(t.Kinds[k], k.ToString()))]) { Id = "benefitKind", Value = Value("benefitKind"), Label = t.Kind });
        Add(heldOnly, new NumberInput { Id = "benefitAmount", Label = t.Amount, Min = 0, Value = Number("benefitAmount") });
        Add(heldOnly, new ChoiceSetInput([.. Enum.GetValues<BenefitMeasure>().Select(m => new Choice(t.Measures[m], m.ToString()))]) { Id = "benefitMeasure", Value = Value("benefitMeasure"), Label = t.Measure });
        var attachable = improvements.Where(i => i.Stage is ImprovementStage.Done or ImprovementStage.InProgress or ImprovementStage.BenefitRealised)
            .OrderBy(i => i.Stage switch { ImprovementStage.Done => 0, ImprovementStage.InProgress => 1, _ => 2 }).ThenByDescending(i => i.CreatedAt)
            .Take(MaxOpenShown).ToList();
        if (attachable.Count > 0)
        {
            // The benefit of an improvement is that improvement's one benefit record, so a gain reported here and on the
            // improvements card is counted once.
            Add(heldOnly, new ChoiceSetInput([.. attachable.Select(i => new Choice(i.Title, i.Id))])
            {
                Id = "benefitImprovement", Label = t.BenefitOf, Style = "compact", Value = Value("benefitImprovement"),
            });
        }

        // The area's units are on the card for clients without dynamic search; Teams searches the whole organisation as
        // the user types. Units already chosen elsewhere are on it too, so a correction shows them by name.
        Add(heldOnly, new ChoiceSetInput([.. AffectableUnits(unit, otherUnits, AffectedIds(Value("benefitAffects"))).Select(u => new Choice(u.Name, u.Id))])
        {
            Id = "benefitAffects", Label = t.AffectsOthers, IsMultiSelect = true, Style = "filtered", Value = Value("benefitAffects"),
            ChoicesData = new DataQuery(UnitsDataset),
        });

        var common = new List<CardElement>();
        Add(common, new TextInput { Id = "helpNeeded", Label = t.NeedHelp, MaxLength = InputLimits.HelpNeeded, Value = Value("helpNeeded"), Separator = true });
        Add(common, new TextInput { Id = "note", Label = t.Note, IsMultiline = true, MaxLength = MaxNote, Value = Value("note") });

        // The stage each improvement had when the card was made: a move is what the board changed on the card, so an
        // improvement moved in chat meanwhile and left as it was on the card is not moved back.
        var data = meeting;
        data[ShownKey] = shown;
        if (etag is not null)
        {
            data["etag"] = etag;
        }

        ActionSet Send(string answered)
        {
            var sent = data.DeepClone().AsObject();
            sent["held"] = answered;
            return new ActionSet([ExecuteAction.WithFallback(t.Send, SubmitVerb, sent, "auto")]);
        }

        body.Add(Section(NotHeldSection, notHeld, held == "no"));
        body.Add(Section(HeldSection, heldOnly, held == "yes"));
        body.Add(Section(Common, common, held is "yes" or "no"));
        body.Add(Section(SendHeld, [Send("yes")], held == "yes"));
        body.Add(Section(SendNotHeld, [Send("no")], held == "no"));
        return new AdaptiveCard { Body = body };
    }

    // The form's sections by id: what "held?" shows or hides.
    internal const string HeldSection = "heldSection";
    internal const string NotHeldSection = "notHeldSection";
    private const string Common = "commonSection";
    private const string SendHeld = "sendHeld";
    private const string SendNotHeld = "sendNotHeld";
    private static readonly string[] Sections = [HeldSection, NotHeldSection, Common, SendHeld, SendNotHeld];

    /// <summary>Shows <paramref name="ids"/> and hides the form's other sections.</summary>
    private static TargetElement[] Show(params string[] ids) => [.. Sections.Select(s => new TargetElement(s, ids.Contains(s)))];

    private static Container Section(string id, IReadOnlyList<CardElement> items, bool visible) =>
        new(items) { Id = id, IsVisible = visible ? null : false };

    private const string ShownKey = "shown";

    internal static string StageInput(string improvementId) => $"stage-{improvementId}";

    /// <summary>What the card offers: the suggestions and those in progress to move (started first, then newest), how many more there are, and those done.</summary>
    private static (IReadOnlyList<Improvement> Movable, int More, IReadOnlyList<Improvement> Done) OnTheBoard(IReadOnlyList<Improvement> improvements)
    {
        var movable = improvements.Where(i => i.Stage is ImprovementStage.Suggested or ImprovementStage.InProgress)
            .OrderBy(i => i.Stage == ImprovementStage.InProgress ? 0 : 1).ThenByDescending(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        var done = improvements.Where(i => i.Stage == ImprovementStage.Done).OrderByDescending(i => i.CreatedAt).ToList();
        return ([.. movable.Take(MaxOpenShown)], Math.Max(0, movable.Count - MaxOpenShown), done);
    }

    /// <summary>The stages an improvement can be set to on the card: where it is, and where one meeting can take it.</summary>
    private static IEnumerable<ImprovementStage> StagesFrom(ImprovementStage stage) =>
        Enum.GetValues<ImprovementStage>().Where(to => Improvement.PathTo(stage, to) is not null);

    // A card lists choices inline, and Teams caps a message at about 100 KB: a large organisation's every unit
    // would not fit. The units a benefit spills over to are mostly the neighbours in the same service area.
    private const int MaxAffectableUnits = 40;

    /// <summary>The dataset of the "affects other units" typeahead: every unit of the organisation, by name.</summary>
    public const string UnitsDataset = "units";

    /// <summary>How many units one benefit can name as affected: the card and its summary stay readable.</summary>
    public const int MaxAffectedUnits = 40;

    /// <summary>How many of them can lie outside the unit's service area: each is read by its key on submit.</summary>
    public const int MaxAffectedOutsideArea = 20;

    /// <summary>
    /// The card's static choices: the other units of the area that are not archived, and every unit already chosen,
    /// wherever it lies, so that a correction shows each choice by name even in an area of more units than are offered.
    /// </summary>
    private static IEnumerable<Unit> AffectableUnits(Unit unit, IReadOnlyList<Unit> units, IReadOnlyList<string> chosen)
    {
        var offered = units
            .Where(u => u.Id != unit.Id && !u.Archived && u.ServiceAreaId == unit.ServiceAreaId)
            .OrderBy(u => u.Name, StringComparer.Ordinal)
            .Take(MaxAffectableUnits)
            .ToList();
        return offered.Concat(units
            .Where(u => u.Id != unit.Id && !u.Archived && chosen.Contains(u.Id) && !offered.Contains(u))
            .OrderBy(u => u.Name, StringComparer.Ordinal));
    }

    /// <summary>The unit ids of a multi-select's value ("a,b,c"), each once.</summary>
    public static IReadOnlyList<string> AffectedIds(string? value) =>
        [.. (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    public static AdaptiveCard Summary(Language language, Unit unit, CheckIn checkIn, bool open, IReadOnlyList<Unit> units, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        var t = CheckInTexts.For(language);
        var culture = language.Culture();
        var unitZone = TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone);
        var when = TimeZoneInfo.ConvertTime(checkIn.SubmittedAt, unitZone).ToString("g", culture);
        var body = new List<CardElement>
        {
            TextBlock.Heading(t.Title(unit.Name, checkIn.MeetingDate.ToString("d", culture))),
            new TextBlock(t.SubmittedBy(checkIn.SubmittedBy, when)) { IsSubtle = true, Spacing = Spacing.None },
        };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Color = TextColor.Warning });
        }

        var facts = new List<Fact>();
        if (checkIn.MeetingHeld)
        {
            facts.Add(new Fact(t.Held, HeldLine(t, checkIn)));
        }
        else
        {
            facts.Add(new Fact(t.Held, $"{t.No} · {t.Reasons[checkIn.NotHeldReason ?? NotHeldReason.Other]}"));
        }

        foreach (var goal in unit.Goals)
        {
            if (checkIn.GoalStatuses.TryGetValue(goal, out var status))
            {
                facts.Add(new Fact(goal, t.Statuses[status]));
            }

            if (checkIn.IndicatorValues.TryGetValue(goal, out var value) && unit.GoalIndicators.GetValueOrDefault(goal) is { } indicator)
            {
                facts.Add(new Fact(t.IndicatorValue(indicator.Name, indicator.Target.ToString("0.##########", culture)), value.ToString("0.##########", culture)));
            }
        }

        facts.Add(new Fact(t.ImprovementsNew, checkIn.NewImprovements.Count > 0 ? string.Join("; ", checkIn.NewImprovements) : "0"));
        if (checkIn.ImprovementMoves.Count > 0)
        {
            var stages = StageNames.For(language);
            facts.Add(new Fact(t.ImprovementsMoved, string.Join("; ", checkIn.ImprovementMoves.Select(m => $"{m.Title}: {stages[m.To].ToLower(culture)}"))));
        }

        if (checkIn.ImprovementsInProgress > 0 || checkIn.ImprovementsDone > 0)
        {
            // A check-in from before improvements were counted from their records shows what the board typed then.
            facts.Add(new Fact(t.TypedFigures, t.ImprovementsSummary(checkIn.ImprovementsNew, checkIn.ImprovementsInProgress, checkIn.ImprovementsDone)));
        }
        if (checkIn.NewDeviations.Count > 0)
        {
            facts.Add(new Fact(t.Deviations, string.Join("; ", checkIn.NewDeviations)));
        }

        foreach (var benefit in checkIn.Benefits)
        {
            var affects = benefit.AffectsUnitIds.Select(id => units.FirstOrDefault(u => u.Id == id)?.Name ?? id).ToList();
            facts.Add(new Fact(t.Benefit, $"{t.Kinds[benefit.Kind]}: {benefit.Amount.ToString("0.##", culture)} {t.Measures[benefit.Measure]}"
                + (affects.Count > 0 ? $" ({t.AffectsOthers} {string.Join(", ", affects)})" : "")));
        }

        if (checkIn.HelpNeeded is { } help)
        {
            facts.Add(new Fact(t.NeedHelp, help));
        }

        if (checkIn.Note is { } note)
        {
            facts.Add(new Fact(t.Note, note));
        }

        body.Add(new FactSet(facts));
        var data = new JsonObject { ["unitId"] = unit.Id, ["meetingDate"] = checkIn.MeetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        return new AdaptiveCard { Body = body, Actions = open ? [ExecuteAction.WithFallback(t.Edit, EditVerb, data, "none")] : null };
    }

    /// <summary>"Yes" and how many attended; a check-in given with one tap counted nobody, and says it had nothing new.</summary>
    private static string HeldLine(CheckInTexts t, CheckIn checkIn) =>
        $"{t.Yes} · {(checkIn.Attendance is { } attended ? t.AttendanceSummary(attended) : t.NothingNewSummary)}";

    /// <summary>
    /// The check-in of a board that met and has nothing new: held, nothing typed, no new improvements, deviations or
    /// benefits, and each goal at the status <paramref name="previous"/> gave it (a goal it gave none stays without).
    /// </summary>
    public static CheckIn NothingNew(Unit unit, DateOnly meetingDate, CheckIn? previous, string submittedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var goals = new Dictionary<string, GoalStatus>(StringComparer.Ordinal);
        foreach (var goal in unit.Goals)
        {
            if (previous?.GoalStatuses.TryGetValue(goal, out var status) == true)
            {
                goals[goal] = status;
            }
        }

        return new CheckIn(unit.Id, meetingDate, true, null, null, 0, 0, 0, [], [], null, null, submittedBy, now) { GoalStatuses = goals };
    }

    private static string GoalInput(int index) => $"goal{index.ToString(CultureInfo.InvariantCulture)}";

    private static string IndicatorInput(int index) => $"indicator{index.ToString(CultureInfo.InvariantCulture)}";

    private static string MaxIndicatorText(Language language) => GoalIndicator.MaxMagnitude.ToString("N0", language.Culture());

    /// <summary>
    /// A unit's recent board meetings at a glance: held or not, attendance, improvements (as the records count them in
    /// each meeting's week), goals.
    /// </summary>
    public static AdaptiveCard Status(Language language, Unit unit, IReadOnlyList<DateOnly> meetings, IReadOnlyDictionary<DateOnly, CheckIn> checkIns,
        IReadOnlyDictionary<DateOnly, WeekCounts> improvements, Func<DateOnly, bool> isDayOff)
    {
        ArgumentNullException.ThrowIfNull(improvements);
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(checkIns);
        ArgumentNullException.ThrowIfNull(isDayOff);
        var t = CheckInTexts.For(language);
        var culture = language.Culture();
        var facts = meetings.OrderByDescending(d => d).Select(date =>
        {
            var title = t.Week(ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)), date.ToString("d", culture));
            if (!checkIns.TryGetValue(date, out var c))
            {
                return new Fact(title, isDayOff(date) ? t.DayOff : t.NoReport);
            }

            var held = c.MeetingHeld
                ? HeldLine(t, c)
                : $"{t.No} · {t.Reasons[c.NotHeldReason ?? NotHeldReason.Other]}";
            var goals = c.GoalStatuses.Count == 0 ? "" : " · " + string.Join(", ", c.GoalStatuses.Values.GroupBy(v => v).OrderBy(g => g.Key).Select(g => $"{g.Count()} {t.Statuses[g.Key].Split(' ')[0].ToLower(culture)}"));
            var counted = improvements.GetValueOrDefault(date) ?? WeekCounts.None;
            return new Fact(title, $"{held} · {t.ImprovementsSummary(counted.New, counted.InProgress, counted.Done)}{goals}");
        });
        return new AdaptiveCard { Body = [TextBlock.Heading(t.StatusTitle(unit.Name, meetings.Count)), new FactSet([.. facts])] };
    }

    /// <summary>The answers as the form would show them again (for Edit).</summary>
    public static JsonObject Answers(Unit unit, CheckIn checkIn)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(checkIn);
        var benefit = checkIn.Benefits.Count > 0 ? checkIn.Benefits[0] : null;
        var answers = new JsonObject
        {
        ["held"] = checkIn.MeetingHeld ? "yes" : "no",
        ["notHeldReason"] = checkIn.NotHeldReason?.ToString(),
        ["attendance"] = checkIn.Attendance?.ToString(CultureInfo.InvariantCulture),
        ["improvementsNew"] = string.Join('\n', checkIn.NewImprovements),
        ["deviations"] = string.Join('\n', checkIn.NewDeviations),
        ["benefitKind"] = benefit?.Kind.ToString(),
        ["benefitAmount"] = benefit?.Amount.ToString(CultureInfo.InvariantCulture),
        ["benefitMeasure"] = benefit?.Measure.ToString(),
        ["benefitAffects"] = benefit is null ? null : string.Join(',', benefit.AffectsUnitIds),
        ["benefitImprovement"] = benefit?.ImprovementId,
        ["helpNeeded"] = checkIn.HelpNeeded,
        ["note"] = checkIn.Note,
        };
        for (var i = 0; i < unit.Goals.Count; i++)
        {
            answers[GoalInput(i)] = checkIn.GoalStatuses.TryGetValue(unit.Goals[i], out var status) ? status.ToString() : null;
            answers[IndicatorInput(i)] = checkIn.IndicatorValues.TryGetValue(unit.Goals[i], out var value) ? GoalIndicator.Format(value) : null;
        }

        return answers;
    }

    /// <summary>Validates submitted answers on the server; returns the check-in, or every problem by input id.</summary>
    /// <param name="improvements">The unit's improvement records, to find those the card moved.</param>
    public static (CheckIn? CheckIn, IReadOnlyDictionary<string, string> Errors) Read(
        Language language, Unit unit, DateOnly meetingDate, JsonObject answers, IReadOnlyCollection<Unit> knownUnits, IReadOnlyList<Improvement> improvements,
        string submittedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(improvements);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(answers);
        var t = CheckInTexts.For(language);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        bool? held = (answers["held"] as JsonValue)?.ToString().Trim() switch { "yes" => true, "no" => false, _ => null };

        // A meeting not held is asked only why (and the help and note every answer has): the card hides the rest but
        // still sends what was typed there, and that is no part of this answer.
        bool Asked(string id) => held != false || id is "notHeldReason" or "helpNeeded" or "note";
        string? Text(string id) => Asked(id) && answers[id] is JsonValue v && v.ToString() is { Length: > 0 } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
        int? Whole(string id, int min, int max, bool required)
        {
            var text = Text(id);
            if (text is null)
            {
                if (required)
                {
                    errors[id] = t.Required;
                }

                return null;
            }

            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value != decimal.Truncate(value) || value < min || value > max)
            {
                errors[id] = t.Range(min, max);
                return null;
            }

            return (int)value;
        }

        string[] Lines(string id, string label, int maxLength)
        {
            var lines = (Text(id) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (lines.Length > MaxLines || lines.Any(d => d.Length > maxLength))
            {
                errors[id] = t.Field(label, t.TooManyLines(MaxLines, maxLength));
            }

            return lines;
        }

        if (held is null)
        {
            errors["held"] = t.Required;
        }

        NotHeldReason? reason = null;
        if (held == false)
        {
            if (Enum.TryParse<NotHeldReason>(Text("notHeldReason"), out var parsed) && Enum.IsDefined(parsed))
            {
                reason = parsed;
            }
            else
            {
                errors["notHeldReason"] = t.Required;
            }
        }

        var attendance = held == true ? Whole("attendance", 1, MaxAttendance, required: true) : null;

        // A board meeting reviews its goals, so a held meeting reports every goal's status.
        var goals = new Dictionary<string, GoalStatus>(StringComparer.Ordinal);
        for (var i = 0; i < unit.Goals.Count; i++)
        {
            if (Enum.TryParse<GoalStatus>(Text(GoalInput(i)), out var status) && Enum.IsDefined(status))
            {
                goals[unit.Goals[i]] = status;
            }
            else if (held == true)
            {
                errors[GoalInput(i)] = t.Required;
            }
        }

        // An indicator is measured when the board has counted: an empty field is no value, never zero.
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var i = 0; i < unit.Goals.Count; i++)
        {
            if (!unit.GoalIndicators.ContainsKey(unit.Goals[i]) || Text(IndicatorInput(i)) is not { } typed || held != true)
            {
                continue;
            }

            if (GoalIndicator.TryParse(typed, out var value))
            {
                values[unit.Goals[i]] = value;
            }
            else
            {
                errors[IndicatorInput(i)] = t.IndicatorRange(MaxIndicatorText(language));
            }
        }

        var newImprovements = Lines("improvementsNew", t.ImprovementsNew, InputLimits.ImprovementTitle);
        var moves = new List<ImprovementMove>();
        var records = improvements.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var (id, shownStage) in answers[ShownKey] as JsonObject ?? [])
        {
            if (!Enum.TryParse<ImprovementStage>(shownStage?.ToString(), out var from) || !records.TryGetValue(id, out var record))
            {
                continue;
            }

            // A client that leaves an untouched drop-down out sends no value: that improvement stays where it was.
            if (Text(StageInput(id)) is not { } chosen)
            {
                continue;
            }

            if (!Enum.TryParse<ImprovementStage>(chosen, out var to) || !Enum.IsDefined(to) || Improvement.PathTo(from, to) is null)
            {
                errors[StageInput(id)] = t.Required;
                continue;
            }

            if (to != from)
            {
                moves.Add(new ImprovementMove(id, record.Title, to));
            }
        }

        var deviations = Lines("deviations", t.Deviations, MaxDeviationLength);

        var benefits = new List<BenefitEntry>();
        var kindText = Text("benefitKind");
        var amountText = Text("benefitAmount");
        var measureText = Text("benefitMeasure");
        if (kindText is not null || amountText is not null || measureText is not null)
        {
            var kindKnown = Enum.TryParse<BenefitKind>(kindText, out var kind) && Enum.IsDefined(kind) && !char.IsAsciiDigit(kindText![0]);
            var measureKnown = Enum.TryParse<BenefitMeasure>(measureText, out var measure) && Enum.IsDefined(measure) && !char.IsAsciiDigit(measureText![0]);
            if (!kindKnown)
            {
                errors["benefitKind"] = t.Field(t.Kind, t.BenefitIncomplete);
            }

            if (!measureKnown)
            {
                errors["benefitMeasure"] = t.Field(t.Measure, t.BenefitIncomplete);
            }

            var amount = 0m;
            var problem = measureKnown ? InputLimits.TryReadAmount(amountText, measure, out amount)
                : InputLimits.TryReadAmount(amountText, BenefitMeasure.Hours, out _) == AmountProblem.NotANumber ? AmountProblem.NotANumber
                : AmountProblem.None;
            if (amountText is null)
            {
                errors["benefitAmount"] = t.Field(t.Amount, t.BenefitIncomplete);
            }
            else if (problem == AmountProblem.NotANumber)
            {
                errors["benefitAmount"] = t.Field(t.Amount, t.AmountNotANumber);
            }
            else if (problem == AmountProblem.OutOfRange)
            {
                errors["benefitAmount"] = t.Field(t.Amount, AmountRange(language, measure));
            }

            if (kindKnown && measureKnown && problem == AmountProblem.None && amountText is not null)
            {
                var affects = new List<string>();
                var chosen = AffectedIds(Text("benefitAffects")).Where(id => id != unit.Id).ToList();
                var outsideArea = chosen.Count(id => knownUnits.FirstOrDefault(u => u.Id == id) is not { } u || u.ServiceAreaId != unit.ServiceAreaId);
                if (chosen.Count > MaxAffectedUnits || outsideArea > MaxAffectedOutsideArea)
                {
                    // Units beyond the caps are not read: refused for what they are, not as units the organisation lacks.
                    errors["benefitAffects"] = t.AffectsTooMany(MaxAffectedUnits, MaxAffectedOutsideArea);
                    chosen = [];
                }

                foreach (var id in chosen)
                {
                    // Any unit of the organisation may be affected; one archived since the card was sent is not quietly
                    // dropped: the board chose it, so the card says so and asks for the unit that took over its work.
                    var known = knownUnits.FirstOrDefault(u => u.Id == id);
                    if (known is null)
                    {
                        errors["benefitAffects"] = t.AffectsUnknown;
                    }
                    else if (known.Archived)
                    {
                        errors["benefitAffects"] = t.AffectsArchived(known.Name);
                    }
                    else
                    {
                        affects.Add(id);
                    }
                }

                var improvementId = Text("benefitImprovement") is { } attached && records.ContainsKey(attached) ? attached : null;
                benefits.Add(new BenefitEntry(kind, amount, measure, affects) { ImprovementId = improvementId });
            }
        }

        var help = Text("helpNeeded");
        if (help?.Length > InputLimits.HelpNeeded)
        {
            errors["helpNeeded"] = t.Field(t.HelpField, t.TooLong(InputLimits.HelpNeeded));
        }

        var note = Text("note");
        if (note?.Length > MaxNote)
        {
            errors["note"] = t.Field(t.Note, t.TooLong(MaxNote));
        }

        // The whole unit reads the check-in in Teams, and a deviation invites a patient's identity or contact details.
        foreach (var (id, deviation) in new[] { ("improvementsNew", false), ("deviations", true), ("helpNeeded", false), ("note", false) })
        {
            if (FreeTextScreen.Refusal(language, Text(id), deviation) is { } refused)
            {
                errors[id] = refused;
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        // The typed figures are no more: new, in progress and done are counted from the records (ImprovementCounts).
        var checkIn = new CheckIn(unit.Id, meetingDate, held!.Value, reason, attendance, 0, 0, 0,
            deviations, benefits, help, note, submittedBy, now) { GoalStatuses = goals, IndicatorValues = values, NewImprovements = newImprovements, ImprovementMoves = moves };

        // Each field is bounded, but the check-in is stored as one property and escaped characters count several times:
        // the longest field is the one to shorten.
        if (CheckInStore.StoredLength(checkIn) > InputLimits.StoredCheckInChars)
        {
            var (field, label) = new[] { ("improvementsNew", t.ImprovementsNew), ("deviations", t.Deviations), ("note", t.Note), ("helpNeeded", t.HelpField) }
                .MaxBy(f => Text(f.Item1)?.Length ?? 0);
            errors[field] = t.Field(label, t.TooLongAltogether);
            return (null, errors);
        }

        return (checkIn, errors);
    }

    /// <summary>The range of amounts in <paramref name="measure"/>, in words of <paramref name="language"/>.</summary>
    public static string AmountRange(Language language, BenefitMeasure measure)
    {
        var t = CheckInTexts.For(language);
        var range = InputLimits.Benefit(measure);
        return t.AmountOutOfRange(t.Measures[measure], range.Max.ToString("N0", language.Culture()), range.Whole);
    }
}
