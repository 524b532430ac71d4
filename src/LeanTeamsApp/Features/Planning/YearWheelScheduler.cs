using System.ComponentModel.DataAnnotations;
using System.Globalization;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Cards;
using LeanTeamsApp.Infrastructure.Scheduling;
using LeanTeamsApp.Infrastructure.Events;
using LeanTeamsApp.Infrastructure.Storage;
using LeanTeamsApp.Infrastructure.Terms;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Features.Planning;

/// <summary>
/// Announced on every year-wheel tick from an appointment's end until a week later, while it is still planned: the
/// feature that records what appointments found asks its owner then. Being told on every tick, a subscriber must do
/// its part once (an outbox id that names the appointment does). <paramref name="Language"/> is the unit's.
/// </summary>
public sealed record AppointmentEnded(string TenantId, Unit Unit, Appointment Appointment, IReadOnlyList<Person> People, Language Language);

public sealed class YearWheelOptions
{
    public const string Section = "YearWheel";

    public bool SchedulerEnabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one instance holds a tenant while it sends reminders; another takes over after that.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:30:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Reminds everyone in a Gemba walk, review or fishbone analysis a week and a day before it, 1:1 in Teams, and
/// announces it once it has ended (<see cref="AppointmentEnded"/>), so that its owner is asked to record it. Every message goes through the outbox under an id naming the
/// appointment's version, so a repeated tick or a second instance sends nothing twice, while a moved appointment is
/// announced again at its new time. A lease per tenant keeps two instances from working one tenant at once.
/// </summary>
public sealed partial class YearWheelScheduler(
    OrganisationStore organisation,
    AppointmentStore appointments,
    PersonalChats chats,
    Outbox outbox,
    StorageTables tables,
    Announcer<AppointmentEnded> ended,
    IOptions<YearWheelOptions> options,
    TimeProvider time,
    ILogger<YearWheelScheduler> logger) : Scheduler(tables, time, logger)
{
    /// <summary>After this long, a record card for an appointment nobody recorded is no longer sent.</summary>
    private static readonly TimeSpan RecordWindow = TimeSpan.FromDays(7);

    private readonly TenantLease _lease = new(tables.Get(AppointmentStore.Table), "scheduler|year-wheel", options.Value.Lease, time);

    protected override TimeSpan? Interval => options.Value.SchedulerEnabled ? options.Value.TickInterval : null;

    /// <summary>One tick for every tenant; returns how many messages were queued.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        await ForEachTenantAsync(await organisation.ListTenantIdsAsync(cancellationToken), RunTenantAsync, cancellationToken);

    /// <summary>One tick's work for one tenant; returns how many messages were queued (0 when another instance holds it).</summary>
    public async Task<int> RunTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (await _lease.TryAcquireAsync(tenantId, cancellationToken) is not { } lease)
        {
            return 0;
        }

        var sent = await RemindAsync(tenantId, cancellationToken);
        await lease.ReleaseAsync(cancellationToken);
        return sent;
    }

    private async Task<int> RemindAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (await organisation.GetOrganisationAsync(tenantId, cancellationToken) is not { } org)
        {
            return 0;
        }

        // RemindAsync is async: the terms stay in this tenant's flow and do not word the next tenant's reminders.
        OwnTerms.Use(org.Terms);
        var now = Time.GetUtcNow();
        var year = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(org.DefaultTimeZone)).Year;
        var due = (await appointments.ListYearAsync(tenantId, year - 1, cancellationToken))
            .Concat(await appointments.ListYearAsync(tenantId, year, cancellationToken))
            .Where(a => a.Status == AppointmentStatus.Planned && a.Plan.Start - TimeSpan.FromDays(7) <= now && a.Plan.End + RecordWindow > now)
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var units = (await organisation.ListUnitsAsync(tenantId, cancellationToken)).ToDictionary(u => u.Id, StringComparer.Ordinal);
        var people = (await organisation.ListPeopleAsync(tenantId, cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var sent = 0;
        foreach (var appointment in due)
        {
            var plan = appointment.Plan;
            var unit = units.GetValueOrDefault(plan.UnitId);
            if (unit is { Archived: true })
            {
                // An archived unit gets no prompts: no Gemba walk or review reminder, and no card asking for its record.
                continue;
            }

            var language = unit is null ? WrittenLanguage.Of(org) : WrittenLanguage.Of(org, unit);
            var version = appointment.Version.ToString(CultureInfo.InvariantCulture);
            if (now < plan.Start)
            {
                var dayBefore = plan.Start - now <= TimeSpan.FromDays(1);
                var zone = TimeZoneInfo.FindSystemTimeZoneById(unit?.TimeZone ?? org.DefaultTimeZone);
                var card = PlanningCards.Reminder(language, appointment, unit, people, PlanningCards.CalendarDaysUntil(now, plan.Start, zone));
                var which = dayBefore ? "1d" : "7d";
                foreach (var personId in plan.People)
                {
                    var id = $"appointment-reminder|{plan.Id}|v{version}|{which}|{Person.Pseudonym(personId)}";
                    // Reminders queued before message ids named people by a hash sit under their address. Looking
                    // there too keeps the deployment that brought the hash from reminding everyone of the coming
                    // week's appointments a second time; after that week the look finds nothing and can go.
                    if (await outbox.GetAsync(tenantId, id, cancellationToken) is not null
                        || await outbox.GetAsync(tenantId, $"appointment-reminder|{plan.Id}|v{version}|{which}|{personId}", cancellationToken) is not null)
                    {
                        continue;
                    }

                    sent += await chats.SendAsync(tenantId, personId, id, card, unit?.Id, cancellationToken) ? 1 : 0;
                }
            }
            else if (now >= plan.End && unit is not null)
            {
                await ended.AnnounceAsync(new AppointmentEnded(tenantId, unit, appointment, [.. people.Values], language), cancellationToken);
            }
        }

        return sent;
    }

}
