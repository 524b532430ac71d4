using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Features.Digest;

/// <summary>What the weekly digest says, per language (a missing text is a compile error).</summary>
public sealed record DigestTexts
{
    public required Func<int, string, string> Title { get; init; }
    public required string MeetingsHeld { get; init; }
    public required Func<int, int, int?, string> HeldSummary { get; init; }
    public required string Missing { get; init; }
    public required string Improvements { get; init; }
    public required Func<int, int, string> ImprovementsSummary { get; init; }
    public required string BenefitsWeek { get; init; }
    public required string BenefitsYear { get; init; }

    /// <summary>The estimates made, counted from the records: this week's and the year's (<see cref="WeekAndYear"/>).</summary>
    public required string BenefitsIdentified { get; init; }
    public required Func<string, string, string> WeekAndYear { get; init; }

    /// <summary>The plans whose date falls in this year.</summary>
    public required string BenefitsPlanned { get; init; }
    public required string None { get; init; }
    public required string Deviations { get; init; }
    public required Func<int, int, string> DeviationsSummary { get; init; }
    public required string Help { get; init; }
    public required string AtRisk { get; init; }
    public required string Appointments { get; init; }
    public required Func<int, int, string> AppointmentsSummary { get; init; }
    public required string Attention { get; init; }
    public required Func<string, string> RiskLine { get; init; }
    public required Func<string, string, string> HelpLine { get; init; }
    public required Func<string, string, string, string> SiloLine { get; init; }

    /// <summary>A unit whose benefit figures this year were left out of the sums as out of bounds, and how many.</summary>
    public required Func<string, int, string> LeftOutLine { get; init; }

    /// <summary>A unit and the improvements done with no benefit recorded for the organisation's number of weeks.</summary>
    public required Func<string, string, string> ChaseLine { get; init; }
    public required Func<string, int, int, string> AreaHeader { get; init; }
    public required string ShowUnits { get; init; }

    public required string OpenOverview { get; init; }

    public required string OpenDelivery { get; init; }
    public required string Held { get; init; }
    public required string NotHeld { get; init; }
    public required string NotReported { get; init; }
    public required string DayOff { get; init; }
    public required Func<int, int, string> Improved { get; init; }
    public required string NextTwoWeeks { get; init; }
    public required string OverdueAppointments { get; init; }
    public required Func<int, string> More { get; init; }
    public required Func<int, string> MoreAreas { get; init; }
    public required string NotSetUp { get; init; }
    public required string NoUnits { get; init; }

    /// <summary>The heading of the coordinator's list of units the app cannot reach.</summary>
    public required string Delivery { get; init; }
    public required IReadOnlyDictionary<DeliveryReason, string> DeliveryReasons { get; init; }
    public required IReadOnlyDictionary<DeliveryAdvice, string> Advice { get; init; }

    public static DigestTexts For(Language language) => OwnTerms.In(
        language switch
        {
            Language.Sv => Swedish,
            Language.En => English,
            Language.Nn => Nynorsk,
            _ => Norwegian,
        },
        language);

    private static readonly DigestTexts Norwegian = new()
    {
        Title = (week, org) => $"Forbedringsforum uke {week} – {org}",
        MeetingsHeld = "Tavlemøter gjennomført",
        HeldSummary = (held, expected, percent) => $"{held} av {expected} denne uken" + (percent is { } p ? $" · {p} % siste 4 uker" : ""),
        Missing = "Statusrapport mangler",
        Improvements = "Forbedringer",
        ImprovementsSummary = (added, done) => $"{added} {(added == 1 ? "ny" : "nye")} · {done} {(done == 1 ? "ferdig" : "ferdige")}",
        BenefitsWeek = "Gevinster denne uken",
        BenefitsYear = "Gevinster hittil i år",
        BenefitsIdentified = "Gevinster identifisert",
        WeekAndYear = (week, year) => $"denne uken: {week} · hittil i år: {year}",
        BenefitsPlanned = "Gevinster planlagt realisert i år",
        None = "ingen",
        Deviations = "Avvik",
        DeviationsSummary = (added, overdue) => $"{added} {(added == 1 ? "nytt" : "nye")} · {overdue} {(overdue == 1 ? "oppfølgingsområde" : "oppfølgingsområder")} forfalt",
        Help = "Ber om hjelp fra utviklingsenheten",
        AtRisk = "Tre uker uten tavlemøte",
        Appointments = "Revisjoner og Gemba-besøk",
        AppointmentsSummary = (upcoming, overdue) => $"{upcoming} de neste to ukene · {overdue} ikke registrert etterpå",
        Attention = "Verdt å se på først",
        RiskLine = unit => $"{unit}: ingen tavlemøter de tre siste ukene",
        HelpLine = (unit, reason) => $"{unit} ber om hjelp: {reason}",
        SiloLine = (unit, benefit, affected) => $"{unit}: {benefit} – påvirker {affected}. Er arbeidet flyttet, ikke spart?",
        LeftOutLine = (unit, n) => $"{unit}: {n} gevinsttall er holdt utenfor summene fordi beløpet er ugyldig eller urimelig stort. Rett eller slett dem på enhetens side i fanen.",
        ChaseLine = (unit, titles) => $"{unit}: registrer gevinsten av {titles} (ferdig, ingen gevinst registrert).",
        AreaHeader = (area, held, expected) => $"{area} – {held} av {expected} tavlemøter gjennomført",
        ShowUnits = "Vis enhetene",
        OpenOverview = "Åpne oversikten",
        OpenDelivery = "Se hvilke enheter appen ikke når",
        Held = "gjennomført",
        NotHeld = "ikke gjennomført",
        NotReported = "ingen statusrapport",
        DayOff = "fri denne uken",
        Improved = (added, done) => $"{added} {(added == 1 ? "ny" : "nye")}/{done} {(done == 1 ? "ferdig" : "ferdige")}",
        NextTwoWeeks = "De neste to ukene",
        OverdueAppointments = "Ikke registrert etter gjennomføring",
        More = n => $"… og {n} til",
        MoreAreas = n => $"… og {n} tjenesteområder til, med færre å se på",
        NotSetUp = "Organisasjonen er ikke satt opp ennå.",
        NoUnits = "Ingen enheter er registrert ennå. Importer organisasjonen først.",
        Delivery = "Levering: enheter appen ikke når",
        DeliveryReasons = new Dictionary<DeliveryReason, string>
        {
            [DeliveryReason.BlockedByPerson] = "blokkert av mottakeren",
            [DeliveryReason.BotNotInTeam] = "appen er fjernet fra teamet",
            [DeliveryReason.ConversationNotFound] = "kanalen eller chatten finnes ikke lenger",
            [DeliveryReason.NoRoute] = "ingen kanal og ingen chat med enhetslederen",
            [DeliveryReason.Other] = "meldingen kom ikke fram",
        },
        Advice = new Dictionary<DeliveryAdvice, string>
        {
            [DeliveryAdvice.AddAppToTeam] = "legg appen til i teamet igjen",
            [DeliveryAdvice.AskToUnblock] = "be personen oppheve blokkeringen av appen",
            [DeliveryAdvice.AskToInstall] = "be personen legge til appen i Teams igjen",
            [DeliveryAdvice.BindChannel] = "koble enheten til en kanal med «registrer enhet»",
            [DeliveryAdvice.CheckStatus] = "se statuskoden fra Teams; kontakt IT hvis det gjentar seg",
        },
    };

    private static readonly DigestTexts Nynorsk = new()
    {
        Title = (week, org) => $"Forbetringsforum veke {week} – {org}",
        MeetingsHeld = "Tavlemøte gjennomførte",
        HeldSummary = (held, expected, percent) => $"{held} av {expected} denne veka" + (percent is { } p ? $" · {p} % siste 4 veker" : ""),
        Missing = "Statusrapport manglar",
        Improvements = "Forbetringar",
        ImprovementsSummary = (added, done) => $"{added} nye · {done} ferdige",
        BenefitsWeek = "Gevinstar denne veka",
        BenefitsYear = "Gevinstar hittil i år",
        BenefitsIdentified = "Gevinstar identifisert",
        WeekAndYear = (week, year) => $"denne veka: {week} · hittil i år: {year}",
        BenefitsPlanned = "Gevinstar planlagt realisert i år",
        None = "ingen",
        Deviations = "Avvik",
        DeviationsSummary = (added, overdue) => $"{added} nye · {overdue} oppfølgingsområde der fristen er ute",
        Help = "Ber om hjelp frå utviklingseininga",
        AtRisk = "Tre veker utan tavlemøte",
        Appointments = "Revisjonar og Gemba-besøk",
        AppointmentsSummary = (upcoming, overdue) => $"{upcoming} dei neste to vekene · {overdue} ikkje registrerte etterpå",
        Attention = "Verdt å sjå på først",
        RiskLine = unit => $"{unit}: ingen tavlemøte dei tre siste vekene",
        HelpLine = (unit, reason) => $"{unit} ber om hjelp: {reason}",
        SiloLine = (unit, benefit, affected) => $"{unit}: {benefit} – påverkar {affected}. Er arbeidet flytta, ikkje spart?",
        LeftOutLine = (unit, n) => $"{unit}: {n} gevinsttal er haldne utanfor summane fordi verdien er ugyldig eller urimeleg stor. Rett eller slett dei på sida til eininga i fana.",
        AreaHeader = (area, held, expected) => $"{area} – {held} av {expected} tavlemøte gjennomførte",
        ShowUnits = "Vis einingane",
        Held = "gjennomført",
        NotHeld = "ikkje gjennomført",
        NotReported = "ikkje rapportert",
        DayOff = "fri denne veka",
        Improved = (added, done) => $"{added} nye/{done} ferdige",
        NextTwoWeeks = "Dei neste to vekene",
        OverdueAppointments = "Ikkje registrerte etter gjennomføring",
        More = n => $"… og {n} til",
        MoreAreas = n => $"… og {n} tenesteområde til, med færre å sjå på",
        NotSetUp = "Organisasjonen er ikkje sett opp enno.",
        NoUnits = "Ingen einingar er registrerte enno. Importer organisasjonen først.",
        Delivery = "Levering: einingar appen ikkje når",
        DeliveryReasons = new Dictionary<DeliveryReason, string>
        {
            [DeliveryReason.BlockedByPerson] = "blokkert av mottakaren",
            [DeliveryReason.BotNotInTeam] = "appen er fjerna frå teamet",
            [DeliveryReason.ConversationNotFound] = "kanalen eller chatten finst ikkje lenger",
            [DeliveryReason.NoRoute] = "ingen kanal og ingen chat med einingsleiaren",
            [DeliveryReason.Other] = "meldinga kom ikkje fram",
        },
        Advice = new Dictionary<DeliveryAdvice, string>
        {
            [DeliveryAdvice.AddAppToTeam] = "legg appen til i teamet igjen",
            [DeliveryAdvice.AskToUnblock] = "be personen oppheve blokkeringa av appen",
            [DeliveryAdvice.AskToInstall] = "be personen leggje til appen i Teams igjen",
            [DeliveryAdvice.BindChannel] = "kopla eininga til ein kanal med «registrer eining»",
            [DeliveryAdvice.CheckStatus] = "sjå statuskoden frå Teams; kontakt IT viss det skjer igjen",
        },
        ChaseLine = (unit, titles) => $"{unit}: registrer gevinsten av {titles} (ferdig, ingen gevinst registrert).",
        OpenOverview = "Opne oversikta",
        OpenDelivery = "Sjå kva einingar appen ikkje når",
    };

    private static readonly DigestTexts Swedish = new()
    {
        Title = (week, org) => $"Förbättringsforum vecka {week} – {org}",
        MeetingsHeld = "Tavelmöten genomförda",
        HeldSummary = (held, expected, percent) => $"{held} av {expected} den här veckan" + (percent is { } p ? $" · {p} % senaste 4 veckorna" : ""),
        Missing = "Statusrapport saknas",
        Improvements = "Förbättringar",
        ImprovementsSummary = (added, done) => $"{added} {(added == 1 ? "ny" : "nya")} · {done} {(done == 1 ? "klar" : "klara")}",
        BenefitsWeek = "Nytta den här veckan",
        BenefitsYear = "Nytta hittills i år",
        BenefitsIdentified = "Nytta identifierad",
        WeekAndYear = (week, year) => $"den här veckan: {week} · hittills i år: {year}",
        BenefitsPlanned = "Nytta planerad att realiseras i år",
        None = "ingen",
        Deviations = "Avvikelser",
        DeviationsSummary = (added, overdue) => $"{added} {(added == 1 ? "ny" : "nya")} · {overdue} {(overdue == 1 ? "uppföljningsområde försenat" : "uppföljningsområden försenade")}",
        Help = "Ber om hjälp från utvecklingsenheten",
        AtRisk = "Tre veckor utan tavelmöte",
        Appointments = "Halvårsuppföljningar och Gemba-besök",
        AppointmentsSummary = (upcoming, overdue) => $"{upcoming} de närmaste två veckorna · {overdue} inte registrerade efteråt",
        Attention = "Värt att titta på först",
        RiskLine = unit => $"{unit}: inga tavelmöten de tre senaste veckorna",
        HelpLine = (unit, reason) => $"{unit} ber om hjälp: {reason}",
        SiloLine = (unit, benefit, affected) => $"{unit}: {benefit} – påverkar {affected}. Har arbetet flyttats i stället för sparats?",
        LeftOutLine = (unit, n) => $"{unit}: {n} nyttotal är utelämnade ur summorna eftersom beloppet är ogiltigt eller orimligt stort. Rätta eller ta bort dem på enhetens sida i fliken.",
        ChaseLine = (unit, titles) => $"{unit}: registrera nyttan av {titles} (klar, ingen nytta registrerad).",
        AreaHeader = (area, held, expected) => $"{area} – {held} av {expected} tavelmöten genomförda",
        ShowUnits = "Visa enheterna",
        OpenOverview = "Öppna översikten",
        OpenDelivery = "Se vilka enheter appen inte når",
        Held = "genomfört",
        NotHeld = "inte genomfört",
        NotReported = "ingen statusrapport",
        DayOff = "ledigt den här veckan",
        Improved = (added, done) => $"{added} {(added == 1 ? "ny" : "nya")}/{done} {(done == 1 ? "klar" : "klara")}",
        NextTwoWeeks = "De närmaste två veckorna",
        OverdueAppointments = "Inte registrerade efter genomförande",
        More = n => $"… och {n} till",
        MoreAreas = n => $"… och {n} sektioner till, med mindre att titta på",
        NotSetUp = "Organisationen är inte konfigurerad ännu.",
        NoUnits = "Inga enheter är registrerade ännu. Importera organisationen först.",
        Delivery = "Leverans: enheter appen inte når",
        DeliveryReasons = new Dictionary<DeliveryReason, string>
        {
            [DeliveryReason.BlockedByPerson] = "blockerad av mottagaren",
            [DeliveryReason.BotNotInTeam] = "appen har tagits bort från teamet",
            [DeliveryReason.ConversationNotFound] = "kanalen eller chatten finns inte längre",
            [DeliveryReason.NoRoute] = "ingen kanal och ingen chatt med enhetschefen",
            [DeliveryReason.Other] = "meddelandet kom inte fram",
        },
        Advice = new Dictionary<DeliveryAdvice, string>
        {
            [DeliveryAdvice.AddAppToTeam] = "lägg till appen i teamet igen",
            [DeliveryAdvice.AskToUnblock] = "be personen att häva blockeringen av appen",
            [DeliveryAdvice.AskToInstall] = "be personen att lägga till appen i Teams igen",
            [DeliveryAdvice.BindChannel] = "koppla enheten till en kanal med ”registrera enhet”",
            [DeliveryAdvice.CheckStatus] = "se statuskoden från Teams; kontakta IT om det upprepas",
        },
    };

    private static readonly DigestTexts English = new()
    {
        Title = (week, org) => $"Improvement forum week {week} – {org}",
        MeetingsHeld = "Board meetings held",
        HeldSummary = (held, expected, percent) => $"{held} of {expected} this week" + (percent is { } p ? $" · {p} % over 4 weeks" : ""),
        Missing = "Check-in missing",
        Improvements = "Improvements",
        ImprovementsSummary = (added, done) => $"{added} new · {done} done",
        BenefitsWeek = "Benefits this week",
        BenefitsYear = "Benefits this year",
        BenefitsIdentified = "Benefits identified",
        WeekAndYear = (week, year) => $"this week: {week} · this year: {year}",
        BenefitsPlanned = "Benefits planned to be realised this year",
        None = "none",
        Deviations = "Deviations",
        DeviationsSummary = (added, overdue) => $"{added} new · {overdue} follow-up areas overdue",
        Help = "Asking the development unit for help",
        AtRisk = "Three weeks without a board meeting",
        Appointments = "Reviews and Gemba walks",
        AppointmentsSummary = (upcoming, overdue) => $"{upcoming} in the next two weeks · {overdue} not recorded afterwards",
        Attention = "Worth a look first",
        RiskLine = unit => $"{unit}: no board meeting in the last three weeks",
        HelpLine = (unit, reason) => $"{unit} asks for help: {reason}",
        SiloLine = (unit, benefit, affected) => $"{unit}: {benefit} – affects {affected}. Was work moved rather than saved?",
        LeftOutLine = (unit, n) => $"{unit}: {n} benefit figure(s) left out of the sums because the amount is invalid or implausibly large. Correct or delete them on the unit's page in the tab.",
        ChaseLine = (unit, titles) => $"{unit}: record the benefit of {titles} (done, no benefit recorded).",
        AreaHeader = (area, held, expected) => $"{area} – {held} of {expected} board meetings held",
        ShowUnits = "Show units",
        OpenOverview = "Open the overview",
        OpenDelivery = "See which units the app cannot reach",
        Held = "held",
        NotHeld = "not held",
        NotReported = "no check-in",
        DayOff = "day off this week",
        Improved = (added, done) => $"{added} new/{done} done",
        NextTwoWeeks = "Next two weeks",
        OverdueAppointments = "Not recorded after they took place",
        More = n => $"… and {n} more",
        MoreAreas = n => $"… and {n} more service areas, with less to look at",
        NotSetUp = "The organisation is not set up yet.",
        NoUnits = "No units are registered yet. Import the organisation first.",
        Delivery = "Delivery: units the app cannot reach",
        DeliveryReasons = new Dictionary<DeliveryReason, string>
        {
            [DeliveryReason.BlockedByPerson] = "blocked by the recipient",
            [DeliveryReason.BotNotInTeam] = "the app was removed from the team",
            [DeliveryReason.ConversationNotFound] = "the channel or chat no longer exists",
            [DeliveryReason.NoRoute] = "no channel and no chat with the unit leader",
            [DeliveryReason.Other] = "the message did not get through",
        },
        Advice = new Dictionary<DeliveryAdvice, string>
        {
            [DeliveryAdvice.AddAppToTeam] = "add the app to the team again",
            [DeliveryAdvice.AskToUnblock] = "ask the person to unblock the app",
            [DeliveryAdvice.AskToInstall] = "ask the person to add the app in Teams again",
            [DeliveryAdvice.BindChannel] = "bind the unit to a channel with 'register unit'",
            [DeliveryAdvice.CheckStatus] = "see Teams' status code; contact IT if it keeps happening",
        },
    };
}
