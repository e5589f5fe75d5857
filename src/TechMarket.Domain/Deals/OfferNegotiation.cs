namespace TechMarket.Domain.Deals;

/// <summary>Who moved last in a 面议 thread.</summary>
public enum OfferSide
{
    Buyer = 1,
    Seller = 2,
}

public enum OfferStatus
{
    /// <summary>The buyer's offer or counter waits for the seller.</summary>
    AwaitingSeller = 1,
    /// <summary>The seller's counter waits for the buyer.</summary>
    AwaitingBuyer = 2,
    /// <summary>The side it waited for accepted: a deal is opened.</summary>
    Accepted = 3,
    Declined = 4,
    /// <summary>The buyer took the offer back.</summary>
    Withdrawn = 5,
    /// <summary>Another deal took the listing off the market first.</summary>
    Lapsed = 6,
}

/// <summary>One step a side takes in a 面议 thread.</summary>
public enum OfferMove
{
    Offer = 1,
    Counter = 2,
    Accept = 3,
    Decline = 4,
    Withdraw = 5,
}

/// <summary>
/// 面议 (negotiated price): the buyer offers; whoever the thread waits for accepts, declines or counters; a counter hands the
/// turn to the other side. Terms accepted are the last ones proposed, so neither side accepts its own proposal.
/// </summary>
public static class OfferNegotiation
{
    public static bool IsOpen(OfferStatus status) => status is OfferStatus.AwaitingSeller or OfferStatus.AwaitingBuyer;

    public static OfferSide? AwaitedSide(OfferStatus status) => status switch
    {
        OfferStatus.AwaitingSeller => OfferSide.Seller,
        OfferStatus.AwaitingBuyer => OfferSide.Buyer,
        _ => null,
    };

    /// <summary>The status after <paramref name="side"/> makes <paramref name="move"/>, or the refusal.</summary>
    public static (OfferStatus? Next, DealRefusal? Refusal) Apply(OfferStatus status, OfferSide side, OfferMove move)
    {
        if (!IsOpen(status))
            return (null, new(DealRefusalCode.WrongStatus, "该报价已结束。", "This offer thread is closed."));
        if (move == OfferMove.Withdraw)
            return side == OfferSide.Buyer
                ? (OfferStatus.Withdrawn, null)
                : (null, new(DealRefusalCode.NotAllowed, "只有出价方可以撤回报价。", "Only the buyer may withdraw its offer."));
        if (AwaitedSide(status) != side)
            return (null, new(DealRefusalCode.NotAllowed, "正在等待对方答复，不能接受或还价自己的报价。", "Waiting for the other side: you cannot answer your own proposal."));
        return move switch
        {
            OfferMove.Accept => (OfferStatus.Accepted, null),
            OfferMove.Decline => (OfferStatus.Declined, null),
            OfferMove.Counter => (side == OfferSide.Seller ? OfferStatus.AwaitingBuyer : OfferStatus.AwaitingSeller, null),
            OfferMove.Offer or OfferMove.Withdraw => (null, new(DealRefusalCode.NotAllowed, "不允许的操作。", "Not allowed.")),
            _ => (null, new(DealRefusalCode.NotAllowed, "不允许的操作。", "Not allowed.")),
        };
    }
}
