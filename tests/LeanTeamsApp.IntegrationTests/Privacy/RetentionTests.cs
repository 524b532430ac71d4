using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Features.Privacy;
using LeanTeamsApp.IntegrationTests.Improvements;
using Microsoft.Extensions.DependencyInjection;

namespace LeanTeamsApp.IntegrationTests.Privacy;

/// <summary>
/// Check-ins and their audit trail are deleted once they are older than the organisation keeps them (five years unless
/// it sets its own), by whichever of two instances gets the tenant's lease, once a day.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private const string CoordinatorEmail = "lean.koordinator@fjordvik.kommune.no";

    // Wednesday 25 November 2026: five years back is 25 November 2021.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Old = ["checkin|byggesak|2021-11-18", "audit|byggesak|2021-11-18|0001", "checkin|barneverntjenesten|2019-03-07"];

    private static readonly string[] Kept = ["checkin|byggesak|2021-11-25", "checkin|byggesak|2026-11-19", "audit|byggesak|2026-11-19|0001"];

    private BoardHost _host = null!;

    public async Task InitializeAsync() => _host = await BoardHost.StartAsync(Now);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Retention_TwoInstancesAtOnce_DeleteRowsOlderThanFiveYearsOnceAndKeepNewerOnes()
    {
        await WriteCheckInRowsAsync([.. Old, .. Kept]);
        var first = ActivatorUtilities.CreateInstance<RetentionScheduler>(_host.Bot.App.Services);
        var second = ActivatorUtilities.CreateInstance<RetentionScheduler>(_host.Bot.App.Services);

        var deleted = await Task.WhenAll(first.RunForTenantAsync(_host.TenantId, default), second.RunForTenantAsync(_host.TenantId, default));

        Assert.Equal(Old.Length, deleted.Sum());
        Assert.Contains(0, deleted);
        Assert.Equal(Kept.Order(StringComparer.Ordinal), await CheckInKeysAsync());
        // Later the same day neither acts again; the next day one does: the new old row, and the meeting that turned five years old.
        await WriteCheckInRowsAsync(["checkin|byggesak|2020-01-02"]);
        Assert.All(await Task.WhenAll(first.RunForTenantAsync(_host.TenantId, default), second.RunForTenantAsync(_host.TenantId, default)), d => Assert.Equal(0, d));
        _host.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await Task.WhenAll(first.RunForTenantAsync(_host.TenantId, default), second.RunForTenantAsync(_host.TenantId, default));
        Assert.Equal((2, 0), (nextDay.Sum(), nextDay.Min()));
        Assert.Equal(Kept.Skip(1).Order(StringComparer.Ordinal), await CheckInKeysAsync());
    }

    [Fact]
    public async Task Retention_OrganisationKeepsTenYears_KeepsRowsFiveToTenYearsOld()
    {
        await WriteCheckInRowsAsync([.. Old, .. Kept]);

        var (status, _) = await _host.TabAsync(HttpMethod.Put, "/api/tab/privacy/retention", _host.Token(CoordinatorEmail, "Jonas Vik"), new JsonObject { ["years"] = 10 });
        var deleted = await ActivatorUtilities.CreateInstance<RetentionScheduler>(_host.Bot.App.Services).RunForTenantAsync(_host.TenantId, default);

        Assert.Equal((HttpStatusCode.OK, 0), (status, deleted));
        Assert.Equal(Old.Concat(Kept).Order(StringComparer.Ordinal), await CheckInKeysAsync());
    }

    [Fact]
    public async Task SetRetention_ByTheCoordinator_IsInTheOrganisationsHistoryWithWhoWhenBeforeAndAfter_OnlyWhenItChanges()
    {
        var token = _host.Token(CoordinatorEmail, "Jonas Vik");
        var before = (await _host.TabAsync(HttpMethod.Get, "/api/tab/organisation/history", token)).Body!.AsArray().Count;

        Assert.Equal(HttpStatusCode.OK, (await _host.TabAsync(HttpMethod.Put, "/api/tab/privacy/retention", token, new JsonObject { ["years"] = 7 })).Status);
        Assert.Equal(HttpStatusCode.OK, (await _host.TabAsync(HttpMethod.Put, "/api/tab/privacy/retention", token, new JsonObject { ["years"] = 7 })).Status);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await _host.TabAsync(HttpMethod.Put, "/api/tab/privacy/retention", token, new JsonObject { ["years"] = 10 })).Status);

        var (status, history) = await _host.TabAsync(HttpMethod.Get, "/api/tab/organisation/history", token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(before + 2, history!.AsArray().Count);
        // The demo's import is dated by the real clock, after this test's; the history's order is by time.
        var entries = history.AsArray().Where(e => e!["changes"]!.AsArray().Any(c => (string?)c!["field"] == "retentionYears")).ToList();
        Assert.Equal(2, entries.Count);
        var (latest, first) = (entries[0]!, entries[1]!);
        Assert.Equal(("Jonas Vik", "(edited in the tab)", Now.AddMinutes(1)), ((string)latest["byName"]!, (string)latest["fileName"]!, (DateTimeOffset)latest["at"]!));
        var change = Assert.Single(latest["changes"]!.AsArray())!;
        Assert.Equal(("changed", "organisation", "retentionYears", "7", "10"), ((string)change["kind"]!, (string)change["subject"]!, (string)change["field"]!, (string)change["before"]!, (string)change["after"]!));
        var set = Assert.Single(first["changes"]!.AsArray())!;
        Assert.Equal(("5", "7"), ((string)set["before"]!, (string)set["after"]!));
    }

    [Fact]
    public async Task SetRetention_Refused_WritesNoHistory()
    {
        var coordinator = _host.Token(CoordinatorEmail, "Jonas Vik");
        var before = (await _host.TabAsync(HttpMethod.Get, "/api/tab/organisation/history", coordinator)).Body!.ToJsonString();

        var (leader, _) = await _host.TabAsync(HttpMethod.Put, "/api/tab/privacy/retention", _host.Token("leder.byggesak@fjordvik.kommune.no", "Randi Lie"), new JsonObject { ["years"] = 1 });
        var (invalid, _) = await _host.TabAsync(HttpMethod.Put, "/api/tab/privacy/retention", coordinator, new JsonObject { ["years"] = 0 });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.BadRequest), (leader, invalid));
        Assert.Equal(before, (await _host.TabAsync(HttpMethod.Get, "/api/tab/organisation/history", coordinator)).Body!.ToJsonString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public async Task SetRetention_OutsideOneToThirtyYears_Is400NamingYears(int years)
    {
        var (status, body) = await _host.TabAsync(HttpMethod.Put, "/api/tab/privacy/retention", _host.Token(CoordinatorEmail, "Jonas Vik"), new JsonObject { ["years"] = years });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["years"]);
    }

    [Fact]
    public async Task SetRetention_AUnitLeader_Is403AndTheSettingStays()
    {
        var (status, _) = await _host.TabAsync(HttpMethod.Put, "/api/tab/privacy/retention", _host.Token("leder.byggesak@fjordvik.kommune.no", "Randi Lie"), new JsonObject { ["years"] = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Null(await _host.Bot.App.Services.GetRequiredService<PrivacyStore>().GetRetentionYearsAsync(_host.TenantId, default));
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.TabAsync(HttpMethod.Get, "/api/tab/privacy/retention", _host.Token("leder.byggesak@fjordvik.kommune.no", "Randi Lie"))).Status);
    }

    [Fact]
    public async Task GetRetention_ByTheCoordinator_IsTheDefaultUntilSetThenTheYearsSet()
    {
        var token = _host.Token(CoordinatorEmail, "Jonas Vik");
        var (status, body) = await _host.TabAsync(HttpMethod.Get, "/api/tab/privacy/retention", token);
        Assert.Equal((HttpStatusCode.OK, 5), (status, (int)body!["years"]!));

        await _host.TabAsync(HttpMethod.Put, "/api/tab/privacy/retention", token, new JsonObject { ["years"] = 7 });

        (status, body) = await _host.TabAsync(HttpMethod.Get, "/api/tab/privacy/retention", token);
        Assert.Equal((HttpStatusCode.OK, 7), (status, (int)body!["years"]!));
    }

    [Fact]
    public async Task Retention_OrganisationChangeHistory_DeletesEntriesOlderThanFiveYearsAndKeepsNewerOnes()
    {
        var table = await DirectoryContent.TableAsync(OrganisationChangeLog.Table);
        var entries = new (string Id, DateTimeOffset At)[] { ("old", Now.AddYears(-6)), ("recent", Now.AddYears(-4)) };
        foreach (var (id, at) in entries)
        {
            // As the log writes an entry: the organisation's row and one per unit it touched, newest first by key.
            var time = (DateTimeOffset.MaxValue.Ticks - at.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var key in new[] { $"all|{time}|{id}", $"unit|byggesak|{time}|{id}" })
            {
                await table.UpsertEntityAsync(new TableEntity(_host.TenantId, key)
                {
                    ["ChangeId"] = id, ["At"] = at, ["By"] = CoordinatorEmail, ["ByName"] = "Jonas Vik", ["FileName"] = $"{id}.yaml", ["Changes"] = "[]", ["LeftOut"] = 0,
                });
            }
        }

        await ActivatorUtilities.CreateInstance<RetentionScheduler>(_host.Bot.App.Services).RunForTenantAsync(_host.TenantId, default);

        var token = _host.Token(CoordinatorEmail, "Jonas Vik");
        foreach (var path in new[] { "/api/tab/organisation/history", "/api/tab/organisation/history?unitId=byggesak" })
        {
            var (status, history) = await _host.TabAsync(HttpMethod.Get, path, token);
            Assert.Equal(HttpStatusCode.OK, status);
            var files = history!.AsArray().Select(e => (string?)e!["fileName"]).ToList();
            Assert.Contains("recent.yaml", files);
            Assert.DoesNotContain("old.yaml", files);
        }
    }

    private async Task WriteCheckInRowsAsync(IEnumerable<string> keys)
    {
        var table = await DirectoryContent.TableAsync(CheckInStore.Table);
        foreach (var key in keys)
        {
            await table.UpsertEntityAsync(new TableEntity(_host.TenantId, key) { ["Data"] = "{}" });
        }
    }

    private async Task<List<string>> CheckInKeysAsync()
    {
        var keys = new List<string>();
        await foreach (var row in (await DirectoryContent.TableAsync(CheckInStore.Table)).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {_host.TenantId}")))
        {
            keys.Add(row.RowKey);
        }

        return [.. keys.Order(StringComparer.Ordinal)];
    }
}
