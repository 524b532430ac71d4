using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace LeanTeamsApp.Infrastructure.Storage;

/// <summary>One stored row that mentions a person: what kind of record it is, where it is, and what it holds.</summary>
public sealed record PersonalRecord(string Kind, string Table, string Key, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// What a feature does with a person's data in one of its tables. Each feature that stores personal data registers
/// one per table in its own module (<see cref="PersonalDataModule.AddPersonalData"/>), so the privacy feature finds
/// and erases a person's data without reaching into any feature's store.
/// </summary>
public interface IPersonalRecords
{
    string Table { get; }

    Task<IReadOnlyList<PersonalRecord>> FindAsync(DataSubject subject, CancellationToken cancellationToken);

    /// <summary>Erases or anonymises what mentions <paramref name="subject"/>; returns the rows touched. Running it again finds nothing more to do.</summary>
    Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken);
}

/// <summary>A table a feature declares free of personal data, and why: the coverage test holds every table to one or the other.</summary>
public sealed record TableWithoutPersonalData(string Table, string Why);

/// <summary>What erasure does to a row that mentions the person.</summary>
public enum Erasure
{
    /// <summary>
    /// The organisation keeps the record (a check-in, a benefit, a review): its figures stay and the person becomes
    /// <see cref="DataSubject.FormerEmployee"/>. A row whose key itself names the person cannot be rewritten and goes.
    /// </summary>
    Anonymise,

    /// <summary>The row is only about reaching or serving the person (a chat reference, a queued message): it goes.</summary>
    Delete,
}

/// <summary>
/// The person's rows in one table, found by reading the tenant's partition and asking <see cref="DataSubject"/> of
/// every string, and erased in entity-group transactions (one partition, at most 100 actions each), each action
/// conditional on the ETag read: a row someone changed meanwhile fails the batch, and the table is read again.
/// </summary>
public sealed class TablePersonalRecords(StorageTables tables, string table, Func<string, string> kindOfRowKey, Erasure erasure, Func<string, bool>? rowKeys = null) : IPersonalRecords
{
    private const int MaxActions = 100;
    private const int MaxPropertyChars = 32 * 1024;
    private const int Attempts = 5;

    public string Table => table;

    public async Task<IReadOnlyList<PersonalRecord>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var found = new List<PersonalRecord>();
        await foreach (var row in MentioningAsync(subject, cancellationToken))
        {
            found.Add(new PersonalRecord(kindOfRowKey(row.RowKey), table, row.RowKey, Fields(row)));
        }

        return found;
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var touched = 0;
        for (var attempt = 1; ; attempt++)
        {
            var actions = new List<TableTransactionAction>();
            await foreach (var row in MentioningAsync(subject, cancellationToken))
            {
                actions.Add(erasure == Erasure.Delete || subject.Mentions(row.PartitionKey) || subject.Mentions(row.RowKey)
                    ? new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey), row.ETag)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, Anonymised(subject, row), row.ETag));
            }

            if (actions.Count == 0)
            {
                return touched;
            }

            try
            {
                foreach (var batch in actions.Chunk(MaxActions))
                {
                    await tables.Get(table).SubmitTransactionAsync(batch, cancellationToken);
                    touched += batch.Length;
                }

                return touched;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412 && attempt < Attempts)
            {
                // Someone changed or removed a row since it was read: read the table again and erase what is left.
            }
        }
    }

    private async IAsyncEnumerable<TableEntity> MentioningAsync(DataSubject subject, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {subject.TenantId}");
        await foreach (var row in tables.Get(table).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (rowKeys?.Invoke(row.RowKey) == false)
            {
                continue;
            }

            if (subject.Mentions(row.RowKey) || row.Any(p => p.Value is string s && p.Key is not ("odata.etag" or "PartitionKey") && subject.Mentions(s)))
            {
                yield return row;
            }
        }
    }

    private static TableEntity Anonymised(DataSubject subject, TableEntity row)
    {
        var copy = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (name, value) in row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")))
        {
            var rewritten = value is string s ? subject.Anonymise(s) : value;
            if (rewritten is string r && r.Length > MaxPropertyChars)
            {
                // The marker can be longer than a short name; a property at Table Storage's limit cannot take it.
                throw new InvalidOperationException($"Anonymising {row.RowKey}.{name} would pass Table Storage's 32K characters a property.");
            }

            copy[name] = rewritten;
        }

        return copy;
    }

    private static Dictionary<string, string> Fields(TableEntity row) => row
        .Where(p => p.Value is not null && p.Key is not ("PartitionKey" or "odata.etag"))
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .ToDictionary(p => p.Key, p => p.Value switch
        {
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v!.ToString() ?? "",
        }, StringComparer.Ordinal);
}

public static class PersonalDataModule
{
    /// <summary>
    /// Declares that <paramref name="table"/> may hold a person's data: the privacy feature lists it in a person's
    /// export and erases it as <paramref name="erasure"/> says. <paramref name="kindOfRowKey"/> names a row's kind
    /// (check-ins, benefits) for the export.
    /// </summary>
    public static IServiceCollection AddPersonalData(this IServiceCollection services, string table, Func<string, string> kindOfRowKey, Erasure erasure = Erasure.Anonymise) =>
        services.AddSingleton<IPersonalRecords>(sp => new TablePersonalRecords(sp.GetRequiredService<StorageTables>(), table, kindOfRowKey, erasure));

    public static IServiceCollection AddPersonalData(this IServiceCollection services, string table, string kind, Erasure erasure = Erasure.Anonymise) =>
        services.AddPersonalData(table, _ => kind, erasure);

    /// <summary>Declares that <paramref name="table"/> holds no personal data, and why.</summary>
    public static IServiceCollection AddTableWithoutPersonalData(this IServiceCollection services, string table, string why) =>
        services.AddSingleton(new TableWithoutPersonalData(table, why));

    /// <summary>Records a feature deletes once they are older than the organisation keeps them (check-ins and their audit trail).</summary>
    public static IServiceCollection AddRetainedRecords<T>(this IServiceCollection services)
        where T : class, IRetainedRecords =>
        services.AddSingleton<IRetainedRecords, T>();
}

/// <summary>Records kept for a number of years the organisation sets, then deleted by the retention scheduler.</summary>
public interface IRetainedRecords
{
    /// <summary>What they are, for the log and the privacy page.</summary>
    string Name { get; }

    /// <summary>Deletes the tenant's records dated before <paramref name="cutoff"/>; returns how many went. Again, it finds none.</summary>
    Task<int> DeleteBeforeAsync(string tenantId, DateOnly cutoff, CancellationToken cancellationToken);
}

/// <summary>Deletes rows in entity-group transactions: one partition and at most 100 actions each.</summary>
public static class RowDeletion
{
    public static async Task<int> DeleteAsync(TableClient table, IEnumerable<TableEntity> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var deleted = 0;
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var batch in partition.Chunk(100))
            {
                try
                {
                    await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
                    deleted += batch.Length;
                }
                catch (TableTransactionFailedException e) when (e.Status == 404)
                {
                    // Another instance deleted one of them first: delete the rest one by one, each once.
                    foreach (var row in batch)
                    {
                        var response = await DeleteIfThereAsync(table, row, cancellationToken);
                        deleted += response ? 1 : 0;
                    }
                }
            }
        }

        return deleted;
    }

    private static async Task<bool> DeleteIfThereAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        // The client answers a row already gone with its 404 rather than throwing.
        using var response = await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        return response.Status != 404;
    }
}
