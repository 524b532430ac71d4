using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.Features.Board;

/// <summary>Where an improvement stands. Every improvement shall end benefit-realised (or rejected), whatever tool it used.</summary>
public enum ImprovementStage
{
    Suggested,
    InProgress,
    Done,
    BenefitRealised,
    Rejected,
}

/// <summary>
/// Benefits are staged as Norwegian municipalities report them: identified (an estimate), planned (with a date),
/// realised, and sometimes reinvested (the freed capacity put to other work). A benefit stands at the furthest it reached.
/// </summary>
public enum BenefitStage
{
    Identified,
    Planned,
    Realised,
    Reinvested,
}

/// <summary>Where an improvement sits on one axis of the effort/effect (PICK) grid a board prioritises proposals on.</summary>
public enum PickLevel
{
    Low,
    High,
}

/// <summary>
/// The PICK grid's quadrants: little effort and little effect is possible, little effort and much effect is done at once
/// (implement), much of both is a challenge, much effort for little effect is dropped (kill).
/// </summary>
public enum PickQuadrant
{
    Possible,
    Implement,
    Challenge,
    Kill,
}

public enum DeviationStatus
{
    Open,
    Closed,
}

/// <summary>Where a record came from: a unit's check-in after a board meeting, or someone typing a command.</summary>
public enum RecordSource
{
    CheckIn,
    Command,
}

/// <summary>
/// One move of an improvement. <see cref="MeetingDate"/> names the board meeting whose check-in moved it: the move
/// counts in that meeting's week, whenever the check-in was sent; a move made with a button counts when it was made.
/// </summary>
public sealed record StageChange(ImprovementStage To, string By, DateTimeOffset At)
{
    public DateOnly? MeetingDate { get; init; }
}

/// <summary>An idea for doing the work better, with its lifecycle and who owns it.</summary>
public sealed record Improvement(
    string UnitId,
    string Id,
    string Title,
    string OwnerName,
    ImprovementStage Stage,
    RecordSource Source,
    DateTimeOffset CreatedAt)
{
    public const int MaxTitleLength = InputLimits.ImprovementTitle;

    /// <summary>The meeting whose check-in named it, when it came from one.</summary>
    public DateOnly? MeetingDate { get; init; }

    public IReadOnlyList<StageChange> History { get; init; } = [];

    /// <summary>
    /// The person (normalised id, an e-mail address) who sees it through, named on the board; their name is looked up
    /// when it is shown, so a new name or an erasure shows at once. <see cref="OwnerName"/> is who suggested it.
    /// </summary>
    public string? OwnerId { get; init; }

    public DateOnly? DueDate { get; init; }

    /// <summary>Its place on the effort/effect grid: both set, or neither (not placed yet).</summary>
    public PickLevel? Effort { get; init; }

    public PickLevel? Effect { get; init; }

    [JsonIgnore]
    public PickQuadrant? Pick => (Effort, Effect) switch
    {
        (PickLevel.Low, PickLevel.Low) => PickQuadrant.Possible,
        (PickLevel.Low, PickLevel.High) => PickQuadrant.Implement,
        (PickLevel.High, PickLevel.High) => PickQuadrant.Challenge,
        (PickLevel.High, PickLevel.Low) => PickQuadrant.Kill,
        _ => null,
    };

    [JsonIgnore]
    public string? ETag { get; init; }

    public bool IsOpen => Stage is ImprovementStage.Suggested or ImprovementStage.InProgress or ImprovementStage.Done;

    /// <summary>
    /// The moves a board makes: start or drop a suggestion, finish or drop work in progress, and realise the benefit of
    /// what is done. A rejected idea can be taken up again. Realising the benefit is its own action, since it records one.
    /// </summary>
    public static IReadOnlyList<ImprovementStage> NextStages(ImprovementStage stage) => stage switch
    {
        ImprovementStage.Suggested => [ImprovementStage.InProgress, ImprovementStage.Rejected],
        ImprovementStage.InProgress => [ImprovementStage.Done, ImprovementStage.Rejected],
        ImprovementStage.Done => [ImprovementStage.BenefitRealised],
        ImprovementStage.Rejected => [ImprovementStage.Suggested],
        _ => [],
    };

    public static bool CanMove(ImprovementStage from, ImprovementStage to) => NextStages(from).Contains(to);

    /// <summary>
    /// The moves a board makes by hand, on the tab's board: <see cref="NextStages"/> but realising the benefit, which is
    /// recorded with the benefit's figure so that neither exists without the other.
    /// </summary>
    public static IReadOnlyList<ImprovementStage> MovesByHand(ImprovementStage stage) =>
        [.. NextStages(stage).Where(s => s != ImprovementStage.BenefitRealised)];

    /// <summary>
    /// The moves that take an improvement from <paramref name="from"/> to <paramref name="to"/> at one board meeting,
    /// each one the lifecycle allows: a suggestion finished since the last meeting is started and done. Null when there
    /// is no such way (realising a benefit records one, so it is never part of it).
    /// </summary>
    public static IReadOnlyList<ImprovementStage>? PathTo(ImprovementStage from, ImprovementStage to) =>
        from == to ? []
        : to == ImprovementStage.BenefitRealised ? null
        : CanMove(from, to) ? [to]
        : from == ImprovementStage.Suggested && to == ImprovementStage.Done ? [ImprovementStage.InProgress, ImprovementStage.Done]
        : null;
}

/// <summary>
/// A benefit (gevinst / nytta) in a concrete unit of measure, staged: <see cref="Identified"/> is the estimate,
/// <see cref="Planned"/> the figure planned by <see cref="PlannedOn"/>, <see cref="Amount"/> on <see cref="RealisedOn"/>
/// what was realised, and <see cref="Reinvested"/> what the freed capacity went to. It belongs to an improvement
/// (<see cref="ImprovementId"/>) or, where none fits, to the unit under a short <see cref="Title"/>. A check-in reports one
/// realised this week. It may name other units it affects: a gain here can be work there.
/// </summary>
/// <remarks>
/// Rows written before benefits had stages hold only the realised figure: they read back as they were, since every
/// field added since is optional. Until a benefit is realised, <see cref="Amount"/> is 0 and <see cref="RealisedOn"/>
/// the day it was first recorded; nothing counts either before <see cref="IsRealised"/>.
/// </remarks>
public sealed record Benefit(
    string UnitId,
    string Id,
    BenefitKind Kind,
    BenefitStage Stage,
    decimal Amount,
    BenefitMeasure Measure,
    IReadOnlyList<string> AffectsUnitIds,
    DateOnly RealisedOn,
    string RecordedBy,
    RecordSource Source)
{
    public const int MaxTitleLength = InputLimits.ImprovementTitle;
    public const int MaxReinvestedLength = 500;

    public string? ImprovementId { get; init; }

    /// <summary>What the benefit is, when it belongs to the unit rather than to an improvement.</summary>
    public string? Title { get; init; }

    /// <summary>The person (normalised id, an e-mail address) who sees the benefit through to realised.</summary>
    public string? OwnerId { get; init; }

    /// <summary>The estimate made when the benefit was identified.</summary>
    public decimal? Identified { get; init; }

    public DateOnly? IdentifiedOn { get; init; }

    public decimal? Planned { get; init; }

    public DateOnly? PlannedOn { get; init; }

    /// <summary>What the capacity the benefit freed was put to, in the unit's words.</summary>
    public string? Reinvested { get; init; }

    public DateOnly? ReinvestedOn { get; init; }

    /// <summary>Who last corrected the figures in the tab, and when; a check-in sent again does not undo it.</summary>
    public string? CorrectedBy { get; init; }

    public DateTimeOffset? CorrectedAt { get; init; }

    /// <summary>The stored amount as written, when it was no number a decimal can hold (NaN, infinity, 1e400).</summary>
    [JsonIgnore]
    public string? UnreadableAmount { get; init; }

    [JsonIgnore]
    public string? ETag { get; init; }

    [JsonIgnore]
    public bool IsRealised => Stage is BenefitStage.Realised or BenefitStage.Reinvested;

    /// <summary>The realised figure, null until the benefit is realised.</summary>
    [JsonIgnore]
    public decimal? Realised => IsRealised ? Amount : null;

    /// <summary>
    /// The benefit with the figure of <paramref name="stage"/> recorded (and its date: when it was estimated, planned to be
    /// realised by, or realised; a revised estimate keeps the day of the first); it moves on
    /// to that stage unless it stood further already, so an estimate revised after the benefit was realised stays an estimate.
    /// Reinvestment is text, recorded by <see cref="WithReinvested"/>.
    /// </summary>
    public Benefit WithStage(BenefitStage stage, decimal amount, DateOnly date) => stage switch
    {
        BenefitStage.Identified => this with { Identified = amount, IdentifiedOn = IdentifiedOn ?? date, Stage = Furthest(BenefitStage.Identified) },
        BenefitStage.Planned => this with { Planned = amount, PlannedOn = date, Stage = Furthest(BenefitStage.Planned) },
        _ => this with { Amount = amount, RealisedOn = date, Stage = Furthest(BenefitStage.Realised) },
    };

    /// <summary>What the freed capacity went to. Only a realised benefit frees anything, which the caller checks (<see cref="IsRealised"/>).</summary>
    public Benefit WithReinvested(string text, DateOnly date) => this with { Reinvested = text, ReinvestedOn = ReinvestedOn ?? date, Stage = BenefitStage.Reinvested };

    /// <summary>The same record, whatever version it was read at: its list of affected units compared by content.</summary>
    public bool SameAs(Benefit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with { AffectsUnitIds = other.AffectsUnitIds, ETag = other.ETag } == other && AffectsUnitIds.SequenceEqual(other.AffectsUnitIds);
    }

    private BenefitStage Furthest(BenefitStage stage) => Stage > stage && Enum.IsDefined(Stage) ? Stage : stage;

    /// <summary>The amount of <paramref name="stage"/>: a stage reached counts what was given for it, a stage not reached nothing.</summary>
    public decimal? AmountAt(BenefitStage stage) => stage switch
    {
        BenefitStage.Identified => Identified,
        BenefitStage.Planned => Planned,
        BenefitStage.Realised => Realised,
        _ => Stage == BenefitStage.Reinvested ? Amount : null,
    };
}

/// <summary>
/// Something that did not go as planned, as the board recorded it. It is closed when dealt with, or when it became a
/// follow-up area with an owner and a deadline, which <see cref="FollowUpAreaId"/> then names.
/// </summary>
public sealed record Deviation(
    string UnitId,
    string Id,
    string Text,
    DeviationStatus Status,
    DateOnly ReportedOn,
    string ReportedBy,
    RecordSource Source)
{
    public string? ClosedBy { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string? FollowUpAreaId { get; init; }

    [JsonIgnore]
    public string? ETag { get; init; }
}

/// <summary>
/// Record ids that are the same every time the same thing is recorded: a re-sent check-in, Teams redelivering a
/// message, or a double click store one record, never two. Short, because they travel in card data and row keys.
/// </summary>
public static class RecordIds
{
    /// <summary>A line of a check-in: the meeting and the text as the board wrote it, case and spacing aside.</summary>
    public static string FromCheckIn(DateOnly meetingDate, string text) =>
        string.Create(CultureInfo.InvariantCulture, $"c{meetingDate:yyyyMMdd}-{Hash(Normalise(text))}");

    /// <summary>The i-th benefit of a check-in.</summary>
    public static string BenefitFromCheckIn(DateOnly meetingDate, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"c{meetingDate:yyyyMMdd}-b{index}");

    /// <summary>What a command created, from the activity that carried it (Teams keeps the id on redelivery).</summary>
    public static string FromActivity(DateTimeOffset at, string activityId) =>
        string.Create(CultureInfo.InvariantCulture, $"a{at:yyyyMMdd}-{Hash(activityId)}");

    /// <summary>The benefit an improvement realised: one per improvement, so saving it again replaces it.</summary>
    public static string BenefitOfImprovement(string improvementId) => $"i-{improvementId}";

    /// <summary>The prefix of ids made from one meeting's check-in.</summary>
    public static string CheckInPrefix(DateOnly meetingDate) => string.Create(CultureInfo.InvariantCulture, $"c{meetingDate:yyyyMMdd}-");

    private static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 5));
}
