namespace LeanTeamsApp.Features.Board;

/// <summary>The figures of one benefit stage in one kind and measure, summed.</summary>
public sealed record StageSum(BenefitStage Stage, BenefitKind Kind, BenefitMeasure Measure, decimal Amount)
{
    /// <summary>
    /// What <paramref name="benefits"/> count in the period from <paramref name="from"/> to <paramref name="until"/>, per
    /// stage: an estimate on the day it was made, a plan in the period it is planned to be realised by, a realised
    /// figure on the day it was realised and a reinvested one on the day its reinvestment was recorded. Each record
    /// counts once per stage; a figure out of bounds is left out (<see cref="InputLimits.IsCountable"/>).
    /// </summary>
    public static IReadOnlyList<StageSum> Of(IEnumerable<Benefit> benefits, DateOnly from, DateOnly until) =>
        Sum(Figures(benefits).Where(f => f.On >= from && f.On <= until).Select(f => f.Sum));

    /// <summary>
    /// The figures <paramref name="benefits"/> count, each on the day it counts, by the rules of <see cref="Of"/>: what a
    /// read model keeps of the records must be these, so that its sums are the records' sums.
    /// </summary>
    public static IEnumerable<StageFigure> Figures(IEnumerable<Benefit> benefits)
    {
        ArgumentNullException.ThrowIfNull(benefits);
        foreach (var b in benefits.Where(InputLimits.IsCountable))
        {
            if (b.Identified is { } identified && b.IdentifiedOn is { } identifiedOn)
            {
                yield return new(new(BenefitStage.Identified, b.Kind, b.Measure, identified), identifiedOn);
            }

            if (b.Planned is { } planned && b.PlannedOn is { } plannedOn)
            {
                yield return new(new(BenefitStage.Planned, b.Kind, b.Measure, planned), plannedOn);
            }

            if (b.IsRealised)
            {
                yield return new(new(BenefitStage.Realised, b.Kind, b.Measure, b.Amount), b.RealisedOn);
            }

            if (b.Stage == BenefitStage.Reinvested && b.ReinvestedOn is { } reinvestedOn)
            {
                yield return new(new(BenefitStage.Reinvested, b.Kind, b.Measure, b.Amount), reinvestedOn);
            }
        }
    }

    public static IReadOnlyList<StageSum> Sum(IEnumerable<StageSum> sums)
    {
        ArgumentNullException.ThrowIfNull(sums);
        return [.. sums.GroupBy(s => (s.Stage, s.Kind, s.Measure)).OrderBy(g => g.Key)
            .Select(g => new StageSum(g.Key.Stage, g.Key.Kind, g.Key.Measure, InputLimits.Sum(g.Select(s => s.Amount))))];
    }
}

/// <summary>One record's figure at one stage, on the day it counts there (<see cref="StageSum.Figures"/>).</summary>
public sealed record StageFigure(StageSum Sum, DateOnly On);
