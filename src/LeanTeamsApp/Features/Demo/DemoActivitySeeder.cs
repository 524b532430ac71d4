using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Infrastructure.Events;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Features.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>
    /// For the local run command only: give the seed organisation ten weeks of check-ins and this year's plan, so the
    /// digest, reports and tab have something to show. Never set in Azure.
    /// </summary>
    public bool SeedActivity { get; set; }
}

/// <summary>
/// Writes a plausible recent history for the seed organisation through the same stores the bot uses: most board
/// meetings held, a few not held or not reported, improvements now and then, benefits some weeks (one spilling
/// over to a neighbour unit), one unit asking for help. Idempotent: a meeting that has a check-in is left alone.
/// </summary>
internal sealed partial class DemoActivitySeeder(
    IOptions<DemoOptions> demo,
    IOptions<OrganisationOptions> organisationOptions,
    OrganisationStore organisation,
    CheckInStore checkIns,
    Announcer<CheckInStored> announcer,
    PlanningCommands planning,
    AppointmentStore appointments,
    ActionPlan.ActionPlanStore actionPlan,
    StorageTables tables,
    TimeProvider time,
    ILogger<DemoActivitySeeder> logger) : IHostedService
{
    private const int Weeks = 10;

    private static readonly string[] Ideas =
    [
        "Felles mal for vaktbytte", "Digital sjekkliste ved innkomst", "Fast tid for veiledning av nyansatte", "Ukeplan på tavla",
        "Kortere rapport ved vaktskifte", "Samle bestillinger én gang i uka", "Standard svarbrev", "Ryddig lager med merking",
    ];

    private static readonly string[] Deviations = ["Manglende journalføring", "Ventetid på svar fra annen enhet", "Utstyr ikke på plass", "Dobbeltregistrering"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var tenant = organisationOptions.Value.SeedTenantId;
        if (!demo.Value.SeedActivity || string.IsNullOrWhiteSpace(tenant) || !tables.Created
            || await organisation.GetOrganisationAsync(tenant, cancellationToken) is not { } org)
        {
            return;
        }

        var now = time.GetUtcNow();
        var units = await organisation.ListUnitsAsync(tenant, cancellationToken);
        var written = 0;
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            var neighbour = units.FirstOrDefault(u => u.ServiceAreaId == unit.ServiceAreaId && u.Id != unit.Id);
            var meetings = MeetingClock.Back(unit, MeetingClock.Latest(unit, now), Weeks);
            for (var w = 0; w < Weeks; w++)
            {
                var date = meetings[w];
                if (date < unit.LeanStart || MeetingClock.IsDayOff(unit, org, date) || MeetingClock.End(unit, date) > now
                    || (i * 7 + w) % 9 == 0
                    || await checkIns.GetAsync(tenant, unit.Id, date, cancellationToken) is not null)
                {
                    continue;
                }

                var checkIn = CheckInFor(unit, i, w, date, neighbour, now);
                await checkIns.SubmitAsync(tenant, checkIn, cancellationToken);
                // As if sent right after its meeting, so it counts in that week alone, as the bot would have counted it.
                await announcer.AnnounceAsync(new CheckInStored(tenant, unit, checkIn, MeetingClock.End(unit, date)), cancellationToken);
                written++;
            }
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(org.DefaultTimeZone)).DateTime);
        if ((await appointments.ListYearAsync(tenant, today.Year, cancellationToken)).Count == 0)
        {
            await planning.PlanYearAsync(tenant, org, today.Year, today, cancellationToken);
        }

        if ((await actionPlan.ListAsync(tenant, cancellationToken)).Count == 0)
        {
            foreach (var row in ActionPlanRows(today.Year + 1))
            {
                await actionPlan.AddAsync(tenant, row, cancellationToken);
            }
        }

        LogSeeded(logger, written, tenant);
    }

    /// <summary>The start of an action plan like the one in the seeds: challenges found in the annual reports, and what is done about them.</summary>
    private static IEnumerable<ActionPlan.ActionRow> ActionPlanRows(int year) =>
    [
        new("", "Det er ikke tydelig nok at målet med Lean er gode og bærekraftige tjenester for innbyggerne",
            "Opplæringsprogram for ledere før enheten starter innføringsløpet; TOL deltar på informasjonsmøtet i nye enheter",
            "Utviklingsenheten", new DateOnly(year, 3, 1), ActionPlan.ActionStatus.InProgress),
        new("", "Nye ledere kjenner ikke forpliktelsen til å jobbe etter Lean-prinsippene",
            "Utviklingsenhetens opplæringsprogram inn i introduksjonsprogrammet for nye ledere; forpliktelsen står i ansettelsesdokumentet",
            "HR og Utviklingsenheten", new DateOnly(year, 6, 1), ActionPlan.ActionStatus.NotStarted),
        new("", "Det settes av for lite tid til refleksjon og planlegging",
            "Prioritere flyteffektivt arbeid; temaer på Lean lederforum og tematimer; kompetansebehov drøftes i lederavtalene",
            "Tjenesteområdelederne", new DateOnly(year, 9, 1), ActionPlan.ActionStatus.NotStarted),
    ];

    private static CheckIn CheckIn(Unit unit, int i, int w, DateOnly date, bool held, string submitter, DateTimeOffset at) =>
        new(unit.Id, date, held, held ? null : NotHeldReason.TooBusy, held ? 5 + (i % 6) : null, 0, 1 + ((i + w) % 3), (i + w) % 3 == 0 ? 1 : 0,
            [], [], null, null, submitter, at);

    private static CheckIn CheckInFor(Unit unit, int i, int w, DateOnly date, Unit? neighbour, DateTimeOffset now)
    {
        var held = (i + w) % 7 != 0;
        var basis = CheckIn(unit, i, w, date, held, "Demo", now);
        if (!held)
        {
            return basis;
        }

        List<string> ideas = (i + w) % 4 == 0 ? [Ideas[(i + w) % Ideas.Length]] : [];
        List<string> deviations = (i * 3 + w) % 5 == 0 ? [Deviations[(i + w) % Deviations.Length]] : [];
        List<BenefitEntry> benefits = w % 4 == 1
            ? [new BenefitEntry(i % 4 == 0 ? BenefitKind.Money : BenefitKind.TimeSaved, i % 4 == 0 ? 2500m : 1.5m + (i % 3),
                i % 4 == 0 ? BenefitMeasure.Nok : BenefitMeasure.Hours, i == 8 && neighbour is not null ? [neighbour.Id] : [])]
            : [];
        var goals = unit.Goals.Select((g, k) => (g, (GoalStatus)((i + k + w) % 3))).ToDictionary(x => x.g, x => x.Item2, StringComparer.Ordinal);
        return basis with
        {
            ImprovementsNew = ideas.Count,
            NewImprovements = ideas,
            NewDeviations = deviations,
            Benefits = benefits,
            GoalStatuses = goals,
            HelpNeeded = i == 3 && w == 0 ? "Hjelp til å få gang i tavlemøtene igjen etter omorganiseringen" : null,
        };
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo activity: {Count} check-ins written for tenant {TenantId}")]
    private static partial void LogSeeded(ILogger logger, int count, string tenantId);
}
