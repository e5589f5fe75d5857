using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace TechMarket.Infrastructure.Data;

/// <summary>
/// A transaction holding one row's lock until commit, so that the writers that take it for the same row run one after
/// another on every node: PostgreSQL locks the row (SELECT … FOR UPDATE); SQLite has one writer per database and
/// takes it at BEGIN (BEGIN IMMEDIATE). Whoever holds it re-reads what it decides on. Disposing without
/// <see cref="CommitAsync"/> rolls back. Auctions take it too: a bid batch or a close runs in it, one after another on
/// every node, and the bid path locks the auction row with its reads in one round trip (<see cref="BeginLockedByCallerAsync"/>).
/// </summary>
internal sealed class RowLock : IAsyncDisposable
{
    private readonly TechMarketDbContext db;
    private readonly IDbContextTransaction transaction;
    private readonly DbTransaction? ownedSqliteTransaction;

    private RowLock(TechMarketDbContext db, IDbContextTransaction transaction, DbTransaction? ownedSqliteTransaction)
    {
        this.db = db;
        this.transaction = transaction;
        this.ownedSqliteTransaction = ownedSqliteTransaction;
    }

    /// <summary>Locks the row of <typeparamref name="TEntity"/> with this id (its table is read from the model).</summary>
    public static async Task<RowLock> TakeAsync<TEntity>(TechMarketDbContext db, Guid id, CancellationToken ct) where TEntity : class
    {
        var taken = await BeginAsync(db, ct).ConfigureAwait(false);
        if (!db.Database.IsSqlite())
        {
            // The table name comes from the model, never from input; the id is a parameter.
#pragma warning disable EF1002
            await db.Database.SqlQueryRaw<Guid>($"SELECT \"Id\" AS \"Value\" FROM \"{TableOf<TEntity>(db)}\" WHERE \"Id\" = {{0}} FOR UPDATE", id)
                .ToListAsync(ct).ConfigureAwait(false);
#pragma warning restore EF1002
        }
        return taken;
    }

    /// <summary>
    /// Begins the transaction and leaves the lock to the caller's first command, which must select the row with
    /// <c>FOR UPDATE</c> on PostgreSQL (SQLite's is taken here, at BEGIN IMMEDIATE). PostgreSQL sends BEGIN with that
    /// command: the bid path's lock and the reads that must follow it travel in one round trip (<c>LockedBidRead</c>).
    /// </summary>
    public static Task<RowLock> BeginLockedByCallerAsync(TechMarketDbContext db, CancellationToken ct) => BeginAsync(db, ct);

    private static async Task<RowLock> BeginAsync(TechMarketDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            // Not deferred: Microsoft.Data.Sqlite issues BEGIN IMMEDIATE, taking the write lock now instead of upgrading a
            // read lock later (which fails with SQLITE_BUSY under concurrent writers); it waits up to the command timeout.
            var sqlite = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: false);
            var used = await db.Database.UseTransactionAsync(sqlite, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException("EF Core did not take the SQLite transaction.");
            return new RowLock(db, used, sqlite);
        }
        return new RowLock(db, await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false), null);
    }

    private static string TableOf<TEntity>(TechMarketDbContext db) => db.Model.FindEntityType(typeof(TEntity))?.GetTableName()
        ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped to a table.");

    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync().ConfigureAwait(false);
        if (ownedSqliteTransaction is not null)
        {
            await ownedSqliteTransaction.DisposeAsync().ConfigureAwait(false);
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
