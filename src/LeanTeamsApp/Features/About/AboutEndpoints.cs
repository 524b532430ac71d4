namespace LeanTeamsApp.Features.About;

/// <summary>
/// The public pages the Teams app manifest links to (website, privacy, terms). Teams shows these links to users and
/// administrators before they install the app, so they say plainly what is stored and who is responsible.
/// </summary>
public static class AboutEndpoints
{
    public static IEndpointRouteBuilder MapAbout(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Page("LeanTeamsApp", Home)).AllowAnonymous();
        app.MapGet("/privacy", () => Page("LeanTeamsApp – personvern / integritet / privacy", Privacy)).AllowAnonymous();
        app.MapGet("/terms", () => Page("LeanTeamsApp – vilkår / villkor / terms", Terms)).AllowAnonymous();
        return app;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Page(string title, string body) => TypedResults.Content(
        $$"""
        <!doctype html>
        <html lang="nb">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{title}}</title>
        <style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}h1,h2{color:#1b6b5a}</style></head>
        <body><main>{{body}}</main></body>
        </html>
        """,
        "text/html; charset=utf-8");

    private const string Home = """
        <h1>LeanTeamsApp</h1>
        <p>LeanTeamsApp holder kontinuerlig forbedring i gang i Microsoft Teams: statusrapport etter hvert tavlemøte,
        forbedringer og gevinster, Gemba-vandringer og halvårlige revisjoner, og en ukentlig oppsummering til
        forbedringsforumet.</p>
        <section lang="sv"><p>LeanTeamsApp håller det ständiga förbättringsarbetet levande i Microsoft Teams.</p></section>
        <section lang="en"><p>LeanTeamsApp keeps Lean continuous improvement alive in Microsoft Teams.</p></section>
        <p><a href="/privacy">Personvern / Integritet / Privacy</a> · <a href="/terms">Vilkår / Villkor / Terms</a></p>
        """;

    private const string Privacy = """
        <h1>Personvern</h1>
        <p>LeanTeamsApp drives av organisasjonen din i organisasjonens egen Azure-konto. Organisasjonen er
        behandlingsansvarlig. Appen lagrer bare det den trenger: navn, e-postadresse og Entra ID-objekt-ID for
        personer i organisasjonsoversikten, hvilke Teams-samtaler og -kanaler appen er lagt til i, og Lean-dataene
        enhetene selv registrerer (statusrapporter, forbedringer, avvik, gevinster). Ingenting deles med andre
        organisasjoner, og data fra ulike organisasjoner holdes adskilt. Kontakt Lean-koordinatoren eller
        personvernombudet i organisasjonen din for innsyn, retting, utlevering eller sletting av dine data.</p>
        <section lang="sv"><h2>Integritet</h2>
        <p>LeanTeamsApp drivs av din organisation i organisationens eget Azure-konto, och organisationen är
        personuppgiftsansvarig. Appen lagrar namn, e-postadress och Entra ID-objekt-ID för personer i
        organisationsöversikten, vilka Teams-samtal och kanaler appen har lagts till i, samt de Lean-uppgifter som
        enheterna själva registrerar. Kontakta leansamordnaren eller dataskyddsombudet för registerutdrag,
        rättelse eller radering.</p></section>
        <section lang="en"><h2>Privacy</h2>
        <p>LeanTeamsApp is run by your organisation in its own Azure subscription; your organisation is the data
        controller. The app stores names, e-mail addresses and Entra ID object ids of the people in the
        organisation chart, the Teams conversations and channels it was added to, and the Lean data units enter.
        Nothing is shared with other organisations. Ask your Lean coordinator or data protection officer to see,
        correct, export or delete your data.</p></section>
        """;

    private const string Terms = """
        <h1>Vilkår for bruk</h1>
        <p>LeanTeamsApp er et arbeidsverktøy som organisasjonen din stiller til rådighet for ansatte. Bruk det til
        organisasjonens forbedringsarbeid, i tråd med organisasjonens egne retningslinjer for Microsoft Teams.</p>
        <section lang="sv"><h2>Användarvillkor</h2>
        <p>LeanTeamsApp är ett arbetsverktyg som din organisation tillhandahåller för sitt förbättringsarbete, i
        enlighet med organisationens egna riktlinjer för Microsoft Teams.</p></section>
        <section lang="en"><h2>Terms of use</h2>
        <p>LeanTeamsApp is a work tool your organisation provides for its improvement work, to be used in line with
        your organisation's own policies for Microsoft Teams.</p></section>
        """;
}
