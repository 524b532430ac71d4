using LeanTeamsApp.Features.Calendar;

namespace LeanTeamsApp.Features.Organisation;

/// <summary>
/// The language the app writes in where no reader's Teams language is known: a unit's check-in prompt in its channel,
/// reminders, calendar events, the forum's digest and the report files. Swedish where the time zone is Swedish,
/// otherwise Norwegian bokmål.
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
        return OfTimeZone(organisation.DefaultTimeZone);
    }

    public static Language OfTimeZone(string? timeZone) =>
        timeZone is not null && Countries.FromTimeZone(timeZone) == Country.Sweden ? Language.Sv : Language.Nb;
}
