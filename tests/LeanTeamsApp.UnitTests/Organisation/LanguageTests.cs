using System.Collections;
using System.Reflection;
using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.UnitTests.Organisation;

public sealed class LanguageTests
{
    [Theory]
    [InlineData("nn-NO", Language.Nn)]
    [InlineData("nn", Language.Nn)]
    [InlineData("NN_no", Language.Nn)]
    [InlineData("nb-NO", Language.Nb)]
    [InlineData("no", Language.Nb)]
    [InlineData("sv-FI", Language.Sv)]
    [InlineData("en-US", Language.En)]
    [InlineData("de-DE", Language.Nb)]
    [InlineData(null, Language.Nb)]
    public void FromLocale_TeamsLocale_NynorskForNnAndBokmalForNbOrNo(string? locale, Language expected)
    {
        Assert.Equal(expected, Languages.FromLocale(locale));
    }

    [Theory]
    [InlineData(Language.Nn, "onsdag 16. desember", "tysdag 15. desember", "laurdag 19. desember")]
    [InlineData(Language.Nb, "onsdag 16. desember", "tirsdag 15. desember", "lørdag 19. desember")]
    [InlineData(Language.Sv, "onsdag 16 december", "tisdag 15 december", "lördag 19 december")]
    [InlineData(Language.En, "Wednesday 16 December", "Tuesday 15 December", "Saturday 19 December")]
    public void DayAndMonth_EachLanguage_InItsOwnWordsAndPunctuation(Language language, string wednesday, string tuesday, string saturday)
    {
        Assert.Equal(wednesday, language.DayAndMonth(new DateTime(2026, 12, 16)));
        Assert.Equal(tuesday, language.DayAndMonth(new DateTime(2026, 12, 15)));
        Assert.Equal(saturday, language.DayAndMonth(new DateTime(2026, 12, 19)));
    }

    /// <summary>Every table of texts: a public static <c>For(Language)</c> on a type of the service.</summary>
    public static TheoryData<string> TextTables()
    {
        var data = new TheoryData<string>();
        foreach (var type in TableTypes())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void TextTables_AreFoundAtAll()
    {
        // Guards the reflection below: a renamed method must not leave the theory with nothing to check.
        Assert.Contains(TableTypes(), t => t == typeof(BotTexts));
        Assert.True(TableTypes().Count() >= 10, string.Join(", ", TableTypes().Select(t => t.Name)));
    }

    [Theory]
    [MemberData(nameof(TextTables))]
    public void TextTable_Nynorsk_IsItsOwnCompleteTableNotBokmal(string typeName)
    {
        var method = TableTypes().Single(t => t.FullName == typeName).GetMethod("For", BindingFlags.Public | BindingFlags.Static, [typeof(Language)])!;
        object For(Language language) => method.Invoke(null, [language])!;
        var nynorsk = For(Language.Nn);

        foreach (var other in Enum.GetValues<Language>().Where(l => l != Language.Nn))
        {
            Assert.False(ReferenceEquals(nynorsk, For(other)), $"{typeName}.For(Nn) answers with the {other} table.");
        }

        var nn = Strings(nynorsk);
        var nb = Strings(For(Language.Nb));
        Assert.Equal(nb.Count, nn.Count);
        Assert.All(nn, s => Assert.False(string.IsNullOrWhiteSpace(s), $"{typeName} has an empty nynorsk text."));
        Assert.NotEqual(nb, nn);
    }

    [Theory]
    [InlineData(Language.Nb)]
    [InlineData(Language.Nn)]
    [InlineData(Language.Sv)]
    [InlineData(Language.En)]
    public void NotAllowed_EveryPermission_IsWordedInTheLanguage(Language language)
    {
        var texts = BotTexts.For(language);

        // A permission without words would answer a refusal with an exception instead of the reason.
        foreach (var permission in Enum.GetValues<LeanTeamsApp.Infrastructure.Access.Permission>())
        {
            var refusal = texts.NotAllowed(permission, "Byggesak");
            Assert.DoesNotContain(permission.ToString(), refusal, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<Type> TableTypes() =>
        typeof(BotTexts).Assembly.GetTypes().Where(t => t.GetMethod("For", BindingFlags.Public | BindingFlags.Static, [typeof(Language)]) is { } m && m.ReturnType != typeof(void));

    /// <summary>The plain texts of a table: its string members and the string values of its dictionaries, in order.</summary>
    private static List<string> Strings(object table)
    {
        var strings = new List<string>();
        void Add(object? value)
        {
            switch (value)
            {
                case string s:
                    strings.Add(s);
                    break;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        if (entry.Value is string s)
                        {
                            strings.Add($"{entry.Key}={s}");
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        if (table is IDictionary)
        {
            Add(table);
            return strings;
        }

        foreach (var property in table.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.GetIndexParameters().Length == 0 && property.PropertyType != typeof(Language))
            {
                Add(property.GetValue(table));
            }
        }

        return strings;
    }
}
