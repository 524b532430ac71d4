namespace LeanTeamsApp.Features.Board;

/// <summary>
/// Hours and årsverk (årsarbeten, full-time equivalents) by an organisation's hours per årsverk. Benefits are stored in
/// hours, the measure people count saved time in at the board; årsverk is how the municipality reports them upwards.
/// </summary>
public static class WorkYears
{
    /// <summary>Two decimals: one hundredth of an årsverk is some 17 hours, finer than any estimate a board makes.</summary>
    public static decimal FromHours(decimal hours, decimal hoursPerWorkYear) =>
        hoursPerWorkYear <= 0 ? 0 : decimal.Round(hours / hoursPerWorkYear, 2, MidpointRounding.AwayFromZero);

    /// <summary>Whole hours and halves are what a board writes; an årsverk figure converted keeps one decimal of hours.</summary>
    public static decimal ToHours(decimal workYears, decimal hoursPerWorkYear) =>
        decimal.Round(workYears * hoursPerWorkYear, 1, MidpointRounding.AwayFromZero);
}
