using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;

// Bidding throughput on one hot auction (every bid durably committed through PlaceBid) against a bare single-row
// insert + commit loop on the same database with the same concurrency (issue 5, "Speed and safety bars"). Bids carry
// Idempotency-Keys as the API's do; afterwards every acknowledged bid must be in the log and the state must equal its replay.
//   dotnet run -c Release --project tests/TechMarket.Benchmarks.Bidding -- [sqlite|postgres] [workers] [seconds] [--wal] [--profile]
// --profile also prints where a bid batch's time goes (BidPathProfile: milliseconds per batch for each phase).
// PostgreSQL: set TECHMARKET_BENCH_POSTGRES (server connection string); a scratch database is created and dropped.
var provider = args.Length > 0 ? args[0].ToLowerInvariant() : "sqlite";
var wal = args.Contains("--wal");
var profile = args.Contains("--profile");
args = [.. args.Where(a => a is not ("--wal" or "--profile"))];
var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
var dataPath = Path.Combine(Path.GetTempPath(), "techmarket-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dataPath);

string connectionString;
string? serverConnection = null;
if (provider == "postgres")
{
    serverConnection = Environment.GetEnvironmentVariable("TECHMARKET_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
    connectionString = new NpgsqlConnectionStringBuilder(serverConnection) { Database = "techmarket_bench_" + Guid.NewGuid().ToString("N")[..10], MaxPoolSize = 200 }.ConnectionString;
}
else
{
    connectionString = $"Data Source={Path.Combine(dataPath, "bench.db")}";
}

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = provider == "postgres" ? "Postgres" : "Sqlite",
    ["ConnectionStrings:TechMarket"] = connectionString,
    ["TechMarket:DataPath"] = dataPath,
    ["TechMarket:ContentPath"] = dataPath,
}).Build();
var services = new ServiceCollection();
services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddConsole());
services.AddTechMarketInfrastructure(configuration, dataPath);
services.AddScoped<PlaceBid>();
services.AddSingleton<BidGroupCommit>();
services.AddScoped<CreateAuction>();
TechMarket.Infrastructure.Financing.FinancingServiceCollectionExtensions.AddFinancing(services);
services.AddTechMarketPayments(configuration);
services.AddScoped<MarkDepositReceived>();
services.AddSingleton<OutboxSignal>();
await using var provider_ = services.BuildServiceProvider();

try
{
    var (auctionId, bidders) = await SetUpAsync(provider_, workers, wal);
    await CreateBareTableAsync(provider == "postgres", connectionString);

    var bare = await RunAsync(workers, seconds, _ => BareInsertAsync(provider == "postgres", connectionString));
    BidPathProfile.Enabled = profile;
    long next = 1_000_000;
    long acks = 0;
    var bidding = await RunAsync(workers, seconds, async worker =>
    {
        await using var scope = provider_.CreateAsyncScope();
        var amount = Interlocked.Add(ref next, 10_000);
        var answer = await scope.ServiceProvider.GetRequiredService<PlaceBid>().RunAsync(auctionId, new BidderActor(bidders[worker], null, false), amount, $"bench-{amount}", CancellationToken.None);
        if (answer.Status is PlaceBidStatus.Accepted or PlaceBidStatus.Rejected) Interlocked.Increment(ref acks);
    });
    long acknowledged = Interlocked.Read(ref acks);
    BidPathProfile.Enabled = false;
    await using (var check = provider_.CreateAsyncScope())
    {
        // The bar counts durably committed bids only: every acknowledged bid is in the log, and the stored state is the log's replay.
        var db = check.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var stored = await db.AuctionBids.CountAsync(b => b.AuctionId == auctionId);
        var auction = await db.Auctions.AsNoTracking().FirstAsync(a => a.Id == auctionId);
        await AuctionState.EngineAsync(db, auction, CancellationToken.None); // throws if the state differs from the replay
        if (stored != acknowledged) throw new InvalidOperationException($"{acknowledged} bids acknowledged but {stored} stored.");
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"provider={provider}{(wal ? " (WAL)" : "")} workers={workers} seconds={seconds} bare_commits_per_s={bare:F1} bids_per_s={bidding:F1} ratio={bidding / bare:F2}"));
    if (profile) Console.WriteLine(BidPathProfile.Report());
}
finally
{
    if (serverConnection is not null)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(serverConnection);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
    SqliteConnection.ClearAllPools();
    try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { /* best effort */ }
}

static async Task<double> RunAsync(int workers, int seconds, Func<int, Task> operation)
{
    long done = 0;
    var stopwatch = Stopwatch.StartNew();
    var until = TimeSpan.FromSeconds(seconds);
    await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
    {
        while (stopwatch.Elapsed < until)
        {
            await operation(worker);
            Interlocked.Increment(ref done);
        }
    })));
    return done / stopwatch.Elapsed.TotalSeconds;
}

static async Task<(Guid AuctionId, Guid[] Bidders)> SetUpAsync(IServiceProvider services, int workers, bool wal)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
    await db.Database.MigrateAsync();
    if (wal && db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    var now = DateTimeOffset.UtcNow;
    var seller = new Organization(Guid.NewGuid(), "基准测试大学", null, OrganizationType.University, null, isDemo: true, createdAt: now);
    var organiser = new Organization(Guid.NewGuid(), "基准测试中心", null, OrganizationType.Company, null, isDemo: true, createdAt: now);
    db.Organizations.AddRange(seller, organiser);
    var record = new CatalogueRecord(Guid.NewGuid(), "BENCH-0001", AssetKind.ResearchResult, "基准测试标的", null, null, "zh", "benchmark", "CC0-1.0", null, null, null);
    db.CatalogueRecords.Add(record);
    var listing = new Listing(Guid.NewGuid(), record.Id, seller.Id, TradeModes.Assignment, null, Industry.NextGenIt, null, isDemo: true, createdAt: now);
    listing.PublishDemo(now);
    db.Listings.Add(listing);
    var bidders = Enumerable.Range(0, workers).Select(i => new Organization(Guid.NewGuid(), $"基准竞买人{i}", null, OrganizationType.Company, null, isDemo: true, createdAt: now)).ToArray();
    foreach (var b in bidders) b.MarkVerified(now);
    db.Organizations.AddRange(bidders);
    await db.SaveChangesAsync();
    var created = await scope.ServiceProvider.GetRequiredService<CreateAuction>().RunAsync(
        new AuctionSetup(listing.Id, organiser.Id, 1_000_000, null, 10_000, 100_000, now.AddHours(-1), now.AddDays(1)), CancellationToken.None);
    var auctionId = created.Auction!.Id;
    for (var i = 0; i < bidders.Length; i++)
    {
        db.AuctionRegistrations.Add(new AuctionRegistration
        {
            Id = Guid.NewGuid(), AuctionId = auctionId, OrganizationId = bidders[i].Id, AppliedAt = now, Status = RegistrationStatus.Qualified,
            BidderCode = $"BENCH{i}", QualifiedAt = now,
        });
    }
    await db.SaveChangesAsync();
    // Deposits as the center records them: a bank receipt booked Held in the ledger, the only truth bidding asks.
    foreach (var registration in await db.AuctionRegistrations.AsNoTracking().Where(r => r.AuctionId == auctionId).Select(r => r.Id).ToListAsync())
    {
        var marked = await scope.ServiceProvider.GetRequiredService<MarkDepositReceived>().RunAsync(registration, null, CancellationToken.None);
        if (!marked.Succeeded) throw new InvalidOperationException(marked.Error);
    }
    return (auctionId, bidders.Select(b => b.Id).ToArray());
}

static async Task CreateBareTableAsync(bool postgres, string connectionString)
{
    if (postgres)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("CREATE TABLE bench_rows (id bigserial PRIMARY KEY, payload text NOT NULL)", c);
        await cmd.ExecuteNonQueryAsync();
    }
    else
    {
        await using var c = new SqliteConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new SqliteCommand("CREATE TABLE bench_rows (id INTEGER PRIMARY KEY AUTOINCREMENT, payload TEXT NOT NULL)", c);
        await cmd.ExecuteNonQueryAsync();
    }
}

static async Task BareInsertAsync(bool postgres, string connectionString)
{
    if (postgres)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var tx = await c.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand("INSERT INTO bench_rows (payload) VALUES ('bid')", c, tx);
        await cmd.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }
    else
    {
        await using var c = new SqliteConnection(connectionString);
        await c.OpenAsync();
        await using var tx = c.BeginTransaction(deferred: false);
        await using var cmd = new SqliteCommand("INSERT INTO bench_rows (payload) VALUES ('bid')", c, tx);
        await cmd.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }
}
