using System.Text.RegularExpressions;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;

namespace LeanTeamsApp.UnitTests.Organisation;

/// <summary>
/// Every reason an import or a form's save can give, in every language: none missing, each taking the arguments the
/// English one takes, and none left in English where the reader is Norwegian or Swedish.
/// </summary>
public sealed partial class ImportReasonTextsTests
{
    private static readonly Language[] Translated = [Language.Nb, Language.Nn, Language.Sv];

    public static TheoryData<ImportReasonKind> Kinds()
    {
        var data = new TheoryData<ImportReasonKind>();
        foreach (var kind in Enum.GetValues<ImportReasonKind>())
        {
            data.Add(kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Reason_EveryKind_RendersInAllFourLanguagesWithTheSameArguments(ImportReasonKind kind)
    {
        var english = Placeholders(ImportReasonTexts.For(Language.En).Reasons[kind]);
        var sample = Sample(kind, english.Count == 0 ? 0 : english.Max() + 1);

        foreach (var language in Enum.GetValues<Language>())
        {
            Assert.True(ImportReasonTexts.For(language).Reasons.ContainsKey(kind), $"{kind} has no {language} text");
            Assert.Equal(english, Placeholders(ImportReasonTexts.For(language).Reasons[kind]));
            Assert.False(string.IsNullOrWhiteSpace(sample.In(language)));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Reason_InNorwegianAndSwedish_LeavesNoEnglishWords(ImportReasonKind kind)
    {
        var english = Placeholders(ImportReasonTexts.For(Language.En).Reasons[kind]);
        var sample = Sample(kind, english.Count == 0 ? 0 : english.Max() + 1);

        foreach (var language in Translated)
        {
            var text = sample.In(language);
            Assert.NotEqual(sample.In(Language.En), text);
            Assert.False(EnglishWord().IsMatch(text), $"{kind} in {language} reads as English: «{text}»");
        }
    }

    [Fact]
    public void Reason_Numbers_AreWrittenAsTheLanguageWritesThem()
    {
        var reason = ImportReason.Of(ImportReasonKind.ValueTooLong, 40_009, 1_000);

        Assert.Equal("the value has 40,009 characters; a value has at most 1,000", reason.In(Language.En));
        Assert.Equal("verdien har 40\u00A0009 tegn; en verdi har høyst 1\u00A0000", reason.In(Language.Nb));
    }

    [Fact]
    public void Reason_WithAnotherReasonAsArgument_WordsBothInTheSameLanguage()
    {
        var reason = ImportReason.Of(ImportReasonKind.ExpectedNot, ImportReason.Of(ImportReasonKind.AValue), ImportReason.Of(ImportReasonKind.AList));

        Assert.Equal("expected a value, not a list", reason.In(Language.En));
        Assert.Equal("her skal det stå ein verdi, ikkje ei liste", reason.In(Language.Nn));
        Assert.Equal("här ska det stå ett värde, inte en lista", reason.In(Language.Sv));
    }

    /// <summary>
    /// A reason with neutral arguments: numbers, and for a kind whose argument is a phrase, a phrase. What is left of
    /// English in the result is the text's own.
    /// </summary>
    private static ImportReason Sample(ImportReasonKind kind, int count) =>
        ImportReason.Of(kind, [.. Enumerable.Range(0, count).Select(i => kind == ImportReasonKind.UnknownField && i == 0 ? ImportReason.Of(ImportReasonKind.AUnit) : (object)(1_000 + i))]);

    private static List<int> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order()];

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    // Words of the English texts that no Norwegian or Swedish sentence has; field names (name, units) are left out,
    // since a file's field names stay as the file writes them.
    [GeneratedRegex(@"\b(the|is|not|of|and|or|missing|unknown|must|has|have|write|expected|twice|with|than|at most|already|removed|choose|save|line|characters|weeks|hours|should|which|there)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWord();
}
