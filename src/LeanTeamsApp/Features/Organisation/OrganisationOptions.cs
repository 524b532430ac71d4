namespace LeanTeamsApp.Features.Organisation;

public sealed class OrganisationOptions
{
    public const string Section = "Organisation";

    /// <summary>An organisation file imported at start-up (the run command's demo organisation). Empty: none.</summary>
    public string? SeedFile { get; set; }

    /// <summary>The tenant the seed file is imported into.</summary>
    public string? SeedTenantId { get; set; }

    /// <summary>
    /// How long an import's journal stays its own without a sign of life (it renews it as it writes). After that, by the
    /// storage service's clock, another process may roll the import back as interrupted.
    /// </summary>
    public TimeSpan ImportLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the running service looks for interrupted imports to roll back.</summary>
    public TimeSpan ImportRecoveryInterval { get; set; } = TimeSpan.FromMinutes(1);
}
