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

/// <summary>Benefits are staged as Norwegian municipalities report them: identified, planned, realised.</summary>
public enum BenefitStage
{
    Identified,
    Planned,
    Realised,
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
/// A benefit (gevinst / nytta) in a concrete unit of measure. A check-in reports one realised this week; an improvement
/// reaching "benefit realised" records its own. It may name other units it affects: a gain here can be work there.
/// </summary>
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
    public string? ImprovementId { get; init; }

    /// <summary>Who last corrected the figures in the tab, and when; a check-in sent again does not undo it.</summary>
    public string? CorrectedBy { get; init; }

    public DateTimeOffset? CorrectedAt { get; init; }

    /// <summary>The stored amount as written, when it was no number a decimal can hold (NaN, infinity, 1e400).</summary>
    [JsonIgnore]
    public string? UnreadableAmount { get; init; }

    [JsonIgnore]
    public string? ETag { get; init; }
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
