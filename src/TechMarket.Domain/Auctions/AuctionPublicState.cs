using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Auctions;

/// <summary>
/// What anyone watching the auction may see. By construction it has no reserve, no maximum and no identity:
/// the reserve is secret (issue 5) and bidders appear only as codes until the close (SPC 2016 Arts 8, 18).
/// </summary>
public sealed record AuctionPublicState(
    Money StartPrice,
    Money? Price,
    BidderCode? Leader,
    Money NextMinimum,
    DateTimeOffset OpensAt,
    DateTimeOffset EndsAt,
    bool ProxyBidding,
    bool IsClosed,
    int AcceptedBids,
    IReadOnlyList<PublicBid> History);

/// <summary>An accepted bid as the public sees it: the bidder's code, the time, and the price and leader after it.</summary>
public sealed record PublicBid(BidderCode Bidder, DateTimeOffset At, Money PriceAfter, BidderCode LeaderAfter);
