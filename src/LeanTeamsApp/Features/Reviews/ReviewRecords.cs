using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;

namespace LeanTeamsApp.Features.Reviews;

/// <summary>The categories of a fishbone analysis, as the seeds' template draws the bones.</summary>
public enum FishboneCategory
{
    People,
    Method,
    Tools,
    Environment,
    Management,
    Measurement,
}

/// <summary>What a fishbone analysis decides: the development unit keeps assisting, or withdraws and the service-area leader takes over.</summary>
public enum DevelopmentUnitDecision
{
    Continue,
    Withdraw,
}

public enum FollowUpStatus
{
    Open,
    Closed,
}

/// <summary>
/// What was recorded after an appointment of the year wheel was held: one per appointment, stored with the
/// follow-up areas it created, so a record never exists without them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$kind")]
[JsonDerivedType(typeof(AppointmentRecord), "appointment")]
[JsonDerivedType(typeof(FishboneRecord), "fishbone")]
public abstract record ReviewRecord(
    string AppointmentId,
    int Year,
    string UnitId,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    IReadOnlyList<string> FollowUpAreaIds)
{
    /// <summary>The e-mail of who recorded it, when the organisation knows them (GDPR export and deletion go by it).</summary>
    public string? RecordedById { get; init; }

    /// <summary>The day it was held, in the unit's time zone: the planned day unless the recorder gave another.</summary>
    public DateOnly? HeldOn { get; init; }

    [JsonIgnore]
    public string? ETag { get; init; }
}

/// <summary>What a semi-annual review or a Gemba walk found: observations, agreed actions, and deviations as follow-up areas.</summary>
public sealed record AppointmentRecord(
    string AppointmentId,
    int Year,
    string UnitId,
    string Observations,
    string? AgreedActions,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    IReadOnlyList<string> FollowUpAreaIds) : ReviewRecord(AppointmentId, Year, UnitId, RecordedBy, RecordedAt, FollowUpAreaIds);

/// <summary>A measure of a fishbone analysis: who does what by when.</summary>
public sealed record FishboneMeasure(string Text, string OwnerId, DateOnly Deadline);

/// <summary>
/// A fishbone analysis: "What prevents the unit from fully succeeding with Lean continuous improvement?" Causes per
/// category, measures with owner and deadline (each also a follow-up area, so it is followed up and closed like one),
/// and whether the development unit continues.
/// </summary>
public sealed record FishboneRecord(
    string AppointmentId,
    int Year,
    string UnitId,
    IReadOnlyDictionary<FishboneCategory, IReadOnlyList<string>> Causes,
    IReadOnlyList<FishboneMeasure> Measures,
    DevelopmentUnitDecision Decision,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    IReadOnlyList<string> FollowUpAreaIds) : ReviewRecord(AppointmentId, Year, UnitId, RecordedBy, RecordedAt, FollowUpAreaIds);

/// <summary>
/// A deviation found at a review or walk (or a fishbone measure), or one a unit's board made into this, with an owner
/// and a deadline, open until closed. It comes from an appointment (<see cref="SourceAppointmentId"/> and
/// <see cref="SourceKind"/>) or from a board's deviation (<see cref="SourceDeviationId"/>).
/// </summary>
public sealed record FollowUpArea(
    string Id,
    string UnitId,
    string Text,
    string OwnerId,
    DateOnly Deadline,
    FollowUpStatus Status,
    string? SourceAppointmentId,
    DateTimeOffset CreatedAt)
{
    public AppointmentKind? SourceKind { get; init; }

    public string? SourceDeviationId { get; init; }

    public string? ClosedBy { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    [JsonIgnore]
    public string? ETag { get; init; }

    /// <summary>Open past its deadline; <paramref name="today"/> is the date in the unit's own time zone.</summary>
    public bool IsOverdue(DateOnly today) => Status == FollowUpStatus.Open && Deadline < today;
}

public static class ReviewIds
{
    /// <summary>
    /// The follow-up area from row <paramref name="index"/> of an appointment's record card. The same submit gives
    /// the same ids, so a double click or Teams retrying the invoke cannot create a second set.
    /// </summary>
    public static string FollowUp(int year, string appointmentId, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{Hash($"{year}|{appointmentId}")}-{index + 1}");

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 6));
}

/// <summary>Dates and who may do what, shared by the commands and the card.</summary>
public static class ReviewRules
{
    /// <summary>The appointment's date as the unit sees it: its start carries the unit's offset.</summary>
    public static DateOnly LocalDate(Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return DateOnly.FromDateTime(appointment.Plan.Start.DateTime);
    }
}
