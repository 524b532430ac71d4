using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Features.Board;

public enum MoveOutcome
{
    Moved,

    /// <summary>It is at that stage already: a double click or Teams retrying the invoke.</summary>
    AlreadyThere,

    /// <summary>The lifecycle does not allow that move from where the improvement stands now.</summary>
    NotAllowed,

    NotFound,
}

public enum ImprovementChangeOutcome
{
    Changed,

    /// <summary>It is so already (a double click, or a drop where it stood): nothing was written.</summary>
    Unchanged,

    /// <summary>It changed since the caller read it (the ETag they sent is not the stored one): nothing was written.</summary>
    Stale,

    /// <summary>The change does not apply to it as it stands (a move the lifecycle does not allow): nothing was written.</summary>
    NotAllowed,

    NotFound,
}

public enum CloseDeviationOutcome
{
    Closed,

    /// <summary>It was closed already: a double click, or someone closed it first.</summary>
    AlreadyClosed,

    /// <summary>It changed since the caller read it (the ETag they sent is not the stored one): nothing was written.</summary>
    Changed,

    NotFound,
}

public enum BenefitChangeOutcome
{
    Changed,

    /// <summary>It holds these figures already (a double submit): nothing was written.</summary>
    Unchanged,

    /// <summary>It changed since the caller read it (the ETag they sent is not the stored one): nothing was written.</summary>
    Stale,

    NotFound,
}

/// <summary>The records one check-in names, made by the feature that reads check-ins.</summary>
public sealed record MeetingRecords(IReadOnlyList<Improvement> Improvements, IReadOnlyList<Deviation> Deviations, IReadOnlyList<Benefit> Benefits);

/// <summary>
/// Improvements, benefits and deviations in one table partitioned by tenant. Row keys lead with the kind and the unit
/// (`imp|unit|id`, `ben|unit|id`, `dev|unit|id`), so a unit's improvements are one range scan, and so are all of a
/// tenant's benefits for the digest and the tab. Each row holds the record as JSON beside a few query columns.
/// </summary>
public sealed class ImprovementStore(StorageTables tables)
{
    internal const string Table = "Improvements";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Client => tables.Get(Table);

    public async Task<Improvement?> GetImprovementAsync(string tenantId, string unitId, string id, CancellationToken cancellationToken)
    {
        if (TooLong(Key("imp", unitId, id)))
        {
            return null;
        }

        var row = await Client.GetEntityIfExistsAsync<TableEntity>(tenantId, Key("imp", unitId, id), cancellationToken: cancellationToken);
        return row.HasValue ? Read<Improvement>(row.Value!) with { ETag = row.Value!.ETag.ToString() } : null;
    }

    /// <summary>Adds the improvement unless one with its id exists; returns what is stored and whether it was new.</summary>
    public async Task<(bool Added, Improvement Stored)> AddImprovementAsync(string tenantId, Improvement improvement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(improvement);
        try
        {
            var response = await Client.AddEntityAsync(Row(tenantId, "imp", improvement.UnitId, improvement.Id, improvement, improvement.Stage.ToString()), cancellationToken);
            return (true, improvement with { ETag = response.Headers.ETag?.ToString() });
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (false, (await GetImprovementAsync(tenantId, improvement.UnitId, improvement.Id, cancellationToken))!);
        }
    }

    public Task<IReadOnlyList<Improvement>> ListImprovementsAsync(string tenantId, string unitId, CancellationToken cancellationToken) =>
        ListAsync<Improvement>(tenantId, $"imp|{unitId}|", (i, etag) => i with { ETag = etag }, cancellationToken);

    /// <summary>
    /// Changes an improvement by <paramref name="change"/> (null when it does not apply to the improvement as stored),
    /// guarded by the ETag the caller read it with. A change that leaves it as it is writes nothing, whatever ETag it came
    /// with, so a double click is no conflict; any other change on a stale ETag is refused, never retried, since the
    /// caller decided on what they saw.
    /// </summary>
    public async Task<(ImprovementChangeOutcome Outcome, Improvement? Current)> ChangeImprovementAsync(
        string tenantId, string unitId, string id, Func<Improvement, Improvement?> change, string expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await GetImprovementAsync(tenantId, unitId, id, cancellationToken) is not { } current)
        {
            return (ImprovementChangeOutcome.NotFound, null);
        }

        var changed = change(current);
        if (changed == current)
        {
            return (ImprovementChangeOutcome.Unchanged, current);
        }

        if (current.ETag != expectedETag)
        {
            return (ImprovementChangeOutcome.Stale, current);
        }

        if (changed is null)
        {
            return (ImprovementChangeOutcome.NotAllowed, current);
        }

        changed = changed with { ETag = null };
        try
        {
            var response = await Client.UpdateEntityAsync(
                Row(tenantId, "imp", unitId, id, changed, changed.Stage.ToString()), new ETag(expectedETag), TableUpdateMode.Replace, cancellationToken);
            return (ImprovementChangeOutcome.Changed, changed with { ETag = response.Headers.ETag?.ToString() });
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return (ImprovementChangeOutcome.Stale, await GetImprovementAsync(tenantId, unitId, id, cancellationToken));
        }
    }

    /// <summary>
    /// Moves an improvement along its lifecycle, guarded by the ETag it was read with, so two people clicking at once
    /// cannot both move it: the second finds it moved and is told where it stands.
    /// </summary>
    public Task<(MoveOutcome Outcome, Improvement? Current)> MoveAsync(
        string tenantId, string unitId, string id, ImprovementStage to, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        MoveAsync(tenantId, unitId, id, to, new StageChange(to, by, at), cancellationToken);

    /// <summary>A move made on the check-in of the meeting on <paramref name="meetingDate"/>: it counts in that meeting's week.</summary>
    public Task<(MoveOutcome Outcome, Improvement? Current)> MoveAtMeetingAsync(
        string tenantId, string unitId, string id, ImprovementStage to, string by, DateTimeOffset at, DateOnly meetingDate, CancellationToken cancellationToken) =>
        MoveAsync(tenantId, unitId, id, to, new StageChange(to, by, at) { MeetingDate = meetingDate }, cancellationToken);

    private async Task<(MoveOutcome Outcome, Improvement? Current)> MoveAsync(
        string tenantId, string unitId, string id, ImprovementStage to, StageChange change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetImprovementAsync(tenantId, unitId, id, cancellationToken);
            if (current is null)
            {
                return (MoveOutcome.NotFound, null);
            }

            if (current.Stage == to)
            {
                return (MoveOutcome.AlreadyThere, current);
            }

            if (!Improvement.CanMove(current.Stage, to))
            {
                return (MoveOutcome.NotAllowed, current);
            }

            var moved = current with { Stage = to, History = [.. current.History, change], ETag = null };
            try
            {
                var response = await Client.UpdateEntityAsync(
                    Row(tenantId, "imp", unitId, id, moved, to.ToString()), new ETag(current.ETag!), TableUpdateMode.Replace, cancellationToken);
                return (MoveOutcome.Moved, moved with { ETag = response.Headers.ETag?.ToString() });
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 3)
            {
                // Someone else moved it meanwhile: read again and decide on what is there now.
            }
        }
    }

    /// <summary>
    /// Records the benefit an improvement realised and moves it to "benefit realised" in one transaction, so neither
    /// exists without the other. Saving again replaces the figures (the benefit's id is the improvement's).
    /// </summary>
    public async Task<(MoveOutcome Outcome, Improvement? Current)> RealiseBenefitAsync(
        string tenantId, Improvement improvement, Benefit benefit, string by, DateTimeOffset at, string? benefitETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(improvement);
        ArgumentNullException.ThrowIfNull(benefit);
        var current = await GetImprovementAsync(tenantId, improvement.UnitId, improvement.Id, cancellationToken);
        if (current is null)
        {
            return (MoveOutcome.NotFound, null);
        }

        if (current.Stage is not (ImprovementStage.Done or ImprovementStage.BenefitRealised))
        {
            return (MoveOutcome.NotAllowed, current);
        }

        var moved = current.Stage == ImprovementStage.BenefitRealised
            ? current with { ETag = null }
            : current with { Stage = ImprovementStage.BenefitRealised, History = [.. current.History, new StageChange(ImprovementStage.BenefitRealised, by, at)], ETag = null };
        try
        {
            var response = await Client.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, Row(tenantId, "imp", moved.UnitId, moved.Id, moved, moved.Stage.ToString()), new ETag(current.ETag!)),
                    // With the ETag the caller read the benefit with, a change made meanwhile fails the whole transaction.
                    benefitETag is null
                        ? new TableTransactionAction(TableTransactionActionType.UpsertReplace, BenefitRow(tenantId, benefit with { ETag = null }))
                        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, BenefitRow(tenantId, benefit with { ETag = null }), new ETag(benefitETag)),
                ],
                cancellationToken);
            var outcome = current.Stage == ImprovementStage.BenefitRealised ? MoveOutcome.AlreadyThere : MoveOutcome.Moved;
            return (outcome, moved with { ETag = response.Value[0].Headers.ETag?.ToString() });
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return (MoveOutcome.NotAllowed, await GetImprovementAsync(tenantId, improvement.UnitId, improvement.Id, cancellationToken));
        }
    }

    /// <summary>The unit's benefits, those whose figures are out of bounds included (<see cref="InputLimits.IsCountable"/>).</summary>
    public Task<IReadOnlyList<Benefit>> ListBenefitsAsync(string tenantId, string unitId, CancellationToken cancellationToken) =>
        ListBenefitRowsAsync(tenantId, $"ben|{unitId}|", cancellationToken);

    /// <summary>Every unit's benefits in one range scan, for the report.</summary>
    public Task<IReadOnlyList<Benefit>> ListAllBenefitsAsync(string tenantId, CancellationToken cancellationToken) =>
        ListBenefitRowsAsync(tenantId, "ben|", cancellationToken);

    public async Task<Benefit?> GetBenefitAsync(string tenantId, string unitId, string id, CancellationToken cancellationToken)
    {
        if (TooLong(Key("ben", unitId, id)))
        {
            return null;
        }

        var row = await Client.GetEntityIfExistsAsync<TableEntity>(tenantId, Key("ben", unitId, id), cancellationToken: cancellationToken);
        return row.HasValue && !IsDeleted(row.Value!) ? ReadBenefit(row.Value!) : null;
    }

    /// <summary>
    /// Corrects a benefit's figures, guarded by the ETag the caller read it with. The same figures again (a double
    /// submit) change nothing, whatever ETag they came with. The correction is marked, so that the check-in it came from,
    /// sent again, does not put the old figure back.
    /// </summary>
    public async Task<(BenefitChangeOutcome Outcome, Benefit? Current)> CorrectBenefitAsync(
        string tenantId, string unitId, string id, BenefitKind kind, BenefitMeasure measure, decimal amount, string by, DateTimeOffset at, string expectedETag,
        CancellationToken cancellationToken)
    {
        if (await GetBenefitAsync(tenantId, unitId, id, cancellationToken) is not { } current)
        {
            return (BenefitChangeOutcome.NotFound, null);
        }

        if (current.UnreadableAmount is null && current.Kind == kind && current.Measure == measure && current.Amount == amount)
        {
            return (BenefitChangeOutcome.Unchanged, current);
        }

        if (current.ETag != expectedETag)
        {
            return (BenefitChangeOutcome.Stale, current);
        }

        var corrected = current with { Kind = kind, Measure = measure, Amount = amount, CorrectedBy = by, CorrectedAt = at, UnreadableAmount = null, ETag = null };
        try
        {
            var response = await Client.UpdateEntityAsync(BenefitRow(tenantId, corrected), new ETag(expectedETag), TableUpdateMode.Replace, cancellationToken);
            return (BenefitChangeOutcome.Changed, corrected with { ETag = response.Headers.ETag?.ToString() });
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return (BenefitChangeOutcome.Stale, await GetBenefitAsync(tenantId, unitId, id, cancellationToken));
        }
    }

    /// <summary>Adds the benefit unless a record with its id exists (a deleted one included); returns what is stored and whether it was new.</summary>
    public async Task<(bool Added, Benefit? Stored)> AddBenefitAsync(string tenantId, Benefit benefit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(benefit);
        try
        {
            var response = await Client.AddEntityAsync(BenefitRow(tenantId, benefit), cancellationToken);
            return (true, benefit with { ETag = response.Headers.ETag?.ToString() });
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (false, await GetBenefitAsync(tenantId, benefit.UnitId, benefit.Id, cancellationToken));
        }
    }

    /// <summary>
    /// Changes a benefit by <paramref name="change"/>, guarded by the ETag the caller read it with. A change that leaves it
    /// as it is (a double submit) writes nothing, whatever ETag it came with.
    /// </summary>
    public async Task<(BenefitChangeOutcome Outcome, Benefit? Current)> ChangeBenefitAsync(
        string tenantId, string unitId, string id, Func<Benefit, Benefit> change, string expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await GetBenefitAsync(tenantId, unitId, id, cancellationToken) is not { } current)
        {
            return (BenefitChangeOutcome.NotFound, null);
        }

        var changed = change(current) with { ETag = null };
        if (changed.SameAs(current))
        {
            return (BenefitChangeOutcome.Unchanged, current);
        }

        if (current.ETag != expectedETag)
        {
            return (BenefitChangeOutcome.Stale, current);
        }

        try
        {
            var response = await Client.UpdateEntityAsync(BenefitRow(tenantId, changed), new ETag(expectedETag), TableUpdateMode.Replace, cancellationToken);
            return (BenefitChangeOutcome.Changed, changed with { ETag = response.Headers.ETag?.ToString() });
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return (BenefitChangeOutcome.Stale, await GetBenefitAsync(tenantId, unitId, id, cancellationToken));
        }
    }

    /// <summary>
    /// Deletes a benefit, guarded by the ETag the caller read it with. The row stays as a marker that the check-in it
    /// came from, sent again, does not bring back; every list leaves it out.
    /// </summary>
    public async Task<(BenefitChangeOutcome Outcome, Benefit? Deleted)> DeleteBenefitAsync(
        string tenantId, string unitId, string id, string by, DateTimeOffset at, string expectedETag, CancellationToken cancellationToken)
    {
        if (await GetBenefitAsync(tenantId, unitId, id, cancellationToken) is not { } current)
        {
            return (BenefitChangeOutcome.NotFound, null);
        }

        if (current.ETag != expectedETag)
        {
            return (BenefitChangeOutcome.Stale, current);
        }

        var marker = BenefitRow(tenantId, current with { CorrectedBy = by, CorrectedAt = at, ETag = null });
        if (current.UnreadableAmount is not null)
        {
            // What was written cannot be read back as a benefit; the marker needs only its place and who deleted it.
            marker["Data"] = JsonSerializer.Serialize(current with { Amount = 0, CorrectedBy = by, CorrectedAt = at, ETag = null }, Json);
        }

        marker["State"] = DeletedState;
        try
        {
            await Client.UpdateEntityAsync(marker, new ETag(expectedETag), TableUpdateMode.Replace, cancellationToken);
            return (BenefitChangeOutcome.Changed, current);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return (BenefitChangeOutcome.Stale, await GetBenefitAsync(tenantId, unitId, id, cancellationToken));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (BenefitChangeOutcome.NotFound, null);
        }
    }

    public Task<IReadOnlyList<Deviation>> ListDeviationsAsync(string tenantId, string unitId, CancellationToken cancellationToken) =>
        ListAsync<Deviation>(tenantId, $"dev|{unitId}|", (d, etag) => d with { ETag = etag }, cancellationToken);

    public async Task<Deviation?> GetDeviationAsync(string tenantId, string unitId, string id, CancellationToken cancellationToken)
    {
        if (TooLong(Key("dev", unitId, id)))
        {
            return null;
        }

        var row = await Client.GetEntityIfExistsAsync<TableEntity>(tenantId, Key("dev", unitId, id), cancellationToken: cancellationToken);
        return row.HasValue ? Read<Deviation>(row.Value!) with { ETag = row.Value!.ETag.ToString() } : null;
    }

    /// <summary>
    /// Closes an open deviation, optionally as made into the follow-up area <paramref name="followUpAreaId"/>. Guarded by
    /// <paramref name="expectedETag"/> when the caller saw a version (the tab), otherwise by the ETag just read: of two
    /// clicks at once one closes it and the other finds it closed.
    /// </summary>
    public async Task<(CloseDeviationOutcome Outcome, Deviation? Current)> CloseDeviationAsync(
        string tenantId, string unitId, string id, string by, DateTimeOffset at, string? followUpAreaId, string? expectedETag, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetDeviationAsync(tenantId, unitId, id, cancellationToken);
            if (current is null)
            {
                return (CloseDeviationOutcome.NotFound, null);
            }

            if (current.Status == DeviationStatus.Closed)
            {
                return (CloseDeviationOutcome.AlreadyClosed, current);
            }

            if (expectedETag is not null && expectedETag != current.ETag)
            {
                return (CloseDeviationOutcome.Changed, current);
            }

            var closed = current with { Status = DeviationStatus.Closed, ClosedBy = by, ClosedAt = at, FollowUpAreaId = followUpAreaId, ETag = null };
            try
            {
                var response = await Client.UpdateEntityAsync(
                    Row(tenantId, "dev", unitId, id, closed, closed.Status.ToString()), new ETag(current.ETag!), TableUpdateMode.Replace, cancellationToken);
                return (CloseDeviationOutcome.Closed, closed with { ETag = response.Headers.ETag?.ToString() });
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 3)
            {
                // Someone else changed it meanwhile: read again and answer from what is there now.
            }
        }
    }

    /// <summary>
    /// Makes the records of one meeting's check-in match <paramref name="records"/>: its new improvements, deviations and
    /// benefits. Ids come from the meeting and the text, so storing the same check-in again changes nothing. After a
    /// correction, records the check-in no longer names are removed if nobody has acted on them yet; an improvement
    /// someone has started is kept, since work on it is real whatever the corrected check-in says.
    /// With <paramref name="firstVersion"/> (the check-in as first sent) the meeting has no records yet unless this is the
    /// same check-in told again: they are added in one transaction without reading, which a submit's speed depends on,
    /// and read and compared only when that transaction finds one there already.
    /// </summary>
    public Task RecordCheckInAsync(string tenantId, string unitId, DateOnly meetingDate, MeetingRecords records, CancellationToken cancellationToken) =>
        RecordCheckInAsync(tenantId, unitId, meetingDate, records, firstVersion: false, cancellationToken);

    /// <inheritdoc cref="RecordCheckInAsync(string, string, DateOnly, MeetingRecords, CancellationToken)"/>
    public async Task RecordCheckInAsync(string tenantId, string unitId, DateOnly meetingDate, MeetingRecords records, bool firstVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var prefix = RecordIds.CheckInPrefix(meetingDate);
        var wanted = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        foreach (var improvement in records.Improvements)
        {
            wanted.TryAdd(Key("imp", unitId, improvement.Id), Row(tenantId, "imp", unitId, improvement.Id, improvement, improvement.Stage.ToString()));
        }

        foreach (var deviation in records.Deviations)
        {
            wanted.TryAdd(Key("dev", unitId, deviation.Id), Row(tenantId, "dev", unitId, deviation.Id, deviation, deviation.Status.ToString()));
        }

        foreach (var benefit in records.Benefits)
        {
            wanted[Key("ben", unitId, benefit.Id)] = BenefitRow(tenantId, benefit);
        }

        if (firstVersion && wanted.Count <= StorageTransaction.MaxActions)
        {
            if (wanted.Count == 0)
            {
                return;
            }

            try
            {
                await StorageTransaction.SubmitAsync(Client, [.. wanted.Values.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row))], cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                // Recorded before (Teams retried, or the same answers were sent again): compare with what is there.
            }
        }

        var existing = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        foreach (var kind in new[] { "imp", "dev", "ben" })
        {
            var from = Key(kind, unitId, prefix);
            var filter = KeyPrefix.Filter(tenantId, from);
            await foreach (var row in Client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                existing[row.RowKey] = row;
            }
        }

        var actions = new List<TableTransactionAction>();
        foreach (var (key, row) in wanted)
        {
            if (!existing.TryGetValue(key, out var stored))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
            }
            else if (key.StartsWith("ben|", StringComparison.Ordinal) && (IsDeleted(stored) || stored.GetBoolean("Corrected") == true))
            {
                // Deleted or corrected in the tab: the same check-in sent again does not undo that.
            }
            else if (key.StartsWith("ben|", StringComparison.Ordinal) && stored.GetString("Data") != row.GetString("Data"))
            {
                // A corrected benefit figure replaces the old one: a benefit is counted once per check-in.
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, stored.ETag));
            }
        }

        foreach (var (key, stored) in existing)
        {
            var untouched = stored.GetString("State") is nameof(ImprovementStage.Suggested) or nameof(DeviationStatus.Open) || key.StartsWith("ben|", StringComparison.Ordinal);
            if (!wanted.ContainsKey(key) && untouched)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, stored, stored.ETag));
            }
        }

        // A transaction holds at most 100 actions; a check-in has at most 20 lines of each kind and one benefit.
        foreach (var batch in actions.Chunk(100))
        {
            await Client.SubmitTransactionAsync(batch, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string tenantId, string prefix, Func<T, string, T> withETag, CancellationToken cancellationToken)
    {
        var filter = KeyPrefix.Filter(tenantId, prefix);
        var found = new List<T>();
        await foreach (var row in Client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(withETag(Read<T>(row), row.ETag.ToString()));
        }

        return found;
    }

    private const string DeletedState = "Deleted";

    // Ids come from card data and the tab's URLs: a key past Table Storage's 1 KiB names no record, and storage would answer 400.
    private static bool TooLong(string rowKey) => rowKey.Length > 512;

    private static bool IsDeleted(TableEntity row) => row.GetString("State") == DeletedState;

    private async Task<IReadOnlyList<Benefit>> ListBenefitRowsAsync(string tenantId, string prefix, CancellationToken cancellationToken)
    {
        var filter = KeyPrefix.Filter(tenantId, prefix);
        var found = new List<Benefit>();
        await foreach (var row in Client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (!IsDeleted(row))
            {
                found.Add(ReadBenefit(row));
            }
        }

        return found;
    }

    /// <summary>
    /// A benefit as stored. Rows written before the bounds may hold an amount no decimal can hold (NaN, infinity, 1e400)
    /// or no JSON at all: those are read with the amount kept aside as written, so that every list still answers and the
    /// row can be flagged, corrected or deleted.
    /// </summary>
    private static Benefit ReadBenefit(TableEntity row)
    {
        var data = row.GetString("Data") ?? "";
        var etag = row.ETag.ToString();
        try
        {
            return JsonSerializer.Deserialize<Benefit>(data, Json)! with { ETag = etag };
        }
        catch (JsonException)
        {
        }

        try
        {
            if (JsonNode.Parse(data) is JsonObject node)
            {
                var written = node["amount"]?.ToJsonString() ?? "null";
                node["amount"] = 0;
                return JsonSerializer.Deserialize<Benefit>(node, Json)! with { UnreadableAmount = Shorten(written), ETag = etag };
            }
        }
        catch (JsonException)
        {
        }

        var unitId = row.GetString("UnitId") ?? "";
        var id = row.RowKey.Split('|', 3) is { Length: 3 } parts ? parts[2] : row.RowKey;
        return new Benefit(unitId, id, default, BenefitStage.Realised, 0, default, [], DateOnly.MinValue, "", RecordSource.CheckIn)
        {
            UnreadableAmount = Shorten(data),
            ETag = etag,
        };
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Key(string kind, string unitId, string id) => $"{kind}|{unitId}|{id}";

    private static TableEntity BenefitRow(string tenantId, Benefit benefit)
    {
        var row = Row(tenantId, "ben", benefit.UnitId, benefit.Id, benefit with { ETag = null }, benefit.Stage.ToString());
        row["Corrected"] = benefit.CorrectedBy is not null;
        return row;
    }

    private static TableEntity Row<T>(string tenantId, string kind, string unitId, string id, T record, string state) => new(tenantId, Key(kind, unitId, id))
    {
        ["Data"] = JsonSerializer.Serialize(record, Json),
        ["UnitId"] = unitId,
        ["State"] = state,
    };

    private static T Read<T>(TableEntity row) => JsonSerializer.Deserialize<T>(row.GetString("Data"), Json)!;
}
