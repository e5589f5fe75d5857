using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.PartnerFeed;

/// <summary>
/// Numbers committed change-log rows in commit order. A naive auto-increment or timestamp cursor skips rows: numbers are
/// taken when a transaction writes, but transactions commit in another order, so a reader can see 7 before 6 commits
/// and move past it. Here numbers are given only to rows already committed, by one run at a time (PostgreSQL: a
/// transaction-scoped advisory lock; SQLite: BEGIN IMMEDIATE, its single writer), each run continuing from the highest
/// number so far. Every row therefore gets a number above anything any reader could have seen before it committed.
/// Idempotent and safe on any number of nodes; readers run it before they read.
/// </summary>
public sealed class FeedSequencer(TechMarketDbContext db)
{
    private const int BatchSize = 500;
    /// <summary>Key of the PostgreSQL advisory lock ("TMFEED" in spirit; any constant unique to this use).</summary>
    private const long AdvisoryLockKey = 0x544D_4645_4544;

    /// <summary>Numbers every committed, unnumbered row; returns the highest sequence number in the log (0 when empty).</summary>
    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        while (await db.ListingFeedLog.AnyAsync(e => e.Sequence == null, cancellationToken))
        {
            var numbered = await NumberBatchAsync(cancellationToken);
            if (numbered < BatchSize) break;
        }
        return await db.ListingFeedLog.MaxAsync(e => e.Sequence, cancellationToken) ?? 0;
    }

    private async Task<int> NumberBatchAsync(CancellationToken cancellationToken)
    {
        var sqlite = db.Database.IsSqlite();
        SqliteTransaction? owned = null;
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction;
        if (sqlite)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            // BEGIN IMMEDIATE: take SQLite's one write lock now, so the maximum read below cannot go stale.
            owned = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: false);
            transaction = await db.Database.UseTransactionAsync(owned, cancellationToken)
                ?? throw new InvalidOperationException("EF Core did not take the SQLite transaction.");
        }
        else
        {
            transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // READ COMMITTED: the statements after the lock see everything the previous run committed.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        }
        try
        {
            var next = await db.ListingFeedLog.MaxAsync(e => e.Sequence, cancellationToken) ?? 0;
            var pending = await db.ListingFeedLog.Where(e => e.Sequence == null).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var entry in pending) entry.Number(++next);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return pending.Count;
        }
        finally
        {
            await transaction.DisposeAsync();
            if (owned is not null)
            {
                await owned.DisposeAsync();
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
