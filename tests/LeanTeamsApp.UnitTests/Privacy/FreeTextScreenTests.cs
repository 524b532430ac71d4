using System.Globalization;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Privacy;

namespace LeanTeamsApp.UnitTests.Privacy;

/// <summary>
/// Synthetic numbers with their checksums worked out (the generator at the end makes more), and numbers that look
/// like them but fail the checksum or the date: those are order numbers, case numbers and dates and must pass.
/// </summary>
public sealed class FreeTextScreenTests
{
    public static TheoryData<string, PersonalData> IdentityNumbers => new()
    {
        // Norwegian fødselsnummer: DDMMYY, individual number, two mod-11 control digits.
        { "Pasient 01019012480 falt i gangen", PersonalData.NorwegianBirthNumber },
        { "fnr 010190 12480", PersonalData.NorwegianBirthNumber },
        { "fnr 010190-12480", PersonalData.NorwegianBirthNumber },
        { "fnr 01.01.90 12480", PersonalData.NorwegianBirthNumber },
        { "15058512343", PersonalData.NorwegianBirthNumber },
        { "født 29.02.04: 29020412354", PersonalData.NorwegianBirthNumber },
        { "31129912319", PersonalData.NorwegianBirthNumber },
        // H-number (month +40) and Tenor's synthetic numbers (month +80) are treated as identity numbers too.
        { "01419012382", PersonalData.NorwegianBirthNumber },
        { "01529012310", PersonalData.NorwegianBirthNumber },
        { "01819012365", PersonalData.NorwegianBirthNumber },
        // D-number: day +40.
        { "D-nr 41019012393", PersonalData.NorwegianDNumber },
        { "550585 12337", PersonalData.NorwegianDNumber },
        // Swedish personnummer: YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDDNNNN; Luhn over the ten digits.
        { "Brukare 900101-1239 föll", PersonalData.SwedishPersonalNumber },
        { "9001011239", PersonalData.SwedishPersonalNumber },
        { "19900101-1239", PersonalData.SwedishPersonalNumber },
        { "199001011239", PersonalData.SwedishPersonalNumber },
        { "850515+2341", PersonalData.SwedishPersonalNumber },
        { "20040229 3450", PersonalData.SwedishPersonalNumber },
        // Samordningsnummer: day +60.
        { "900161-1236", PersonalData.SwedishCoordinationNumber },
        { "199001611236", PersonalData.SwedishCoordinationNumber },
    };

    public static TheoryData<string> NotIdentityNumbers => new()
    {
        "Ordre 12345678901 ble levert for sent",
        // One digit changed in a valid number: the checksum no longer holds.
        "01019012481",
        "01019012580",
        "010190 12408",
        "9001011238",
        "19900101-1293",
        // Checksums that hold on impossible dates: 31 February, day 32, month 13, 29 February 2003, day 92.
        "31029012302",
        "32019012351",
        "01139012328",
        "29020312333",
        "9013011235",
        "900230-1233",
        "900192-1239",
        // Dates, times, amounts, case numbers.
        "Møtet 2026-12-06 kl 10:15 ble avlyst",
        "06.12.2026 10:15",
        "Kostnad 1 234 567 890 kr",
        "Sak 2026/12345 og 2026/67890",
        "Beløp 12345.67 og 9876543210.00",
        "20261206",
        "",
    };

    [Theory]
    [MemberData(nameof(IdentityNumbers))]
    public void Find_ValidIdentityNumber_FindsItsKind(string text, PersonalData kind)
    {
        Assert.Equal(kind, FreeTextScreen.Find(text));
        Assert.Equal(kind, FreeTextScreen.FindInDeviation(text));
    }

    [Theory]
    [MemberData(nameof(NotIdentityNumbers))]
    public void Find_NumberFailingChecksumOrDate_Accepts(string text)
    {
        Assert.Equal(PersonalData.None, FreeTextScreen.Find(text));
    }

    public static TheoryData<string, PersonalData> ContactDetails => new()
    {
        { "Ring pårørende på 91234567", PersonalData.PhoneNumber },
        { "tlf 912 34 567", PersonalData.PhoneNumber },
        { "tlf 22 33 44 55", PersonalData.PhoneNumber },
        { "+47 912 34 567", PersonalData.PhoneNumber },
        { "0047 91234567", PersonalData.PhoneNumber },
        { "070-123 45 67", PersonalData.PhoneNumber },
        { "0701234567", PersonalData.PhoneNumber },
        { "+46 70 123 45 67", PersonalData.PhoneNumber },
        { "+46 (0)8 123 456 78", PersonalData.PhoneNumber },
        { "skriv til ola.nordmann@example.no", PersonalData.EmailAddress },
        { "kari+avvik@fjordvik.kommune.no", PersonalData.EmailAddress },
        { "åsa.öberg@kommun.se", PersonalData.EmailAddress },
    };

    public static TheoryData<string> NotContactDetails => new()
    {
        "Ordre 12345678 kom ikke",
        "Møtet 2026-12-06 ble flyttet",
        "Levert 06.12.2026",
        "Levert 20261206",
        "Kostnad 25 000 000 kr",
        "Sak 2026/1234",
        "Vi brukte 3,5 timer på 12 pasienter",
        "Rom 214, etasje 2",
        "@kanalen ble varslet",
    };

    [Theory]
    [MemberData(nameof(ContactDetails))]
    public void FindInDeviation_ContactDetails_FindsThem(string text, PersonalData kind)
    {
        Assert.Equal(kind, FreeTextScreen.FindInDeviation(text));
        // Outside a deviation's text an owner's address or number is ordinary.
        Assert.Equal(PersonalData.None, FreeTextScreen.Find(text));
    }

    [Theory]
    [MemberData(nameof(NotContactDetails))]
    public void FindInDeviation_OrderNumbersDatesAndAmounts_Accepts(string text)
    {
        Assert.Equal(PersonalData.None, FreeTextScreen.FindInDeviation(text));
    }

    [Fact]
    public void Find_EveryDayOfLeapYearWithComputedChecksums_FindsEachAndNoneWithADigitChanged()
    {
        var day = new DateOnly(2000, 1, 1);
        var checkedNumbers = 0;
        for (; day.Year == 2000; day = day.AddDays(1))
        {
            var date = day.ToString("ddMMyy", CultureInfo.InvariantCulture);
            var birth = Norwegian(date);
            Assert.Equal(PersonalData.NorwegianBirthNumber, FreeTextScreen.Find(birth));
            Assert.Equal(PersonalData.None, FreeTextScreen.Find(birth[..10] + (char)('0' + (birth[10] - '0' + 1) % 10)));
            Assert.Equal(PersonalData.NorwegianDNumber, FreeTextScreen.Find(Norwegian((char)(date[0] + 4) + date[1..])));
            checkedNumbers++;

            var swedish = Swedish(day.ToString("yyMMdd", CultureInfo.InvariantCulture) + "238");
            Assert.Equal(PersonalData.SwedishPersonalNumber, FreeTextScreen.Find($"20{swedish[..6]}-{swedish[6..]}"));
            Assert.Equal(PersonalData.None, FreeTextScreen.Find(swedish[..9] + (char)('0' + (swedish[9] - '0' + 1) % 10)));
            var coordination = Swedish(day.ToString("yyMM", CultureInfo.InvariantCulture) + (day.Day + 60).ToString(CultureInfo.InvariantCulture) + "238");
            Assert.Equal(PersonalData.SwedishCoordinationNumber, FreeTextScreen.Find(coordination));
        }

        Assert.Equal(366, checkedNumbers);
    }

    [Theory]
    [InlineData(Language.Nb, "fødselsnummer")]
    [InlineData(Language.Sv, "personnummer")]
    [InlineData(Language.En, "national identity number")]
    public void Refusal_EachLanguage_NamesTheKindAndNotTheNumber(Language language, string words)
    {
        var refusal = PrivacyTexts.For(language).Refusal(FreeTextScreen.Find("01019012480"));

        Assert.Contains(words, refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("01019012480", refusal, StringComparison.Ordinal);
    }

    /// <summary>A fødselsnummer for the date: the first individual number from 500 for which both control digits exist.</summary>
    private static string Norwegian(string date)
    {
        int? Control(string digits, int[] weights)
        {
            var rest = 11 - digits.Select((c, i) => (c - '0') * weights[i]).Sum() % 11;
            return rest == 11 ? 0 : rest == 10 ? null : rest;
        }

        for (var individual = 500; ; individual++)
        {
            var nine = date + individual.ToString("D3", CultureInfo.InvariantCulture);
            if (Control(nine, [3, 7, 6, 1, 8, 9, 4, 5, 2]) is { } first
                && Control(nine + first.ToString(CultureInfo.InvariantCulture), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) is { } second)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{nine}{first}{second}");
            }
        }
    }

    /// <summary>Nine digits with the Luhn digit that makes them a personnummer.</summary>
    private static string Swedish(string nine)
    {
        var sum = nine.Select((c, i) => (c - '0') * (i % 2 == 0 ? 2 : 1)).Sum(n => n > 9 ? n - 9 : n);
        return nine + ((10 - sum % 10) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
