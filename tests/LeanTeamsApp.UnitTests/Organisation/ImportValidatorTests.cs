using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;

namespace LeanTeamsApp.UnitTests.Organisation;

public sealed class ImportValidatorTests
{
    private const string Tenant = "5b1f0a2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b";

    private static (OrganisationDraft? Draft, IReadOnlyList<ImportError> Errors) Validate(string yaml) =>
        OrganisationImportValidator.Validate(YamlImportReader.Read("o.yaml", new StringReader(yaml)), Tenant, stored: null);

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
    public void Validate_OneBadValue_NamesTheFieldAndWritesNoDraft(string good, string bad, string field, string reason)
    {
        var (draft, errors) = Validate(Minimal.Replace(good, bad, StringComparison.Ordinal));

        Assert.Null(draft);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
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
}
