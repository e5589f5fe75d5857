using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests.Auctions;

/// <summary>
/// Several web nodes (docs/architecture.md: web nodes stay stateless; live updates through the Redis backplane when
/// configured): two sites on one PostgreSQL database, both with <c>Redis:Configuration</c>. Node B runs none of the
/// auction jobs, the auction outbox dispatcher included, so an update its watcher receives can only have come from node A through Redis.
/// Runs when TECHMARKET_TEST_REDIS and TECHMARKET_TEST_POSTGRES are set (.ci/run starts both servers).
/// </summary>
public sealed class RedisBackplaneTests
{
    private static readonly string? Redis = Environment.GetEnvironmentVariable("TECHMARKET_TEST_REDIS");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_bid_on_one_node_reaches_a_watcher_on_another_through_redis()
    {
        var database = ScratchPostgres.NewDatabase();
        if (string.IsNullOrWhiteSpace(Redis) || database is null) Assert.Skip("TECHMARKET_TEST_REDIS and TECHMARKET_TEST_POSTGRES are not both set; both run in .ci/run.");
        await using var a = new BackplaneNode(database, Redis, primary: true);
        await a.InitializeAsync();
        // Node B starts on the migrated, seeded database, as a second node joining a running site would.
        await using var b = new BackplaneNode(database, Redis, primary: false);
        await b.InitializeAsync();

        var auction = await AuctionScenario.CreateAsync(a);
        var bidder = await AuctionScenario.NewBidderAsync(a, "跨节点竞买公司");
        await AuctionScenario.RegisterAsync(a, auction.Id, bidder.OrganizationId);

        var received = new ConcurrentQueue<JsonElement>();
        await using var watcher = new HubConnectionBuilder()
            .WithUrl(new Uri(b.Server.BaseAddress, "/hubs/auctions"), o =>
            {
                o.HttpMessageHandlerFactory = _ => b.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        watcher.On<JsonElement>("auctionUpdated", update => received.Enqueue(update));
        await watcher.StartAsync(Ct);
        await watcher.InvokeAsync("JoinAuction", auction.Id, Ct);

        var bid = await AuctionScenario.BidAsync(bidder.Client, auction.Id, 1_200_000);
        Assert.Equal(HttpStatusCode.OK, bid.StatusCode);
        using var answer = JsonDocument.Parse(await bid.Content.ReadAsStringAsync(Ct));
        var sequence = answer.RootElement.GetProperty("sequence").GetInt64();

        await Eventually.TrueAsync(() => received.Any(u => u.GetProperty("sequence").GetInt64() == sequence), "the update reaches node B's watcher");
        var update = received.Single(u => u.GetProperty("sequence").GetInt64() == sequence);
        Assert.Equal(auction.Id, update.GetProperty("auctionId").GetGuid());
        Assert.Equal(answer.RootElement.GetProperty("priceFen").GetInt64(), update.GetProperty("priceFen").GetInt64());
        Assert.Equal(answer.RootElement.GetProperty("bidderCode").GetString(), update.GetProperty("leader").GetString());
    }

    /// <summary>One web node on a shared PostgreSQL database with the Redis backplane; the primary owns the database.</summary>
    private sealed class BackplaneNode(string connectionString, string redis, bool primary) : TechMarketSite
    {
        public override string Provider => "Postgres";

        public override string? ConnectionString => connectionString;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Redis:Configuration", redis);
            if (primary) return;
            // A watch-only node: it seeds nothing, builds no index, and runs none of the jobs registered by type (the auction
            // dispatcher, closing, seeders); only the listing outbox dispatcher, registered through a factory, remains.
            builder.UseSetting("TechMarket:SeedDemoData", "false");
            builder.UseSetting("Search:RebuildAtStartup", "false");
            builder.UseSetting("Identity:SeedDemoAccounts", "false");
            builder.ConfigureTestServices(services =>
            {
                foreach (var job in services.Where(d => d.ServiceType == typeof(IHostedService)
                    && d.ImplementationType?.Assembly.GetName().Name?.StartsWith("TechMarket", StringComparison.Ordinal) == true).ToList())
                {
                    services.Remove(job);
                }
            });
        }

        protected override Task DropDatabaseAsync() => primary ? base.DropDatabaseAsync() : Task.CompletedTask;
    }
}
