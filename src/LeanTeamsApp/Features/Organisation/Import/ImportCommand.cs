namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>
/// `LeanTeamsApp import --tenant &lt;guid&gt; &lt;file&gt;`: how an administrator loads an organisation without
/// exposing an unauthenticated upload endpoint. Exit code 0 on success, 1 when the file was rejected, 2 on bad usage.
/// </summary>
public static class ImportCommand
{
    public static bool IsInvoked(string[] args) => args is ["import", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args is not ["import", "--tenant", var tenant, var file])
        {
            await output.WriteLineAsync("usage: LeanTeamsApp import --tenant <tenant-guid> <organisation.yaml | units.csv>");
            return 2;
        }

        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"{file}: no such file");
            return 2;
        }

        using var reader = File.OpenText(file);
        var importer = services.GetRequiredService<OrganisationImporter>();
        var result = await importer.ImportAsync(tenant, file, reader, CancellationToken.None);
        foreach (var error in result.Errors)
        {
            await output.WriteLineAsync(error.ToString());
        }

        await output.WriteLineAsync(result.Succeeded
            ? $"Imported {file} into tenant {tenant}: {result.ServiceAreas} service areas, {result.People} people, {result.Units} units written or checked."
            : result.Outcome is null
                ? $"Nothing was written: {result.Errors.Count} error(s)."
                : "The import did not finish; run it again (it is safe to repeat).");
        return result.Succeeded ? 0 : 1;
    }
}
