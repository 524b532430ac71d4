using System.Globalization;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.Features.Calendar;

/// <summary>An ISO week ("uke 37" / "vecka 37"), the period people count board meetings in.</summary>
public readonly record struct IsoWeek(int Year, int Week) : IComparable<IsoWeek>
{
    public static IsoWeek Of(DateOnly date) =>
        new(ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)));

    [JsonIgnore]
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    [JsonIgnore]
    public IsoWeek Previous => Of(Monday.AddDays(-7));

    [JsonIgnore]
    public IsoWeek Next => Of(Monday.AddDays(7));

    public int CompareTo(IsoWeek other) => (Year, Week).CompareTo((other.Year, other.Week));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");

    /// <summary>Reads what <see cref="ToString"/> wrote: 2026-W07.</summary>
    public static IsoWeek Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split("-W");
        return new IsoWeek(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public static bool operator <(IsoWeek left, IsoWeek right) => left.CompareTo(right) < 0;

    public static bool operator >(IsoWeek left, IsoWeek right) => left.CompareTo(right) > 0;

    public static bool operator <=(IsoWeek left, IsoWeek right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IsoWeek left, IsoWeek right) => left.CompareTo(right) >= 0;
}
