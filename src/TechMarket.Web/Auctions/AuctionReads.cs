using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Auctions;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Web.Auctions;

/// <summary>The public view of an auction: what anyone may see. Never the reserve, a maximum or an identity.</summary>
public sealed record AuctionPublicView(
    Guid Id,
    string Title,
    Guid ListingId,
    Guid? SessionId,
    int? LotNumber,
    string Status,
    long StartPriceFen,
    long? PriceFen,
    string? Leader,
    long NextMinimumFen,
    long StepFen,
    long DepositFen,
    DateTimeOffset OpensAt,
    DateTimeOffset EndsAt,
    DateTimeOffset ServerTime,
    bool ProxyBidding,
    int SoftCloseSeconds,
    int ExtensionSeconds,
    int AcceptedBids,
    long Sequence,
    string? Outcome,
    string? Winner,
    IReadOnlyList<PublicBidView> History);

public sealed record PublicBidView(string Bidder, DateTimeOffset At, long PriceAfterFen, string LeaderAfter, long Sequence);

/// <summary>
/// Reads the public state from the stored rows without a lock: the auction row first, then only the bids up to its
/// sequence, so a bid committed in between cannot make the two disagree.
/// </summary>
public sealed class AuctionReads(TechMarketDbContext db, TimeProvider clock)
{
    public Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken) => db.Auctions.AnyAsync(a => a.Id == id, cancellationToken);

    public async Task<AuctionPublicView?> PublicAsync(Guid id, CancellationToken cancellationToken)
    {
        var auction = await db.Auctions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (auction is null) return null;
        var history = await db.AuctionBids.AsNoTracking()
            .Where(b => b.AuctionId == id && b.Accepted && b.SequenceAfter <= auction.Sequence)
            .OrderBy(b => b.Ordinal)
            .Select(b => new PublicBidView(b.BidderCode, b.ReceivedAt, b.PriceAfterFen!.Value, b.LeaderAfter!, b.SequenceAfter))
            .ToListAsync(cancellationToken);
        return View(auction, history);
    }

    public AuctionPublicView View(Auction auction, IReadOnlyList<PublicBidView> history)
    {
        ArgumentNullException.ThrowIfNull(auction);
        var increment = auction.Increment();
        var next = auction.PriceFen is { } p ? p + increment.StepAt(new Money(p)).Fen : auction.StartPriceFen;
        return new AuctionPublicView(auction.Id, auction.Title, auction.ListingId, auction.SessionId, auction.LotNumber,
            auction.Status == AuctionStatus.Closed ? "closed" : "open",
            auction.StartPriceFen, auction.PriceFen, auction.LeaderCode, next, increment.StepAt(new Money(auction.PriceFen ?? auction.StartPriceFen)).Fen,
            auction.DepositFen, auction.OpensAt, auction.EndsAt, clock.GetUtcNow(), auction.ProxyBidding, auction.SoftCloseSeconds, auction.ExtensionSeconds,
            auction.AcceptedBids, auction.Sequence,
            auction.Sold is { } sold ? (sold ? "sold" : "unsold") : null, auction.WinnerCode, history);
    }
}
