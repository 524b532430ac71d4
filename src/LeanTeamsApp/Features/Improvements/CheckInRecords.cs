using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Infrastructure.Events;

namespace LeanTeamsApp.Features.Improvements;

/// <summary>
/// Makes a unit's records follow its check-in: each new improvement, deviation and benefit it names becomes a record of
/// its own, and the improvements it moved are moved, as the person who sent it at its meeting (so they count in that
/// meeting's week), by the same lifecycle and ETag guard as the improvements card's buttons. Told again about the same
/// check-in, it finds the records there and changes nothing; then it announces that the board changed.
/// </summary>
public sealed class CheckInRecords(ImprovementStore records, Announcer<BoardChanged> board) : ISubscriber<CheckInStored>
{
    public async Task OnAsync(CheckInStored announced, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announced);
        var (tenantId, unit, checkIn) = (announced.TenantId, announced.Unit, announced.CheckIn);
        await records.RecordCheckInAsync(tenantId, unit.Id, checkIn.MeetingDate, Of(checkIn), firstVersion: checkIn.Revision == 1, cancellationToken);
        await MoveAsync(tenantId, unit.Id, checkIn, announced.At, cancellationToken);
        await AttachAsync(tenantId, checkIn, announced.At, cancellationToken);
        await board.AnnounceAsync(new BoardChanged(tenantId, unit, announced.At) { MeetingDate = checkIn.MeetingDate }, cancellationToken);
    }

    /// <summary>What a check-in names for the board: each new improvement, deviation and benefit as a record of its own.</summary>
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
            // A benefit of an improvement is that improvement's record (see AttachAsync); its index still names the others.
            [.. checkIn.Benefits.Select((entry, i) => (Entry: entry, Index: i)).Where(b => b.Entry.ImprovementId is null).Select(b => new Benefit(
                unitId, RecordIds.BenefitFromCheckIn(meeting, b.Index), b.Entry.Kind, BenefitStage.Realised, b.Entry.Amount, b.Entry.Measure, b.Entry.AffectsUnitIds,
                meeting, checkIn.SubmittedBy, RecordSource.CheckIn))]);
    }

    /// <summary>
    /// A benefit the check-in reported for one of the unit's improvements becomes that improvement's benefit, realised at
    /// this meeting, beside any estimate or plan it had: one record, so it is counted once. A done improvement moves to
    /// "benefit realised" with it. The same check-in again finds the same figures there and changes nothing.
    /// </summary>
    private async Task AttachAsync(string tenantId, CheckIn checkIn, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var entry in checkIn.Benefits.Where(b => b.ImprovementId is not null))
        {
            if (await records.GetImprovementAsync(tenantId, checkIn.UnitId, entry.ImprovementId!, cancellationToken) is not { } improvement)
            {
                continue;
            }

            var id = RecordIds.BenefitOfImprovement(improvement.Id);
            var existing = await records.GetBenefitAsync(tenantId, checkIn.UnitId, id, cancellationToken);
            var benefit = (existing ?? new Benefit(checkIn.UnitId, id, entry.Kind, BenefitStage.Realised, 0, entry.Measure, [], checkIn.MeetingDate, checkIn.SubmittedBy, RecordSource.CheckIn)
            {
                ImprovementId = improvement.Id,
            }) with { Kind = entry.Kind, Measure = entry.Measure, AffectsUnitIds = entry.AffectsUnitIds };
            benefit = benefit.WithStage(BenefitStage.Realised, entry.Amount, checkIn.MeetingDate);
            if (existing is not null && benefit.SameAs(existing))
            {
                continue;
            }

            if (improvement.Stage is ImprovementStage.Done or ImprovementStage.BenefitRealised)
            {
                await records.RealiseBenefitAsync(tenantId, improvement, benefit, checkIn.SubmittedBy, at, existing?.ETag, cancellationToken);
            }
            else if (existing is null)
            {
                await records.AddBenefitAsync(tenantId, benefit, cancellationToken);
            }
            else
            {
                await records.ChangeBenefitAsync(tenantId, checkIn.UnitId, id, _ => benefit, existing.ETag!, cancellationToken);
            }
        }
    }

    /// <summary>A record moved there already (a repeated submit, or someone in chat) stays; one that cannot get there from where it stands now is left alone.</summary>
    private async Task MoveAsync(string tenantId, string unitId, CheckIn checkIn, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var move in checkIn.ImprovementMoves)
        {
            if (await records.GetImprovementAsync(tenantId, unitId, move.ImprovementId, cancellationToken) is not { } current
                || Improvement.PathTo(current.Stage, move.To) is not { } path)
            {
                continue;
            }

            foreach (var step in path)
            {
                await records.MoveAtMeetingAsync(tenantId, unitId, move.ImprovementId, step, checkIn.SubmittedBy, at, checkIn.MeetingDate, cancellationToken);
            }
        }
    }
}
