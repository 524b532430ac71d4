using System.Globalization;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Planning;

/// <summary>Why a change by hand was refused; <see cref="ChangeProblem.Field"/> names the input it concerns.</summary>
public enum ChangeRefusal
{
    /// <summary>Held or cancelled already: only a planned appointment can change.</summary>
    NotPlanned,

    /// <summary>Someone changed the appointment since it was read (its ETag).</summary>
    ChangedMeanwhile,

    InThePast,
    Weekend,
    PublicHoliday,
    Blackout,
    OutsideWorkingHours,
    BoardMeeting,

    /// <summary>A review outside its half-year (or before Lean start + 22 weeks), a walk outside its year.</summary>
    OutsidePeriod,

    /// <summary>A review not 22-30 weeks from the unit's review before or after it.</summary>
    ReviewSpacing,

    UnknownPerson,
    SameOwner,
}

/// <summary>What a change by hand was refused for: the rule, the input, and what the answer needs to say it well.</summary>
public sealed record ChangeProblem(ChangeRefusal Refusal, string Field)
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>A holiday's or blackout period's name.</summary>
    public string? Name { get; init; }
}

/// <summary>Kept, but told: the next `gemba plan` may move an appointment that breaks these.</summary>
public enum ChangeWarningKind
{
    /// <summary>A walk no longer in its review's ISO week or the week before, or not before it.</summary>
    WalkApartFromReview,

    /// <summary>Someone in the appointment has another one then, within the planner's gap.</summary>
    PersonBusy,
}

public sealed record ChangeWarning(ChangeWarningKind Kind, Appointment Other, string? PersonId = null);

/// <summary>The appointment as stored after the change (with its new ETag), or the problem; warnings either way.</summary>
public sealed record ChangeResult(Appointment? Changed, ChangeProblem? Problem, IReadOnlyList<ChangeWarning> Warnings, int Told)
{
    public static ChangeResult Refused(ChangeProblem problem) => new(null, problem, [], 0);
}

/// <summary>
/// Moves, cancels or hands over one appointment of the year wheel by hand, for `gemba move|cancel|owner` and the tab's
/// year wheel. Only that appointment changes. Its version goes up and its calendar is pending, so the calendar sync
/// moves, cancels or replaces its Outlook event on its next tick; everyone it concerns but the person acting (who sees
/// the answer) is told once in their personal chat, under an outbox id of the appointment's new version.
/// </summary>
/// <remarks>
/// What the planner would never plan is refused: a time in the past, on a weekend, public holiday or blackout day,
/// outside working hours or across the unit's board meeting, a review outside its half-year or not 22-30 weeks from the
/// unit's review before or after it (across 31 December too), a walk outside its year. What only the other
/// appointments make wrong is allowed with a warning, because moving one appointment at a time must be possible: a
/// walk apart from its review, someone booked at the same time. The next `gemba plan` may move such an appointment.
/// </remarks>
public sealed class AppointmentChanges(AppointmentStore appointments, OrganisationStore organisation, PersonalChats chats, TimeProvider time)
{
    private static readonly PlannerRules Rules = new();

    /// <summary>Moves <paramref name="appointment"/> (read with its ETag) to <paramref name="date"/> at <paramref name="at"/> (the unit's wall clock).</summary>
    public async Task<ChangeResult> MoveAsync(string tenantId, Organisation.Organisation org, Unit unit, Appointment appointment, DateOnly date, TimeOnly at,
        string actorId, string actorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(appointment);
        if (appointment.Status != AppointmentStatus.Planned)
        {
            return ChangeResult.Refused(new ChangeProblem(ChangeRefusal.NotPlanned, "id"));
        }

        var plan = appointment.Plan;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone);
        var minutes = (int)(plan.End - plan.Start).TotalMinutes;
        var start = Local(zone, date, at);
        var end = Local(zone, date, at.AddMinutes(minutes));
        if (WhenProblem(org, unit, plan, date, at, minutes, start) is { } problem)
        {
            return ChangeResult.Refused(problem);
        }

        var nearby = await NearbyAsync(tenantId, appointment.Year, cancellationToken);
        var moved = plan with { Start = start, End = end };
        if (SpacingProblem(unit, moved, nearby) is { } spacing)
        {
            return ChangeResult.Refused(spacing);
        }

        var warnings = Warnings(unit, moved, nearby);
        return await SaveAsync(tenantId, unit, appointment, appointment with { Plan = moved }, ChangeKind.Moved, warnings, actorId, actorName, cancellationToken);
    }

    public async Task<ChangeResult> CancelAsync(string tenantId, Unit unit, Appointment appointment, string actorId, string actorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        if (appointment.Status != AppointmentStatus.Planned)
        {
            return ChangeResult.Refused(new ChangeProblem(ChangeRefusal.NotPlanned, "id"));
        }

        var cancelled = appointment with
        {
            Status = AppointmentStatus.Cancelled,
            CancelledByHand = true,
            Calendar = appointment.CalendarEventId is null ? appointment.Calendar : CalendarState.Pending,
        };
        return await SaveAsync(tenantId, unit, appointment, cancelled, ChangeKind.Cancelled, [], actorId, actorName, cancellationToken);
    }

    /// <summary>Hands the appointment to <paramref name="ownerId"/>, a person of the organisation, who leads it instead.</summary>
    public async Task<ChangeResult> ReassignAsync(string tenantId, Unit unit, Appointment appointment, string ownerId, string actorId, string actorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        if (appointment.Status != AppointmentStatus.Planned)
        {
            return ChangeResult.Refused(new ChangeProblem(ChangeRefusal.NotPlanned, "id"));
        }

        if (await organisation.GetPersonAsync(tenantId, Person.NormaliseId(ownerId), cancellationToken) is not { } owner)
        {
            return ChangeResult.Refused(new ChangeProblem(ChangeRefusal.UnknownPerson, "ownerId"));
        }

        var plan = appointment.Plan;
        if (string.Equals(owner.Id, plan.OwnerId, StringComparison.Ordinal))
        {
            return ChangeResult.Refused(new ChangeProblem(ChangeRefusal.SameOwner, "ownerId"));
        }

        var handed = plan with { OwnerId = owner.Id, AttendeeIds = [.. plan.AttendeeIds.Where(a => !string.Equals(a, owner.Id, StringComparison.Ordinal))] };
        var nearby = await NearbyAsync(tenantId, appointment.Year, cancellationToken);
        var warnings = Busy(handed, nearby).Where(w => w.PersonId == owner.Id).ToList();
        return await SaveAsync(tenantId, unit, appointment, appointment with { Plan = handed, OwnerByHand = true }, ChangeKind.Reassigned, warnings, actorId, actorName, cancellationToken);
    }

    /// <summary>
    /// The planned appointment of <paramref name="kind"/> for the unit that `gemba move|cancel|owner` means: the next
    /// one that has not ended, or else the latest that ended without being held (recorded).
    /// </summary>
    public async Task<Appointment?> FindAsync(string tenantId, string unitId, AppointmentKind kind, int year, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var planned = (await NearbyAsync(tenantId, year, cancellationToken))
            .Where(a => a.Plan.UnitId == unitId && a.Plan.Kind == kind && a.Status == AppointmentStatus.Planned)
            .OrderBy(a => a.Plan.Start)
            .ToList();
        return planned.FirstOrDefault(a => a.Plan.End > now) ?? planned.LastOrDefault();
    }

    private enum ChangeKind
    {
        Moved,
        Cancelled,
        Reassigned,
    }

    private async Task<ChangeResult> SaveAsync(string tenantId, Unit unit, Appointment before, Appointment after, ChangeKind kind,
        IReadOnlyList<ChangeWarning> warnings, string actorId, string actorName, CancellationToken cancellationToken)
    {
        var saved = after with { Version = before.Version + 1, Calendar = kind == ChangeKind.Cancelled ? after.Calendar : CalendarState.Pending };
        if (!await appointments.UpdateAsync(tenantId, saved, cancellationToken))
        {
            return ChangeResult.Refused(new ChangeProblem(ChangeRefusal.ChangedMeanwhile, "etag"));
        }

        var stored = await appointments.GetAsync(tenantId, saved.Year, saved.Id, cancellationToken) ?? saved;
        var told = await TellAsync(tenantId, unit, before, stored, kind, actorId, actorName, cancellationToken);
        return new ChangeResult(stored, null, warnings, told);
    }

    /// <summary>Everyone the change concerns, once each: the people before and after (so a former owner hears of it), not the one acting.</summary>
    private async Task<int> TellAsync(string tenantId, Unit unit, Appointment before, Appointment after, ChangeKind kind, string actorId, string actorName,
        CancellationToken cancellationToken)
    {
        var language = WrittenLanguage.Of(await organisation.GetOrganisationAsync(tenantId, cancellationToken), unit);
        var people = (await organisation.ListPeopleAsync(tenantId, cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var card = kind switch
        {
            ChangeKind.Moved => PlanningCards.Moved(language, before.Plan, after.Plan, unit, people, actorName),
            ChangeKind.Cancelled => PlanningCards.Cancelled(language, after.Plan, unit, people, actorName),
            _ => PlanningCards.Reassigned(language, before.Plan, after.Plan, unit, people, actorName),
        };
        var version = after.Version.ToString(CultureInfo.InvariantCulture);
        var told = 0;
        foreach (var personId in before.Plan.People.Concat(after.Plan.People).Distinct(StringComparer.Ordinal)
            .Where(p => !string.Equals(p, Person.NormaliseId(actorId), StringComparison.Ordinal)))
        {
            var id = $"appointment-change|{after.Id}|v{version}|{Person.Pseudonym(personId)}";
            told += await chats.SendAsync(tenantId, personId, id, card, unit.Id, cancellationToken) ? 1 : 0;
        }

        return told;
    }

    /// <summary>The rules of a date and time on their own: not past, a working day of the unit, working hours, not the board meeting, the right period.</summary>
    private ChangeProblem? WhenProblem(Organisation.Organisation org, Unit unit, PlannedAppointment plan, DateOnly date, TimeOnly at, int minutes, DateTimeOffset start)
    {
        if (start <= time.GetUtcNow())
        {
            return new ChangeProblem(ChangeRefusal.InThePast, date < DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).DateTime) ? "date" : "time");
        }

        var country = Countries.FromTimeZone(unit.TimeZone) ?? Country.Norway;
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return new ChangeProblem(ChangeRefusal.Weekend, "date");
        }

        if (PublicHolidays.For(country, date.Year).FirstOrDefault(h => h.Date == date) is { } holiday)
        {
            return new ChangeProblem(ChangeRefusal.PublicHoliday, "date") { Name = holiday.LocalName };
        }

        var blackouts = org.HolidayPeriods
            .Append(BlackoutPeriod.ChristmasWeek(date.Year - 1))
            .Append(BlackoutPeriod.ChristmasWeek(date.Year))
            .Append(BlackoutPeriod.CommonSummerHoliday(country, date.Year));
        if (blackouts.FirstOrDefault(b => b.Contains(date)) is { } blackout)
        {
            return new ChangeProblem(ChangeRefusal.Blackout, "date") { Name = blackout.Name, From = blackout.From, To = blackout.To };
        }

        if (at < Rules.WorkdayStart || at.AddMinutes(minutes) > Rules.WorkdayEnd || at.AddMinutes(minutes) < at)
        {
            return new ChangeProblem(ChangeRefusal.OutsideWorkingHours, "time");
        }

        var meeting = unit.BoardMeeting;
        var from = (at.Hour * 60) + at.Minute;
        var meetingFrom = (meeting.Start.Hour * 60) + meeting.Start.Minute;
        if (date.DayOfWeek == meeting.Weekday && from < meetingFrom + meeting.Minutes && meetingFrom < from + minutes)
        {
            return new ChangeProblem(ChangeRefusal.BoardMeeting, "time");
        }

        if (PlannedAppointment.TryParseId(plan.Id, out var kind, out _, out var year, out var half) && kind != AppointmentKind.FishboneAnalysis)
        {
            var (first, last) = kind == AppointmentKind.GembaWalk
                ? (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
                : (new DateOnly(year, half == 1 ? 1 : 7, 1), new DateOnly(year, half == 1 ? 6 : 12, half == 1 ? 30 : 31));
            if (kind == AppointmentKind.SemiAnnualReview && unit.LeanStart.AddDays(7 * Rules.MinWeeksBetweenReviews) > first)
            {
                first = unit.LeanStart.AddDays(7 * Rules.MinWeeksBetweenReviews);
            }

            if (date < first || date > last)
            {
                return new ChangeProblem(ChangeRefusal.OutsidePeriod, "date") { From = first, To = last };
            }
        }

        return null;
    }

    /// <summary>A review 22-30 weeks from the unit's review before it and the one after it, whichever year they are in.</summary>
    private static ChangeProblem? SpacingProblem(Unit unit, PlannedAppointment moved, IReadOnlyList<Appointment> nearby)
    {
        if (moved.Kind != AppointmentKind.SemiAnnualReview)
        {
            return null;
        }

        var reviews = nearby
            .Where(a => a.Plan.UnitId == unit.Id && a.Plan.Kind == AppointmentKind.SemiAnnualReview && a.Status != AppointmentStatus.Cancelled && a.Id != moved.Id)
            .Select(a => a.Plan)
            .ToList();
        var date = DateOf(moved);
        var (min, max) = (7 * Rules.MinWeeksBetweenReviews, 7 * Rules.MaxWeeksBetweenReviews);
        var (from, to) = (DateOnly.MinValue, DateOnly.MaxValue);
        // A review a year away (the one between skipped) bounds only how soon or late this one may be.
        if (reviews.Where(r => r.Start < moved.Start).MaxBy(r => r.Start) is { } before)
        {
            from = DateOf(before).AddDays(min);
            to = IsDirectlyBefore(before, moved) ? DateOf(before).AddDays(max) : to;
        }

        if (reviews.Where(r => r.Start > moved.Start).MinBy(r => r.Start) is { } after)
        {
            to = Min(to, DateOf(after).AddDays(-min));
            from = IsDirectlyBefore(moved, after) ? Max(from, DateOf(after).AddDays(-max)) : from;
        }

        return date >= from && date <= to
            ? null
            : new ChangeProblem(ChangeRefusal.ReviewSpacing, "date") { From = from == DateOnly.MinValue ? null : from, To = to == DateOnly.MaxValue ? null : to };
    }

    /// <summary>H1 and H2 of a year, or H2 and the next year's H1: reviews meant to be about six months apart.</summary>
    private static bool IsDirectlyBefore(PlannedAppointment earlier, PlannedAppointment later) =>
        PlannedAppointment.TryParseId(earlier.Id, out _, out _, out var y1, out var h1)
        && PlannedAppointment.TryParseId(later.Id, out _, out _, out var y2, out var h2)
        && ((y1 * 2) + h1 + 1) == ((y2 * 2) + h2);

    private static List<ChangeWarning> Warnings(Unit unit, PlannedAppointment moved, IReadOnlyList<Appointment> nearby)
    {
        var warnings = new List<ChangeWarning>();
        if (moved.Kind is AppointmentKind.GembaWalk or AppointmentKind.SemiAnnualReview
            && PlannedAppointment.TryParseId(moved.Id, out var kind, out _, out var year, out var half))
        {
            var otherKind = kind == AppointmentKind.GembaWalk ? AppointmentKind.SemiAnnualReview : AppointmentKind.GembaWalk;
            var otherId = PlannedAppointment.IdFor(otherKind, unit.Id, year, half);
            if (nearby.FirstOrDefault(a => a.Id == otherId && a.Status == AppointmentStatus.Planned) is { } other)
            {
                var (walk, review) = kind == AppointmentKind.GembaWalk ? (moved, other.Plan) : (other.Plan, moved);
                var walkDate = DateOf(walk);
                var reviewDate = DateOf(review);
                var mondayOfReview = reviewDate.AddDays(-(((int)reviewDate.DayOfWeek + 6) % 7));
                if (walk.End > review.Start || walkDate < mondayOfReview.AddDays(-7))
                {
                    warnings.Add(new ChangeWarning(ChangeWarningKind.WalkApartFromReview, other));
                }
            }
        }

        warnings.AddRange(Busy(moved, nearby));
        return warnings;
    }

    /// <summary>Each person of the appointment who has another one within the planner's gap of it, with that one.</summary>
    private static IEnumerable<ChangeWarning> Busy(PlannedAppointment changed, IReadOnlyList<Appointment> nearby)
    {
        var gap = TimeSpan.FromMinutes(Rules.MinimumGapMinutes);
        foreach (var person in changed.People)
        {
            if (nearby.FirstOrDefault(a => a.Id != changed.Id && a.Status == AppointmentStatus.Planned
                && a.Plan.People.Contains(person, StringComparer.Ordinal)
                && a.Plan.Start < changed.End + gap && changed.Start < a.Plan.End + gap) is { } other)
            {
                yield return new ChangeWarning(ChangeWarningKind.PersonBusy, other, person);
            }
        }
    }

    /// <summary>The appointment's own year's plan and its neighbours', where the rules across 31 December look.</summary>
    private async Task<IReadOnlyList<Appointment>> NearbyAsync(string tenantId, int year, CancellationToken cancellationToken) =>
        [.. await appointments.ListYearAsync(tenantId, year - 1, cancellationToken),
            .. await appointments.ListYearAsync(tenantId, year, cancellationToken),
            .. await appointments.ListYearAsync(tenantId, year + 1, cancellationToken)];

    private static DateTimeOffset Local(TimeZoneInfo zone, DateOnly date, TimeOnly at)
    {
        var local = date.ToDateTime(at);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static DateOnly DateOf(PlannedAppointment plan) => DateOnly.FromDateTime(plan.Start.DateTime);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
