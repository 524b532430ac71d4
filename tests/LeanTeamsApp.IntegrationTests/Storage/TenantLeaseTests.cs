using System.Diagnostics;
using Azure.Data.Tables;
using LeanTeamsApp.Infrastructure.Storage;
using Microsoft.Extensions.Time.Testing;

namespace LeanTeamsApp.IntegrationTests.Storage;

/// <summary>
/// The one lease every scheduler takes, against Azurite: one holder at a time, free at once when released, lapsed by
/// the storage service's clock whatever the instances' clocks say, and a holder that lost it writes nothing.
/// </summary>
public sealed class TenantLeaseTests
{
    private const string Row = "scheduler|lease-tests";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TryAcquire_HeldByAnotherInstance_IsRefused()
    {
        var table = await TableAsync();
        var tenant = TestTenants.New();
        var first = Lease(table, TimeSpan.FromMinutes(2));
        var second = Lease(table, TimeSpan.FromMinutes(2));

        var held = await first.TryAcquireAsync(tenant, default);
        var refused = await second.TryAcquireAsync(tenant, default);

        Assert.NotNull(held);
        Assert.Null(refused);
        // Another tenant's lease is a lease of its own.
        Assert.NotNull(await second.TryAcquireAsync(TestTenants.New(), default));
    }

    [Fact]
    public async Task TryAcquire_ReleasedByAnotherInstance_IsClaimedAtOnceWithTheStateItLeft()
    {
        var table = await TableAsync();
        var tenant = TestTenants.New();
        var first = Lease(table, TimeSpan.FromMinutes(2));
        var held = (await first.TryAcquireAsync(tenant, default))!;
        var checkpoint = new DateTimeOffset(2026, 11, 23, 8, 21, 0, TimeSpan.Zero);
        held.Row["Checkpoint"] = checkpoint;

        Assert.True(await held.ReleaseAsync(default));
        var next = await Lease(table, TimeSpan.FromMinutes(2)).TryAcquireAsync(tenant, default);

        Assert.Equal(checkpoint, next?.Row.GetDateTimeOffset("Checkpoint"));
    }

    [Fact]
    public async Task TryAcquire_OwnLeaseNotReleased_IsClaimedAgainByTheSameInstance()
    {
        var table = await TableAsync();
        var tenant = TestTenants.New();
        var lease = Lease(table, TimeSpan.FromMinutes(2));
        Assert.NotNull(await lease.TryAcquireAsync(tenant, default));

        // A tick that threw before its release: the same instance's next tick goes on.
        Assert.NotNull(await lease.TryAcquireAsync(tenant, default));
        Assert.Null(await Lease(table, TimeSpan.FromMinutes(2)).TryAcquireAsync(tenant, default));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TryAcquire_ManyInstancesAtOnce_OneWins(bool rowExists)
    {
        var table = await TableAsync();
        var tenant = TestTenants.New();
        if (rowExists)
        {
            await (await Lease(table, TimeSpan.FromMinutes(2)).TryAcquireAsync(tenant, default))!.ReleaseAsync(default);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Lease(table, TimeSpan.FromMinutes(2)).TryAcquireAsync(tenant, default)));

        Assert.Single(claims, c => c is not null);
    }

    [Fact]
    public async Task TryAcquire_LeaseLapsedByTheStorageClock_IsTakenOverWhateverTheInstanceClocksSay()
    {
        var table = await TableAsync();
        var tenant = TestTenants.New();
        // The holder's clock stands still decades behind; the other instance's, decades ahead. Neither decides: the
        // lease lasts two seconds of the storage service's time.
        var holderClock = new FakeTimeProvider(new DateTimeOffset(2001, 1, 1, 8, 0, 0, TimeSpan.Zero));
        var aheadClock = new FakeTimeProvider(new DateTimeOffset(2099, 1, 1, 8, 0, 0, TimeSpan.Zero));
        var held = (await new TenantLease(table, Row, TimeSpan.FromSeconds(2), holderClock).TryAcquireAsync(tenant, default))!;
        var other = new TenantLease(table, Row, TimeSpan.FromSeconds(2), aheadClock);

        Assert.Null(await other.TryAcquireAsync(tenant, default));
        var takenOver = await WaitForAsync(() => other.TryAcquireAsync(tenant, default));
        takenOver.Row["Checkpoint"] = aheadClock.GetUtcNow();
        Assert.True(await takenOver.ReleaseAsync(default));

        // The first holder has lost it: it may not go on, and what it would write is not written.
        held.Row["Checkpoint"] = holderClock.GetUtcNow();
        holderClock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(await held.RenewIfDueAsync(default));
        Assert.False(await held.ReleaseAsync(default));
        Assert.True(held.Lost);
        Assert.Equal(aheadClock.GetUtcNow(), (await table.GetEntityAsync<TableEntity>(tenant, Row)).Value.GetDateTimeOffset("Checkpoint"));
    }

    [Fact]
    public async Task RenewIfDue_HalfTheLeaseGone_WritesItAgainAndNotBefore()
    {
        var table = await TableAsync();
        var tenant = TestTenants.New();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var held = (await new TenantLease(table, Row, TimeSpan.FromMinutes(2), clock).TryAcquireAsync(tenant, default))!;
        var claimed = held.Row.ETag;

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.True(await held.RenewIfDueAsync(default));
        Assert.Equal(claimed, held.Row.ETag);
        Assert.Equal(claimed, (await table.GetEntityAsync<TableEntity>(tenant, Row)).Value.ETag);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await held.RenewIfDueAsync(default));
        Assert.NotEqual(claimed, held.Row.ETag);
        Assert.Equal(held.Row.ETag, (await table.GetEntityAsync<TableEntity>(tenant, Row)).Value.ETag);
        Assert.Null(await Lease(table, TimeSpan.FromMinutes(2)).TryAcquireAsync(tenant, default));
    }

    [Fact]
    public async Task TryAcquire_StateSaysNothingIsDue_ClaimsNothingAndWritesNothing()
    {
        var table = await TableAsync();
        var tenant = TestTenants.New();
        var held = (await Lease(table, TimeSpan.FromMinutes(2)).TryAcquireAsync(tenant, default))!;
        held.Row["PausedUntil"] = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        await held.ReleaseAsync(default);
        var released = (await table.GetEntityAsync<TableEntity>(tenant, Row)).Value.ETag;
        var lease = Lease(table, TimeSpan.FromMinutes(2));
        static Func<TableEntity, bool> PausedBefore(DateTimeOffset now) => row => !(row.GetDateTimeOffset("PausedUntil") > now);

        var paused = await lease.TryAcquireAsync(tenant, PausedBefore(new DateTimeOffset(2026, 11, 23, 8, 59, 0, TimeSpan.Zero)), default);

        Assert.Null(paused);
        Assert.Equal(released, (await table.GetEntityAsync<TableEntity>(tenant, Row)).Value.ETag);
        Assert.NotNull(await lease.TryAcquireAsync(tenant, PausedBefore(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)), default));
    }

    private static TenantLease Lease(TableClient table, TimeSpan duration) => new(table, Row, duration, new FakeTimeProvider());

    private static async Task<TableClient> TableAsync()
    {
        var azurite = await Azurite.InstanceAsync();
        var table = new TableClient(azurite.ConnectionString, "TenantLeaseTests");
        await table.CreateIfNotExistsAsync();
        return table;
    }

    /// <summary>Tries until the storage service's clock has moved past the lease: a wait on a condition, with a deadline.</summary>
    private static async Task<HeldLease> WaitForAsync(Func<Task<HeldLease?>> claim)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            if (await claim() is { } held)
            {
                return held;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"The lease was still held after {Patience}.");
    }
}
