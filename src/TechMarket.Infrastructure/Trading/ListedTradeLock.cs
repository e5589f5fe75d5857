using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Trading;

/// <summary>
/// The one transaction the expiry decision of a listed trade runs in, as <c>AuctionLock</c> does for an auction:
/// PostgreSQL locks the trade's row (SELECT … FOR UPDATE); SQLite takes its single write lock at BEGIN IMMEDIATE.
/// Whoever holds it re-reads the status, so a second node or a restarted job finds the trade decided and skips it.
/// Disposing without <see cref="CommitAsync"/> rolls back.
/// </summary>
internal sealed class ListedTradeLock : IAsyncDisposable
{
    private readonly TechMarketDbContext db;
    private readonly IDbContextTransaction transaction;
    private readonly DbTransaction? ownedSqliteTransaction;

    private ListedTradeLock(TechMarketDbContext db, IDbContextTransaction transaction, DbTransaction? ownedSqliteTransaction)
    {
        this.db = db;
        this.transaction = transaction;
        this.ownedSqliteTransaction = ownedSqliteTransaction;
    }

    public static async Task<ListedTradeLock> TakeAsync(TechMarketDbContext db, Guid tradeId, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var sqlite = connection.BeginTransaction(deferred: false);
            var used = await db.Database.UseTransactionAsync(sqlite, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException("EF Core did not take the SQLite transaction.");
            return new ListedTradeLock(db, used, sqlite);
        }
        var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await db.Database.SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM listed_trades WHERE \"Id\" = {tradeId} FOR UPDATE").ToListAsync(ct).ConfigureAwait(false);
        return new ListedTradeLock(db, tx, null);
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
