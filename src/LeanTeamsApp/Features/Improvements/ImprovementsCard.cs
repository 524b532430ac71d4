using System.Globalization;
using System.Text.Json.Nodes;
using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.Features.Improvements;

/// <summary>
/// A unit's open improvements with a button per next step of the lifecycle, as a board moves its notes. "Record
/// benefit" opens a small form inside the card: every improvement is to end with its benefit realised and counted.
/// </summary>
public static class ImprovementsCard
{
    public const string MoveVerb = "improvement.move";
    public const string BenefitVerb = "improvement.benefit";

    // Each improvement carries its buttons and a hidden benefit form; past about 25 the card nears Teams' size limit
    // and stops being a list anyone reads in chat. The tab shows the rest.
    internal const int MaxShown = 25;

    public static AdaptiveCard Create(Language language, Unit unit, IReadOnlyList<Improvement> improvements, string? notice = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(improvements);
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
            body.Add(Item(language, unit, improvement, errors));
        }

        if (open.Count > MaxShown)
        {
            body.Add(new TextBlock(t.More(open.Count - MaxShown)) { IsSubtle = true });
        }

        return new AdaptiveCard { Body = body };
    }

    private static Container Item(Language language, Unit unit, Improvement improvement, IReadOnlyDictionary<string, string>? errors)
    {
        var t = ImprovementTexts.For(language);
        var culture = language.Culture();
        var created = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(improvement.CreatedAt, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).DateTime);
        var data = new JsonObject { ["unitId"] = unit.Id, ["improvementId"] = improvement.Id };
        var actions = new List<CardAction>();
        foreach (var next in Improvement.NextStages(improvement.Stage))
        {
            if (next == ImprovementStage.BenefitRealised)
            {
                actions.Add(new ShowCardAction(t.MoveTo[next], BenefitForm(language, unit, improvement, data)));
                continue;
            }

            var moveData = data.DeepClone().AsObject();
            moveData["to"] = next.ToString();
            actions.Add(ExecuteAction.WithFallback(t.MoveTo[next], MoveVerb, moveData, "none"));
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
        if (errors is not null && errors.TryGetValue(improvement.Id, out var error))
        {
            items.Add(new TextBlock(error) { Color = TextColor.Attention, Size = TextSize.Small });
        }

        items.Add(new ActionSet(actions));
        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }

    private static AdaptiveCard BenefitForm(Language language, Unit unit, Improvement improvement, JsonObject data)
    {
        var t = ImprovementTexts.For(language);
        var c = CheckInTexts.For(language);
        return new AdaptiveCard
        {
            TeamsProperties = null,
            Body =
            [
                new TextBlock(t.BenefitTitle) { Weight = TextWeight.Bolder },
                new ChoiceSetInput([.. Enum.GetValues<BenefitKind>().Select(k => new Choice(c.Kinds[k], k.ToString()))])
                {
                    Id = KindInput(improvement.Id), Label = c.Kind, IsRequired = true, ErrorMessage = t.BenefitIncomplete,
                },
                new NumberInput { Id = AmountInput(improvement.Id), Label = c.Amount, Min = 0, IsRequired = true, ErrorMessage = t.BenefitIncomplete },
                new ChoiceSetInput([.. Enum.GetValues<BenefitMeasure>().Select(m => new Choice(c.Measures[m], m.ToString()))])
                {
                    Id = MeasureInput(improvement.Id), Label = c.Measure, IsRequired = true, ErrorMessage = t.BenefitIncomplete,
                },
            ],
            Actions = [ExecuteAction.WithFallback(t.SaveBenefit, BenefitVerb, data.DeepClone().AsObject(), "auto")],
        };
    }

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

    /// <summary>Reads the benefit form of one improvement; null when it is incomplete.</summary>
    public static (BenefitKind Kind, decimal Amount, BenefitMeasure Measure)? ReadBenefit(JsonObject data, string improvementId)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Enum.TryParse<BenefitKind>(data[KindInput(improvementId)]?.ToString(), out var kind) && Enum.IsDefined(kind)
            && decimal.TryParse(data[AmountInput(improvementId)]?.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount > 0
            && Enum.TryParse<BenefitMeasure>(data[MeasureInput(improvementId)]?.ToString(), out var measure) && Enum.IsDefined(measure)
                ? (kind, amount, measure)
                : null;
    }
}
