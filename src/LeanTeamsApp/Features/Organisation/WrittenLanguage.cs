using LeanTeamsApp.Features.Calendar;

namespace LeanTeamsApp.Features.Organisation;

/// <summary>
/// The language the app writes in where no reader's Teams language is known: a unit's check-in prompt in its channel,
/// reminders, calendar events, the forum's digest and the report files. The organisation's own choice when it made one
/// (nynorsk, say); otherwise Swedish where the time zone is Swedish, and Norwegian bokmål elsewhere.
/// </summary>
public static class WrittenLanguage
{
    public static Language Of(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return OfTimeZone(unit.TimeZone);
    }

    public static Language Of(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return organisation.WrittenLanguage ?? OfTimeZone(organisation.DefaultTimeZone);
    }

    /// <summary>What the app writes about <paramref name="unit"/>: the organisation's choice, else the unit's time zone.</summary>
    public static Language Of(Organisation? organisation, Unit unit) => organisation?.WrittenLanguage ?? Of(unit);

    /// <summary>The codes the organisation file takes for <see cref="Organisation.WrittenLanguage"/>.</summary>
    public static readonly IReadOnlyDictionary<string, Language> Codes = new Dictionary<string, Language>(StringComparer.OrdinalIgnoreCase)
    {
        ["nb"] = Language.Nb,
        ["nn"] = Language.Nn,
        ["sv"] = Language.Sv,
    };

    public static string Code(Language language) => Codes.First(c => c.Value == language).Key;

    public static Language OfTimeZone(string? timeZone) =>
        timeZone is not null && Countries.FromTimeZone(timeZone) == Country.Sweden ? Language.Sv : Language.Nb;
}
