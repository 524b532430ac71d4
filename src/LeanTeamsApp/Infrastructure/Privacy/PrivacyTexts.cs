using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Infrastructure.Privacy;

/// <summary>What the app says when free text is refused, and where deviations about people belong, per language.</summary>
public sealed record PrivacyTexts
{
    public required IReadOnlyDictionary<PersonalData, string> Kinds { get; init; }

    /// <summary>The refusal, given the kind found as <see cref="Kinds"/> names it.</summary>
    public required Func<string, string> Refused { get; init; }

    /// <summary>Under a deviation field: what does not belong there.</summary>
    public required string DeviationHint { get; init; }

    /// <summary>The link to the organisation's deviation system, when it has set one.</summary>
    public required string DeviationSystemLink { get; init; }

    public string Refusal(PersonalData found) => Refused(Kinds[found]);

    public static PrivacyTexts For(Language language) => OwnTerms.In(
        language switch
        {
            Language.Sv => Sv,
            Language.En => En,
            Language.Nn => Nn,
            _ => Nb,
        },
        language);

    private static readonly PrivacyTexts Nb = new()
    {
        Kinds = new Dictionary<PersonalData, string>
        {
            [PersonalData.None] = "personopplysninger",
            [PersonalData.NorwegianBirthNumber] = "et fødselsnummer",
            [PersonalData.NorwegianDNumber] = "et D-nummer",
            [PersonalData.SwedishPersonalNumber] = "et svensk personnummer",
            [PersonalData.SwedishCoordinationNumber] = "et svensk samordningsnummer",
            [PersonalData.EmailAddress] = "en e-postadresse",
            [PersonalData.PhoneNumber] = "et telefonnummer",
        },
        Refused = kind => $"Teksten ser ut til å inneholde {kind}. Opplysninger som peker ut pasienter, brukere, klienter eller ansatte hører ikke hjemme i Teams; ta dem bort. Ingenting er lagret.",
        DeviationHint = "Formelle avviksmeldinger og alt som gjelder pasienter, brukere eller klienter hører hjemme i virksomhetens avvikssystem, ikke her. Skriv ingen navn, fødselsnummer eller kontaktopplysninger.",
        DeviationSystemLink = "Åpne avvikssystemet",
    };

    private static readonly PrivacyTexts Nn = new()
    {
        Kinds = new Dictionary<PersonalData, string>
        {
            [PersonalData.None] = "personopplysningar",
            [PersonalData.NorwegianBirthNumber] = "eit fødselsnummer",
            [PersonalData.NorwegianDNumber] = "eit D-nummer",
            [PersonalData.SwedishPersonalNumber] = "eit svensk personnummer",
            [PersonalData.SwedishCoordinationNumber] = "eit svensk samordningsnummer",
            [PersonalData.EmailAddress] = "ei e-postadresse",
            [PersonalData.PhoneNumber] = "eit telefonnummer",
        },
        Refused = kind => $"Teksten ser ut til å innehalde {kind}. Opplysningar som peikar ut pasientar, brukarar, klientar eller tilsette, høyrer ikkje heime i Teams; ta dei bort. Ingenting er lagra.",
        DeviationHint = "Formelle avviksmeldingar og alt som gjeld pasientar, brukarar eller klientar, høyrer heime i avvikssystemet til verksemda, ikkje her. Skriv ingen namn, fødselsnummer eller kontaktopplysningar.",
        DeviationSystemLink = "Opne avvikssystemet",
    };

    private static readonly PrivacyTexts Sv = new()
    {
        Kinds = new Dictionary<PersonalData, string>
        {
            [PersonalData.None] = "personuppgifter",
            [PersonalData.NorwegianBirthNumber] = "ett norskt personnummer (fødselsnummer)",
            [PersonalData.NorwegianDNumber] = "ett norskt D-nummer",
            [PersonalData.SwedishPersonalNumber] = "ett personnummer",
            [PersonalData.SwedishCoordinationNumber] = "ett samordningsnummer",
            [PersonalData.EmailAddress] = "en e-postadress",
            [PersonalData.PhoneNumber] = "ett telefonnummer",
        },
        Refused = kind => $"Texten verkar innehålla {kind}. Uppgifter som pekar ut patienter, brukare, klienter eller anställda hör inte hemma i Teams; ta bort dem. Inget har sparats.",
        DeviationHint = "Formella avvikelserapporter (som lex Sarah och lex Maria) och allt som gäller patienter, brukare eller klienter hör hemma i verksamhetens avvikelsesystem, inte här. Skriv inga namn, personnummer eller kontaktuppgifter.",
        DeviationSystemLink = "Öppna avvikelsesystemet",
    };

    private static readonly PrivacyTexts En = new()
    {
        Kinds = new Dictionary<PersonalData, string>
        {
            [PersonalData.None] = "personal data",
            [PersonalData.NorwegianBirthNumber] = "a Norwegian national identity number (fødselsnummer)",
            [PersonalData.NorwegianDNumber] = "a Norwegian D-number",
            [PersonalData.SwedishPersonalNumber] = "a Swedish personal identity number (personnummer)",
            [PersonalData.SwedishCoordinationNumber] = "a Swedish coordination number (samordningsnummer)",
            [PersonalData.EmailAddress] = "an e-mail address",
            [PersonalData.PhoneNumber] = "a phone number",
        },
        Refused = kind => $"The text seems to contain {kind}. Details that identify patients, clients, users or staff do not belong in Teams; take them out. Nothing was saved.",
        DeviationHint = "Formal deviation reports and anything about patients, clients or users belong in your organisation's deviation system, not here. Write no names, identity numbers or contact details.",
        DeviationSystemLink = "Open the deviation system",
    };
}
