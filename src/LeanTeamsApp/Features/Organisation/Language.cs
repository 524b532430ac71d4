namespace LeanTeamsApp.Features.Organisation;

public enum Language
{
    /// <summary>Norwegian bokmål; also the answer to nynorsk and plain "no", whose users read bokmål.</summary>
    Nb,
    Sv,
    En,
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
            "nb" or "nn" or "no" => Language.Nb,
            "sv" => Language.Sv,
            "en" => Language.En,
            _ => Default,
        };
    }

    public static System.Globalization.CultureInfo Culture(this Language language) => language switch
    {
        Language.Sv => System.Globalization.CultureInfo.GetCultureInfo("sv-SE"),
        Language.En => System.Globalization.CultureInfo.GetCultureInfo("en-GB"),
        _ => System.Globalization.CultureInfo.GetCultureInfo("nb-NO"),
    };
}
