using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeanTeamsApp.Bot;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Features.ActionPlan;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Features.Reviews;
using LeanTeamsApp.Features.Setup;
using LeanTeamsApp.Infrastructure.Auth;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace LeanTeamsApp.IntegrationTests.Access;

/// <summary>
/// Drives every chat command, card verb and tab endpoint as each persona against their own unit and another, and
/// checks the answer against <see cref="AuthorisationMatrix"/>: allowed or refused, and for every refusal that no row
/// of either tenant changed in any table. One test, in a fixed order (read-only entry points first, planning last), so
/// an allowed change by one persona cannot decide another's case; every mismatch is listed at the end.
/// </summary>
public sealed class AuthorisationMatrixTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    // Friday 20 November 2026, 13:00 in Oslo: every demo unit has had its board meeting this week or last.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private const string Own = "byggesak";
    private const string Other = "barneverntjenesten";
    private const string OtherChannel = "19:barnevern@thread.tacv2";

    private readonly FakeTimeProvider _clock = new(Now);
    private Timer? _ticking;
    private readonly Dictionary<Persona, TeamsUser> _people = [];
    private readonly Dictionary<string, string> _suggested = [];
    private readonly Dictionary<string, string> _done = [];
    private readonly Dictionary<string, Appointment> _walks = [];
    private readonly Dictionary<string, string> _owners = [];
    private readonly Dictionary<string, string> _followUps = [];
    private BotHost _bot = null!;
    private TeamsActivities _otherTenant = null!;
    private string _actionRowId = "";
    private int _channels;
    private int _deviations;
    private int _created;

    public async Task InitializeAsync()
    {
        // The clock starts at a fixed moment and then runs at real speed, so that the connector's pacing between
        // messages to one conversation elapses; nothing in the organisation happens in the minutes the test takes.
        _ticking = new Timer(_ => _clock.Advance(TimeSpan.FromMilliseconds(20)), null, 20, 20);
        var settings = DevelopmentSignIn.Settings();
        settings["Outbox:Enabled"] = "false";
        _bot = await BotHost.StartAsync(settings, time: _clock, environment: DevelopmentSignIn.Environment);
        _otherTenant = new TeamsActivities(TestTenants.New(), _bot.Connector.ServiceUrl);
        var store = _bot.App.Store;
        Assert.Equal(WriteOutcome.Written, (await store.SavePersonAsync(_bot.TenantId, new Person("ola.nordmann@fjordvik.kommune.no", "Ola Nordmann", OrganisationRoles.None, Own, null), default)).Outcome);
        _people[Persona.Coordinator] = _bot.Coordinator;
        _people[Persona.Consultant] = TeamsUser.Create("Ingrid Solheim", "ingrid.solheim@fjordvik.kommune.no");
        _people[Persona.TopManagementMember] = TeamsUser.Create("Tone Bakken", "okonomisjef@fjordvik.kommune.no");
        _people[Persona.TopManagementLeader] = TeamsUser.Create("Siri Haugland", "radmann@fjordvik.kommune.no");
        _people[Persona.ServiceAreaLeader] = TeamsUser.Create("Mona Strand", "tol.samfunn@fjordvik.kommune.no");
        _people[Persona.UnitLeader] = _bot.ByggesakLeader;
        _people[Persona.UnitCoordinator] = TeamsUser.Create("Linn Aasen", "linn.aasen@fjordvik.kommune.no");
        _people[Persona.Member] = TeamsUser.Create("Ola Nordmann", "ola.nordmann@fjordvik.kommune.no");
        _people[Persona.Outsider] = _bot.Stranger;
        _people[Persona.OtherTenant] = TeamsUser.Create("Kari Annen", "kari@annen.example");
        foreach (var conversation in new[] { TeamsActivities.TeamId, TeamsActivities.ByggesakChannelId, TeamsActivities.ForumChannelId, OtherChannel })
        {
            SetRoster(conversation);
        }

        foreach (var user in _people.Values)
        {
            _bot.Connector.SetMembers(TeamsActivities.PersonalConversationId(user), [Member(user)]);
        }

        var units = await store.ListUnitsAsync(_bot.TenantId, default);
        var byggesak = units.Single(u => u.Id == Own);
        var barnevern = units.Single(u => u.Id == Other);
        Assert.Equal(WriteOutcome.Written, (await store.SaveUnitsAsync(_bot.TenantId,
            [byggesak with { Channel = new ChannelReference(TeamsActivities.TeamId, TeamsActivities.ByggesakChannelId, "Byggesak") },
             barnevern with { Channel = new ChannelReference(TeamsActivities.TeamId, OtherChannel, "Barnevern") }], default)).Outcome);

        var records = _bot.App.Services.GetRequiredService<ImprovementStore>();
        var appointments = _bot.App.Services.GetRequiredService<AppointmentStore>();
        var reviews = _bot.App.Services.GetRequiredService<ReviewStore>();
        foreach (var (unitId, owner) in new[] { (Own, "tol.samfunn@fjordvik.kommune.no"), (Other, "tol.oppvekst@fjordvik.kommune.no") })
        {
            _suggested[unitId] = (await records.AddImprovementAsync(_bot.TenantId, new Improvement(unitId, $"m-{unitId}-s", "Felles mal", "Seed", ImprovementStage.Suggested, RecordSource.Command, Now), default)).Stored.Id;
            _done[unitId] = (await records.AddImprovementAsync(_bot.TenantId, new Improvement(unitId, $"m-{unitId}-d", "Ferdig tiltak", "Seed", ImprovementStage.Done, RecordSource.Command, Now), default)).Stored.Id;
            var start = new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.FromHours(1));
            var plan = new PlannedAppointment(PlannedAppointment.IdFor(AppointmentKind.GembaWalk, unitId, 2026, 2), AppointmentKind.GembaWalk, unitId, owner, [], start, start.AddHours(1));
            await appointments.ApplyAsync(_bot.TenantId, 2026, new YearPlan([plan], [plan], [], [], [], [], []), [], default);
            _walks[unitId] = (await appointments.GetAsync(_bot.TenantId, 2026, plan.Id, default))!;
            _owners[unitId] = owner;
            var area = new FollowUpArea($"f-{unitId}", unitId, $"Oppfølging {unitId}", owner, new DateOnly(2026, 12, 1), FollowUpStatus.Open, "earlier", Now);
            await reviews.RecordAsync(_bot.TenantId, new AppointmentRecord($"earlier-{unitId}", 2026, unitId, "Seed", null, "Seed", Now, [area.Id]), [area], default);
            _followUps[unitId] = area.Id;
        }

        _actionRowId = (await _bot.App.Services.GetRequiredService<ActionPlanStore>().AddAsync(
            _bot.TenantId, new ActionRow("", "Utfordring", "Tiltak", "Jonas Vik", new DateOnly(2026, 12, 31), ActionStatus.NotStarted), default)).Id;

        // Everyone writes once first: a first message saves their conversation and Entra id, which is not what is tested.
        foreach (var persona in Enum.GetValues<Persona>())
        {
            await SayAsync(persona, "help", null);
            await SayAsync(persona, "help", TeamsActivities.ByggesakChannelId);
            await SayAsync(persona, "help", OtherChannel);
            await SayAsync(persona, "help", TeamsActivities.ForumChannelId);
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    public void Dispose() => _ticking?.Dispose();

    [Fact]
    public void Matrix_NamesEveryCommandCardVerbAndTabEndpoint()
    {
        var entryPoints = _bot.App.Services.GetServices<BotCommand>().Select(c => $"command {c.Name}")
            .Concat(_bot.App.Services.GetServices<BotCardAction>().Select(a => $"verb {a.Verb}"))
            .Concat(_bot.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.RoutePattern.RawText is { } path && path.StartsWith("/api/", StringComparison.Ordinal)
                    && path is not ("/api/messages" or "/api/tab/dev-signin"))
                .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}")))
            .Distinct()
            .Order()
            .ToList();

        Assert.Equal(entryPoints, AuthorisationMatrix.Expected.Keys.Order().ToList());
    }

    [Fact]
    public async Task EveryEntryPoint_AsEveryPersona_OnOwnAndOtherUnit_IsAllowedOrRefusedAsTheMatrixSays()
    {
        var mismatches = new List<string>();
        var cases = 0;
        foreach (var (entryPoint, act) in Cases())
        {
            var (own, other) = AuthorisationMatrix.Expected[entryPoint];
            foreach (var (target, allowed) in new[] { (Own, own), (Other, other) })
            {
                foreach (var persona in Enum.GetValues<Persona>())
                {
                    cases++;
                    // What the case needs (a channel bound, the persona's first message there) is done before the snapshot.
                    var run = await act(persona, target);
                    var before = await SnapshotAsync();
                    var outcome = await run();
                    var expected = allowed.Contains(persona);
                    if (outcome.Allowed != expected)
                    {
                        mismatches.Add($"{entryPoint} as {persona} on {target}: expected {(expected ? "allowed" : "refused")}, was {(outcome.Allowed ? "allowed" : "refused")}: {Shorten(outcome.Answer)}");
                    }
                    else if (!outcome.Allowed && !Same(before, await SnapshotAsync(), out var changed))
                    {
                        mismatches.Add($"{entryPoint} as {persona} on {target}: refused, but storage changed: {changed}");
                    }
                }
            }
        }

        output.WriteLine($"{cases} cases, {mismatches.Count} mismatches");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private sealed record Outcome(bool Allowed, string Answer);

    /// <summary>Prepares a case and returns the call that is the case itself.</summary>
    private delegate Task<Func<Task<Outcome>>> Act(Persona persona, string target);

    private static Act Now_(Func<Persona, string, Task<Outcome>> call) => (p, t) => Task.FromResult<Func<Task<Outcome>>>(() => call(p, t));

    /// <summary>The entry points in the order they run: reads, then changes, then planning the year.</summary>
    private IEnumerable<(string EntryPoint, Act Act)> Cases()
    {
        yield return ("command Help", Now_(async (p, _) => Said(await SayAsync(p, "help", null), "LeanTeamsApp")));
        yield return ("command Units", Now_(async (p, _) => Said(await SayAsync(p, "units", null), "Byggesak")));
        yield return ("command WhoAmI", Now_(async (p, _) => Said(await SayAsync(p, "whoami", null), "Roles of")));
        yield return ("command Gemba", Now_(async (p, _) => Said(await SayAsync(p, "gemba", null), "next")));
        yield return ("command Status", Now_(async (p, t) => Said(await SayAsync(p, "status", ChannelOf(t)), "last 6 board meetings")));
        yield return ("command Improvements", Now_(async (p, t) => Said(await SayAsync(p, "improvements", ChannelOf(t)), "Felles mal")));
        yield return ("command FollowUps", Now_(async (p, t) => Said(await SayAsync(p, "followups", ChannelOf(t)), $"Oppfølging {t}")));
        yield return ("command Digest", Now_(async (p, t) => Said(await SayAsync(p, "digest", null), NameOf(t))));
        yield return ("command Report", Now_(async (p, _) => Said(await SayAsync(p, "report Q3 2026", null), "Download")));
        yield return ("GET /api/reports/{tenantId}/{file}", Now_(ReportLinkAsync));
        yield return ("GET /api/tab/me", Now_(async (p, _) => await TabAsync(p, HttpMethod.Get, "/api/tab/me", null, null)));
        yield return ("GET /api/tab/overview", Now_(async (p, t) => await TabAsync(p, HttpMethod.Get, "/api/tab/overview", null, $"\"{t}\"")));
        yield return ("GET /api/tab/units/{unitId}", Now_(async (p, t) => await TabAsync(p, HttpMethod.Get, $"/api/tab/units/{t}", null, null)));
        yield return ("GET /api/tab/yearwheel/", Now_(async (p, t) => await TabAsync(p, HttpMethod.Get, "/api/tab/yearwheel?year=2026", null, _walks[t].Id)));
        yield return ("GET /api/tab/channel-units/", Now_(async (p, t) => await TabAsync(p, HttpMethod.Get, $"/api/tab/channel-units?channelId={Uri.EscapeDataString(ChannelOf(t))}", null, t)));
        yield return ("GET /api/tab/actionplan/", Now_(async (p, _) => await TabAsync(p, HttpMethod.Get, "/api/tab/actionplan", null, null)));
        yield return ("GET /api/tab/organisation/file", Now_(async (p, _) => await TabAsync(p, HttpMethod.Get, "/api/tab/organisation/file", null, "Fjordvik kommune")));
        yield return ("GET /api/tab/organisation/history", Now_(async (p, _) => await TabAsync(p, HttpMethod.Get, "/api/tab/organisation/history", null, null)));
        yield return ("GET /api/tab/people/", Now_(async (p, _) => await TabAsync(p, HttpMethod.Get, "/api/tab/people?q=ola", null, "ola.nordmann@fjordvik.kommune.no")));
        yield return ("GET /api/tab/delivery/", Now_(async (p, _) => await TabAsync(p, HttpMethod.Get, "/api/tab/delivery", null, "\"units\"")));
        // Own: the Byggesak leader's data (the unit leader persona's own); other: Barneverntjenesten's leader's.
        yield return ("GET /api/tab/people/{id}/data", Now_(async (p, t) => await TabAsync(p, HttpMethod.Get, $"/api/tab/people/leder.{(t == Own ? "byggesak" : "barnevern")}@fjordvik.kommune.no/data", null, "\"kinds\"")));
        yield return ("GET /api/tab/reports/{file}", Now_(async (p, t) => await TabAsync(p, HttpMethod.Get, "/api/tab/reports/2026-Q3.csv", null, NameOf(t))));
        yield return ("command CheckIn", Now_(async (p, t) => Said(await SayAsync(p, "checkin", ChannelOf(t)), "Board meeting check-in")));
        yield return ("verb checkin.edit", Now_(async (p, t) => await CardAsync(p, CheckInCard.EditVerb, new JsonObject { ["unitId"] = t, ["meetingDate"] = LatestMeeting(t) })));
        yield return ("verb checkin.submit", Now_(async (p, t) => await CardAsync(p, CheckInCard.SubmitVerb, new JsonObject
        {
            ["unitId"] = t, ["meetingDate"] = LatestMeeting(t), ["held"] = "no", ["notHeldReason"] = nameof(NotHeldReason.TooBusy),
        })));
        yield return ("verb checkin.nothingnew", Now_(async (p, t) => await CardAsync(p, CheckInCard.NothingNewVerb, new JsonObject { ["unitId"] = t, ["meetingDate"] = LatestMeeting(t) })));
        yield return ("command ImprovementAdd", Now_(async (p, t) => Said(await SayAsync(p, "improvement add Matrix idea", ChannelOf(t)), "Matrix idea")));
        yield return ("verb improvement.move", Now_(async (p, t) => await CardAsync(p, ImprovementsCard.MoveVerb, new JsonObject { ["unitId"] = t, ["improvementId"] = _suggested[t], ["to"] = nameof(ImprovementStage.InProgress) })));
        yield return ("verb improvement.benefit", Now_(async (p, t) => await CardAsync(p, ImprovementsCard.BenefitVerb, new JsonObject
        {
            ["unitId"] = t, ["improvementId"] = _done[t], [$"kind-{_done[t]}"] = nameof(BenefitKind.TimeSaved), [$"amount-{_done[t]}"] = "2", [$"measure-{_done[t]}"] = nameof(BenefitMeasure.Hours),
        })));
        yield return ("verb improvement.reinvest", Now_(async (p, t) => await CardAsync(p, ImprovementsCard.ReinvestVerb, new JsonObject
        {
            ["unitId"] = t, ["improvementId"] = _done[t], [$"reinvested-{_done[t]}"] = "Mer tid til veiledning",
        })));
        yield return ("command EditUnit", Now_(async (p, t) => Said(await SayAsync(p, $"edit unit {NameOf(t)}", null), $"Edit {NameOf(t)}")));
        // The unit as stored, sent back unchanged: an allowed save changes nothing the later entry points rely on.
        yield return ("verb unit.save", async (p, t) =>
        {
            var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, t, default))!;
            var data = new JsonObject
            {
                ["unitId"] = t, ["etag"] = unit.ETag, ["weekday"] = unit.BoardMeeting.Weekday.ToString().ToLowerInvariant(),
                ["time"] = unit.BoardMeeting.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), ["minutes"] = unit.BoardMeeting.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            for (var i = 0; i < unit.CoordinatorIds.Count; i++)
            {
                data[$"coordinator{i}"] = unit.CoordinatorIds[i];
            }

            for (var i = 0; i < unit.Goals.Count; i++)
            {
                data[$"goal{i}"] = unit.Goals[i];
                data[$"supports{i}"] = unit.GoalSupports.GetValueOrDefault(unit.Goals[i]) ?? "-";
            }

            return () => CardAsync(p, LeanTeamsApp.Features.Upkeep.UnitCard.SaveVerb, data);
        });
        yield return ("command BoardMeeting", Now_(async (p, t) => Said(await SayAsync(p, t == Own ? "board meeting thursday 09:30 15" : "board meeting tuesday 08:45 15", ChannelOf(t)), "board meeting is every")));
        yield return ("command ReviewDone", Now_(async (p, t) => Said(await SayAsync(p, "review done", ChannelOf(t)), NameOf(t))));
        yield return ("verb review.record", Now_(async (p, t) => await CardAsync(p, AppointmentRecordCard.RecordVerb, new JsonObject
        {
            ["unitId"] = t, ["appointmentId"] = _walks[t].Id, ["year"] = "2026", ["observations"] = "Tavla er oppdatert.",
        })));
        yield return ("verb followup.close", Now_(async (p, t) => await CardAsync(p, FollowUpsCard.CloseVerb, new JsonObject { ["unitId"] = t, ["followUpId"] = _followUps[t] })));
        yield return ("verb deviation.close", async (p, t) =>
        {
            var deviation = await OpenDeviationAsync(t);
            return () => CardAsync(p, ImprovementsCard.CloseDeviationVerb, new JsonObject { ["unitId"] = t, ["deviationId"] = deviation.Id });
        });
        yield return ("verb deviation.followup", async (p, t) =>
        {
            var deviation = await OpenDeviationAsync(t);
            return () => CardAsync(p, ImprovementsCard.FollowUpVerb, new JsonObject
            {
                ["unitId"] = t, ["deviationId"] = deviation.Id, [ImprovementsCard.OwnerInput(deviation.Id)] = _owners[t], [ImprovementsCard.DeadlineInput(deviation.Id)] = "2026-12-31",
            });
        });
        yield return ("POST /api/tab/units/{unitId}/deviations/{id}/close", async (p, t) =>
        {
            var deviation = await OpenDeviationAsync(t);
            return () => TabAsync(p, HttpMethod.Post, $"/api/tab/units/{t}/deviations/{Uri.EscapeDataString(deviation.Id)}/close", new JsonObject { ["etag"] = deviation.ETag }, null);
        });
        yield return ("PUT /api/tab/units/{unitId}/benefits/{id}", async (p, t) =>
        {
            var benefit = await StoredBenefitAsync(t);
            return () => TabAsync(p, HttpMethod.Put, $"/api/tab/units/{t}/benefits/{Uri.EscapeDataString(benefit.Id)}",
                new JsonObject { ["kind"] = "timeSaved", ["measure"] = "hours", ["amount"] = 7.5, ["etag"] = benefit.ETag }, "\"amount\":7.5");
        });
        yield return ("POST /api/tab/units/{unitId}/benefits/", Now_(async (p, t) => await TabAsync(p, HttpMethod.Post, $"/api/tab/units/{t}/benefits",
            new JsonObject { ["title"] = $"Felles postmottak {Guid.NewGuid():N}", ["kind"] = "timeSaved", ["measure"] = "hours", ["identified"] = 40 }, "\"stage\":\"identified\"")));
        yield return ("PUT /api/tab/units/{unitId}/benefits/{id}/stages/{stage}", async (p, t) =>
        {
            var benefit = await StoredBenefitAsync(t);
            return () => TabAsync(p, HttpMethod.Put, $"/api/tab/units/{t}/benefits/{Uri.EscapeDataString(benefit.Id)}/stages/reinvested",
                new JsonObject { ["text"] = "Mer tid til brukerne", ["etag"] = benefit.ETag }, "\"reinvested\":\"Mer tid til brukerne\"");
        });
        yield return ("DELETE /api/tab/units/{unitId}/benefits/{id}", async (p, t) =>
        {
            var benefit = await StoredBenefitAsync(t);
            return () => TabAsync(p, HttpMethod.Delete, $"/api/tab/units/{t}/benefits/{Uri.EscapeDataString(benefit.Id)}", null, null, ifMatch: benefit.ETag);
        });
        yield return ("POST /api/tab/units/{unitId}/improvements/", Now_(async (p, t) => await TabAsync(p, HttpMethod.Post, $"/api/tab/units/{t}/improvements",
            new JsonObject { ["title"] = $"Tavleidé {Guid.NewGuid():N}" }, "\"stage\":\"suggested\"")));
        yield return ("POST /api/tab/units/{unitId}/improvements/{id}/move", async (p, t) =>
        {
            var improvement = await BoardImprovementAsync(t);
            return () => TabAsync(p, HttpMethod.Post, $"/api/tab/units/{t}/improvements/{improvement.Id}/move", new JsonObject { ["to"] = "inProgress" }, "\"stage\":\"inProgress\"", ifMatch: improvement.ETag);
        });
        yield return ("PUT /api/tab/units/{unitId}/improvements/{id}/owner", async (p, t) =>
        {
            var improvement = await BoardImprovementAsync(t);
            return () => TabAsync(p, HttpMethod.Put, $"/api/tab/units/{t}/improvements/{improvement.Id}/owner", new JsonObject { ["ownerId"] = _owners[t] }, "\"ownerName\"", ifMatch: improvement.ETag);
        });
        yield return ("PUT /api/tab/units/{unitId}/improvements/{id}/due", async (p, t) =>
        {
            var improvement = await BoardImprovementAsync(t);
            return () => TabAsync(p, HttpMethod.Put, $"/api/tab/units/{t}/improvements/{improvement.Id}/due", new JsonObject { ["dueDate"] = "2026-12-31" }, "\"dueDate\":\"2026-12-31\"", ifMatch: improvement.ETag);
        });
        yield return ("PUT /api/tab/units/{unitId}/improvements/{id}/pick", async (p, t) =>
        {
            var improvement = await BoardImprovementAsync(t);
            return () => TabAsync(p, HttpMethod.Put, $"/api/tab/units/{t}/improvements/{improvement.Id}/pick", new JsonObject { ["effort"] = "low", ["effect"] = "high" }, "\"pick\":\"implement\"", ifMatch: improvement.ETag);
        });
        yield return ("POST /api/tab/units/{unitId}/deviations/{id}/followup", async (p, t) =>
        {
            var deviation = await OpenDeviationAsync(t);
            return () => TabAsync(p, HttpMethod.Post, $"/api/tab/units/{t}/deviations/{Uri.EscapeDataString(deviation.Id)}/followup",
                new JsonObject { ["etag"] = deviation.ETag, ["ownerId"] = _owners[t], ["deadline"] = "2026-12-31" }, null);
        });
        yield return ("command AppointmentMove", async (p, t) =>
        {
            await PlannedWalkAsync(t);
            return () => Said(SayAsync(p, $"gemba move {NameOf(t)} walk 2026-11-27 10:00", null), "is moved to");
        });
        yield return ("command AppointmentCancel", async (p, t) =>
        {
            await PlannedWalkAsync(t);
            return () => Said(SayAsync(p, $"gemba cancel {NameOf(t)} walk", null), "is cancelled");
        });
        yield return ("command AppointmentOwner", async (p, t) =>
        {
            await PlannedWalkAsync(t);
            return () => Said(SayAsync(p, $"gemba owner {NameOf(t)} walk lean.koordinator@fjordvik.kommune.no", null), "now leads");
        });
        yield return ("POST /api/tab/yearwheel/{year:int}/appointments/{id}/move", async (p, t) =>
        {
            var walk = await PlannedWalkAsync(t);
            return () => TabAsync(p, HttpMethod.Post, $"/api/tab/yearwheel/2026/appointments/{Uri.EscapeDataString(walk.Id)}/move", new JsonObject { ["date"] = "2026-11-27", ["time"] = "10:00", ["etag"] = walk.ETag }, null);
        });
        yield return ("POST /api/tab/yearwheel/{year:int}/appointments/{id}/cancel", async (p, t) =>
        {
            var walk = await PlannedWalkAsync(t);
            return () => TabAsync(p, HttpMethod.Post, $"/api/tab/yearwheel/2026/appointments/{Uri.EscapeDataString(walk.Id)}/cancel", new JsonObject { ["etag"] = walk.ETag }, null);
        });
        yield return ("POST /api/tab/yearwheel/{year:int}/appointments/{id}/owner", async (p, t) =>
        {
            var walk = await PlannedWalkAsync(t);
            return () => TabAsync(p, HttpMethod.Post, $"/api/tab/yearwheel/2026/appointments/{Uri.EscapeDataString(walk.Id)}/owner", new JsonObject { ["ownerId"] = "lean.koordinator@fjordvik.kommune.no", ["etag"] = walk.ETag }, null);
        });
        yield return ("GET /api/tab/organisation/forms", Now_(async (p, _) => await TabAsync(p, HttpMethod.Get, "/api/tab/organisation/forms", null, "\"settings\"")));
        yield return ("GET /api/tab/organisation/units/{unitId}", Now_(async (p, t) => await TabAsync(p, HttpMethod.Get, $"/api/tab/organisation/units/{t}", null, $"\"id\":\"{t}\"")));
        yield return ("GET /api/tab/organisation/areas/{areaId}", Now_(async (p, t) => await TabAsync(p, HttpMethod.Get, $"/api/tab/organisation/areas/{AreaOf(t)}", null, $"\"id\":\"{AreaOf(t)}\"")));
        yield return ("POST /api/tab/organisation/units", Now_(async (p, _) => await TabAsync(p, HttpMethod.Post, "/api/tab/organisation/units", NewUnit(), "\"etag\"")));
        yield return ("PUT /api/tab/organisation/units/{unitId}", async (p, t) =>
        {
            var form = await FormAsync($"/api/tab/organisation/units/{t}");
            form["boardMeeting"]!["minutes"] = (int)form["boardMeeting"]!["minutes"]! == 15 ? 20 : 15;
            return () => TabAsync(p, HttpMethod.Put, $"/api/tab/organisation/units/{t}", form, "\"etag\"");
        });
        yield return ("POST /api/tab/organisation/units/{unitId}/archive", async (p, t) =>
        {
            var form = await FormAsync($"/api/tab/organisation/units/{t}");
            return () => TabAsync(p, HttpMethod.Post, $"/api/tab/organisation/units/{t}/archive", new JsonObject { ["etag"] = form["etag"]!.DeepClone() }, "\"archived\":true");
        });
        yield return ("POST /api/tab/organisation/units/{unitId}/restore", async (p, t) =>
        {
            var form = await FormAsync($"/api/tab/organisation/units/{t}");
            return () => TabAsync(p, HttpMethod.Post, $"/api/tab/organisation/units/{t}/restore", null, "\"archived\":false", ifMatch: (string?)form["etag"]);
        });
        yield return ("PUT /api/tab/organisation/areas/{areaId}", async (p, t) =>
        {
            var form = await FormAsync($"/api/tab/organisation/areas/{AreaOf(t)}");
            form["goals"]!.AsArray().Add(new JsonObject { ["id"] = $"matrix-{Interlocked.Increment(ref _created)}", ["title"] = "Matrise", ["supports"] = "brukeren-i-sentrum" });
            return () => TabAsync(p, HttpMethod.Put, $"/api/tab/organisation/areas/{AreaOf(t)}", form, "Matrise");
        });
        yield return ("PUT /api/tab/organisation/settings", async (p, _) =>
        {
            var settings = (await FormAsync("/api/tab/organisation/forms"))["settings"]!.AsObject();
            settings["reminderAfterHours"] = (int)settings["reminderAfterHours"]! == 4 ? 5 : 4;
            return () => TabAsync(p, HttpMethod.Put, "/api/tab/organisation/settings", settings.DeepClone().AsObject(), "\"reminderAfterHours\"");
        });
        yield return ("POST /api/tab/organisation/file", Now_(async (p, _) => await OrganisationFileAsync(p)));
        // Someone the organisation never had: an allowed erasure finds nothing and logs that it ran.
        yield return ("POST /api/tab/people/{id}/erase", Now_(async (p, _) => await TabAsync(p, HttpMethod.Post, "/api/tab/people/tidligere.ansatt@fjordvik.kommune.no/erase", null, "\"rowsTouched\"")));
        yield return ("GET /api/tab/privacy/retention", Now_(async (p, _) => await TabAsync(p, HttpMethod.Get, "/api/tab/privacy/retention", null, "\"years\"")));
        yield return ("PUT /api/tab/organisation/roles", async (p, _) =>
        {
            var petter = (await FormAsync("/api/tab/organisation/forms"))["people"]!.AsArray().Single(x => (string?)x!["id"] == "petter.aas@fjordvik.kommune.no")!;
            var form = new JsonObject
            {
                ["person"] = "petter.aas@fjordvik.kommune.no", ["consultant"] = true, ["topManagement"] = !(bool)petter["topManagement"]!, ["etag"] = petter["etag"]!.DeepClone(),
            };
            return () => TabAsync(p, HttpMethod.Put, "/api/tab/organisation/roles", form, "\"petter.aas@");
        });
        yield return ("PUT /api/tab/privacy/retention", Now_(async (p, _) => await TabAsync(p, HttpMethod.Put, "/api/tab/privacy/retention", new JsonObject { ["years"] = 6 }, "\"years\"")));
        yield return ("POST /api/tab/actionplan/", Now_(async (p, _) => await TabAsync(p, HttpMethod.Post, "/api/tab/actionplan", ActionRow(null), null)));
        yield return ("PUT /api/tab/actionplan/{id}", Now_(async (p, _) => await TabAsync(p, HttpMethod.Put, $"/api/tab/actionplan/{_actionRowId}", ActionRow(await ActionRowETagAsync()), null)));
        yield return ("DELETE /api/tab/actionplan/{id}", Now_(async (p, _) => await TabAsync(p, HttpMethod.Delete, $"/api/tab/actionplan/{_actionRowId}", null, null)));
        yield return ("command SetCoordinatorChannel", Now_(async (p, _) => Said(await SayAsync(p, "set coordinator channel", TeamsActivities.ForumChannelId), "weekly digest")));
        yield return ("command RegisterUnit", async (p, t) =>
        {
            var channel = await ChannelForAsync(p, null);
            return () => Said(SayAsync(p, $"register unit {(t == Own ? "Eiendomsdrift" : "Kulturskolen")}", channel), "now belongs to");
        });
        yield return ("command UnregisterUnit", async (p, t) =>
        {
            var channel = await ChannelForAsync(p, t == Own ? "vann-og-avlop" : "solbakken-barnehage");
            return () => Said(SayAsync(p, "unregister unit", channel), "no longer bound");
        });
        yield return ("verb unit.rebind", async (p, t) =>
        {
            var channel = await ChannelForAsync(p, t == Own ? "vann-og-avlop" : "solbakken-barnehage");
            return () => CardAsync(p, SetupCommands.RebindVerb, new JsonObject { ["unitId"] = t == Own ? "eiendomsdrift" : "kulturskolen", ["choice"] = "keep" }, channel);
        });
        yield return ("command GembaPlan", Now_(async (p, _) => Said(await SayAsync(p, "gemba plan", null), "year wheel")));
    }

    private static readonly string[] Refusals =
    [
        "You are not allowed to", "I can't find you", "not set up in LeanTeamsApp", "The organisation is not set up", "This card is out of date",
    ];

    /// <summary>Allowed when the answer says what the entry point does (<paramref name="sign"/>) and carries no refusal.</summary>
    private static async Task<Outcome> Said(Task<string> answer, string sign) => Said(await answer, sign);

    private static Outcome Said(string answer, string sign) =>
        new(!Refusals.Any(r => answer.Contains(r, StringComparison.Ordinal)) && answer.Contains(sign, StringComparison.Ordinal), answer);

    private static string AreaOf(string target) => target == Own ? "samfunn-og-teknikk" : "oppvekst-og-kultur";

    /// <summary>A form as the coordinator reads it, with the ETag a save sends back.</summary>
    private async Task<JsonObject> FormAsync(string path)
    {
        using var http = _bot.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenOf(Persona.Coordinator));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>A new unit with an id of its own, so that each allowed creation succeeds.</summary>
    private JsonObject NewUnit() => new()
    {
        ["id"] = $"matrise-{Interlocked.Increment(ref _created)}",
        ["name"] = $"Matrise {_created}",
        ["serviceArea"] = "samfunn-og-teknikk",
        ["leader"] = "leder.byggesak@fjordvik.kommune.no",
        ["timeZone"] = "Europe/Oslo",
        ["boardMeeting"] = new JsonObject { ["weekday"] = "onsdag", ["time"] = "08:15", ["minutes"] = 15 },
        ["leanStart"] = "2026-12-01",
    };

    private static string ChannelOf(string target) => target == Own ? TeamsActivities.ByggesakChannelId : OtherChannel;

    private static string NameOf(string target) => target == Own ? "Byggesak" : "Barneverntjenesten";

    private static string LatestMeeting(string unitId) => unitId == Own ? "2026-11-19" : "2026-11-17";

    private TeamsActivities ActivitiesOf(Persona persona) => persona == Persona.OtherTenant ? _otherTenant : _bot.Activities;

    private async Task<string> SayAsync(Persona persona, string text, string? channel)
    {
        var user = _people[persona];
        var activity = channel is null
            ? ActivitiesOf(persona).PersonalMessage(user, text, "en-GB")
            : ActivitiesOf(persona).ChannelMessage(user, text, "en-GB", channel, "Kanal");
        return await _bot.SayAsync(activity);
    }

    private async Task<Outcome> CardAsync(Persona persona, string verb, JsonObject data, string? channel = null)
    {
        var activity = channel is null
            ? ActivitiesOf(persona).Invoke(_people[persona], "adaptiveCard/action", Value(verb, data))
            : ActivitiesOf(persona).ChannelMessage(_people[persona], "", "en-GB", channel, "Kanal");
        if (channel is not null)
        {
            activity.Remove("text");
            activity["type"] = "invoke";
            activity["name"] = "adaptiveCard/action";
            activity["value"] = Value(verb, data);
        }

        activity["locale"] = "en-GB";
        using var response = await _bot.PostAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        var answer = JsonNode.Parse(body)!;
        // A refusal is a message response (the card stays as it was); anything else is the feature's own answer.
        var refused = (string?)answer["type"] == "application/vnd.microsoft.activity.message"
            && Refusals.Any(r => ((string?)answer["value"] ?? "").Contains(r, StringComparison.Ordinal));
        return new Outcome(response.StatusCode == HttpStatusCode.OK && !refused, body);
    }

    private static JsonObject Value(string verb, JsonObject data) => new()
    {
        ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
        ["trigger"] = "manual",
    };

    /// <summary>Calls the tab API as the persona. Allowed: a 2xx (or a 412 on a stale ETag) whose body holds <paramref name="sign"/>.</summary>
    private async Task<Outcome> TabAsync(Persona persona, HttpMethod method, string path, JsonObject? body, string? sign, string? ifMatch = null)
    {
        using var http = _bot.App.CreateClient();
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenOf(persona));
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var ok = response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.PreconditionFailed;
        return new Outcome(ok && (sign is null || text.Contains(sign, StringComparison.Ordinal)), $"{(int)response.StatusCode} {text}");
    }

    /// <summary>
    /// The organisation's file as stored, downloaded by the coordinator, then uploaded by <paramref name="persona"/>:
    /// previewed and applied with the coordinator's preview. Unchanged, so an allowed apply writes nothing.
    /// </summary>
    private async Task<Outcome> OrganisationFileAsync(Persona persona)
    {
        using var http = _bot.App.CreateClient();
        async Task<(HttpStatusCode Status, string Text)> SendAsync(HttpMethod method, string path, Persona who, byte[]? content)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content is null ? null : new ByteArrayContent(content) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenOf(who));
            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var (_, yaml) = await SendAsync(HttpMethod.Get, "/api/tab/organisation/file", Persona.Coordinator, null);
        var file = Encoding.UTF8.GetBytes(yaml);
        var (_, seen) = await SendAsync(HttpMethod.Post, "/api/tab/organisation/file?fileName=organisation.yaml", Persona.Coordinator, file);
        var fingerprint = (string)JsonNode.Parse(seen)!["fingerprint"]!;
        var (previewed, preview) = await SendAsync(HttpMethod.Post, "/api/tab/organisation/file?fileName=organisation.yaml", persona, file);
        var (applied, result) = await SendAsync(HttpMethod.Post, $"/api/tab/organisation/file?fileName=organisation.yaml&apply={fingerprint}", persona, file);
        var allowed = previewed == HttpStatusCode.OK && applied == HttpStatusCode.OK && result.Contains("\"applied\":true", StringComparison.Ordinal);
        return new Outcome(allowed, $"preview {(int)previewed} {preview[..Math.Min(200, preview.Length)]}; apply {(int)applied} {result[..Math.Min(200, result.Length)]}");
    }

    /// <summary>A development token as the tab's sign-in issues it; its lifetime is checked against the real clock.</summary>
    private string TokenOf(Persona persona) => TabAuthModule.IssueDevToken(
        _bot.App.Services.GetRequiredService<DevSigningKey>(),
        persona == Persona.OtherTenant ? _otherTenant.TenantId : _bot.TenantId,
        _people[persona].Email,
        _people[persona].Name,
        TimeProvider.System.GetUtcNow());

    /// <summary>Asks for the quarter's report in chat, then opens the CSV link of its card as a browser would, without a sign-in.</summary>
    private async Task<Outcome> ReportLinkAsync(Persona persona, string target)
    {
        var said = await SayAsync(persona, "report Q3 2026", null);
        var link = JsonNode.Parse(_bot.Connector.Requests.Last(r => r.Operation == ConnectorOperation.Reply).Activity?.Attachments?.FirstOrDefault()?.Content?.ToJsonString() ?? "{}")?["actions"]?.AsArray()
            .Select(a => (string?)a!["url"]).FirstOrDefault(u => u?.Contains(".csv", StringComparison.Ordinal) == true);
        if (link is null || Said(said, "Download") is { Allowed: false })
        {
            return new Outcome(false, said);
        }

        using var http = _bot.App.CreateClient();
        using var response = await http.GetAsync(new Uri(link).PathAndQuery);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        return new Outcome(response.IsSuccessStatusCode && csv.Contains(NameOf(target), StringComparison.Ordinal), csv);
    }

    private static JsonObject ActionRow(string? etag) => new()
    {
        ["challenge"] = "Utfordring", ["measures"] = "Tiltak", ["responsible"] = "Jonas Vik", ["deadline"] = "2026-12-31", ["status"] = "inProgress", ["etag"] = etag,
    };

    private async Task<string?> ActionRowETagAsync() =>
        (await _bot.App.Services.GetRequiredService<ActionPlanStore>().ListAsync(_bot.TenantId, default)).FirstOrDefault(r => r.Id == _actionRowId)?.ETag ?? "gone";

    /// <summary>
    /// Setup of an appointment case: the unit's Gemba walk planned again for Thursday 26 November at 10:00 with its
    /// service-area leader as owner, however the case before left it (moved, cancelled or handed over).
    /// </summary>
    private async Task<Appointment> PlannedWalkAsync(string unitId)
    {
        var appointments = _bot.App.Services.GetRequiredService<AppointmentStore>();
        var current = (await appointments.GetAsync(_bot.TenantId, 2026, _walks[unitId].Id, default))!;
        var start = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(1));
        var planned = current with { Status = AppointmentStatus.Planned, Plan = current.Plan with { OwnerId = _owners[unitId], Start = start, End = start.AddHours(1) } };
        Assert.True(await appointments.UpdateAsync(_bot.TenantId, planned, default));
        return (await appointments.GetAsync(_bot.TenantId, 2026, _walks[unitId].Id, default))!;
    }

    /// <summary>
    /// Setup of a deviation case: a new open deviation on the unit's board, as a check-in of a day of its own reports
    /// it (each case gets its own, since an allowed case closes it or makes it a follow-up area).
    /// </summary>
    private async Task<Deviation> OpenDeviationAsync(string unitId)
    {
        var records = _bot.App.Services.GetRequiredService<ImprovementStore>();
        var n = Interlocked.Increment(ref _deviations);
        var text = $"Avvik {n}";
        var checkIn = new CheckIn(unitId, new DateOnly(2026, 1, 1).AddDays(n), true, null, 5, 0, 0, 0, [text], [], null, null, "Seed", Now);
        await records.RecordCheckInAsync(_bot.TenantId, checkIn.UnitId, checkIn.MeetingDate, CheckInRecords.Of(checkIn), default);
        return (await records.ListDeviationsAsync(_bot.TenantId, unitId, default)).Single(d => d.Text == text && d.Status == DeviationStatus.Open);
    }

    /// <summary>
    /// Setup of a benefit case: a benefit of 5 hours on the unit's board, as a check-in of a day of its own records it
    /// (each case gets its own, since an allowed case corrects or deletes it).
    /// </summary>
    private async Task<Benefit> StoredBenefitAsync(string unitId)
    {
        var records = _bot.App.Services.GetRequiredService<ImprovementStore>();
        var date = new DateOnly(2025, 1, 1).AddDays(Interlocked.Increment(ref _deviations));
        var checkIn = new CheckIn(unitId, date, true, null, 5, 0, 0, 0, [], [new BenefitEntry(BenefitKind.TimeSaved, 5m, BenefitMeasure.Hours, [])], null, null, "Seed", Now);
        await records.RecordCheckInAsync(_bot.TenantId, checkIn.UnitId, checkIn.MeetingDate, CheckInRecords.Of(checkIn), default);
        return (await records.GetBenefitAsync(_bot.TenantId, unitId, RecordIds.BenefitFromCheckIn(date, 0), default))!;
    }

    /// <summary>Setup of a case on the tab's board: a new suggestion of its own on the unit's board (an allowed case changes it).</summary>
    private async Task<Improvement> BoardImprovementAsync(string unitId)
    {
        var records = _bot.App.Services.GetRequiredService<ImprovementStore>();
        var n = Interlocked.Increment(ref _deviations);
        return (await records.AddImprovementAsync(_bot.TenantId, new Improvement(unitId, $"t-{unitId}-{n}", $"Tavle {n}", "Seed", ImprovementStage.Suggested, RecordSource.Command, Now), default)).Stored;
    }

    /// <summary>A channel nobody has bound yet, whose roster has everyone.</summary>
    private string NewChannel()
    {
        var channel = $"19:matrix-{Interlocked.Increment(ref _channels)}@thread.tacv2";
        SetRoster(channel);
        return channel;
    }

    /// <summary>
    /// Setup of a channel case: a new channel, bound to <paramref name="unitId"/> when given, where the persona has
    /// written once already (the bot remembers the channel on a first message, whatever it says).
    /// </summary>
    private async Task<string> ChannelForAsync(Persona persona, string? unitId)
    {
        var channel = NewChannel();
        if (unitId is not null)
        {
            var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, unitId, default))!;
            Assert.Equal(WriteOutcome.Written, (await _bot.App.Store.SaveUnitAsync(_bot.TenantId, unit with { Channel = new ChannelReference(TeamsActivities.TeamId, channel, "Kanal") }, default)).Outcome);
        }

        await SayAsync(persona, "help", channel);
        return channel;
    }

    private void SetRoster(string conversation) => _bot.Connector.SetMembers(conversation, _people.Values.Select(Member));

    private TeamsChannelAccount Member(TeamsUser user) => new()
    {
        Id = user.Id,
        Name = user.Name,
        AadObjectId = user.AadObjectId,
        UserPrincipalName = user.Email,
        Email = user.Email,
        TenantId = user == _people[Persona.OtherTenant] ? _otherTenant.TenantId : _bot.TenantId,
    };

    /// <summary>Every row of both tenants in every table the service declares, by table and key, with its ETag.</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync()
    {
        var tables = _bot.App.Services.GetRequiredService<StorageTables>();
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in _bot.App.Services.GetServices<RequiredTable>().Select(t => t.Name).Distinct())
        {
            foreach (var tenant in new[] { _bot.TenantId, _otherTenant.TenantId })
            {
                await foreach (var row in tables.Get(name).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenant}")))
                {
                    rows[$"{name}/{row.PartitionKey}/{row.RowKey}"] = row.ETag.ToString();
                }
            }
        }

        return rows;
    }

    private static bool Same(Dictionary<string, string> before, Dictionary<string, string> after, out string changed)
    {
        var differences = before.Keys.Union(after.Keys)
            .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => k[..Math.Min(k.Length, 80)])
            .ToList();
        changed = string.Join(", ", differences.Take(5));
        return differences.Count == 0;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
