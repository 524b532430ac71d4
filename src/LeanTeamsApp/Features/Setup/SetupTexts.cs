using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Features.Setup;

/// <summary>What the setup commands say, per language: binding channels, the board-meeting time, units and roles.</summary>
public sealed record SetupTexts
{
    public required Func<string, string> ChannelOnly { get; init; }

    public required string RegisterUnitUsage { get; init; }

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

    public required Language Language { get; init; }

    public string Weekday(DayOfWeek day) => Language.DayName(day);

    public static SetupTexts For(Language language) => OwnTerms.In(
        language switch
        {
            Language.Sv => Swedish,
            Language.En => English,
            Language.Nn => Nynorsk,
            _ => Norwegian,
        },
        language);

    private static readonly SetupTexts Norwegian = new()
    {
        Language = Language.Nb,
        ChannelOnly = word => $"Bruk «{word}» i en kanal i et team der LeanTeamsApp er lagt til, ikke i en privat chat.",
        RegisterUnitUsage = "Skriv hvilken enhet kanalen hører til, for eksempel «registrer enhet Hjemmetjenesten nord».",
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
    };

    private static readonly SetupTexts Nynorsk = new()
    {
        Language = Language.Nn,
        ChannelOnly = word => $"Bruk «{word}» i ein kanal i eit team der LeanTeamsApp er lagd til, ikkje i ein privat chat.",
        RegisterUnitUsage = "Skriv kva eining kanalen høyrer til, til dømes «registrer eining Heimetenesta nord».",
        UnitRegistered = (unit, channel) => $"Kanalen «{channel}» høyrer no til {unit}. Her kjem statusrapporten etter kvart tavlemøte.",
        UnitMovedFromChannel = (unit, previous) => $"{unit} var kopla til kanalen «{previous}» og er no flytta hit.",
        CoordinatorNoticeUnitRegistered = (unit, channel) => $"{unit} er no kopla til kanalen «{channel}».",
        ChannelTaken = (current, wanted) => $"Denne kanalen høyrer alt til {current}. Skal han flyttast til {wanted}? Då har {current} ingen kanal før du koplar eininga til ein annan, og statusrapporten går til einingsleiaren 1:1 så lenge.",
        MoveChannel = wanted => $"Flytt kanalen til {wanted}",
        KeepChannel = current => $"Behald {current}",
        ChannelMoved = (channel, wanted, previous) => $"Kanalen «{channel}» høyrer no til {wanted}. {previous} har ingen kanal lenger; statusrapporten går til einingsleiaren 1:1 til eininga får ein.",
        ChannelKept = current => $"Kanalen høyrer framleis til {current}. Ingenting vart endra.",
        UnitUnregistered = (channel, units) => $"Kanalen «{channel}» er ikkje lenger kopla til {units}. Statusrapporten går til einingsleiaren 1:1 til eininga får ein kanal igjen.",
        NoUnitInChannel = "Denne kanalen er ikkje kopla til nokon eining. Ingenting vart endra.",
        ForumIsNotAUnitChannel = "Dette er kanalen til forbetringsforumet, der vekeoppsummeringa kjem. Kopla eininga til sin eigen kanal.",
        UnitChannelIsNotTheForum = unit => $"Denne kanalen høyrer til {unit}. Vekeoppsummeringa skal til den eigne kanalen til forbetringsforumet: bruk kommandoen der, eller skriv «avregistrer eining» her først.",
        CoordinatorChannelSet = channel => $"Vekeoppsummeringa for forbetringsforumet kjem no i kanalen «{channel}».",
        BoardMeetingUsage = "Skriv dag og klokkeslett, og eventuelt lengd i minutt, til dømes «tavlemøte tysdag 08:45 15».",
        BadWeekday = text => $"«{text}» er ingen vekedag. Skriv til dømes «måndag» eller «tysdag».",
        BadTime = text => $"«{text}» er ikkje eit klokkeslett. Skriv TT:MM, til dømes 08:45.",
        BadMinutes = text => $"«{text}» er ikkje ei lengd eg kan bruke. Skriv talet på minutt frå {BoardMeeting.MinMinutes} til {BoardMeeting.MaxMinutes}.",
        WhichUnit = "Eg veit ikkje kva eining du meiner. Bruk kommandoen i kanalen til eininga.",
        BoardMeetingSet = (unit, day, time, minutes, first) => $"Tavlemøtet for {unit} er kvar {day} kl. {time} ({minutes} minutt) frå og med {first}. Tidlegare tavlemøte og statusrapportar står som før.",
        UnitsTitle = (org, count) => $"Einingar i {org} ({count})",
        NoUnits = "Det er ingen einingar enno.",
        NoChannel = "ingen kanal",
        MeetingTime = (day, time, minutes) => $"{day} kl. {time}, {minutes} min",
        WhoAmITitle = name => $"Rollene til {name}",
        NoRoles = "Du har ingen roller enno.",
    };

    private static readonly SetupTexts Swedish = new()
    {
        Language = Language.Sv,
        ChannelOnly = word => $"Använd ”{word}” i en kanal i ett team där LeanTeamsApp är tillagd, inte i en privat chatt.",
        RegisterUnitUsage = "Skriv vilken enhet kanalen hör till, till exempel ”registrera enhet Hemtjänsten norr”.",
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
    };

    private static readonly SetupTexts English = new()
    {
        Language = Language.En,
        ChannelOnly = word => $"Use \"{word}\" in a channel of a team where LeanTeamsApp is added, not in a private chat.",
        RegisterUnitUsage = "Say which unit this channel belongs to, e.g. \"register unit Home care north\".",
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
    };
}
