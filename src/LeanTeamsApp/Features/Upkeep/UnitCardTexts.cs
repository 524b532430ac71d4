using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Features.Upkeep;

/// <summary>What the card a unit's leader edits the unit with says, per language.</summary>
public sealed record UnitCardTexts
{
    public required Language Language { get; init; }

    public required Func<string, string> Title { get; init; }

    public required string Intro { get; init; }

    public required string WhichUnit { get; init; }

    public required string Weekday { get; init; }

    public required string Time { get; init; }

    public required string Minutes { get; init; }

    public required Func<int, string> Coordinator { get; init; }

    public required string EmailPlaceholder { get; init; }

    public required Func<int, string> Goal { get; init; }

    public required string NewGoal { get; init; }

    public required string Supports { get; init; }

    public required string NotLinked { get; init; }

    public required string GoalsHint { get; init; }

    public required string Save { get; init; }

    public required Func<string, string> Saved { get; init; }

    public required string NotSaved { get; init; }

    public required string Stale { get; init; }

    public required string Busy { get; init; }

    public required string Gone { get; init; }

    public required Func<string, string> Archived { get; init; }

    public required string BadWeekday { get; init; }

    public required string BadTime { get; init; }

    public required Func<int, int, string> BadMinutes { get; init; }

    public required Func<int, string> BadCoordinators { get; init; }

    public required Func<int, string> BadGoalTitle { get; init; }

    public required string BadSupports { get; init; }

    public required Func<string, string> BadOther { get; init; }

    public static UnitCardTexts For(Language language) => OwnTerms.In(
        language switch
        {
            Language.Sv => Swedish,
            Language.En => English,
            Language.Nn => Nynorsk,
            _ => Norwegian,
        },
        language);

    private static readonly UnitCardTexts Norwegian = new()
    {
        Language = Language.Nb,
        Archived = unit => $"{unit} er arkivert og kan ikke endres. Ingenting ble lagret.",
        WhichUnit = "Skriv hvilken enhet du vil endre, for eksempel «rediger enhet Byggesak», eller bruk kommandoen i enhetens kanal.",
        Title = unit => $"Rediger {unit}",
        Intro = "Tavlemøtet, enhetskoordinatorene og målene til enheten. Navn, enhetsleder og tjenesteområde endrer Lean-koordinatoren i fanen.",
        Weekday = "Ukedag for tavlemøtet",
        Time = "Klokkeslett",
        Minutes = "Varighet i minutter",
        Coordinator = n => $"Enhetskoordinator {n} (e-post)",
        EmailPlaceholder = "navn@kommune.no",
        Goal = n => $"Mål {n}",
        NewGoal = "Nytt mål",
        Supports = "Støtter målet",
        NotLinked = "Ikke koblet til et overordnet mål",
        GoalsHint = "Tøm tittelen på et mål for å fjerne det.",
        Save = "Lagre",
        Saved = unit => $"{unit} er lagret. Endringen står i enhetens historikk.",
        NotSaved = "Ikke lagret: se feltene som er merket.",
        Stale = "Noen andre endret enheten etter at dette kortet ble sendt. Her er den slik den er nå: gjør endringen din på nytt.",
        Busy = "Organisasjonen blir oppdatert akkurat nå. Ingenting ble lagret; prøv igjen om et minutt.",
        Gone = "Enheten finnes ikke lenger. Ingenting ble lagret.",
        BadWeekday = "Velg en ukedag.",
        BadTime = "Skriv klokkeslettet som TT:MM, for eksempel 08:45.",
        BadMinutes = (min, max) => $"Varigheten må være mellom {min} og {max} minutter.",
        BadCoordinators = max => $"Skriv e-postadressen til noen i organisasjonen, høyst {max}, og ikke enhetslederen.",
        BadGoalTitle = max => $"Et mål har en tittel på høyst {max} tegn.",
        BadSupports = "Velg et mål i tjenesteområdet eller et overordnet mål.",
        BadOther = field => $"Feltet «{field}» kunne ikke lagres slik det står. Be Lean-koordinatoren se på enheten i fanen.",
    };

    private static readonly UnitCardTexts Nynorsk = new()
    {
        Language = Language.Nn,
        Archived = unit => $"{unit} er arkivert og kan ikkje endrast. Ingenting vart lagra.",
        WhichUnit = "Skriv kva eining du vil endre, til dømes «rediger eining Byggesak», eller bruk kommandoen i kanalen til eininga.",
        Title = unit => $"Rediger {unit}",
        Intro = "Tavlemøtet, einingskoordinatorane og måla til eininga. Namn, einingsleiar og tenesteområde endrar Lean-koordinatoren i fana.",
        Weekday = "Vekedag for tavlemøtet",
        Time = "Klokkeslett",
        Minutes = "Lengd i minutt",
        Coordinator = n => $"Einingskoordinator {n} (e-post)",
        EmailPlaceholder = "namn@kommune.no",
        Goal = n => $"Mål {n}",
        NewGoal = "Nytt mål",
        Supports = "Støttar målet",
        NotLinked = "Ikkje kopla til eit overordna mål",
        GoalsHint = "Tøm tittelen på eit mål for å fjerne det.",
        Save = "Lagre",
        Saved = unit => $"{unit} er lagra. Endringa står i historikken til eininga.",
        NotSaved = "Ikkje lagra: sjå felta som er merkte.",
        Stale = "Nokon andre endra eininga etter at dette kortet vart sendt. Her er ho slik ho er no: gjer endringa di på nytt.",
        Busy = "Organisasjonen vert oppdatert akkurat no. Ingenting vart lagra; prøv igjen om eit minutt.",
        Gone = "Eininga finst ikkje lenger. Ingenting vart lagra.",
        BadWeekday = "Vel ein vekedag.",
        BadTime = "Skriv klokkeslettet som TT:MM, til dømes 08:45.",
        BadMinutes = (min, max) => $"Lengda må vere mellom {min} og {max} minutt.",
        BadCoordinators = max => $"Skriv e-postadressa til nokon i organisasjonen, høgst {max}, og ikkje einingsleiaren.",
        BadGoalTitle = max => $"Eit mål har ein tittel på høgst {max} teikn.",
        BadSupports = "Vel eit mål i tenesteområdet eller eit overordna mål.",
        BadOther = field => $"Feltet «{field}» kunne ikkje lagrast slik det står. Be Lean-koordinatoren sjå på eininga i fana.",
    };

    private static readonly UnitCardTexts Swedish = new()
    {
        Language = Language.Sv,
        Archived = unit => $"{unit} är arkiverad och kan inte ändras. Inget sparades.",
        WhichUnit = "Skriv vilken enhet du vill ändra, till exempel ”redigera enhet Bygglov”, eller använd kommandot i enhetens kanal.",
        Title = unit => $"Redigera {unit}",
        Intro = "Enhetens tavelmöte, leankoordinatorer och mål. Namn, enhetschef och verksamhetsområde ändrar leansamordnaren i fliken.",
        Weekday = "Veckodag för tavelmötet",
        Time = "Klockslag",
        Minutes = "Längd i minuter",
        Coordinator = n => $"Leankoordinator {n} (e-post)",
        EmailPlaceholder = "namn@kommun.se",
        Goal = n => $"Mål {n}",
        NewGoal = "Nytt mål",
        Supports = "Stöder målet",
        NotLinked = "Inte kopplat till ett övergripande mål",
        GoalsHint = "Töm ett måls titel för att ta bort det.",
        Save = "Spara",
        Saved = unit => $"{unit} är sparad. Ändringen finns i enhetens historik.",
        NotSaved = "Inte sparat: se de markerade fälten.",
        Stale = "Någon annan ändrade enheten efter att kortet skickades. Här är den som den är nu: gör din ändring igen.",
        Busy = "Organisationen uppdateras just nu. Inget sparades; försök igen om en minut.",
        Gone = "Enheten finns inte längre. Inget sparades.",
        BadWeekday = "Välj en veckodag.",
        BadTime = "Skriv klockslaget som TT:MM, till exempel 08:45.",
        BadMinutes = (min, max) => $"Längden ska vara mellan {min} och {max} minuter.",
        BadCoordinators = max => $"Skriv e-postadressen till någon i organisationen, högst {max}, och inte enhetschefen.",
        BadGoalTitle = max => $"Ett mål har en titel på högst {max} tecken.",
        BadSupports = "Välj ett mål i verksamhetsområdet eller ett övergripande mål.",
        BadOther = field => $"Fältet ”{field}” kunde inte sparas som det står. Be leansamordnaren titta på enheten i fliken.",
    };

    private static readonly UnitCardTexts English = new()
    {
        Language = Language.En,
        Archived = unit => $"{unit} is archived and cannot be changed. Nothing was saved.",
        WhichUnit = "Write which unit you want to edit, e.g. \"edit unit Building permits\", or use the command in the unit's channel.",
        Title = unit => $"Edit {unit}",
        Intro = "The unit's board meeting, unit Lean coordinators and goals. Its name, leader and service area are changed by the Lean coordinator in the tab.",
        Weekday = "Board meeting weekday",
        Time = "Time",
        Minutes = "Length in minutes",
        Coordinator = n => $"Unit Lean coordinator {n} (e-mail)",
        EmailPlaceholder = "name@municipality.no",
        Goal = n => $"Goal {n}",
        NewGoal = "New goal",
        Supports = "Supports the goal",
        NotLinked = "Not linked to a higher goal",
        GoalsHint = "Empty a goal's title to remove it.",
        Save = "Save",
        Saved = unit => $"{unit} is saved. The change is in the unit's history.",
        NotSaved = "Not saved: see the marked fields.",
        Stale = "Someone else changed the unit after this card was sent. Here it is as it is now: make your change again.",
        Busy = "The organisation is being updated right now. Nothing was saved; try again in a minute.",
        Gone = "The unit no longer exists. Nothing was saved.",
        BadWeekday = "Choose a weekday.",
        BadTime = "Write the time as HH:MM, e.g. 08:45.",
        BadMinutes = (min, max) => $"The length must be between {min} and {max} minutes.",
        BadCoordinators = max => $"Write the e-mail address of someone in the organisation, at most {max}, and not the unit's leader.",
        BadGoalTitle = max => $"A goal's title has at most {max} characters.",
        BadSupports = "Choose a goal of the service area or an overall goal.",
        BadOther = field => $"The field \"{field}\" could not be saved as it stands. Ask the Lean coordinator to look at the unit in the tab.",
    };
}
