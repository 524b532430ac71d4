namespace LeanTeamsApp.Features.Organisation;

public enum Language
{
    /// <summary>Norwegian bokmål; also the answer to plain "no", which Teams sends for bokmål users.</summary>
    Nb,
    Sv,
    En,

    /// <summary>Norwegian nynorsk, the official written language of about a quarter of Norway's municipalities.</summary>
    Nn,
}

public static class Languages
{
    public const Language Default = Language.Nb;

    /// <summary>Maps a Teams locale (nb-NO, nn-NO, sv-SE, sv-FI, en-GB, ...) to a language we answer in.</summary>
    public static Language FromLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return Default;
        }

        var tag = locale.Split('-', '_')[0].ToLowerInvariant();
        return tag switch
        {
            "nb" or "no" => Language.Nb,
            "nn" => Language.Nn,
            "sv" => Language.Sv,
            "en" => Language.En,
            _ => Default,
        };
    }

    /// <summary>The language a request asks for first (its Accept-Language header, by quality), as <see cref="FromLocale"/> maps it.</summary>
    public static Language FromAcceptLanguage(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return FromLocale(request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault()?.Value.Value);
    }

    public static System.Globalization.CultureInfo Culture(this Language language) => language switch
    {
        Language.Sv => System.Globalization.CultureInfo.GetCultureInfo("sv-SE"),
        Language.En => System.Globalization.CultureInfo.GetCultureInfo("en-GB"),
        Language.Nn => System.Globalization.CultureInfo.GetCultureInfo("nn-NO"),
        _ => System.Globalization.CultureInfo.GetCultureInfo("nb-NO"),
    };

    /// <summary>
    /// A weekday and date as the language writes it: Norwegian puts a full stop after the day ("onsdag 16. desember"),
    /// Swedish and English do not ("onsdag 16 december", "Wednesday 16 December").
    /// </summary>
    public static string DayAndMonth(this Language language, DateTime date) =>
        date.ToString(language is Language.Sv or Language.En ? "dddd d MMMM" : "dddd d. MMMM", language.Culture());

    /// <summary>A weekday's name in the language ("tirsdag", "tysdag", "tisdag", "Tuesday").</summary>
    public static string DayName(this Language language, DayOfWeek day) => language.Culture().DateTimeFormat.GetDayName(day);
}
