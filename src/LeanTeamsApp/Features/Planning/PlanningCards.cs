using System.Globalization;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.Features.Planning;

public static class PlanningCards
{
    internal const int MaxUpcoming = 10;
    private const int MaxUnplacedShown = 10;

    /// <summary>What `gemba plan` did: counts, changes, what did not fit and why, and each leader's load.</summary>
    public static AdaptiveCard Summary(Language language, int year, YearPlan plan, IReadOnlyList<Lagging> lagging, IReadOnlyList<Unit> units,
        IReadOnlyDictionary<string, Person> people, bool calendarOn, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(lagging);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(people);
        var t = PlanningTexts.For(language);
        var names = units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        var body = new List<CardElement>
        {
            TextBlock.Heading(t.PlanTitle(year)),
            new FactSet(
            [
                .. Enum.GetValues<AppointmentKind>().Select(k => new Fact(t.Kinds[k], plan.Appointments.Count(a => a.Kind == k).ToString(CultureInfo.InvariantCulture))),
                new Fact(t.Changes, t.ChangeSummary(plan.Added.Count, plan.Moved.Count, plan.Reassigned.Count, plan.Cancelled.Count, plan.Unchanged.Count)),
            ]),
        };
        if (notice is not null)
        {
            body.Insert(1, new TextBlock(notice) { Spacing = Spacing.Small });
        }

        if (plan.Unplaced.Count > 0)
        {
            body.Add(new TextBlock(t.Unplaced) { Weight = TextWeight.Bolder, Color = TextColor.Attention, Separator = true });
            body.AddRange(plan.Unplaced.Take(MaxUnplacedShown).Select(u =>
                new TextBlock($"{names.GetValueOrDefault(u.UnitId, u.UnitId)} – {t.Kinds[u.Kind]}: {u.Why.In(language)}") { Size = TextSize.Small, Spacing = Spacing.None }));
            if (plan.Unplaced.Count > MaxUnplacedShown)
            {
                body.Add(new TextBlock(t.MoreUnplaced(plan.Unplaced.Count - MaxUnplacedShown)) { IsSubtle = true, Size = TextSize.Small });
            }
        }

        var analysed = plan.Appointments.Where(a => a.Kind == AppointmentKind.FishboneAnalysis).Select(a => a.UnitId).ToHashSet(StringComparer.Ordinal);
        if (lagging.Any(l => analysed.Contains(l.UnitId)))
        {
            body.Add(new TextBlock(t.FishboneBecause) { Weight = TextWeight.Bolder, Separator = true });
            body.AddRange(lagging.Where(l => analysed.Contains(l.UnitId)).Select(l =>
                new TextBlock(t.LaggingReason(names.GetValueOrDefault(l.UnitId, l.UnitId), l.MissedMeetings, l.NoImprovementDone, l.Deadline.ToString("d", language.Culture())))
                {
                    Size = TextSize.Small, Spacing = Spacing.None,
                }));
        }

        var walks = plan.Appointments.Where(a => a.Kind == AppointmentKind.GembaWalk).GroupBy(a => a.OwnerId, StringComparer.Ordinal).ToList();
        if (walks.Count > 0)
        {
            body.Add(new TextBlock(t.PerLeader) { Weight = TextWeight.Bolder, Separator = true });
            body.Add(new FactSet([.. walks.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Fact(
                people.TryGetValue(g.Key, out var leader) ? leader.Name : g.Key,
                t.LeaderLoad(g.Count(), g.GroupBy(a => ISOWeek.GetWeekOfYear(a.Start.DateTime)).Max(w => w.Count()))))]));
        }

        body.Add(new TextBlock(calendarOn ? t.CalendarOn : t.CalendarOff) { IsSubtle = true, Size = TextSize.Small, Separator = true });
        return new AdaptiveCard { Body = body };
    }

    /// <summary>A person's next appointments, with the Teams meeting link where the calendar has one.</summary>
    public static AdaptiveCard Upcoming(Language language, string personId, IReadOnlyList<Appointment> appointments, IReadOnlyDictionary<string, Unit> units)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        ArgumentNullException.ThrowIfNull(units);
        var t = PlanningTexts.For(language);
        var body = new List<CardElement> { TextBlock.Heading(t.UpcomingTitle) };
        if (appointments.Count == 0)
        {
            body.Add(new TextBlock(t.NothingUpcoming));
        }

        foreach (var appointment in appointments)
        {
            var plan = appointment.Plan;
            var unit = units.GetValueOrDefault(plan.UnitId)?.Name ?? plan.UnitId;
            var items = new List<CardElement>
            {
                new TextBlock($"{t.Kinds[plan.Kind]} – {unit}") { Weight = TextWeight.Bolder },
                new TextBlock($"{When(language, plan)} · {(plan.OwnerId == personId ? t.YouLead : t.YouAttend)}") { IsSubtle = true, Spacing = Spacing.None },
            };
            if (appointment.JoinUrl is { } join && Uri.TryCreate(join, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps)
            {
                items.Add(new ActionSet([new OpenUrlAction(t.Join, url)]));
            }

            body.Add(new Container(items) { Separator = true });
        }

        return new AdaptiveCard { Body = body };
    }

    /// <summary>A reminder a week or a day before: what, where, when, who, and the meeting link.</summary>
    public static AdaptiveCard Reminder(Language language, Appointment appointment, Unit? unit, IReadOnlyDictionary<string, Person> people, int daysAhead)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(people);
        var t = PlanningTexts.For(language);
        var plan = appointment.Plan;
        var unitName = unit?.Name ?? plan.UnitId;
        var kind = t.Kinds[plan.Kind];
        var who = string.Join(", ", plan.People.Select(p => people.TryGetValue(p, out var person) ? person.Name : p));
        var card = new AdaptiveCard
        {
            Body =
            [
                TextBlock.Heading(daysAhead switch { <= 0 => t.ReminderToday(kind, unitName), 1 => t.ReminderDay(kind, unitName), _ => t.ReminderDays(daysAhead, kind, unitName) }),
                new FactSet([new Fact(t.When, When(language, plan)), new Fact(t.Unit, unitName), new Fact(t.Who, who)]),
            ],
        };
        return appointment.JoinUrl is { } join && Uri.TryCreate(join, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? card with { Actions = [new OpenUrlAction(t.Join, url)] }
            : card;
    }

    /// <summary>The news that an appointment moved: what, the new and the old time, who, and who moved it.</summary>
    public static AdaptiveCard Moved(Language language, PlannedAppointment before, PlannedAppointment after, Unit unit, IReadOnlyDictionary<string, Person> people, string changedBy)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(unit);
        var t = PlanningTexts.For(language);
        var c = ChangeTexts.For(language);
        return Change(c.MovedTitle(t.Kinds[after.Kind], unit.Name),
            [new Fact(t.When, When(language, after)), new Fact(c.Was, When(language, before)), new Fact(t.Who, Names(after, people)), new Fact(c.ChangedBy, changedBy)]);
    }

    public static AdaptiveCard Cancelled(Language language, PlannedAppointment plan, Unit unit, IReadOnlyDictionary<string, Person> people, string changedBy)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(unit);
        var t = PlanningTexts.For(language);
        var c = ChangeTexts.For(language);
        return Change(c.CancelledTitle(t.Kinds[plan.Kind], unit.Name),
            [new Fact(c.Was, When(language, plan)), new Fact(t.Who, Names(plan, people)), new Fact(c.ChangedBy, changedBy)]);
    }

    public static AdaptiveCard Reassigned(Language language, PlannedAppointment before, PlannedAppointment after, Unit unit, IReadOnlyDictionary<string, Person> people, string changedBy)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(people);
        var t = PlanningTexts.For(language);
        var c = ChangeTexts.For(language);
        string Name(string id) => people.TryGetValue(id, out var person) ? person.Name : id;
        return Change(c.ReassignedTitle(t.Kinds[after.Kind], unit.Name),
            [new Fact(c.Owner, Name(after.OwnerId)), new Fact(c.Was, Name(before.OwnerId)), new Fact(t.When, When(language, after)), new Fact(t.Who, Names(after, people)), new Fact(c.ChangedBy, changedBy)]);
    }

    private static AdaptiveCard Change(string title, IReadOnlyList<Fact> facts) =>
        new() { Body = [TextBlock.Heading(title), new FactSet(facts)] };

    private static string Names(PlannedAppointment plan, IReadOnlyDictionary<string, Person> people) =>
        string.Join(", ", plan.People.Select(p => people.TryGetValue(p, out var person) ? person.Name : p));

    /// <summary>
    /// How many days ahead <paramref name="start"/> is as people count them: calendar dates in the unit's zone, so an
    /// event on Thursday is "in 3 days" on Monday at any hour, and a night that changes the clock counts as one day.
    /// </summary>
    internal static int CalendarDaysUntil(DateTimeOffset now, DateTimeOffset start, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime).DayNumber
        - DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).DayNumber;

    /// <summary>The wall-clock time in the unit's zone, which the stored offset already carries.</summary>
    internal static string When(Language language, PlannedAppointment plan) =>
        $"{language.DayAndMonth(plan.Start.DateTime)} {plan.Start.DateTime.ToString("HH:mm", CultureInfo.InvariantCulture)}–{plan.End.DateTime.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}
