using System.Globalization;

namespace LeanTeamsApp.Features.Board;

/// <summary>
/// The range a benefit amount may take in one measure: above <see cref="Min"/> (or from it, for a count), at most
/// <see cref="Max"/>, with at most <see cref="Decimals"/> decimals.
/// </summary>
public sealed record AmountRange(decimal Min, decimal Max, int Decimals)
{
    /// <summary>A count (places) starts at 1; a figure in hours, kroner or days is anything above 0.</summary>
    public bool Whole => Decimals == 0;

    public bool Contains(decimal amount) =>
        (Whole ? amount >= Min : amount > Min) && amount <= Max && decimal.Round(amount, Decimals) == amount;
}

/// <summary>Why a benefit amount was refused: no number at all, or one outside its measure's range.</summary>
public enum AmountProblem
{
    None,
    NotANumber,
    OutOfRange,
}

/// <summary>
/// The one place that says how large what people type may be, used by the check-in card, the improvements card and
/// its command, and the tab. Text limits keep every record far below Table Storage's 32K characters per property
/// (a check-in is stored as one JSON property, so the card's fields are bounded together, see
/// <see cref="StoredCheckInChars"/>). Benefit ranges are per measure and per record (one check-in's or one improvement's
/// benefit in one unit): generous for a municipal unit, and small enough that no sum of them can overflow.
/// </summary>
public static class InputLimits
{
    public const int ImprovementTitle = 200;

    public const int DeviationText = 200;

    /// <summary>New improvements, or new deviations, one per line on one check-in.</summary>
    public const int LinesPerCheckIn = 20;

    public const int Note = 1000;

    public const int HelpNeeded = 500;

    public const int Attendance = 500;

    /// <summary>An e-mail address (RFC 5321's 254), the form person ids take.</summary>
    public const int PersonId = Organisation.Person.MaxIdLength;

    /// <summary>
    /// A check-in as stored (one JSON property): under Table Storage's 32 768 characters with room to spare for the
    /// columns beside it. The fields' own limits keep ordinary text well below it; escaped characters can push it up.
    /// </summary>
    public const int StoredCheckInChars = 30_000;

    /// <summary>
    /// A unit's stored weekly or yearly sum can be this many times the largest single amount of its measure at most:
    /// no unit realises ten thousand benefits at the maximum in a year. A stored sum beyond it was counted from figures
    /// stored before the bounds, and is left out like such a figure.
    /// </summary>
    public const int MaxRecordsInASum = 10_000;

    /// <summary>
    /// Hours: up to 100 000 (some 60 full-time equivalents for a year). Kroner (NOK, SEK): up to 100 million. Days of lead
    /// time: up to ten years. Places freed: a whole number from 1 to 10 000. All but places with at most two decimals.
    /// </summary>
    public static AmountRange Benefit(BenefitMeasure measure) => measure switch
    {
        BenefitMeasure.Hours => new(0m, 100_000m, 2),
        BenefitMeasure.Nok or BenefitMeasure.Sek => new(0m, 100_000_000m, 2),
        BenefitMeasure.DaysOfLeadTime => new(0m, 3_650m, 2),
        BenefitMeasure.PlacesFreed => new(1m, 10_000m, 0),
        _ => new(0m, 0m, 0),
    };

    /// <summary>
    /// Reads an amount as a card's number input or the tab sends it: a plain decimal number with a point. No exponent, no
    /// NaN or infinity, and no comma, which could be a decimal sign (12,5) or a thousands separator (1,000).
    /// </summary>
    public static AmountProblem TryReadAmount(string? text, BenefitMeasure measure, out decimal amount)
    {
        amount = 0;
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length is 0 or > 40
            || !decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            return AmountProblem.NotANumber;
        }

        amount = parsed;
        return IsValid(measure, parsed) ? AmountProblem.None : AmountProblem.OutOfRange;
    }

    public static bool IsValid(BenefitMeasure measure, decimal amount) => Enum.IsDefined(measure) && Benefit(measure).Contains(amount);

    /// <summary>
    /// Whether a stored benefit can be counted: a known kind and measure and an amount in range. One that is not was
    /// stored before these bounds (or written by hand); it is left out of every sum and flagged for correction.
    /// </summary>
    public static bool IsCountable(Benefit benefit)
    {
        ArgumentNullException.ThrowIfNull(benefit);
        return benefit.UnreadableAmount is null && Enum.IsDefined(benefit.Kind) && Enum.IsDefined(benefit.Measure)
            && (!benefit.IsRealised || IsValid(benefit.Measure, benefit.Amount))
            && (benefit.Identified is not { } identified || IsValid(benefit.Measure, identified))
            && (benefit.Planned is not { } planned || IsValid(benefit.Measure, planned));
    }

    /// <summary>Whether a stored sum (a unit's week or year) is one that countable benefits can add up to.</summary>
    public static bool IsCountableSum(BenefitKind kind, BenefitMeasure measure, decimal amount) =>
        Enum.IsDefined(kind) && Enum.IsDefined(measure) && amount >= 0 && amount <= Benefit(measure).Max * MaxRecordsInASum;

    /// <summary>
    /// Adds amounts that are each countable (so no overflow is possible in practice); should a stored figure still be
    /// out of all proportion, the sum stops at decimal's largest value rather than throwing.
    /// </summary>
    public static decimal Sum(IEnumerable<decimal> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = 0m;
        foreach (var amount in amounts)
        {
            total = amount > 0 && total > decimal.MaxValue - amount ? decimal.MaxValue
                : amount < 0 && total < decimal.MinValue - amount ? decimal.MinValue
                : total + amount;
        }

        return total;
    }
}
