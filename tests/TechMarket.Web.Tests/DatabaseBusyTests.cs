using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Tests.Auctions;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

/// <summary>
/// A database overloaded for a moment is not a server error: the caller gets 503 with Retry-After and a message saying
/// nothing was saved, and the same request succeeds once the database is free. SQLite is made busy for real: the test
/// holds the write lock (BEGIN IMMEDIATE on its own connection) longer than this site's one-second busy timeout.
/// </summary>
public sealed class DatabaseBusyTests : IAsyncLifetime
{
    private readonly BusySqliteSite site = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await site.InitializeAsync();

    public async ValueTask DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task A_bid_while_the_database_is_locked_gets_503_with_retry_after_and_its_retry_bids_once()
    {
        var auction = await AuctionScenario.CreateAsync(site);
        var bidder = await AuctionScenario.NewBidderAsync(site, "繁忙时段竞买公司");
        await AuctionScenario.RegisterAsync(site, auction.Id, bidder.OrganizationId);

        HttpResponseMessage busy;
        await using (var holder = new SqliteConnection($"Data Source={Path.Combine(site.DataPath, "techmarket.db")}"))
        {
            await holder.OpenAsync(Ct);
            await using var writeLock = holder.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock, held
            busy = await AuctionScenario.BidAsync(bidder.Client, auction.Id, 1_200_000, "busy-retry");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), busy.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await busy.Content.ReadAsStringAsync(Ct)))
        {
            Assert.Contains("服务繁忙", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Contains("Idempotency-Key", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(0, site.WithDb(db => db.AuctionBids.Count(b => b.AuctionId == auction.Id)));

        // The database is free again: the retry with the same key is the bid, once.
        var retry = await AuctionScenario.BidAsync(bidder.Client, auction.Id, 1_200_000, "busy-retry");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(1, site.WithDb(db => db.AuctionBids.Count(b => b.AuctionId == auction.Id)));
    }

    [Fact]
    public void Overload_is_told_apart_from_a_fault()
    {
        Assert.True(DatabaseBusy.Is(new SqliteException("database is locked", 5)));
        Assert.True(DatabaseBusy.Is(new InvalidOperationException("wrapped", new PostgresException("sorry, too many clients already", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections))));
        Assert.True(DatabaseBusy.Is(new NpgsqlException("The connection pool has been exhausted", new TimeoutException())));
        Assert.False(DatabaseBusy.Is(new SqliteException("UNIQUE constraint failed", 19)));
        Assert.False(DatabaseBusy.Is(new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
        Assert.False(DatabaseBusy.Is(new InvalidOperationException("a bug")));
        Assert.False(DatabaseBusy.Is(null));
    }

    /// <summary>The SQLite site with a one-second busy timeout, so a held write lock shows within the test.</summary>
    private sealed class BusySqliteSite : TechMarketSite
    {
        public override string Provider => "Sqlite";

        public override string? ConnectionString => $"Data Source={Path.Combine(DataPath, "techmarket.db")};Default Timeout=1";
    }
}
