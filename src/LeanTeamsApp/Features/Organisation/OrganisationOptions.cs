namespace LeanTeamsApp.Features.Organisation;

public sealed class OrganisationOptions
{
    public const string Section = "Organisation";

    /// <summary>An organisation file imported at start-up (the run command's demo organisation). Empty: none.</summary>
    public string? SeedFile { get; set; }

    /// <summary>The tenant the seed file is imported into.</summary>
    public string? SeedTenantId { get; set; }
}
