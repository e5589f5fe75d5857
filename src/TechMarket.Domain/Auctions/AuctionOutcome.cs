using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Auctions;

public enum AuctionOutcomeStatus
{
    /// <summary>成交: the leader's price meets the reserve.</summary>
    Sold,

    /// <summary>流拍: no accepted bid, or the reserve was not met.</summary>
    Unsold,
}

/// <summary>
/// The result at the close (SPC 2016 Art. 22; Auction Law Arts 50, 52). <see cref="Price"/> is the final price even
/// when unsold for want of the reserve, and null when no bid was accepted; <see cref="Winner"/> is set only when sold.
/// </summary>
public sealed record AuctionOutcome(
    AuctionOutcomeStatus Status,
    BidderCode? Winner,
    Money? Price,
    DateTimeOffset EndsAt,
    int AcceptedBids,
    int RejectedBids);

/// <summary>What a live auction needs to continue after its last bid (see <see cref="AuctionEngine.Resume"/>). Holds the leader's maximum: not public.</summary>
public sealed record AuctionSnapshot(Money? Price, BidderCode? Leader, Money? LeaderMax, DateTimeOffset EndsAt, int AcceptedBids, int RejectedBids);
