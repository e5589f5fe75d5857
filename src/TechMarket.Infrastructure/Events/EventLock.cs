using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Events;

/// <summary>
/// The transaction a registration or a cancellation runs in, holding the event's lock until commit so that seat counts
/// are read and written one request at a time on every node: PostgreSQL locks the event row (SELECT … FOR UPDATE);
/// SQLite takes its single write lock at BEGIN IMMEDIATE. Disposing without <see cref="CommitAsync"/> rolls back.
/// </summary>
internal sealed class EventLock : IAsyncDisposable
{
    private readonly TechMarketDbContext db;
    private readonly IDbContextTransaction transaction;
    private readonly DbTransaction? ownedSqliteTransaction;

    private EventLock(TechMarketDbContext db, IDbContextTransaction transaction, DbTransaction? ownedSqliteTransaction)
    {
        this.db = db;
        this.transaction = transaction;
        this.ownedSqliteTransaction = ownedSqliteTransaction;
    }

    public static async Task<EventLock> TakeAsync(TechMarketDbContext db, Guid eventId, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            var sqlite = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: false);
            var used = await db.Database.UseTransactionAsync(sqlite, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException("EF Core did not take the SQLite transaction.");
            return new EventLock(db, used, sqlite);
        }
        var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await db.Database.SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM promotion_events WHERE \"Id\" = {eventId} FOR UPDATE").ToListAsync(ct).ConfigureAwait(false);
        return new EventLock(db, tx, null);
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
