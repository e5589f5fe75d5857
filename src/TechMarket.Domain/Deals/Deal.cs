namespace TechMarket.Domain.Deals;

/// <summary>How a deal (成交) came about. Each origin names the record it came from (<c>OriginId</c>).</summary>
public enum DealOrigin
{
    /// <summary>挂牌交易: the only qualified buyer at the end of the listing period.</summary>
    ListedTrade = 1,
    /// <summary>网上竞价: the winner of an auction.</summary>
    Auction = 2,
    /// <summary>面议: an accepted offer or counter-offer.</summary>
    NegotiatedOffer = 3,
    /// <summary>An ordinary licence bought at the published price.</summary>
    ExpressLicence = 4,
    /// <summary>开放许可 (Patent Law Arts 50-52): a notified and paid open licence.</summary>
    OpenLicence = 5,
}

/// <summary>Where a deal stands, from its opening to its settlement.</summary>
public enum DealStatus
{
    /// <summary>Opened: the parties and price are fixed; documents are prepared.</summary>
    Open = 0,
    /// <summary>协议定价 at a state university: the internal publicity period (公示) runs.</summary>
    Publicity = 1,
    /// <summary>The contract is drafted and awaits both signatures.</summary>
    AwaitingSignatures = 2,
    BothSigned = 3,
    /// <summary>The price is paid and the seller paid out (payments' settlement is closed).</summary>
    Settled = 4,
    Cancelled = 5,
}
