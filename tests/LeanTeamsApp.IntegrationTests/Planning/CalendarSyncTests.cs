using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Infrastructure.Graph;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeanTeamsApp.IntegrationTests.Planning;

/// <summary>
/// The calendar sync against Azurite with Graph mocked at its seam (<see cref="IGraphCalendar"/>) and a fake clock:
/// which calls go out for created, moved, reassigned and cancelled appointments, with what arguments, and what is
/// stored; throttling, "not configured" and refusals; two instances at once; a re-plan racing a sync.
/// </summary>
public sealed class CalendarSyncTests
{
    private const string OrganisationYaml = """
        tenantId: "{tenant}"
        name: Grensekommune
        timeZone: Europe/Oslo
        serviceAreas:
          - { id: samfunn, name: Samfunn og teknikk, leader: tol.samfunn@grense.no }
        people:
          - { email: tol.samfunn@grense.no, name: Mona Strand }
          - { email: ny.leder@grense.no, name: Per Ny }
          - { email: leder.byggesak@grense.no, name: Randi Lie }
          - { email: chef.bygglov@grense.no, name: Sven Berg }
          - { email: konsulent@grense.no, name: Ingrid Solheim, roles: [consultant] }
        units:
          - { id: byggesak, name: Byggesak, serviceArea: samfunn, leader: leder.byggesak@grense.no, boardMeeting: { weekday: mandag, time: "09:00", minutes: 15 }, leanStart: 2026-01-05 }
          - { id: bygglov, name: Bygglov, serviceArea: samfunn, leader: chef.bygglov@grense.no, timeZone: Europe/Stockholm, boardMeeting: { weekday: måndag, time: "09:00", minutes: 15 }, leanStart: 2026-01-05 }
        """;

    private const string Leader = "tol.samfunn@grense.no";
    private const string UnitLeader = "leder.byggesak@grense.no";
    private const int Year = 2027;
    private const string JoinUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting";

    [Fact]
    public async Task Create_NewGembaWalk_SendsTheLeadersEventWithItsAttendeesAndStoresItsIds()
    {
        var graph = CreatingGraph();
        await using var bot = await StartAsync(graph);
        var walk = Appointment(AppointmentKind.GembaWalk, "byggesak", Leader, [UnitLeader], "2027-03-10T10:00:00+01:00");
        await PlanAsync(bot, walk);

        Assert.Equal(1, await Scheduler(bot).RunTenantAsync(bot.TenantId, default));

        var request = Assert.Single(CreateRequests(graph));
        Assert.Equal(Leader, request.OrganiserUserId);
        Assert.Equal([new CalendarAttendee(UnitLeader, "Randi Lie")], request.Attendees);
        Assert.Equal("Gemba-besøk: Byggesak", request.Subject);
        Assert.StartsWith("<p>Gemba-besøk i Byggesak:", request.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<p>Planlagt av LeanTeamsApp", request.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(walk.Start, request.Start);
        Assert.Equal(walk.End, request.End);
        Assert.Equal("Europe/Oslo", request.IanaTimeZone);
        Assert.Equal(CalendarSyncScheduler.TransactionId(walk.Id, 1), request.TransactionId);
        Assert.True(Guid.TryParseExact(request.TransactionId, "D", out _));
        Assert.Null(request.Location);

        var stored = await GetAsync(bot, walk.Id);
        Assert.Equal(CalendarState.Synced, stored.Calendar);
        Assert.Equal($"event-{walk.Id}", stored.CalendarEventId);
        Assert.Equal(JoinUrl, stored.JoinUrl);
        Assert.Equal(Leader, stored.CalendarOrganiserId);
        Assert.Null(stored.CalendarError);

        // Synced: a second tick has nothing to do.
        Assert.Equal(0, await Scheduler(bot).RunTenantAsync(bot.TenantId, default));
        graph.Verify(g => g.CreateEventAsync(It.IsAny<CalendarEventRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        graph.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(AppointmentKind.GembaWalk, "byggesak", "Gemba-besøk: Byggesak", "Europe/Oslo", "Planlagt av LeanTeamsApp")]
    [InlineData(AppointmentKind.SemiAnnualReview, "byggesak", "Halvårlig revisjon: Byggesak", "Europe/Oslo", "Planlagt av LeanTeamsApp")]
    [InlineData(AppointmentKind.FishboneAnalysis, "byggesak", "Fiskebeinsanalyse: Byggesak", "Europe/Oslo", "Planlagt av LeanTeamsApp")]
    [InlineData(AppointmentKind.GembaWalk, "bygglov", "Gemba-besök: Bygglov", "Europe/Stockholm", "Planerat av LeanTeamsApp")]
    [InlineData(AppointmentKind.SemiAnnualReview, "bygglov", "Halvårsuppföljning: Bygglov", "Europe/Stockholm", "Planerat av LeanTeamsApp")]
    [InlineData(AppointmentKind.FishboneAnalysis, "bygglov", "Fiskbensanalys: Bygglov", "Europe/Stockholm", "Planerat av LeanTeamsApp")]
    public async Task Create_EachKindInEachCountry_IsWrittenInTheUnitsLanguageAndZone(
        AppointmentKind kind, string unit, string subject, string zone, string plannedBy)
    {
        var graph = CreatingGraph();
        await using var bot = await StartAsync(graph);
        await PlanAsync(bot, Appointment(kind, unit, Leader, [], "2027-03-10T10:00:00+01:00"));

        await Scheduler(bot).RunTenantAsync(bot.TenantId, default);

        var request = Assert.Single(CreateRequests(graph));
        Assert.Equal(subject, request.Subject);
        Assert.Equal(zone, request.IanaTimeZone);
        Assert.Contains(plannedBy, request.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_GraphThrottles_StopsTheTenantUntilRetryAfterAndRetriesWithTheSameTransactionId()
    {
        var graph = CreatingGraph();
        var calls = 0;
        graph.Setup(g => g.CreateEventAsync(It.IsAny<CalendarEventRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CalendarEventRequest r, CancellationToken _) => ++calls == 1
                ? new GraphCalendarResult<CalendarEventRef>(GraphCalendarResult.Failure(GraphCalendarStatus.Throttled, "ApplicationThrottled", TimeSpan.FromSeconds(30)))
                : Created(r));
        var clock = new FakeTimeProvider(At("2026-11-23T08:00:00Z"));
        await using var bot = await StartAsync(graph, clock);
        var first = Appointment(AppointmentKind.GembaWalk, "byggesak", Leader, [UnitLeader], "2027-03-10T10:00:00+01:00");
        var second = Appointment(AppointmentKind.SemiAnnualReview, "byggesak", Leader, [UnitLeader], "2027-03-12T10:00:00+01:00");
        await PlanAsync(bot, first, second);
        var scheduler = Scheduler(bot);

        Assert.Equal(0, await scheduler.RunTenantAsync(bot.TenantId, default));
        Assert.Single(CreateRequests(graph));
        Assert.Equal(CalendarState.Pending, (await GetAsync(bot, first.Id)).Calendar);
        Assert.Equal(CalendarState.Pending, (await GetAsync(bot, second.Id)).Calendar);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await scheduler.RunTenantAsync(bot.TenantId, default));
        Assert.Single(CreateRequests(graph));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, await scheduler.RunTenantAsync(bot.TenantId, default));
        var requests = CreateRequests(graph);
        Assert.Equal(3, requests.Count);
        Assert.Equal([first.Id, first.Id, second.Id], requests.Select(r => r.Subject == "Gemba-besøk: Byggesak" ? first.Id : second.Id));
        Assert.Equal(requests[0].TransactionId, requests[1].TransactionId);
        Assert.NotEqual(requests[1].TransactionId, requests[2].TransactionId);
        Assert.Equal(CalendarState.Synced, (await GetAsync(bot, first.Id)).Calendar);
    }

    [Fact]
    public async Task Move_AppointmentMovedAfterItsEventWasCreated_MovesTheEventToTheNewTimes()
    {
        var graph = CreatingGraph();
        graph.Setup(g => g.MoveEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(GraphCalendarResult.Success);
        await using var bot = await StartAsync(graph);
        var walk = Appointment(AppointmentKind.GembaWalk, "byggesak", Leader, [UnitLeader], "2027-03-10T10:00:00+01:00");
        await PlanAsync(bot, walk);
        await Scheduler(bot).RunTenantAsync(bot.TenantId, default);

        var moved = walk with { Start = At("2027-03-17T13:00:00+01:00"), End = At("2027-03-17T14:00:00+01:00") };
        await ChangeAsync(bot, moved);
        Assert.Equal(1, await Scheduler(bot).RunTenantAsync(bot.TenantId, default));

        graph.Verify(g => g.MoveEventAsync(Leader, $"event-{walk.Id}", moved.Start, moved.End, "Europe/Oslo", It.IsAny<CancellationToken>()), Times.Once);
        graph.Verify(g => g.CreateEventAsync(It.IsAny<CalendarEventRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        graph.VerifyNoOtherCalls();
        var stored = await GetAsync(bot, walk.Id);
        Assert.Equal((CalendarState.Synced, 2, $"event-{walk.Id}"), (stored.Calendar, stored.Version, stored.CalendarEventId));
    }

    [Fact]
    public async Task Move_EventDeletedInOutlook_CreatesANewEventForTheNewVersion()
    {
        var graph = CreatingGraph();
        graph.Setup(g => g.MoveEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(GraphCalendarResult.Failure(GraphCalendarStatus.EventNotFound, "ErrorItemNotFound"));
        await using var bot = await StartAsync(graph);
        var walk = Appointment(AppointmentKind.GembaWalk, "byggesak", Leader, [UnitLeader], "2027-03-10T10:00:00+01:00");
        await PlanAsync(bot, walk);
        await Scheduler(bot).RunTenantAsync(bot.TenantId, default);

        var moved = walk with { Start = At("2027-03-17T13:00:00+01:00"), End = At("2027-03-17T14:00:00+01:00") };
        await ChangeAsync(bot, moved);
        await Scheduler(bot).RunTenantAsync(bot.TenantId, default);

        var requests = CreateRequests(graph);
        Assert.Equal(2, requests.Count);
        Assert.Equal((moved.Start, moved.End, CalendarSyncScheduler.TransactionId(walk.Id, 2)), (requests[1].Start, requests[1].End, requests[1].TransactionId));
        Assert.Equal(CalendarState.Synced, (await GetAsync(bot, walk.Id)).Calendar);
    }

    [Fact]
    public async Task Reassign_NewServiceAreaLeader_CancelsTheOldEventAndCreatesOneInTheNewLeadersCalendar()
    {
        var graph = CreatingGraph();
        var ids = 0;
        graph.Setup(g => g.CreateEventAsync(It.IsAny<CalendarEventRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CalendarEventRequest _, CancellationToken _) => new GraphCalendarResult<CalendarEventRef>(new CalendarEventRef($"event-{++ids}", JoinUrl)));
        graph.Setup(g => g.CancelEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(GraphCalendarResult.Success);
        await using var bot = await StartAsync(graph);
        var review = Appointment(AppointmentKind.SemiAnnualReview, "byggesak", Leader, [UnitLeader], "2027-03-10T10:00:00+01:00");
        await PlanAsync(bot, review);
        await Scheduler(bot).RunTenantAsync(bot.TenantId, default);

        await ChangeAsync(bot, review with { OwnerId = "ny.leder@grense.no" }, reassigned: true);
        Assert.Equal(1, await Scheduler(bot).RunTenantAsync(bot.TenantId, default));

        graph.Verify(g => g.CancelEventAsync(Leader, "event-1", It.Is<string>(c => c.StartsWith("Avlyst fordi deltakerne er endret", StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
        var replacement = CreateRequests(graph)[1];
        Assert.Equal(("ny.leder@grense.no", CalendarSyncScheduler.TransactionId(review.Id, 2)), (replacement.OrganiserUserId, replacement.TransactionId));
        graph.Verify(g => g.MoveEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        var stored = await GetAsync(bot, review.Id);
        Assert.Equal((CalendarState.Synced, "event-2", "ny.leder@grense.no", false), (stored.Calendar, stored.CalendarEventId, stored.CalendarOrganiserId, stored.CalendarCancelled));
    }

    [Fact]
    public async Task Reassign_ConsultantJoins_ReplacesTheEventSoTheConsultantIsInvited()
    {
        var graph = CreatingGraph();
        graph.Setup(g => g.CancelEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(GraphCalendarResult.Success);
        await using var bot = await StartAsync(graph);
        var review = Appointment(AppointmentKind.SemiAnnualReview, "byggesak", Leader, [UnitLeader], "2027-03-10T10:00:00+01:00");
        await PlanAsync(bot, review);
        await Scheduler(bot).RunTenantAsync(bot.TenantId, default);

        await ChangeAsync(bot, review with { AttendeeIds = [UnitLeader, "konsulent@grense.no"] }, reassigned: true);
        await Scheduler(bot).RunTenantAsync(bot.TenantId, default);

        graph.Verify(g => g.CancelEventAsync(Leader, $"event-{review.Id}", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(
            [new CalendarAttendee(UnitLeader, "Randi Lie"), new CalendarAttendee("konsulent@grense.no", "Ingrid Solheim")],
            CreateRequests(graph)[1].Attendees);
    }

    [Fact]
    public async Task Cancel_AppointmentWithAnEvent_CancelsItWithACommentAndKeepsTheEventId()
    {
        var graph = CreatingGraph();
        graph.Setup(g => g.CancelEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(GraphCalendarResult.Success);
        await using var bot = await StartAsync(graph);
        var walk = Appointment(AppointmentKind.GembaWalk, "bygglov", Leader, ["chef.bygglov@grense.no"], "2027-03-10T10:00:00+01:00");
        await PlanAsync(bot, walk);
        await Scheduler(bot).RunTenantAsync(bot.TenantId, default);

        await CancelAsync(bot, walk.Id);
        Assert.Equal(1, await Scheduler(bot).RunTenantAsync(bot.TenantId, default));

        graph.Verify(g => g.CancelEventAsync(Leader, $"event-{walk.Id}", "Inställt: mötet har tagits bort ur årshjulet i LeanTeamsApp.", It.IsAny<CancellationToken>()), Times.Once);
        var stored = await GetAsync(bot, walk.Id);
        Assert.Equal((AppointmentStatus.Cancelled, CalendarState.Synced, $"event-{walk.Id}", true), (stored.Status, stored.Calendar, stored.CalendarEventId, stored.CalendarCancelled));
    }

    [Fact]
    public async Task Cancel_AppointmentNeverInOutlook_IsSyncedWithoutCallingGraph()
    {
        var graph = CreatingGraph();
        await using var bot = await StartAsync(graph);
        var walk = Appointment(AppointmentKind.GembaWalk, "byggesak", Leader, [UnitLeader], "2027-03-10T10:00:00+01:00");
        await PlanAsync(bot, walk);
        await CancelAsync(bot, walk.Id);

        Assert.Equal(1, await Scheduler(bot).RunTenantAsync(bot.TenantId, default));

        graph.VerifyNoOtherCalls();
        Assert.Equal(CalendarState.Synced, (await GetAsync(bot, walk.Id)).Calendar);
    }

    [Fact]
    public async Task Sync_GraphNotConfigured_MarksTheTenantsAppointmentsNotConfiguredAndCallsNoMore()
    {
        var graph = new Mock<IGraphCalendar>();
        graph.Setup(g => g.CreateEventAsync(It.IsAny<CalendarEventRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GraphCalendarResult<CalendarEventRef>(GraphCalendarResult.Failure(GraphCalendarStatus.NotConfigured)));
        await using var bot = await StartAsync(graph);
        var appointments = new[]
        {
            Appointment(AppointmentKind.GembaWalk, "byggesak", Leader, [UnitLeader], "2027-03-10T10:00:00+01:00"),
            Appointment(AppointmentKind.SemiAnnualReview, "byggesak", Leader, [UnitLeader], "2027-03-12T10:00:00+01:00"),
            Appointment(AppointmentKind.GembaWalk, "bygglov", Leader, [], "2027-03-15T10:00:00+01:00"),
        };
        await PlanAsync(bot, appointments);

        Assert.Equal(3, await Scheduler(bot).RunTenantAsync(bot.TenantId, default));
        Assert.Equal(0, await Scheduler(bot).RunTenantAsync(bot.TenantId, default));

        graph.Verify(g => g.CreateEventAsync(It.IsAny<CalendarEventRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        graph.VerifyNoOtherCalls();
        foreach (var appointment in appointments)
        {
            Assert.Equal(CalendarState.NotConfigured, (await GetAsync(bot, appointment.Id)).Calendar);
        }
    }

    [Fact]
    public async Task Create_OrganiserUnknownToGraph_FailsWithAReadableErrorAndTheOthersGoOn()
    {
        var graph = CreatingGraph();
        graph.Setup(g => g.CreateEventAsync(It.Is<CalendarEventRequest>(r => r.OrganiserUserId == "gone@grense.no"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GraphCalendarResult<CalendarEventRef>(GraphCalendarResult.Failure(GraphCalendarStatus.OrganiserNotFound, "ErrorInvalidUser")));
        await using var bot = await StartAsync(graph);
        var orphan = Appointment(AppointmentKind.GembaWalk, "byggesak", "gone@grense.no", [UnitLeader], "2027-03-10T10:00:00+01:00");
        var other = Appointment(AppointmentKind.SemiAnnualReview, "byggesak", Leader, [UnitLeader], "2027-03-12T10:00:00+01:00");
        await PlanAsync(bot, orphan, other);

        Assert.Equal(2, await Scheduler(bot).RunTenantAsync(bot.TenantId, default));

        var failed = await GetAsync(bot, orphan.Id);
        Assert.Equal(CalendarState.Failed, failed.Calendar);
        Assert.Equal(
            "Microsoft 365 finner ikke arrangøren gone@grense.no, eller vedkommende har ingen postboks. Sjekk e-postadressen til tjenesteområdelederen i organisasjonen. (ErrorInvalidUser)",
            failed.CalendarError);
        Assert.Null(failed.CalendarEventId);
        Assert.Equal(CalendarState.Synced, (await GetAsync(bot, other.Id)).Calendar);
    }

    [Fact]
    public async Task Sync_GraphThrowsForOneAppointment_ItStaysPendingAndTheOthersAreSynced()
    {
        var graph = CreatingGraph();
        graph.Setup(g => g.CreateEventAsync(It.Is<CalendarEventRequest>(r => r.Subject.StartsWith("Gemba", StringComparison.Ordinal)), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection reset"));
        await using var bot = await StartAsync(graph);
        var walk = Appointment(AppointmentKind.GembaWalk, "byggesak", Leader, [UnitLeader], "2027-03-10T10:00:00+01:00");
        var review = Appointment(AppointmentKind.SemiAnnualReview, "byggesak", Leader, [UnitLeader], "2027-03-12T10:00:00+01:00");
        await PlanAsync(bot, walk, review);

        Assert.Equal(1, await Scheduler(bot).RunTenantAsync(bot.TenantId, default));

        Assert.Equal(CalendarState.Pending, (await GetAsync(bot, walk.Id)).Calendar);
        Assert.Equal(CalendarState.Synced, (await GetAsync(bot, review.Id)).Calendar);
    }

    [Fact]
    public async Task Sync_TwoSchedulerInstancesAtOnce_CreateEachEventOnce()
    {
        var graph = new Mock<IGraphCalendar>();
        graph.Setup(g => g.CreateEventAsync(It.IsAny<CalendarEventRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (CalendarEventRequest r, CancellationToken ct) =>
            {
                // Long enough that the two ticks overlap.
                await Task.Delay(50, ct);
                return Created(r);
            });
        var tenant = TestTenants.New();
        var firstClock = new FakeTimeProvider(At("2026-11-23T08:00:00Z"));
        var secondClock = new FakeTimeProvider(At("2026-11-23T08:00:00Z"));
        await using var first = await StartAsync(graph, firstClock, tenant);
        await using var second = await StartAsync(graph, secondClock, tenant, import: false);
        var appointments = new[]
        {
            Appointment(AppointmentKind.GembaWalk, "byggesak", Leader, [UnitLeader], "2027-03-10T10:00:00+01:00"),
            Appointment(AppointmentKind.SemiAnnualReview, "byggesak", Leader, [UnitLeader], "2027-03-12T10:00:00+01:00"),
            Appointment(AppointmentKind.GembaWalk, "bygglov", Leader, [], "2027-03-15T10:00:00+01:00"),
        };
        await PlanAsync(first, appointments);

        var settled = await Task.WhenAll(Scheduler(first).RunTenantAsync(tenant, default), Scheduler(second).RunTenantAsync(tenant, default));
        settled = [.. settled, .. await Task.WhenAll(Scheduler(first).RunTenantAsync(tenant, default), Scheduler(second).RunTenantAsync(tenant, default))];

        Assert.Equal(3, settled.Sum());
        foreach (var appointment in appointments)
        {
            graph.Verify(g => g.CreateEventAsync(It.Is<CalendarEventRequest>(r => r.TransactionId == CalendarSyncScheduler.TransactionId(appointment.Id, 1)), It.IsAny<CancellationToken>()), Times.Once);
            Assert.Equal(CalendarState.Synced, (await GetAsync(first, appointment.Id)).Calendar);
        }

        graph.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Sync_SecondInstanceTicksWhileTheFirstIsSyncing_LeavesTheTenantToTheFirst()
    {
        var graph = new Mock<IGraphCalendar>();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var proceed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        graph.Setup(g => g.CreateEventAsync(It.IsAny<CalendarEventRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (CalendarEventRequest r, CancellationToken _) =>
            {
                // The first instance's first create waits in Graph until the second instance has had its tick.
                if (Interlocked.Increment(ref calls) == 1)
                {
                    entered.SetResult();
                    await proceed.Task;
                }

                return Created(r);
            });
        var tenant = TestTenants.New();
        await using var first = await StartAsync(graph, tenant: tenant);
        await using var second = await StartAsync(graph, tenant: tenant, import: false);
        // The tenant has been synced before: its lease row exists, so only the lease itself keeps the second out.
        Assert.Equal(0, await Scheduler(second).RunTenantAsync(tenant, default));
        var appointments = new[]
        {
            Appointment(AppointmentKind.GembaWalk, "byggesak", Leader, [UnitLeader], "2027-03-10T10:00:00+01:00"),
            Appointment(AppointmentKind.SemiAnnualReview, "byggesak", Leader, [UnitLeader], "2027-03-12T10:00:00+01:00"),
        };
        await PlanAsync(first, appointments);

        var firstTick = Scheduler(first).RunTenantAsync(tenant, default);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await Scheduler(second).RunTenantAsync(tenant, default));
        proceed.SetResult();

        Assert.Equal(2, await firstTick);
        foreach (var appointment in appointments)
        {
            graph.Verify(g => g.CreateEventAsync(It.Is<CalendarEventRequest>(r => r.TransactionId == CalendarSyncScheduler.TransactionId(appointment.Id, 1)), It.IsAny<CancellationToken>()), Times.Once);
        }
    }

    [Fact]
    public async Task Sync_AppointmentReplannedWhileItsEventIsCreated_KeepsTheNewPlanAndMovesTheEventNextTick()
    {
        var graph = new Mock<IGraphCalendar>();
        BotHost? bot = null;
        var walk = Appointment(AppointmentKind.GembaWalk, "byggesak", Leader, [UnitLeader], "2027-03-10T10:00:00+01:00");
        var moved = walk with { Start = At("2027-03-17T13:00:00+01:00"), End = At("2027-03-17T14:00:00+01:00") };
        graph.Setup(g => g.CreateEventAsync(It.IsAny<CalendarEventRequest>(), It.IsAny<CancellationToken>()))
            .Returns(async (CalendarEventRequest r, CancellationToken _) =>
            {
                // The coordinator re-plans while Graph is creating the event.
                await ChangeAsync(bot!, moved);
                return Created(r);
            });
        graph.Setup(g => g.MoveEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(GraphCalendarResult.Success);
        bot = await StartAsync(graph);
        await using var _ = bot;
        await PlanAsync(bot, walk);

        Assert.Equal(0, await Scheduler(bot).RunTenantAsync(bot.TenantId, default));

        var replanned = await GetAsync(bot, walk.Id);
        Assert.Equal((2, moved.Start, CalendarState.Pending), (replanned.Version, replanned.Plan.Start, replanned.Calendar));
        Assert.Equal($"event-{walk.Id}", replanned.CalendarEventId);

        Assert.Equal(1, await Scheduler(bot).RunTenantAsync(bot.TenantId, default));
        graph.Verify(g => g.MoveEventAsync(Leader, $"event-{walk.Id}", moved.Start, moved.End, "Europe/Oslo", It.IsAny<CancellationToken>()), Times.Once);
        graph.Verify(g => g.CreateEventAsync(It.IsAny<CalendarEventRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(CalendarState.Synced, (await GetAsync(bot, walk.Id)).Calendar);
    }

    /// <summary>A Graph calendar that creates every event it is asked for, with an id that names the appointment.</summary>
    private static Mock<IGraphCalendar> CreatingGraph()
    {
        var graph = new Mock<IGraphCalendar>();
        graph.Setup(g => g.CreateEventAsync(It.IsAny<CalendarEventRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CalendarEventRequest r, CancellationToken _) => Created(r));
        return graph;
    }

    // The appointment id is not in the request; the transaction id of its first version stands in for it.
    private static readonly Dictionary<string, string> AppointmentByTransaction = new(StringComparer.Ordinal);

    private static GraphCalendarResult<CalendarEventRef> Created(CalendarEventRequest request)
    {
        lock (AppointmentByTransaction)
        {
            var id = AppointmentByTransaction.GetValueOrDefault(request.TransactionId, request.TransactionId);
            return new GraphCalendarResult<CalendarEventRef>(new CalendarEventRef($"event-{id}", JoinUrl));
        }
    }

    private static List<CalendarEventRequest> CreateRequests(Mock<IGraphCalendar> graph) =>
        [.. graph.Invocations.Where(i => i.Method.Name == nameof(IGraphCalendar.CreateEventAsync)).Select(i => (CalendarEventRequest)i.Arguments[0])];

    private static PlannedAppointment Appointment(AppointmentKind kind, string unit, string owner, string[] attendees, string start)
    {
        var id = PlannedAppointment.IdFor(kind, unit, Year, 1);
        lock (AppointmentByTransaction)
        {
            AppointmentByTransaction[CalendarSyncScheduler.TransactionId(id, 1)] = id;
        }

        var from = At(start);
        return new PlannedAppointment(id, kind, unit, owner, attendees, from, from.AddHours(1));
    }

    private static CalendarSyncScheduler Scheduler(BotHost bot) => bot.App.Services.GetRequiredService<CalendarSyncScheduler>();

    private static AppointmentStore Store(BotHost bot) => bot.App.Services.GetRequiredService<AppointmentStore>();

    private static async Task PlanAsync(BotHost bot, params PlannedAppointment[] added) =>
        await Store(bot).ApplyAsync(bot.TenantId, Year, new YearPlan(added, added, [], [], [], [], []), await Store(bot).ListYearAsync(bot.TenantId, Year, default), default);

    /// <summary>Stores a new version of an appointment, as re-planning does: moved (another time) or reassigned (other people).</summary>
    private static async Task ChangeAsync(BotHost bot, PlannedAppointment after, bool reassigned = false)
    {
        var stored = await Store(bot).ListYearAsync(bot.TenantId, Year, default);
        AppointmentChange[] change = [new(stored.Single(a => a.Id == after.Id).Plan, after)];
        await Store(bot).ApplyAsync(bot.TenantId, Year, new YearPlan([after], [], reassigned ? [] : change, reassigned ? change : [], [], [], []), stored, default);
    }

    private static async Task CancelAsync(BotHost bot, string id)
    {
        var stored = await Store(bot).ListYearAsync(bot.TenantId, Year, default);
        await Store(bot).ApplyAsync(bot.TenantId, Year, new YearPlan([], [], [], [], [stored.Single(a => a.Id == id).Plan], [], []), stored, default);
    }

    private static async Task<Appointment> GetAsync(BotHost bot, string id) =>
        await Store(bot).GetAsync(bot.TenantId, Year, id, default) ?? throw new InvalidOperationException($"No appointment {id}.");

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<BotHost> StartAsync(Mock<IGraphCalendar> graph, FakeTimeProvider? clock = null, string? tenant = null, bool import = true)
    {
        var bot = await BotHost.StartAsync(
            configureServices: services =>
            {
                services.RemoveAll<IGraphCalendar>();
                services.AddSingleton(graph.Object);
            },
            time: clock ?? new FakeTimeProvider(At("2026-11-23T08:00:00Z")),
            importDemo: false,
            tenantId: tenant);
        if (import)
        {
            var imported = await bot.App.ImportAsync(bot.TenantId, "grense.yaml", OrganisationYaml.Replace("{tenant}", bot.TenantId, StringComparison.Ordinal));
            Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        }

        return bot;
    }
}
