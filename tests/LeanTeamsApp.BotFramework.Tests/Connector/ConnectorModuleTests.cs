using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.BotFramework.Tests.Connector.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.BotFramework.Tests.Connector;

public class ConnectorModuleTests
{
    private const string AppId = "9a3c2f1e-0b7d-4c55-8e21-5f4a6b7c8d90";
    private const string TenantId = "3f2a1b0c-9d8e-4f70-a6b5-c4d3e2f1a0b9";

    [Fact]
    public async Task AddBotConnector_NoAppId_SendsNoToken()
    {
        var handler = new FakeConnectorHandler(new FakeTimeProvider(ConnectorRig.Start));
        var services = new ServiceCollection().AddLogging().AddBotConnector(_ => { });
        services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var header = await provider.GetRequiredService<IConnectorTokenProvider>().GetAuthorizationHeaderAsync(CancellationToken.None);
        await provider.GetRequiredService<ConnectorClient>().SendAsync(
            ConnectorRig.Address(), new Activity { Type = ActivityTypes.Message, Text = "Hei" }, CancellationToken.None);

        Assert.Null(header);
        Assert.Null(Assert.Single(handler.Requests).Authorization);
    }

    [Theory]
    [InlineData(TenantId, $"https://login.microsoftonline.com/{TenantId}")]
    [InlineData(null, "https://login.microsoftonline.com/botframework.com")]
    public async Task AddBotConnector_AppId_UsesMsalWithTheTenantsAuthority(string? tenantId, string authority)
    {
        await using var provider = new ServiceCollection()
            .AddBotConnector(o =>
            {
                o.AppId = AppId;
                o.AppPassword = "not-a-real-secret";
                o.TenantId = tenantId;
            })
            .BuildServiceProvider();

        var tokens = Assert.IsType<MsalConnectorTokenProvider>(provider.GetRequiredService<IConnectorTokenProvider>());

        Assert.Equal(new Uri(authority), tokens.Authority);
    }

    [Fact]
    public async Task AddBotConnector_AppIdWithoutPassword_FailsValidation()
    {
        await using var provider = new ServiceCollection().AddBotConnector(o => o.AppId = AppId).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ConnectorClient>());
    }

    [Fact]
    public async Task AddBotConnector_ZeroPermitLimit_FailsValidation()
    {
        await using var provider = new ServiceCollection()
            .AddBotConnector(o => o.TenantLimits = [new RateLimitWindow(0, TimeSpan.FromSeconds(1))])
            .BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ConnectorClient>());
    }

    [Fact]
    public async Task AddBotConnector_ConfigurationSection_BindsAndAddsToTrustedHosts()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bot:AppId"] = AppId,
                ["Bot:AppPassword"] = "not-a-real-secret",
                ["Bot:TenantId"] = TenantId,
                ["Bot:MaxRetries"] = "2",
                ["Bot:TrustedServiceUrlHosts:0"] = "127.0.0.1",
            })
            .Build();
        await using var provider = new ServiceCollection().AddBotConnector(configuration.GetSection("Bot")).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ConnectorOptions>>().Value;

        Assert.Equal((AppId, TenantId, 2), (options.AppId, options.TenantId, options.MaxRetries));
        Assert.Contains("127.0.0.1", options.TrustedServiceUrlHosts);
        Assert.Contains("smba.trafficmanager.net", options.TrustedServiceUrlHosts);
    }
}
