using System.Globalization;
using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;

namespace LeanTeamsApp.Features.Planning;

/// <summary>
/// `gemba move &lt;unit&gt; &lt;kind&gt; &lt;date&gt; [time]`, `gemba cancel &lt;unit&gt; &lt;kind&gt;` and
/// `gemba owner &lt;unit&gt; &lt;kind&gt; &lt;person&gt;`: one appointment by hand, the unit's next planned one of that kind.
/// The coordinator or the appointment's owner may (the access rule's <see cref="Permission.ManageAppointment"/>).
/// </summary>
public sealed class AppointmentCommands(OrganisationStore organisation, AppointmentChanges changes, AccessRule access, TimeProvider time)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d.M.yyyy", "d.M.yy"];
    private static readonly string[] TimeFormats = ["H:mm", "H.mm", "HH:mm", "HH.mm"];

    public Task MoveAsync(Turn turn, string arguments, CancellationToken cancellationToken) =>
        ChangeAsync(turn, arguments, "gemba move", async (found, rest) =>
        {
            var c = ChangeTexts.For(turn.Language);
            var plan = found.Appointment.Plan;
            if (rest.Length is not (1 or 2)
                || !DateOnly.TryParseExact(rest[0], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return c.Usage;
            }

            var at = TimeOnly.FromDateTime(plan.Start.DateTime);
            if (rest.Length == 2 && !TimeOnly.TryParseExact(rest[1], TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
            {
                return c.Usage;
            }

            var result = await changes.MoveAsync(turn.TenantId, found.Organisation, found.Unit, found.Appointment, date, at, turn.Caller.Email ?? "", turn.Caller.DisplayName, cancellationToken);
            return Answer(turn.Language, found, result, changed => c.MovedAnswer(Kind(turn.Language, plan.Kind), found.Unit.Name, PlanningCards.When(turn.Language, changed.Plan), result.Told));
        }, cancellationToken);

    public Task CancelAsync(Turn turn, string arguments, CancellationToken cancellationToken) =>
        ChangeAsync(turn, arguments, "gemba cancel", async (found, rest) =>
        {
            var c = ChangeTexts.For(turn.Language);
            if (rest.Length > 0)
            {
                return c.Usage;
            }

            var result = await changes.CancelAsync(turn.TenantId, found.Unit, found.Appointment, turn.Caller.Email ?? "", turn.Caller.DisplayName, cancellationToken);
            return Answer(turn.Language, found, result, _ => c.CancelledAnswer(Kind(turn.Language, found.Appointment.Plan.Kind), found.Unit.Name, result.Told));
        }, cancellationToken);

    public Task OwnerAsync(Turn turn, string arguments, CancellationToken cancellationToken) =>
        ChangeAsync(turn, arguments, "gemba owner", async (found, rest) =>
        {
            var c = ChangeTexts.For(turn.Language);
            if (rest.Length == 0)
            {
                return c.Usage;
            }

            var typed = string.Join(' ', rest);
            var people = found.People;
            var matches = people.Where(p => string.Equals(p.Id, Person.NormaliseId(typed), StringComparison.Ordinal)).ToList() is { Count: > 0 } byEmail
                ? byEmail
                : [.. people.Where(p => p.Name.Equals(typed, StringComparison.OrdinalIgnoreCase))];
            if (matches.Count == 0)
            {
                matches = [.. people.Where(p => p.Name.Contains(typed, StringComparison.OrdinalIgnoreCase))];
            }

            switch (matches)
            {
                case []:
                    return c.PersonNotFound(typed);
                case [var owner]:
                    var result = await changes.ReassignAsync(turn.TenantId, found.Unit, found.Appointment, owner.Id, turn.Caller.Email ?? "", turn.Caller.DisplayName, cancellationToken);
                    return Answer(turn.Language, found, result, _ => c.ReassignedAnswer(Kind(turn.Language, found.Appointment.Plan.Kind), found.Unit.Name, owner.Name, result.Told));
                default:
                    return c.PersonAmbiguous(typed, [.. matches.Take(5).Select(p => $"{p.Name} ({p.Id})")]);
            }
        }, cancellationToken);

    private sealed record Found(Organisation.Organisation Organisation, Unit Unit, Appointment Appointment, IReadOnlyList<Unit> Units, IReadOnlyList<Person> People);

    /// <summary>
    /// What the three commands share: the unit and kind from the words, the appointment meant, and the access rule's
    /// answer, before <paramref name="change"/> gets the words after the kind and returns what to answer.
    /// </summary>
    private async Task ChangeAsync(Turn turn, string arguments, string entryPoint, Func<Found, string[], Task<string>> change, CancellationToken cancellationToken)
    {
        var c = ChangeTexts.For(turn.Language);
        if (await organisation.GetOrganisationAsync(turn.TenantId, cancellationToken) is not { } org)
        {
            await turn.ReplyAsync(turn.Texts.NotSetUp, cancellationToken);
            return;
        }

        if (Split(arguments) is not var (unitName, kind, rest))
        {
            await turn.ReplyAsync(c.Usage, cancellationToken);
            return;
        }

        var units = await organisation.ListUnitsAsync(turn.TenantId, cancellationToken);
        if (UnitInChat.Find(units, unitName) is not { } unit)
        {
            await turn.ReplyAsync(turn.Texts.UnitNotFound(unitName, UnitInChat.Closest(units, unitName)), cancellationToken);
            return;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).DateTime);
        var appointment = await changes.FindAsync(turn.TenantId, unit.Id, kind, today.Year, cancellationToken);
        var target = appointment is null ? AccessTarget.ForUnit(unit) : AccessTarget.Appointment(unit, appointment.Plan.OwnerId);
        if (!access.Check(turn.Caller, Permission.ManageAppointment, target, entryPoint))
        {
            await turn.ReplyAsync(turn.Texts.NotAllowed(Permission.ManageAppointment, unit.Name), cancellationToken);
            return;
        }

        if (appointment is null)
        {
            await turn.ReplyAsync(c.NoAppointment(Kind(turn.Language, kind), unit.Name), cancellationToken);
            return;
        }

        var people = await organisation.ListPeopleAsync(turn.TenantId, cancellationToken);
        await turn.ReplyAsync(await change(new Found(org, unit, appointment, units, people), rest), cancellationToken);
    }

    /// <summary>The unit (the words before the kind), the kind (one or two words, in any language) and the words after it.</summary>
    internal static (string Unit, AppointmentKind Kind, string[] After)? Split(string arguments)
    {
        var words = (arguments ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < words.Length; i++)
        {
            foreach (var length in new[] { 2, 1 })
            {
                if (i + length <= words.Length && KindOf(string.Join(' ', words[i..(i + length)])) is { } kind)
                {
                    return (string.Join(' ', words[..i]), kind, words[(i + length)..]);
                }
            }
        }

        return null;
    }

    private static AppointmentKind? KindOf(string word) =>
        Enum.GetValues<Language>().Select(l => ChangeTexts.For(l).KindWords.TryGetValue(word, out var kind) ? kind : (AppointmentKind?)null).FirstOrDefault(k => k is not null);

    private static string Kind(Language language, AppointmentKind kind) => PlanningTexts.For(language).Kinds[kind];

    private static string Answer(Language language, Found found, ChangeResult result, Func<Appointment, string> done)
    {
        var c = ChangeTexts.For(language);
        if (result.Changed is not { } changed)
        {
            return c.Refusal(result.Problem!);
        }

        string Person(string? id) => found.People.FirstOrDefault(p => p.Id == id)?.Name ?? id ?? "";
        string UnitName(string id) => found.Units.FirstOrDefault(u => u.Id == id)?.Name ?? id;
        var warnings = result.Warnings.Select(w => w.Kind == ChangeWarningKind.WalkApartFromReview
            ? c.WalkApart(Kind(language, w.Other.Plan.Kind), PlanningCards.When(language, w.Other.Plan))
            : c.PersonBusy(Person(w.PersonId), $"{Kind(language, w.Other.Plan.Kind).ToLowerInvariant()} – {UnitName(w.Other.Plan.UnitId)}", PlanningCards.When(language, w.Other.Plan)));
        return string.Join("\n\n", warnings.Prepend(done(changed)));
    }
}
