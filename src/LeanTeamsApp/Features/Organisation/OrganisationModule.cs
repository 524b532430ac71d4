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
            .Validate(o => o.ImportLease >= TimeSpan.FromSeconds(1) && o.ImportRecoveryInterval >= TimeSpan.FromMilliseconds(100), "Organisation:ImportLease must be at least a second and ImportRecoveryInterval at least 100 ms.")
            .ValidateOnStart();
        services.AddTable(OrganisationStore.DirectoryTable);
        services.AddTable(OrganisationStore.TenantsTable);
        services.AddTable(ImportJournal.JournalTable);
        services.AddTable(OrganisationChangeLog.Table);
        // The person's own row and object-id link are keyed by them and go; units and areas they led keep the marker.
        services.AddPersonalData(OrganisationStore.DirectoryTable, "organisationRoles");
        services.AddTableWithoutPersonalData(OrganisationStore.TenantsTable, "one row per organisation: its tenant id and name");
        services.AddPersonalData(ImportJournal.JournalTable, "importJournal");
        services.AddPersonalData(OrganisationChangeLog.Table, "organisationChanges");
        services.AddSingleton<OrganisationStore>();
        services.AddSingleton<ImportJournal>();
        services.AddSingleton<OrganisationImporter>();
        services.AddSingleton<OrganisationChangeLog>();
        services.AddRetainedRecords<OrganisationChangeRetention>();
        services.AddSingleton<OrganisationExport>();
        services.AddHostedService<ImportRecoveryScheduler>();
        services.AddHostedService<OrganisationSeeder>();
        return services;
    }
}
