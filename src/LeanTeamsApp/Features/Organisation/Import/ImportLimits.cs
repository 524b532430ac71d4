namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>
/// What an import file may hold. Checked before and while parsing, so that a hostile or broken file costs a bounded
/// amount of time and memory and is refused with a line and a field rather than by running out of either.
/// </summary>
public static class ImportLimits
{
    /// <summary>
    /// 32 MiB: a 50,000-unit organisation written out in full is about 20 MB. Refused before anything is parsed.
    /// </summary>
    public const int MaxFileBytes = 32 * 1024 * 1024;

    public const int MaxUnits = 50_000;

    /// <summary>Leaders, unit coordinators, consultants and members with a home unit.</summary>
    public const int MaxPeople = 200_000;

    public const int MaxServiceAreas = 1_000;

    /// <summary>The periods are stored as JSON in the organisation's one row; 50 keep it far below a property's 32K characters.</summary>
    public const int MaxHolidayPeriods = 50;

    /// <summary>The deepest a valid file goes is 5 (the file, units, a unit, its goals, a goal); a little room for a typo.</summary>
    public const int MaxNestingDepth = 8;

    /// <summary>Any one value. Every field has a smaller maximum of its own; this bounds what the reader keeps at all.</summary>
    public const int MaxValueLength = 1_000;

    /// <summary>Names of the organisation, service areas, units, people, holiday periods and channels.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The longest e-mail address RFC 5321 allows.</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Teams team and channel ids ("19:...@thread.tacv2") are well below this.</summary>
    public const int MaxChannelIdLength = 256;

    /// <summary>After this many errors a file is plainly the wrong one: listing more helps nobody.</summary>
    public const int MaxErrors = 100;
}
