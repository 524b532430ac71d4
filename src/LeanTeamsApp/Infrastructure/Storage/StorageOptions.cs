using System.ComponentModel.DataAnnotations;

namespace LeanTeamsApp.Infrastructure.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Azure Storage connection string; locally the Azurite one the run script prints.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>How long a single storage call may take before the request fails with 503 rather than hangs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
