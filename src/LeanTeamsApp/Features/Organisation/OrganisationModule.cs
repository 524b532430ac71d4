using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Organisation;

public static class OrganisationModule
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OrganisationOptions>()
            .Bind(configuration.GetSection(OrganisationOptions.Section))
            .Validate(o => string.IsNullOrEmpty(o.SeedFile) || File.Exists(o.SeedFile), "Organisation:SeedFile does not exist.")
            .Validate(o => string.IsNullOrEmpty(o.SeedFile) || Ids.IsTenantId(o.SeedTenantId), "Organisation:SeedTenantId must be a tenant GUID when a seed file is set.")
            .ValidateOnStart();
        services.AddTable(OrganisationStore.DirectoryTable);
        services.AddTable(OrganisationStore.TenantsTable);
        services.AddSingleton<OrganisationStore>();
        services.AddSingleton<OrganisationImporter>();
        services.AddHostedService<OrganisationSeeder>();
        return services;
    }
}
