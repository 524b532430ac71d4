using System.Globalization;
using System.Text.RegularExpressions;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Infrastructure.Privacy;

/// <summary>The kinds of personal data the screen finds; the number itself is never kept, shown or logged.</summary>
public enum PersonalData
{
    None,

    /// <summary>A Norwegian fødselsnummer, or a test number shaped like one (H-number, month +40; synthetic, month +80).</summary>
    NorwegianBirthNumber,

    /// <summary>A Norwegian D-number: a fødselsnummer whose day is raised by 40.</summary>
    NorwegianDNumber,

    SwedishPersonalNumber,

    /// <summary>A Swedish samordningsnummer: a personnummer whose day is raised by 60.</summary>
    SwedishCoordinationNumber,

    EmailAddress,

    PhoneNumber,
}

/// <summary>
/// Keeps personal data out of free text before it is stored. A unit's board is shared in Teams, and a health unit's
/// "new deviations" invites patient details: national identity numbers are refused in every free text, and in a
/// deviation's text e-mail addresses and phone numbers as well (they name the person a deviation is about; elsewhere
/// an owner's address is ordinary). A number counts only when its checksum and date hold, so order numbers, case
/// numbers, dates and amounts pass.
/// </summary>
public static partial class FreeTextScreen
{
    /// <summary>The first national identity number in <paramref name="text"/>, or <see cref="PersonalData.None"/>.</summary>
    public static PersonalData Find(string? text) => string.IsNullOrEmpty(text) ? PersonalData.None : IdentityNumber(text);

    /// <summary>As <see cref="Find"/>, and e-mail addresses and phone numbers too: what a deviation's text is held to.</summary>
    public static PersonalData FindInDeviation(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return PersonalData.None;
        }

        var found = IdentityNumber(text);
        return found != PersonalData.None ? found
            : EmailAddress().IsMatch(text) ? PersonalData.EmailAddress
            : HasPhoneNumber(text) ? PersonalData.PhoneNumber
            : PersonalData.None;
    }

    /// <summary>
    /// Why <paramref name="text"/> cannot be stored, in <paramref name="language"/>, or null when it can. The refusal
    /// names the kind of data found, never the data.
    /// </summary>
    public static string? Refusal(Language language, string? text, bool deviation = false) =>
        (deviation ? FindInDeviation(text) : Find(text)) is var found and not PersonalData.None ? PrivacyTexts.For(language).Refusal(found) : null;

    private static PersonalData IdentityNumber(string text)
    {
        foreach (Match run in DigitGroups().Matches(text))
        {
            var groups = run.Value.Split(Separators);
            // People write an identity number whole or split where its date ends ("010190 12345", "19900101-1234"),
            // sometimes with the date itself split ("01.01.90 12345"): any run of groups whose digits make 10 to 12
            // is tried, as long as the date part ends at a group's end.
            for (var first = 0; first < groups.Length; first++)
            {
                var digits = "";
                var ends = new List<int>();
                for (var last = first; last < groups.Length && digits.Length + groups[last].Length <= 12; last++)
                {
                    digits += groups[last];
                    ends.Add(digits.Length);
                    var kind = digits.Length switch
                    {
                        11 when Splits(ends, 6) => Norwegian(digits),
                        10 when Splits(ends, 6) => Swedish(digits, digits[..2]),
                        12 when Splits(ends, 8) => Swedish(digits[2..], digits[..4]),
                        _ => PersonalData.None,
                    };
                    if (kind != PersonalData.None)
                    {
                        return kind;
                    }
                }
            }
        }

        return PersonalData.None;
    }

    private static readonly char[] Separators = [' ', '\u00A0', '-', '+', '.'];

    /// <summary>Whole, or with a group ending where the date part does.</summary>
    private static bool Splits(List<int> ends, int dateLength) => ends.Count == 1 || ends.Contains(dateLength);

    private static readonly int[] FirstControlWeights = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    private static readonly int[] SecondControlWeights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>DDMMYY, a three-digit individual number and two mod-11 control digits (Skatteetaten's rule).</summary>
    private static PersonalData Norwegian(string d)
    {
        if (Control(d, FirstControlWeights) != d[9] - '0' || Control(d, SecondControlWeights) != d[10] - '0')
        {
            return PersonalData.None;
        }

        var day = Number(d, 0);
        var month = Number(d, 2);
        // Test numbers raise the month: by 40 (H-numbers, Helse) or 80 (the synthetic numbers of Skatteetaten's Tenor).
        month = month > 80 ? month - 80 : month > 40 ? month - 40 : month;
        var dNumber = day > 40;
        return ValidDate(d[4..6], month, dNumber ? day - 40 : day)
            ? dNumber ? PersonalData.NorwegianDNumber : PersonalData.NorwegianBirthNumber
            : PersonalData.None;
    }

    /// <summary>The control digit the weights give, or -1 when the rest is 1 (no control digit fits: not a number).</summary>
    private static int Control(string d, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (d[i] - '0') * weights[i];
        }

        var control = 11 - (sum % 11);
        return control == 11 ? 0 : control == 10 ? -1 : control;
    }

    /// <summary>YYMMDDNNNN with the Luhn check over those ten digits; <paramref name="year"/> as written (two or four digits).</summary>
    private static PersonalData Swedish(string d, string year)
    {
        if (!Luhn(d))
        {
            return PersonalData.None;
        }

        var day = Number(d, 4);
        var coordination = day > 60;
        return ValidDate(year, Number(d, 2), coordination ? day - 60 : day)
            ? coordination ? PersonalData.SwedishCoordinationNumber : PersonalData.SwedishPersonalNumber
            : PersonalData.None;
    }

    private static bool Luhn(string d)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var n = (d[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += n > 9 ? n - 9 : n;
        }

        return sum % 10 == 0;
    }

    /// <summary>A real day of a year written with four digits, or with two in the 1900s or the 2000s (the century is not written).</summary>
    private static bool ValidDate(string year, int month, int day)
    {
        if (month is < 1 or > 12 || day < 1)
        {
            return false;
        }

        var written = int.Parse(year, NumberStyles.None, CultureInfo.InvariantCulture);
        int[] years = year.Length == 4 ? [written] : [1900 + written, 2000 + written];
        return years.Any(y => y is >= 1800 and <= 2199 && day <= DateTime.DaysInMonth(y, month));
    }

    private static int Number(string d, int at) => (d[at] - '0') * 10 + (d[at + 1] - '0');

    private static bool HasPhoneNumber(string text)
    {
        foreach (Match m in InternationalPhone().Matches(text))
        {
            var digits = Digits(m.Groups["rest"].Value);
            if (m.Groups["country"].Value == "47" ? digits.Length == 8 && digits[0] is >= '2' and <= '9'
                : digits.TrimStart('0').Length is >= 7 and <= 9)
            {
                return true;
            }
        }

        // A solid eight-digit date (20261206, 06122026) is a date, not a phone number.
        return NorwegianPhone().Matches(text).Any(m => m.Value.Length != 8 || !IsCompactDate(m.Value))
            || SwedishMobile().IsMatch(text);
    }

    private static bool IsCompactDate(string d) =>
        DateOnly.TryParseExact(d, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var a) && a.Year is >= 1900 and < 2100
        || DateOnly.TryParseExact(d, "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b) && b.Year is >= 1900 and < 2100;

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    /// <summary>Digits in groups joined by one separator each, as numbers are written by hand.</summary>
    [GeneratedRegex(@"(?<![0-9])[0-9]+(?:[ \u00A0.+\-][0-9]+)*(?![0-9])")]
    private static partial Regex DigitGroups();

    /// <summary>Starts only where a word starts, so a long word without an @ is read once, not once per character.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}")]
    private static partial Regex EmailAddress();

    /// <summary>+47 or 0047, +46 or 0046, then the number in groups of spaces or dashes (Swedish ones may keep a "(0)").</summary>
    [GeneratedRegex(@"(?<![0-9])(?:\+|00)(?<country>4[67])[ \-]?(?<rest>(?:\(0\)[ \-]?)?[0-9](?:[ \-]?[0-9])*)(?![0-9])")]
    private static partial Regex InternationalPhone();

    /// <summary>Norwegian numbers start with 2 to 9 and are written 12345678, 12 34 56 78 or 123 45 678.</summary>
    [GeneratedRegex(@"(?<![0-9.,\-+])(?:[2-9][0-9]{7}|[2-9][0-9](?:[ \-][0-9]{2}){3}|[2-9][0-9]{2}[ \-][0-9]{2}[ \-][0-9]{3})(?![0-9]|[.,\-][0-9])")]
    private static partial Regex NorwegianPhone();

    /// <summary>Swedish mobile numbers, 07x followed by seven digits, written 070-123 45 67, 0701234567 or with spaces.</summary>
    [GeneratedRegex(@"(?<![0-9.,\-+])07[0-9](?:[ \-]?[0-9]){7}(?![0-9]|[.,\-][0-9])")]
    private static partial Regex SwedishMobile();
}
