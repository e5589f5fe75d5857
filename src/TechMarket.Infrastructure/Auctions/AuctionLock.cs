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
        var taken = await BeginAsync(db, cancellationToken);
        if (!db.Database.IsSqlite())
        {
            await db.Database.SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM auctions WHERE \"Id\" = {auctionId} FOR UPDATE").ToListAsync(cancellationToken);
        }
        return taken;
    }

    /// <summary>
    /// Takes the lock and reads the auction row (untracked) in the same statement where the database allows it: on
    /// PostgreSQL BEGIN and SELECT … FOR UPDATE travel in one round trip. Null when there is no such auction.
    /// </summary>
    public static async Task<(AuctionLock Lock, Auction? Row)> TakeWithRowAsync(TechMarketDbContext db, Guid auctionId, CancellationToken cancellationToken)
    {
        var taken = await BeginAsync(db, cancellationToken);
        var query = db.Database.IsSqlite()
            ? db.Auctions.Where(a => a.Id == auctionId)
            : db.Auctions.FromSql($"SELECT * FROM auctions WHERE \"Id\" = {auctionId} FOR UPDATE");
        // ToList, not FirstOrDefault: composing would wrap the locking SELECT in a subquery.
        var rows = await query.AsNoTracking().ToListAsync(cancellationToken);
        return (taken, rows.SingleOrDefault());
    }

    private static async Task<AuctionLock> BeginAsync(TechMarketDbContext db, CancellationToken cancellationToken)
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
