namespace LeanTeamsApp.Features.Calendar;

public enum HolidayKind
{
    /// <summary>A public holiday by law: helligdag or høytidsdag in Norway, allmän helgdag in Sweden.</summary>
    Official,

    /// <summary>
    /// Not a holiday by law, but a day on which almost all public offices are closed, so nobody should be asked to
    /// hold or report a board meeting (Sweden: Midsommarafton, Julafton, Nyårsafton).
    /// </summary>
    DeFactoDayOff,
}

/// <param name="Name">The English name, for logs and English-language users.</param>
/// <param name="LocalName">The name in the country's language, as users know it.</param>
public sealed record PublicHoliday(DateOnly Date, string Name, string LocalName, HolidayKind Kind);
