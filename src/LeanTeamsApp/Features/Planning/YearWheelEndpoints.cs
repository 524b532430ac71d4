using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Errors;
using LeanTeamsApp.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeanTeamsApp.Features.Planning;

/// <param name="Year">The plan the appointment belongs to (a fishbone analysis may fall in the next year).</param>
/// <param name="CanManage">Whether the caller may move, cancel or hand it over (the coordinator, its owner).</param>
/// <param name="ETag">Sent back with a change, so a change made meanwhile by someone else is not overwritten (412).</param>
public sealed record WheelAppointmentDto(string Id, AppointmentKind Kind, string UnitId, string UnitName, DateTimeOffset Start, DateTimeOffset End, string Owner, AppointmentStatus Status)
{
    public int Year { get; init; }

    public string? OwnerId { get; init; }

    public bool CanManage { get; init; }

    [JsonPropertyName("etag")]
    public string? ETag { get; init; }
}

public sealed record WheelPersonDto(string Id, string Name);

public sealed record MoveAppointmentDto(string? Date, string? Time, [property: JsonPropertyName("etag")] string? ETag);

public sealed record CancelAppointmentDto([property: JsonPropertyName("etag")] string? ETag);

public sealed record ReassignAppointmentDto(string? OwnerId, [property: JsonPropertyName("etag")] string? ETag);

/// <summary>A change's answer: the appointment as it is now, what to note about it, and how many people were told.</summary>
public sealed record AppointmentChangedDto(WheelAppointmentDto Appointment, IReadOnlyList<string> Warnings, int Told);

public sealed record WheelHolidayDto(DateOnly Date, string Name, string Country);

public sealed record WheelPeriodDto(DateOnly From, DateOnly To, string Name);

/// <summary>
/// A reporting deadline: the report of <paramref name="Quarter"/> of <paramref name="Year"/> (the fourth's with the
/// year's), which the tab names in the reader's language; <paramref name="Name"/> is the bokmål name for other readers.
/// </summary>
public sealed record WheelDeadlineDto(DateOnly Date, string Name, int Quarter, int Year);

/// <param name="People">Who an appointment can be handed to; only sent to a caller who may hand over one of those shown.</param>
public sealed record YearWheelDto(int Year, IReadOnlyList<WheelAppointmentDto> Appointments, IReadOnlyList<WheelHolidayDto> Holidays, IReadOnlyList<WheelPeriodDto> Blackouts, IReadOnlyList<WheelDeadlineDto> Deadlines)
{
    public IReadOnlyList<WheelPersonDto> People { get; init; } = [];
}

/// <summary>
/// The year wheel (årshjul) for the tab: the caller's units' appointments, the holidays, and the reporting deadlines;
/// and one appointment moved, cancelled or handed over by the coordinator or its owner (see <see cref="AppointmentChanges"/>
/// for what is refused and what is only warned about).
/// </summary>
public static class YearWheelEndpoints
{
    public static IEndpointRouteBuilder MapYearWheel(this IEndpointRouteBuilder app)
    {
        var wheel = app.MapTabGroup("/api/tab/yearwheel");
        wheel.MapGet("/", GetAsync).ProducesProblems(400);
        wheel.MapPost("/{year:int}/appointments/{id}/move", MoveAsync).ProducesProblems(400, 403, 404, 409, 412);
        wheel.MapPost("/{year:int}/appointments/{id}/cancel", CancelAsync).ProducesProblems(400, 403, 404, 409, 412);
        wheel.MapPost("/{year:int}/appointments/{id}/owner", ReassignAsync).ProducesProblems(400, 403, 404, 409, 412);
        return app;
    }

    private static async Task<Results<Ok<YearWheelDto>, ProblemHttpResult>> GetAsync(
        TabCaller caller, int? year, AppointmentStore appointments, Organisation.OrganisationStore organisation,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var wheelYear = year ?? TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(caller.Organisation.DefaultTimeZone)).Year;
        if (wheelYear is < 2000 or > 2100)
        {
            return FieldProblem.For("year", FieldProblemTexts.For(caller.Language).Year);
        }

        var units = caller.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var people = (await organisation.ListPeopleAsync(caller.TenantId, cancellationToken)).ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var countries = caller.Units.Select(u => Countries.FromTimeZone(u.TimeZone) ?? Country.Norway).Append(Countries.FromTimeZone(caller.Organisation.DefaultTimeZone) ?? Country.Norway).Distinct().Order().ToList();
        var shown = (await appointments.ListYearAsync(caller.TenantId, wheelYear, cancellationToken))
            .Where(a => units.ContainsKey(a.Plan.UnitId) && a.Status != AppointmentStatus.Cancelled)
            .OrderBy(a => a.Plan.Start)
            .Select(a => ToDto(caller, a, units[a.Plan.UnitId], people))
            .ToList();
        var holidays = countries.SelectMany(c => PublicHolidays.For(c, wheelYear)
            .Where(h => h.Kind == HolidayKind.Official)
            .Select(h => new WheelHolidayDto(h.Date, h.LocalName, c == Country.Sweden ? "SE" : "NO"))).OrderBy(h => h.Date).ToList();
        var blackouts = caller.Organisation.HolidayPeriods.Where(p => p.To.Year >= wheelYear && p.From.Year <= wheelYear)
            .Concat(countries.Select(c => BlackoutPeriod.CommonSummerHoliday(c, wheelYear)))
            .Append(BlackoutPeriod.ChristmasWeek(wheelYear))
            .DistinctBy(p => (p.From, p.To))
            .OrderBy(p => p.From)
            .Select(p => new WheelPeriodDto(p.From, p.To, p.Name))
            .ToList();
        // The fixed reporting points: each quarter's report by the 15th of the month after it, the annual one with Q4's.
        List<WheelDeadlineDto> deadlines =
        [
            new(new DateOnly(wheelYear, 1, 15), $"Rapport 4. kvartal og år {wheelYear - 1}", 4, wheelYear - 1),
            new(new DateOnly(wheelYear, 4, 15), "Rapport 1. kvartal", 1, wheelYear),
            new(new DateOnly(wheelYear, 7, 15), "Rapport 2. kvartal", 2, wheelYear),
            new(new DateOnly(wheelYear, 10, 15), "Rapport 3. kvartal", 3, wheelYear),
        ];
        return TypedResults.Ok(new YearWheelDto(wheelYear, shown, holidays, blackouts, deadlines)
        {
            People = shown.Any(a => a.CanManage && a.Status == AppointmentStatus.Planned)
                ? [.. people.OrderBy(p => p.Value, StringComparer.CurrentCulture).Select(p => new WheelPersonDto(p.Key, p.Value))]
                : [],
        });
    }

    private static Task<Results<Ok<AppointmentChangedDto>, ProblemHttpResult>> MoveAsync(
        TabCaller caller, int year, string id, MoveAppointmentDto body, AppointmentStore appointments, AppointmentChanges changes, Organisation.OrganisationStore organisation,
        AccessRule access, CancellationToken cancellationToken) =>
        ChangeAsync(caller, year, id, body.ETag, "POST yearwheel move", appointments, organisation, access, async (unit, appointment) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (!DateOnly.TryParseExact(body.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors["date"] = [FieldProblemTexts.For(caller.Language).DateFormat];
            }

            if (!TimeOnly.TryParseExact(body.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                errors["time"] = [FieldProblemTexts.For(caller.Language).TimeFormat];
            }

            return errors.Count > 0
                ? ApiProblem.Of(ProblemCode.InvalidField, title: "Check the highlighted fields", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["errors"] = errors })
                : await changes.MoveAsync(caller.TenantId, caller.Organisation, unit, appointment, date, at, caller.Caller.Email ?? "", caller.Caller.DisplayName, cancellationToken);
        }, cancellationToken);

    private static Task<Results<Ok<AppointmentChangedDto>, ProblemHttpResult>> CancelAsync(
        TabCaller caller, int year, string id, CancelAppointmentDto body, AppointmentStore appointments, AppointmentChanges changes, Organisation.OrganisationStore organisation,
        AccessRule access, CancellationToken cancellationToken) =>
        ChangeAsync(caller, year, id, body.ETag, "POST yearwheel cancel", appointments, organisation, access, async (unit, appointment) =>
            await changes.CancelAsync(caller.TenantId, unit, appointment, caller.Caller.Email ?? "", caller.Caller.DisplayName, cancellationToken), cancellationToken);

    private static Task<Results<Ok<AppointmentChangedDto>, ProblemHttpResult>> ReassignAsync(
        TabCaller caller, int year, string id, ReassignAppointmentDto body, AppointmentStore appointments, AppointmentChanges changes, Organisation.OrganisationStore organisation,
        AccessRule access, CancellationToken cancellationToken) =>
        ChangeAsync(caller, year, id, body.ETag, "POST yearwheel owner", appointments, organisation, access, async (unit, appointment) =>
            string.IsNullOrWhiteSpace(body.OwnerId)
                ? FieldProblem.For("ownerId", FieldProblemTexts.For(caller.Language).ChooseOwner)
                : await changes.ReassignAsync(caller.TenantId, unit, appointment, body.OwnerId, caller.Caller.Email ?? "", caller.Caller.DisplayName, cancellationToken), cancellationToken);

    /// <summary>
    /// What the three changes share: the appointment in the caller's tenant (404 for one they may not see), the access
    /// rule (403, nothing stored), the ETag it was read with, and the answer. <paramref name="change"/> gives the
    /// change's result, or a problem with the request itself.
    /// </summary>
    private static async Task<Results<Ok<AppointmentChangedDto>, ProblemHttpResult>> ChangeAsync(
        TabCaller caller, int year, string id, string? etag, string entryPoint, AppointmentStore appointments, Organisation.OrganisationStore organisation,
        AccessRule access, Func<Unit, Appointment, Task<Attempt>> change, CancellationToken cancellationToken)
    {
        if (await appointments.GetAsync(caller.TenantId, year, id, cancellationToken) is not { } appointment
            || caller.Unit(appointment.Plan.UnitId) is not { } unit)
        {
            return ApiProblem.Of(ProblemCode.AppointmentNotFound, "There is no such appointment in your year wheel.", title: "Not found", statusCode: StatusCodes.Status404NotFound);
        }

        if (!access.Check(caller.Caller, Permission.ManageAppointment, AccessTarget.Appointment(unit, appointment.Plan.OwnerId), entryPoint))
        {
            return ApiProblem.Of(ProblemCode.AppointmentForbidden, "Only the Lean coordinator and the appointment's owner may change it.", title: "Not allowed", statusCode: StatusCodes.Status403Forbidden);
        }

        if (string.IsNullOrEmpty(etag))
        {
            return FieldProblem.For("etag", FieldProblemTexts.For(caller.Language).SendETag);
        }

        var outcome = await change(unit, appointment with { ETag = etag });
        if (outcome.Problem is { } invalid)
        {
            return invalid;
        }

        var result = outcome.Result!;
        var language = caller.Language;
        var texts = ChangeTexts.For(language);
        if (result.Problem is { } problem)
        {
            var detail = texts.Refusal(problem);
            // The tab words the refusal itself from its code; the holiday's or period's name and the dates go with it.
            var code = JsonNamingPolicy.CamelCase.ConvertName(problem.Refusal.ToString());
            var extensions = new Dictionary<string, object?> { ["name"] = problem.Name, ["from"] = problem.From, ["to"] = problem.To };
            return problem.Refusal switch
            {
                ChangeRefusal.ChangedMeanwhile => ApiProblem.Of(code, detail, title: "Changed meanwhile", statusCode: StatusCodes.Status412PreconditionFailed, extensions: extensions),
                ChangeRefusal.NotPlanned => ApiProblem.Of(code, detail, title: "Not planned any more", statusCode: StatusCodes.Status409Conflict, extensions: extensions),
                _ => ApiProblem.Of(code, detail, title: "Check the highlighted field", statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?>(extensions) { ["errors"] = new Dictionary<string, string[]> { [problem.Field] = [detail] } }),
            };
        }

        var people = (await organisation.ListPeopleAsync(caller.TenantId, cancellationToken)).ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var kinds = PlanningTexts.For(language).Kinds;
        var warnings = result.Warnings.Select(w => w.Kind == ChangeWarningKind.WalkApartFromReview
            ? texts.WalkApart(kinds[w.Other.Plan.Kind], PlanningCards.When(language, w.Other.Plan))
            : texts.PersonBusy(people.GetValueOrDefault(w.PersonId ?? "", w.PersonId ?? ""),
                $"{kinds[w.Other.Plan.Kind].ToLower(language.Culture())} – {caller.AllUnits.FirstOrDefault(u => u.Id == w.Other.Plan.UnitId)?.Name ?? w.Other.Plan.UnitId}",
                PlanningCards.When(language, w.Other.Plan)));
        return TypedResults.Ok(new AppointmentChangedDto(ToDto(caller, result.Changed!, unit, people), [.. warnings], result.Told));
    }

    /// <summary>A change's result, or a problem with the request found before any change was tried.</summary>
    private sealed record Attempt(ChangeResult? Result, ProblemHttpResult? Problem)
    {
        public static implicit operator Attempt(ChangeResult result) => new(result, null);

        public static implicit operator Attempt(ProblemHttpResult problem) => new(null, problem);
    }

    private static WheelAppointmentDto ToDto(TabCaller caller, Appointment a, Unit unit, IReadOnlyDictionary<string, string> people) =>
        new(a.Id, a.Plan.Kind, a.Plan.UnitId, unit.Name, a.Plan.Start, a.Plan.End, people.GetValueOrDefault(a.Plan.OwnerId, a.Plan.OwnerId), a.Status)
        {
            Year = a.Year,
            OwnerId = a.Plan.OwnerId,
            CanManage = caller.Allows(Permission.ManageAppointment, AccessTarget.Appointment(unit, a.Plan.OwnerId)),
            ETag = a.ETag,
        };
}
