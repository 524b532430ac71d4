using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;

namespace LeanTeamsApp.UnitTests.Organisation;

public sealed class ImportValidatorTests
{
    private const string Tenant = "5b1f0a2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b";

    private static (OrganisationDraft? Draft, IReadOnlyList<ImportError> Errors) Validate(string yaml) =>
        OrganisationImportValidator.Validate(YamlImportReader.Read("o.yaml", yaml), Tenant, stored: null);

    private const string Minimal = $$"""
        tenantId: {{Tenant}}
        name: Testvik
        serviceAreas:
          - { id: a, name: A, leader: tol@x.no }
        people:
          - { email: tol@x.no, name: Tol }
          - { email: Leder@X.no, name: Leder, roles: [coordinator] }
        units:
          - id: u
            name: U
            serviceArea: a
            leader: leder@x.no
            boardMeeting: { weekday: fredag, time: "8.45" }
            leanStart: 2026-02-02
        """;

    [Fact]
    public void Validate_MinimalFile_DefaultsZoneAndMeetingLengthAndNormalisesEmails()
    {
        var (draft, errors) = Validate(Minimal);

        Assert.Empty(errors);
        var unit = Assert.Single(draft!.Units);
        Assert.Equal("Europe/Oslo", unit.TimeZone);
        Assert.Equal(new BoardMeeting(DayOfWeek.Friday, new TimeOnly(8, 45), 15), unit.BoardMeeting);
        Assert.Equal("leder@x.no", unit.LeaderId);
        Assert.Equal(OrganisationRoles.Coordinator, draft.People.Single(p => p.Id == "leder@x.no").Roles);
    }

    [Theory]
    [InlineData("leader: leder@x.no", "leader: nobody@x.no", "leader", "unknown person 'nobody@x.no'")]
    [InlineData("leanStart: 2026-02-02", "leanStart: 02.02.2026", "leanStart", "'02.02.2026' is not a date (write YYYY-MM-DD)")]
    [InlineData("id: u", "id: Unit One", "id", "'Unit One' is not an id")]
    [InlineData("{ weekday: fredag, time: \"8.45\" }", "{ weekday: fredag, time: \"8.45\", minutes: 300 }", "boardMeeting.minutes", "'300' is not a meeting length from 5 to 120 minutes")]
    [InlineData("roles: [coordinator]", "roles: [boss]", "roles", "unknown role 'boss'")]
    [InlineData("name: Testvik", "name: Testvik\nfoo: bar", "foo", "unknown field")]
    [InlineData("name: Testvik", "name: Testvik\ndeviationSystem: http://avvik.testvik.no/", "deviationSystem", "'http://avvik.testvik.no/' is not an https address")]
    [InlineData("name: Testvik", "name: Testvik\ndeviationSystem: avvik.testvik.no", "deviationSystem", "'avvik.testvik.no' is not an https address")]
    [InlineData("name: Testvik", "name: Testvik\ndeviationSystem: javascript:alert(1)", "deviationSystem", "'javascript:alert(1)' is not an https address")]
    [InlineData("name: Testvik", "name: Testvik\nwrittenLanguage: nynorsk", "writtenLanguage", "'nynorsk' is not a written language: nb (bokmål), nn (nynorsk) or sv (Swedish)")]
    [InlineData("name: Testvik", "name: Testvik\nwrittenLanguage: en", "writtenLanguage", "'en' is not a written language")]
    public void Validate_OneBadValue_NamesTheFieldAndWritesNoDraft(string good, string bad, string field, string reason)
    {
        var (draft, errors) = Validate(Minimal.Replace(good, bad, StringComparison.Ordinal));

        Assert.Null(draft);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DeviationSystemHttpsAddress_IsKeptOnTheOrganisation()
    {
        var (draft, errors) = Validate(Minimal.Replace("name: Testvik", "name: Testvik\ndeviationSystem: https://avvik.testvik.no/meld", StringComparison.Ordinal));

        Assert.Empty(errors);
        Assert.Equal(new Uri("https://avvik.testvik.no/meld"), draft!.Organisation.DeviationSystem);
    }

    [Theory]
    [InlineData("nn", Language.Nn)]
    [InlineData("NB", Language.Nb)]
    [InlineData("sv", Language.Sv)]
    public void Validate_WrittenLanguage_IsKeptOnTheOrganisation(string code, Language expected)
    {
        var (draft, errors) = Validate(Minimal.Replace("name: Testvik", $"name: Testvik\nwrittenLanguage: {code}", StringComparison.Ordinal));

        Assert.Empty(errors);
        Assert.Equal(expected, draft!.Organisation.WrittenLanguage);
    }

    [Fact]
    public void Validate_NoWrittenLanguage_LeavesItToTheTimeZone()
    {
        var (draft, errors) = Validate(Minimal);

        Assert.Empty(errors);
        Assert.Null(draft!.Organisation.WrittenLanguage);
    }

    [Fact]
    public void Validate_ThreeCoordinators_IsRefused()
    {
        var yaml = Minimal.Replace("leader: leder@x.no", "leader: leder@x.no\n    coordinators: [tol@x.no, leder@x.no, tol@x.no]", StringComparison.Ordinal);

        var (_, errors) = Validate(yaml);

        Assert.Contains(errors, e => e.Field == "coordinators" && e.Reason.Contains("at most 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_GuidanceEndingBeforeItStarts_IsRefused()
    {
        var yaml = Minimal.Replace("leanStart: 2026-02-02", "leanStart: 2026-02-02\n    guidance: { consultant: tol@x.no, from: 2026-05-01, to: 2026-01-01 }", StringComparison.Ordinal);

        var (_, errors) = Validate(yaml);

        Assert.Equal(("guidance.to", 15), (Assert.Single(errors).Field, errors[0].Line));
    }
    // Line numbers matter below: the breakdown's errors must point at the line that names the goal.
    private const string Breakdown = $$"""
        tenantId: {{Tenant}}
        name: Testvik
        serviceAreas:
          - id: top
            name: RLG
            kind: topManagement
            leader: tol@x.no
            goals:
              - { id: brukeren, title: Brukeren i sentrum }
          - id: a
            name: A
            leader: tol@x.no
            goals:
              - { id: a-tid, title: Mer tid hos brukeren, supports: brukeren }
          - id: b
            name: B
            leader: tol@x.no
            goals:
              - { id: b-drift, title: Forutsigbar drift, supports: brukeren }
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
            goals:
              - { title: Tid hos bruker, supports: a-tid }
              - Direkte til toppen -> brukeren
              - Ikke koblet
        """;

    [Fact]
    public void Validate_GoalBreakdown_LinksEachLevelAndTracesUnitGoalsToTheTop()
    {
        var (draft, errors) = Validate(Breakdown);

        Assert.Empty(errors);
        var top = draft!.ServiceAreas.Single(a => a.Id == "top");
        Assert.Equal([new Goal("brukeren", "Brukeren i sentrum", null)], top.Goals);
        Assert.Equal([new Goal("a-tid", "Mer tid hos brukeren", "brukeren")], draft.ServiceAreas.Single(a => a.Id == "a").Goals);
        var unit = Assert.Single(draft.Units);
        Assert.Equal(["Tid hos bruker", "Direkte til toppen", "Ikke koblet"], unit.Goals);
        Assert.Equal(new Dictionary<string, string> { ["Tid hos bruker"] = "a-tid", ["Direkte til toppen"] = "brukeren" }, unit.GoalSupports);

        var breakdown = new GoalBreakdown(draft.ServiceAreas);
        Assert.True(breakdown.HasOverallGoals);
        Assert.Equal(["Mer tid hos brukeren", "Brukeren i sentrum"], breakdown.Trace(unit, "Tid hos bruker").Select(g => g.Title));
        Assert.Equal(["Brukeren i sentrum"], breakdown.Trace(unit, "Direkte til toppen").Select(g => g.Title));
        Assert.Empty(breakdown.Trace(unit, "Ikke koblet"));
        Assert.Equal([true, true, false], unit.Goals.Select(g => breakdown.ReachesOverallGoal(unit, g)));
    }

    [Theory]
    [InlineData("{ title: Tid hos bruker, supports: a-tid }", "{ title: Tid hos bruker, supports: b-drift }", 31, "goals[0].supports",
        "'Tid hos bruker' cannot support 'b-drift' (a goal of 'b'): a unit's goal supports a goal of its own service area or an overall goal; goals it can support: a-tid, brukeren")]
    [InlineData("Direkte til toppen -> brukeren", "Direkte til toppen -> ukjent", 32, "goals", "unknown goal 'ukjent'; goals it can support: a-tid, brukeren")]
    [InlineData("title: Mer tid hos brukeren, supports: brukeren", "title: Mer tid hos brukeren, supports: b-drift", 14, "goals[0].supports",
        "'Mer tid hos brukeren' cannot support 'b-drift' (a goal of 'b'): a service area's goal supports an overall goal; goals it can support: brukeren")]
    [InlineData("{ id: brukeren, title: Brukeren i sentrum }", "{ id: brukeren, title: Brukeren i sentrum, supports: a-tid }", 9, "goals[0].supports",
        "'Brukeren i sentrum' is an overall goal of the top management group: it supports no other goal")]
    [InlineData("id: b-drift,", "id: a-tid,", 19, "goals[0].id", "duplicate goal id 'a-tid' (also a goal of 'a')")]
    [InlineData("- { id: b-drift, title: Forutsigbar drift, supports: brukeren }", "- Forutsigbar drift", 19, "goals[0]",
        "'Forutsigbar drift': a service area's goal needs an id and a title")]
    [InlineData("- Ikke koblet", "- Tid hos bruker", 33, "goals", "goal 'Tid hos bruker' is listed twice")]
    [InlineData("{ id: a-tid, title: Mer tid hos brukeren,", "{ id: a-tid,", 14, "goals[0].title", "missing goal title")]
    public void Validate_BrokenGoalBreakdown_NamesTheLineAndTheField(string good, string bad, int line, string field, string reason)
    {
        Assert.Contains(good, Breakdown, StringComparison.Ordinal);

        var (draft, errors) = Validate(Breakdown.Replace(good, bad, StringComparison.Ordinal));

        Assert.Null(draft);
        var error = Assert.Single(errors);
        Assert.Equal((line, field), (error.Line, error.Field));
        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GoalTitleTooLong_IsRefused()
    {
        var title = new string('m', Goal.MaxTitleLength + 1);

        var (_, errors) = Validate(Breakdown.Replace("- Ikke koblet", $"- {title}", StringComparison.Ordinal));

        Assert.Equal(("goals", 33), (Assert.Single(errors).Field, errors[0].Line));
        Assert.Contains("at most 120 characters", errors[0].Reason, StringComparison.Ordinal);
    }
    [Fact]
    public void Validate_TitleWithAnArrowToPlainWords_StaysOneTitle()
    {
        var (draft, errors) = Validate(Breakdown.Replace("- Ikke koblet", "- Ventetid -> under 3 uker", StringComparison.Ordinal));

        Assert.Empty(errors);
        var unit = Assert.Single(draft!.Units);
        Assert.Equal("Ventetid -> under 3 uker", unit.Goals[2]);
        Assert.False(unit.GoalSupports.ContainsKey("Ventetid -> under 3 uker"));
    }

    [Fact]
    public void Validate_MisspeltKeyOfAGoal_IsNamedNotIgnored()
    {
        var (draft, errors) = Validate(Breakdown.Replace("{ title: Tid hos bruker, supports: a-tid }", "{ title: Tid hos bruker, support: a-tid }", StringComparison.Ordinal));

        Assert.Null(draft);
        Assert.Equal((31, "goals[0].support"), (Assert.Single(errors).Line, errors[0].Field));
        Assert.StartsWith("unknown field of a goal; a goal has title, supports", errors[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateGoalIdAfterABadGoal_NamesTheDuplicatesOwnEntry()
    {
        var yaml = Breakdown.Replace(
            "      - { id: a-tid, title: Mer tid hos brukeren, supports: brukeren }",
            "      - { id: a-tom }\n      - { id: brukeren, title: Igjen }",
            StringComparison.Ordinal);

        var (_, errors) = Validate(yaml);

        Assert.Contains(errors, e => (e.Line, e.Field) == (14, "goals[0].title"));
        Assert.Contains(errors, e => (e.Line, e.Field, e.Reason) == (15, "goals[1].id", "duplicate goal id 'brukeren' (also a goal of 'top')"));
    }

    [Fact]
    public void Validate_DuplicateTitleInAListOfTitles_NamesItsOwnLine()
    {
        var yaml = Minimal.Replace("leanStart: 2026-02-02", "leanStart: 2026-02-02\n    goals:\n      - Første\n      - Andre\n      - Første", StringComparison.Ordinal);

        var (_, errors) = Validate(yaml);

        Assert.Equal((18, "goals"), (Assert.Single(errors).Line, errors[0].Field));
        Assert.Equal("goal 'Første' is listed twice", errors[0].Reason);
    }

    [Fact]
    public void Validate_ListOfMappingsOutsideGoals_IsStillASyntaxError()
    {
        var yaml = Minimal.Replace("leader: leder@x.no\n", "leader: leder@x.no\n    coordinators: [{ email: tol@x.no }]\n", StringComparison.Ordinal);

        var (draft, errors) = Validate(yaml);

        Assert.Null(draft);
        Assert.Equal(("coordinators", "expected a value or a list of values, not a mapping"), (Assert.Single(errors).Field, errors[0].Reason));
    }

    [Fact]
    public void Validate_GoalIdOfAStoredAreaTheFileDoesNotName_IsADuplicate()
    {
        var stored = new StoredOrganisation(
            new LeanTeamsApp.Features.Organisation.Organisation(Tenant, "Testvik", "Europe/Oslo", null),
            [new ServiceArea("c", "C", ServiceAreaKind.ServiceArea, "tol@x.no") { Goals = [new Goal("a-tid", "Noe annet", "brukeren")] }],
            [new Person("tol@x.no", "Tol", OrganisationRoles.None, null, null)]);

        var (_, errors) = OrganisationImportValidator.Validate(YamlImportReader.Read("o.yaml", Breakdown), Tenant, stored);

        Assert.Equal((14, "goals[0].id", "duplicate goal id 'a-tid' (already a goal of 'c')"), (Assert.Single(errors).Line, errors[0].Field, errors[0].Reason));
    }
}
