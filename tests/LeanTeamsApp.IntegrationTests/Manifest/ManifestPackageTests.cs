using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace LeanTeamsApp.IntegrationTests.Manifest;

/// <summary>
/// The Teams app package through its two commands: manifest/package.mjs builds it, manifest/validate.mjs checks it
/// offline. Needs node on PATH and the repository's node_modules (npm ci).
/// </summary>
public sealed class ManifestPackageTests : IDisposable
{
    private const string TeamsAppId = "0b8f7c7e-5d1a-4c36-9a55-3f1f6a2d9e10";
    private const string BotAppId = "6c2e1f4a-8b3d-4e7f-a1c9-d05b7e3f2a64";
    private const string Domain = "lean.fjordvik.example";
    private const string Version = "2.3.4";

    private static readonly string[] PackageFiles = ["color.png", "manifest.json", "nb.json", "nn.json", "outline.png", "sv.json"];

    private readonly string _dir = Directory.CreateTempSubdirectory("leanteamsapp-manifest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task PackageThenValidate_TestIds_BothExitZeroWithOkSummary()
    {
        var package = await PackageAsync();

        var validation = await RunNodeAsync("manifest/validate.mjs", package);

        Assert.True(validation.ExitCode == 0, validation.Output);
        Assert.StartsWith("validate: OK", validation.Output, StringComparison.Ordinal);
        Assert.Contains("24 bot commands in 2 lists", validation.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_TestIds_ZipHoldsSixRootFilesWithIdsDomainAndVersionFilled()
    {
        var package = await PackageAsync();

        using var zip = ZipFile.OpenRead(package);
        Assert.Equal(PackageFiles, zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var texts = zip.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.Ordinal)).ToDictionary(e => e.Name, Read);
        Assert.All(texts, text => Assert.DoesNotContain("{{", text.Value, StringComparison.Ordinal));

        var manifest = JsonNode.Parse(texts["manifest.json"])!;
        Assert.Equal("1.30", (string?)manifest["manifestVersion"]);
        Assert.Equal(TeamsAppId, (string?)manifest["id"]);
        Assert.Equal(Version, (string?)manifest["version"]);
        Assert.Equal(BotAppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(Domain, (string?)manifest["validDomains"]![0]);
        Assert.Equal($"https://{Domain}/privacy", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.Equal($"https://{Domain}/terms", (string?)manifest["developer"]!["termsOfUseUrl"]);
        Assert.Equal("tavlemøte", (string?)JsonNode.Parse(texts["nb.json"])!["bots[0].commandLists[1].commands[3].title"]);
        Assert.Equal("tavelmöte", (string?)JsonNode.Parse(texts["sv.json"])!["bots[0].commandLists[1].commands[3].title"]);
        Assert.Equal("vekeoppsummering", (string?)JsonNode.Parse(texts["nn.json"])!["bots[0].commandLists[1].commands[9].title"]);
    }

    // The channel tab's configuration page is a hash route of the tab (src/Tab), and the SSO resource is the Application
    // ID URI the service validates as AzureAd:Audience (infra/main.bicep sets api://<host>/<bot app id>).
    [Fact]
    public async Task Package_TestIds_ChannelTabConfiguresOnTheDomainAndSsoResourceIsDomainAndBotId()
    {
        var package = await PackageAsync();

        using var zip = ZipFile.OpenRead(package);
        var manifest = JsonNode.Parse(Read(zip.GetEntry("manifest.json")!))!;
        var tab = Assert.Single(manifest["configurableTabs"]!.AsArray())!;
        Assert.Equal($"https://{Domain}/tab/#/config", (string?)tab["configurationUrl"]);
        Assert.True((bool)tab["canUpdateConfiguration"]!);
        Assert.Equal(["team", "groupChat"], tab["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Contains("channelTab", tab["context"]!.AsArray().Select(c => (string?)c));
        Assert.DoesNotContain("personalTab", tab["context"]!.AsArray().Select(c => (string?)c));
        var overview = Assert.Single(manifest["staticTabs"]!.AsArray())!;
        Assert.Equal(($"https://{Domain}/tab/#/overview", "personal"), ((string?)overview["contentUrl"], (string?)Assert.Single(overview["scopes"]!.AsArray())));
        Assert.Equal(BotAppId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal($"api://{Domain}/{BotAppId}", (string?)manifest["webApplicationInfo"]!["resource"]);
    }

    [Fact]
    public async Task Validate_ConfigurationUrlOnAnotherHost_ExitsOneNamingTheField()
    {
        var package = await RepackAsync(files => EditManifest(files, manifest =>
            manifest["configurableTabs"]![0]!["configurationUrl"] = "https://elsewhere.example/tab/#/config"));

        var validation = await RunNodeAsync("manifest/validate.mjs", package);

        Assert.True(validation.ExitCode == 1, validation.Output);
        Assert.Contains("configurableTabs[0].configurationUrl \"https://elsewhere.example/tab/#/config\" is not on a host in validDomains", validation.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("x{1}")]
    public async Task Validate_SsoResourceOfAnotherApp_ExitsOneNamingBothIds(string path)
    {
        var resource = $"api://{Domain}/{string.Format(System.Globalization.CultureInfo.InvariantCulture, path, TeamsAppId, BotAppId)}";
        var package = await RepackAsync(files => EditManifest(files, manifest =>
            manifest["webApplicationInfo"]!["resource"] = resource));

        var validation = await RunNodeAsync("manifest/validate.mjs", package);

        Assert.True(validation.ExitCode == 1, validation.Output);
        Assert.Contains($"webApplicationInfo.resource \"{resource}\" is not api://{Domain}/{BotAppId} (webApplicationInfo.id)", validation.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_CommandListWith13Commands_ExitsOneNamingTheList()
    {
        var package = await RepackAsync(files => EditManifest(files, manifest =>
        {
            var commands = manifest["bots"]![0]!["commandLists"]![1]!["commands"]!.AsArray();
            for (var i = commands.Count; i < 13; i++)
            {
                commands.Add(new JsonObject { ["title"] = $"extra {i}", ["description"] = "One too many" });
            }
        }));

        var validation = await RunNodeAsync("manifest/validate.mjs", package);

        Assert.True(validation.ExitCode == 1, validation.Output);
        Assert.Contains("bots[0].commandLists[1] has 13 commands; Teams allows at most 12", validation.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ShortNameOf31Characters_ExitsOneNamingTheField()
    {
        var package = await RepackAsync(files => EditManifest(files, manifest => manifest["name"]!["short"] = new string('L', 31)));

        var validation = await RunNodeAsync("manifest/validate.mjs", package);

        Assert.True(validation.ExitCode == 1, validation.Output);
        Assert.Contains("manifest.json /name/short must NOT have more than 30 characters", validation.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_OutlineIconOf192Pixels_ExitsOneNamingTheSize()
    {
        var package = await RepackAsync(files => files["outline.png"] = files["color.png"]);

        var validation = await RunNodeAsync("manifest/validate.mjs", package);

        Assert.True(validation.ExitCode == 1, validation.Output);
        Assert.Contains("icons.outline \"outline.png\" is 192x192 pixels; Teams wants 32x32", validation.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_OutlineIconUsingAllFivePngFilters_ExitsZero()
    {
        var package = await RepackAsync(files => files["outline.png"] = Outline(greyAt: null));

        var validation = await RunNodeAsync("manifest/validate.mjs", package);

        Assert.True(validation.ExitCode == 0, validation.Output);
    }

    [Fact]
    public async Task Validate_OutlineIconWithOneGreyPixel_ExitsOneNamingThePixel()
    {
        var package = await RepackAsync(files => files["outline.png"] = Outline(greyAt: (5, 7)));

        var validation = await RunNodeAsync("manifest/validate.mjs", package);

        Assert.True(validation.ExitCode == 1, validation.Output);
        Assert.Contains("has 1 pixel neither opaque white nor fully transparent, the first at (5,7): rgba(128,128,128,255)", validation.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_LanguageFileMissingACommandTitle_ExitsOneNamingTheKey()
    {
        var package = await RepackAsync(files =>
        {
            var strings = JsonNode.Parse(files["sv.json"])!.AsObject();
            strings.Remove("bots[0].commandLists[1].commands[11].title");
            files["sv.json"] = Encoding.UTF8.GetBytes(strings.ToJsonString());
        });

        var validation = await RunNodeAsync("manifest/validate.mjs", package);

        Assert.True(validation.ExitCode == 1, validation.Output);
        Assert.Contains("sv.json has 23 command titles; manifest.json has 24 commands", validation.Output, StringComparison.Ordinal);
        Assert.Contains("sv.json lacks \"bots[0].commandLists[1].commands[11].title\" (manifest.json: \"units\")", validation.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_LanguageFileInAFolder_ExitsOneNamingTheEntry()
    {
        var package = await RepackAsync(files =>
        {
            files["lang/nb.json"] = files["nb.json"];
            files.Remove("nb.json");
        });

        var validation = await RunNodeAsync("manifest/validate.mjs", package);

        Assert.True(validation.ExitCode == 1, validation.Output);
        Assert.Contains("\"lang/nb.json\" is inside a folder", validation.Output, StringComparison.Ordinal);
        Assert.Contains("localizationInfo.additionalLanguages[0].file names \"nb.json\", which is not in the zip", validation.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_NonGuidBotId_ExitsTwoNamingTheOptionAndWritesNothing()
    {
        var package = Path.Combine(_dir, "LeanTeamsApp.zip");

        var run = await RunNodeAsync("manifest/package.mjs", "--teams-app-id", TeamsAppId, "--bot-app-id", "lean-bot", "--domain", Domain, "--out", package);

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains("--bot-app-id must be a GUID", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(package));
    }

    [Theory]
    [InlineData("https://lean.fjordvik.example", "without a scheme")]
    [InlineData("lean.fjordvik.example/app", "without a path")]
    public async Task Package_DomainWithSchemeOrPath_ExitsTwoSayingWhatToDrop(string domain, string message)
    {
        var package = Path.Combine(_dir, "LeanTeamsApp.zip");

        var run = await RunNodeAsync("manifest/package.mjs", "--teams-app-id", TeamsAppId, "--bot-app-id", BotAppId, "--domain", domain, "--out", package);

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains($"--domain must be a host name {message}", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(package));
    }

    private async Task<string> PackageAsync()
    {
        var package = Path.Combine(_dir, "LeanTeamsApp.zip");
        var run = await RunNodeAsync(
            "manifest/package.mjs", "--teams-app-id", TeamsAppId, "--bot-app-id", BotAppId, "--domain", Domain, "--version", Version, "--out", package);
        Assert.True(run.ExitCode == 0, run.Output);
        return package;
    }

    // Builds the real package, changes its files in memory and zips them again, so each negative test breaks one thing.
    private async Task<string> RepackAsync(Action<Dictionary<string, byte[]>> change)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var original = ZipFile.OpenRead(await PackageAsync()))
        {
            foreach (var entry in original.Entries)
            {
                using var content = entry.Open();
                using var copy = new MemoryStream();
                await content.CopyToAsync(copy);
                files[entry.FullName] = copy.ToArray();
            }
        }

        change(files);

        var repacked = Path.Combine(_dir, "Repacked.zip");
        using (var zip = ZipFile.Open(repacked, ZipArchiveMode.Create))
        {
            foreach (var (name, bytes) in files)
            {
                using var stream = zip.CreateEntry(name).Open();
                await stream.WriteAsync(bytes);
            }
        }

        return repacked;
    }

    private static void EditManifest(Dictionary<string, byte[]> files, Action<JsonNode> edit)
    {
        var manifest = JsonNode.Parse(files["manifest.json"])!;
        edit(manifest);
        files["manifest.json"] = Encoding.UTF8.GetBytes(manifest.ToJsonString());
    }

    // A 32x32 white frame on transparency. The transparent pixels carry varying colour so that a wrongly undone
    // filter shows up as a visible, non-transparent pixel; row y uses filter y % 5.
    private static byte[] Outline((int X, int Y)? greyAt)
    {
        var rgba = new byte[32 * 32 * 4];
        for (var y = 0; y < 32; y++)
        {
            for (var x = 0; x < 32; x++)
            {
                var white = x < 3 || y < 3 || x > 28 || y > 28 || x == y;
                byte[] pixel = white ? [255, 255, 255, 255] : [(byte)(x * 7), (byte)(y * 5), (byte)(x * y), 0];
                if (greyAt == (x, y))
                {
                    pixel = [128, 128, 128, 255];
                }

                pixel.CopyTo(rgba, ((y * 32) + x) * 4);
            }
        }

        return RgbaPng.Encode(32, 32, rgba, y => (byte)(y % 5));
    }

    private static string Read(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Task<NodeRun> RunNodeAsync(params string[] args) => Node.RunAsync(args, TimeSpan.FromSeconds(60));
}
