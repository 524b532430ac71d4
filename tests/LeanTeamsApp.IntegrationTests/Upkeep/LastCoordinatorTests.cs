using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Auth;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeanTeamsApp.IntegrationTests.Upkeep;

/// <summary>
/// The organisation never ends without a Lean coordinator, also when two changes are planned at the same moment: two
/// coordinators who each take the role from the other, or a coordinator's form and an uploaded organisation file.
/// Each would find someone left with the role in what it read; the second to be written is a conflict (412 for a
/// form, 409 for a file) and writes nothing. A file that on its own takes the role from everyone is refused.
/// </summary>
public sealed class LastCoordinatorTests : IAsyncLifetime
{
    private const string Jonas = "lean.koordinator@fjordvik.kommune.no";
    private const string Ingrid = "ingrid.solheim@fjordvik.kommune.no";
    private const string Kari = "tol.helse@fjordvik.kommune.no";

    private readonly AfterSnapshot _seam = new();
    private BotHost _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var settings = DevelopmentSignIn.Settings();
        settings["Outbox:Enabled"] = "false";
        _bot = await BotHost.StartAsync(settings, _seam.Install((await Azurite.InstanceAsync()).ConnectionString), environment: DevelopmentSignIn.Environment);
        _http = _bot.App.CreateClient();

        // Ingrid becomes a Lean coordinator beside Jonas.
        var ingrid = await PersonAsync(Ingrid, Jonas);
        Assert.Equal(HttpStatusCode.OK, (await PutRolesAsync(Jonas, RolesOf(ingrid, coordinator: true))).Status);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
    }

    private string Token(string email) =>
        TabAuthModule.IssueDevToken(_bot.App.Services.GetRequiredService<DevSigningKey>(), _bot.TenantId, email, email, DateTimeOffset.UtcNow);

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpRequestMessage request, string by)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(by));
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PutRolesAsync(string by, JsonObject form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/tab/organisation/roles") { Content = JsonContent.Create(form) };
        return await SendAsync(request, by);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> UploadAsync(string by, string yaml, string? apply = null)
    {
        var path = $"/api/tab/organisation/file?fileName=organisation.yaml{(apply is null ? "" : "&apply=" + apply)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(yaml)) };
        return await SendAsync(request, by);
    }

    private async Task<JsonObject> PersonAsync(string email, string readBy)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tab/organisation/forms");
        var (status, forms) = await SendAsync(request, readBy);
        Assert.Equal(HttpStatusCode.OK, status);
        return forms!["people"]!.AsArray().Single(p => (string?)p!["id"] == email)!.AsObject();
    }

    private static JsonObject RolesOf(JsonObject person, bool coordinator) => new()
    {
        ["person"] = person["id"]!.DeepClone(),
        ["coordinator"] = coordinator,
        ["consultant"] = person["consultant"]!.DeepClone(),
        ["topManagement"] = person["topManagement"]!.DeepClone(),
        ["etag"] = person["etag"]!.DeepClone(),
    };

    private async Task<IReadOnlyList<string>> CoordinatorsAsync()
    {
        var people = await _bot.App.Store.ListPeopleAsync(_bot.TenantId, default);
        return [.. people.Where(p => !p.Removed && p.Roles.HasFlag(OrganisationRoles.Coordinator)).Select(p => p.Id).Order(StringComparer.Ordinal)];
    }

    /// <summary>A person's row as stored, its ETag and roles: what a refused change must leave as it was.</summary>
    private async Task<string> PersonRowAsync(string email)
    {
        var tables = _bot.App.Services.GetRequiredService<StorageTables>();
        var row = await tables.Get(OrganisationStore.DirectoryTable).GetEntityAsync<TableEntity>(_bot.TenantId, $"person|{email}");
        return $"{row.Value.ETag} {row.Value.GetString("Roles")}";
    }

    [Fact]
    public async Task TwoCoordinators_EachRemovingTheOtherAtOnce_OneIsSavedTheOtherIs412AndOneCoordinatorRemains()
    {
        var ingridAsJonasReadHer = await PersonAsync(Ingrid, Jonas);
        var jonasAsIngridReadHim = await PersonAsync(Jonas, Ingrid);
        var ingridBefore = await PersonRowAsync(Ingrid);
        HttpStatusCode? ingridsSave = null;

        // Jonas's save has read the organisation (Ingrid is a coordinator beside him, so he may take her role) when
        // Ingrid's save of the mirror image runs from start to end, and passes the same check.
        _seam.Arm(async () => ingridsSave = (await PutRolesAsync(Ingrid, RolesOf(jonasAsIngridReadHim, coordinator: false))).Status);
        var (jonassSave, problem) = await PutRolesAsync(Jonas, RolesOf(ingridAsJonasReadHer, coordinator: false));

        Assert.True(_seam.Ran);
        Assert.Equal(HttpStatusCode.OK, ingridsSave);
        Assert.Equal(HttpStatusCode.PreconditionFailed, jonassSave);
        Assert.Equal("Changed by someone else", (string?)problem!["title"]);
        Assert.Equal([Ingrid], await CoordinatorsAsync());

        // Jonas's change is not half-written: Ingrid's row is as his form read it. Tried again, it is refused for the
        // reason that now holds: he is no longer a coordinator.
        Assert.Equal(ingridBefore, await PersonRowAsync(Ingrid));
        Assert.Equal(HttpStatusCode.Forbidden, (await PutRolesAsync(Jonas, RolesOf(ingridAsJonasReadHer, coordinator: false))).Status);
        Assert.Equal([Ingrid], await CoordinatorsAsync());
    }

    [Fact]
    public async Task CoordinatorForm_WhileAFileTakesTheRoleFromTheOther_IsA412AndOneCoordinatorRemains()
    {
        var jonasAsIngridReadHim = await PersonAsync(Jonas, Ingrid);

        // The demo file gives Ingrid no coordinator role: uploaded by Jonas while Ingrid's form takes his, each alone
        // would leave one coordinator.
        var file = ImportFiles.Demo(_bot.TenantId);
        var (previewed, preview) = await UploadAsync(Jonas, file);
        Assert.Equal(HttpStatusCode.OK, previewed);
        var fingerprint = (string)preview!["fingerprint"]!;
        HttpStatusCode? applied = null;
        _seam.Arm(async () => applied = (await UploadAsync(Jonas, file, apply: fingerprint)).Status);

        var (ingridsSave, problem) = await PutRolesAsync(Ingrid, RolesOf(jonasAsIngridReadHim, coordinator: false));

        Assert.True(_seam.Ran);
        Assert.Equal(HttpStatusCode.OK, applied);
        Assert.Equal(HttpStatusCode.PreconditionFailed, ingridsSave);
        Assert.Equal("Changed by someone else", (string?)problem!["title"]);
        Assert.Equal([Jonas], await CoordinatorsAsync());
    }

    [Fact]
    public async Task File_TakingTheRoleFromEveryCoordinator_IsRefusedNamingRolesAndWritesNothing()
    {
        var file = ImportFiles.Demo(_bot.TenantId).Replace(
            $"{{ email: {Jonas}, name: Jonas Vik, roles: [coordinator] }}", $"{{ email: {Jonas}, name: Jonas Vik, roles: [] }}", StringComparison.Ordinal);
        Assert.NotEqual(ImportFiles.Demo(_bot.TenantId), file);
        var before = (await PersonRowAsync(Jonas), await PersonRowAsync(Ingrid));

        var (status, preview) = await UploadAsync(Jonas, file);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(preview!["fingerprint"]);
        var problem = Assert.Single(preview["problems"]!.AsArray())!;
        Assert.Equal("roles", (string?)problem["field"]);
        Assert.Contains("uten Lean-koordinator", (string?)problem["reason"], StringComparison.Ordinal);
        Assert.Equal(before, (await PersonRowAsync(Jonas), await PersonRowAsync(Ingrid)));
        Assert.Equal([Ingrid, Jonas], await CoordinatorsAsync());
    }

    [Fact]
    public async Task TwoCoordinators_GivingKariTheRoleAtOnce_OneIsSavedTheOtherIs412AndItsRollbackLeavesKariCoordinator()
    {
        var kariAsJonasReadHer = await PersonAsync(Kari, Jonas);
        var kariAsIngridReadHer = await PersonAsync(Kari, Ingrid);
        HttpStatusCode? ingridsSave = null;

        // The same change twice: Jonas's save has read the organisation when Ingrid's runs from start to end. His then
        // meets a conflict on its first write and wrote nothing, so it has nothing to undo, least of all Ingrid's row.
        _seam.Arm(async () => ingridsSave = (await PutRolesAsync(Ingrid, RolesOf(kariAsIngridReadHer, coordinator: true))).Status);
        var (jonassSave, _) = await PutRolesAsync(Jonas, RolesOf(kariAsJonasReadHer, coordinator: true));

        Assert.True(_seam.Ran);
        Assert.Equal(HttpStatusCode.OK, ingridsSave);
        Assert.Equal(HttpStatusCode.PreconditionFailed, jonassSave);
        Assert.Equal([Ingrid, Jonas, Kari], await CoordinatorsAsync());
    }

    [Fact]
    public async Task GuardRow_HoldsOnlyTheCountAndANonceNewInEverySave_NoAddressAndNoHashOfOne()
    {
        var first = await GuardRowAsync();
        Assert.Equal(HttpStatusCode.OK, (await PutRolesAsync(Jonas, RolesOf(await PersonAsync(Ingrid, Jonas), coordinator: false))).Status);
        Assert.Equal(HttpStatusCode.OK, (await PutRolesAsync(Jonas, RolesOf(await PersonAsync(Ingrid, Jonas), coordinator: true))).Status);
        var second = await GuardRowAsync();

        // The same two coordinators after both saves; what would name them (their addresses, or a hash of them, which
        // with one coordinator is as good as the address) is nowhere in the row.
        Assert.Equal([Ingrid, Jonas], await CoordinatorsAsync());
        string[] names = [Jonas, Ingrid, string.Join("\n", new[] { Ingrid, Jonas }), Person.Pseudonym(Jonas), Person.Pseudonym(Ingrid)];
        foreach (var row in new[] { first, second })
        {
            Assert.Equal(["Coordinators", "Nonce"], row.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order(StringComparer.Ordinal));
            Assert.Equal(2, row.GetInt32("Coordinators"));
            Assert.Matches("^[0-9a-f]{32}$", row.GetString("Nonce"));
            foreach (var value in row.Select(p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""))
            {
                Assert.DoesNotContain("@", value, StringComparison.Ordinal);
                Assert.DoesNotContain(names.SelectMany(n => new[] { n, Sha256(n) }), n => value.Contains(n, StringComparison.Ordinal));
            }
        }

        Assert.NotEqual(first.GetString("Nonce"), second.GetString("Nonce"));
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<TableEntity> GuardRowAsync()
    {
        var tables = _bot.App.Services.GetRequiredService<StorageTables>();
        return (await tables.Get(OrganisationStore.DirectoryTable).GetEntityAsync<TableEntity>(_bot.TenantId, "coordinators")).Value;
    }

    /// <summary>
    /// A seam in the Table client's pipeline: runs a callback once, right after the next read of a whole Directory
    /// partition (what a form or a file is planned against) and before the request that read it goes on.
    /// </summary>
    private sealed class AfterSnapshot : HttpPipelinePolicy
    {
        private Func<Task>? _then;

        public bool Ran { get; private set; }

        public void Arm(Func<Task> then) => _then = then;

        public Action<IServiceCollection> Install(string connectionString) => services =>
        {
            var options = new TableClientOptions();
            options.AddPolicy(this, HttpPipelinePosition.PerCall);
            services.RemoveAll<TableServiceClient>();
            services.AddSingleton(new TableServiceClient(connectionString, options));
        };

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The app calls Table storage asynchronously.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ArgumentNullException.ThrowIfNull(message);
            await ProcessNextAsync(message, pipeline);
            var uri = message.Request.Uri.ToUri();
            var query = Uri.UnescapeDataString(uri.Query);
            if (message.Request.Method == RequestMethod.Get && uri.AbsolutePath.EndsWith("/Directory()", StringComparison.Ordinal)
                && query.Contains("PartitionKey eq", StringComparison.Ordinal) && !query.Contains("RowKey", StringComparison.Ordinal)
                && Interlocked.Exchange(ref _then, null) is { } then)
            {
                await then();
                Ran = true;
            }
        }
    }
}
