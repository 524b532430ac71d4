using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.IntegrationTests.Infra;

/// <summary>
/// infra/ through the Bicep CLI: main.bicep builds and lints without a single diagnostic under infra/bicepconfig.json,
/// the parameters file builds with the secret taken from the environment, and the compiled ARM template keeps the
/// promises the README makes (managed identity, secrets only as Key Vault references, the Teams channel, TLS 1.2).
/// </summary>
public sealed partial class BicepTests(CompiledTemplate compiled) : IClassFixture<CompiledTemplate>, IDisposable
{
    private const string SecretVariable = "LEANTEAMSAPP_BOT_APP_PASSWORD";

    private readonly string _dir = Directory.CreateTempSubdirectory("leanteamsapp-bicep-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Build_MainBicep_ExitsZeroWithoutDiagnostics()
    {
        Assert.True(compiled.Build.ExitCode == 0, compiled.Build.Output);
        Assert.DoesNotMatch(DiagnosticLine(), compiled.Build.Stderr);
        Assert.Equal("", compiled.Build.Stderr.Trim());
    }

    [Fact]
    public async Task Lint_MainBicep_ExitsZeroWithoutDiagnostics()
    {
        var lint = await BicepCli.RunAsync(["lint", "infra/main.bicep"]);

        Assert.True(lint.ExitCode == 0, lint.Output);
        Assert.DoesNotMatch(DiagnosticLine(), lint.Output);
        Assert.Equal("", lint.Output.Trim());
    }

    // Proves the lint check can fail, and that the repository's bicepconfig.json is what makes these two errors.
    [Fact]
    public async Task Lint_UnusedParamAndSecretInOutputUnderRepositoryConfig_ExitsNonZeroNamingBothRules()
    {
        File.Copy(Path.Combine(RepositoryRoot.Find(), "infra", "bicepconfig.json"), Path.Combine(_dir, "bicepconfig.json"));
        var broken = Path.Combine(_dir, "broken.bicep");
        await File.WriteAllTextAsync(broken, """
            param unused string

            @secure()
            param password string

            output leaked string = password
            """);

        var lint = await BicepCli.RunAsync(["lint", broken]);

        Assert.True(lint.ExitCode != 0, lint.Output);
        Assert.Matches(@"broken\.bicep\(1,7\) : Error no-unused-params: Parameter ""unused""", lint.Output);
        Assert.Matches(@"broken\.bicep\(6,\d+\) : Error outputs-should-not-contain-secrets:", lint.Output);
    }

    [Fact]
    public async Task BuildParams_SecretInEnvironment_ExitsZeroWithTheSecretInTheParameters()
    {
        var run = await BicepCli.RunAsync(
            ["build-params", "infra/main.bicepparam", "--stdout"],
            new Dictionary<string, string?> { [SecretVariable] = "not-a-real-secret-7f3a" });

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("", run.Stderr.Trim());
        var parameters = JsonNode.Parse((string)JsonNode.Parse(run.Stdout)!["parametersJson"]!)!["parameters"]!;
        Assert.Equal("not-a-real-secret-7f3a", (string?)parameters["botAppPassword"]!["value"]);
        Assert.Matches(GuidPattern(), (string?)parameters["botAppId"]!["value"]);
        Assert.Matches(GuidPattern(), (string?)parameters["botTenantId"]!["value"]);
    }

    [Fact]
    public async Task BuildParams_SecretNotInEnvironment_ExitsNonZeroNamingTheVariable()
    {
        var run = await BicepCli.RunAsync(
            ["build-params", "infra/main.bicepparam", "--stdout"],
            new Dictionary<string, string?> { [SecretVariable] = null });

        Assert.True(run.ExitCode != 0, run.Output);
        Assert.Contains($"Environment variable \"{SecretVariable}\" does not exist", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void WebApp_Compiled_HasSystemIdentityHttpsOnlyAndHardenedDotnet10Config()
    {
        var site = compiled.Resource("Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;

        Assert.Equal("SystemAssigned", (string?)site["identity"]!["type"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.True((bool)config["alwaysOn"]!);
        Assert.Equal("/healthz", (string?)config["healthCheckPath"]);
    }

    [Fact]
    public void AppSettings_Compiled_SecretsAreKeyVaultReferencesToTheirSecrets()
    {
        var settings = compiled.AppSettings();

        Assert.Equal(KeyVaultReference("storage-connection-string"), (string?)settings["Storage__ConnectionString"]);
        Assert.Equal(KeyVaultReference("bot-app-password"), (string?)settings["Bot__AppPassword"]);
        Assert.Equal(KeyVaultReference("report-link-key"), (string?)settings["Reports__LinkKey"]);
        foreach (var (name, value) in settings)
        {
            var text = value!.ToJsonString();
            Assert.False(text.Contains("listKeys", StringComparison.OrdinalIgnoreCase), $"{name} holds a storage key: {text}");
            Assert.False(text.Contains("parameters('botAppPassword')", StringComparison.Ordinal), $"{name} holds the bot secret: {text}");
        }

        var secrets = compiled.Resources("Microsoft.KeyVault/vaults/secrets").ToDictionary(s => SecretName(s), s => (string?)s["properties"]!["value"]);
        Assert.Equal("[parameters('botAppPassword')]", secrets["bot-app-password"]);
        Assert.Contains("listKeys(resourceId('Microsoft.Storage/storageAccounts'", secrets["storage-connection-string"], StringComparison.Ordinal);
        Assert.Equal("securestring", (string?)compiled.Template["parameters"]!["botAppPassword"]!["type"]);
    }

    // Without a shared key each instance, and each restart, signs report links with a key of its own, and every link
    // posted in Teams before answers 403. The key must be the same on every deployment (no newGuid or utcNow, which
    // change each time), secret (derived from the storage key, which the deployer never sees), long enough for the app
    // (two GUIDs: 72 bytes, the app wants 32), and change only when an admin raises reportLinkKeyVersion.
    [Fact]
    public void ReportLinkKey_Compiled_IsAKeyVaultSecretDerivedTheSameOnEveryDeploymentUntilItsVersionIsRaised()
    {
        var secret = (string?)compiled.Resources("Microsoft.KeyVault/vaults/secrets").Single(s => SecretName(s) == "report-link-key")["properties"]!["value"] ?? "";
        var version = compiled.Template["parameters"]!["reportLinkKeyVersion"]!;

        var storageKey = "listKeys(resourceId('Microsoft.Storage/storageAccounts', variables('storageAccountName')), '2026-06-01').keys[0].value";
        Assert.Equal(
            $"[base64(format('{{0}}{{1}}', guid({storageKey}, 'report-link-key', string(parameters('reportLinkKeyVersion')), '1'), guid({storageKey}, 'report-link-key', string(parameters('reportLinkKeyVersion')), '2')))]",
            secret);
        Assert.DoesNotMatch(@"(?i)newGuid|utcNow|uniqueString", secret);
        Assert.Equal(("int", 1, 1), ((string?)version["type"], (int)version["defaultValue"]!, (int)version["minValue"]!));
        Assert.False(compiled.Template["outputs"]!.ToJsonString().Contains("report-link-key", StringComparison.Ordinal));
    }

    // The app settings must be keys the app binds, or the app starts without them: each X__Y names a property Y of
    // the options class whose Section is X; the AzureAd section is bound by Microsoft.Identity.Web to its own options
    // and to the JWT bearer options of the tab's SSO scheme (Audience).
    [Fact]
    public void AppSettings_Compiled_NestedKeysAreExactlyTheOptionsTheAppReads()
    {
        var settings = compiled.AppSettings();
        var nested = settings.Select(s => s.Key).Where(k => k.Contains("__", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            ["AzureAd__Audience", "AzureAd__ClientId", "AzureAd__Instance", "AzureAd__TenantId", "Bot__AppId", "Bot__AppPassword", "Bot__TenantId", "Reports__LinkKey", "Storage__ConnectionString"],
            nested);
        foreach (var key in nested)
        {
            var (section, property) = (key.Split("__")[0], key.Split("__")[1]);
            if (section == "AzureAd")
            {
                Assert.True(
                    typeof(Microsoft.Identity.Web.MicrosoftIdentityOptions).GetProperty(property) is not null
                    || typeof(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions).GetProperty(property) is not null,
                    $"Microsoft.Identity.Web binds no property {property} for {key}");
                continue;
            }

            var options = typeof(StorageOptions).Assembly.GetTypes().SingleOrDefault(t =>
                t.Name.EndsWith("Options", StringComparison.Ordinal) &&
                t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string == section);
            Assert.True(options is not null, $"No options class with Section \"{section}\" for {key}");
            Assert.True(options.GetProperty(property) is not null, $"{options.Name} has no property {property} for {key}");
        }

        Assert.Equal("[parameters('botAppId')]", (string?)settings["Bot__AppId"]);
        Assert.Equal("[parameters('botTenantId')]", (string?)settings["Bot__TenantId"]);
        Assert.Contains("Microsoft.Insights/components", (string?)settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
    }

    // Teams asks Entra for a token for the manifest's webApplicationInfo.resource; the service accepts only that
    // audience, from the bot's own (single-tenant) app registration, so the two must be built the same way.
    [Fact]
    public void AppSettings_Compiled_TabSsoAcceptsTheBotAppsTokensForTheManifestsApplicationIdUri()
    {
        var settings = compiled.AppSettings();
        var resource = (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "manifest", "manifest.json")))!["webApplicationInfo"]!["resource"];

        Assert.Equal("[environment().authentication.loginEndpoint]", (string?)settings["AzureAd__Instance"]);
        Assert.Equal("[parameters('botTenantId')]", (string?)settings["AzureAd__TenantId"]);
        Assert.Equal("[parameters('botAppId')]", (string?)settings["AzureAd__ClientId"]);
        var audience = FormatPattern().Match((string?)settings["AzureAd__Audience"] ?? "");
        Assert.True(audience.Success, (string?)settings["AzureAd__Audience"]);
        Assert.Equal("api://{{APP_DOMAIN}}/{{BOT_APP_ID}}", resource);
        Assert.Equal(resource!.Replace("{{APP_DOMAIN}}", "{0}", StringComparison.Ordinal).Replace("{{BOT_APP_ID}}", "{1}", StringComparison.Ordinal), audience.Groups["format"].Value);
        Assert.Equal(
            "if(empty(parameters('appDomain')), reference(resourceId('Microsoft.Web/sites', variables('webAppName')), '2025-03-01').defaultHostName, parameters('appDomain')), parameters('botAppId')",
            audience.Groups["args"].Value);
        Assert.Equal(settings["AzureAd__Audience"]!.ToJsonString(), compiled.Template["outputs"]!["tabApplicationIdUri"]!["value"]!.ToJsonString());
    }

    // The Teams administrator's view of the app: Application Insights on a Log Analytics workspace, and the one setting
    // that makes the app export to it (the name the app reads, so a rename on either side fails here).
    [Fact]
    public void ApplicationInsights_Compiled_IsWorkspaceBasedAndItsConnectionStringIsTheSettingTheAppReads()
    {
        var workspace = compiled.Resource("Microsoft.OperationalInsights/workspaces");
        var insights = compiled.Resource("Microsoft.Insights/components");
        var settings = compiled.AppSettings();

        Assert.Equal("web", (string?)insights["kind"]);
        Assert.Equal("web", (string?)insights["properties"]!["Application_Type"]);
        Assert.False((bool)insights["properties"]!["DisableIpMasking"]!);
        Assert.Equal("PerGB2018", (string?)workspace["properties"]!["sku"]!["name"]);
        Assert.Equal(
            $"[resourceId('Microsoft.OperationalInsights/workspaces', {Arguments(workspace)})]",
            (string?)insights["properties"]!["WorkspaceResourceId"]);
        Assert.Equal(
            $"[reference(resourceId('Microsoft.Insights/components', {Arguments(insights)}), '2020-02-02').ConnectionString]",
            (string?)settings[LeanTeamsApp.Infrastructure.Telemetry.TelemetryModule.ApplicationInsightsSetting]);
        Assert.Equal("APPLICATIONINSIGHTS_CONNECTION_STRING", LeanTeamsApp.Infrastructure.Telemetry.TelemetryModule.ApplicationInsightsSetting);
        Assert.False(settings.ContainsKey("ApplicationInsightsAgent_EXTENSION_VERSION"), "App Service's agent would report every request a second time.");
    }

    [Fact]
    public void KeyVault_Compiled_UsesRbacSoftDeleteAndPurgeProtectionAndLetsTheWebAppReadSecrets()
    {
        var vault = compiled.Resource("Microsoft.KeyVault/vaults")["properties"]!;
        var assignment = compiled.Resource("Microsoft.Authorization/roleAssignments");

        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enableSoftDelete"]!);
        Assert.True((bool)vault["enablePurgeProtection"]!);
        Assert.Equal(
            "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('keyVaultSecretsUserRoleId'))]",
            (string?)assignment["properties"]!["roleDefinitionId"]);
        Assert.Equal("4633458b-17de-408a-b874-0445c86b69e6", (string?)compiled.Template["variables"]!["keyVaultSecretsUserRoleId"]);
        Assert.Contains("Microsoft.Web/sites", (string?)assignment["properties"]!["principalId"], StringComparison.Ordinal);
        Assert.Contains("identity.principalId", (string?)assignment["properties"]!["principalId"], StringComparison.Ordinal);
        Assert.Contains("Microsoft.KeyVault/vaults", (string?)assignment["scope"], StringComparison.Ordinal);
    }

    [Fact]
    public void Bot_Compiled_IsSingleTenantAzureBotWithMessagesEndpointAndTeamsChannel()
    {
        var bot = compiled.Resource("Microsoft.BotService/botServices");
        var properties = bot["properties"]!;
        var channel = compiled.Resource("Microsoft.BotService/botServices/channels")["properties"]!;

        Assert.Equal("azurebot", (string?)bot["kind"]);
        Assert.Equal("SingleTenant", (string?)properties["msaAppType"]);
        Assert.Equal("[parameters('botAppId')]", (string?)properties["msaAppId"]);
        Assert.Equal("[parameters('botTenantId')]", (string?)properties["msaAppTenantId"]);
        var endpoint = FormatPattern().Match((string?)properties["endpoint"] ?? "");
        Assert.True(endpoint.Success, (string?)properties["endpoint"]);
        Assert.StartsWith("https://", endpoint.Groups["format"].Value, StringComparison.Ordinal);
        Assert.EndsWith("/api/messages", endpoint.Groups["format"].Value, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Web/sites", endpoint.Groups["args"].Value, StringComparison.Ordinal);
        Assert.Contains("defaultHostName", endpoint.Groups["args"].Value, StringComparison.Ordinal);
        Assert.Equal("MsTeamsChannel", (string?)channel["channelName"]);
        Assert.True((bool)channel["properties"]!["isEnabled"]!);
    }

    [Fact]
    public void Storage_Compiled_IsHttpsOnlyTls12WithoutPublicBlobsAndHasTableAndQueueServices()
    {
        var storage = compiled.Resource("Microsoft.Storage/storageAccounts");
        var properties = storage["properties"]!;

        Assert.Equal("StorageV2", (string?)storage["kind"]);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Single(compiled.Resources("Microsoft.Storage/storageAccounts/tableServices"));
        Assert.Single(compiled.Resources("Microsoft.Storage/storageAccounts/queueServices"));
    }

    [Fact]
    public void Outputs_Compiled_AreTheSixNamesAndHoldNoSecret()
    {
        var outputs = compiled.Template["outputs"]!.AsObject();

        Assert.Equal(["botId", "botResourceName", "keyVaultName", "tabApplicationIdUri", "webAppHostName", "webAppName"], outputs.Select(o => o.Key).Order(StringComparer.Ordinal));
        foreach (var (name, output) in outputs)
        {
            var text = output!.ToJsonString();
            Assert.Equal("string", (string?)output["type"]);
            Assert.False(Regex.IsMatch(text, @"\blist[A-Za-z]*\(", RegexOptions.None), $"{name} calls a list function: {text}");
            Assert.False(text.Contains("botAppPassword", StringComparison.Ordinal), $"{name} holds the bot secret: {text}");
            Assert.False(text.Contains("vaults/secrets", StringComparison.Ordinal), $"{name} reads a secret: {text}");
        }
    }

    /// <summary>A resource's name as the template's resourceId() calls give it: its name expression without the brackets.</summary>
    private static string Arguments(JsonNode resource)
    {
        var name = (string?)resource["name"] ?? "";
        return name.StartsWith('[') && name.EndsWith(']') ? name[1..^1] : $"'{name}'";
    }

    private static string KeyVaultReference(string secret) =>
        $"[format('@Microsoft.KeyVault(SecretUri={{0}})', reference(resourceId('Microsoft.KeyVault/vaults/secrets', variables('keyVaultName'), '{secret}'), '2026-05-15').secretUri)]";

    private static string SecretName(JsonNode secret) =>
        SecretNamePattern().Match((string?)secret["name"] ?? "") is { Success: true } m ? m.Groups["name"].Value : (string?)secret["name"] ?? "";

    [GeneratedRegex(@"\(\d+,\d+\) : (Error|Warning|Info) ")]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"^\[format\('(?<format>[^']*)', (?<args>.*)\)\]$")]
    private static partial Regex FormatPattern();

    [GeneratedRegex(@"'(?<name>[^']+)'\)\]$")]
    private static partial Regex SecretNamePattern();
}

/// <summary>infra/main.bicep compiled once for all the tests that read the ARM template.</summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    private JsonObject? _template;

    public BicepRun Build { get; private set; } = new(-1, "", "");

    /// <summary>The ARM template; a test that reads it fails with bicep's own message when the build failed.</summary>
    public JsonObject Template
    {
        get
        {
            Assert.True(_template is not null, "infra/main.bicep did not build:\n" + Build.Output);
            return _template;
        }
    }

    public async Task InitializeAsync()
    {
        Build = await BicepCli.RunAsync(["build", "infra/main.bicep", "--stdout"]);
        if (Build.ExitCode == 0)
        {
            _template = JsonNode.Parse(Build.Stdout)!.AsObject();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public IEnumerable<JsonObject> Resources(string type) =>
        Template["resources"]!.AsArray().Select(r => r!.AsObject()).Where(r => (string?)r["type"] == type);

    public JsonObject Resource(string type) => Assert.Single(Resources(type));

    public JsonObject AppSettings()
    {
        var config = Assert.Single(Resources("Microsoft.Web/sites/config"), c => ((string?)c["name"])!.Contains("'appsettings'", StringComparison.Ordinal));
        return config["properties"]!.AsObject();
    }
}
