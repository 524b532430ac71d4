using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Privacy;

/// <summary>Everything stored about one person, by kind of record (GDPR articles 15 and 20).</summary>
public sealed record PersonalDataExport(string PersonId, string? Name, DateTimeOffset GeneratedAt, IReadOnlyList<PersonalRecord> Records)
{
    public IEnumerable<IGrouping<string, PersonalRecord>> ByKind => Records.GroupBy(r => r.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
}

/// <summary>
/// A person's requests about their data, answered over what every feature declared it stores
/// (<see cref="IPersonalRecords"/>): list and export it, or erase it (GDPR article 17). An erasure first writes who
/// it is about, so that a run that dies half-way is finished by the next request or the retention scheduler's tick;
/// every step finds only what is still left, so running it again does no harm.
/// </summary>
public sealed partial class DataSubjectRequests(
    IEnumerable<IPersonalRecords> sources,
    OrganisationStore organisation,
    PrivacyStore store,
    TimeProvider time,
    ILogger<DataSubjectRequests> logger)
{
    public async Task<PersonalDataExport> ExportAsync(string tenantId, string personId, CancellationToken cancellationToken)
    {
        var (subject, _) = await SubjectAsync(tenantId, personId, cancellationToken);
        var records = new List<PersonalRecord>();
        foreach (var source in sources)
        {
            records.AddRange(await source.FindAsync(subject, cancellationToken));
        }

        return new PersonalDataExport(subject.PersonId, subject.Name, time.GetUtcNow(), records);
    }

    public async Task<ErasureLogEntry> EraseAsync(string tenantId, string personId, string requestedBy, CancellationToken cancellationToken)
    {
        var id = Person.NormaliseId(personId);
        var pending = await store.FindPendingAsync(tenantId, id, cancellationToken);
        if (pending is null)
        {
            var (subject, _) = await SubjectAsync(tenantId, id, cancellationToken);
            var started = new PendingErasure(Guid.NewGuid().ToString("N"), subject.PersonId, subject.Name, subject.AadObjectId, requestedBy, time.GetUtcNow());
            pending = await store.StartAsync(tenantId, started, cancellationToken)
                ? started
                : await store.FindPendingAsync(tenantId, id, cancellationToken) ?? started;
        }

        return await FinishAsync(tenantId, pending, cancellationToken);
    }

    /// <summary>Whether the person holds the coordinator role and nobody else in the organisation does.</summary>
    public async Task<bool> IsLastCoordinatorAsync(string tenantId, string personId, CancellationToken cancellationToken)
    {
        var id = Person.NormaliseId(personId);
        var coordinators = (await organisation.ListPeopleAsync(tenantId, cancellationToken))
            .Where(p => !p.Removed && p.Roles.HasFlag(OrganisationRoles.Coordinator))
            .Select(p => p.Id)
            .ToList();
        return coordinators is [var only] && string.Equals(only, id, StringComparison.Ordinal);
    }

    /// <summary>Finishes the tenant's erasures that a run left half-way; returns how many.</summary>
    public async Task<int> ResumeAsync(string tenantId, CancellationToken cancellationToken)
    {
        var pending = await store.ListPendingAsync(tenantId, cancellationToken);
        foreach (var erasure in pending)
        {
            await FinishAsync(tenantId, erasure, cancellationToken);
        }

        return pending.Count;
    }

    private async Task<ErasureLogEntry> FinishAsync(string tenantId, PendingErasure pending, CancellationToken cancellationToken)
    {
        var subject = new DataSubject(tenantId, pending.PersonId, pending.Name, pending.AadObjectId, Person.Pseudonym(pending.PersonId));
        var touched = 0;

        // The directory last: while an erasure runs, the person still resolves, and nothing else needs them after.
        foreach (var source in sources.OrderBy(s => s.Table == OrganisationStore.DirectoryTable))
        {
            touched += await source.EraseAsync(subject, cancellationToken);
        }

        var entry = await store.FinishAsync(tenantId, pending, touched, time.GetUtcNow(), cancellationToken);
        LogErased(logger, entry.Id, touched);
        return entry;
    }

    /// <summary>The person as the directory knows them, or only by id when it does not (any more); and whether it does.</summary>
    private async Task<(DataSubject Subject, bool Known)> SubjectAsync(string tenantId, string personId, CancellationToken cancellationToken)
    {
        var id = Person.NormaliseId(personId);
        if (await store.FindPendingAsync(tenantId, id, cancellationToken) is { } pending)
        {
            return (new DataSubject(tenantId, id, pending.Name, pending.AadObjectId, Person.Pseudonym(id)), false);
        }

        var person = await organisation.GetPersonAsync(tenantId, id, cancellationToken);
        return (new DataSubject(tenantId, id, person?.Name, person?.AadObjectId, Person.Pseudonym(id)), person is not null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure {ErasureId} finished: {RowsTouched} rows erased or anonymised")]
    private static partial void LogErased(ILogger logger, string erasureId, int rowsTouched);
}
