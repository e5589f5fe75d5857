using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>
/// The one transaction a bid or a close runs in, holding the auction's lock until commit, so that writers to one
/// auction run one after another on every node: PostgreSQL locks the auction row (SELECT … FOR UPDATE); SQLite has
/// one writer per database and takes it at BEGIN (BEGIN IMMEDIATE), so the log read afterwards is the latest.
/// Disposing without <see cref="CommitAsync"/> rolls back.
/// </summary>
internal sealed class AuctionLock : IAsyncDisposable
{
    private readonly TechMarketDbContext db;
    private readonly IDbContextTransaction transaction;
    private readonly DbTransaction? ownedSqliteTransaction;

    private AuctionLock(TechMarketDbContext db, IDbContextTransaction transaction, DbTransaction? ownedSqliteTransaction)
    {
        this.db = db;
        this.transaction = transaction;
        this.ownedSqliteTransaction = ownedSqliteTransaction;
    }

    public static async Task<AuctionLock> TakeAsync(TechMarketDbContext db, Guid auctionId, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            // Not deferred: Microsoft.Data.Sqlite issues BEGIN IMMEDIATE, taking the write lock now instead of upgrading
            // a read lock later (which fails with SQLITE_BUSY under concurrent bidders). It waits for the lock up to the command timeout.
            var sqlite = connection.BeginTransaction(deferred: false);
            var used = await db.Database.UseTransactionAsync(sqlite, cancellationToken)
                ?? throw new InvalidOperationException("EF Core did not take the SQLite transaction.");
            return new AuctionLock(db, used, sqlite);
        }
        var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM auctions WHERE \"Id\" = {auctionId} FOR UPDATE").ToListAsync(cancellationToken);
        return new AuctionLock(db, tx, null);
    }

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        if (ownedSqliteTransaction is not null)
        {
            await ownedSqliteTransaction.DisposeAsync(); // rolls back unless committed
            await db.Database.CloseConnectionAsync();
        }
    }
}
