namespace LeanTeamsApp.Infrastructure.Graph;

/// <summary>Stands in when directory search has no Graph access (local runs, the Playground, tests): every search answers "not configured".</summary>
internal sealed class UnconfiguredGraphDirectory : IGraphDirectory
{
    private static readonly DirectorySearchResult NotConfigured = DirectorySearchResult.Failure(DirectorySearchStatus.NotConfigured);

    public Task<DirectorySearchResult> SearchPeopleAsync(string tenantId, string query, int top, string? userAssertion, CancellationToken cancellationToken) =>
        Task.FromResult(NotConfigured);
}
