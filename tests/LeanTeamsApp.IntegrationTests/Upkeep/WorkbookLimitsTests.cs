using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Infrastructure.Auth;
using LeanTeamsApp.Infrastructure.Storage;
using Xunit.Abstractions;

namespace LeanTeamsApp.IntegrationTests.Upkeep;

/// <summary>
/// A units workbook is a zip file, which can claim to be small and be anything but: a sheet that unpacks past the limit
/// (a zip bomb), a file that is no zip at all, a zip of thousands of parts. Each is refused with a `line: field: reason`
/// problem in the caller's language before the workbook is opened, nothing is written, and the process allocates a
/// bounded amount while finding out (the figures are in the test output).
/// </summary>
public sealed class WorkbookLimitsTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Far above what refusing costs (a few MB of buffers), far below what opening the workbook would (gigabytes).
    private const long AllocationBound = 200L * 1024 * 1024;

    private BotHost _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(DevelopmentSignIn.Settings(), environment: DevelopmentSignIn.Environment);
        _http = _bot.App.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
    }

    private string Coordinator =>
        TabAuthModule.IssueDevToken(_bot.App.Services.GetRequiredService<DevSigningKey>(), _bot.TenantId, "lean.koordinator@fjordvik.kommune.no", "Jonas Vik", DateTimeOffset.UtcNow);

    private async Task<byte[]> DownloadSheetAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tab/organisation/file?format=xlsx");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Coordinator);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The preview's one problem as `line: field: reason`, after checking that nothing can be applied.</summary>
    private async Task<string> RefusedAsync(byte[] content, string language, string what)
    {
        var before = await DirectoryAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tab/organisation/file?fileName=units.xlsx") { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Coordinator);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));

        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var peakBefore = Environment.WorkingSet;
        var started = TimeProvider.System.GetTimestamp();
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var spent = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        output.WriteLine($"{what} ({content.Length:N0} bytes, {language}): {spent / 1024.0 / 1024.0:N1} MiB allocated, working set {peakBefore / 1024 / 1024:N0} -> {Environment.WorkingSet / 1024 / 1024:N0} MiB, {elapsed.TotalMilliseconds:N0} ms");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = JsonNode.Parse(text)!;
        Assert.Null(preview["fingerprint"]);
        Assert.Empty(preview["changes"]!.AsArray());
        var problem = Assert.Single(preview["problems"]!.AsArray())!;
        Assert.Equal(before, await DirectoryAsync());
        Assert.InRange(spent, 0, AllocationBound);
        return $"{(int)problem["line"]!}: {(string)problem["field"]!}: {(string)problem["reason"]!}";
    }

    private async Task<string> DirectoryAsync()
    {
        var rows = new List<string>();
        await foreach (var row in _bot.App.Services.GetRequiredService<StorageTables>().Get(OrganisationStore.DirectoryTable)
            .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {_bot.TenantId}")))
        {
            rows.Add($"{row.RowKey}/{row.ETag}");
        }

        return string.Join("\n", rows);
    }

    /// <summary>The workbook as exported, with each part passed through <paramref name="rewrite"/> and <paramref name="extra"/> parts added.</summary>
    private static async Task<byte[]> RepackAsync(byte[] workbook, Func<string, Stream, Stream, Task>? rewrite = null, Func<ZipArchive, Task>? extra = null)
    {
        using var packed = new MemoryStream();
        using (var from = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read))
        using (var to = new ZipArchive(packed, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in from.Entries)
            {
                await using var source = entry.Open();
                await using var target = to.CreateEntry(entry.FullName, CompressionLevel.SmallestSize).Open();
                await (rewrite ?? ((_, s, t) => s.CopyToAsync(t)))(entry.FullName, source, target);
            }

            if (extra is not null)
            {
                await extra(to);
            }
        }

        return packed.ToArray();
    }

    [Fact]
    public async Task ZipBomb_ASheetUnpackingPastTheLimit_IsRefusedUnreadInEachLanguageWithBoundedMemory()
    {
        // The exported workbook, whole and valid, but its sheet's XML carries 300 MiB of blanks after the declaration:
        // legal XML that packs into a few hundred KB.
        var workbook = await DownloadSheetAsync();
        var bomb = await RepackAsync(workbook, async (name, source, target) =>
        {
            if (!name.StartsWith("xl/worksheets/", StringComparison.Ordinal))
            {
                await source.CopyToAsync(target);
                return;
            }

            var xml = await new StreamReader(source).ReadToEndAsync();
            var body = xml.IndexOf("?>", StringComparison.Ordinal) + 2;
            await target.WriteAsync(Encoding.UTF8.GetBytes(xml[..body]));
            var blanks = new byte[1024 * 1024];
            Array.Fill(blanks, (byte)' ');
            for (var i = 0; i < 300; i++)
            {
                await target.WriteAsync(blanks);
            }

            await target.WriteAsync(Encoding.UTF8.GetBytes(xml[body..]));
        });
        Assert.InRange(bomb.Length, 1, 4 * 1024 * 1024);

        Assert.Equal("0: (file): the workbook unpacks to more than 256 MiB, far more than a units sheet; it is not read", await RefusedAsync(bomb, "en-GB", "zip bomb"));
        Assert.Equal("0: (file): arbeidsboken pakkes ut til mer enn 256 MiB, langt mer enn et enhetsark; den blir ikke lest", await RefusedAsync(bomb, "nb-NO", "zip bomb"));
        Assert.Equal("0: (file): arbeidsboka blir pakka ut til meir enn 256 MiB, langt meir enn eit einingsark; ho blir ikkje lesen", await RefusedAsync(bomb, "nn-NO", "zip bomb"));
        Assert.Equal("0: (file): arbetsboken packas upp till mer än 256 MiB, långt mer än ett enhetsblad; den läses inte", await RefusedAsync(bomb, "sv-SE", "zip bomb"));
    }

    [Fact]
    public async Task NotAZip_AFileNamedXlsx_IsRefusedAsNoWorkbookAndWritesNothing()
    {
        var workbook = await DownloadSheetAsync();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

        Assert.Equal("0: (file): fila er ikkje ei Excel-arbeidsbok (.xlsx); lagre ho frå Excel som Excel-arbeidsbok, eller som CSV", await RefusedAsync(pdf, "nn-NO", "a PDF"));
        Assert.Equal("0: (file): filen är inte en Excel-arbetsbok (.xlsx); spara den från Excel som Excel-arbetsbok, eller som CSV", await RefusedAsync(workbook[..(workbook.Length / 2)], "sv-SE", "half a workbook"));
    }

    [Fact]
    public async Task ThousandsOfParts_AWorkbookWithThousandsOfExtraEntries_IsRefusedUnreadAndWritesNothing()
    {
        var workbook = await DownloadSheetAsync();
        var crowded = await RepackAsync(workbook, extra: zip => AddPartsAsync(zip, 5_000));

        Assert.Equal("0: (file): the workbook has more than 1000 parts, far more than a units sheet; it is not read", await RefusedAsync(crowded, "en-GB", "5,000 parts"));

        // As many empty parts as the largest file an import takes holds: the zip's directory alone is read.
        var packed = await RepackAsync(workbook, extra: zip => AddPartsAsync(zip, 300_000));
        Assert.InRange(packed.Length, 16 * 1024 * 1024, ImportLimits.MaxFileBytes);
        Assert.Equal("0: (file): arbetsboken har mer än 1000 delar, långt fler än ett enhetsblad; den läses inte", await RefusedAsync(packed, "sv-SE", "300,000 parts"));
    }

    private static async Task AddPartsAsync(ZipArchive zip, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var part = zip.CreateEntry(i.ToString("x", System.Globalization.CultureInfo.InvariantCulture), CompressionLevel.NoCompression).Open();
        }
    }
}
