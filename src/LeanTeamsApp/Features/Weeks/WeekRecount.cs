using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Events;

namespace LeanTeamsApp.Features.Weeks;

/// <summary>
/// Recounts a unit's week whenever something it counts changed: a check-in was stored, or the records of its board. A
/// recount reads its sources afresh, so it does not matter which is told first, nor how often.
/// </summary>
public sealed class WeekRecount(UnitWeekStore weeks) : ISubscriber<CheckInStored>, ISubscriber<BoardChanged>
{
    public Task OnAsync(CheckInStored announced, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announced);
        return RecountAsync(announced.TenantId, announced.Unit, announced.CheckIn.MeetingDate, announced.At, cancellationToken);
    }

    public Task OnAsync(BoardChanged announced, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announced);
        return announced.MeetingDate is { } meeting
            ? RecountAsync(announced.TenantId, announced.Unit, meeting, announced.At, cancellationToken)
            : weeks.RefreshWeekOfAsync(announced.TenantId, announced.Unit, announced.At, cancellationToken);
    }

    private async Task RecountAsync(string tenantId, Unit unit, DateOnly meetingDate, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await weeks.RefreshAsync(tenantId, unit, meetingDate, cancellationToken);
        if (IsoWeek.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).DateTime)) != IsoWeek.Of(meetingDate))
        {
            // Sent in a later week than the meeting's: what is in progress at the end of that week changed too.
            await weeks.RefreshWeekOfAsync(tenantId, unit, at, cancellationToken);
        }
    }
}
