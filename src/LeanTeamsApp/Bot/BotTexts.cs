using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;

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

    public required IReadOnlyDictionary<CommandKind, (string Usage, string Description)> Commands { get; init; }

    public required string HelpFooter { get; init; }

    public required Func<string, string?, string> Unknown { get; init; }

    public required string NotSetUp { get; init; }

    public required Func<string, string> ChannelOnly { get; init; }


    public required Func<string, string> UnknownPerson { get; init; }

    public required string RegisterUnitUsage { get; init; }

    public required Func<string, IReadOnlyList<string>, string> UnitNotFound { get; init; }

    public required Func<string, string, string> UnitRegistered { get; init; }

    public required Func<string, string, string> UnitMovedFromChannel { get; init; }

    public required Func<string, string, string> CoordinatorNoticeUnitRegistered { get; init; }

    /// <summary>The channel already belongs to a unit (first) and the coordinator asked for another (second).</summary>
    public required Func<string, string, string> ChannelTaken { get; init; }

    public required Func<string, string> MoveChannel { get; init; }

    public required Func<string, string> KeepChannel { get; init; }

    /// <summary>Channel, the unit that has it now, the unit(s) that lost it.</summary>
    public required Func<string, string, string, string> ChannelMoved { get; init; }

    public required Func<string, string> ChannelKept { get; init; }

    /// <summary>Channel and the unit(s) no longer bound to it.</summary>
    public required Func<string, string, string> UnitUnregistered { get; init; }

    public required string NoUnitInChannel { get; init; }

    public required string ForumIsNotAUnitChannel { get; init; }

    public required Func<string, string> UnitChannelIsNotTheForum { get; init; }

    public required Func<string, string> SeveralUnitsInChannel { get; init; }

    public required Func<string, string> CoordinatorChannelSet { get; init; }

    public required string BoardMeetingUsage { get; init; }

    public required Func<string, string> BadWeekday { get; init; }

    public required Func<string, string> BadTime { get; init; }

    public required Func<string, string> BadMinutes { get; init; }

    public required string WhichUnit { get; init; }


    /// <summary>Unit, weekday, time, minutes and the date of the first meeting at the new time.</summary>
    public required Func<string, string, string, int, string, string> BoardMeetingSet { get; init; }

    public required Func<string, int, string> UnitsTitle { get; init; }

    public required string NoUnits { get; init; }

    public required string NoChannel { get; init; }

    public required Func<string, string, int, string> MeetingTime { get; init; }

    public required Func<string, string> WhoAmITitle { get; init; }

    public required string NoRoles { get; init; }

    public required IReadOnlyDictionary<Role, string> RoleNames { get; init; }

    public required string Conflict { get; init; }

    /// <summary>A refusal: what was asked, and where (a unit's name, or null for the organisation).</summary>
    public required Func<Permission, string?, string> NotAllowed { get; init; }

    public required string CardTargetGone { get; init; }

    public required string StorageDown { get; init; }

    public required string WelcomeTeam { get; init; }

    public required string WelcomePersonal { get; init; }

    /// <summary>Teams' name for a team's first channel, which it never sends.</summary>
    public required string GeneralChannel { get; init; }

    public string Weekday(DayOfWeek day) => Language.Culture().DateTimeFormat.GetDayName(day);

    public static BotTexts For(Language language) => language switch
    {
        Language.Sv => Swedish,
        Language.En => English,
        _ => Norwegian,
    };

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
        [Permission.ChangeBoardMeeting] = "endre tavlemøtet for",
        [Permission.BindChannel] = "koble kanaler til enheter",
        [Permission.PlanYear] = "planlegge årshjulet",
        [Permission.ManageAppointment] = "flytte, avlyse eller gi bort denne avtalen for",
        [Permission.RecordReview] = "registrere revisjoner og Gemba-besøk for",
        [Permission.ManageFollowUps] = "lukke eller opprette oppfølgingsområder for",
        [Permission.CorrectBenefits] = "rette eller slette gevinster for",
        [Permission.ViewActionPlan] = "se handlingsplanen",
        [Permission.EditActionPlan] = "endre handlingsplanen",
    };

    private static readonly Dictionary<Permission, string> SwedishPermissions = new()
    {
        [Permission.ViewUnit] = "se tavlan för",
        [Permission.ViewArea] = "se siffrorna för",
        [Permission.ViewOrganisation] = "se siffrorna för hela organisationen",
        [Permission.ReportCheckIn] = "skicka eller rätta statusrapporten för",
        [Permission.WorkOnBoard] = "ändra förbättringar och avvikelser för",
        [Permission.ChangeBoardMeeting] = "ändra tavelmötet för",
        [Permission.BindChannel] = "koppla kanaler till enheter",
        [Permission.PlanYear] = "planera årshjulet",
        [Permission.ManageAppointment] = "flytta, ställa in eller lämna över det här mötet för",
        [Permission.RecordReview] = "registrera halvårsuppföljningar och Gemba-besök för",
        [Permission.ManageFollowUps] = "stänga eller skapa uppföljningsområden för",
        [Permission.CorrectBenefits] = "rätta eller ta bort nyttor för",
        [Permission.ViewActionPlan] = "se handlingsplanen",
        [Permission.EditActionPlan] = "ändra handlingsplanen",
    };

    private static readonly Dictionary<Permission, string> EnglishPermissions = new()
    {
        [Permission.ViewUnit] = "see the board of",
        [Permission.ViewArea] = "see the figures of",
        [Permission.ViewOrganisation] = "see the whole organisation's figures",
        [Permission.ReportCheckIn] = "give or correct the check-in of",
        [Permission.WorkOnBoard] = "change improvements and deviations of",
        [Permission.ChangeBoardMeeting] = "change the board meeting of",
        [Permission.BindChannel] = "bind channels to units",
        [Permission.PlanYear] = "plan the year wheel",
        [Permission.ManageAppointment] = "move, cancel or hand over this appointment of",
        [Permission.RecordReview] = "record reviews and Gemba walks of",
        [Permission.ManageFollowUps] = "close or open follow-up areas of",
        [Permission.CorrectBenefits] = "correct or delete benefits of",
        [Permission.ViewActionPlan] = "see the action plan",
        [Permission.EditActionPlan] = "change the action plan",
    };

    private static readonly BotTexts Norwegian = new()
    {
        Language = Language.Nb,
        HelpTitle = "Dette kan LeanTeamsApp hjelpe med",
        HelpIntro = "Skriv en kommando til meg i chatten eller nevn meg i enhetens kanal.",
        Commands = new Dictionary<CommandKind, (string, string)>
        {
            [CommandKind.Help] = ("hjelp", "Vis denne oversikten."),
            [CommandKind.RegisterUnit] = ("registrer enhet <navn>", "Koble denne kanalen til en enhet (Lean-koordinator, i enhetens kanal)."),
            [CommandKind.UnregisterUnit] = ("avregistrer enhet", "Løs denne kanalen fra enheten den er koblet til (Lean-koordinator, i kanalen)."),
            [CommandKind.SetCoordinatorChannel] = ("sett koordinatorkanal", "Send ukesoppsummeringen for forbedringsforumet til denne kanalen (Lean-koordinator)."),
            [CommandKind.BoardMeeting] = ("tavlemøte <ukedag> <TT:MM> [minutter]", "Sett når enheten har sitt faste tavlemøte, for eksempel «tavlemøte tirsdag 08:45 15»."),
            [CommandKind.Units] = ("enheter", "Vis enhetene med kanal og tidspunkt for tavlemøtet."),
            [CommandKind.WhoAmI] = ("hvem er jeg", "Vis hvilke roller du har i LeanTeamsApp."),
            [CommandKind.CheckIn] = ("statusrapport", "Få statusrapporten etter tavlemøtet for enheten din nå."),
            [CommandKind.Status] = ("status", "Se enhetens siste seks tavlemøter samlet."),
            [CommandKind.ImprovementAdd] = ("forbedring ny <tekst>", "Før opp en forbedring i enhetens liste, for eksempel «forbedring ny felles mal for vaktbytte»."),
            [CommandKind.Improvements] = ("forbedringer", "Se enhetens åpne forbedringer og flytt dem videre: i arbeid, fullført, gevinst realisert. Lukk avvik, eller gjør dem til oppfølgingsområder."),
            [CommandKind.GembaPlan] = ("gemba plan [år]", "Planlegg årets revisjoner, Gemba-besøk og fiskebeinsanalyser, eller planlegg på nytt etter endringer (Lean-koordinator)."),
            [CommandKind.Gemba] = ("gemba", "Se dine neste revisjoner og Gemba-besøk."),
            [CommandKind.AppointmentMove] = ("gemba flytt <enhet> <revisjon|besøk|fiskebein> <dato> [TT:MM]", "Flytt enhetens neste revisjon, Gemba-besøk eller fiskebeinsanalyse; de som deltar får beskjed (Lean-koordinator, den som er ansvarlig)."),
            [CommandKind.AppointmentCancel] = ("gemba avlys <enhet> <revisjon|besøk|fiskebein>", "Avlys enhetens neste av den typen; den planlegges ikke på nytt (Lean-koordinator, den som er ansvarlig)."),
            [CommandKind.AppointmentOwner] = ("gemba ansvarlig <enhet> <revisjon|besøk|fiskebein> <person>", "Gi enhetens neste av den typen en annen ansvarlig, ved navn eller e-post (Lean-koordinator, den som er ansvarlig)."),
            [CommandKind.Digest] = ("ukeoppsummering", "Få forbedringsforumets ukeoppsummering nå (Lean-koordinator, tjenesteområdeleder)."),
            [CommandKind.Report] = ("rapport <K1–K4> <år>", "Kvartals- eller årsrapport med de faste målepunktene, som CSV og Excel, for eksempel «rapport K3 2026»."),
            [CommandKind.ReviewDone] = ("revisjon ferdig <enhet>", "Registrer hva siste revisjon, Gemba-besøk eller fiskebeinsanalyse i enheten fant, med oppfølgingsområder (tjenesteområdeleder, Lean-koordinator, forbedringskonsulent)."),
            [CommandKind.FollowUps] = ("oppfølging", "Se åpne oppfølgingsområder for enhetene dine, de med passert frist først, og lukk dem som er fulgt opp."),
        },
        HelpFooter = "Etter hvert tavlemøte ber jeg enheten om en kort statusrapport.",
        Unknown = (typed, suggestion) => suggestion is null
            ? $"Jeg forstod ikke «{typed}». Skriv «hjelp» for å se hva jeg kan."
            : $"Jeg forstod ikke «{typed}». Mente du «{suggestion}»? Skriv «hjelp» for å se hva jeg kan.",
        NotSetUp = "Organisasjonen din er ikke satt opp i LeanTeamsApp ennå. Be Lean-koordinatoren eller Teams-administratoren importere den først.",
        ChannelOnly = word => $"Bruk «{word}» i en kanal i et team der LeanTeamsApp er lagt til, ikke i en privat chat.",
        UnknownPerson = who => $"Jeg finner deg ikke ({who}) i organisasjonen. Be Lean-koordinatoren legge deg til.",
        RegisterUnitUsage = "Skriv hvilken enhet kanalen hører til, for eksempel «registrer enhet Hjemmetjenesten nord».",
        UnitNotFound = (name, close) => close.Count == 0
            ? $"Jeg finner ingen enhet som heter «{name}». Skriv «enheter» for å se alle."
            : $"Jeg finner ingen enhet som heter «{name}». Mente du {string.Join(" eller ", close.Select(c => $"«{c}»"))}?",
        UnitRegistered = (unit, channel) => $"Kanalen «{channel}» hører nå til {unit}. Her kommer statusrapporten etter hvert tavlemøte.",
        UnitMovedFromChannel = (unit, previous) => $"{unit} var koblet til kanalen «{previous}» og er nå flyttet hit.",
        CoordinatorNoticeUnitRegistered = (unit, channel) => $"{unit} er nå koblet til kanalen «{channel}».",
        ChannelTaken = (current, wanted) => $"Denne kanalen hører allerede til {current}. Skal den flyttes til {wanted}? Da har {current} ingen kanal før du kobler enheten til en annen, og statusrapporten går til enhetslederen 1:1 så lenge.",
        MoveChannel = wanted => $"Flytt kanalen til {wanted}",
        KeepChannel = current => $"Behold {current}",
        ChannelMoved = (channel, wanted, previous) => $"Kanalen «{channel}» hører nå til {wanted}. {previous} har ingen kanal lenger; statusrapporten går til enhetslederen 1:1 til enheten får en.",
        ChannelKept = current => $"Kanalen hører fortsatt til {current}. Ingenting ble endret.",
        UnitUnregistered = (channel, units) => $"Kanalen «{channel}» er ikke lenger koblet til {units}. Statusrapporten går til enhetslederen 1:1 til enheten får en kanal igjen.",
        NoUnitInChannel = "Denne kanalen er ikke koblet til noen enhet. Ingenting ble endret.",
        ForumIsNotAUnitChannel = "Dette er forbedringsforumets kanal, der ukeoppsummeringen kommer. Koble enheten til sin egen kanal.",
        UnitChannelIsNotTheForum = unit => $"Denne kanalen hører til {unit}. Ukeoppsummeringen skal til forbedringsforumets egen kanal: bruk kommandoen der, eller skriv «avregistrer enhet» her først.",
        SeveralUnitsInChannel = names => $"Denne kanalen er koblet til flere enheter ({names}). Lean-koordinatoren velger én med «registrer enhet <navn>».",
        CoordinatorChannelSet = channel => $"Ukesoppsummeringen for forbedringsforumet kommer nå i kanalen «{channel}».",
        BoardMeetingUsage = "Skriv dag og klokkeslett, og eventuelt varighet i minutter, for eksempel «tavlemøte tirsdag 08:45 15».",
        BadWeekday = text => $"«{text}» er ingen ukedag. Skriv for eksempel «mandag» eller «tirsdag».",
        BadTime = text => $"«{text}» er ikke et klokkeslett. Skriv TT:MM, for eksempel 08:45.",
        BadMinutes = text => $"«{text}» er ikke en varighet jeg kan bruke. Skriv antall minutter fra {BoardMeeting.MinMinutes} til {BoardMeeting.MaxMinutes}.",
        WhichUnit = "Jeg vet ikke hvilken enhet du mener. Bruk kommandoen i enhetens kanal.",
        BoardMeetingSet = (unit, day, time, minutes, first) => $"Tavlemøtet for {unit} er hver {day} kl. {time} ({minutes} minutter) fra og med {first}. Tidligere tavlemøter og statusrapporter står som før.",
        UnitsTitle = (org, count) => $"Enheter i {org} ({count})",
        NoUnits = "Det er ingen enheter ennå.",
        NoChannel = "ingen kanal",
        MeetingTime = (day, time, minutes) => $"{day} kl. {time}, {minutes} min",
        WhoAmITitle = name => $"Rollene til {name}",
        NoRoles = "Du har ingen roller ennå.",
        RoleNames = new Dictionary<Role, string>
        {
            [Role.Coordinator] = "Lean-koordinator",
            [Role.Consultant] = "Forbedringskonsulent",
            [Role.TopManagement] = "Kommunedirektørens ledergruppe",
            [Role.ServiceAreaLeader] = "Tjenesteområdeleder",
            [Role.UnitLeader] = "Enhetsleder",
            [Role.UnitCoordinator] = "Lean-koordinator i enheten",
            [Role.Member] = "Medarbeider",
        },
        Conflict = "Noen andre endret dette samtidig. Ingenting ble overskrevet – prøv igjen.",
        NotAllowed = (what, where) => $"Du har ikke tilgang til å {NorwegianPermissions[what]}{(where is null ? "" : " " + where)}. {WhoMay(what, Norwegian!, "Det kan gjøres av", "eller", "den som er ansvarlig for avtalen")} Ingenting ble endret.",
        CardTargetGone = "Dette kortet er utdatert: det det gjelder, finnes ikke lenger. Ingenting ble endret.",
        StorageDown = "Jeg får ikke lagret akkurat nå. Ingenting ble endret – prøv igjen om litt.",
        WelcomeTeam = "Hei! Jeg er LeanTeamsApp. Lean-koordinatoren kobler hver enhetskanal til sin enhet med «registrer enhet <navn>». Skriv «hjelp» for å se alt jeg kan.",
        WelcomePersonal = "Hei! Jeg er LeanTeamsApp. Skriv «hjelp» for å se hva jeg kan.",
        GeneralChannel = "Generelt",
    };

    private static readonly BotTexts Swedish = new()
    {
        Language = Language.Sv,
        HelpTitle = "Det här kan LeanTeamsApp hjälpa till med",
        HelpIntro = "Skriv ett kommando till mig i chatten eller nämn mig i verksamhetens kanal.",
        Commands = new Dictionary<CommandKind, (string, string)>
        {
            [CommandKind.Help] = ("hjälp", "Visa den här översikten."),
            [CommandKind.RegisterUnit] = ("registrera enhet <namn>", "Koppla den här kanalen till en enhet (leankoordinator, i enhetens kanal)."),
            [CommandKind.UnregisterUnit] = ("avregistrera enhet", "Koppla loss den här kanalen från enheten den hör till (leansamordnare, i kanalen)."),
            [CommandKind.SetCoordinatorChannel] = ("ange koordinatorkanal", "Skicka veckosammanfattningen för förbättringsforumet till den här kanalen (leankoordinator)."),
            [CommandKind.BoardMeeting] = ("tavelmöte <veckodag> <TT:MM> [minuter]", "Ange när enheten har sitt fasta tavelmöte, till exempel ”tavelmöte tisdag 08:45 15”."),
            [CommandKind.Units] = ("enheter", "Visa enheterna med kanal och tid för tavelmötet."),
            [CommandKind.WhoAmI] = ("vem är jag", "Visa vilka roller du har i LeanTeamsApp."),
            [CommandKind.CheckIn] = ("statusrapport", "Få statusrapporten efter tavelmötet för din enhet nu."),
            [CommandKind.Status] = ("status", "Se enhetens senaste sex tavelmöten samlat."),
            [CommandKind.ImprovementAdd] = ("förbättring ny <text>", "Lägg till en förbättring i enhetens lista, till exempel ”förbättring ny gemensam mall för passbyte”."),
            [CommandKind.Improvements] = ("förbättringar", "Se enhetens öppna förbättringar och flytta dem vidare: pågår, genomförd, nytta realiserad. Stäng avvikelser, eller gör dem till uppföljningsområden."),
            [CommandKind.GembaPlan] = ("gemba plan [år]", "Planera årets revisioner, Gemba-besök och fiskbensanalyser, eller planera om efter ändringar (leankoordinator)."),
            [CommandKind.Gemba] = ("gemba", "Se dina nästa revisioner och Gemba-besök."),
            [CommandKind.AppointmentMove] = ("gemba flytta <enhet> <revision|besök|fiskben> <datum> [TT:MM]", "Flytta enhetens nästa revision, Gemba-besök eller fiskbensanalys; deltagarna får besked (leankoordinator, den som är ansvarig)."),
            [CommandKind.AppointmentCancel] = ("gemba ställ in <enhet> <revision|besök|fiskben>", "Ställ in enhetens nästa av den typen; den planeras inte om (leankoordinator, den som är ansvarig)."),
            [CommandKind.AppointmentOwner] = ("gemba ansvarig <enhet> <revision|besök|fiskben> <person>", "Ge enhetens nästa av den typen en annan ansvarig, med namn eller e-post (leankoordinator, den som är ansvarig)."),
            [CommandKind.Digest] = ("veckosammanfattning", "Få förbättringsforumets veckosammanfattning nu (leankoordinator, sektionschef)."),
            [CommandKind.Report] = ("rapport <K1–K4> <år>", "Kvartals- eller årsrapport med de fasta mätpunkterna, som CSV och Excel, till exempel ”rapport K3 2026”."),
            [CommandKind.ReviewDone] = ("revision klar <enhet>", "Registrera vad enhetens senaste revision, Gemba-besök eller fiskbensanalys kom fram till, med uppföljningsområden (sektionschef, leankoordinator, förbättringskonsult)."),
            [CommandKind.FollowUps] = ("uppföljning", "Se öppna uppföljningsområden för dina enheter, de som passerat slutdatum först, och stäng dem som är uppföljda."),
        },
        HelpFooter = "Efter varje tavelmöte ber jag enheten om en kort statusrapport.",
        Unknown = (typed, suggestion) => suggestion is null
            ? $"Jag förstod inte ”{typed}”. Skriv ”hjälp” för att se vad jag kan."
            : $"Jag förstod inte ”{typed}”. Menade du ”{suggestion}”? Skriv ”hjälp” för att se vad jag kan.",
        NotSetUp = "Din organisation är inte upplagd i LeanTeamsApp ännu. Be leankoordinatorn eller Teams-administratören att importera den först.",
        ChannelOnly = word => $"Använd ”{word}” i en kanal i ett team där LeanTeamsApp är tillagd, inte i en privat chatt.",
        UnknownPerson = who => $"Jag hittar dig inte ({who}) i organisationen. Be leankoordinatorn att lägga till dig.",
        RegisterUnitUsage = "Skriv vilken enhet kanalen hör till, till exempel ”registrera enhet Hemtjänsten norr”.",
        UnitNotFound = (name, close) => close.Count == 0
            ? $"Jag hittar ingen enhet som heter ”{name}”. Skriv ”enheter” för att se alla."
            : $"Jag hittar ingen enhet som heter ”{name}”. Menade du {string.Join(" eller ", close.Select(c => $"”{c}”"))}?",
        UnitRegistered = (unit, channel) => $"Kanalen ”{channel}” hör nu till {unit}. Här kommer statusrapporten efter varje tavelmöte.",
        UnitMovedFromChannel = (unit, previous) => $"{unit} var kopplad till kanalen ”{previous}” och är nu flyttad hit.",
        CoordinatorNoticeUnitRegistered = (unit, channel) => $"{unit} är nu kopplad till kanalen ”{channel}”.",
        ChannelTaken = (current, wanted) => $"Den här kanalen hör redan till {current}. Ska den flyttas till {wanted}? Då har {current} ingen kanal förrän du kopplar enheten till en annan, och statusrapporten går till enhetschefen 1:1 så länge.",
        MoveChannel = wanted => $"Flytta kanalen till {wanted}",
        KeepChannel = current => $"Behåll {current}",
        ChannelMoved = (channel, wanted, previous) => $"Kanalen ”{channel}” hör nu till {wanted}. {previous} har ingen kanal längre; statusrapporten går till enhetschefen 1:1 tills enheten får en.",
        ChannelKept = current => $"Kanalen hör fortfarande till {current}. Inget ändrades.",
        UnitUnregistered = (channel, units) => $"Kanalen ”{channel}” är inte längre kopplad till {units}. Statusrapporten går till enhetschefen 1:1 tills enheten får en kanal igen.",
        NoUnitInChannel = "Den här kanalen är inte kopplad till någon enhet. Inget ändrades.",
        ForumIsNotAUnitChannel = "Det här är förbättringsforumets kanal, där veckosammanfattningen kommer. Koppla enheten till en egen kanal.",
        UnitChannelIsNotTheForum = unit => $"Den här kanalen hör till {unit}. Veckosammanfattningen ska till förbättringsforumets egen kanal: använd kommandot där, eller skriv ”avregistrera enhet” här först.",
        SeveralUnitsInChannel = names => $"Den här kanalen är kopplad till flera enheter ({names}). Leansamordnaren väljer en med ”registrera enhet <namn>”.",
        CoordinatorChannelSet = channel => $"Veckosammanfattningen för förbättringsforumet kommer nu i kanalen ”{channel}”.",
        BoardMeetingUsage = "Skriv dag och klockslag, och gärna längd i minuter, till exempel ”tavelmöte tisdag 08:45 15”.",
        BadWeekday = text => $"”{text}” är ingen veckodag. Skriv till exempel ”måndag” eller ”tisdag”.",
        BadTime = text => $"”{text}” är inget klockslag. Skriv TT:MM, till exempel 08:45.",
        BadMinutes = text => $"”{text}” är ingen längd jag kan använda. Skriv antal minuter från {BoardMeeting.MinMinutes} till {BoardMeeting.MaxMinutes}.",
        WhichUnit = "Jag vet inte vilken enhet du menar. Använd kommandot i enhetens kanal.",
        BoardMeetingSet = (unit, day, time, minutes, first) => $"Tavelmötet för {unit} är varje {day} kl. {time} ({minutes} minuter) från och med {first}. Tidigare tavelmöten och statusrapporter står kvar som förut.",
        UnitsTitle = (org, count) => $"Enheter i {org} ({count})",
        NoUnits = "Det finns inga enheter ännu.",
        NoChannel = "ingen kanal",
        MeetingTime = (day, time, minutes) => $"{day} kl. {time}, {minutes} min",
        WhoAmITitle = name => $"Roller för {name}",
        NoRoles = "Du har inga roller ännu.",
        RoleNames = new Dictionary<Role, string>
        {
            [Role.Coordinator] = "Leankoordinator",
            [Role.Consultant] = "Förbättringskonsult",
            [Role.TopManagement] = "Kommundirektörens ledningsgrupp",
            [Role.ServiceAreaLeader] = "Sektionschef",
            [Role.UnitLeader] = "Enhetschef",
            [Role.UnitCoordinator] = "Leankoordinator i enheten",
            [Role.Member] = "Medarbetare",
        },
        Conflict = "Någon annan ändrade det här samtidigt. Inget skrevs över – försök igen.",
        NotAllowed = (what, where) => $"Du har inte behörighet att {SwedishPermissions[what]}{(where is null ? "" : " " + where)}. {WhoMay(what, Swedish!, "Det kan göras av", "eller", "den som är ansvarig för mötet")} Inget ändrades.",
        CardTargetGone = "Det här kortet är inaktuellt: det gäller något som inte längre finns. Inget ändrades.",
        StorageDown = "Jag kan inte spara just nu. Inget ändrades – försök igen om en stund.",
        WelcomeTeam = "Hej! Jag är LeanTeamsApp. Leankoordinatorn kopplar varje enhets kanal till sin enhet med ”registrera enhet <namn>”. Skriv ”hjälp” för att se allt jag kan.",
        WelcomePersonal = "Hej! Jag är LeanTeamsApp. Skriv ”hjälp” för att se vad jag kan.",
        GeneralChannel = "Allmänt",
    };

    private static readonly BotTexts English = new()
    {
        Language = Language.En,
        HelpTitle = "What LeanTeamsApp can help with",
        HelpIntro = "Send me a command in chat, or mention me in your unit's channel.",
        Commands = new Dictionary<CommandKind, (string, string)>
        {
            [CommandKind.Help] = ("help", "Show this overview."),
            [CommandKind.RegisterUnit] = ("register unit <name>", "Bind this channel to a unit (Lean coordinator, in the unit's channel)."),
            [CommandKind.UnregisterUnit] = ("unregister unit", "Unbind this channel from its unit (Lean coordinator, in the channel)."),
            [CommandKind.SetCoordinatorChannel] = ("set coordinator channel", "Post the improvement forum's weekly digest in this channel (Lean coordinator)."),
            [CommandKind.BoardMeeting] = ("board meeting <weekday> <HH:MM> [minutes]", "Set when the unit holds its weekly board meeting, e.g. \"board meeting tuesday 08:45 15\"."),
            [CommandKind.Units] = ("units", "List the units with their channel and board-meeting time."),
            [CommandKind.WhoAmI] = ("whoami", "Show your roles in LeanTeamsApp."),
            [CommandKind.CheckIn] = ("checkin", "Get your unit's board-meeting check-in card now."),
            [CommandKind.Status] = ("status", "See your unit's last six board meetings at a glance."),
            [CommandKind.ImprovementAdd] = ("improvement add <text>", "Put an improvement on your unit's list, e.g. \"improvement add shared template for shift swaps\"."),
            [CommandKind.Improvements] = ("improvements", "See your unit's open improvements and move them along: in progress, done, benefit realised. Close deviations, or make them follow-up areas."),
            [CommandKind.GembaPlan] = ("gemba plan [year]", "Plan the year's reviews, Gemba walks and fishbone analyses, or re-plan after changes (Lean coordinator)."),
            [CommandKind.Gemba] = ("gemba", "See your next reviews and Gemba walks."),
            [CommandKind.AppointmentMove] = ("gemba move <unit> <review|walk|fishbone> <date> [HH:MM]", "Move the unit's next review, Gemba walk or fishbone analysis; its people are told (Lean coordinator, its owner)."),
            [CommandKind.AppointmentCancel] = ("gemba cancel <unit> <review|walk|fishbone>", "Cancel the unit's next one of that kind; it is not planned again (Lean coordinator, its owner)."),
            [CommandKind.AppointmentOwner] = ("gemba owner <unit> <review|walk|fishbone> <person>", "Hand the unit's next one of that kind to someone else, by name or e-mail (Lean coordinator, its owner)."),
            [CommandKind.Digest] = ("digest", "Get the improvement forum's weekly digest now (Lean coordinator, service-area leader)."),
            [CommandKind.Report] = ("report <Q1–Q4> <year>", "Quarterly or annual report with the fixed measurement points, as CSV and Excel, e.g. \"report Q3 2026\"."),
            [CommandKind.ReviewDone] = ("review done <unit>", "Record what the unit's latest review, Gemba walk or fishbone analysis found, with follow-up areas (service-area leader, Lean coordinator, improvement consultant)."),
            [CommandKind.FollowUps] = ("followups", "See the open follow-up areas of your units, overdue first, and close those followed up."),
        },
        HelpFooter = "After each board meeting I ask the unit for a short status check-in.",
        Unknown = (typed, suggestion) => suggestion is null
            ? $"I didn't understand \"{typed}\". Type \"help\" to see what I can do."
            : $"I didn't understand \"{typed}\". Did you mean \"{suggestion}\"? Type \"help\" to see what I can do.",
        NotSetUp = "Your organisation is not set up in LeanTeamsApp yet. Ask your Lean coordinator or Teams administrator to import it first.",
        ChannelOnly = word => $"Use \"{word}\" in a channel of a team where LeanTeamsApp is added, not in a private chat.",
        UnknownPerson = who => $"I can't find you ({who}) in the organisation. Ask your Lean coordinator to add you.",
        RegisterUnitUsage = "Say which unit this channel belongs to, e.g. \"register unit Home care north\".",
        UnitNotFound = (name, close) => close.Count == 0
            ? $"I can't find a unit called \"{name}\". Type \"units\" to see them all."
            : $"I can't find a unit called \"{name}\". Did you mean {string.Join(" or ", close.Select(c => $"\"{c}\""))}?",
        UnitRegistered = (unit, channel) => $"The channel \"{channel}\" now belongs to {unit}. The status check-in will come here after each board meeting.",
        UnitMovedFromChannel = (unit, previous) => $"{unit} was bound to the channel \"{previous}\" and has moved here.",
        CoordinatorNoticeUnitRegistered = (unit, channel) => $"{unit} is now bound to the channel \"{channel}\".",
        ChannelTaken = (current, wanted) => $"This channel already belongs to {current}. Move it to {wanted}? {current} then has no channel until you bind it to another, and its check-in goes to its leader 1:1 meanwhile.",
        MoveChannel = wanted => $"Move the channel to {wanted}",
        KeepChannel = current => $"Keep {current}",
        ChannelMoved = (channel, wanted, previous) => $"The channel \"{channel}\" now belongs to {wanted}. {previous} has no channel any more; its check-in goes to its leader 1:1 until it gets one.",
        ChannelKept = current => $"The channel still belongs to {current}. Nothing was changed.",
        UnitUnregistered = (channel, units) => $"The channel \"{channel}\" is no longer bound to {units}. The check-in goes to the unit leader 1:1 until the unit has a channel again.",
        NoUnitInChannel = "This channel is not bound to any unit. Nothing was changed.",
        ForumIsNotAUnitChannel = "This is the improvement forum's channel, where the weekly digest goes. Bind the unit to a channel of its own.",
        UnitChannelIsNotTheForum = unit => $"This channel belongs to {unit}. The weekly digest goes to the improvement forum's own channel: use the command there, or write \"unregister unit\" here first.",
        SeveralUnitsInChannel = names => $"This channel is bound to several units ({names}). The Lean coordinator picks one with \"register unit <name>\".",
        CoordinatorChannelSet = channel => $"The improvement forum's weekly digest will now be posted in \"{channel}\".",
        BoardMeetingUsage = "Give the day and time, and optionally the length in minutes, e.g. \"board meeting tuesday 08:45 15\".",
        BadWeekday = text => $"\"{text}\" is not a weekday. Write e.g. \"monday\" or \"tuesday\".",
        BadTime = text => $"\"{text}\" is not a time of day. Write HH:MM, e.g. 08:45.",
        BadMinutes = text => $"\"{text}\" is not a length I can use. Give minutes from {BoardMeeting.MinMinutes} to {BoardMeeting.MaxMinutes}.",
        WhichUnit = "I don't know which unit you mean. Use the command in the unit's channel.",
        BoardMeetingSet = (unit, day, time, minutes, first) => $"{unit}'s board meeting is every {day} at {time} ({minutes} minutes) from {first} on. Earlier board meetings and their check-ins stay as they were.",
        UnitsTitle = (org, count) => $"Units in {org} ({count})",
        NoUnits = "There are no units yet.",
        NoChannel = "no channel",
        MeetingTime = (day, time, minutes) => $"{day} at {time}, {minutes} min",
        WhoAmITitle = name => $"Roles of {name}",
        NoRoles = "You have no roles yet.",
        RoleNames = new Dictionary<Role, string>
        {
            [Role.Coordinator] = "Lean coordinator",
            [Role.Consultant] = "Improvement consultant",
            [Role.TopManagement] = "Top management group",
            [Role.ServiceAreaLeader] = "Service-area leader",
            [Role.UnitLeader] = "Unit leader",
            [Role.UnitCoordinator] = "Unit Lean coordinator",
            [Role.Member] = "Staff member",
        },
        Conflict = "Someone else changed this at the same time. Nothing was overwritten - please try again.",
        NotAllowed = (what, where) => $"You are not allowed to {EnglishPermissions[what]}{(where is null ? "" : " " + where)}. {WhoMay(what, English!, "This is for the", "or", "the appointment's owner")} Nothing was changed.",
        CardTargetGone = "This card is out of date: what it refers to no longer exists. Nothing was changed.",
        StorageDown = "I can't save anything right now. Nothing was changed - please try again in a moment.",
        WelcomeTeam = "Hi! I'm LeanTeamsApp. The Lean coordinator binds each unit's channel to its unit with \"register unit <name>\". Type \"help\" to see everything I can do.",
        WelcomePersonal = "Hi! I'm LeanTeamsApp. Type \"help\" to see what I can do.",
        GeneralChannel = "General",
    };
}
