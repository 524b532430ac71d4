using System.Globalization;

namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>Weekday names as coordinators write them: English, Norwegian bokmål and nynorsk, Swedish, or ISO 1-7.</summary>
public static class Weekdays
{
    private static readonly Dictionary<string, DayOfWeek> Names = Build();

    public static bool TryParse(string? text, out DayOfWeek day)
    {
        day = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var key = text.Trim().ToLowerInvariant();
        if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var iso) && iso is >= 1 and <= 7)
        {
            day = (DayOfWeek)(iso % 7);
            return true;
        }

        return Names.TryGetValue(key, out day);
    }

    private static Dictionary<string, DayOfWeek> Build()
    {
        var names = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
        void Add(DayOfWeek day, params string[] words)
        {
            foreach (var word in words)
            {
                names[word] = day;
            }
        }

        Add(DayOfWeek.Monday, "monday", "mon", "mandag", "man", "måndag", "mån", "måndag");
        Add(DayOfWeek.Tuesday, "tuesday", "tue", "tirsdag", "tir", "tysdag", "tys", "tisdag", "tis");
        Add(DayOfWeek.Wednesday, "wednesday", "wed", "onsdag", "ons");
        Add(DayOfWeek.Thursday, "thursday", "thu", "torsdag", "tor", "tors");
        Add(DayOfWeek.Friday, "friday", "fri", "fredag", "fre");
        Add(DayOfWeek.Saturday, "saturday", "sat", "lørdag", "lør", "laurdag", "lördag", "lör");
        Add(DayOfWeek.Sunday, "sunday", "sun", "søndag", "søn", "sundag", "söndag", "sön");
        return names;
    }
}
