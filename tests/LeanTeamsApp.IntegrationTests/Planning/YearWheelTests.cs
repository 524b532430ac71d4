using System.Globalization;
using System.Text.Json.Nodes;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.IntegrationTests.Cards;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Planning;

/// <summary>
/// `gemba plan`, `gemba` and the reminders, on a fake clock fixed on Monday 23 November 2026 (so the demo's newest
/// units are inside their first six months), against Azurite and the recording fake connector.
/// </summary>
public sealed class YearWheelTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly RecordedLogs _logs = new();
    private BotHost _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" }, _logs.AddTo, time: _clock);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private AppointmentStore Appointments => _bot.App.Services.GetRequiredService<AppointmentStore>();

    [Fact]
    public async Task GembaPlan_CoordinatorPlansNextYear_EveryUnitGetsTwoReviewsAndTwoWalksAndASummary()
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));

        var stored = await Appointments.ListYearAsync(_bot.TenantId, 2027, default);
        var units = await _bot.App.Store.ListUnitsAsync(_bot.TenantId, default);
        Assert.All(units, u =>
        {
            Assert.Equal(2, stored.Count(a => a.Plan.UnitId == u.Id && a.Plan.Kind == AppointmentKind.SemiAnnualReview));
            Assert.Equal(2, stored.Count(a => a.Plan.UnitId == u.Id && a.Plan.Kind == AppointmentKind.GembaWalk));
        });
        Assert.All(stored, a => Assert.Equal((AppointmentStatus.Planned, CalendarState.Pending, 1), (a.Status, a.Calendar, a.Version)));
        var walk = stored.First(a => a.Plan.UnitId == "byggesak" && a.Plan.Kind == AppointmentKind.GembaWalk);
        Assert.Equal("tol.samfunn@fjordvik.kommune.no", walk.Plan.OwnerId);
        Assert.Contains("leder.byggesak@fjordvik.kommune.no", walk.Plan.AttendeeIds);
        Assert.Contains("Årshjulet for 2027 er planlagt", said, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Halvårlig revisjon\",\"value\":\"24\"}", said, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Gemba-besøk\",\"value\":\"24\"}", said, StringComparison.Ordinal);
        Assert.Contains("48 nye · 0 flyttet · 0 nye deltakere · 0 avlyst · 0 uendret", said, StringComparison.Ordinal);
        Assert.Contains("{\"title\":\"Kari Nordby\",\"value\":\"8 besøk, høyst", said, StringComparison.Ordinal);
        Assert.Contains("Microsoft Graph er ikke satt opp", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GembaPlan_RunAgainWithNothingChanged_MovesNothing()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));
        var before = await Appointments.ListYearAsync(_bot.TenantId, 2027, default);

        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));

        Assert.Contains("0 nye · 0 flyttet · 0 nye deltakere · 0 avlyst · 48 uendret", said, StringComparison.Ordinal);
        var after = await Appointments.ListYearAsync(_bot.TenantId, 2027, default);
        Assert.Equal(before.Select(a => (a.Id, a.Plan.Start, a.ETag)).Order(), after.Select(a => (a.Id, a.Plan.Start, a.ETag)).Order());
    }

    [Fact]
    public async Task GembaPlan_UnitMovedToAnotherServiceArea_OnlyThatUnitsAppointmentsChange()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));
        var before = (await Appointments.ListYearAsync(_bot.TenantId, 2027, default)).ToDictionary(a => a.Id);
        var byggesak = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "byggesak", default))!;
        Assert.Equal(WriteOutcome.Written, (await _bot.App.Store.SaveUnitAsync(_bot.TenantId, byggesak with { ServiceAreaId = "helse-og-omsorg" }, default)).Outcome);

        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));

        var after = await Appointments.ListYearAsync(_bot.TenantId, 2027, default);
        var changed = after.Where(a => a.Version > 1).ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, a => Assert.Equal("byggesak", a.Plan.UnitId));
        Assert.All(after.Where(a => a.Plan.UnitId == "byggesak"), a => Assert.Equal("tol.helse@fjordvik.kommune.no", a.Plan.OwnerId));
        Assert.All(after.Where(a => a.Plan.UnitId != "byggesak"), a => Assert.Equal(before[a.Id].Plan, a.Plan));
        Assert.All(changed, a => Assert.Equal(CalendarState.Pending, a.Calendar));
    }

    [Fact]
    public async Task GembaPlan_NewUnitsLagging_GetAFishboneAnalysisBeforeTheirSixMonthMarkOwnedByTheirLeader()
    {
        // Servicetorget holds its board meetings and gets things done; the two other new units report nothing.
        var checkIns = _bot.App.Services.GetRequiredService<CheckInStore>();
        var servicetorget = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, "servicetorget", default))!;
        var latest = MeetingClock.Latest(servicetorget, Now);
        for (var week = 0; week < 8; week++)
        {
            var date = latest.AddDays(-7 * week);
            await checkIns.SubmitAsync(_bot.TenantId, new CheckIn("servicetorget", date, true, null, 6, 1, 1, 1, [], [], null, null, "Magnus Sæther", Now), default);
        }

        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2026"));

        var analyses = (await Appointments.ListYearAsync(_bot.TenantId, 2026, default)).Where(a => a.Plan.Kind == AppointmentKind.FishboneAnalysis).ToList();
        Assert.Equal(["fjordtun-sykehjem", "pp-tjenesten"], analyses.Select(a => a.Plan.UnitId).Order(StringComparer.Ordinal));
        var fjordtun = analyses.Single(a => a.Plan.UnitId == "fjordtun-sykehjem");
        Assert.Equal("tol.helse@fjordvik.kommune.no", fjordtun.Plan.OwnerId);
        Assert.InRange(fjordtun.Plan.Start, Now, new DateTimeOffset(2027, 2, 17, 0, 0, 0, TimeSpan.FromHours(1)));
        var pp = analyses.Single(a => a.Plan.UnitId == "pp-tjenesten");
        Assert.InRange(pp.Plan.Start, Now, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(1)));
        Assert.Contains("Fiskebeinsanalyse fordi", said, StringComparison.Ordinal);
        Assert.Contains("Fjordtun sykehjem: 6 tavlemøter ikke gjennomført eller ikke rapportert og ingen forbedringer ferdige", said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gemba plan 2031")]
    [InlineData("gemba plan neste")]
    public async Task GembaPlan_YearNotThisOrNext_ExplainsAndPlansNothing(string text)
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, text));

        Assert.Contains("Skriv «gemba plan» for i år (fra november: neste år), eller «gemba plan 2027» for et bestemt år.", said, StringComparison.Ordinal);
        Assert.Empty(await Appointments.ListYearAsync(_bot.TenantId, 2031, default));
    }

    [Fact]
    public async Task GembaPlan_UnitLeader_IsRefused()
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.ByggesakLeader, "gemba plan 2027", "en-GB"));

        Assert.Contains("You are not allowed to plan the year wheel.", said, StringComparison.Ordinal);
        Assert.Empty(await Appointments.ListYearAsync(_bot.TenantId, 2027, default));
    }

    [Fact]
    public async Task Gemba_ServiceAreaLeaderAfterPlanning_SeesTheirNextAppointmentsInOrder()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));

        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.HelseLeader, "gemba"));

        var card = LastCard();
        var titles = card["body"]!.AsArray().Skip(1).Select(c => (string)c!["items"]![0]!["text"]!).ToList();
        var expected = (await Appointments.ListYearAsync(_bot.TenantId, 2027, default))
            .Where(a => a.Plan.OwnerId == "tol.helse@fjordvik.kommune.no")
            .OrderBy(a => a.Plan.Start)
            .Take(10)
            .ToList();
        Assert.Equal(10, titles.Count);
        Assert.Equal(expected.Select(a => a.Plan.UnitId), titles.Select(t => UnitIdOf(t)));
        Assert.All(card["body"]!.AsArray().Skip(1), c => Assert.EndsWith("du leder", (string)c!["items"]![1]!["text"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gemba_PersonNotInTheOrganisation_IsToldWhy()
    {
        var said = await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Stranger, "gemba", "en-GB"));

        Assert.Contains("I can't find you in the organisation.", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_AWeekAndADayBefore_EachReachablePersonOnceAndAgainWhenMoved()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));
        var first = (await Appointments.ListYearAsync(_bot.TenantId, 2027, default))
            .Where(a => a.Plan.OwnerId == "tol.helse@fjordvik.kommune.no")
            .MinBy(a => a.Plan.Start)!;
        var unitLeader = first.Plan.AttendeeIds[0];
        await ReachableAsync("tol.helse@fjordvik.kommune.no", _bot.HelseLeader);
        await ReachableAsync(unitLeader, TeamsUser.Create(unitLeader, unitLeader));
        var scheduler = _bot.App.Services.GetRequiredService<YearWheelScheduler>();

        var outbox = _bot.App.Services.GetRequiredService<Outbox>();
        async Task<bool> QueuedAsync(string which, int version, string person) =>
            await outbox.GetAsync(_bot.TenantId, $"appointment-reminder|{first.Id}|v{version}|{which}|{Person.Pseudonym(person)}", default) is not null;
        var people = new[] { "tol.helse@fjordvik.kommune.no", unitLeader };

        _clock.SetUtcNow(first.Plan.Start.AddDays(-8));
        var tooEarly = await scheduler.RunTenantAsync(_bot.TenantId, default);
        _clock.SetUtcNow(first.Plan.Start.AddDays(-7).AddMinutes(1));
        await scheduler.RunTenantAsync(_bot.TenantId, default);
        var weekQueued = await Task.WhenAll(people.Select(p => QueuedAsync("7d", 1, p)));
        var again = await scheduler.RunTenantAsync(_bot.TenantId, default);
        _clock.SetUtcNow(first.Plan.Start.AddHours(-23));
        await scheduler.RunTenantAsync(_bot.TenantId, default);
        var dayQueued = await Task.WhenAll(people.Select(p => QueuedAsync("1d", 1, p)));
        var moved = first with { Plan = first.Plan with { Start = first.Plan.Start.AddHours(1), End = first.Plan.End.AddHours(1) }, Version = 2 };
        Assert.True(await Appointments.UpdateAsync(_bot.TenantId, moved, default));
        await scheduler.RunTenantAsync(_bot.TenantId, default);
        var movedQueued = await Task.WhenAll(people.Select(p => QueuedAsync("1d", 2, p)));

        Assert.Equal((0, 0), (tooEarly, again));
        Assert.All(weekQueued.Concat(dayQueued).Concat(movedQueued), Assert.True);
        Assert.False(await QueuedAsync("7d", 2, unitLeader));
        await _bot.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);
        var sent = _bot.Connector.Requests.Where(r => r.Operation == ConnectorOperation.Send).Select(BotHost.Said).ToList();
        var unitName = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, first.Plan.UnitId, default))!.Name;
        var kind = first.Plan.Kind == AppointmentKind.GembaWalk ? "Gemba-besøk" : "Halvårlig revisjon";
        Assert.Contains(sent, s => s.Contains($"Om en uke: {kind} – {unitName}", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Contains($"I morgen: {kind} – {unitName}", StringComparison.Ordinal)
            && s.Contains(first.Plan.Start.AddHours(1).ToString("HH:mm", CultureInfo.InvariantCulture) + "–", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminder_EarlyMorningThreeDatesBefore_SaysInThreeDaysNotFour()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));
        var first = (await Appointments.ListYearAsync(_bot.TenantId, 2027, default))
            .Where(a => a.Plan.OwnerId == "tol.helse@fjordvik.kommune.no")
            .MinBy(a => a.Plan.Start)!;
        await ReachableAsync("tol.helse@fjordvik.kommune.no", _bot.HelseLeader);
        // 07:00 on the unit's clock three dates before: more than three whole days, which rounded up to four.
        var start = first.Plan.Start;
        var morning = new DateTimeOffset(start.Date.AddDays(-3).AddHours(7), start.Offset);
        Assert.True(start - morning > TimeSpan.FromDays(3));
        _clock.SetUtcNow(morning);

        await _bot.App.Services.GetRequiredService<YearWheelScheduler>().RunTenantAsync(_bot.TenantId, default);
        await _bot.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);

        var sent = _bot.Connector.Requests.Where(r => r.Operation == ConnectorOperation.Send).Select(BotHost.Said).ToList();
        Assert.Contains(sent, s => s.Contains("Om 3 dager:", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, s => s.Contains("Om 4 dager:", StringComparison.Ordinal));
    }

    // The scheduler works tenant after tenant in one flow: one organisation's own words must not word the next one's reminders.
    [Fact]
    public async Task Reminders_OneOrganisationWithItsOwnWordForUnit_UseItThereAndTheGlossarysWordInTheNextTenant()
    {
        var other = new TeamsActivities(TestTenants.New(), _bot.Connector.ServiceUrl);
        Assert.True((await _bot.App.ImportDemoAsync(other.TenantId)).Succeeded);
        var org = (await _bot.App.Store.GetOrganisationAsync(_bot.TenantId, default))!;
        Assert.Equal(WriteOutcome.Written, (await _bot.App.Store.SaveOrganisationAsync(org with { Terms = OrganisationTerms.Of([("unit", "nb", "avdeling")]) }, default)).Outcome);
        DateTimeOffset? start = null;
        foreach (var activities in new[] { _bot.Activities, other })
        {
            await _bot.SayAsync(activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));
            var first = (await Appointments.ListYearAsync(activities.TenantId, 2027, default))
                .Where(a => a.Plan.OwnerId == "tol.helse@fjordvik.kommune.no")
                .MinBy(a => a.Plan.Start)!;
            Assert.True(start is null || start == first.Plan.Start);
            start = first.Plan.Start;
            await ReachableAsync("tol.helse@fjordvik.kommune.no", _bot.HelseLeader, activities);
        }

        _clock.SetUtcNow(start!.Value.AddDays(-7).AddMinutes(1));
        var scheduler = _bot.App.Services.GetRequiredService<YearWheelScheduler>();
        var queued = await scheduler.RunTenantAsync(_bot.TenantId, default) + await scheduler.RunTenantAsync(other.TenantId, default);
        await _bot.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);

        var reminders = _bot.Connector.Requests.Where(r => r.Operation == ConnectorOperation.Send).Select(BotHost.Said).Where(s => s.Contains("Om en uke:", StringComparison.Ordinal)).ToList();
        Assert.Equal(queued, reminders.Count);
        var own = reminders.Count(s => s.Contains("{\"title\":\"Avdeling\",", StringComparison.Ordinal));
        var glossary = reminders.Count(s => s.Contains("{\"title\":\"Enhet\",", StringComparison.Ordinal));
        Assert.True(own > 0 && own == glossary && own + glossary == reminders.Count, $"{own} in the organisation's word, {glossary} in the glossary's, of {reminders.Count}");
    }

    // The outbox keeps its rows (and so their keys) long after a person has left; logs go to other systems.
    [Fact]
    public async Task Reminders_OutboxKeysAndLogs_NameNoEmailAddressButStayOnePerPerson()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));
        var first = (await Appointments.ListYearAsync(_bot.TenantId, 2027, default))
            .Where(a => a.Plan.OwnerId == "tol.helse@fjordvik.kommune.no")
            .MinBy(a => a.Plan.Start)!;
        var unitLeader = first.Plan.AttendeeIds[0];
        await ReachableAsync("tol.helse@fjordvik.kommune.no", _bot.HelseLeader);
        var scheduler = _bot.App.Services.GetRequiredService<YearWheelScheduler>();
        var outbox = _bot.App.Services.GetRequiredService<Outbox>();

        _clock.SetUtcNow(first.Plan.Start.AddDays(-7).AddMinutes(1));
        var queued = await scheduler.RunTenantAsync(_bot.TenantId, default);
        var again = await scheduler.RunTenantAsync(_bot.TenantId, default);

        var keys = new List<string>();
        await foreach (var row in outbox.Rows.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == _bot.TenantId, select: ["RowKey"]))
        {
            keys.Add(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(row.RowKey.Replace('_', '/').Replace('-', '+'))));
        }

        Assert.True(queued >= 1, $"queued {queued}");
        Assert.Equal(0, again);
        Assert.Contains($"appointment-reminder|{first.Id}|v1|7d|{Person.Pseudonym("tol.helse@fjordvik.kommune.no")}", keys);
        Assert.All(keys, k => Assert.DoesNotContain("@", k, StringComparison.Ordinal));
        Assert.Contains(_logs.Entries, e => e.Message == $"Cannot reach person {Person.Pseudonym(unitLeader)}: the app has no personal chat with them yet");
        Assert.All(_logs.Entries, e => Assert.DoesNotContain("@", e.ToString(), StringComparison.Ordinal));
    }

    // Reminders queued by the release before this one are under the old, address-bearing id; the deployment must not
    // remind those people a second time.
    [Fact]
    public async Task Reminders_AlreadyQueuedUnderTheIdThatNamedTheAddress_AreNotQueuedAgain()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));
        var first = (await Appointments.ListYearAsync(_bot.TenantId, 2027, default))
            .Where(a => a.Plan.OwnerId == "tol.helse@fjordvik.kommune.no")
            .MinBy(a => a.Plan.Start)!;
        var unitLeader = first.Plan.AttendeeIds[0];
        await ReachableAsync("tol.helse@fjordvik.kommune.no", _bot.HelseLeader);
        await ReachableAsync(unitLeader, TeamsUser.Create(unitLeader, unitLeader));
        var outbox = _bot.App.Services.GetRequiredService<Outbox>();
        Assert.True(await outbox.EnqueueAsync(
            new OutboundMessage($"appointment-reminder|{first.Id}|v1|7d|tol.helse@fjordvik.kommune.no", _bot.TenantId, _bot.Connector.ServiceUrl, new Activity { Type = ActivityTypes.Message, Text = "sent before" })
            {
                ConversationId = TeamsActivities.PersonalConversationId(_bot.HelseLeader),
            },
            default));

        _clock.SetUtcNow(first.Plan.Start.AddDays(-7).AddMinutes(1));
        var queued = await _bot.App.Services.GetRequiredService<YearWheelScheduler>().RunTenantAsync(_bot.TenantId, default);

        Assert.Null(await outbox.GetAsync(_bot.TenantId, $"appointment-reminder|{first.Id}|v1|7d|{Person.Pseudonym("tol.helse@fjordvik.kommune.no")}", default));
        Assert.NotNull(await outbox.GetAsync(_bot.TenantId, $"appointment-reminder|{first.Id}|v1|7d|{Person.Pseudonym(unitLeader)}", default));
        Assert.Equal(1, queued);
    }

    [Fact]
    public async Task Reminders_UnitArchivedAfterPlanning_NeitherItsRemindersNorItsRecordCardAreSentUntilRestored()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));
        var first = (await Appointments.ListYearAsync(_bot.TenantId, 2027, default))
            .Where(a => a.Plan.OwnerId == "tol.helse@fjordvik.kommune.no")
            .MinBy(a => a.Plan.Start)!;
        await ReachableAsync("tol.helse@fjordvik.kommune.no", _bot.HelseLeader);
        var unit = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, first.Plan.UnitId, default))!;
        Assert.Equal(WriteOutcome.Written, (await _bot.App.Store.SaveUnitAsync(_bot.TenantId, unit with { Archived = true }, default)).Outcome);
        var scheduler = _bot.App.Services.GetRequiredService<YearWheelScheduler>();
        var outbox = _bot.App.Services.GetRequiredService<Outbox>();

        _clock.SetUtcNow(first.Plan.Start.AddDays(-7).AddMinutes(1));
        await scheduler.RunTenantAsync(_bot.TenantId, default);
        _clock.SetUtcNow(first.Plan.Start.AddHours(-23));
        await scheduler.RunTenantAsync(_bot.TenantId, default);
        _clock.SetUtcNow(first.Plan.End.AddMinutes(5));
        await scheduler.RunTenantAsync(_bot.TenantId, default);

        foreach (var which in new[] { "7d", "1d" })
        {
            Assert.Null(await outbox.GetAsync(_bot.TenantId, $"appointment-reminder|{first.Id}|v1|{which}|{Person.Pseudonym("tol.helse@fjordvik.kommune.no")}", default));
        }

        Assert.Null(await outbox.GetAsync(_bot.TenantId, $"appointment-record|{first.Id}", default));

        // Restored, the unit is prompted again: its record card goes out on the next run.
        var archived = (await _bot.App.Store.GetUnitAsync(_bot.TenantId, first.Plan.UnitId, default))!;
        Assert.Equal(WriteOutcome.Written, (await _bot.App.Store.SaveUnitAsync(_bot.TenantId, archived with { Archived = false }, default)).Outcome);
        await scheduler.RunTenantAsync(_bot.TenantId, default);
        Assert.NotNull(await outbox.GetAsync(_bot.TenantId, $"appointment-record|{first.Id}", default));
    }

    [Fact]
    public async Task RecordCard_AfterTheAppointmentEnded_GoesToItsOwnerOnce()
    {
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));
        var first = (await Appointments.ListYearAsync(_bot.TenantId, 2027, default))
            .Where(a => a.Plan.OwnerId == "tol.helse@fjordvik.kommune.no")
            .MinBy(a => a.Plan.Start)!;
        await ReachableAsync("tol.helse@fjordvik.kommune.no", _bot.HelseLeader);
        var scheduler = _bot.App.Services.GetRequiredService<YearWheelScheduler>();
        var outbox = _bot.App.Services.GetRequiredService<Outbox>();

        _clock.SetUtcNow(first.Plan.End.AddMinutes(-1));
        await scheduler.RunTenantAsync(_bot.TenantId, default);
        var beforeEnd = await outbox.GetAsync(_bot.TenantId, $"appointment-record|{first.Id}", default);
        _clock.SetUtcNow(first.Plan.End.AddMinutes(5));
        await scheduler.RunTenantAsync(_bot.TenantId, default);
        await scheduler.RunTenantAsync(_bot.TenantId, default);
        await _bot.App.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(default);

        Assert.Null(beforeEnd);
        Assert.NotNull(await outbox.GetAsync(_bot.TenantId, $"appointment-record|{first.Id}", default));
        var cards = _bot.Connector.Requests.Where(r => r.Operation == ConnectorOperation.Send).Select(BotHost.Said).Where(s => s.Contains("review.record", StringComparison.Ordinal)).ToList();
        Assert.Single(cards);
        Assert.Contains($"\"appointmentId\":\"{first.Id}\"", cards[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearWheelCards_SummaryUpcomingAndReminder_AreValidForTheOfficialRenderer()
    {
        var cards = new Dictionary<string, string>();
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2026"));
        cards["plan-summary"] = LastCard().ToJsonString();
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.HelseLeader, "gemba", "sv-SE"));
        cards["upcoming"] = LastCard().ToJsonString();
        var appointment = (await Appointments.ListYearAsync(_bot.TenantId, 2026, default))[0] with { JoinUrl = "https://teams.microsoft.com/l/meetup-join/abc" };
        var people = (await _bot.App.Store.ListPeopleAsync(_bot.TenantId, default)).ToDictionary(p => p.Id);
        cards["reminder"] = PlanningCards.Reminder(Language.En, appointment, null, people, 7).ToJson().ToJsonString();
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "planlegg årshjul 2026", "nn-NO"));
        cards["plan-summary-nn"] = LastCard().ToJsonString();
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.HelseLeader, "gemba", "nn-NO"));
        cards["upcoming-nn"] = LastCard().ToJsonString();
        cards["reminder-nn"] = PlanningCards.Reminder(Language.Nn, appointment, null, people, 7).ToJson().ToJsonString();

        var verdicts = await OfficialRenderer.ValidateAsync(cards, OfficialRenderer.ArtifactsFolder);

        Assert.Equal(6, verdicts.Count);
        Assert.Contains("\"Endringar\"", cards["plan-summary-nn"], StringComparison.Ordinal);
        Assert.All(verdicts.Values, v => Assert.True(v.IsValid, v.ToString()));
        Assert.Contains("Action.OpenUrl", cards["reminder"], StringComparison.Ordinal);
    }

    private async Task ReachableAsync(string email, TeamsUser user, TeamsActivities? tenant = null)
    {
        tenant ??= _bot.Activities;
        var person = await _bot.App.Store.GetPersonAsync(tenant.TenantId, email, default);
        Assert.Equal(WriteOutcome.Written, (await _bot.App.Store.SavePersonAsync(tenant.TenantId, person! with { AadObjectId = user.AadObjectId }, default)).Outcome);
        using var installed = await _bot.PostAsync(tenant.PersonalInstallation(user));
        Assert.True(installed.IsSuccessStatusCode);
    }

    private static string UnitIdOf(string title) => title.Split(" – ")[1] switch
    {
        "Hjemmetjenesten nord" => "hjemmetjenesten-nord",
        "Hjemmetjenesten sør" => "hjemmetjenesten-sor",
        "Fjordtun sykehjem" => "fjordtun-sykehjem",
        "Tildelingskontoret" => "tildelingskontoret",
        var other => other,
    };

    private JsonObject LastCard() =>
        _bot.Connector.Requests.Last(r => r.Operation == ConnectorOperation.Reply).Activity!.Attachments![0].Content!.AsObject();
}
