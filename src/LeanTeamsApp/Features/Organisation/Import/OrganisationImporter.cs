namespace LeanTeamsApp.Features.Organisation.Import;

public sealed record ImportResult(IReadOnlyList<ImportError> Errors, WriteOutcome? Outcome, int ServiceAreas, int People, int Units)
{
    public bool Succeeded => Errors.Count == 0 && Outcome == WriteOutcome.Written;

    internal static ImportResult Rejected(IReadOnlyList<ImportError> errors) => new(errors, null, 0, 0, 0);
}

/// <summary>
/// Imports an organisation file (YAML: the whole organisation; CSV: a units sheet). All or nothing at the validation
/// level: a file with any bad row writes nothing and reports every error as file:line: field: reason.
/// </summary>
public sealed class OrganisationImporter(OrganisationStore store)
{
    public async Task<ImportResult> ImportAsync(string tenantId, string fileName, TextReader content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (!Ids.IsTenantId(tenantId))
        {
            return ImportResult.Rejected([new ImportError(fileName, 0, "tenant", $"'{tenantId}' is not a tenant id (a GUID)")]);
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        ImportSource? source = extension switch
        {
            ".yaml" or ".yml" => YamlImportReader.Read(fileName, content),
            ".csv" => CsvImportReader.Read(fileName, content),
            _ => null,
        };
        if (source is null)
        {
            return ImportResult.Rejected([new ImportError(fileName, 0, "(file)", "unsupported file type; use .yaml/.yml (whole organisation) or .csv (units sheet)")]);
        }

        var organisation = await store.GetOrganisationAsync(tenantId, cancellationToken);
        var stored = organisation is null
            ? null
            : new StoredOrganisation(
                organisation,
                await store.ListServiceAreasAsync(tenantId, cancellationToken),
                await store.ListPeopleAsync(tenantId, cancellationToken));
        var (draft, errors) = OrganisationImportValidator.Validate(source, tenantId, stored);
        if (draft is null)
        {
            return ImportResult.Rejected(errors);
        }

        var written = await store.ImportAsync(draft, cancellationToken);
        return written.Outcome == WriteOutcome.Written
            ? new ImportResult([], written.Outcome, draft.ServiceAreas.Count, draft.People.Count, draft.Units.Count)
            : new ImportResult(
                [new ImportError(fileName, 0, "(file)", "the organisation was changed by someone else during the import, which may have stopped part-way; run the import again (it is safe to repeat)")],
                written.Outcome, 0, 0, 0);
    }
}
