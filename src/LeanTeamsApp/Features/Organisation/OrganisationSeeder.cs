using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Features.Organisation;

/// <summary>Imports the configured seed file at start-up, so the local run has an organisation to show.</summary>
internal sealed partial class OrganisationSeeder(
    IOptions<OrganisationOptions> options,
    OrganisationImporter importer,
    StorageTables tables,
    ILogger<OrganisationSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (file, tenant) = (options.Value.SeedFile, options.Value.SeedTenantId);
        if (string.IsNullOrWhiteSpace(file) || string.IsNullOrWhiteSpace(tenant))
        {
            return;
        }

        if (!tables.Created)
        {
            LogSkipped(logger, file);
            return;
        }

        await using var content = File.OpenRead(file);
        var result = await importer.ImportAsync(tenant, Path.GetFileName(file), content, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The seed organisation {file} could not be imported:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
        }

        LogSeeded(logger, file, tenant, result.Units);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported seed organisation {File} into tenant {TenantId}: {Units} units checked; unchanged rows are not rewritten")]
    private static partial void LogSeeded(ILogger logger, string file, string tenantId, int units);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage not ready; seed organisation {File} not imported")]
    private static partial void LogSkipped(ILogger logger, string file);
}
