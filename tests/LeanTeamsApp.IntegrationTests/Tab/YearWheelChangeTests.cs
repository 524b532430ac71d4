using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Infrastructure.Auth;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Tab;

/// <summary>
/// The year wheel's changes through the tab API (development sign-in), on a fake clock (1 December 2026) with the
/// demo's 2027 plan stored: who may, what a bad date answers, and the ETag that keeps two people from overwriting each other.
/// </summary>
public sealed class YearWheelChangeTests : IAsyncLifetime
{
    private const string Coordinator = "lean.koordinator@fjordvik.kommune.no";
    private const string Owner = "tol.samfunn@fjordvik.kommune.no";
    private const string UnitLeader = "leder.byggesak@fjordvik.kommune.no";
    private const string OtherAreaLeader = "tol.helse@fjordvik.kommune.no";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private BotHost _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(Settings(), time: _clock, environment: DevelopmentSignIn.Environment);
        _http = _bot.App.CreateClient();
        await _bot.SayAsync(_bot.Activities.PersonalMessage(_bot.Coordinator, "gemba plan 2027"));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
    }

    private static Dictionary<string, string?> Settings()
    {
        var settings = DevelopmentSignIn.Settings();
        settings["Outbox:Enabled"] = "false";
        return settings;
    }

    private AppointmentStore Appointments => _bot.App.Services.GetRequiredService<AppointmentStore>();

    [Fact]
    public async Task YearWheel_CoordinatorAndOwner_MayManageTheirsAndGetThePeopleOthersMayNot()
    {
        var coordinator = await WheelAsync(Coordinator);
        var owner = await WheelAsync(Owner);
        var unitLeader = await WheelAsync(UnitLeader);

        Assert.All(coordinator["appointments"]!.AsArray(), a => Assert.True((bool)a!["canManage"]!));
        Assert.NotEmpty(coordinator["people"]!.AsArray());
        var byggesak = owner["appointments"]!.AsArray().Where(a => (string)a!["unitId"]! == "byggesak").ToList();
        Assert.NotEmpty(byggesak);
        Assert.All(byggesak, a => Assert.True((bool)a!["canManage"]!));
        Assert.All(byggesak, a => Assert.Equal((2027, Owner), ((int)a!["year"]!, (string)a["ownerId"]!)));
        Assert.All(byggesak, a => Assert.False(string.IsNullOrEmpty((string?)a!["etag"])));
        Assert.All(unitLeader["appointments"]!.AsArray(), a => Assert.False((bool)a!["canManage"]!));
        Assert.Empty(unitLeader["people"]!.AsArray());
    }

    [Fact]
    public async Task Move_Owner_MovesOnlyThatAppointmentAndAnswersItWithANewETag()
    {
        var walk = await NextAsync(AppointmentKind.GembaWalk);
        var before = await SnapshotAsync();

        using var response = await PostAsync(Owner, walk, "move", new JsonObject { ["date"] = "2027-03-09", ["time"] = "13:00", ["etag"] = walk.ETag });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("2027-03-09T13:00:00+01:00", (string)answer["appointment"]!["start"]!);
        Assert.NotEqual(walk.ETag, (string)answer["appointment"]!["etag"]!);
        var after = await SnapshotAsync();
        Assert.Equal([walk.Id], after.Except(before).Select(r => r.Split('|')[1..^1]).Select(p => string.Join('|', p)));
        var stored = (await Appointments.GetAsync(_bot.TenantId, 2027, walk.Id, default))!;
        Assert.Equal((2, (string?)answer["appointment"]!["etag"]), (stored.Version, stored.ETag));
    }

    [Fact]
    public async Task Move_WithTheETagOfAnEarlierRead_Is412AndKeepsTheOtherChange()
    {
        var walk = await NextAsync(AppointmentKind.GembaWalk);
        using var first = await PostAsync(Coordinator, walk, "move", new JsonObject { ["date"] = "2027-03-09", ["time"] = "13:00", ["etag"] = walk.ETag });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await PostAsync(Owner, walk, "move", new JsonObject { ["date"] = "2027-03-10", ["time"] = "13:00", ["etag"] = walk.ETag });

        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal(new DateOnly(2027, 3, 9), DateOnly.FromDateTime((await Appointments.GetAsync(_bot.TenantId, 2027, walk.Id, default))!.Plan.Start.DateTime));
    }

    [Theory]
    [InlineData("2026-11-30", "10:00", "date", "inThePast")]
    [InlineData("2027-05-17", "10:00", "date", "publicHoliday")]
    [InlineData("2027-03-06", "10:00", "date", "weekend")]
    [InlineData("2027-07-14", "10:00", "date", "blackout")]
    [InlineData("2027-03-09", "15:00", "time", "outsideWorkingHours")]
    [InlineData("2027-03-11", "09:00", "time", "boardMeeting")]
    [InlineData("2027-13-01", "10:00", "date", "invalidField")]
    [InlineData("2027-03-09", "9", "time", "invalidField")]
    public async Task Move_BadDateOrTime_Is400NamingTheFieldAndChangesNothing(string date, string time, string field, string? code)
    {
        var walk = await NextAsync(AppointmentKind.GembaWalk);
        var before = await SnapshotAsync();

        using var response = await PostAsync(Coordinator, walk, "move", new JsonObject { ["date"] = date, ["time"] = time, ["etag"] = walk.ETag });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotEmpty((string)problem["errors"]![field]![0]!);
        Assert.Equal(code, (string?)problem["code"]);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Move_ReviewNot22To30WeeksFromTheOther_Is400OnTheDateWithTheDaysThatWould()
    {
        var review = await NextAsync(AppointmentKind.SemiAnnualReview);
        var h2 = (await Appointments.GetAsync(_bot.TenantId, 2027, PlannedAppointment.IdFor(AppointmentKind.SemiAnnualReview, "byggesak", 2027, 2), default))!;
        var tooClose = DateOnly.FromDateTime(h2.Plan.Start.DateTime).AddDays(-7 * 21);
        while (tooClose.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday or DayOfWeek.Thursday || tooClose.Month > 6)
        {
            tooClose = tooClose.AddDays(-1);
        }

        using var response = await PostAsync(Coordinator, review, "move", new JsonObject { ["date"] = $"{tooClose:yyyy-MM-dd}", ["time"] = "10:00", ["etag"] = review.ETag }, "en-GB");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("reviewSpacing", (string?)problem["code"]);
        Assert.StartsWith("A unit's reviews are 22–30 weeks apart", (string)problem["errors"]!["date"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Move_WalkAfterItsReview_BySwedishUser_IsStoredWithTheWarningInSwedish()
    {
        var walk = await NextAsync(AppointmentKind.GembaWalk);
        var review = (await Appointments.GetAsync(_bot.TenantId, 2027, PlannedAppointment.IdFor(AppointmentKind.SemiAnnualReview, "byggesak", 2027, 1), default))!;
        var after = DateOnly.FromDateTime(review.Plan.Start.DateTime).AddDays(1);
        while (after.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday or DayOfWeek.Thursday)
        {
            after = after.AddDays(1);
        }

        using var response = await PostAsync(Owner, walk, "move", new JsonObject { ["date"] = $"{after:yyyy-MM-dd}", ["time"] = "13:00", ["etag"] = walk.ETag }, "sv-SE");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = (string?)Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["warnings"]!.AsArray());
        Assert.StartsWith("Obs: halvårsuppföljning", warning, StringComparison.Ordinal);
        Assert.Contains("besöket ska vara före halvårsuppföljningen", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelAndOwner_Coordinator_CancelsOneAndHandsAnotherToAPersonOfTheOrganisation()
    {
        var review = await NextAsync(AppointmentKind.SemiAnnualReview);
        var walk = await NextAsync(AppointmentKind.GembaWalk);

        using var cancelled = await PostAsync(Coordinator, walk, "cancel", new JsonObject { ["etag"] = walk.ETag });
        using var handed = await PostAsync(Coordinator, review, "owner", new JsonObject { ["ownerId"] = "petter.aas@fjordvik.kommune.no", ["etag"] = review.ETag });
        using var unknown = await PostAsync(Coordinator, review, "owner", new JsonObject { ["ownerId"] = "ukjent@example.com", ["etag"] = review.ETag });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest), (cancelled.StatusCode, handed.StatusCode, unknown.StatusCode));
        Assert.Equal(AppointmentStatus.Cancelled, (await Appointments.GetAsync(_bot.TenantId, 2027, walk.Id, default))!.Status);
        Assert.Equal("petter.aas@fjordvik.kommune.no", (await Appointments.GetAsync(_bot.TenantId, 2027, review.Id, default))!.Plan.OwnerId);
        Assert.NotEmpty((string)JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["errors"]!["ownerId"]![0]!);
        using var again = await PostAsync(Coordinator, walk, "cancel", new JsonObject { ["etag"] = (await Appointments.GetAsync(_bot.TenantId, 2027, walk.Id, default))!.ETag });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [InlineData(UnitLeader, "move", HttpStatusCode.Forbidden)]
    [InlineData(UnitLeader, "cancel", HttpStatusCode.Forbidden)]
    [InlineData(UnitLeader, "owner", HttpStatusCode.Forbidden)]
    [InlineData(OtherAreaLeader, "move", HttpStatusCode.NotFound)]
    [InlineData(OtherAreaLeader, "cancel", HttpStatusCode.NotFound)]
    [InlineData("radmann@fjordvik.kommune.no", "move", HttpStatusCode.Forbidden)]
    [InlineData("radmann@fjordvik.kommune.no", "owner", HttpStatusCode.Forbidden)]
    public async Task Change_SomeoneWhoMayNot_IsRefusedAndNothingChanges(string email, string change, HttpStatusCode expected)
    {
        var walk = await NextAsync(AppointmentKind.GembaWalk);
        var before = await SnapshotAsync();

        using var response = await PostAsync(email, walk, change, new JsonObject
        {
            ["date"] = "2027-03-09", ["time"] = "13:00", ["ownerId"] = "petter.aas@fjordvik.kommune.no", ["etag"] = walk.ETag,
        });

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Change_WithAnotherTenantsAppointmentAndETag_TouchesNeitherTenant()
    {
        // Ids are the same in every tenant (kind|unit|year|half); only the caller's own tenant is ever looked in.
        await using var other = await BotHost.StartAsync(Settings(), time: _clock, environment: DevelopmentSignIn.Environment);
        await other.SayAsync(other.Activities.PersonalMessage(other.Coordinator, "gemba plan 2027"));
        var theirStore = other.App.Services.GetRequiredService<AppointmentStore>();
        var theirs = (await theirStore.ListYearAsync(other.TenantId, 2027, default)).First(a => a.Plan.UnitId == "byggesak");
        var before = await SnapshotAsync();

        using var response = await PostAsync(Coordinator, theirs, "cancel", new JsonObject { ["etag"] = theirs.ETag });

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(theirs.ETag, (await theirStore.GetAsync(other.TenantId, 2027, theirs.Id, default))!.ETag);
        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task<Appointment> NextAsync(AppointmentKind kind) =>
        (await Appointments.ListYearAsync(_bot.TenantId, 2027, default)).Where(a => a.Plan.UnitId == "byggesak" && a.Plan.Kind == kind).MinBy(a => a.Plan.Start)!;

    private async Task<List<string>> SnapshotAsync() =>
        [.. (await Appointments.ListYearAsync(_bot.TenantId, 2027, default)).Select(a => $"{a.Year}|{a.Id}|{a.ETag}").Order(StringComparer.Ordinal)];

    private async Task<JsonNode> WheelAsync(string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tab/yearwheel?year=2027");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(email));
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<HttpResponseMessage> PostAsync(string email, Appointment appointment, string change, JsonObject body, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tab/yearwheel/{appointment.Year}/appointments/{Uri.EscapeDataString(appointment.Id)}/{change}")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(email));
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return await _http.SendAsync(request);
    }

    /// <summary>
    /// A development token as the dev sign-in issues it, but valid by the real clock: the bearer handler checks
    /// lifetimes against it, while the service runs on the fake one.
    /// </summary>
    private async Task<string> SignInAsync(string email)
    {
        var person = (await _bot.App.Store.GetPersonAsync(_bot.TenantId, email, default))!;
        return TabAuthModule.IssueDevToken(_bot.App.Services.GetRequiredService<DevSigningKey>(), _bot.TenantId, person.Id, person.Name, DateTimeOffset.UtcNow);
    }
}
