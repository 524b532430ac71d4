using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Reports;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.UnitTests.Terms;

/// <summary>The organisation's own words in the app's sentences: every form, capitalised where it was, never in a name.</summary>
public sealed class OwnTermsTests
{
    private static readonly OrganisationTerms Fjordvik = OrganisationTerms.Of(
    [
        ("serviceAreaLeader", "nb", "kommunalsjef"),
        ("serviceArea", "nb", "sektor"),
        ("developmentUnit", "nb", "Lean-teamet"),
        ("unitLeader", "sv", "avdelningschef"),
        ("unit", "nb", "avdeling"),
    ]);

    [Theory]
    [InlineData("Spør tjenesteområdelederen.", "Spør kommunalsjefen.")]
    [InlineData("Tjenesteområdeleder: Kari", "Kommunalsjef: Kari")]
    [InlineData("alle tjenesteområdeledere og tjenesteområdelederne", "alle kommunalsjefer og kommunalsjefene")]
    [InlineData("tjenesteområdet og tjenesteområdene", "sektoren og sektorene")]
    [InlineData("Ber om hjelp fra utviklingsenheten", "Ber om hjelp fra Lean-teamet")]
    [InlineData("enhetens side, enhetene", "avdelingens side, avdelingene")]
    [InlineData("enhetsleder og enhetskoordinator", "enhetsleder og enhetskoordinator")]
    public void Apply_Bokmaal_EveryFormBecomesTheSameFormOfTheOwnWord(string text, string expected) =>
        Assert.Equal(expected, Wording.For(Fjordvik, Language.Nb).Apply(text));

    [Fact]
    public void Apply_ValuesInTheSentence_AreLeftAsTheyAre()
    {
        var wording = Wording.For(Fjordvik, Language.Nb);

        var said = wording.Apply("Enhet for psykisk helse ligger i tjenesteområdet Tjenesteområde helse.", ["Enhet for psykisk helse", "Tjenesteområde helse"]);

        Assert.Equal("Enhet for psykisk helse ligger i sektoren Tjenesteområde helse.", said);
    }

    [Fact]
    public void Apply_ALanguageTheOrganisationSetNothingIn_IsTheGlossarys()
    {
        Assert.True(Wording.For(Fjordvik, Language.Nn).IsDefault);
        Assert.Equal("verksamhetsområdeschef", Wording.For(Fjordvik, Language.Sv).Apply("verksamhetsområdeschef"));
        Assert.Equal("Avdelningschefen och avdelningscheferna", Wording.For(Fjordvik, Language.Sv).Apply("Enhetschefen och enhetscheferna"));
    }

    [Fact]
    public async Task TextsFor_InsideAnOrganisationsScope_UsesItsWordsAndOutsideTheGlossarys()
    {
        var outside = BotTexts.For(Language.Nb);

        var (roles, refusal, column) = await Task.Run(() =>
        {
            OwnTerms.Use(Fjordvik);
            var texts = BotTexts.For(Language.Nb);
            return (texts.RoleNames[Role.ServiceAreaLeader], texts.NotAllowed(Permission.ChangeBoardMeeting, "Tjenesteområde byggesak"), ReportTexts.For(Language.Nb).Area);
        });

        Assert.Equal("Kommunalsjef", roles);
        Assert.Contains("endre tavlemøtet for Tjenesteområde byggesak. Det kan gjøres av Lean-koordinator, kommunalsjef,", refusal, StringComparison.Ordinal);
        Assert.Equal("Sektor", column);
        Assert.Equal("Tjenesteområdeleder", outside.RoleNames[Role.ServiceAreaLeader]);
        Assert.Same(outside, BotTexts.For(Language.Nb));
    }

    [Theory]
    [InlineData("serviceAreaLeader", "nb", "kommunalsjef", true)]
    [InlineData("serviceAreaLeader", "nb", "Lean-sjef for sektor", true)]
    [InlineData("serviceAreaLeader", "nb", "", false)]
    [InlineData("serviceAreaLeader", "nb", "sjef!", false)]
    [InlineData("serviceAreaLeader", "nb", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("topManagement", "nb", "rådmannens ledergruppe", false)]
    [InlineData("boardMeeting", "nb", "morgenmøte", false)]
    [InlineData("unit", "de", "Abteilung", false)]
    public void Problem_AWord_IsAllowedOnlyWhenShortPlainAndNotAvoided(string concept, string language, string word, bool allowed) =>
        Assert.Equal(allowed, OrganisationTerms.Problem(concept, language, word) is null);
}
