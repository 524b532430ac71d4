using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Bot;

/// <summary>
/// Everything the bot says, per language. A record of required members rather than resource keys: a text missing
/// in one language is a compile error, not a blank message in front of a unit leader.
/// </summary>
public sealed record BotTexts
{
    public required Language Language { get; init; }

    public required string HelpTitle { get; init; }

    public required string HelpIntro { get; init; }

    public required string HelpFooter { get; init; }

    public required Func<string, string?, string> Unknown { get; init; }

    public required string NotSetUp { get; init; }

    public required Func<string, string> UnknownPerson { get; init; }

    public required Func<string, IReadOnlyList<string>, string> UnitNotFound { get; init; }

    public required Func<string, string> SeveralUnitsInChannel { get; init; }

    public required IReadOnlyDictionary<Role, string> RoleNames { get; init; }

    public required string Conflict { get; init; }

    /// <summary>A refusal: what was asked, and where (a unit's name, or null for the organisation).</summary>
    public required Func<Permission, string?, string> NotAllowed { get; init; }

    public required string CardTargetGone { get; init; }

    /// <summary>A card of a unit archived since it was sent: the unit's records are history now, as in the tab.</summary>
    public required Func<string, string> UnitArchived { get; init; }

    public required string StorageDown { get; init; }

    public required string WelcomeTeam { get; init; }

    public required string WelcomePersonal { get; init; }

    /// <summary>Teams' name for a team's first channel, which it never sends.</summary>
    public required string GeneralChannel { get; init; }

    public static BotTexts For(Language language) => OwnTerms.In(
        language switch
        {
            Language.Sv => Swedish,
            Language.En => English,
            Language.Nn => Nynorsk,
            _ => Norwegian,
        },
        language);

    /// <summary>"Det kan Lean-koordinator, forbedringskonsulent eller ...": who may, from the access rule's own table.</summary>
    private static string WhoMay(Permission permission, BotTexts texts, string lead, string or, string owner)
    {
        var (roles, mayOwn) = AccessRule.WhoMay(permission);
        // Mid-sentence, a role is lower case, but Lean keeps its capital.
        List<string> names = [.. roles.Select(r => texts.RoleNames[r]).Select(n => n.StartsWith("Lean", StringComparison.Ordinal) ? n : char.ToLower(n[0], texts.Language.Culture()) + n[1..])];
        if (mayOwn)
        {
            names.Add(owner);
        }

        return names.Count switch
        {
            0 => "",
            1 => $"{lead} {names[0]}.",
            _ => $"{lead} {string.Join(", ", names[..^1])} {or} {names[^1]}.",
        };
    }

    // What each permission lets someone do, as the end of "you may not ...", for the refusals below.
    private static readonly Dictionary<Permission, string> NorwegianPermissions = new()
    {
        [Permission.ViewUnit] = "se tavlen til",
        [Permission.ViewArea] = "se tallene for",
        [Permission.ViewOrganisation] = "se tallene for hele organisasjonen",
        [Permission.ReportCheckIn] = "sende eller rette statusrapporten for",
        [Permission.WorkOnBoard] = "endre forbedringer og avvik for",
        [Permission.ManageImprovements] = "endre forbedringene på tavlen til",
        [Permission.ChangeBoardMeeting] = "endre tavlemøtet for",
        [Permission.BindChannel] = "koble kanaler til enheter",
        [Permission.PlanYear] = "planlegge årshjulet",
        [Permission.ManageAppointment] = "flytte, avlyse eller gi bort denne avtalen for",
        [Permission.RecordReview] = "registrere revisjoner og Gemba-besøk for",
        [Permission.ManageFollowUps] = "lukke eller opprette oppfølgingsområder for",
        [Permission.CorrectBenefits] = "rette eller slette gevinster for",
        [Permission.ViewActionPlan] = "se handlingsplanen",
        [Permission.EditActionPlan] = "endre handlingsplanen",
        [Permission.ManageOrganisation] = "holde organisasjonen oppdatert",
        [Permission.ViewDeliveryHealth] = "se hvilke enheter appen ikke når",
        [Permission.SeePersonalData] = "se hva som er lagret om",
        [Permission.ErasePersonalData] = "slette det som er lagret om",
        [Permission.PickPeople] = "søke etter personer i organisasjonen",
        [Permission.EditUnit] = "endre",
        [Permission.EditAreaGoals] = "endre målene for",
        [Permission.FindUnits] = "søke etter enheter i organisasjonen",
    };

    private static readonly Dictionary<Permission, string> NynorskPermissions = new()
    {
        [Permission.ViewUnit] = "sjå tavla til",
        [Permission.ViewArea] = "sjå tala for",
        [Permission.ViewOrganisation] = "sjå tala for heile organisasjonen",
        [Permission.ReportCheckIn] = "sende eller rette statusrapporten for",
        [Permission.WorkOnBoard] = "endre forbetringar og avvik for",
        [Permission.ManageImprovements] = "endre forbetringane på tavla til",
        [Permission.ChangeBoardMeeting] = "endre tavlemøtet for",
        [Permission.BindChannel] = "kople kanalar til einingar",
        [Permission.PlanYear] = "planleggje årshjulet",
        [Permission.ManageAppointment] = "flytte, avlyse eller gi bort denne avtalen for",
        [Permission.RecordReview] = "registrere revisjonar og Gemba-besøk for",
        [Permission.ManageFollowUps] = "lukke eller opprette oppfølgingsområde for",
        [Permission.CorrectBenefits] = "rette eller slette gevinstar for",
        [Permission.ViewActionPlan] = "sjå handlingsplanen",
        [Permission.EditActionPlan] = "endre handlingsplanen",
        [Permission.ManageOrganisation] = "halde organisasjonen oppdatert",
        [Permission.ViewDeliveryHealth] = "sjå kva einingar appen ikkje når",
        [Permission.SeePersonalData] = "sjå kva som er lagra om",
        [Permission.ErasePersonalData] = "slette det som er lagra om",
        [Permission.PickPeople] = "søkje etter personar i organisasjonen",
        [Permission.EditUnit] = "endre",
        [Permission.EditAreaGoals] = "endre måla for",
        [Permission.FindUnits] = "søkje etter einingar i organisasjonen",
    };

    private static readonly Dictionary<Permission, string> SwedishPermissions = new()
    {
        [Permission.ViewUnit] = "se tavlan för",
        [Permission.ViewArea] = "se siffrorna för",
        [Permission.ViewOrganisation] = "se siffrorna för hela organisationen",
        [Permission.ReportCheckIn] = "skicka eller rätta statusrapporten för",
        [Permission.WorkOnBoard] = "ändra förbättringar och avvikelser för",
        [Permission.ManageImprovements] = "ändra förbättringarna på tavlan för",
        [Permission.ChangeBoardMeeting] = "ändra tavelmötet för",
        [Permission.BindChannel] = "koppla kanaler till enheter",
        [Permission.PlanYear] = "planera årshjulet",
        [Permission.ManageAppointment] = "flytta, ställa in eller lämna över det här mötet för",
        [Permission.RecordReview] = "registrera halvårsuppföljningar och Gemba-besök för",
        [Permission.ManageFollowUps] = "stänga eller skapa uppföljningsområden för",
        [Permission.CorrectBenefits] = "rätta eller ta bort nyttor för",
        [Permission.ViewActionPlan] = "se handlingsplanen",
        [Permission.EditActionPlan] = "ändra handlingsplanen",
        [Permission.ManageOrganisation] = "hålla organisationen uppdaterad",
        [Permission.ViewDeliveryHealth] = "se vilka enheter appen inte når",
        [Permission.SeePersonalData] = "se vad som finns lagrat om",
        [Permission.ErasePersonalData] = "radera det som finns lagrat om",
        [Permission.PickPeople] = "söka efter personer i organisationen",
        [Permission.EditUnit] = "ändra",
        [Permission.EditAreaGoals] = "ändra målen för",
        [Permission.FindUnits] = "söka efter enheter i organisationen",
    };

    private static readonly Dictionary<Permission, string> EnglishPermissions = new()
    {
        [Permission.ViewUnit] = "see the board of",
        [Permission.ViewArea] = "see the figures of",
        [Permission.ViewOrganisation] = "see the whole organisation's figures",
        [Permission.ReportCheckIn] = "give or correct the check-in of",
        [Permission.WorkOnBoard] = "change improvements and deviations of",
        [Permission.ManageImprovements] = "change the improvements on the board of",
        [Permission.ChangeBoardMeeting] = "change the board meeting of",
        [Permission.BindChannel] = "bind channels to units",
        [Permission.PlanYear] = "plan the year wheel",
        [Permission.ManageAppointment] = "move, cancel or hand over this appointment of",
        [Permission.RecordReview] = "record reviews and Gemba walks of",
        [Permission.ManageFollowUps] = "close or open follow-up areas of",
        [Permission.CorrectBenefits] = "correct or delete benefits of",
        [Permission.ViewActionPlan] = "see the action plan",
        [Permission.EditActionPlan] = "change the action plan",
        [Permission.ManageOrganisation] = "keep the organisation up to date",
        [Permission.ViewDeliveryHealth] = "see which units the app cannot reach",
        [Permission.SeePersonalData] = "see what is stored about",
        [Permission.ErasePersonalData] = "erase what is stored about",
        [Permission.PickPeople] = "search for people in the organisation",
        [Permission.EditUnit] = "edit",
        [Permission.EditAreaGoals] = "change the goals of",
        [Permission.FindUnits] = "search the organisation's units",
    };

    private static readonly BotTexts Norwegian = new()
    {
        Language = Language.Nb,
        HelpTitle = "Dette kan LeanTeamsApp hjelpe med",
        HelpIntro = "Skriv en kommando til meg i chatten eller nevn meg i enhetens kanal.",
        HelpFooter = "Etter hvert tavlemøte ber jeg enheten om en kort statusrapport.",
        Unknown = (typed, suggestion) => suggestion is null
            ? $"Jeg forstod ikke «{typed}». Skriv «hjelp» for å se hva jeg kan."
            : $"Jeg forstod ikke «{typed}». Mente du «{suggestion}»? Skriv «hjelp» for å se hva jeg kan.",
        NotSetUp = "Organisasjonen din er ikke satt opp i LeanTeamsApp ennå. Be Lean-koordinatoren eller Teams-administratoren importere den først.",
        UnknownPerson = who => $"Jeg finner deg ikke ({who}) i organisasjonen. Be Lean-koordinatoren legge deg til.",
        UnitNotFound = (name, close) => close.Count == 0
            ? $"Jeg finner ingen enhet som heter «{name}». Skriv «enheter» for å se alle."
            : $"Jeg finner ingen enhet som heter «{name}». Mente du {string.Join(" eller ", close.Select(c => $"«{c}»"))}?",
        SeveralUnitsInChannel = names => $"Denne kanalen er koblet til flere enheter ({names}). Lean-koordinatoren velger én med «registrer enhet <navn>».",
        RoleNames = Glossary.Labels<Role>("", Language.Nb),
        Conflict = "Noen andre endret dette samtidig. Ingenting ble overskrevet – prøv igjen.",
        NotAllowed = (what, where) => $"Du har ikke tilgang til å {NorwegianPermissions[what]}{(where is null ? "" : " " + where)}. {WhoMay(what, Norwegian!, "Det kan gjøres av", "eller", "den som er ansvarlig for avtalen")} Ingenting ble endret.",
        CardTargetGone = "Dette kortet er utdatert: det det gjelder, finnes ikke lenger. Ingenting ble endret.",
        UnitArchived = unit => $"{unit} er arkivert: tavlen, statusrapportene og gevinstene er tatt vare på slik de var. Ingenting ble endret. Lean-koordinatoren kan gjenopprette enheten.",
        StorageDown = "Jeg får ikke lagret akkurat nå. Ingenting ble endret – prøv igjen om litt.",
        WelcomeTeam = "Hei! Jeg er LeanTeamsApp. Lean-koordinatoren kobler hver enhetskanal til sin enhet med «registrer enhet <navn>». Skriv «hjelp» for å se alt jeg kan.",
        WelcomePersonal = "Hei! Jeg er LeanTeamsApp. Skriv «hjelp» for å se hva jeg kan.",
        GeneralChannel = "Generelt",
    };

    private static readonly BotTexts Nynorsk = new()
    {
        Language = Language.Nn,
        HelpTitle = "Dette kan LeanTeamsApp hjelpe med",
        HelpIntro = "Skriv ein kommando til meg i chatten eller nemn meg i kanalen til eininga.",
        HelpFooter = "Etter kvart tavlemøte ber eg eininga om ein kort statusrapport.",
        Unknown = (typed, suggestion) => suggestion is null
            ? $"Eg forstod ikkje «{typed}». Skriv «hjelp» for å sjå kva eg kan."
            : $"Eg forstod ikkje «{typed}». Meinte du «{suggestion}»? Skriv «hjelp» for å sjå kva eg kan.",
        NotSetUp = "Organisasjonen din er ikkje sett opp i LeanTeamsApp enno. Be Lean-koordinatoren eller Teams-administratoren importere han først.",
        UnknownPerson = who => $"Eg finn deg ikkje ({who}) i organisasjonen. Be Lean-koordinatoren leggje deg til.",
        UnitNotFound = (name, close) => close.Count == 0
            ? $"Eg finn inga eining som heiter «{name}». Skriv «einingar» for å sjå alle."
            : $"Eg finn inga eining som heiter «{name}». Meinte du {string.Join(" eller ", close.Select(c => $"«{c}»"))}?",
        SeveralUnitsInChannel = names => $"Denne kanalen er kopla til fleire einingar ({names}). Lean-koordinatoren vel éi med «registrer eining <namn>».",
        RoleNames = new Dictionary<Role, string>
        {
            [Role.Coordinator] = "Lean-koordinator",
            [Role.Consultant] = "Forbetringskonsulent",
            [Role.TopManagement] = "Kommunedirektøren si leiargruppe",
            [Role.ServiceAreaLeader] = "Tenesteområdeleiar",
            [Role.UnitLeader] = "Einingsleiar",
            [Role.UnitCoordinator] = "Einingskoordinator",
            [Role.Member] = "Medarbeidar",
        },
        Conflict = "Nokon andre endra dette samtidig. Ingenting vart skrive over – prøv igjen.",
        NotAllowed = (what, where) => $"Du har ikkje tilgang til å {NynorskPermissions[what]}{(where is null ? "" : " " + where)}. {WhoMay(what, Nynorsk!, "Det kan gjerast av", "eller", "den som er ansvarleg for avtalen")} Ingenting vart endra.",
        CardTargetGone = "Dette kortet er utdatert: det gjeld noko som ikkje finst lenger. Ingenting vart endra.",
        UnitArchived = unit => $"{unit} er arkivert: tavla, statusrapportane og gevinstane er tekne vare på slik dei var. Ingenting vart endra. Lean-koordinatoren kan gjenopprette eininga.",
        StorageDown = "Eg får ikkje lagra akkurat no. Ingenting vart endra – prøv igjen om litt.",
        WelcomeTeam = "Hei! Eg er LeanTeamsApp. Lean-koordinatoren koplar kanalen til kvar eining med «registrer eining <namn>». Skriv «hjelp» for å sjå alt eg kan.",
        WelcomePersonal = "Hei! Eg er LeanTeamsApp. Skriv «hjelp» for å sjå kva eg kan.",
        GeneralChannel = "Generelt",
    };

    private static readonly BotTexts Swedish = new()
    {
        Language = Language.Sv,
        HelpTitle = "Det här kan LeanTeamsApp hjälpa till med",
        HelpIntro = "Skriv ett kommando till mig i chatten eller nämn mig i enhetens kanal.",
        HelpFooter = "Efter varje tavelmöte ber jag enheten om en kort statusrapport.",
        Unknown = (typed, suggestion) => suggestion is null
            ? $"Jag förstod inte ”{typed}”. Skriv ”hjälp” för att se vad jag kan."
            : $"Jag förstod inte ”{typed}”. Menade du ”{suggestion}”? Skriv ”hjälp” för att se vad jag kan.",
        NotSetUp = "Din organisation är inte upplagd i LeanTeamsApp ännu. Be leansamordnaren eller Teams-administratören att importera den först.",
        UnknownPerson = who => $"Jag hittar dig inte ({who}) i organisationen. Be leansamordnaren att lägga till dig.",
        UnitNotFound = (name, close) => close.Count == 0
            ? $"Jag hittar ingen enhet som heter ”{name}”. Skriv ”enheter” för att se alla."
            : $"Jag hittar ingen enhet som heter ”{name}”. Menade du {string.Join(" eller ", close.Select(c => $"”{c}”"))}?",
        SeveralUnitsInChannel = names => $"Den här kanalen är kopplad till flera enheter ({names}). Leansamordnaren väljer en med ”registrera enhet <namn>”.",
        RoleNames = Glossary.Labels<Role>("", Language.Sv),
        Conflict = "Någon annan ändrade det här samtidigt. Inget skrevs över – försök igen.",
        NotAllowed = (what, where) => $"Du har inte behörighet att {SwedishPermissions[what]}{(where is null ? "" : " " + where)}. {WhoMay(what, Swedish!, "Det kan göras av", "eller", "den som är ansvarig för mötet")} Inget ändrades.",
        CardTargetGone = "Det här kortet är inaktuellt: det gäller något som inte längre finns. Inget ändrades.",
        UnitArchived = unit => $"{unit} är arkiverad: tavlan, statusrapporterna och nyttorna finns kvar som de var. Inget ändrades. Leansamordnaren kan återställa enheten.",
        StorageDown = "Jag kan inte spara just nu. Inget ändrades – försök igen om en stund.",
        WelcomeTeam = "Hej! Jag är LeanTeamsApp. Leansamordnaren kopplar varje enhets kanal till sin enhet med ”registrera enhet <namn>”. Skriv ”hjälp” för att se allt jag kan.",
        WelcomePersonal = "Hej! Jag är LeanTeamsApp. Skriv ”hjälp” för att se vad jag kan.",
        GeneralChannel = "Allmänt",
    };

    private static readonly BotTexts English = new()
    {
        Language = Language.En,
        HelpTitle = "What LeanTeamsApp can help with",
        HelpIntro = "Send me a command in chat, or mention me in your unit's channel.",
        HelpFooter = "After each board meeting I ask the unit for a short status check-in.",
        Unknown = (typed, suggestion) => suggestion is null
            ? $"I didn't understand \"{typed}\". Type \"help\" to see what I can do."
            : $"I didn't understand \"{typed}\". Did you mean \"{suggestion}\"? Type \"help\" to see what I can do.",
        NotSetUp = "Your organisation is not set up in LeanTeamsApp yet. Ask your Lean coordinator or Teams administrator to import it first.",
        UnknownPerson = who => $"I can't find you ({who}) in the organisation. Ask your Lean coordinator to add you.",
        UnitNotFound = (name, close) => close.Count == 0
            ? $"I can't find a unit called \"{name}\". Type \"units\" to see them all."
            : $"I can't find a unit called \"{name}\". Did you mean {string.Join(" or ", close.Select(c => $"\"{c}\""))}?",
        SeveralUnitsInChannel = names => $"This channel is bound to several units ({names}). The Lean coordinator picks one with \"register unit <name>\".",
        RoleNames = Glossary.Labels<Role>("", Language.En),
        Conflict = "Someone else changed this at the same time. Nothing was overwritten - please try again.",
        NotAllowed = (what, where) => $"You are not allowed to {EnglishPermissions[what]}{(where is null ? "" : " " + where)}. {WhoMay(what, English!, "This is for the", "or", "the appointment's owner")} Nothing was changed.",
        CardTargetGone = "This card is out of date: what it refers to no longer exists. Nothing was changed.",
        UnitArchived = unit => $"{unit} is archived: its board, check-ins and benefits are kept as they were. Nothing was changed. The Lean coordinator can restore the unit.",
        StorageDown = "I can't save anything right now. Nothing was changed - please try again in a moment.",
        WelcomeTeam = "Hi! I'm LeanTeamsApp. The Lean coordinator binds each unit's channel to its unit with \"register unit <name>\". Type \"help\" to see everything I can do.",
        WelcomePersonal = "Hi! I'm LeanTeamsApp. Type \"help\" to see what I can do.",
        GeneralChannel = "General",
    };
}
