using System.Globalization;
using LeanTeamsApp.Features.Calendar;

namespace LeanTeamsApp.Features.Planning;

/// <summary>
/// Plans the year wheel: per unit one semi-annual review in each half-year and a Gemba walk by the service-area
/// leader in connection with each, plus the fishbone analyses that are due.
/// </summary>
/// <remarks>
/// <para>What a plan satisfies (the tests' validator checks each from these words, not from this code):</para>
/// <list type="bullet">
/// <item>Every appointment lies on one working day of its unit (Monday-Friday, no public holiday of the unit's
/// country, no blackout period) within the working hours, in the unit's time zone, lasts its kind's length, does
/// not overlap the unit's weekly board meeting, and starts after today unless it had already happened.</item>
/// <item>Nobody (service-area leader, unit leader, consultant) has two appointments less than the minimum gap apart.</item>
/// <item>A review is in its half-year, on or after Lean start + <see cref="PlannerRules.MinWeeksBetweenReviews"/>
/// weeks (halves that end before that have no review), and a unit's consecutive reviews are between the minimum and
/// maximum number of weeks apart, across 31 December too: H1's review after the previous year's H2 review, H2's
/// before the next year's H1 review, where those years are planned (<see cref="PlanRequest.Neighbours"/>). The
/// consultant attends when the review's date is in the guidance period.</item>
/// <item>A walk is in the plan year, in the review's ISO week or the week before, ends before the review starts,
/// and keeps the leader within walks per day, per week and the spread limit (<see cref="PlannerRules.SpreadLimit"/>).</item>
/// <item>A fishbone analysis is after today and before its deadline, owned by the service-area leader.</item>
/// <item>Nobody is booked against the neighbouring years' appointments either, and walks in an ISO week that spans
/// 31 December count against the leader's weekly limit together.</item>
/// <item>An owner given by hand (<see cref="PlanRequest.Owners"/>) leads the appointment instead of the service-area
/// leader; an appointment cancelled by hand (<see cref="PlanRequest.Withdrawn"/>) is not planned again.</item>
/// </list>
/// <para>
/// Stability: existing appointments that still satisfy all of this with the people the new input names are kept
/// (at the same time, with the new people if those changed); they are booked first, in order of start, so the
/// later of two that now collide is the one re-placed. Only the rest are placed anew. Walks and reviews are spread
/// by giving each of a leader's units a target week: the leader's units in id order over the half's working weeks.
/// </para>
/// <para>
/// The planner is greedy and does not backtrack across units: when it reports an appointment unplaced, a cleverer
/// search might still have found room. A walk stays in its plan's year, so a review in the first days of January
/// has its walk the same week.
/// </para>
/// </remarks>
public sealed class YearPlanner
{
    private readonly PlannerRules _rules;
    private readonly PlanRequest _request;
    private readonly int _year;
    private readonly DateOnly _today;
    private readonly Bookings _bookings;
    private readonly Dictionary<string, UnitPlan> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlannedAppointment> _placed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlannedAppointment> _before = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlannedAppointment> _happened = new(StringComparer.Ordinal);
    private readonly List<PlannedAppointment> _cancelled = [];
    private readonly Dictionary<string, UnplacedReason> _reasons = new(StringComparer.Ordinal);
    private readonly List<UnplacedAppointment> _unknownUnits = [];
    private readonly Dictionary<string, int> _weeklyWalkLimit = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NeighbourReviews> _neighbourReviews = new(StringComparer.Ordinal);

    private YearPlanner(PlanRequest request)
    {
        _request = request;
        _rules = request.Rules;
        _year = request.Year;
        _today = request.Today;
        _bookings = new Bookings(TimeSpan.FromMinutes(_rules.MinimumGapMinutes));
    }

    /// <summary>
    /// Plans <see cref="PlanRequest.Year"/>. What cannot be placed is reported in <see cref="YearPlan.Unplaced"/>;
    /// only a malformed request (duplicate unit or appointment ids, an id the planner did not write, rules that
    /// fit nothing) throws.
    /// </summary>
    public static YearPlan Plan(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Rules);
        request.Rules.EnsureValid();
        // Blackouts reach into the year before (Christmas) and fishbone deadlines into the year after.
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Year, PublicHolidays.FirstSupportedYear + 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Year, DateOnly.MaxValue.Year - 2);
        return new YearPlanner(request).Run();
    }

    private YearPlan Run()
    {
        IndexUnits();
        IndexDue();
        IndexNeighbours();
        var candidates = SortExisting();
        KeepStillValid(candidates);
        PlaceFishbones();
        PlaceReviewsAndWalks(1);
        PlaceReviewsAndWalks(2);
        return Result();
    }

    private void IndexUnits()
    {
        var zones = new Dictionary<string, TimeZoneInfo?>(StringComparer.Ordinal);
        var calendars = new Dictionary<(string, Country), UnitCalendar>();
        foreach (var unit in _request.Units)
        {
            if (!zones.TryGetValue(unit.TimeZone, out var zone))
            {
                zone = FindZone(unit.TimeZone);
                zones[unit.TimeZone] = zone;
            }

            UnitCalendar? calendar = null;
            if (zone is not null && !calendars.TryGetValue((unit.TimeZone, unit.Country), out calendar))
            {
                calendar = new UnitCalendar(zone, unit.Country, _rules);
                calendars[(unit.TimeZone, unit.Country)] = calendar;
            }

            if (!_units.TryAdd(unit.UnitId, new UnitPlan(unit, calendar)))
            {
                throw new ArgumentException($"Unit '{unit.UnitId}' is listed twice.", nameof(PlanRequest.Units));
            }
        }

        foreach (var leader in _units.Values.Where(u => u.Calendar is not null).GroupBy(u => u.Unit.LeaderId, StringComparer.Ordinal))
        {
            var units = leader.OrderBy(u => u.Unit.UnitId, StringComparer.Ordinal).ToList();
            var walksDue = units.Sum(u => (ReviewWindow(u.Unit, 1) is null ? 0 : 1) + (ReviewWindow(u.Unit, 2) is null ? 0 : 1));
            var workingWeeks = units.Select(u => u.Calendar!).Distinct()
                .SelectMany(c => DaysOf(new DateOnly(_year, 1, 1), new DateOnly(_year, 12, 31)).Where(c.IsWorkingDay))
                .Select(Bookings.Monday).Distinct().Count();
            _weeklyWalkLimit[leader.Key] = workingWeeks == 0
                ? _rules.MaxWalksPerLeaderPerWeek
                : Math.Min(_rules.MaxWalksPerLeaderPerWeek, PlannerRules.SpreadLimit(walksDue, workingWeeks));

            for (var i = 0; i < units.Count; i++)
            {
                units[i].Targets[1] = Target(units[i], 1, i, units.Count);
                units[i].Targets[2] = Target(units[i], 2, i, units.Count);
            }
        }
    }

    // The i-th of a leader's n units aims at the matching share of the half's working weeks, so that each leader's
    // walks fall about evenly through the half, and a unit early in H1 is early in H2 (about six months apart).
    private DateOnly Target(UnitPlan unit, int half, int index, int count)
    {
        var window = ReviewWindow(unit.Unit, half);
        if (window is not { } w)
        {
            return default;
        }

        var from = Max(w.From, _today.AddDays(1));
        var weeks = DaysOf(from, w.To).Where(unit.Calendar!.IsWorkingDay).Select(Bookings.Monday).Distinct().ToList();
        if (weeks.Count == 0)
        {
            return w.From;
        }

        var monday = DateOnly.FromDayNumber(weeks[(int)((index + 0.5) * weeks.Count / count)]);
        return monday.AddDays(2);
    }

    private void IndexDue()
    {
        foreach (var unit in _units.Values)
        {
            for (var half = 1; half <= 2; half++)
            {
                if (ReviewWindow(unit.Unit, half) is not null)
                {
                    AddSlot(new Slot(ReviewId(unit, half), AppointmentKind.SemiAnnualReview, unit, half, DateOnly.MaxValue));
                    AddSlot(new Slot(WalkId(unit, half), AppointmentKind.GembaWalk, unit, half, DateOnly.MaxValue));
                }
            }
        }

        foreach (var withdrawn in _request.Withdrawn)
        {
            _slots.Remove(withdrawn);
        }

        foreach (var due in _request.FishboneDue.GroupBy(f => f.UnitId, StringComparer.Ordinal).Select(g => g.MinBy(f => f.Deadline)!))
        {
            var half = due.Deadline.Month <= 6 ? 1 : 2;
            var id = PlannedAppointment.IdFor(AppointmentKind.FishboneAnalysis, due.UnitId, due.Deadline.Year, half);
            if (_request.Withdrawn.Contains(id))
            {
                continue;
            }

            if (_units.TryGetValue(due.UnitId, out var unit))
            {
                AddSlot(new Slot(id, AppointmentKind.FishboneAnalysis, unit, half, due.Deadline));
            }
            else
            {
                _unknownUnits.Add(new UnplacedAppointment(id, AppointmentKind.FishboneAnalysis, due.UnitId, UnplacedReason.Of(UnplacedReasonKind.UnitNotPlanned)));
            }
        }
    }

    /// <summary>
    /// Books the neighbouring years' appointments (their people are busy then) and notes each unit's reviews in them:
    /// the latest of the previous year, whether that is its H2 review, and the next year's H1 review.
    /// </summary>
    private void IndexNeighbours()
    {
        var own = _request.Existing.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var neighbour in _request.Neighbours.Where(n => !own.Contains(n.Id)).DistinctBy(n => n.Id, StringComparer.Ordinal))
        {
            var unit = _units.GetValueOrDefault(neighbour.UnitId);
            Book(neighbour, LocalDate(neighbour, unit?.Calendar));
            if (neighbour.Kind != AppointmentKind.SemiAnnualReview || unit is null
                || !PlannedAppointment.TryParseId(neighbour.Id, out _, out _, out var year, out var half))
            {
                continue;
            }

            var reviews = _neighbourReviews.GetValueOrDefault(neighbour.UnitId) ?? new NeighbourReviews(null, false, null);
            if (year == _year - 1 && (reviews.Previous is not { } previous || neighbour.Start > previous.Start))
            {
                reviews = reviews with { Previous = neighbour, PreviousIsH2 = half == 2 };
            }
            else if (year == _year + 1 && half == 1)
            {
                reviews = reviews with { Next = neighbour };
            }

            _neighbourReviews[neighbour.UnitId] = reviews;
        }
    }

    private void AddSlot(Slot slot)
    {
        _slots[slot.Id] = slot;
        if (slot.Unit.Calendar is null)
        {
            _reasons[slot.Id] = UnplacedReason.Of(UnplacedReasonKind.UnknownTimeZone, slot.Unit.Unit.TimeZone);
        }
    }

    /// <summary>Books what has happened, cancels what is no longer due, and returns the rest: candidates to keep.</summary>
    private List<PlannedAppointment> SortExisting()
    {
        var candidates = new List<PlannedAppointment>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var existing in _request.Existing)
        {
            if (!seen.Add(existing.Id))
            {
                throw new ArgumentException($"Appointment '{existing.Id}' is listed twice.", nameof(PlanRequest.Existing));
            }

            if (!PlannedAppointment.TryParseId(existing.Id, out var kind, out var unitId, out var year, out _))
            {
                throw new ArgumentException($"'{existing.Id}' is not an appointment id the planner writes.", nameof(PlanRequest.Existing));
            }

            var inScope = kind == AppointmentKind.FishboneAnalysis || year == _year;
            var calendar = _units.GetValueOrDefault(unitId)?.Calendar;
            var localDate = LocalDate(existing, calendar);
            var due = _slots.ContainsKey(existing.Id);
            if (localDate <= _today)
            {
                Book(existing, localDate);
                if (inScope)
                {
                    _happened[existing.Id] = existing;
                }

                continue;
            }

            if (due)
            {
                _before[existing.Id] = existing;
                if (calendar is not null)
                {
                    candidates.Add(existing);
                }
            }
            else if (inScope)
            {
                _cancelled.Add(existing);
            }
            else
            {
                // Another year's plan: not ours to change, but its people are busy then.
                Book(existing, localDate);
            }
        }

        return candidates;
    }

    private void KeepStillValid(List<PlannedAppointment> candidates)
    {
        var refreshed = candidates.Select(existing =>
        {
            var slot = _slots[existing.Id];
            var calendar = slot.Unit.Calendar!;
            var start = calendar.ToLocal(existing.Start);
            var date = DateOnly.FromDateTime(start.DateTime);
            var (owner, attendees) = PeopleFor(slot, date);
            var kept = existing with { OwnerId = owner, AttendeeIds = attendees, Start = start, End = calendar.ToLocal(existing.End) };
            return (Slot: slot, Kept: kept, Date: date, Changed: !kept.Equals(existing));
        });

        // Appointments whose people are the same come first: a unit that moved to another leader must not push
        // aside the new leader's own units. Reviews before walks, so that a walk is judged against its review.
        var ordered = refreshed
            .OrderBy(c => c.Changed)
            .ThenBy(c => c.Slot.Kind switch { AppointmentKind.SemiAnnualReview => 0, AppointmentKind.GembaWalk => 1, _ => 2 })
            .ThenBy(c => c.Kept.Start)
            .ThenBy(c => c.Kept.Id, StringComparer.Ordinal)
            .ToList();
        foreach (var (slot, kept, date, _) in ordered)
        {
            if (Fits(slot, kept) && StillConnected(slot, kept, date) && WalkLimitsAllow(slot, date) && _bookings.IsFree(kept.People, kept.Start, kept.End))
            {
                Book(kept, date);
            }
        }

        // A walk kept before its review was judged is judged now; if it no longer belongs, it is placed anew.
        foreach (var (slot, kept, date, _) in ordered.Where(c => c.Slot.Kind == AppointmentKind.GembaWalk))
        {
            if (Placed(kept.Id) == kept && Placed(ReviewId(slot.Unit, slot.Half)) is { } review && !WalkBelongsTo(slot.Unit, kept, date, review))
            {
                Unbook(kept);
            }
        }
    }

    private bool StillConnected(Slot slot, PlannedAppointment kept, DateOnly date)
    {
        switch (slot.Kind)
        {
            case AppointmentKind.SemiAnnualReview:
                var (from, to) = ReviewRange(slot, walk: null);
                return date >= from && date <= to;
            case AppointmentKind.GembaWalk:
                // A walk whose review is to be re-placed stays for now; the review is then sought around it.
                return !_placed.TryGetValue(ReviewId(slot.Unit, slot.Half), out var review)
                    || WalkBelongsTo(slot.Unit, kept, date, review);
            default:
                return true;
        }
    }

    private static bool WalkBelongsTo(UnitPlan unit, PlannedAppointment walk, DateOnly walkDate, PlannedAppointment review)
    {
        var reviewDate = LocalDate(review, unit.Calendar);
        return walkDate <= reviewDate
            && Bookings.Monday(walkDate) >= Bookings.Monday(reviewDate) - 7
            && walk.End <= review.Start;
    }

    private void PlaceFishbones()
    {
        var due = _slots.Values
            .Where(s => s.Kind == AppointmentKind.FishboneAnalysis && !_placed.ContainsKey(s.Id) && !_happened.ContainsKey(s.Id) && s.Unit.Calendar is not null)
            .OrderBy(s => s.Deadline)
            .ThenBy(s => s.Unit.Unit.UnitId, StringComparer.Ordinal);
        foreach (var slot in due)
        {
            var first = _today.AddDays(1);
            var last = slot.Deadline.AddDays(-1);
            if (first > last)
            {
                _reasons[slot.Id] = UnplacedReason.Of(UnplacedReasonKind.DeadlineLeavesNoDay, slot.Deadline);
                continue;
            }

            var preferred = Min(Max(_today.AddDays(_rules.FishboneNoticeDays), first), last);
            var days = DaysOf(preferred, last).Concat(DaysOf(first, preferred.AddDays(-1)).Reverse());
            if (!days.Any(day => TryPlaceOn(slot, day, latestEnd: null) is not null))
            {
                _reasons[slot.Id] = UnplacedReason.Of(UnplacedReasonKind.NoFreeDayBeforeDeadline, slot.Deadline, People(slot));
            }
        }
    }

    private void PlaceReviewsAndWalks(int half)
    {
        // A walk whose review was cancelled by hand keeps its time if it has one; a new one needs a review to go with.
        foreach (var orphan in _units.Values.Where(u => !_slots.ContainsKey(ReviewId(u, half)) && _slots.ContainsKey(WalkId(u, half)) && Placed(WalkId(u, half)) is null))
        {
            _reasons[WalkId(orphan, half)] = UnplacedReason.Of(UnplacedReasonKind.ReviewCancelled);
        }

        var units = _units.Values
            .Where(u => u.Calendar is not null && _slots.ContainsKey(ReviewId(u, half)))
            .OrderBy(u => u.Unit.LeaderId, StringComparer.Ordinal)
            .ThenBy(u => u.Unit.UnitId, StringComparer.Ordinal);
        foreach (var unit in units)
        {
            var reviewSlot = _slots[ReviewId(unit, half)];
            if (!_slots.TryGetValue(WalkId(unit, half), out var walkSlot))
            {
                // The walk was cancelled by hand: the review stands on its own.
                if (Placed(reviewSlot.Id) is null && FindReviewAfter(reviewSlot, walk: null) is null)
                {
                    _reasons[reviewSlot.Id] = UnplacedReason.Of(UnplacedReasonKind.NoReviewDay, half, _year, People(reviewSlot));
                }

                continue;
            }

            var review = Placed(reviewSlot.Id);
            var walk = Placed(walkSlot.Id);
            if (review is not null && walk is not null)
            {
                continue;
            }

            if (review is not null)
            {
                if (FindWalk(walkSlot, review) is not null)
                {
                    continue;
                }

                // No room for a walk next to the kept review: moving the review is better than a unit without a walk.
                if (!_happened.ContainsKey(review.Id))
                {
                    var reviewDate = LocalDate(review, unit.Calendar);
                    Unbook(review);
                    if (PlacePair(reviewSlot, walkSlot))
                    {
                        continue;
                    }

                    Book(review, reviewDate);
                }

                _reasons[walkSlot.Id] = UnplacedReason.Of(UnplacedReasonKind.NoWalkDay, People(walkSlot));
                continue;
            }

            if (walk is not null)
            {
                if (FindReviewAfter(reviewSlot, walk) is not null)
                {
                    continue;
                }

                // The review cannot be fitted around the kept walk: move both rather than leave the review out.
                Unbook(walk);
            }

            if (!PlacePair(reviewSlot, walkSlot) && !(half == 1 && RetryWithoutH2(unit, reviewSlot, walkSlot)))
            {
                var (from, to) = ReviewRange(reviewSlot, walk: null);
                var reason = from > to
                    ? UnplacedReason.Of(UnplacedReasonKind.NoReviewWindow, half, _year, _today, _rules.MinWeeksBetweenReviews, _rules.MaxWeeksBetweenReviews, _year - 1, _year + 1)
                    : UnplacedReason.Of(UnplacedReasonKind.NoReviewDayInRange, from, to, People(reviewSlot));
                _reasons[reviewSlot.Id] = reason;
                _reasons[walkSlot.Id] = reason;
            }
        }
    }

    /// <summary>
    /// A kept H2 review may leave H1 no room once the previous year's review bounds it too (a plan made before
    /// December's reviews were known): H2 and its walk are then freed, H1 placed, and H2 placed again after it.
    /// </summary>
    private bool RetryWithoutH2(UnitPlan unit, Slot reviewSlot, Slot walkSlot)
    {
        var h2 = Placed(ReviewId(unit, 2));
        if (h2 is null || _happened.ContainsKey(h2.Id))
        {
            return false;
        }

        var h2Walk = Placed(WalkId(unit, 2)) is { } w && !_happened.ContainsKey(w.Id) ? w : null;
        Unbook(h2);
        if (h2Walk is not null)
        {
            Unbook(h2Walk);
        }

        if (PlacePair(reviewSlot, walkSlot))
        {
            return true;
        }

        Book(h2, LocalDate(h2, unit.Calendar));
        if (h2Walk is not null)
        {
            Book(h2Walk, LocalDate(h2Walk, unit.Calendar));
        }

        return false;
    }

    private bool PlacePair(Slot reviewSlot, Slot walkSlot)
    {
        var (from, to) = ReviewRange(reviewSlot, walk: null);
        var calendar = reviewSlot.Unit.Calendar!;
        foreach (var day in Around(reviewSlot.Unit.Targets[reviewSlot.Half], from, to))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            // Best: walk the Gemba the same day, just before the review.
            foreach (var time in Times(reviewSlot.Kind))
            {
                var review = Candidate(reviewSlot, day, time);
                if (review is null)
                {
                    continue;
                }

                Book(review, day);
                if (TryPlaceOn(walkSlot, day, latestEnd: review.Start) is not null)
                {
                    return true;
                }

                Unbook(review);
            }

            // Otherwise an earlier day; which review time is chosen does not matter to a walk on another day.
            var first = Times(reviewSlot.Kind).Select(t => Candidate(reviewSlot, day, t)).FirstOrDefault(a => a is not null);
            if (first is null)
            {
                continue;
            }

            Book(first, day);
            if (WalkDaysBefore(day).Any(walkDay => TryPlaceOn(walkSlot, walkDay, latestEnd: null) is not null))
            {
                return true;
            }

            Unbook(first);
        }

        return false;
    }

    private PlannedAppointment? FindWalk(Slot walkSlot, PlannedAppointment review)
    {
        var reviewDay = LocalDate(review, walkSlot.Unit.Calendar);
        return TryPlaceOn(walkSlot, reviewDay, latestEnd: review.Start)
            ?? WalkDaysBefore(reviewDay).Select(day => TryPlaceOn(walkSlot, day, latestEnd: null)).FirstOrDefault(a => a is not null);
    }

    private PlannedAppointment? FindReviewAfter(Slot reviewSlot, PlannedAppointment? walk)
    {
        var (from, to) = ReviewRange(reviewSlot, walk);
        var calendar = reviewSlot.Unit.Calendar!;
        foreach (var day in Around(reviewSlot.Unit.Targets[reviewSlot.Half], from, to))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            foreach (var time in Times(reviewSlot.Kind))
            {
                if ((walk is null || calendar.At(day, time) >= walk.End) && Candidate(reviewSlot, day, time) is { } review)
                {
                    Book(review, day);
                    return review;
                }
            }
        }

        return null;
    }

    private IEnumerable<DateOnly> WalkDaysBefore(DateOnly reviewDay)
    {
        var earliest = Max(DateOnly.FromDayNumber(Bookings.Monday(reviewDay) - 7), Max(_today.AddDays(1), new DateOnly(_year, 1, 1)));
        for (var day = reviewDay.AddDays(-1); day >= earliest; day = day.AddDays(-1))
        {
            yield return day;
        }
    }

    /// <summary>Books the first free time on <paramref name="day"/>, or returns null.</summary>
    private PlannedAppointment? TryPlaceOn(Slot slot, DateOnly day, DateTimeOffset? latestEnd)
    {
        var calendar = slot.Unit.Calendar!;
        if (day <= _today || !calendar.IsWorkingDay(day) || (slot.Kind == AppointmentKind.GembaWalk && (day.Year != _year || !WalkLimitsAllow(slot, day))))
        {
            return null;
        }

        foreach (var time in Times(slot.Kind))
        {
            if (Candidate(slot, day, time) is { } appointment)
            {
                if (latestEnd is { } limit && appointment.End > limit)
                {
                    return null;
                }

                Book(appointment, day);
                return appointment;
            }
        }

        return null;
    }

    /// <summary>The appointment at this time if its people are free and the board meeting is not then; not booked.</summary>
    private PlannedAppointment? Candidate(Slot slot, DateOnly day, TimeOnly time)
    {
        var minutes = _rules.MinutesOf(slot.Kind);
        if (OverlapsBoardMeeting(slot.Unit.Unit.BoardMeeting, day, time, minutes))
        {
            return null;
        }

        var calendar = slot.Unit.Calendar!;
        var start = calendar.At(day, time);
        var end = calendar.At(day, time.AddMinutes(minutes));
        var (owner, attendees) = PeopleFor(slot, day);
        return _bookings.IsFree(attendees.Prepend(owner), start, end)
            ? new PlannedAppointment(slot.Id, slot.Kind, slot.Unit.Unit.UnitId, owner, attendees, start, end)
            : null;
    }

    private bool Fits(Slot slot, PlannedAppointment appointment)
    {
        var calendar = slot.Unit.Calendar!;
        var start = appointment.Start.DateTime;
        var end = appointment.End.DateTime;
        var date = DateOnly.FromDateTime(start);
        var minutes = _rules.MinutesOf(slot.Kind);
        if (DateOnly.FromDateTime(end) != date || date <= _today || !calendar.IsWorkingDay(date)
            || TimeOnly.FromDateTime(start) < _rules.WorkdayStart || TimeOnly.FromDateTime(end) > _rules.WorkdayEnd
            || appointment.End - appointment.Start != TimeSpan.FromMinutes(minutes)
            || OverlapsBoardMeeting(slot.Unit.Unit.BoardMeeting, date, TimeOnly.FromDateTime(start), minutes))
        {
            return false;
        }

        return slot.Kind switch
        {
            AppointmentKind.SemiAnnualReview => ReviewWindow(slot.Unit.Unit, slot.Half) is { } w && date >= w.From && date <= w.To,
            AppointmentKind.GembaWalk => date.Year == _year,
            _ => date < slot.Deadline,
        };
    }

    private bool WalkLimitsAllow(Slot slot, DateOnly day)
    {
        if (slot.Kind != AppointmentKind.GembaWalk)
        {
            return true;
        }

        var leader = slot.Unit.Unit.LeaderId;
        return _bookings.WalksOn(leader, day) < _rules.MaxWalksPerLeaderPerDay
            && _bookings.WalksInWeek(leader, day) < _weeklyWalkLimit.GetValueOrDefault(leader, _rules.MaxWalksPerLeaderPerWeek);
    }

    private static bool OverlapsBoardMeeting(Organisation.BoardMeeting meeting, DateOnly day, TimeOnly start, int minutes)
    {
        if (day.DayOfWeek != meeting.Weekday)
        {
            return false;
        }

        var from = (start.Hour * 60) + start.Minute;
        var meetingFrom = (meeting.Start.Hour * 60) + meeting.Start.Minute;
        return from < meetingFrom + meeting.Minutes && meetingFrom < from + minutes;
    }

    /// <summary>The days a review of this slot may fall on: its window, after today, spaced from the other review.</summary>
    private (DateOnly From, DateOnly To) ReviewRange(Slot slot, PlannedAppointment? walk)
    {
        var window = ReviewWindow(slot.Unit.Unit, slot.Half)!.Value;
        var from = Max(window.From, _today.AddDays(1));
        var to = window.To;
        if (Placed(ReviewId(slot.Unit, 3 - slot.Half)) is { } other)
        {
            var otherDate = LocalDate(other, slot.Unit.Calendar);
            var min = 7 * _rules.MinWeeksBetweenReviews;
            var max = 7 * _rules.MaxWeeksBetweenReviews;
            (from, to) = slot.Half == 2
                ? (Max(from, otherDate.AddDays(min)), Min(to, otherDate.AddDays(max)))
                : (Max(from, otherDate.AddDays(-max)), Min(to, otherDate.AddDays(-min)));
        }

        // Across 31 December: the previous year's last review and the next year's first bound this year's.
        if (_neighbourReviews.GetValueOrDefault(slot.Unit.Unit.UnitId) is { } neighbours)
        {
            var min = 7 * _rules.MinWeeksBetweenReviews;
            var max = 7 * _rules.MaxWeeksBetweenReviews;
            if (slot.Half == 1 && neighbours.Previous is { } previous)
            {
                var previousDate = LocalDate(previous, slot.Unit.Calendar);
                from = Max(from, previousDate.AddDays(min));
                if (neighbours.PreviousIsH2)
                {
                    to = Min(to, previousDate.AddDays(max));
                }
            }

            if (slot.Half == 2 && neighbours.Next is { } next)
            {
                var nextDate = LocalDate(next, slot.Unit.Calendar);
                (from, to) = (Max(from, nextDate.AddDays(-max)), Min(to, nextDate.AddDays(-min)));
            }
        }

        if (walk is not null)
        {
            var walkDate = LocalDate(walk, slot.Unit.Calendar);
            from = Max(from, walkDate);
            to = Min(to, DateOnly.FromDayNumber(Bookings.Monday(walkDate) + 13));
        }

        return (from, to);
    }

    private (DateOnly From, DateOnly To)? ReviewWindow(PlanningUnit unit, int half)
    {
        var from = Max(new DateOnly(_year, half == 1 ? 1 : 7, 1), unit.LeanStart.AddDays(7 * _rules.MinWeeksBetweenReviews));
        var to = half == 1 ? new DateOnly(_year, 6, 30) : new DateOnly(_year, 12, 31);
        return from <= to ? (from, to) : null;
    }

    private (string Owner, IReadOnlyList<string> Attendees) PeopleFor(Slot slot, DateOnly date)
    {
        var unit = slot.Unit.Unit;
        var owner = _request.Owners.GetValueOrDefault(slot.Id) ?? unit.LeaderId;
        var attendees = new List<string>(2);
        if (unit.UnitLeaderId != unit.LeaderId)
        {
            attendees.Add(unit.UnitLeaderId);
        }

        if (slot.Kind != AppointmentKind.GembaWalk
            && unit.Guidance is { } guidance && date >= guidance.From && date <= guidance.To
            && guidance.ConsultantId != unit.LeaderId && guidance.ConsultantId != unit.UnitLeaderId)
        {
            attendees.Add(guidance.ConsultantId);
        }

        attendees.RemoveAll(a => string.Equals(a, owner, StringComparison.Ordinal));
        return (owner, attendees);
    }

    private static UnplacedReason People(Slot slot)
    {
        var unit = slot.Unit.Unit;
        return slot.Kind == AppointmentKind.GembaWalk || unit.Guidance is null
            ? UnplacedReason.Of(UnplacedReasonKind.LeaderAndUnitLeader, unit.LeaderId, unit.UnitLeaderId)
            : UnplacedReason.Of(UnplacedReasonKind.LeaderUnitLeaderAndConsultant, unit.LeaderId, unit.UnitLeaderId, unit.Guidance.ConsultantId);
    }

    private IEnumerable<TimeOnly> Times(AppointmentKind kind)
    {
        var last = _rules.WorkdayEnd.AddMinutes(-_rules.MinutesOf(kind));
        for (var time = _rules.WorkdayStart; time <= last; time = time.AddMinutes(_rules.SlotMinutes))
        {
            yield return time;
            if (time.AddMinutes(_rules.SlotMinutes) < time)
            {
                yield break;
            }
        }
    }

    private void Book(PlannedAppointment appointment, DateOnly localDate)
    {
        _bookings.Add(appointment);
        if (appointment.Kind == AppointmentKind.GembaWalk)
        {
            _bookings.CountWalk(appointment.OwnerId, localDate, +1);
        }

        if (_slots.ContainsKey(appointment.Id))
        {
            _placed[appointment.Id] = appointment;
        }
    }

    private void Unbook(PlannedAppointment appointment)
    {
        _bookings.Remove(appointment);
        if (appointment.Kind == AppointmentKind.GembaWalk)
        {
            _bookings.CountWalk(appointment.OwnerId, LocalDate(appointment, _units[appointment.UnitId].Calendar), -1);
        }

        _placed.Remove(appointment.Id);
    }

    private PlannedAppointment? Placed(string id) => _placed.GetValueOrDefault(id);

    private YearPlan Result()
    {
        var added = new List<PlannedAppointment>();
        var moved = new List<AppointmentChange>();
        var reassigned = new List<AppointmentChange>();
        var unchanged = new List<PlannedAppointment>(_happened.Values);
        var cancelled = new List<PlannedAppointment>(_cancelled);
        var unplaced = new List<UnplacedAppointment>(_unknownUnits);
        foreach (var slot in _slots.Values)
        {
            if (_happened.ContainsKey(slot.Id))
            {
                continue;
            }

            var before = _before.GetValueOrDefault(slot.Id);
            if (Placed(slot.Id) is not { } after)
            {
                if (before is not null)
                {
                    cancelled.Add(before);
                }

                unplaced.Add(new UnplacedAppointment(slot.Id, slot.Kind, slot.Unit.Unit.UnitId, _reasons.GetValueOrDefault(slot.Id) ?? UnplacedReason.Of(UnplacedReasonKind.NoValidTime)));
            }
            else if (before is null)
            {
                added.Add(after);
            }
            else if (before.Start != after.Start || before.End != after.End)
            {
                moved.Add(new AppointmentChange(before, after));
            }
            else if (!before.Equals(after))
            {
                reassigned.Add(new AppointmentChange(before, after));
            }
            else
            {
                unchanged.Add(after);
            }
        }

        var appointments = _happened.Values
            .Concat(_placed.Values.Where(a => !_happened.ContainsKey(a.Id)))
            .OrderBy(a => a.Start)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
        return new YearPlan(
            appointments,
            [.. added.OrderBy(a => a.Start).ThenBy(a => a.Id, StringComparer.Ordinal)],
            [.. moved.OrderBy(c => c.After.Start).ThenBy(c => c.After.Id, StringComparer.Ordinal)],
            [.. reassigned.OrderBy(c => c.After.Start).ThenBy(c => c.After.Id, StringComparer.Ordinal)],
            [.. cancelled.OrderBy(a => a.Start).ThenBy(a => a.Id, StringComparer.Ordinal)],
            [.. unchanged.OrderBy(a => a.Start).ThenBy(a => a.Id, StringComparer.Ordinal)],
            [.. unplaced.OrderBy(u => u.UnitId, StringComparer.Ordinal).ThenBy(u => u.Id, StringComparer.Ordinal)]);
    }

    private static DateOnly LocalDate(PlannedAppointment appointment, UnitCalendar? calendar) =>
        DateOnly.FromDateTime((calendar?.ToLocal(appointment.Start) ?? appointment.Start).DateTime);

    private string ReviewId(UnitPlan unit, int half) => PlannedAppointment.IdFor(AppointmentKind.SemiAnnualReview, unit.Unit.UnitId, _year, half);

    private string WalkId(UnitPlan unit, int half) => PlannedAppointment.IdFor(AppointmentKind.GembaWalk, unit.Unit.UnitId, _year, half);

    private static IEnumerable<DateOnly> Around(DateOnly target, DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            yield break;
        }

        var centre = Min(Max(target, from), to);
        yield return centre;
        for (var step = 1; centre.AddDays(-step) >= from || centre.AddDays(step) <= to; step++)
        {
            if (centre.AddDays(step) <= to)
            {
                yield return centre.AddDays(step);
            }

            if (centre.AddDays(-step) >= from)
            {
                yield return centre.AddDays(-step);
            }
        }
    }

    private static IEnumerable<DateOnly> DaysOf(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static TimeZoneInfo? FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            // Reported per unit as unplaced: one mistyped zone must not stop the whole organisation's plan.
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    private sealed class UnitPlan(PlanningUnit unit, UnitCalendar? calendar)
    {
        public PlanningUnit Unit { get; } = unit;

        public UnitCalendar? Calendar { get; } = calendar;

        /// <summary>Per half (index 1 and 2): the day the search starts from and spreads out around.</summary>
        public DateOnly[] Targets { get; } = new DateOnly[3];
    }

    private sealed record Slot(string Id, AppointmentKind Kind, UnitPlan Unit, int Half, DateOnly Deadline);

    /// <summary>A unit's reviews in the neighbouring years' plans that bound this year's.</summary>
    private sealed record NeighbourReviews(PlannedAppointment? Previous, bool PreviousIsH2, PlannedAppointment? Next);
}
