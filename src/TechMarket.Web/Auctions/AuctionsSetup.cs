using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Payments;

namespace TechMarket.Web.Auctions;

/// <summary>The auction slice: use cases, the deposit gate, the closing job, the outbox dispatcher, SignalR and the API.</summary>
internal static class AuctionsSetup
{
    public const string HubPath = "/hubs/auctions";

    public static void AddAuctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PlaceBid>();
        services.AddSingleton<BidGroupCommit>();
        services.AddScoped<CloseAuction>();
        services.AddScoped<CreateAuction>();
        services.AddScoped<ApplyForAuction>();
        services.AddScoped<QualifyRegistration>();
        services.AddScoped<MarkDepositReceived>();
        services.AddScoped<AuctionReads>();
        // 悔拍 (SPC 2016 Art. 24): declaration, runner-up offers, and the lapse/shortfall follow-ups.
        services.AddScoped<DeclareAuctionDefault>();
        services.AddScoped<AnswerRunnerUpOffer>();
        services.AddScoped<LapseRunnerUpOffers>();
        services.AddScoped<SettleDefaultShortfall>();
        services.AddScoped<RecordDefaultTransfer>();
        services.AddHostedService<AuctionDefaultJobs>();
        // IDepositGate is the ledger's (AddTechMarketPayments): the center's "deposit received" posts a bank receipt to it.
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IAuctionUpdatePublisher, HubAuctionUpdatePublisher>();
        services.AddHostedService<AuctionDemoSeeder>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<AuctionClosingService>();

        var signalR = services.AddSignalR();
        // Several web nodes: the Redis backplane carries each node's publishes to every node's watchers.
        if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("techmarket"));
        }
    }

    /// <summary>Unsent bytes a watcher's connection may gather before sends to it wait (SignalR's default is 64 KB).</summary>
    public const long WatcherBufferBytes = 1 << 20;

    public static void MapAuctions(this WebApplication app)
    {
        app.MapAuctionsApi();
        // A watcher that stops reading (a phone in a tunnel) must not hold up the others: a group send waits for every
        // connection's write, and a write waits once the connection's unsent bytes pass this buffer. At 64 KB (the default)
        // one stuck phone held everyone's updates until SignalR gave up on it (its transport send timeout, 10 s); 1 MB is
        // more than a stuck connection gathers before that timeout closes it (a bidding war's 50 updates a second are
        // about 15 KB/s), and bounds what one connection can hold in memory.
        var sendTimeout = app.Configuration.GetValue("Auctions:WatcherSendTimeout", TimeSpan.FromSeconds(10));
        app.MapHub<AuctionHub>(HubPath, o =>
        {
            o.TransportMaxBufferSize = WatcherBufferBytes;
            // How long a send to one watcher may be stuck before the connection is closed (SignalR's default, 10 s).
            o.TransportSendTimeout = sendTimeout;
        });
    }
}

/// <summary>Watchers join one group per auction; everything sent is public (no reserve, no maximum, no identity).</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
internal sealed class AuctionHub(AuctionReads reads) : Hub
{
    public static string Group(Guid auctionId) => "auction:" + auctionId.ToString("N");

    /// <summary>Joins an auction's updates; refuses unknown auctions. The client then resynchronises from GET /api/v1/auctions/{id}.</summary>
    public async Task JoinAuction(Guid auctionId)
    {
        if (!await reads.ExistsAsync(auctionId, Context.ConnectionAborted)) throw new HubException("竞价不存在 / No such auction.");
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(auctionId), Context.ConnectionAborted);
    }

    public Task LeaveAuction(Guid auctionId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(auctionId), Context.ConnectionAborted);
}

internal sealed class HubAuctionUpdatePublisher(IHubContext<AuctionHub> hub) : IAuctionUpdatePublisher
{
    public Task PublishAsync(AuctionUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return hub.Clients.Group(AuctionHub.Group(update.AuctionId)).SendAsync("auctionUpdated", update, cancellationToken);
    }
}
