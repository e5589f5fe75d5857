using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Auctions;

/// <summary>Why a bid was refused. Expected refusals are values, not exceptions.</summary>
public enum BidRejection
{
    /// <summary>Before opensAt or at/after the current endsAt, or after the close.</summary>
    NotOpen,

    /// <summary>Below the minimum for this bidder; <see cref="BidOutcome.Minimum"/> states it.</summary>
    BelowMinimum,

    /// <summary>Manual mode: the current leader may not bid against itself.</summary>
    AlreadyLeading,
}

/// <summary>
/// The answer to one bid. Holds only what its own bidder may see: the public price and leader code after the bid,
/// the end time, and for a refusal the minimum — never another bidder's maximum or the reserve.
/// </summary>
public sealed record BidOutcome
{
    private BidOutcome(BidRejection? rejection, Money? minimum, Money? priceAfter, BidderCode? leaderAfter, DateTimeOffset endsAtAfter, bool extended)
    {
        Rejection = rejection;
        Minimum = minimum;
        PriceAfter = priceAfter;
        LeaderAfter = leaderAfter;
        EndsAtAfter = endsAtAfter;
        Extended = extended;
    }

    public bool IsAccepted => Rejection is null;
    public BidRejection? Rejection { get; }

    /// <summary>With <see cref="BidRejection.BelowMinimum"/>: the least amount this bidder could have bid at or above the refused one.</summary>
    public Money? Minimum { get; }

    /// <summary>The current price after the bid; null while no bid has been accepted.</summary>
    public Money? PriceAfter { get; }

    public BidderCode? LeaderAfter { get; }
    public DateTimeOffset EndsAtAfter { get; }

    /// <summary>True when this bid moved the end (soft close).</summary>
    public bool Extended { get; }

    public static BidOutcome Accepted(Money priceAfter, BidderCode leaderAfter, DateTimeOffset endsAtAfter, bool extended) =>
        new(null, null, priceAfter, leaderAfter, endsAtAfter, extended);

    public static BidOutcome Rejected(BidRejection reason, Money? priceAfter, BidderCode? leaderAfter, DateTimeOffset endsAtAfter, Money? minimum = null)
    {
        if ((reason == BidRejection.BelowMinimum) != minimum.HasValue) throw new ArgumentException("A below-minimum refusal states the minimum; other refusals do not.", nameof(minimum));
        return new(reason, minimum, priceAfter, leaderAfter, endsAtAfter, extended: false);
    }
}

/// <summary>One bid as received: who, how much (a maximum in proxy mode, an exact amount in manual mode), and the server's time of receipt.</summary>
public sealed record BidRequest(BidderCode Bidder, Money Amount, DateTimeOffset At);

/// <summary>One entry of the bid log: the bid and the engine's answer. Holds the amount, so it is an audit record, not public.</summary>
public sealed record BidRecord(BidRequest Bid, BidOutcome Outcome);
