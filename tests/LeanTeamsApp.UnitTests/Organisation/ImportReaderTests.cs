using System.Diagnostics;
using System.Globalization;
using System.Text;
using LeanTeamsApp.Features.Organisation.Import;

namespace LeanTeamsApp.UnitTests.Organisation;

/// <summary>What the YAML reader refuses before validation: shapes, fields, anchors, depth, sizes and characters.</summary>
public sealed class ImportReaderTests
{
    private const string Tenant = "5b1f0a2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b";

    // Line numbers matter: each error must point at the line it names.
    private const string Minimal = $$"""
        tenantId: {{Tenant}}
        name: Testvik
        serviceAreas:
          - { id: a, name: A, leader: tol@x.no }
        people:
          - { email: tol@x.no, name: Tol }
          - { email: leder@x.no, name: Leder }
        units:
          - id: u
            name: U
            serviceArea: a
            leader: leder@x.no
            boardMeeting: { weekday: fredag, time: "8.45" }
            leanStart: 2026-02-02
        """;

    private static IReadOnlyList<ImportError> Errors(string yaml) =>
        OrganisationImportValidator.Validate(YamlImportReader.Read("o.yaml", yaml), Tenant, stored: null).Errors;

    private static ImportError SingleError(string yaml)
    {
        var errors = Errors(yaml);
        Assert.True(errors.Count == 1, string.Join("\n", errors));
        return errors[0];
    }

    [Fact]
    public void Read_MinimalFile_HasNoError() => Assert.Empty(Errors(Minimal));

    [Theory]
    [InlineData("    name: U\n", "    name: [U, V]\n", 10, "name", "expected a value, not a list")]
    [InlineData("    name: U\n", "    name: { first: U }\n", 10, "name", "expected a value, not a mapping")]
    [InlineData("name: Testvik\n", "name:\n  - Testvik\n", 3, "name", "expected a value, not a list")]
    [InlineData("    leanStart: 2026-02-02", "    leanStart: 2026-02-02\n    boardMeting: { weekday: fredag }", 15, "boardMeting", "unknown field; a unit has tenantId, id, name, serviceArea, leader, coordinators, timeZone, boardMeeting, leanStart, guidance, goals, channel, archived")]
    [InlineData("{ weekday: fredag, time: \"8.45\" }", "{ weekday: fredag, tme: \"8.45\" }", 13, "boardMeeting.tme", "unknown field; boardMeeting has weekday, time, minutes")]
    [InlineData("{ email: tol@x.no, name: Tol }", "{ email: tol@x.no, name: Tol, rolle: coordinator }", 6, "rolle", "unknown field; a person has email, name, roles, unit, aadObjectId")]
    [InlineData("    boardMeeting: { weekday: fredag, time: \"8.45\" }", "    boardMeeting: fredag", 13, "boardMeeting", "expected a mapping with weekday, time, minutes")]
    [InlineData("serviceAreas:\n  - { id: a, name: A, leader: tol@x.no }\n", "serviceAreas: a\n", 3, "serviceAreas", "expected a list")]
    [InlineData("  - id: u\n", "  - just a unit\n  - id: u\n", 9, "units", "expected each entry to be a mapping of fields")]
    [InlineData("    name: U\n", "    name: U\n    name: V\n", 11, "name", "given twice (first on line 10)")]
    [InlineData("    name: U\n", "    ? [name, navn]\n    : U\n", 10, "(field)", "a field name must be a word, not a list or mapping (a complex YAML key)")]
    [InlineData("name: Testvik\n", "? { a: b }\n: Testvik\n", 2, "(field)", "a field name must be a word, not a list or mapping (a complex YAML key)")]
    [InlineData("    name: U\n", "    name: !!binary VQ==\n", 10, "name", "YAML tags (tag:yaml.org,2002:binary) are not supported; write the value without one")]
    [InlineData("    leanStart: 2026-02-02", "    leanStart: 2026-02-02\n---\nname: Again", 15, "(file)", "a second YAML document ('---'); an organisation file is one document")]
    public void Read_WrongShapeOrField_IsOneErrorWithLineAndField(string good, string bad, int line, string field, string reason)
    {
        Assert.Contains(good, Minimal, StringComparison.Ordinal);

        var error = SingleError(Minimal.Replace(good, bad, StringComparison.Ordinal));

        Assert.Equal($"o.yaml:{line}: {field}: {reason}", error.ToString());
    }

    [Theory]
    [InlineData("    name: U", "    name: U\u0000V", 10, "name", "U+0000")]
    [InlineData("    name: U", "    name: U\u0085V", 10, "name", "U+0085")]
    [InlineData("    name: U", "    name: U\u001BV", 10, "name", "U+001B")]
    [InlineData("{ email: tol@x.no, name: Tol }", "{ email: tol@x.no, name: T\u0007ol }", 6, "name", "U+0007")]
    [InlineData("    name: U", "    name: \"U\\0V\"", 10, "name", "U+0000")]
    [InlineData("    name: U", "    name: \"U\\x9BV\"", 10, "name", "U+009B")]
    public void Read_ControlCharacterInAName_IsRefusedWithItsLineAndField(string good, string bad, int line, string field, string character)
    {
        var error = SingleError(Minimal.Replace(good, bad, StringComparison.Ordinal));

        Assert.Equal((line, field), (error.Line, error.Field));
        Assert.Contains(character, error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(error.ToString(), c => c < ' ' || c is >= '\u007F' and <= '\u009F');
    }

    [Theory]
    [InlineData("    name: \"U\\tV\"")]
    [InlineData("    name: |\n      U\n      V")]
    public void Read_TabOrLineBreakInsideAValue_IsRefused(string bad)
    {
        var error = SingleError(Minimal.Replace("    name: U", bad, StringComparison.Ordinal));

        Assert.Equal(("name", "contains a tab or a line break; a value is one line of text"), (error.Field, error.Reason));
    }

    [Fact]
    public void Read_ValueOf40000Characters_IsRefusedWithoutEchoingIt()
    {
        var error = SingleError(Minimal.Replace("    name: U", $"    name: {new string('x', 40_000)}", StringComparison.Ordinal));

        Assert.Equal("o.yaml:10: name: the value has 40,000 characters; a value has at most 1,000", error.ToString());
    }

    [Fact]
    public void Validate_NameLongerThanANameMayBe_IsRefused()
    {
        var error = SingleError(Minimal.Replace("    name: U", $"    name: {new string('x', 201)}", StringComparison.Ordinal));

        Assert.Equal("o.yaml:10: name: the name has 201 characters; a name has at most 200", error.ToString());
    }

    [Fact]
    public void Read_AnchorAndAlias_AreRefusedAtTheAnchor()
    {
        var yaml = Minimal.Replace("    name: U", "    name: &n U", StringComparison.Ordinal).Replace("    serviceArea: a", "    serviceArea: *n", StringComparison.Ordinal);

        var error = SingleError(yaml);

        Assert.Equal("o.yaml:10: name: YAML anchors and aliases (&n) are not supported; write each value out", error.ToString());
    }

    [Fact]
    public void Read_AliasBomb_IsRefusedAtOnceWithOneError()
    {
        var bomb = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 120; i++)
        {
            bomb.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1}]\n");
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var errors = YamlImportReader.Read("bomb.yaml", bomb.ToString()).SyntaxErrors.All;

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 16 * 1024 * 1024, "allocated more than 16 MB");
        Assert.Equal("bomb.yaml:1: a0: unknown field; the organisation has tenantId, name, timeZone, reminderAfterHours, hoursPerWorkYear, benefitChaseWeeks, reportCycle, deviationSystem, writtenLanguage, digest, terms, coordinatorChannel, holidayPeriods, serviceAreas, people, units", errors[0].ToString());
        Assert.Equal("bomb.yaml:1: (file): YAML anchors and aliases (&a0) are not supported; write each value out", Assert.Single(errors.Skip(1)).ToString());
    }

    [Fact]
    public void Read_AliasUnderAKnownField_IsRefused()
    {
        var yaml = Minimal.Replace("    serviceArea: a", "    serviceArea: *somewhere", StringComparison.Ordinal);

        Assert.Equal("o.yaml:11: (file): YAML aliases (*somewhere) are not supported; write each value out", SingleError(yaml).ToString());
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    [InlineData("- ", "")]
    public void Read_DeepNesting_IsRefusedAtTheNinthLevel(string open, string close)
    {
        var deep = close.Length == 0
            ? string.Concat(Enumerable.Range(0, 100_000).Select(i => new string(' ', Math.Min(i, 20) * 2) + open + "\n")).TrimEnd()
            : $"name: {string.Concat(Enumerable.Repeat(open, 100_000))}x{string.Concat(Enumerable.Repeat(close, 100_000))}";
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var errors = YamlImportReader.Read("deep.yaml", deep).SyntaxErrors.All;

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 4 * deep.Length + 16 * 1024 * 1024, "allocated more than the text a few times over");
        Assert.Contains(errors, e => e.Reason == "nested deeper than 8 levels; an organisation file goes 5 deep at most" || e.Reason.StartsWith("not valid YAML", StringComparison.Ordinal));
        Assert.True(errors.Count <= 2, string.Join("\n", errors));
    }

    [Fact]
    public void Read_MoreUnitsThanTheLimit_StopsAtTheFirstOneTooMany()
    {
        var yaml = new StringBuilder(Minimal[..Minimal.IndexOf("  - id: u", StringComparison.Ordinal)]);
        for (var i = 0; i <= ImportLimits.MaxUnits; i++)
        {
            yaml.Append("  - {}\n");
        }

        var errors = YamlImportReader.Read("o.yaml", yaml.ToString()).SyntaxErrors.All;

        Assert.Equal($"o.yaml:{9 + ImportLimits.MaxUnits}: units: more than 50,000 entries, the most an organisation file may list", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Validate_AMillionBadRows_ListsAHundredErrorsAndSaysThereWereMore()
    {
        var yaml = new StringBuilder(Minimal);
        for (var i = 0; i < 10_000; i++)
        {
            yaml.Append("\n  - { id: Bad Id }");
        }

        var errors = Errors(yaml.ToString());

        Assert.Equal(ImportLimits.MaxErrors + 1, errors.Count);
        Assert.StartsWith("more than 100 errors", errors[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyValueForAMappingOrAList_MeansNone()
    {
        var yaml = Minimal.Replace("    leanStart: 2026-02-02", "    leanStart: 2026-02-02\n    guidance:\n    goals:", StringComparison.Ordinal) + "\nholidayPeriods:\n";

        Assert.Empty(Errors(yaml));
    }
}
