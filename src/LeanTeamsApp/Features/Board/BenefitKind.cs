namespace LeanTeamsApp.Features.Board;

/// <summary>What a benefit is counted as; the seeds ask that every improvement's benefit be named in such terms.</summary>
public enum BenefitKind
{
    TimeSaved,
    Money,
    Quality,
    LeadTime,
    CapacityFreed,
    UserSatisfaction,
}

/// <summary>The unit a benefit is counted in: hours and money are what Norwegian and Swedish municipalities report.</summary>
public enum BenefitMeasure
{
    Hours,
    Nok,
    Sek,
    DaysOfLeadTime,
    PlacesFreed,
}
