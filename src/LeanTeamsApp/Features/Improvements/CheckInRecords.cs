using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;

namespace LeanTeamsApp.Features.Improvements;

/// <summary>What a check-in names for the board: each new improvement, deviation and benefit as a record of its own.</summary>
public static class CheckInRecords
{
    public static MeetingRecords Of(CheckIn checkIn)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        var (unitId, meeting) = (checkIn.UnitId, checkIn.MeetingDate);
        return new MeetingRecords(
            [.. checkIn.NewImprovements.Select(title => new Improvement(
                unitId, RecordIds.FromCheckIn(meeting, title), title, checkIn.SubmittedBy, ImprovementStage.Suggested, RecordSource.CheckIn, checkIn.SubmittedAt)
            {
                MeetingDate = meeting,
            })],
            [.. checkIn.NewDeviations.Select(text => new Deviation(
                unitId, RecordIds.FromCheckIn(meeting, text), text, DeviationStatus.Open, meeting, checkIn.SubmittedBy, RecordSource.CheckIn))],
            [.. checkIn.Benefits.Select((entry, i) => new Benefit(
                unitId, RecordIds.BenefitFromCheckIn(meeting, i), entry.Kind, BenefitStage.Realised, entry.Amount, entry.Measure, entry.AffectsUnitIds, meeting,
                checkIn.SubmittedBy, RecordSource.CheckIn))]);
    }
}
