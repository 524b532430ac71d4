using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Infrastructure.Events;

namespace LeanTeamsApp.Features.Weeks;

/// <summary>
/// Recounts a unit's week whenever something it counts changed: the records of its board, which a stored check-in
/// changes too. A recount reads its sources afresh, so it does not matter how often it is told.
/// </summary>
/// <remarks>
/// A stored check-in is counted from the board change its records announce (<c>CheckInRecords</c> announces one for
/// every check-in, with its meeting date), not from the check-in's own announcement as well: that was the same recount
/// twice in every submit, which is bound by its storage calls.
/// </remarks>
public sealed class WeekRecount(UnitWeekStore weeks) : ISubscriber<BoardChanged>
{
    public Task OnAsync(BoardChanged announced, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(announced);
        var (tenantId, unit, at) = (announced.TenantId, announced.Unit, announced.At);
        if (announced.MeetingDate is not { } meeting)
        {
            return weeks.RefreshWeekOfAsync(tenantId, unit, at, cancellationToken);
        }

        // Sent in a later week than the meeting's: what is in progress at the end of that week changed too.
        var sentIn = UnitWeekStore.MeetingOfWeek(unit, at);
        return weeks.RefreshAsync(tenantId, unit, IsoWeek.Of(sentIn) == IsoWeek.Of(meeting) ? [meeting] : [meeting, sentIn], cancellationToken);
    }
}
