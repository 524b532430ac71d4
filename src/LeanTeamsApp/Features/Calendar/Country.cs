namespace LeanTeamsApp.Features.Calendar;

/// <summary>A country whose public holidays the app knows.</summary>
public enum Country
{
    Norway,
    Sweden,
}

public static class Countries
{
    /// <summary>
    /// The country whose holidays apply to a unit in the IANA time zone <paramref name="timeZoneId"/>, or null
    /// when the app knows no holidays for that zone (any zone other than Europe/Oslo, Europe/Stockholm and
    /// Arctic/Longyearbyen). Callers decide what null means; a scheduler should fall back to weekdays only
    /// rather than guess another country's holidays.
    /// </summary>
    /// <remarks>
    /// A time zone is the only place-bound fact a unit carries. Europe/Oslo and Europe/Stockholm share an offset,
    /// so the id, not the offset, decides. Svalbard (Arctic/Longyearbyen) is Norwegian and keeps Norwegian holidays.
    /// </remarks>
    public static Country? FromTimeZone(string timeZoneId) => timeZoneId switch
    {
        "Europe/Oslo" or "Arctic/Longyearbyen" => Country.Norway,
        "Europe/Stockholm" => Country.Sweden,
        _ => null,
    };
}
