using LeanTeamsApp.Infrastructure.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.UnitTests.Graph;

public sealed class GraphModuleTests
{
    [Fact]
    public async Task AddGraph_NoGraphSection_CalendarAnswersNotConfigured()
    {
        using var services = Build([]);

        var calendar = services.GetRequiredService<IGraphCalendar>();
        var created = await calendar.CreateEventAsync(
            new("leder@kommune.no", "Tavlemøte", "", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), "Europe/Oslo", [], "a-1", null),
            CancellationToken.None);
        var cancelled = await calendar.CancelEventAsync("leder@kommune.no", "event", "", CancellationToken.None);

        Assert.Equal(GraphCalendarStatus.NotConfigured, created.Status);
        Assert.Equal(GraphCalendarStatus.NotConfigured, cancelled.Status);
    }

    [Fact]
    public void AddGraph_TenantClientAndSecret_UsesGraph()
    {
        using var services = Build(new()
        {
            ["Graph:TenantId"] = "kommune.onmicrosoft.com",
            ["Graph:ClientId"] = "5b0c3d1e-4f7a-4e57-9a43-0c1b6b1f2a11",
            ["Graph:ClientSecret"] = "secret",
        });

        Assert.IsType<GraphCalendar>(services.GetRequiredService<IGraphCalendar>());
    }

    [Theory]
    [InlineData("kommune.onmicrosoft.com", "", "")]
    [InlineData("kommune.onmicrosoft.com", "not-a-guid", "secret")]
    public void AddGraph_HalfFilledOrInvalidSection_FailsValidation(string tenant, string client, string secret)
    {
        using var services = Build(new() { ["Graph:TenantId"] = tenant, ["Graph:ClientId"] = client, ["Graph:ClientSecret"] = secret });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GraphOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddGraph(configuration).BuildServiceProvider();
    }
}
