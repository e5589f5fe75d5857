using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace TechMarket.Infrastructure.Data;

/// <summary>
/// A transaction holding one row's lock until commit, so that the writers that take it for the same row run one after
/// another on every node: PostgreSQL locks the row (SELECT … FOR UPDATE); SQLite has one writer per database and
/// takes it at BEGIN (BEGIN IMMEDIATE). Whoever holds it re-reads what it decides on. Disposing without
/// <see cref="CommitAsync"/> rolls back. (Auctions keep their own <c>AuctionLock</c>, which also reads the row in the
/// same round trip on the bidding path.)
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
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            var sqlite = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: false);
            var used = await db.Database.UseTransactionAsync(sqlite, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException("EF Core did not take the SQLite transaction.");
            return new RowLock(db, used, sqlite);
        }
        var table = db.Model.FindEntityType(typeof(TEntity))?.GetTableName()
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped to a table.");
        var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        // The table name comes from the model, never from input; the id is a parameter.
#pragma warning disable EF1002
        await db.Database.SqlQueryRaw<Guid>($"SELECT \"Id\" AS \"Value\" FROM \"{table}\" WHERE \"Id\" = {{0}} FOR UPDATE", id)
            .ToListAsync(ct).ConfigureAwait(false);
#pragma warning restore EF1002
        return new RowLock(db, tx, null);
    }

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
