using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TechMarket.Infrastructure.Audit;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests.Auctions;

/// <summary>
/// The upgrade that moved Idempotency-Keys onto the bid rows (migration BidIdempotencyOnBid) keeps every stored answer
/// a retry may still ask for, and every live update and outbid notice not yet dispatched, on both databases.
/// </summary>
public abstract class BidIdempotencyMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract TechMarketDbContext? NewContext();

    /// <summary>Statements that switch off foreign keys for this connection, so the rows need no auction or organisation.</summary>
    protected abstract string NoForeignKeys { get; }

    /// <summary>A time of receipt as this database stores it (both tables of the join store it the same way).</summary>
    protected abstract string Time(int second);

    protected abstract string Bool(bool value);

    /// <summary>A GUID as EF Core writes it on this database (SQLite: upper-case text).</summary>
    protected virtual string Id(Guid id) => id.ToString();

    protected virtual Task DropAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_upgrade_moves_each_stored_answer_onto_its_bid_and_reshapes_undispatched_notices()
    {
        await using var db = NewContext();
        if (db is null) Assert.Skip("TECHMARKET_TEST_POSTGRES is not set; PostgreSQL runs in .ci/run.");
        try
        {
            await db.GetService<IMigrator>().MigrateAsync("OutboxBackoff", Ct);
            var (auction, registration, twin, loser) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
            // As the old bid path wrote them: a key's answer stored with the bid's time of receipt and its sequence after.
            var extended = new PlaceBidResult(PlaceBidStatus.Accepted, null, "出价成功，竞价时间已延长 / Accepted; the end was extended.", null,
                1_050_000, "B00001", "B00001", new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero).AddSeconds(400), 2, true);
            var update = JsonSerializer.Serialize(new AuctionUpdate(auction, 5, "open", 1_050_000, "B00002", 1_100_000,
                DateTimeOffset.Parse("2026-12-01T10:05:00Z", System.Globalization.CultureInfo.InvariantCulture), 2, true, null, null, null), OutboxTypes.Json);
            var outbid = $$"""{"auctionId":"{{auction}}","organizationId":"{{loser}}","title":"一种电池","priceFen":1050000}""";
            await db.Database.OpenConnectionAsync(Ct);
            await using var insert = db.Database.GetDbConnection().CreateCommand();
            insert.CommandText = NoForeignKeys + $$"""
                INSERT INTO auction_bids ("AuctionId", "Ordinal", "RegistrationId", "BidderCode", "AmountFen", "ReceivedAt", "Accepted", "PriceAfterFen", "LeaderAfter", "EndsAtAfter", "SequenceAfter")
                VALUES ('{{Id(auction)}}', 1, '{{Id(registration)}}', 'B00001', 1000000, {{Time(1)}}, {{Bool(true)}}, 1000000, 'B00001', {{Time(100)}}, 1),
                       ('{{Id(auction)}}', 2, '{{Id(registration)}}', 'B00001', 1200000, {{Time(2)}}, {{Bool(true)}}, 1050000, 'B00001', {{Time(400)}}, 2),
                       ('{{Id(auction)}}', 3, '{{Id(registration)}}', 'B00001', 1000000, {{Time(3)}}, {{Bool(false)}}, 1050000, 'B00001', {{Time(400)}}, 2),
                       ('{{Id(auction)}}', 4, '{{Id(twin)}}', 'B00002', 900000, {{Time(5)}}, {{Bool(false)}}, 1050000, 'B00001', {{Time(400)}}, 2),
                       ('{{Id(auction)}}', 5, '{{Id(twin)}}', 'B00002', 900000, {{Time(5)}}, {{Bool(false)}}, 1050000, 'B00001', {{Time(400)}}, 2);
                INSERT INTO auction_bid_idempotency ("RegistrationId", "Key", "StatusCode", "Response", "CreatedAt")
                VALUES ('{{Id(registration)}}', 'first', 0, '{"status":0,"sequence":1,"extended":false}', {{Time(1)}}),
                       ('{{Id(registration)}}', 'extended', 0, '{{JsonSerializer.Serialize(extended, OutboxTypes.Json)}}', {{Time(2)}}),
                       ('{{Id(twin)}}', 'twin-a', 1, '{"status":1,"sequence":2,"extended":false}', {{Time(5)}}),
                       ('{{Id(twin)}}', 'twin-b', 1, '{"status":1,"sequence":2,"extended":false}', {{Time(5)}});
                INSERT INTO outbox ("Type", "Payload", "CreatedAt", "ProcessedAt")
                VALUES ('auction.updated', '{{update}}', {{Time(2)}}, NULL),
                       ('auction.outbid', '{{outbid}}', {{Time(2)}}, NULL),
                       ('auction.updated', '{{update}}', {{Time(2)}}, {{Time(3)}});
                """;
            await insert.ExecuteNonQueryAsync(Ct);
            await db.Database.CloseConnectionAsync();

            await db.Database.MigrateAsync(Ct);

            var bids = await db.AuctionBids.AsNoTracking().Where(b => b.AuctionId == auction).OrderBy(b => b.Ordinal).ToListAsync(Ct);
            // Two bids the stored answers cannot tell apart (same bidder, time and sequence) keep no key rather than a wrong one.
            Assert.Equal(["first", "extended", null, null, null], bids.Select(b => b.IdempotencyKey));
            Assert.Equal([false, true, false, false, false], bids.Select(b => b.Extended));
            // A retry after the upgrade gets exactly the answer stored before it.
            Assert.Equal(extended, PlaceBid.Answer(bids[1]));
            var messages = await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct);
            Assert.Equal([OutboxTypes.AuctionUpdates, OutboxTypes.Outbid, "auction.updated"], messages.Select(m => m.Type));
            var updates = JsonSerializer.Deserialize<AuctionUpdate[]>(messages[0].Payload, OutboxTypes.Json)!;
            Assert.Equal((auction, 5L, true), (Assert.Single(updates).AuctionId, updates[0].Sequence, updates[0].Extended));
            var notices = JsonSerializer.Deserialize<OutbidNotices>(messages[1].Payload, OutboxTypes.Json)!;
            Assert.Equal((auction, "一种电池", 1_050_000L), (notices.AuctionId, notices.Title, notices.PriceFen));
            Assert.Equal([loser], notices.OrganizationIds);
            Assert.Equal(update, messages[2].Payload); // dispatched before the upgrade: left as it was
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            await DropAsync();
        }
    }
}

public sealed class SqliteBidIdempotencyMigrationTests : BidIdempotencyMigrationTests, IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"techmarket-migration-{Guid.NewGuid():N}.db");

    protected override TechMarketDbContext NewContext() => new SqliteTechMarketDbContext(
        new DbContextOptionsBuilder<SqliteTechMarketDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options, new SystemActor(), TimeProvider.System);

    protected override string NoForeignKeys => "PRAGMA foreign_keys = OFF;\n";

    protected override string Time(int second) => (new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero).UtcTicks + second * TimeSpan.TicksPerSecond).ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected override string Bool(bool value) => value ? "1" : "0";

    protected override string Id(Guid id) => id.ToString().ToUpperInvariant();

    public void Dispose()
    {
        if (File.Exists(file)) File.Delete(file);
    }
}

public sealed class PostgresBidIdempotencyMigrationTests : BidIdempotencyMigrationTests
{
    private readonly string? connectionString = ScratchPostgres.NewDatabase();

    protected override TechMarketDbContext? NewContext() => connectionString is null ? null : new PostgresTechMarketDbContext(
        new DbContextOptionsBuilder<PostgresTechMarketDbContext>().UseNpgsql(connectionString).Options, new SystemActor(), TimeProvider.System);

    protected override string NoForeignKeys => "SET session_replication_role = replica;\n";

    protected override string Time(int second) => $"TIMESTAMPTZ '2026-12-01 10:00:00+00' + INTERVAL '{second} seconds'";

    protected override string Bool(bool value) => value ? "TRUE" : "FALSE";

    protected override Task DropAsync() => connectionString is null ? Task.CompletedTask : ScratchPostgres.DropAsync(connectionString);
}
