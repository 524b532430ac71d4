using LeanTeamsApp.BotFramework.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.BotFramework.Tests.Authentication;

public class BotAuthenticationModuleTests
{
    [Fact]
    public async Task AddBotAuthentication_DevelopmentWithoutAppId_ResolvesWorkingValidator()
    {
        await using var provider = new ServiceCollection()
            .AddBotAuthentication(o => o.AllowUnauthenticatedWhenNoAppId = true)
            .BuildServiceProvider();

        var result = await provider.GetRequiredService<BotTokenValidator>()
            .ValidateAsync(null, "https://smba.trafficmanager.net/emea/", "msteams", CancellationToken.None);

        Assert.True(result.IsAnonymous);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task AddBotAuthentication_TimeProviderAlreadyRegistered_KeepsIt()
    {
        var fake = new FakeTimeProvider();
        await using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(fake)
            .AddBotAuthentication(o => o.AppId = "9a3c2f1e-0b7d-4c55-8e21-5f4a6b7c8d90")
            .BuildServiceProvider();

        Assert.Same(fake, provider.GetRequiredService<TimeProvider>());
    }

    [Theory]
    [InlineData("kommune.onmicrosoft.com", null)]
    [InlineData(null, "http://login.botframework.com/v1/.well-known/openidconfiguration")]
    public async Task AddBotAuthentication_InvalidOptions_FailValidation(string? tenantId, string? metadataUrl)
    {
        await using var provider = new ServiceCollection()
            .AddBotAuthentication(o =>
            {
                o.AppId = "9a3c2f1e-0b7d-4c55-8e21-5f4a6b7c8d90";
                o.TenantId = tenantId;
                o.OpenIdMetadataUrl = metadataUrl ?? o.OpenIdMetadataUrl;
            })
            .BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<BotTokenValidator>());
    }
}
