using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Auctions;
using TechMarket.Domain.Auctions.Replay;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>Rebuilds an auction's engine from its stored rules and bid log: the one way live state is derived (SPC 2016 Art. 29).</summary>
public static class AuctionState
{
    public static async Task<AuctionRules> RulesAsync(TechMarketDbContext db, Auction auction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(auction);
        var priority = await db.AuctionRegistrations.AsNoTracking()
            .Where(r => r.AuctionId == auction.Id && r.PriorityRank != null && r.BidderCode != null)
            .Select(r => new { r.BidderCode, r.PriorityRank })
            .ToListAsync(cancellationToken);
        return auction.Rules(priority.OrderBy(p => p.BidderCode, StringComparer.Ordinal).Select(p => new PriorityBidder(new BidderCode(p.BidderCode!), p.PriorityRank!.Value)));
    }

    public static async Task<AuctionLog> LogAsync(TechMarketDbContext db, Auction auction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(auction);
        var rules = await RulesAsync(db, auction, cancellationToken);
        var bids = await db.AuctionBids.AsNoTracking()
            .Where(b => b.AuctionId == auction.Id)
            .OrderBy(b => b.Ordinal)
            .Select(b => new { b.BidderCode, b.AmountFen, b.ReceivedAt })
            .ToListAsync(cancellationToken);
        return new AuctionLog(rules, [.. bids.Select(b => new BidRequest(new BidderCode(b.BidderCode), new Money(b.AmountFen), b.ReceivedAt))]);
    }

    /// <summary>The engine after every stored bid; closed too when the auction is. Throws if the stored summary disagrees with the replay.</summary>
    public static async Task<AuctionEngine> EngineAsync(TechMarketDbContext db, Auction auction, CancellationToken cancellationToken)
    {
        var log = await LogAsync(db, auction, cancellationToken);
        var engine = AuctionEngine.Replay(log.Rules, log.Bids);
        if (engine.Snapshot() != auction.Snapshot()) throw new InvalidOperationException($"Auction {auction.Id}: the stored snapshot differs from the replay of its bid log.");
        if (engine.AcceptedBids != auction.AcceptedBids || engine.RejectedBids != auction.RejectedBids || engine.Price?.Fen != auction.PriceFen
            || engine.Leader?.Value != auction.LeaderCode || engine.EndsAt != auction.EndsAt)
        {
            throw new InvalidOperationException($"Auction {auction.Id}: the stored summary differs from the replay of its bid log.");
        }
        if (auction.Status == AuctionStatus.Closed) engine.Close(engine.EndsAt);
        return engine;
    }
}
