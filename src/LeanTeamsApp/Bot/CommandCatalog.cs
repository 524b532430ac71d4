namespace LeanTeamsApp.Bot;

public enum CommandKind
{
    Help,
    RegisterUnit,
    UnregisterUnit,
    SetCoordinatorChannel,
    BoardMeeting,
    Units,
    WhoAmI,
    CheckIn,
    Status,
    ImprovementAdd,
    Improvements,
    GembaPlan,
    Gemba,
    Digest,
    Report,
    ReviewDone,
    FollowUps,
}

/// <summary>
/// The words users type. Teams does not translate commands, so each has its English, Norwegian and Swedish form
/// (the titles in the app manifest's language files), and every form works whatever the user's locale.
/// </summary>
public static class CommandCatalog
{
    public static readonly IReadOnlyList<(CommandKind Kind, Language Language, string Alias)> Aliases =
    [
        (CommandKind.Help, Language.En, "help"),
        (CommandKind.Help, Language.Nb, "hjelp"),
        (CommandKind.Help, Language.Sv, "hjälp"),
        (CommandKind.Help, Language.Sv, "hjalp"),
        (CommandKind.Help, Language.En, "?"),
        (CommandKind.RegisterUnit, Language.En, "register unit"),
        (CommandKind.RegisterUnit, Language.Nb, "registrer enhet"),
        (CommandKind.RegisterUnit, Language.Sv, "registrera enhet"),
        (CommandKind.UnregisterUnit, Language.En, "unregister unit"),
        (CommandKind.UnregisterUnit, Language.Nb, "avregistrer enhet"),
        (CommandKind.UnregisterUnit, Language.Sv, "avregistrera enhet"),
        (CommandKind.SetCoordinatorChannel, Language.En, "set coordinator channel"),
        (CommandKind.SetCoordinatorChannel, Language.Nb, "sett koordinatorkanal"),
        (CommandKind.SetCoordinatorChannel, Language.Sv, "ange koordinatorkanal"),
        (CommandKind.BoardMeeting, Language.En, "board meeting"),
        (CommandKind.BoardMeeting, Language.Nb, "tavlemøte"),
        (CommandKind.BoardMeeting, Language.Nb, "tavlemote"),
        (CommandKind.BoardMeeting, Language.Sv, "tavelmöte"),
        (CommandKind.BoardMeeting, Language.Sv, "tavelmote"),
        (CommandKind.Units, Language.En, "units"),
        (CommandKind.Units, Language.Nb, "enheter"),
        (CommandKind.Units, Language.Sv, "enheter"),
        (CommandKind.WhoAmI, Language.En, "whoami"),
        (CommandKind.WhoAmI, Language.En, "who am i"),
        (CommandKind.WhoAmI, Language.Nb, "hvem er jeg"),
        (CommandKind.WhoAmI, Language.Sv, "vem är jag"),
        (CommandKind.CheckIn, Language.En, "checkin"),
        (CommandKind.CheckIn, Language.En, "check-in"),
        (CommandKind.CheckIn, Language.Nb, "statusrapport"),
        (CommandKind.CheckIn, Language.Sv, "statusrapport"),
        (CommandKind.Status, Language.En, "status"),
        (CommandKind.Status, Language.Nb, "status"),
        (CommandKind.Status, Language.Sv, "status"),
        (CommandKind.ImprovementAdd, Language.En, "improvement add"),
        (CommandKind.ImprovementAdd, Language.En, "add improvement"),
        (CommandKind.ImprovementAdd, Language.Nb, "forbedring ny"),
        (CommandKind.ImprovementAdd, Language.Nb, "ny forbedring"),
        (CommandKind.ImprovementAdd, Language.Sv, "förbättring ny"),
        (CommandKind.ImprovementAdd, Language.Sv, "ny förbättring"),
        (CommandKind.ImprovementAdd, Language.Sv, "forbattring ny"),
        (CommandKind.Improvements, Language.En, "improvements"),
        (CommandKind.Improvements, Language.Nb, "forbedringer"),
        (CommandKind.Improvements, Language.Sv, "förbättringar"),
        (CommandKind.Improvements, Language.Sv, "forbattringar"),
        (CommandKind.GembaPlan, Language.En, "gemba plan"),
        (CommandKind.GembaPlan, Language.Nb, "gemba plan"),
        (CommandKind.GembaPlan, Language.Sv, "gemba plan"),
        (CommandKind.GembaPlan, Language.Nb, "planlegg årshjul"),
        (CommandKind.GembaPlan, Language.Sv, "planera årshjul"),
        (CommandKind.Gemba, Language.En, "gemba"),
        (CommandKind.Gemba, Language.Nb, "gemba"),
        (CommandKind.Gemba, Language.Sv, "gemba"),
        (CommandKind.Digest, Language.En, "digest"),
        (CommandKind.Digest, Language.Nb, "ukeoppsummering"),
        (CommandKind.Digest, Language.Sv, "veckosammanfattning"),
        (CommandKind.Report, Language.En, "report"),
        (CommandKind.Report, Language.Nb, "rapport"),
        (CommandKind.Report, Language.Sv, "rapport"),
        (CommandKind.ReviewDone, Language.En, "review done"),
        (CommandKind.ReviewDone, Language.Nb, "revisjon ferdig"),
        (CommandKind.ReviewDone, Language.Sv, "revision klar"),
        (CommandKind.FollowUps, Language.En, "followups"),
        (CommandKind.FollowUps, Language.En, "follow-ups"),
        (CommandKind.FollowUps, Language.Nb, "oppfølging"),
        (CommandKind.FollowUps, Language.Nb, "oppfolging"),
        (CommandKind.FollowUps, Language.Sv, "uppföljning"),
        (CommandKind.FollowUps, Language.Sv, "uppfoljning"),
    ];

    /// <summary>The form shown to a user of <paramref name="language"/> (the first alias in that language).</summary>
    public static string Word(CommandKind kind, Language language) =>
        Aliases.First(a => a.Kind == kind && a.Language == language).Alias;
}
