namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>
/// Why a value, a record or a file cannot be imported, as a value rather than a sentence: the same rule answers a
/// coordinator in the tab, a unit's leader on a card and an operator at the command line, each in their own language
/// (<see cref="ImportReasonTexts"/>). Arguments are what the file said (already quoted by <see cref="ImportError.Quote"/>),
/// numbers (written as the reader's language writes them), or another reason (a noun or a phrase, worded the same way).
/// </summary>
public sealed record ImportReason(ImportReasonKind Kind, IReadOnlyList<object> Arguments)
{
    public static ImportReason Of(ImportReasonKind kind, params object[] arguments) => new(kind, arguments);

    /// <summary>The reason in <paramref name="language"/>.</summary>
    public string In(Language language) => ImportReasonTexts.For(language).Render(this);

    public override string ToString() => In(Language.En);

    public bool Equals(ImportReason? other) =>
        other is not null && Kind == other.Kind && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Kind, Arguments.Count);
}

/// <summary>Every reason an import or a form's save can be refused for; <see cref="ImportReasonTexts"/> words each in every language.</summary>
public enum ImportReasonKind
{
    // The organisation record.
    TopManagementTwice,
    NotReminderHours,
    NotHoursPerWorkYear,
    NotChaseWeeks,
    NotReportCycle,
    NotHttpsAddress,
    NotWrittenLanguage,
    NotDigestWeekday,
    NotDigestTime,
    HolidayEndsBeforeStart,
    NotSetUp,
    MissingTenantId,
    NotTenantId,
    WrongTenant,
    TooManyHolidayPeriods,

    // People.
    UnknownRole,
    NotObjectId,
    DuplicatePerson,
    UnknownPersonInFile,
    UnknownPersonInSheet,
    UnknownPersonInForm,
    RemovedPerson,
    RemovedPersonInForm,

    // Service areas.
    MissingAreaLeader,
    NotAreaKind,
    DuplicateArea,
    AreaDescribedDifferently,
    UnknownArea,

    // Units.
    MissingServiceArea,
    MissingUnitLeader,
    NotYesNo,
    DuplicateUnit,
    UnitIdTaken,
    OnlyCoordinator,
    NoCoordinatorLeft,
    UnknownPersonNeedsName,
    TermByConceptAndLanguage,
    TermNotOverridable,
    TermNotLanguage,
    TermNotWords,
    TermAvoided,
    IndicatorNeedsName,
    IndicatorNameTooLong,
    IndicatorNeedsTarget,
    NotIndicatorTarget,
    IndicatorNeedsDirection,
    NotIndicatorDirection,

    UnknownUnit,
    MissingWeekday,
    NotWeekday,
    MissingStartTime,
    NotStartTime,
    NotMeetingLength,
    GuidanceEndsBeforeStart,
    NotCoordinatorAddress,
    CoordinatorNameTooLong,
    TooManyCoordinators,

    // Goals.
    TooManyAreaGoals,
    AreaGoalNeedsId,
    MissingGoalId,
    NotGoalId,
    TooManyUnitGoals,
    GoalTwice,
    UnknownGoalField,
    MissingGoalTitle,
    GoalTitleTooLong,
    DuplicateGoalId,
    DuplicateStoredGoalId,
    OverallGoalSupports,
    UnknownGoal,
    AreaGoalCannotSupport,
    UnitGoalCannotSupport,

    // Any value.
    MissingValue,
    NameTooLong,
    NotSlug,
    NotEmail,
    UnknownTimeZone,
    NotDate,
    NotTeamsId,
    ValueTooLong,
    ReplacementCharacter,
    ControlCharacter,
    TabOrLineBreak,

    // The file as a whole.
    TooManyErrors,
    FileTooLarge,
    UnsupportedFileType,
    NotTenantIdArgument,
    Utf32,
    BadUtf8AfterMark,
    BadUtf16,
    Utf16WithoutMark,
    MixedEncodings,
    NotUtf8Organisation,
    NotYaml,
    EmptyOrganisationFile,
    NotOrganisationMapping,
    SecondDocument,
    UnknownField,
    GivenTwiceFirstOn,
    GivenTwice,
    NotFieldName,
    ComplexKey,
    ExpectedList,
    ExpectedMapping,
    TooManyEntries,
    EntryNotMapping,
    ExpectedNot,
    Anchors,
    Tags,
    TooDeep,
    Aliases,
    BadQuote,
    EmptySheet,
    EmptyWorksheet,
    UnknownColumn,
    ColumnTwice,
    TooManyUnits,
    WorkbookUnreadable,
    WorkbookTooLarge,
    WorkbookTooManyParts,
    NotWorkbook,

    // Writing the import.
    ChangedDuringImport,
    StorageFailedRolledBack,
    StorageFailedNotRolledBack,
    ImportBusy,
    ImportTakenOver,
    KeptEdits,

    // Words other reasons are made of.
    IdsAndMore,
    NoGoalsYet,
    TheOrganisation,
    TheTerms,
    AHolidayPeriod,
    AServiceArea,
    APerson,
    AUnit,
    AValue,
    AValueOrList,
    AListOfGoals,
    ATitleOrMapping,
    AMapping,
    AList,
}
