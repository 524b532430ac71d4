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
    public static IReadOnlyList<StageSum> Of(IEnumerable<Benefit> benefits, DateOnly from, DateOnly until)
    {
        ArgumentNullException.ThrowIfNull(benefits);
        bool In(DateOnly? date) => date is { } d && d >= from && d <= until;
        var figures = new List<StageSum>();
        foreach (var b in benefits.Where(InputLimits.IsCountable))
        {
            if (b.Identified is { } identified && In(b.IdentifiedOn))
            {
                figures.Add(new(BenefitStage.Identified, b.Kind, b.Measure, identified));
            }

            if (b.Planned is { } planned && In(b.PlannedOn))
            {
                figures.Add(new(BenefitStage.Planned, b.Kind, b.Measure, planned));
            }

            if (b.IsRealised && In(b.RealisedOn))
            {
                figures.Add(new(BenefitStage.Realised, b.Kind, b.Measure, b.Amount));
            }

            if (b.Stage == BenefitStage.Reinvested && In(b.ReinvestedOn))
            {
                figures.Add(new(BenefitStage.Reinvested, b.Kind, b.Measure, b.Amount));
            }
        }

        return Sum(figures);
    }

    public static IReadOnlyList<StageSum> Sum(IEnumerable<StageSum> sums)
    {
        ArgumentNullException.ThrowIfNull(sums);
        return [.. sums.GroupBy(s => (s.Stage, s.Kind, s.Measure)).OrderBy(g => g.Key)
            .Select(g => new StageSum(g.Key.Stage, g.Key.Kind, g.Key.Measure, InputLimits.Sum(g.Select(s => s.Amount))))];
    }
}
