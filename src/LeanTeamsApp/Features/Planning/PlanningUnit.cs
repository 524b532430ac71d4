using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Planning;

/// <summary>What the planner needs to know about one unit.</summary>
/// <param name="LeaderId">The service-area leader: walks to the unit's Gemba and owns its reviews and fishbone analysis.</param>
/// <param name="UnitLeaderId">The unit's own leader, who attends every appointment of the unit.</param>
/// <param name="TimeZone">IANA id; working hours and the board meeting are wall-clock times in this zone.</param>
/// <param name="Country">Whose public holidays apply.</param>
/// <param name="LeanStart">The first review is due about six months after this (see <see cref="PlannerRules.MinWeeksBetweenReviews"/>).</param>
/// <param name="Guidance">While it runs, the development unit's consultant attends the unit's reviews.</param>
public sealed record PlanningUnit(
    string UnitId,
    string ServiceAreaId,
    string LeaderId,
    string UnitLeaderId,
    string TimeZone,
    Country Country,
    DateOnly LeanStart,
    GuidancePeriod? Guidance,
    BoardMeeting BoardMeeting);
