using LeanTeamsApp.BotFramework.Connector;

namespace LeanTeamsApp.BotFramework.Tests.Connector.Support;

internal sealed class FakeTokenProvider : IConnectorTokenProvider
{
    private int calls;

    public string? Header { get; set; } = "Bearer connector-token";

    public int Calls => Volatile.Read(ref calls);

    public Task<string?> GetAuthorizationHeaderAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        return Task.FromResult(Header);
    }
}
