using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Improvements;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.IntegrationTests.Improvements;

/// <summary>
/// An archived unit's deviations and benefits are history, as its board is: every tab endpoint that would change them
/// answers 409 with the code the tab words ("unitArchived") and changes no row, until the coordinator restores the
/// unit; reading them stays allowed. It is Friday 20 November 2026; Randi Lie leads Byggesak.
/// </summary>
public sealed class ArchivedUnitTabTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 11, 1, 0, TimeSpan.Zero);

    private BoardHost _host = null!;
    private int _day;

    public async Task InitializeAsync() => _host = await BoardHost.StartAsync(Friday);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> Writes() =>
    [
        "POST benefits",
        "PUT benefits/stages",
        "PUT benefits",
        "DELETE benefits",
        "POST deviations/close",
        "POST deviations/followup",
    ];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task TabWrite_UnitArchived_Is409UnitArchivedAndChangesNothingUntilRestored(string write)
    {
        var send = await RequestAsync(write);
        await SetArchivedAsync(true);
        var before = await RowsAsync();

        var (status, body) = await send();

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("unitArchived", (string?)body!["code"]);
        Assert.Equal(before, await RowsAsync());
        var (read, unit) = await _host.TabAsync(HttpMethod.Get, "/api/tab/units/byggesak", Leader);
        Assert.Equal(HttpStatusCode.OK, read);
        Assert.NotEmpty(unit!["benefits"]!.AsArray().Concat(unit["deviations"]!.AsArray()));
        Assert.Equal((false, false, false), ((bool)unit["canWorkOnBoard"]!, (bool)unit["canManageFollowUps"]!, (bool)unit["canCorrectBenefits"]!));

        await SetArchivedAsync(false);
        var (restored, _) = await send();

        Assert.True(restored is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent, $"{write} after the restore: {restored}");
        Assert.NotEqual(before, await RowsAsync());
    }

    private string Leader => _host.Token("leder.byggesak@fjordvik.kommune.no", "Randi Lie");

    /// <summary>The write, set up on a record of its own (a benefit, an open deviation), to send as often as asked.</summary>
    private async Task<Func<Task<(HttpStatusCode Status, JsonNode? Body)>>> RequestAsync(string write)
    {
        const string Unit = "/api/tab/units/byggesak";
        switch (write)
        {
            case "POST benefits":
                await StoredBenefitAsync();
                return () => SendAsync(HttpMethod.Post, $"{Unit}/benefits", new JsonObject { ["title"] = "Felles postmottak", ["kind"] = "timeSaved", ["measure"] = "hours", ["identified"] = 40 });
            case "PUT benefits/stages":
            {
                var benefit = await StoredBenefitAsync();
                return () => SendAsync(HttpMethod.Put, $"{Unit}/benefits/{Uri.EscapeDataString(benefit.Id)}/stages/reinvested", new JsonObject { ["text"] = "Mer tid til brukerne", ["etag"] = benefit.ETag });
            }

            case "PUT benefits":
            {
                var benefit = await StoredBenefitAsync();
                return () => SendAsync(HttpMethod.Put, $"{Unit}/benefits/{Uri.EscapeDataString(benefit.Id)}", new JsonObject { ["kind"] = "timeSaved", ["measure"] = "hours", ["amount"] = 7.5, ["etag"] = benefit.ETag });
            }

            case "DELETE benefits":
            {
                var benefit = await StoredBenefitAsync();
                return () => SendAsync(HttpMethod.Delete, $"{Unit}/benefits/{Uri.EscapeDataString(benefit.Id)}", null, benefit.ETag);
            }

            case "POST deviations/close":
            {
                var deviation = await OpenDeviationAsync();
                return () => SendAsync(HttpMethod.Post, $"{Unit}/deviations/{Uri.EscapeDataString(deviation.Id)}/close", new JsonObject { ["etag"] = deviation.ETag });
            }

            default:
            {
                var deviation = await OpenDeviationAsync();
                return () => SendAsync(HttpMethod.Post, $"{Unit}/deviations/{Uri.EscapeDataString(deviation.Id)}/followup",
                    new JsonObject { ["etag"] = deviation.ETag, ["ownerId"] = "leder.byggesak@fjordvik.kommune.no", ["deadline"] = "2026-12-31" });
            }
        }
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonObject? body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Leader);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await _host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.TrimStart().StartsWith('{') ? JsonNode.Parse(text) : null);
    }

    /// <summary>A benefit of 5 hours on Byggesak's board, as a check-in of a day of its own records it.</summary>
    private async Task<Benefit> StoredBenefitAsync()
    {
        var date = new DateOnly(2025, 1, 1).AddDays(++_day);
        var checkIn = new CheckIn("byggesak", date, true, null, 5, 0, 0, 0, [], [new BenefitEntry(BenefitKind.TimeSaved, 5m, BenefitMeasure.Hours, [])], null, null, "Seed", Friday);
        await _host.Records.RecordCheckInAsync(_host.TenantId, "byggesak", date, CheckInRecords.Of(checkIn), default);
        return (await _host.Records.GetBenefitAsync(_host.TenantId, "byggesak", RecordIds.BenefitFromCheckIn(date, 0), default))!;
    }

    /// <summary>An open deviation on Byggesak's board, as a check-in of a day of its own reports it.</summary>
    private async Task<Deviation> OpenDeviationAsync()
    {
        var date = new DateOnly(2025, 1, 1).AddDays(++_day);
        var checkIn = new CheckIn("byggesak", date, true, null, 5, 0, 0, 0, ["Skjemaet mangler felt"], [], null, null, "Seed", Friday);
        await _host.Records.RecordCheckInAsync(_host.TenantId, "byggesak", date, CheckInRecords.Of(checkIn), default);
        return (await _host.DeviationsAsync()).Single(d => d.Text == "Skjemaet mangler felt" && d.Status == DeviationStatus.Open);
    }

    private async Task SetArchivedAsync(bool archived)
    {
        var store = _host.Bot.App.Store;
        var unit = (await store.GetUnitAsync(_host.TenantId, "byggesak", default))!;
        Assert.Equal(WriteOutcome.Written, (await store.SaveUnitAsync(_host.TenantId, unit with { Archived = archived }, default)).Outcome);
    }

    /// <summary>Every row of the tenant in the tables these endpoints write, by table and key, with its ETag.</summary>
    private async Task<Dictionary<string, string>> RowsAsync()
    {
        var tables = _host.Bot.App.Services.GetRequiredService<StorageTables>();
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "Improvements", "CheckIns", "UnitWeeks", "Reviews", "Outbox" })
        {
            await foreach (var row in tables.Get(name).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {_host.TenantId}")))
            {
                rows[$"{name}/{row.RowKey}"] = row.ETag.ToString();
            }
        }

        return rows;
    }
}
