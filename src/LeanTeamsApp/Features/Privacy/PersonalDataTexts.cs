using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Storage;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.Features.Privacy;

/// <summary>The words of a person's data export, per language; kinds of record as the features name them.</summary>
public sealed record PersonalDataTexts
{
    public required string AboutSheet { get; init; }

    public required string Title { get; init; }

    public required string Person { get; init; }

    public required string Generated { get; init; }

    public required string Kind { get; init; }

    public required string Count { get; init; }

    public required string Where { get; init; }

    /// <summary>How <see cref="DataSubject.FormerEmployee"/> reads: the person an erasure replaced.</summary>
    public required string FormerEmployee { get; init; }

    public required IReadOnlyDictionary<string, string> Kinds { get; init; }

    /// <summary>The kind's name in this language; a kind a new feature adds before it has words reads as its code name.</summary>
    public string KindName(string kind) => Kinds.GetValueOrDefault(kind, kind);

    public static PersonalDataTexts For(Language language) => OwnTerms.In(
        language switch
        {
            Language.Sv => Sv,
            Language.En => En,
            Language.Nn => Nn,
            _ => Nb,
        },
        language);

    private static readonly PersonalDataTexts Nb = new()
    {
        AboutSheet = "Om uttrekket",
        Title = "Det LeanTeamsApp har lagret om deg",
        Person = "Person",
        Generated = "Laget",
        Kind = "Slags opplysninger",
        Count = "Antall",
        Where = "Hvor (tabell/nøkkel)",
        FormerEmployee = "tidligere ansatt",
        Kinds = new Dictionary<string, string>
        {
            ["organisationRoles"] = "Roller i organisasjonen",
            ["checkIns"] = "Statusrapporter",
            ["checkInCorrections"] = "Tidligere versjoner av statusrapporter",
            ["improvements"] = "Forbedringer",
            ["benefits"] = "Gevinster",
            ["deviations"] = "Avvik",
            ["reviews"] = "Revisjoner, Gemba-besøk og fiskebeinsanalyser",
            ["followUpAreas"] = "Oppfølgingsområder",
            ["appointments"] = "Avtaler i årshjulet",
            ["actionPlan"] = "Handlingsplan",
            ["organisationChanges"] = "Endringer i organisasjonen",
            ["importJournal"] = "Pågående import",
            ["conversations"] = "Samtaler i Teams",
            ["queuedMessages"] = "Meldinger som venter",
            ["deliveryProblems"] = "Meldinger som ikke kom fram",
            ["calendarSync"] = "Kalendersynkronisering",
            ["unitWeeks"] = "Ukesoppsummeringer",
            ["erasures"] = "Slettinger du har bedt om",
        },
    };

    private static readonly PersonalDataTexts Nn = new()
    {
        AboutSheet = "Om uttrekket",
        Title = "Det LeanTeamsApp har lagra om deg",
        Person = "Person",
        Generated = "Laga",
        Kind = "Slag opplysningar",
        Count = "Tal",
        Where = "Kvar (tabell/nøkkel)",
        FormerEmployee = "tidlegare tilsett",
        Kinds = new Dictionary<string, string>
        {
            ["organisationRoles"] = "Roller i organisasjonen",
            ["checkIns"] = "Statusrapportar",
            ["checkInCorrections"] = "Tidlegare versjonar av statusrapportar",
            ["improvements"] = "Forbetringar",
            ["benefits"] = "Gevinstar",
            ["deviations"] = "Avvik",
            ["reviews"] = "Revisjonar, Gemba-besøk og fiskebeinsanalysar",
            ["followUpAreas"] = "Oppfølgingsområde",
            ["appointments"] = "Avtalar i årshjulet",
            ["actionPlan"] = "Handlingsplan",
            ["organisationChanges"] = "Endringar i organisasjonen",
            ["importJournal"] = "Pågåande import",
            ["conversations"] = "Samtalar i Teams",
            ["queuedMessages"] = "Meldingar som ventar",
            ["deliveryProblems"] = "Meldingar som ikkje kom fram",
            ["calendarSync"] = "Kalendersynkronisering",
            ["unitWeeks"] = "Vekeoppsummeringar",
            ["erasures"] = "Slettingar du har bede om",
        },
    };

    private static readonly PersonalDataTexts Sv = new()
    {
        AboutSheet = "Om utdraget",
        Title = "Det LeanTeamsApp har sparat om dig",
        Person = "Person",
        Generated = "Skapat",
        Kind = "Slags uppgifter",
        Count = "Antal",
        Where = "Var (tabell/nyckel)",
        FormerEmployee = "tidigare anställd",
        Kinds = new Dictionary<string, string>
        {
            ["organisationRoles"] = "Roller i organisationen",
            ["checkIns"] = "Statusrapporter",
            ["checkInCorrections"] = "Tidigare versioner av statusrapporter",
            ["improvements"] = "Förbättringar",
            ["benefits"] = "Nyttor",
            ["deviations"] = "Avvikelser",
            ["reviews"] = "Uppföljningar, Gemba-besök och fiskbensanalyser",
            ["followUpAreas"] = "Uppföljningsområden",
            ["appointments"] = "Möten i årshjulet",
            ["actionPlan"] = "Handlingsplan",
            ["organisationChanges"] = "Ändringar i organisationen",
            ["importJournal"] = "Pågående import",
            ["conversations"] = "Samtal i Teams",
            ["queuedMessages"] = "Meddelanden som väntar",
            ["deliveryProblems"] = "Meddelanden som inte kom fram",
            ["calendarSync"] = "Kalendersynkronisering",
            ["unitWeeks"] = "Veckosammanställningar",
            ["erasures"] = "Raderingar du har begärt",
        },
    };

    private static readonly PersonalDataTexts En = new()
    {
        AboutSheet = "About this export",
        Title = "What LeanTeamsApp stores about you",
        Person = "Person",
        Generated = "Made",
        Kind = "Kind of data",
        Count = "Count",
        Where = "Where (table/key)",
        FormerEmployee = "former employee",
        Kinds = new Dictionary<string, string>
        {
            ["organisationRoles"] = "Roles in the organisation",
            ["checkIns"] = "Check-ins",
            ["checkInCorrections"] = "Earlier versions of check-ins",
            ["improvements"] = "Improvements",
            ["benefits"] = "Benefits",
            ["deviations"] = "Deviations",
            ["reviews"] = "Reviews, Gemba walks and fishbone analyses",
            ["followUpAreas"] = "Follow-up areas",
            ["appointments"] = "Year-wheel appointments",
            ["actionPlan"] = "Action plan",
            ["organisationChanges"] = "Changes to the organisation",
            ["importJournal"] = "Import under way",
            ["conversations"] = "Teams conversations",
            ["queuedMessages"] = "Messages waiting to be sent",
            ["deliveryProblems"] = "Messages that did not arrive",
            ["calendarSync"] = "Calendar sync",
            ["unitWeeks"] = "Weekly summaries",
            ["erasures"] = "Erasures you asked for",
        },
    };
}
