using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Overview;
using LeanTeamsApp.Infrastructure.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeanTeamsApp.Features.Planning;

public sealed record WheelAppointmentDto(string Id, AppointmentKind Kind, string UnitId, string UnitName, DateTimeOffset Start, DateTimeOffset End, string Owner, AppointmentStatus Status);

public sealed record WheelHolidayDto(DateOnly Date, string Name, string Country);

public sealed record WheelPeriodDto(DateOnly From, DateOnly To, string Name);

public sealed record WheelDeadlineDto(DateOnly Date, string Name);

public sealed record YearWheelDto(int Year, IReadOnlyList<WheelAppointmentDto> Appointments, IReadOnlyList<WheelHolidayDto> Holidays, IReadOnlyList<WheelPeriodDto> Blackouts, IReadOnlyList<WheelDeadlineDto> Deadlines);

/// <summary>The year wheel (årshjul) for the tab: the caller's units' appointments, the holidays, and the reporting deadlines.</summary>
public static class YearWheelEndpoints
{
    public static IEndpointRouteBuilder MapYearWheel(this IEndpointRouteBuilder app)
    {
        app.MapTabGroup("/api/tab/yearwheel").MapGet("/", GetAsync);
        return app;
    }

    private static async Task<Results<Ok<YearWheelDto>, ProblemHttpResult>> GetAsync(
        TabCaller caller, int? year, AppointmentStore appointments, Organisation.OrganisationStore organisation,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var wheelYear = year ?? TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(caller.Organisation.DefaultTimeZone)).Year;
        if (wheelYear is < 2000 or > 2100)
        {
            return OverviewEndpoints.FieldProblem("year", "Give a year from 2000 to 2100.");
        }

        var units = caller.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var people = (await organisation.ListPeopleAsync(caller.TenantId, cancellationToken)).ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var countries = caller.Units.Select(u => Countries.FromTimeZone(u.TimeZone) ?? Country.Norway).Append(Countries.FromTimeZone(caller.Organisation.DefaultTimeZone) ?? Country.Norway).Distinct().Order().ToList();
        var shown = (await appointments.ListYearAsync(caller.TenantId, wheelYear, cancellationToken))
            .Where(a => units.ContainsKey(a.Plan.UnitId) && a.Status != AppointmentStatus.Cancelled)
            .OrderBy(a => a.Plan.Start)
            .Select(a => new WheelAppointmentDto(a.Id, a.Plan.Kind, a.Plan.UnitId, units[a.Plan.UnitId].Name, a.Plan.Start, a.Plan.End,
                people.GetValueOrDefault(a.Plan.OwnerId, a.Plan.OwnerId), a.Status))
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
            new(new DateOnly(wheelYear, 1, 15), $"Rapport 4. kvartal og år {wheelYear - 1}"),
            new(new DateOnly(wheelYear, 4, 15), "Rapport 1. kvartal"),
            new(new DateOnly(wheelYear, 7, 15), "Rapport 2. kvartal"),
            new(new DateOnly(wheelYear, 10, 15), "Rapport 3. kvartal"),
        ];
        return TypedResults.Ok(new YearWheelDto(wheelYear, shown, holidays, blackouts, deadlines));
    }
}
