using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation.Import;
using LeanTeamsApp.Infrastructure.Access;
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
        services.AddSingleton<OrganisationStore>();
        services.AddSingleton<ImportJournal>();
        services.AddSingleton<OrganisationImporter>();
        services.AddHostedService<ImportRecoveryScheduler>();
        services.AddHostedService<OrganisationSeeder>();
        services.AddSingleton<UnitInChat>();
        services.AddSingleton<OrganisationCommands>();
        services.AddBotCommand(CommandKind.RegisterUnit, (sp, turn, args, ct) => sp.GetRequiredService<OrganisationCommands>().RegisterUnitAsync(turn, args, ct));
        services.AddBotCommand(CommandKind.UnregisterUnit, (sp, turn, args, ct) => sp.GetRequiredService<OrganisationCommands>().UnregisterUnitAsync(turn, args, ct));
        services.AddSingleton(new BotCardAction(OrganisationCommands.RebindVerb, Permission.BindChannel, (sp, action, ct) => sp.GetRequiredService<OrganisationCommands>().OnRebindAsync(action, ct)));
        services.AddBotCommand(CommandKind.SetCoordinatorChannel, (sp, turn, args, ct) => sp.GetRequiredService<OrganisationCommands>().SetCoordinatorChannelAsync(turn, args, ct));
        services.AddBotCommand(CommandKind.BoardMeeting, (sp, turn, args, ct) => sp.GetRequiredService<OrganisationCommands>().BoardMeetingAsync(turn, args, ct));
        services.AddBotCommand(CommandKind.Units, (sp, turn, args, ct) => sp.GetRequiredService<OrganisationCommands>().UnitsAsync(turn, args, ct));
        services.AddBotCommand(CommandKind.WhoAmI, (sp, turn, args, ct) => sp.GetRequiredService<OrganisationCommands>().WhoAmIAsync(turn, args, ct));
        return services;
    }
}
