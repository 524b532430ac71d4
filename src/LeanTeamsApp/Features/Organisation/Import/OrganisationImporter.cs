using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Organisation.Import;

public sealed record ImportResult(IReadOnlyList<ImportError> Errors, WriteOutcome? Outcome, int ServiceAreas, int People, int Units)
{
    public bool Succeeded => Errors.Count == 0 && Outcome == WriteOutcome.Written;

    /// <summary>What the file changes; null when it was refused before a plan could be made.</summary>
    public ImportPlan? Plan { get; init; }

    internal static ImportResult Rejected(IReadOnlyList<ImportError> errors) => new(errors, null, 0, 0, 0);
}

/// <summary>
/// Imports an organisation file (YAML: the whole organisation; CSV: a units sheet) in two steps: <see cref="PreviewAsync"/>
/// reads the bytes, checks everything and plans the change against what is stored; <see cref="ApplyAsync"/> writes the
/// plan all or nothing (see <see cref="ImportJournal"/>). A file with any bad row writes nothing and reports every error
/// as file:line: field: reason.
/// </summary>
public sealed partial class OrganisationImporter(OrganisationStore store, ImportJournal journal, OrganisationChangeLog changes, TimeProvider time, ILogger<OrganisationImporter> logger)
{
    public async Task<ImportResult> ImportAsync(string tenantId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var preview = await PreviewAsync(tenantId, fileName, content, cancellationToken);
        return preview.Plan is { } plan ? await ApplyAsync(plan, cancellationToken) : preview;
    }

    /// <summary>Reads and checks the file and plans the import; writes nothing. The result's plan says what would change.</summary>
    public async Task<ImportResult> PreviewAsync(string tenantId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        if (!Ids.IsTenantId(tenantId))
        {
            return ImportResult.Rejected([new ImportError(fileName, 0, "tenant", ImportReasonKind.NotTenantIdArgument, ImportError.Quote(tenantId ?? ""))]);
        }

        var isSheet = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".yaml" or ".yml" => false,
            ".csv" or ".xlsx" => true,
            _ => (bool?)null,
        };
        if (isSheet is null)
        {
            return ImportResult.Rejected([new ImportError(fileName, 0, "(file)", ImportReasonKind.UnsupportedFileType)]);
        }

        var (source, note, unreadable) = await ReadAsync(fileName, content, isSheet.Value, cancellationToken);
        if (source is null)
        {
            return ImportResult.Rejected([unreadable!]);
        }

        if (source.SyntaxErrors.Count > 0)
        {
            return ImportResult.Rejected(source.SyntaxErrors.All);
        }

        // An import that died half-way is rolled back before anything is compared with what it left behind.
        var pending = await journal.RecoverAsync(tenantId, fromApply: false, cancellationToken);
        if (pending.Outcome is ApplyOutcome.Busy or ApplyOutcome.NotRolledBack or ApplyOutcome.TakenOver)
        {
            return ImportResult.Rejected([StorageError(fileName, pending)]);
        }

        var snapshot = await store.ReadSnapshotAsync(tenantId, cancellationToken);
        var (plan, errors) = Plan(source, snapshot, fileName, note, time.GetUtcNow());
        return plan is null
            ? ImportResult.Rejected(errors)
            : new ImportResult([], null, plan.InFile.ServiceAreas, plan.InFile.People, plan.InFile.Units) { Plan = plan };
    }

    /// <summary>The file's text lives only as long as it is read: a 20 MB file is 40 MB of text, and more as records.</summary>
    private static async Task<(ImportSource? Source, string? Note, ImportError? Error)> ReadAsync(string fileName, Stream content, bool isSheet, CancellationToken cancellationToken)
    {
        if (Path.GetExtension(fileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var (bytes, tooLarge) = await ImportText.ReadBytesAsync(content, fileName, cancellationToken);
            return bytes is null ? (null, null, tooLarge) : (XlsxImportReader.Read(fileName, bytes), null, null);
        }

        var (text, unreadable) = await ImportText.ReadAsync(content, fileName, isSheet, cancellationToken);
        return text is null
            ? (null, null, unreadable)
            : (isSheet ? CsvImportReader.Read(fileName, text.Text) : YamlImportReader.Read(fileName, text.Text), text.Note, null);
    }

    /// <summary>
    /// What a change made in a form is planned against: the tenant's organisation as stored, once an import that died
    /// half-way is rolled back; null while another import is being written (the form says to save again shortly).
    /// </summary>
    internal async Task<DirectorySnapshot?> SnapshotAsync(string tenantId, CancellationToken cancellationToken)
    {
        var pending = await journal.RecoverAsync(tenantId, fromApply: false, cancellationToken);
        return pending.Outcome is ApplyOutcome.Busy or ApplyOutcome.NotRolledBack or ApplyOutcome.TakenOver
            ? null
            : await store.ReadSnapshotAsync(tenantId, cancellationToken);
    }

    internal static (ImportPlan? Plan, IReadOnlyList<ImportError> Errors) Plan(ImportSource source, DirectorySnapshot snapshot, string fileName, string? note, DateTimeOffset now)
    {
        var (draft, errors) = OrganisationImportValidator.Validate(source, snapshot.TenantId, snapshot.Stored());
        if (draft is null)
        {
            return (null, errors);
        }

        // Without a Lean coordinator nobody could keep the organisation up to date from Teams, nor give the role back.
        var plan = ImportPlan.Create(draft, snapshot, fileName, note, now);
        return plan.LeavesNoCoordinator ? (null, [new ImportError(fileName, 0, "roles", ImportReasonKind.NoCoordinatorLeft)]) : (plan, []);
    }

    /// <summary>
    /// Writes a plan from <see cref="PreviewAsync"/>. Every write carries the ETag read when the plan was made, so an
    /// organisation changed since is a conflict, and then nothing stays written.
    /// </summary>
    public async Task<ImportResult> ApplyAsync(ImportPlan plan, CancellationToken cancellationToken) =>
        await ApplyAsync(plan, ServerImport, "", cancellationToken);

    /// <summary>
    /// Writes a plan, and records who applied it (<paramref name="by"/>: a person's id, or <see cref="ServerImport"/>)
    /// in the organisation's change history.
    /// </summary>
    public async Task<ImportResult> ApplyAsync(ImportPlan plan, string by, string byName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var applied = await journal.ApplyAsync(plan, cancellationToken);
        if (applied.Outcome == ApplyOutcome.Written)
        {
            try
            {
                // The organisation is written: a request cancelled now must not leave it without its history line.
                await changes.RecordAsync(plan, by, byName, time.GetUtcNow(), CancellationToken.None);
            }
            catch (Exception e) when (e is Azure.RequestFailedException or TimeoutException || StorageFailure.IsOutage(e))
            {
                // The organisation is changed and stays so; only its history line is missing, which the log says.
                LogHistoryNotRecorded(logger, plan.TenantId, plan.Changes.Count, e);
            }
        }

        return applied.Outcome == ApplyOutcome.Written
            ? new ImportResult([], WriteOutcome.Written, plan.InFile.ServiceAreas, plan.InFile.People, plan.InFile.Units) { Plan = plan }
            : new ImportResult([StorageError(plan.FileName, applied)], applied.Outcome == ApplyOutcome.Conflict ? WriteOutcome.Conflict : null, 0, 0, 0) { Plan = plan };
    }

    /// <summary>Who applied an import made on the server (the command line, or the seed file at start).</summary>
    public const string ServerImport = "server";

    [LoggerMessage(Level = LogLevel.Error, Message = "Organisation import in tenant {TenantId} was written, but its {Changes} change lines were not recorded in the history")]
    private static partial void LogHistoryNotRecorded(ILogger logger, string tenantId, int changes, Exception exception);

    private static ImportError StorageError(string fileName, ApplyResult result)
    {
        object kept = result.KeptEdits == 0 ? "" : ImportReason.Of(ImportReasonKind.KeptEdits, result.KeptEdits);
        var reason = result.Outcome switch
        {
            ApplyOutcome.Conflict => ImportReason.Of(ImportReasonKind.ChangedDuringImport, kept),
            ApplyOutcome.RolledBack => ImportReason.Of(ImportReasonKind.StorageFailedRolledBack, result.Detail, kept),
            ApplyOutcome.NotRolledBack => ImportReason.Of(ImportReasonKind.StorageFailedNotRolledBack, result.Detail),
            ApplyOutcome.Busy => ImportReason.Of(ImportReasonKind.ImportBusy, result.Detail),
            _ => ImportReason.Of(ImportReasonKind.ImportTakenOver),
        };
        return new ImportError(fileName, 0, "(storage)", reason);
    }
}
