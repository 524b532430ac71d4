using System.ComponentModel.DataAnnotations;

namespace LeanTeamsApp.Features.Privacy;

public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// Years check-ins and their audit trail are kept when the organisation has not set its own (README, "Personal
    /// data"): long enough for the yearly report, a following audit and a four-year plan period.
    /// </summary>
    [Range(RetentionYears.Min, RetentionYears.Max)]
    public int DefaultRetentionYears { get; set; } = 5;

    /// <summary>How often the retention scheduler looks; it deletes at most once a day per organisation.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Off only in tests, whose fake clocks run years ahead in an Azurite other tests share.</summary>
    public bool RetentionEnabled { get; set; } = true;

    public TimeSpan RetentionLease { get; set; } = TimeSpan.FromMinutes(10);
}

public static class RetentionYears
{
    public const int Min = 1;

    public const int Max = 30;
}
