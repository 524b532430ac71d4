using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Infrastructure.Errors;

/// <summary>
/// What a 400 from the tab API says next to a field, per language (<see cref="FieldProblem"/>); the field's name and
/// the problem's code stay the same in every language. The reasons of the organisation's rules are worded by
/// ImportReasonTexts; these are the checks an endpoint makes of the request itself.
/// </summary>
public sealed record FieldProblemTexts
{
    public required Language Language { get; init; }

    public required string SendETag { get; init; }

    public required string SendForm { get; init; }

    public required string UnitId { get; init; }

    public required string Year { get; init; }

    public required string ChooseOwner { get; init; }

    public required string DateFormat { get; init; }

    public required string TimeFormat { get; init; }

    public required string NoSuchPerson { get; init; }

    public required string SearchEmpty { get; init; }

    public required Func<int, string> SearchTooLong { get; init; }

    public required string SearchCharacters { get; init; }

    public required Func<int, int, string> RetentionYears { get; init; }

    public required string PersonByEmail { get; init; }

    public required string PickPerson { get; init; }

    public required string PersonalDataFormat { get; init; }

    public required string OrganisationFileFormat { get; init; }

    public required string FileNameEnding { get; init; }

    public required Func<int, string> FileNameLength { get; init; }

    public required string ChannelId { get; init; }

    public required Func<int, string> TextLength { get; init; }

    public required string GiveDate { get; init; }

    public required string ActionStatus { get; init; }

    public required string ChooseResponsible { get; init; }

    public required Func<string, string> DateFrom { get; init; }

    public required Func<int, string> ImprovementTitle { get; init; }

    public required string BoardColumn { get; init; }

    public required string PickLevel { get; init; }

    public required Func<string, int, string> DueDate { get; init; }

    public required string NoSuchImprovement { get; init; }

    /// <summary>A benefit asked for an improvement the board rejected: it realises nothing.</summary>
    public required string ImprovementRejected { get; init; }

    public required Func<int, string> BenefitTitle { get; init; }

    public required Func<string, string> ChooseOneOf { get; init; }

    public required Func<int, string> BenefitOwner { get; init; }

    public required string RealiseFirst { get; init; }

    public required Func<int, string> Reinvested { get; init; }

    public required string WorkYearsOnlyForHours { get; init; }

    public required string PlannedDate { get; init; }

    public required string AmountNumber { get; init; }

    public required string AmountPlainNumber { get; init; }

    /// <summary>A whole amount's range: its least, its most and the measure it is counted in.</summary>
    public required Func<string, string, string, string> AmountWhole { get; init; }

    /// <summary>An amount with decimals: its most, the measure it is counted in and how many decimals.</summary>
    public required Func<string, string, int, string> AmountDecimals { get; init; }

    public static FieldProblemTexts For(Language language) => language switch
    {
        Language.Sv => Swedish,
        Language.En => English,
        Language.Nn => Nynorsk,
        _ => Norwegian,
    };

    private static readonly FieldProblemTexts English = new()
    {
        Language = Language.En,
        SendETag = "Send the etag this was read with.",
        SendForm = "Send the form.",
        UnitId = "Give the unit an id: lower-case letters, digits and '-' (e.g. hjemmetjenesten-nord).",
        Year = "Give a year from 2000 to 2100.",
        ChooseOwner = "Choose the person who leads it instead.",
        DateFormat = "Give the date as yyyy-MM-dd.",
        TimeFormat = "Give the time as HH:mm.",
        NoSuchPerson = "No person with this e-mail in the organisation.",
        SearchEmpty = "Type part of a name or an e-mail address.",
        SearchTooLong = max => $"At most {max} characters.",
        SearchCharacters = "Only letters, digits, spaces and the characters of an e-mail address.",
        RetentionYears = (min, max) => $"Keep check-ins from {min} to {max} years.",
        PersonByEmail = "A person is named by their e-mail address.",
        PickPerson = "Pick the person whose roles you change.",
        PersonalDataFormat = "Ask for json or xlsx.",
        OrganisationFileFormat = "Ask for yaml (the whole organisation) or xlsx (the units sheet).",
        FileNameEnding = "Name the file (organisation.yaml, units.csv or units.xlsx): its ending says how to read it.",
        FileNameLength = max => $"Give the file's name as it is, at most {max} characters.",
        ChannelId = "Name the channel: its Teams id, 19:…@thread.tacv2.",
        TextLength = max => $"Write 1 to {max} characters.",
        GiveDate = "Give a date.",
        ActionStatus = "Choose not started, in progress or done.",
        ChooseResponsible = "Choose the owner.",
        DateFrom = today => $"Give a date (yyyy-MM-dd) from {today} on.",
        ImprovementTitle = max => $"Give the improvement a title of 1 to {max} characters.",
        BoardColumn = "Choose a column of the board.",
        PickLevel = "Choose low or high (or leave both effort and effect out to take it off the grid).",
        DueDate = (today, years) => $"Give a date as yyyy-MM-dd from today, {today}, to {years} years ahead.",
        NoSuchImprovement = "No such improvement on this unit's board.",
        ImprovementRejected = "This improvement was rejected, so it has no benefit to record.",
        BenefitTitle = max => $"Name the improvement the benefit belongs to, or give the benefit a title of 1 to {max} characters.",
        ChooseOneOf = values => $"Choose one of {values}.",
        BenefitOwner = max => $"Name the owner by e-mail address, at most {max} characters.",
        RealiseFirst = "Record the realised figure first: only a realised benefit frees capacity to reinvest.",
        Reinvested = max => $"Say what the freed capacity went to, in 1 to {max} characters.",
        WorkYearsOnlyForHours = "Only a benefit counted in hours can be given in årsverk.",
        PlannedDate = "Give the date the benefit is planned to be realised by.",
        AmountNumber = "Give the amount as a plain number, such as 12.5.",
        AmountPlainNumber = "Give the amount as a plain number, such as 12.5 (no exponent, NaN or infinity).",
        AmountWhole = (min, max, measure) => $"Give a whole number from {min} to {max} ({measure}).",
        AmountDecimals = (max, measure, decimals) => $"Give a number above 0 and at most {max} ({measure}), with at most {decimals} decimals.",
    };

    private static readonly FieldProblemTexts Norwegian = new()
    {
        Language = Language.Nb,
        SendETag = "Send med etag-en fra da dette ble lest.",
        SendForm = "Send med skjemaet.",
        UnitId = "Gi enheten en id: små bokstaver, sifre og «-» (for eksempel hjemmetjenesten-nord).",
        Year = "Oppgi et år fra 2000 til 2100.",
        ChooseOwner = "Velg personen som skal lede det i stedet.",
        DateFormat = "Skriv datoen som åååå-MM-dd.",
        TimeFormat = "Skriv klokkeslettet som TT:mm.",
        NoSuchPerson = "Ingen i organisasjonen har denne e-postadressen.",
        SearchEmpty = "Skriv en del av et navn eller en e-postadresse.",
        SearchTooLong = max => $"Høyst {max} tegn.",
        SearchCharacters = "Bare bokstaver, sifre, mellomrom og tegnene i en e-postadresse.",
        RetentionYears = (min, max) => $"Statusrapporter tas vare på fra {min} til {max} år.",
        PersonByEmail = "En person oppgis med e-postadressen sin.",
        PickPerson = "Velg personen du endrer rollene til.",
        PersonalDataFormat = "Be om json eller xlsx.",
        OrganisationFileFormat = "Be om yaml (hele organisasjonen) eller xlsx (enhetsarket).",
        FileNameEnding = "Gi filen et navn (organisation.yaml, units.csv eller units.xlsx): endelsen sier hvordan den skal leses.",
        FileNameLength = max => $"Oppgi filnavnet slik det er, høyst {max} tegn.",
        ChannelId = "Oppgi kanalen: Teams-id-en, 19:…@thread.tacv2.",
        TextLength = max => $"Skriv fra 1 til {max} tegn.",
        GiveDate = "Oppgi en dato.",
        ActionStatus = "Velg ikke startet, pågår eller ferdig.",
        ChooseResponsible = "Velg hvem som er ansvarlig.",
        DateFrom = today => $"Oppgi en dato (åååå-MM-dd) fra og med {today}.",
        ImprovementTitle = max => $"Gi forbedringen en tittel på 1 til {max} tegn.",
        BoardColumn = "Velg en kolonne på tavlen.",
        PickLevel = "Velg lav eller høy (eller la både innsats og effekt stå tomme for å ta den ut av rutenettet).",
        DueDate = (today, years) => $"Skriv en dato som åååå-MM-dd fra i dag, {today}, til {years} år frem.",
        NoSuchImprovement = "Finner ingen slik forbedring på enhetens tavle.",
        ImprovementRejected = "Denne forbedringen er avvist og har ingen gevinst å registrere.",
        BenefitTitle = max => $"Oppgi forbedringen gevinsten hører til, eller gi gevinsten en tittel på 1 til {max} tegn.",
        ChooseOneOf = values => $"Velg en av {values}.",
        BenefitOwner = max => $"Oppgi den ansvarlige med e-postadresse, høyst {max} tegn.",
        RealiseFirst = "Registrer det realiserte tallet først: bare en realisert gevinst frigjør kapasitet som kan reinvesteres.",
        Reinvested = max => $"Skriv hva den frigjorte kapasiteten gikk til, på 1 til {max} tegn.",
        WorkYearsOnlyForHours = "Bare en gevinst som telles i timer, kan oppgis i årsverk.",
        PlannedDate = "Oppgi datoen gevinsten er planlagt realisert innen.",
        AmountNumber = "Skriv beløpet som et vanlig tall, for eksempel 12.5.",
        AmountPlainNumber = "Skriv beløpet som et vanlig tall, for eksempel 12.5 (uten eksponent, NaN eller uendelig).",
        AmountWhole = (min, max, measure) => $"Skriv et helt tall fra {min} til {max} ({measure}).",
        AmountDecimals = (max, measure, decimals) => $"Skriv et tall over 0 og høyst {max} ({measure}), med høyst {decimals} desimaler.",
    };

    private static readonly FieldProblemTexts Nynorsk = new()
    {
        Language = Language.Nn,
        SendETag = "Send med etag-en frå då dette vart lese.",
        SendForm = "Send med skjemaet.",
        UnitId = "Gi eininga ein id: små bokstavar, siffer og «-» (til dømes heimetenesta-nord).",
        Year = "Oppgi eit år frå 2000 til 2100.",
        ChooseOwner = "Vel personen som skal leie det i staden.",
        DateFormat = "Skriv datoen som åååå-MM-dd.",
        TimeFormat = "Skriv klokkeslettet som TT:mm.",
        NoSuchPerson = "Ingen i organisasjonen har denne e-postadressa.",
        SearchEmpty = "Skriv ein del av eit namn eller ei e-postadresse.",
        SearchTooLong = max => $"Høgst {max} teikn.",
        SearchCharacters = "Berre bokstavar, siffer, mellomrom og teikna i ei e-postadresse.",
        RetentionYears = (min, max) => $"Statusrapportar blir tekne vare på frå {min} til {max} år.",
        PersonByEmail = "Ein person blir oppgitt med e-postadressa si.",
        PickPerson = "Vel personen du endrar rollene til.",
        PersonalDataFormat = "Be om json eller xlsx.",
        OrganisationFileFormat = "Be om yaml (heile organisasjonen) eller xlsx (einingsarket).",
        FileNameEnding = "Gi fila eit namn (organisation.yaml, units.csv eller units.xlsx): endinga seier korleis ho skal lesast.",
        FileNameLength = max => $"Oppgi filnamnet slik det er, høgst {max} teikn.",
        ChannelId = "Oppgi kanalen: Teams-id-en, 19:…@thread.tacv2.",
        TextLength = max => $"Skriv frå 1 til {max} teikn.",
        GiveDate = "Oppgi ein dato.",
        ActionStatus = "Vel ikkje starta, pågår eller ferdig.",
        ChooseResponsible = "Vel kven som er ansvarleg.",
        DateFrom = today => $"Oppgi ein dato (åååå-MM-dd) frå og med {today}.",
        ImprovementTitle = max => $"Gi forbetringa ein tittel på 1 til {max} teikn.",
        BoardColumn = "Vel ei kolonne på tavla.",
        PickLevel = "Vel låg eller høg (eller la både innsats og effekt stå tomme for å ta ho ut av rutenettet).",
        DueDate = (today, years) => $"Skriv ein dato som åååå-MM-dd frå i dag, {today}, til {years} år fram.",
        NoSuchImprovement = "Finn inga slik forbetring på tavla til eininga.",
        ImprovementRejected = "Denne forbetringa er avvist og har ingen gevinst å registrere.",
        BenefitTitle = max => $"Oppgi forbetringa gevinsten høyrer til, eller gi gevinsten ein tittel på 1 til {max} teikn.",
        ChooseOneOf = values => $"Vel ein av {values}.",
        BenefitOwner = max => $"Oppgi den ansvarlege med e-postadresse, høgst {max} teikn.",
        RealiseFirst = "Registrer det realiserte talet først: berre ein realisert gevinst frigjer kapasitet som kan reinvesterast.",
        Reinvested = max => $"Skriv kva den frigjorde kapasiteten gjekk til, på 1 til {max} teikn.",
        WorkYearsOnlyForHours = "Berre ein gevinst som blir talt i timar, kan oppgivast i årsverk.",
        PlannedDate = "Oppgi datoen gevinsten er planlagd realisert innan.",
        AmountNumber = "Skriv beløpet som eit vanleg tal, til dømes 12.5.",
        AmountPlainNumber = "Skriv beløpet som eit vanleg tal, til dømes 12.5 (utan eksponent, NaN eller uendeleg).",
        AmountWhole = (min, max, measure) => $"Skriv eit heilt tal frå {min} til {max} ({measure}).",
        AmountDecimals = (max, measure, decimals) => $"Skriv eit tal over 0 og høgst {max} ({measure}), med høgst {decimals} desimalar.",
    };

    private static readonly FieldProblemTexts Swedish = new()
    {
        Language = Language.Sv,
        SendETag = "Skicka med etaggen från när detta lästes.",
        SendForm = "Skicka med formuläret.",
        UnitId = "Ge enheten ett id: små bokstäver, siffror och ”-” (till exempel hemtjansten-norr).",
        Year = "Ange ett år från 2000 till 2100.",
        ChooseOwner = "Välj personen som ska leda det i stället.",
        DateFormat = "Skriv datumet som åååå-MM-dd.",
        TimeFormat = "Skriv klockslaget som TT:mm.",
        NoSuchPerson = "Ingen i organisationen har den här e-postadressen.",
        SearchEmpty = "Skriv en del av ett namn eller en e-postadress.",
        SearchTooLong = max => $"Högst {max} tecken.",
        SearchCharacters = "Bara bokstäver, siffror, mellanslag och tecknen i en e-postadress.",
        RetentionYears = (min, max) => $"Statusrapporter sparas från {min} till {max} år.",
        PersonByEmail = "En person anges med sin e-postadress.",
        PickPerson = "Välj personen vars roller du ändrar.",
        PersonalDataFormat = "Be om json eller xlsx.",
        OrganisationFileFormat = "Be om yaml (hela organisationen) eller xlsx (enhetsbladet).",
        FileNameEnding = "Ge filen ett namn (organisation.yaml, units.csv eller units.xlsx): ändelsen säger hur den ska läsas.",
        FileNameLength = max => $"Ange filnamnet som det är, högst {max} tecken.",
        ChannelId = "Ange kanalen: dess Teams-id, 19:…@thread.tacv2.",
        TextLength = max => $"Skriv 1 till {max} tecken.",
        GiveDate = "Ange ett datum.",
        ActionStatus = "Välj inte påbörjad, pågår eller klar.",
        ChooseResponsible = "Välj vem som är ansvarig.",
        DateFrom = today => $"Ange ett datum (åååå-MM-dd) från och med {today}.",
        ImprovementTitle = max => $"Ge förbättringen en titel på 1 till {max} tecken.",
        BoardColumn = "Välj en kolumn på tavlan.",
        PickLevel = "Välj låg eller hög (eller lämna både insats och effekt tomma för att ta bort den ur rutnätet).",
        DueDate = (today, years) => $"Skriv ett datum som åååå-MM-dd från i dag, {today}, till {years} år framåt.",
        NoSuchImprovement = "Det finns ingen sådan förbättring på enhetens tavla.",
        ImprovementRejected = "Den här förbättringen är avvisad och har ingen nytta att registrera.",
        BenefitTitle = max => $"Ange förbättringen som nyttan hör till, eller ge nyttan en titel på 1 till {max} tecken.",
        ChooseOneOf = values => $"Välj en av {values}.",
        BenefitOwner = max => $"Ange den ansvariga med e-postadress, högst {max} tecken.",
        RealiseFirst = "Registrera den realiserade siffran först: bara en realiserad nytta frigör kapacitet att återinvestera.",
        Reinvested = max => $"Skriv vad den frigjorda kapaciteten gick till, med 1 till {max} tecken.",
        WorkYearsOnlyForHours = "Bara en nytta som räknas i timmar kan anges i årsarbetskrafter.",
        PlannedDate = "Ange datumet då nyttan planeras vara realiserad.",
        AmountNumber = "Skriv beloppet som ett vanligt tal, till exempel 12.5.",
        AmountPlainNumber = "Skriv beloppet som ett vanligt tal, till exempel 12.5 (utan exponent, NaN eller oändligt).",
        AmountWhole = (min, max, measure) => $"Skriv ett heltal från {min} till {max} ({measure}).",
        AmountDecimals = (max, measure, decimals) => $"Skriv ett tal över 0 och högst {max} ({measure}), med högst {decimals} decimaler.",
    };
}
