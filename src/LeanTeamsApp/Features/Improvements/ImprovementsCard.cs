using System.Globalization;
using System.Text.Json.Nodes;
using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.Features.Improvements;

/// <summary>Someone the card offers as the owner of a follow-up area, with the role that puts them there.</summary>
public sealed record FollowUpOwner(string PersonId, string Name, Role Role);

/// <summary>
/// What the improvements card shows of a unit: its records, and whom a deviation's follow-up area may be given to.
/// <see cref="Owners"/> is null when no feature makes deviations into follow-up areas: the card then offers only closing.
/// </summary>
public sealed record UnitBoardView(Unit Unit, IReadOnlyList<Improvement> Improvements, IReadOnlyList<Deviation> Deviations, IReadOnlyList<FollowUpOwner>? Owners)
{
    /// <summary>
    /// The people the improvements name as owners, by id, as they are now: an id not found here is someone erased, and the
    /// card names nobody by an id (an e-mail address) the organisation no longer knows.
    /// </summary>
    public IReadOnlyDictionary<string, Person> ImprovementOwners { get; init; } = new Dictionary<string, Person>(StringComparer.Ordinal);

    /// <summary>The date in the unit's time zone, which a deadline is overdue after; null shows no deadline as overdue.</summary>
    public DateOnly? Today { get; init; }
}

/// <summary>
/// A unit's open improvements with a button per next step of the lifecycle, as a board moves its notes, and its open
/// deviations, each to be closed or made a follow-up area. "Record benefit" and "make it a follow-up area" open small
/// forms inside the card: every improvement is to end with its benefit realised and counted.
/// </summary>
public static class ImprovementsCard
{
    public const string MoveVerb = "improvement.move";
    public const string BenefitVerb = "improvement.benefit";
    public const string ReinvestVerb = "improvement.reinvest";
    public const string CloseDeviationVerb = "deviation.close";

    /// <summary>Handled by the feature that keeps follow-up areas, when there is one.</summary>
    public const string FollowUpVerb = "deviation.followup";

    // Each improvement carries its buttons and a hidden benefit form; past about 25 the card nears Teams' size limit
    // and stops being a list anyone reads in chat. The tab shows the rest.
    internal const int MaxShown = 25;

    // The latest improvements whose benefit was realised, for saying what the freed capacity went to.
    internal const int MaxRealisedShown = 5;

    // Each deviation carries a hidden follow-up form; the newest ten are the ones a board is working on.
    internal const int MaxDeviationsShown = 10;

    public static AdaptiveCard Create(Language language, UnitBoardView view, string? notice = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var (unit, improvements) = (view.Unit, view.Improvements);
        var t = ImprovementTexts.For(language);
        var open = improvements.Where(i => i.IsOpen)
            .OrderBy(i => i.Stage switch { ImprovementStage.InProgress => 0, ImprovementStage.Suggested => 1, _ => 2 })
            .ThenByDescending(i => i.CreatedAt)
            .ToList();
        var body = new List<CardElement>
        {
            TextBlock.Heading(t.ListTitle(unit.Name)),
            new TextBlock(t.Counts(
                open.Count(i => i.Stage == ImprovementStage.Suggested),
                open.Count(i => i.Stage == ImprovementStage.InProgress),
                open.Count(i => i.Stage == ImprovementStage.Done))) { IsSubtle = true, Spacing = Spacing.None },
        };
        if (notice is not null)
        {
            body.Add(new Container([new TextBlock(notice)]) { Style = errors is { Count: > 0 } ? ContainerStyle.Attention : ContainerStyle.Emphasis });
        }

        if (open.Count == 0)
        {
            body.Add(new TextBlock(t.NoneOpen));
        }

        foreach (var improvement in open.Take(MaxShown))
        {
            body.Add(Item(language, view, improvement, errors));
        }

        if (open.Count > MaxShown)
        {
            body.Add(new TextBlock(t.More(open.Count - MaxShown)) { IsSubtle = true });
        }

        var realised = improvements.Where(i => i.Stage == ImprovementStage.BenefitRealised)
            .OrderByDescending(i => i.History.LastOrDefault(h => h.To == ImprovementStage.BenefitRealised)?.At ?? i.CreatedAt)
            .Take(MaxRealisedShown)
            .ToList();
        if (realised.Count > 0)
        {
            body.Add(new TextBlock(t.RealisedTitle) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Separator = true, Spacing = Spacing.Large });
            foreach (var improvement in realised)
            {
                body.Add(Item(language, view, improvement, errors));
            }
        }

        var deviations = view.Deviations.Where(d => d.Status == DeviationStatus.Open)
            .OrderByDescending(d => d.ReportedOn).ThenBy(d => d.Text, StringComparer.Ordinal).ToList();
        if (deviations.Count > 0)
        {
            body.Add(new TextBlock(t.DeviationsTitle(deviations.Count)) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Separator = true, Spacing = Spacing.Large });
            foreach (var deviation in deviations.Take(MaxDeviationsShown))
            {
                body.Add(DeviationItem(language, unit, deviation, view.Owners, errors));
            }

            if (deviations.Count > MaxDeviationsShown)
            {
                body.Add(new TextBlock(t.More(deviations.Count - MaxDeviationsShown)) { IsSubtle = true });
            }
        }

        return new AdaptiveCard { Body = body };
    }

    private static Container DeviationItem(Language language, Unit unit, Deviation deviation, IReadOnlyList<FollowUpOwner>? owners, IReadOnlyDictionary<string, string>? errors)
    {
        var t = ImprovementTexts.For(language);
        var data = new JsonObject { ["unitId"] = unit.Id, ["deviationId"] = deviation.Id };
        var items = new List<CardElement>
        {
            new TextBlock(deviation.Text) { Weight = TextWeight.Bolder },
            new TextBlock(t.ReportedOn(deviation.ReportedOn.ToString("d", language.Culture()))) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
        };
        if (errors is not null && errors.TryGetValue(deviation.Id, out var error))
        {
            items.Add(new TextBlock(error) { Color = TextColor.Attention, Size = TextSize.Small });
        }

        var actions = new List<CardAction> { ExecuteAction.WithFallback(t.CloseDeviation, CloseDeviationVerb, data, "none") };
        if (owners is not null)
        {
            actions.Add(new ShowCardAction(t.MakeFollowUp, FollowUpForm(language, deviation, owners, data)));
        }

        items.Add(new ActionSet(actions));
        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }

    private static AdaptiveCard FollowUpForm(Language language, Deviation deviation, IReadOnlyList<FollowUpOwner> owners, JsonObject data)
    {
        var t = ImprovementTexts.For(language);
        var roles = BotTexts.For(language).RoleNames;
        return new AdaptiveCard
        {
            TeamsProperties = null,
            Body =
            [
                new ChoiceSetInput([.. owners.Select(o => new Choice($"{o.Name} ({roles[o.Role]})", o.PersonId))])
                {
                    Id = OwnerInput(deviation.Id), Label = t.FollowUpOwner, Style = "compact", Value = owners.Count > 0 ? owners[0].PersonId : null,
                },
                new TextInput { Id = OtherOwnerInput(deviation.Id), Label = t.FollowUpOtherOwner, MaxLength = InputLimits.PersonId },
                new DateInput { Id = DeadlineInput(deviation.Id), Label = t.FollowUpDeadline, IsRequired = true, ErrorMessage = t.FollowUpDeadlineMissing },
            ],
            Actions = [ExecuteAction.WithFallback(t.CreateFollowUp, FollowUpVerb, data.DeepClone().AsObject(), "auto")],
        };
    }

    // Inputs of every deviation's form live in one card, so their ids carry the deviation's.
    public static string OwnerInput(string deviationId) => $"owner-{deviationId}";

    public static string OtherOwnerInput(string deviationId) => $"ownerEmail-{deviationId}";

    public static string DeadlineInput(string deviationId) => $"deadline-{deviationId}";

    private static Container Item(Language language, UnitBoardView view, Improvement improvement, IReadOnlyDictionary<string, string>? errors)
    {
        var unit = view.Unit;
        var t = ImprovementTexts.For(language);
        var culture = language.Culture();
        var created = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(improvement.CreatedAt, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).DateTime);
        var data = new JsonObject { ["unitId"] = unit.Id, ["improvementId"] = improvement.Id };
        var actions = new List<CardAction>();
        foreach (var next in Improvement.NextStages(improvement.Stage))
        {
            if (next == ImprovementStage.BenefitRealised)
            {
                actions.Add(new ShowCardAction(t.MoveTo[next], BenefitForm(language, improvement, data, [BenefitStage.Realised, BenefitStage.Planned, BenefitStage.Identified])));
                continue;
            }

            var moveData = data.DeepClone().AsObject();
            moveData["to"] = next.ToString();
            actions.Add(ExecuteAction.WithFallback(t.MoveTo[next], MoveVerb, moveData, "none"));
        }

        if (improvement.Stage == ImprovementStage.BenefitRealised)
        {
            actions.Add(new ShowCardAction(t.Reinvest, ReinvestForm(language, improvement, data)));
        }

        if (improvement.Stage is ImprovementStage.Suggested or ImprovementStage.InProgress)
        {
            // Estimated while the work is planned, so that what it was worth can later be held against what it gave.
            actions.Add(new ShowCardAction(t.EstimateBenefit, BenefitForm(language, improvement, data, [BenefitStage.Identified, BenefitStage.Planned])));
        }

        var items = new List<CardElement>
        {
            new ColumnSet(
            [
                new Column([new TextBlock(improvement.Title) { Weight = TextWeight.Bolder }]) { Width = "stretch" },
                new Column([new TextBlock(t.Stages[improvement.Stage]) { Color = StageColour(improvement.Stage), IsSubtle = false }]) { Width = "auto" },
            ]),
            new TextBlock(t.Since(improvement.OwnerName, created.ToString("d", culture))) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
        };
        if (OwnerAndDeadline(language, view, improvement) is { } line)
        {
            items.Add(line);
        }

        if (errors is not null && errors.TryGetValue(improvement.Id, out var error))
        {
            items.Add(new TextBlock(error) { Color = TextColor.Attention, Size = TextSize.Small });
        }

        items.Add(new ActionSet(actions));
        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }

    /// <summary>
    /// Who sees the improvement through and by when, as the tab's board sets them: the owner by their name now (marked when
    /// they have left the organisation, or said to be erased: never their id), and the deadline, marked when it has passed
    /// while the work is still to be done. Null when the board has set neither.
    /// </summary>
    private static TextBlock? OwnerAndDeadline(Language language, UnitBoardView view, Improvement improvement)
    {
        var t = ImprovementTexts.For(language);
        var parts = new List<string>();
        if (improvement.OwnerId is { } ownerId)
        {
            parts.Add(t.Owner(view.ImprovementOwners.GetValueOrDefault(ownerId) switch
            {
                null => t.OwnerErased,
                { Removed: true } person => t.OwnerLeft(person.Name),
                var person => person.Name,
            }));
        }

        var overdue = improvement.DueDate is { } due && view.Today is { } today && due < today
            && improvement.Stage is ImprovementStage.Suggested or ImprovementStage.InProgress;
        if (improvement.DueDate is { } deadline)
        {
            var date = deadline.ToString("d", language.Culture());
            parts.Add(overdue ? t.Overdue(date) : t.Deadline(date));
        }

        return parts.Count == 0
            ? null
            : new TextBlock(string.Join(" · ", parts)) { IsSubtle = !overdue, Color = overdue ? TextColor.Attention : null, Size = TextSize.Small, Spacing = Spacing.None };
    }

    /// <summary>
    /// The benefit form of one improvement, at <paramref name="stages"/> (the first chosen): an estimate and a plan while
    /// the work goes on, the realised figure once it is done. A figure in hours may be typed in årsverk.
    /// </summary>
    private static AdaptiveCard BenefitForm(Language language, Improvement improvement, JsonObject data, IReadOnlyList<BenefitStage> stages)
    {
        var t = ImprovementTexts.For(language);
        var c = CheckInTexts.For(language);
        return new AdaptiveCard
        {
            TeamsProperties = null,
            Body =
            [
                new TextBlock(stages[0] == BenefitStage.Realised ? t.BenefitTitle : t.EstimateTitle) { Weight = TextWeight.Bolder },
                new ChoiceSetInput([.. stages.Select(s => new Choice(t.BenefitStages[s], s.ToString()))])
                {
                    Id = StageInput(improvement.Id), Label = t.StageLabel, Style = "compact", Value = stages[0].ToString(), IsRequired = true, ErrorMessage = t.BenefitIncomplete,
                },
                new ChoiceSetInput([.. Enum.GetValues<BenefitKind>().Select(k => new Choice(c.Kinds[k], k.ToString()))])
                {
                    Id = KindInput(improvement.Id), Label = c.Kind, IsRequired = true, ErrorMessage = t.BenefitIncomplete,
                },
                new NumberInput { Id = AmountInput(improvement.Id), Label = c.Amount, Min = 0, IsRequired = true, ErrorMessage = t.BenefitIncomplete },
                new ChoiceSetInput(
                [
                    .. Enum.GetValues<BenefitMeasure>().Select(m => new Choice(c.Measures[m], m.ToString())),
                    new Choice(t.WorkYears, WorkYearsChoice),
                ])
                {
                    Id = MeasureInput(improvement.Id), Label = c.Measure, IsRequired = true, ErrorMessage = t.BenefitIncomplete,
                },
                new DateInput { Id = PlannedOnInput(improvement.Id), Label = t.PlannedOn },
            ],
            Actions = [ExecuteAction.WithFallback(t.SaveBenefit, BenefitVerb, data.DeepClone().AsObject(), "auto")],
        };
    }

    /// <summary>What the capacity a realised benefit freed went to: the last stage of a benefit, in words.</summary>
    private static AdaptiveCard ReinvestForm(Language language, Improvement improvement, JsonObject data)
    {
        var t = ImprovementTexts.For(language);
        return new AdaptiveCard
        {
            TeamsProperties = null,
            Body =
            [
                new TextInput
                {
                    Id = ReinvestInput(improvement.Id), Label = t.ReinvestLabel, IsMultiline = true, MaxLength = Benefit.MaxReinvestedLength, IsRequired = true,
                    ErrorMessage = t.ReinvestMissing(Benefit.MaxReinvestedLength),
                },
            ],
            Actions = [ExecuteAction.WithFallback(t.SaveBenefit, ReinvestVerb, data.DeepClone().AsObject(), "auto")],
        };
    }

    internal static string ReinvestInput(string improvementId) => $"reinvested-{improvementId}";

    /// <summary>The measure choice for a figure typed in årsverk; it is stored in hours.</summary>
    internal const string WorkYearsChoice = "WorkYears";

    private static TextColor StageColour(ImprovementStage stage) => stage switch
    {
        ImprovementStage.InProgress => TextColor.Accent,
        ImprovementStage.Done => TextColor.Good,
        _ => TextColor.Default,
    };

    // Inputs of every improvement's form live in one card, so their ids carry the improvement's.
    internal static string KindInput(string improvementId) => $"kind-{improvementId}";

    internal static string AmountInput(string improvementId) => $"amount-{improvementId}";

    internal static string MeasureInput(string improvementId) => $"measure-{improvementId}";

    internal static string StageInput(string improvementId) => $"stage-{improvementId}";

    internal static string PlannedOnInput(string improvementId) => $"plannedOn-{improvementId}";

    /// <summary>
    /// Reads the benefit form of one improvement; null with the reason, naming the field, when it is incomplete or out of
    /// bounds. A form without a stage (a card sent before benefits had stages) records the realised figure. A figure in
    /// årsverk comes back in hours, by <paramref name="hoursPerWorkYear"/>.
    /// </summary>
    public static BenefitFigures? ReadBenefit(JsonObject data, string improvementId, Language language, decimal hoursPerWorkYear, out string? error)
    {
        ArgumentNullException.ThrowIfNull(data);
        var t = ImprovementTexts.For(language);
        var c = CheckInTexts.For(language);
        var kindText = data[KindInput(improvementId)]?.ToString();
        var measureText = data[MeasureInput(improvementId)]?.ToString();
        var amountText = data[AmountInput(improvementId)]?.ToString();
        var stageText = data[StageInput(improvementId)]?.ToString();
        var inWorkYears = measureText == WorkYearsChoice;
        var measure = BenefitMeasure.Hours;
        var stage = BenefitStage.Realised;
        if (!(Enum.TryParse<BenefitKind>(kindText, out var kind) && Enum.IsDefined(kind) && !char.IsAsciiDigit(kindText![0]))
            || !(inWorkYears || (Enum.TryParse(measureText, out measure) && Enum.IsDefined(measure) && !char.IsAsciiDigit(measureText![0])))
            || string.IsNullOrWhiteSpace(amountText)
            || !(stageText is null || (Enum.TryParse(stageText, out stage) && stage is BenefitStage.Identified or BenefitStage.Planned or BenefitStage.Realised && !char.IsAsciiDigit(stageText[0]))))
        {
            error = t.BenefitIncomplete;
            return null;
        }

        DateOnly? plannedOn = DateOnly.TryParseExact(data[PlannedOnInput(improvementId)]?.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        if (stage == BenefitStage.Planned && plannedOn is null)
        {
            error = t.PlannedOnMissing;
            return null;
        }

        var problem = InputLimits.TryReadAmount(amountText, measure, out var amount);
        if (problem == AmountProblem.None && inWorkYears)
        {
            amount = WorkYears.ToHours(amount, hoursPerWorkYear);
            problem = InputLimits.IsValid(BenefitMeasure.Hours, amount) ? AmountProblem.None : AmountProblem.OutOfRange;
        }

        switch (problem)
        {
            case AmountProblem.NotANumber:
                error = c.Field(c.Amount, c.AmountNotANumber);
                return null;
            case AmountProblem.OutOfRange:
                error = c.Field(c.Amount, CheckInCard.AmountRange(language, measure));
                return null;
            default:
                error = null;
                return new BenefitFigures(kind, amount, measure, stage, plannedOn);
        }
    }
}

/// <summary>A benefit form as read: the figure of one stage, in the measure it is stored in.</summary>
public sealed record BenefitFigures(BenefitKind Kind, decimal Amount, BenefitMeasure Measure, BenefitStage Stage, DateOnly? PlannedOn);
