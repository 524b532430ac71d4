using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Core;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Infrastructure.Graph;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Moq.Protected;

namespace LeanTeamsApp.IntegrationTests.Planning;

/// <summary>
/// `gemba move`, `gemba cancel` and `gemba owner` through /api/messages on a fake clock (1 December 2026), with the
/// demo's 2027 plan stored and its Outlook events created. Microsoft Graph is the real client over a Moq'd HTTP handler,
/// so the requests the calendar sync sends afterwards are checked as Graph receives them; the people's messages are
/// counted at the fake Bot Connector once the outbox is drained.
/// </summary>
public sealed class AppointmentChangeTests : IAsyncLifetime
{
    private const string Owner = "tol.samfunn@fjordvik.kommune.no";
    private const string UnitLeader = "leder.byggesak@fjordvik.kommune.no";
    private const string Consultant = "petter.aas@fjordvik.kommune.no";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly List<GraphRequest> _graph = [];
    private BotHost _bot = null!;
    private readonly TeamsUser _owner = TeamsUser.Create("Mona Strand", Owner);
    private readonly TeamsUser _consultant = TeamsUser.Create("Petter Aas", Consultant);

    public async Task InitializeAsync()
    {
        var transport = new Mock<HttpMessageHandler>(MockBehavior.Strict);
        transport.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .Returns(async (HttpRequestMessage request, CancellationToken ct) => Answer(await GraphRequest.ReadAsync(request, ct)));
        _bot = await BotHost.StartAsync(
            new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" },
            services =>
            {
                services.RemoveAll<IGraphCalendar>();
                services.AddSingleton<IGraphCalendar>(sp => new GraphCalendar(
                    GraphModule.CreateClient(new FixedToken(), new GraphOptions(), sp.GetRequiredService<TimeProvider>(), NullLogger.Instance, transport.Object),
                    sp.GetRequiredService<TimeProvider>()));
            },
            _clock);
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));
        Assert.Equal(48, await SyncAsync());
        await ReachableAsync(Owner, _owner);
        await ReachableAsync(UnitLeader, _bot.ByggesakLeader);
        await ReachableAsync(Consultant, _consultant);
        foreach (var user in new[] { _owner, _consultant })
        {
            _bot.Connector.SetMembers(TeamsActivities.PersonalConversationId(user), [new TeamsChannelAccount { Id = user.Id, Name = user.Name, AadObjectId = user.AadObjectId, UserPrincipalName = user.Email, Email = user.Email }]);
        }

        _graph.Clear();
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private AppointmentStore Appointments => _bot.App.Services.GetRequiredService<AppointmentStore>();

    [Fact]
    public async Task Move_CoordinatorMovesByggesaksWalk_OnlyThatOneChangesItsPeopleAreToldOnceAndOutlookMovesTheEvent()
    {
        var before = await SnapshotAsync();
        var walk = await NextAsync(AppointmentKind.GembaWalk);

        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba flytt Byggesak besøk 2027-03-09 13:00"));

        Assert.Contains("Gemba-besøk – Byggesak er flyttet til tirsdag 9. mars 13:00–14:00. 2 personer får beskjed.", said, StringComparison.Ordinal);
        var moved = (await Appointments.GetAsync(_bot.TenantId, 2027, walk.Id, default))!;
        Assert.Equal((new DateTimeOffset(2027, 3, 9, 13, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2027, 3, 9, 14, 0, 0, TimeSpan.FromHours(1))), (moved.Plan.Start, moved.Plan.End));
        Assert.Equal((2, CalendarState.Pending), (moved.Version, moved.Calendar));
        Assert.Equal(walk.Plan.People, moved.Plan.People);
        await AssertOnlyChangedAsync(before, walk.Id);

        Assert.Equal(2, await DrainAsync());
        var told = Sent("Flyttet: Gemba-besøk – Byggesak");
        Assert.Equal([UnitLeader, Owner], told.Select(t => t.Person).Order(StringComparer.Ordinal));
        Assert.Contains("tirsdag 9. mars 13:00–14:00", told[0].Text, StringComparison.Ordinal);
        Assert.Contains(PlanningCards.When(Language.Nb, walk.Plan), told[0].Text, StringComparison.Ordinal);
        Assert.Equal(0, await DrainAsync());

        Assert.Equal(1, await SyncAsync());
        var patch = Assert.Single(_graph);
        Assert.Equal(("PATCH", $"/v1.0/users/{Uri.EscapeDataString(Owner)}/events/{walk.CalendarEventId}"), (patch.Method, patch.Path));
        using var body = JsonDocument.Parse(patch.Body!);
        Assert.Equal(["@odata.type", "end", "start"], body.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("2027-03-09T13:00:00", body.RootElement.GetProperty("start").GetProperty("dateTime").GetString()![..19]);
        Assert.Equal("W. Europe Standard Time", body.RootElement.GetProperty("start").GetProperty("timeZone").GetString());
        Assert.Equal(CalendarState.Synced, (await Appointments.GetAsync(_bot.TenantId, 2027, walk.Id, default))!.Calendar);
    }

    [Fact]
    public async Task Cancel_CoordinatorCancelsByggesaksReview_ItsPeopleAreToldOnceOutlookCancelsAndReplanningLeavesItCancelled()
    {
        var before = await SnapshotAsync();
        var review = await NextAsync(AppointmentKind.SemiAnnualReview);

        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba cancel Byggesak review", "en-GB"));

        Assert.Contains("Semi-annual review – Byggesak is cancelled. 2 people are told.", said, StringComparison.Ordinal);
        var cancelled = (await Appointments.GetAsync(_bot.TenantId, 2027, review.Id, default))!;
        Assert.Equal((AppointmentStatus.Cancelled, true, 2, CalendarState.Pending), (cancelled.Status, cancelled.CancelledByHand, cancelled.Version, cancelled.Calendar));
        await AssertOnlyChangedAsync(before, review.Id);
        Assert.Equal(2, await DrainAsync());
        Assert.Equal([UnitLeader, Owner], Sent("Avlyst: Halvårlig revisjon – Byggesak").Select(t => t.Person).Order(StringComparer.Ordinal));

        Assert.Equal(1, await SyncAsync());
        var cancel = Assert.Single(_graph);
        Assert.Equal(("POST", $"/v1.0/users/{Uri.EscapeDataString(Owner)}/events/{review.CalendarEventId}/cancel"), (cancel.Method, cancel.Path));

        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));
        Assert.Equal(AppointmentStatus.Cancelled, (await Appointments.GetAsync(_bot.TenantId, 2027, review.Id, default))!.Status);
    }

    [Fact]
    public async Task Owner_CoordinatorHandsByggesaksReviewToAConsultant_OldAndNewOwnerAndAttendeesAreToldOnceAndOutlookReplacesTheEvent()
    {
        var before = await SnapshotAsync();
        var review = await NextAsync(AppointmentKind.SemiAnnualReview);

        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba ansvarlig Byggesak revisjon Petter Aas"));

        Assert.Contains("Petter Aas er nå ansvarlig for halvårlig revisjon – Byggesak. 3 personer får beskjed.", said, StringComparison.Ordinal);
        var handed = (await Appointments.GetAsync(_bot.TenantId, 2027, review.Id, default))!;
        Assert.Equal((Consultant, true, review.Plan.Start, 2), (handed.Plan.OwnerId, handed.OwnerByHand, handed.Plan.Start, handed.Version));
        Assert.Contains(UnitLeader, handed.Plan.AttendeeIds);
        await AssertOnlyChangedAsync(before, review.Id);
        Assert.Equal(3, await DrainAsync());
        Assert.Equal([UnitLeader, Consultant, Owner], Sent("Ny ansvarlig: Halvårlig revisjon – Byggesak").Select(t => t.Person).Order(StringComparer.Ordinal));

        Assert.Equal(1, await SyncAsync());
        Assert.Equal(2, _graph.Count);
        Assert.Equal(("POST", $"/v1.0/users/{Uri.EscapeDataString(Owner)}/events/{review.CalendarEventId}/cancel"), (_graph[0].Method, _graph[0].Path));
        Assert.Equal(("POST", $"/v1.0/users/{Uri.EscapeDataString(Consultant)}/events"), (_graph[1].Method, _graph[1].Path));
        using var created = JsonDocument.Parse(_graph[1].Body!);
        Assert.Equal([UnitLeader], created.RootElement.GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("emailAddress").GetProperty("address").GetString()));

        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));
        Assert.Equal(Consultant, (await Appointments.GetAsync(_bot.TenantId, 2027, review.Id, default))!.Plan.OwnerId);
    }

    [Fact]
    public async Task Move_ByTheAppointmentsOwner_IsAllowedAndTheOwnerIsNotToldWhatTheyDid()
    {
        var walk = await NextAsync(AppointmentKind.GembaWalk);

        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_owner, "gemba flytt Byggesak besøk 9.3.2027"));

        Assert.Contains("er flyttet til tirsdag 9. mars " + walk.Plan.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), said, StringComparison.Ordinal);
        Assert.Equal(1, await DrainAsync());
        Assert.Equal([UnitLeader], Sent("Flyttet: Gemba-besøk – Byggesak").Select(t => t.Person));
    }

    [Theory]
    [InlineData("leader", "gemba flytt Byggesak besøk 2027-03-09 13:00")]
    [InlineData("leader", "gemba avlys Byggesak revisjon")]
    [InlineData("leader", "gemba ansvarlig Byggesak revisjon Petter Aas")]
    [InlineData("stranger", "gemba flytt Byggesak besøk 2027-03-09 13:00")]
    [InlineData("stranger", "gemba avlys Byggesak revisjon")]
    [InlineData("stranger", "gemba ansvarlig Byggesak revisjon Petter Aas")]
    public async Task Change_UnitLeaderOrOutsider_IsRefusedAndNothingChanges(string who, string text)
    {
        var before = await SnapshotAsync();
        var user = who == "leader" ? _bot.ByggesakLeader : _bot.Stranger;

        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(user, text, "en-GB"));

        Assert.Contains("You are not allowed to move, cancel or hand over this appointment of Byggesak.", said, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(0, await DrainAsync());
    }

    [Theory]
    [InlineData("gemba flytt Byggesak besøk 2027-05-17 10:00", "Datoen er en helligdag (Grunnlovsdag). Velg en arbeidsdag.")]
    [InlineData("gemba flytt Byggesak besøk 2027-03-06 10:00", "Datoen er en lørdag eller søndag. Velg en arbeidsdag.")]
    [InlineData("gemba flytt Byggesak besøk 2026-11-30 10:00", "Tidspunktet har passert. Velg et senere tidspunkt.")]
    [InlineData("gemba flytt Byggesak besøk 2027-03-09 07:00", "Avtalen må ligge innenfor arbeidstiden, 08:30–15:30.")]
    [InlineData("gemba flytt Byggesak besøk 2027-03-11 09:00", "Tidspunktet kolliderer med enhetens tavlemøte.")]
    [InlineData("gemba flytt Byggesak besøk 2027-07-14 10:00", "Datoen er i Fellesferie")]
    [InlineData("gemba flytt Byggesak besøk 2028-01-11 10:00", "Datoen må være mellom 01.01.2027 og 31.12.2027.")]
    [InlineData("gemba flytt Byggesak besøk neste uke", "Skriv for eksempel «gemba flytt Byggesak revisjon 2027-03-10 09:00»")]
    public async Task Move_ToATimeThePlannerWouldNeverChoose_IsRefusedWithTheReasonAndNothingChanges(string text, string reason)
    {
        var before = await SnapshotAsync();

        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, text));

        Assert.Contains(reason, said, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Move_ReviewTooFarFromTheUnitsOtherReview_IsRefusedWithTheDaysThatWouldDo()
    {
        // The next review (H1) moved 21 or 31 weeks before H2, whichever is a working day in H1.
        var h2 = (await Appointments.GetAsync(_bot.TenantId, 2027, PlannedAppointment.IdFor(AppointmentKind.SemiAnnualReview, "byggesak", 2027, 2), default))!;
        var h2Date = DateOnly.FromDateTime(h2.Plan.Start.DateTime);
        var target = WeeksApart.Select(w => WorkingDayFrom(h2Date.AddDays(-7 * w))).First(d => d >= new DateOnly(2027, 1, 4) && d <= new DateOnly(2027, 6, 30));
        var before = await SnapshotAsync();

        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, $"gemba flytt Byggesak revisjon {target:yyyy-MM-dd} 10:00"));

        Assert.Contains($"Enhetens revisjoner skal ligge 22–30 uker fra hverandre: velg en dato mellom {h2Date.AddDays(-7 * 30):dd.MM.yyyy} og {h2Date.AddDays(-7 * 22):dd.MM.yyyy}.", said, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    private static readonly int[] WeeksApart = [21, 31];

    private static DateOnly WorkingDayFrom(DateOnly date)
    {
        var day = date;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday or DayOfWeek.Thursday
            || LeanTeamsApp.Features.Calendar.PublicHolidays.IsPublicHoliday(LeanTeamsApp.Features.Calendar.Country.Norway, day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private async Task<Appointment> NextAsync(AppointmentKind kind) =>
        (await Appointments.ListYearAsync(_bot.TenantId, 2027, default)).Where(a => a.Plan.UnitId == "byggesak" && a.Plan.Kind == kind).MinBy(a => a.Plan.Start)!;

    /// <summary>Every stored appointment of the three years around the plan, with its ETag: any write shows.</summary>
    private async Task<List<string>> SnapshotAsync()
    {
        var rows = new List<string>();
        for (var year = 2026; year <= 2028; year++)
        {
            rows.AddRange((await Appointments.ListYearAsync(_bot.TenantId, year, default)).Select(a => $"{a.Year}|{a.Id}|{a.ETag}"));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private async Task AssertOnlyChangedAsync(List<string> before, string id)
    {
        var after = await SnapshotAsync();
        Assert.Equal(before.Count, after.Count);
        Assert.Equal([id], after.Except(before).Select(r => r.Split('|')[1..^1]).Select(p => string.Join('|', p)));
    }

    /// <summary>Sends what the outbox holds, to the end; returns how many messages went out.</summary>
    private async Task<int> DrainAsync()
    {
        var dispatcher = _bot.App.Services.GetRequiredService<OutboxDispatcher>();
        var sends = _bot.Connector.Requests.Count(r => r.Operation == ConnectorOperation.Send);
        while (await dispatcher.DispatchOnceAsync(default) > 0)
        {
        }

        return _bot.Connector.Requests.Count(r => r.Operation == ConnectorOperation.Send) - sends;
    }

    /// <summary>The messages sent whose text holds <paramref name="title"/>, with the person each went to.</summary>
    private List<(string Person, string Text)> Sent(string title)
    {
        var byConversation = new Dictionary<string, string>
        {
            [TeamsActivities.PersonalConversationId(_owner)] = Owner,
            [TeamsActivities.PersonalConversationId(_bot.ByggesakLeader)] = UnitLeader,
            [TeamsActivities.PersonalConversationId(_consultant)] = Consultant,
        };
        return [.. _bot.Connector.Requests
            .Where(r => r.Operation == ConnectorOperation.Send && BotHost.Said(r).Contains(title, StringComparison.Ordinal))
            .Select(r => (byConversation.GetValueOrDefault(r.ConversationId ?? "", r.ConversationId ?? "?"), BotHost.Said(r)))];
    }

    private Task<int> SyncAsync() => _bot.App.Services.GetRequiredService<CalendarSyncScheduler>().RunTenantAsync(_bot.TenantId, default);

    private async Task ReachableAsync(string email, TeamsUser user)
    {
        var person = await _bot.App.Store.GetPersonAsync(_bot.TenantId, email, default);
        Assert.Equal(WriteOutcome.Written, (await _bot.App.Store.SavePersonAsync(_bot.TenantId, person! with { AadObjectId = user.AadObjectId }, default)).Outcome);
        using var installed = await _bot.PostAsync(_bot.Activities.PersonalInstallation(user));
        Assert.True(installed.IsSuccessStatusCode);
    }

    private HttpResponseMessage Answer(GraphRequest request)
    {
        lock (_graph)
        {
            _graph.Add(request);
            var id = $"event-{_graph.Count}";
            return request switch
            {
                { Method: "POST" } when request.Path.EndsWith("/cancel", StringComparison.Ordinal) => new HttpResponseMessage(HttpStatusCode.Accepted),
                { Method: "POST" } => Json(HttpStatusCode.Created, $$$"""{"id":"{{{id}}}","onlineMeeting":{"joinUrl":"https://teams.microsoft.com/l/meetup-join/{{{id}}}"}}"""),
                { Method: "PATCH" } => Json(HttpStatusCode.OK, """{"id":"moved"}"""),
                _ => new HttpResponseMessage(HttpStatusCode.NotFound),
            };
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private sealed record GraphRequest(string Method, string Path, string? Body)
    {
        public static async Task<GraphRequest> ReadAsync(HttpRequestMessage request, CancellationToken ct) =>
            new(request.Method.Method, request.RequestUri!.AbsolutePath, request.Content is null ? null : await request.Content.ReadAsStringAsync(ct));
    }

    private sealed class FixedToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("test-token", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
