using System.Globalization;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Planning;

namespace LeanTeamsApp.UnitTests.Planning;

/// <summary>
/// Checks a year plan against the requirement's rules, written from the rules and not from the planner: it uses
/// only the public calendar (which has its own tests) and <see cref="TimeZoneInfo"/>. Every violation is reported
/// as a sentence naming the appointment, so a failing test says what is wrong.
/// </summary>
internal static class PlanValidator
{
    public static IReadOnlyList<string> Violations(PlanRequest request, YearPlan plan)
    {
        var rules = request.Rules;
        var units = request.Units.ToDictionary(u => u.UnitId, StringComparer.Ordinal);
        var zones = request.Units.Select(u => u.TimeZone).Distinct().ToDictionary(z => z, TimeZoneInfo.FindSystemTimeZoneById);
        var existing = request.Existing.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var unplaced = plan.Unplaced.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var violations = new List<string>();

        DateTime Local(PlannedAppointment a, DateTimeOffset instant) =>
            units.TryGetValue(a.UnitId, out var u) ? TimeZoneInfo.ConvertTime(instant, zones[u.TimeZone]).DateTime : instant.DateTime;
        DateOnly DateOf(PlannedAppointment a) => DateOnly.FromDateTime(Local(a, a.Start));

        bool Happened(PlannedAppointment a) =>
            existing.TryGetValue(a.Id, out var before) && before.Equals(a) && DateOnly.FromDateTime(Local(before, before.Start)) <= request.Today;

        bool IsWorkingDay(PlanningUnit unit, DateOnly date)
        {
            var blackouts = rules.BlackoutPeriods
                ?? [BlackoutPeriod.ChristmasWeek(date.Year - 1), BlackoutPeriod.CommonSummerHoliday(unit.Country, date.Year), BlackoutPeriod.ChristmasWeek(date.Year)];
            return new WorkingCalendar(unit.Country, blackouts).IsWorkingDay(date);
        }

        (DateOnly From, DateOnly To)? ReviewDays(PlanningUnit unit, int half)
        {
            var first = unit.LeanStart.AddDays(7 * rules.MinWeeksBetweenReviews);
            var from = half == 1 ? new DateOnly(request.Year, 1, 1) : new DateOnly(request.Year, 7, 1);
            var to = half == 1 ? new DateOnly(request.Year, 6, 30) : new DateOnly(request.Year, 12, 31);
            from = first > from ? first : from;
            return from <= to ? (from, to) : null;
        }

        // Ids are unique and say what they are.
        foreach (var group in plan.Appointments.GroupBy(a => a.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            violations.Add($"{group.Key}: appears {group.Count()} times.");
        }

        foreach (var a in plan.Appointments)
        {
            var parts = a.Id.Split('|');
            if (parts.Length != 4 || parts[0] != a.Kind.ToString() || parts[1] != a.UnitId || parts[3] is not ("H1" or "H2"))
            {
                violations.Add($"{a.Id}: the id is not kind|unit|year|half for a {a.Kind} of {a.UnitId}.");
            }
        }

        // Each appointment on its own.
        foreach (var a in plan.Appointments)
        {
            if (existing.TryGetValue(a.Id, out var before) && DateOnly.FromDateTime(Local(before, before.Start)) <= request.Today && !before.Equals(a))
            {
                violations.Add($"{a.Id}: had already happened ({before.Start:O}) but was changed.");
                continue;
            }

            if (Happened(a))
            {
                continue;
            }

            if (!units.TryGetValue(a.UnitId, out var unit))
            {
                violations.Add($"{a.Id}: planned for a unit that is not in the request.");
                continue;
            }

            var zone = zones[unit.TimeZone];
            var start = TimeZoneInfo.ConvertTime(a.Start, zone);
            var end = TimeZoneInfo.ConvertTime(a.End, zone);
            var date = DateOnly.FromDateTime(start.DateTime);
            if (a.Start.Offset != start.Offset)
            {
                violations.Add($"{a.Id}: carries offset {a.Start.Offset} but {unit.TimeZone} is at {start.Offset} then.");
            }

            if (DateOnly.FromDateTime(end.DateTime) != date)
            {
                violations.Add($"{a.Id}: does not end on the day it starts.");
            }

            if (date <= request.Today)
            {
                violations.Add($"{a.Id}: planned on {date:yyyy-MM-dd}, not after today {request.Today:yyyy-MM-dd}.");
            }

            if (!IsWorkingDay(unit, date))
            {
                var why = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "a weekend"
                    : PublicHolidays.IsPublicHoliday(unit.Country, date) ? "a public holiday"
                    : "in a blackout period";
                violations.Add($"{a.Id}: {date:yyyy-MM-dd} is {why} in {unit.Country}.");
            }

            if (TimeOnly.FromDateTime(start.DateTime) < rules.WorkdayStart || TimeOnly.FromDateTime(end.DateTime) > rules.WorkdayEnd)
            {
                violations.Add($"{a.Id}: {start:HH:mm}-{end:HH:mm} local is outside working hours {rules.WorkdayStart:HH:mm}-{rules.WorkdayEnd:HH:mm}.");
            }

            var minutes = a.Kind switch
            {
                AppointmentKind.SemiAnnualReview => rules.ReviewMinutes,
                AppointmentKind.GembaWalk => rules.WalkMinutes,
                _ => rules.FishboneMinutes,
            };
            if ((a.End - a.Start).TotalMinutes != minutes)
            {
                violations.Add($"{a.Id}: lasts {(a.End - a.Start).TotalMinutes} minutes, not {minutes}.");
            }

            var meeting = unit.BoardMeeting;
            var meetingStart = date.ToDateTime(meeting.Start);
            if (date.DayOfWeek == meeting.Weekday && start.DateTime < meetingStart.AddMinutes(meeting.Minutes) && meetingStart < end.DateTime)
            {
                violations.Add($"{a.Id}: overlaps the unit's board meeting ({meeting.Weekday} {meeting.Start:HH:mm}).");
            }

            var owner = request.Owners.GetValueOrDefault(a.Id, unit.LeaderId);
            if (a.OwnerId != owner)
            {
                violations.Add($"{a.Id}: owned by {a.OwnerId}, not {(request.Owners.ContainsKey(a.Id) ? "the owner given by hand" : "the service-area leader")} {owner}.");
            }

            if (unit.UnitLeaderId != owner && !a.AttendeeIds.Contains(unit.UnitLeaderId))
            {
                violations.Add($"{a.Id}: the unit leader {unit.UnitLeaderId} is not invited.");
            }

            var inGuidance = unit.Guidance is { } g && date >= g.From && date <= g.To;
            var consultantInvited = unit.Guidance is { } guidance && a.AttendeeIds.Contains(guidance.ConsultantId);
            var consultantExpected = inGuidance && a.Kind != AppointmentKind.GembaWalk;
            if (consultantExpected != consultantInvited && unit.Guidance!.ConsultantId != unit.LeaderId && unit.Guidance.ConsultantId != unit.UnitLeaderId && unit.Guidance.ConsultantId != owner)
            {
                violations.Add($"{a.Id}: on {date:yyyy-MM-dd} the consultant should {(consultantExpected ? "" : "not ")}attend (guidance {unit.Guidance.From:yyyy-MM-dd}-{unit.Guidance.To:yyyy-MM-dd}).");
            }
        }

        // Nobody double-booked, and everyone gets the gap between appointments, also against the neighbouring years'.
        var gap = TimeSpan.FromMinutes(rules.MinimumGapMinutes);
        var planned = plan.Appointments.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var neighbours = request.Neighbours.Where(n => !planned.Contains(n.Id)).ToList();
        bool Fixed(PlannedAppointment a) => Happened(a) || !planned.Contains(a.Id);
        var byPerson = plan.Appointments.Concat(neighbours)
            .SelectMany(a => a.AttendeeIds.Append(a.OwnerId).Distinct().Select(p => (Person: p, Appointment: a)))
            .GroupBy(x => x.Person, StringComparer.Ordinal);
        foreach (var person in byPerson)
        {
            var ordered = person.Select(x => x.Appointment).OrderBy(a => a.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var (previous, next) = (ordered[i - 1], ordered[i]);
                if (next.Start < previous.End + gap && !(Fixed(previous) && Fixed(next)))
                {
                    violations.Add($"{person.Key}: {previous.Id} ({previous.Start:O}-{previous.End:O}) and {next.Id} ({next.Start:O}) are less than {rules.MinimumGapMinutes} minutes apart.");
                }
            }
        }

        // Per unit: one review and one walk per due half, connected and spaced.
        var byId = plan.Appointments.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var unit in request.Units)
        {
            var reviewDates = new Dictionary<int, DateOnly>();
            for (var half = 1; half <= 2; half++)
            {
                var reviewId = Id(AppointmentKind.SemiAnnualReview, unit.UnitId, request.Year, half);
                var walkId = Id(AppointmentKind.GembaWalk, unit.UnitId, request.Year, half);
                if (ReviewDays(unit, half) is not { } days)
                {
                    if (byId.ContainsKey(reviewId) || byId.ContainsKey(walkId))
                    {
                        violations.Add($"{unit.UnitId}: has a H{half} review or walk, but its first review is only due {unit.LeanStart.AddDays(7 * rules.MinWeeksBetweenReviews):yyyy-MM-dd}.");
                    }

                    continue;
                }

                byId.TryGetValue(reviewId, out var review);
                byId.TryGetValue(walkId, out var walk);
                if (review is null && !unplaced.Contains(reviewId) && !request.Withdrawn.Contains(reviewId))
                {
                    violations.Add($"{reviewId}: missing and not reported unplaced.");
                }

                if (walk is null && !unplaced.Contains(walkId) && !request.Withdrawn.Contains(walkId))
                {
                    violations.Add($"{walkId}: missing and not reported unplaced.");
                }

                if (review is not null && !Happened(review))
                {
                    var date = DateOf(review);
                    reviewDates[half] = date;
                    if (date < days.From || date > days.To)
                    {
                        violations.Add($"{reviewId}: on {date:yyyy-MM-dd}, outside {days.From:yyyy-MM-dd}-{days.To:yyyy-MM-dd}.");
                    }
                }
                else if (review is not null)
                {
                    reviewDates[half] = DateOf(review);
                }

                if (review is not null && walk is not null && !(Happened(review) && Happened(walk)))
                {
                    var walkDate = DateOf(walk);
                    var reviewDate = DateOf(review);
                    var walkWeek = IsoWeek(walkDate);
                    var sameWeek = walkWeek == IsoWeek(reviewDate);
                    var weekBefore = walkWeek == IsoWeek(reviewDate.AddDays(-7));
                    if (!sameWeek && !weekBefore)
                    {
                        violations.Add($"{walkId}: on {walkDate:yyyy-MM-dd}, not in the week of the review ({reviewDate:yyyy-MM-dd}) or the week before.");
                    }

                    if (walk.Start >= review.Start)
                    {
                        violations.Add($"{walkId}: starts {walk.Start:O}, not before its review {review.Start:O}.");
                    }

                    if (walkDate.Year != request.Year)
                    {
                        violations.Add($"{walkId}: on {walkDate:yyyy-MM-dd}, outside {request.Year}.");
                    }
                }
            }

            void Spaced(DateOnly earlier, DateOnly later)
            {
                var days = later.DayNumber - earlier.DayNumber;
                if (days < 7 * rules.MinWeeksBetweenReviews || days > 7 * rules.MaxWeeksBetweenReviews)
                {
                    violations.Add($"{unit.UnitId}: reviews {earlier:yyyy-MM-dd} and {later:yyyy-MM-dd} are {days / 7.0:0.0} weeks apart, not {rules.MinWeeksBetweenReviews}-{rules.MaxWeeksBetweenReviews}.");
                }
            }

            if (reviewDates.TryGetValue(1, out var h1) && reviewDates.TryGetValue(2, out var h2))
            {
                Spaced(h1, h2);
            }

            // Across 31 December: the previous year's H2 review and this year's H1 review, this year's H2 review and the
            // next year's H1 review, unless this year's had already happened.
            var previousH2 = request.Neighbours.FirstOrDefault(n => n.Id == Id(AppointmentKind.SemiAnnualReview, unit.UnitId, request.Year - 1, 2));
            var nextH1 = request.Neighbours.FirstOrDefault(n => n.Id == Id(AppointmentKind.SemiAnnualReview, unit.UnitId, request.Year + 1, 1));
            if (previousH2 is not null && byId.GetValueOrDefault(Id(AppointmentKind.SemiAnnualReview, unit.UnitId, request.Year, 1)) is { } ownH1 && !Happened(ownH1))
            {
                Spaced(DateOf(previousH2), DateOf(ownH1));
            }

            if (nextH1 is not null && byId.GetValueOrDefault(Id(AppointmentKind.SemiAnnualReview, unit.UnitId, request.Year, 2)) is { } ownH2 && !Happened(ownH2))
            {
                Spaced(DateOf(ownH2), DateOf(nextH1));
            }
        }

        // Walk limits per leader: per day, per week, and spread evenly.
        var walks = plan.Appointments.Where(a => a.Kind == AppointmentKind.GembaWalk).ToList();
        foreach (var day in walks.Concat(neighbours.Where(n => n.Kind == AppointmentKind.GembaWalk)).GroupBy(w => (w.OwnerId, DateOf(w))).Where(g => g.Count() > rules.MaxWalksPerLeaderPerDay && g.Any(w => !Fixed(w))))
        {
            violations.Add($"{day.Key.OwnerId}: {day.Count()} walks on {day.Key.Item2:yyyy-MM-dd}, more than {rules.MaxWalksPerLeaderPerDay}.");
        }

        foreach (var leader in walks.GroupBy(w => w.OwnerId, StringComparer.Ordinal))
        {
            var leaderUnits = request.Units.Where(u => u.LeaderId == leader.Key).ToList();
            var walksDue = leaderUnits.Sum(u => (ReviewDays(u, 1) is null ? 0 : 1) + (ReviewDays(u, 2) is null ? 0 : 1));
            var workingWeeks = Enumerable.Range(0, new DateOnly(request.Year, 12, 31).DayOfYear)
                .Select(i => new DateOnly(request.Year, 1, 1).AddDays(i))
                .Where(d => leaderUnits.Any(u => IsWorkingDay(u, d)))
                .Select(IsoWeek)
                .Distinct()
                .Count();
            var spread = workingWeeks == 0 ? int.MaxValue : (int)Math.Ceiling((double)walksDue / workingWeeks) + 1;
            // An ISO week that spans 31 December holds walks of both years' plans.
            var neighbourWalks = neighbours.Where(n => n.Kind == AppointmentKind.GembaWalk && n.OwnerId == leader.Key).ToList();
            foreach (var week in leader.GroupBy(w => IsoWeek(DateOf(w))))
            {
                var inWeek = week.Count() + neighbourWalks.Count(n => IsoWeek(DateOf(n)) == week.Key);
                if (inWeek > rules.MaxWalksPerLeaderPerWeek)
                {
                    violations.Add($"{leader.Key}: {inWeek} walks in week {week.Key}, more than {rules.MaxWalksPerLeaderPerWeek}.");
                }

                if (week.Count() > spread)
                {
                    violations.Add($"{leader.Key}: {week.Count()} walks in week {week.Key}; spread evenly allows {spread} ({walksDue} walks over {workingWeeks} working weeks).");
                }
            }
        }

        // Fishbone analyses: one per unit that needs one, after today and before its deadline.
        foreach (var due in request.FishboneDue.GroupBy(f => f.UnitId, StringComparer.Ordinal).Select(g => g.MinBy(f => f.Deadline)!))
        {
            var analyses = plan.Appointments.Where(a => a.Kind == AppointmentKind.FishboneAnalysis && a.UnitId == due.UnitId).ToList();
            if (analyses.Count == 0)
            {
                if (!plan.Unplaced.Any(u => u.Kind == AppointmentKind.FishboneAnalysis && u.UnitId == due.UnitId))
                {
                    violations.Add($"{due.UnitId}: no fishbone analysis before {due.Deadline:yyyy-MM-dd} and none reported unplaced.");
                }

                continue;
            }

            if (analyses.Count > 1)
            {
                violations.Add($"{due.UnitId}: {analyses.Count} fishbone analyses.");
            }

            foreach (var analysis in analyses.Where(a => !Happened(a)))
            {
                if (DateOf(analysis) >= due.Deadline)
                {
                    violations.Add($"{analysis.Id}: on {DateOf(analysis):yyyy-MM-dd}, not before the deadline {due.Deadline:yyyy-MM-dd}.");
                }
            }
        }

        foreach (var analysis in plan.Appointments.Where(a => a.Kind == AppointmentKind.FishboneAnalysis && !Happened(a)))
        {
            if (!request.FishboneDue.Any(f => f.UnitId == analysis.UnitId))
            {
                violations.Add($"{analysis.Id}: a fishbone analysis nobody asked for.");
            }
        }

        return violations;
    }

    private static string IsoWeek(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}");
    }

    private static string Id(AppointmentKind kind, string unitId, int year, int half) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}|{unitId}|{year}|H{half}");
}
