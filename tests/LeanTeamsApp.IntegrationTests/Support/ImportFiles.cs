using LeanTeamsApp.Features.Organisation.Import;

namespace LeanTeamsApp.IntegrationTests.Support;

public static class ImportFiles
{
    public const string DemoTenantId = "3f6a8f52-7c1e-4b8e-9d3a-5e2b1c0d9a71";

    /// <summary>The demo organisation that ships in the repo, retargeted at a tenant the test owns.</summary>
    public static string Demo(string tenantId) =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "demo", "organisation.yaml")).Replace(DemoTenantId, tenantId, StringComparison.Ordinal);

    public static string Fixture(string name, string tenantId) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Organisation", "Files", name)).Replace("{tenant}", tenantId, StringComparison.Ordinal);

    public static async Task<ImportResult> ImportAsync(this AppFactory app, string tenantId, string fileName, string content)
    {
        using var bytes = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));
        return await app.ImportAsync(tenantId, fileName, bytes);
    }

    public static Task<ImportResult> ImportAsync(this AppFactory app, string tenantId, string fileName, Stream content) =>
        app.Services.GetRequiredService<OrganisationImporter>().ImportAsync(tenantId, fileName, content, CancellationToken.None);

    public static Task<ImportResult> ImportDemoAsync(this AppFactory app, string tenantId) =>
        app.ImportAsync(tenantId, "organisation.yaml", Demo(tenantId));
}
