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
        behandlingsansvarlig. Ingenting deles med andre organisasjoner, og data fra ulike organisasjoner holdes adskilt.</p>
        <h2>Hva appen lagrer, og hvorfor</h2>
        <ul>
        <li>Navn, e-postadresse, Entra ID-objekt-ID og roller for personene i organisasjonsoversikten: for å vite hvem
        som får statusrapporter, påminnelser og oppsummeringer, og hvem som får gjøre hva.</li>
        <li>Hvilke Teams-samtaler og -kanaler appen er lagt til i, og meldinger som ikke kom fram: for å nå enhetene.</li>
        <li>Lean-dataene enhetene selv registrerer (statusrapporter, forbedringer, avvik, gevinster, revisjoner,
        Gemba-besøk, handlingsplan), med navnet på den som registrerte: for oppfølging og rapportering.</li>
        </ul>
        <p>Fritekst sjekkes før den lagres: fødselsnummer, D-nummer og personnummer avvises, og i avviksfeltet også
        e-postadresser og telefonnumre. Opplysninger om pasienter, brukere eller klienter hører hjemme i virksomhetens
        avvikssystem.</p>
        <h2>Hvor lenge</h2>
        <p>Statusrapporter og tidligere versjoner av dem slettes når de er eldre enn organisasjonen har valgt
        (fem år om ikke annet er valgt). Personer som tas ut av organisasjonsoversikten, beholdes til de slettes.</p>
        <h2>Innsyn, utlevering og sletting</h2>
        <p>Du kan selv laste ned alt appen har lagret om deg (JSON eller Excel) under «Mine data» i appens fane.
        Lean-koordinatoren kan slette eller anonymisere en persons data: tall i rapporter som organisasjonen må beholde,
        står igjen med «tidligere ansatt» i stedet for navnet. Kontakt Lean-koordinatoren eller personvernombudet.</p>
        <section lang="sv"><h2>Integritet</h2>
        <p>LeanTeamsApp drivs av din organisation i organisationens eget Azure-konto, och organisationen är
        personuppgiftsansvarig. Appen lagrar namn, e-postadress, Entra ID-objekt-ID och roller för personer i
        organisationsöversikten (för att veta vem som får statusrapporter och påminnelser och vem som får göra vad),
        vilka Teams-samtal och kanaler appen har lagts till i (för att nå enheterna), samt de Lean-uppgifter som
        enheterna själva registrerar med namnet på den som registrerade (för uppföljning och rapportering).
        Statusrapporter raderas när de är äldre än organisationen har valt (fem år om inget annat valts). Du kan själv
        ladda ner allt appen har sparat om dig under «Mina uppgifter» i appens flik; leansamordnaren kan radera eller
        anonymisera en persons uppgifter, och siffror som organisationen måste behålla står kvar med «tidigare anställd».
        Kontakta leansamordnaren eller dataskyddsombudet.</p></section>
        <section lang="en"><h2>Privacy</h2>
        <p>LeanTeamsApp is run by your organisation in its own Azure subscription; your organisation is the data
        controller. The app stores names, e-mail addresses, Entra ID object ids and roles of the people in the
        organisation chart (to know who gets check-ins and reminders and who may do what), the Teams conversations and
        channels it was added to (to reach the units), and the Lean data units enter, with the name of whoever entered
        it (for follow-up and reporting). Check-ins are deleted once they are older than your organisation chose (five
        years unless it chose otherwise). You can download everything the app stores about you under "My data" in the
        app's tab; the Lean coordinator can erase or anonymise a person's data, and figures the organisation must keep
        stay with "former employee" in place of the name. Ask your Lean coordinator or data protection officer.</p></section>
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
