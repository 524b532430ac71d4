namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>
/// `LeanTeamsApp import --tenant &lt;guid&gt; [--dry-run] &lt;file&gt;`: how an administrator loads an organisation without
/// exposing an unauthenticated upload endpoint. Prints what the file changes before writing it (only that, with
/// --dry-run). Exit code 0 on success, 1 when the file was rejected or the import did not go through, 2 on bad usage.
/// </summary>
public static class ImportCommand
{
    public static bool IsInvoked(string[] args) => args is ["import", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var (tenant, file, dryRun) = args switch
        {
            ["import", "--tenant", var t, var f] => (t, f, false),
            ["import", "--tenant", var t, "--dry-run", var f] => (t, f, true),
            ["import", "--dry-run", "--tenant", var t, var f] => (t, f, true),
            _ => (null, null, false),
        };
        if (tenant is null || file is null)
        {
            await output.WriteLineAsync("usage: LeanTeamsApp import --tenant <tenant-guid> [--dry-run] <organisation.yaml | units.csv>");
            return 2;
        }

        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"{file}: no such file");
            return 2;
        }

        var importer = services.GetRequiredService<OrganisationImporter>();
        ImportResult preview;
        await using (var content = File.OpenRead(file))
        {
            preview = await importer.PreviewAsync(tenant, file, content, CancellationToken.None);
        }

        if (preview.Plan is not { } plan)
        {
            await WriteErrorsAsync(output, preview);
            await output.WriteLineAsync($"Nothing was written: {preview.Errors.Count} error(s).");
            return 1;
        }

        foreach (var line in plan.PreviewLines)
        {
            await output.WriteLineAsync(line);
        }

        await output.WriteLineAsync($"Plan for tenant {tenant}: {plan.Summary}.");
        if (dryRun)
        {
            await output.WriteLineAsync("Dry run: nothing was written.");
            return 0;
        }

        var result = await importer.ApplyAsync(plan, CancellationToken.None);
        await WriteErrorsAsync(output, result);
        await output.WriteLineAsync(result.Succeeded
            ? $"Imported {file} into tenant {tenant}: {result.ServiceAreas} service areas, {result.People} people, {result.Units} units written or checked."
            : "The import did not go through; see above.");
        return result.Succeeded ? 0 : 1;
    }

    /// <summary>
    /// In English, whatever the organisation writes in: the command line runs before an organisation may exist (its
    /// first load), for an operator or a nightly job whose log is read by whoever keeps the service, not by its users.
    /// </summary>
    private static async Task WriteErrorsAsync(TextWriter output, ImportResult result)
    {
        foreach (var error in result.Errors)
        {
            await output.WriteLineAsync(error.ToString());
        }
    }
}
