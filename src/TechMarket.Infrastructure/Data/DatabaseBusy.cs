using Microsoft.Data.Sqlite;
using Npgsql;

namespace TechMarket.Infrastructure.Data;

/// <summary>
/// Failures that mean "the database is overloaded for a moment", not "this request is wrong": SQLite's write lock still
/// held by another writer after the busy timeout, PostgreSQL refusing connections (too many clients, starting up) or a
/// lock wait given up, a connection pool with nothing free in time. Nothing was written; the same request may succeed
/// shortly, so the site answers 503 with Retry-After instead of 500.
/// </summary>
public static class DatabaseBusy
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                case PostgresException { SqlState: PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.LockNotAvailable }:
                case NpgsqlException { InnerException: TimeoutException }: // the pool had no free connection in time
                    return true;
            }
        }
        return false;
    }
}
