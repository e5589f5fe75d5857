namespace TechMarket.Domain.Auctions;

/// <summary>Why someone may not bid at all (before the engine sees the bid). Expected refusals are values.</summary>
public enum BidderRefusal
{
    /// <summary>Auction Law Arts 22, 30; SPC 2016 Art. 34: the organiser and its staff may not bid.</summary>
    Organiser,

    /// <summary>Auction Law Art. 30: the seller (委托人) may not bid on its own lot.</summary>
    Seller,

    /// <summary>No registration for this auction.</summary>
    NotRegistered,

    /// <summary>Registered but not (yet) qualified by the center or the organiser; no bidder code.</summary>
    NotQualified,

    /// <summary>SPC 2016 Art. 17: no deposit, no bid.</summary>
    NoDeposit,

    /// <summary>SPC 2016 Art. 24: a winner declared in default (悔拍) may not bid in the re-auction of the same lot.</summary>
    BarredDefaulter,
}

/// <summary>The facts about one would-be bidder that decide whether it may bid.</summary>
/// <param name="IsBarredDefaulter">The organisation defaulted on an earlier auction of the same listing (SPC 2016 Art. 24).</param>
public sealed record BidderFacts(bool IsOrganiser, bool IsSeller, bool IsRegistered, bool IsQualified, bool DepositHeld, bool IsBarredDefaulter = false);

public static class BidderEligibility
{
    /// <summary>Null when the bidder may bid; otherwise the first reason it may not, in the order the law puts them.</summary>
    public static BidderRefusal? Decide(BidderFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        // Auction Law Arts 22, 30; SPC 2016 Art. 34: the organiser, its staff and the seller may not bid.
        if (facts.IsOrganiser) return BidderRefusal.Organiser;
        if (facts.IsSeller) return BidderRefusal.Seller;
        // SPC 2016 Art. 24: the defaulter is barred from the re-auction, whatever registration it may hold.
        if (facts.IsBarredDefaulter) return BidderRefusal.BarredDefaulter;
        if (!facts.IsRegistered) return BidderRefusal.NotRegistered;
        if (!facts.IsQualified) return BidderRefusal.NotQualified;
        // SPC 2016 Art. 17: the deposit is due before bidding.
        if (!facts.DepositHeld) return BidderRefusal.NoDeposit;
        return null;
    }

    public static string Code(this BidderRefusal refusal) => refusal switch
    {
        BidderRefusal.Organiser => "organiser",
        BidderRefusal.Seller => "seller",
        BidderRefusal.NotRegistered => "not_registered",
        BidderRefusal.NotQualified => "not_qualified",
        BidderRefusal.NoDeposit => "no_deposit",
        BidderRefusal.BarredDefaulter => "barred_defaulter",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
    };

    /// <summary>What the bidder is told, Chinese first.</summary>
    public static string Message(this BidderRefusal refusal) => refusal switch
    {
        BidderRefusal.Organiser => "组织方及其工作人员不得参与竞买（拍卖法第二十二条）/ The organiser and its staff may not bid.",
        BidderRefusal.Seller => "委托人不得参与竞买自己的标的（拍卖法第三十条）/ The seller may not bid on its own lot.",
        BidderRefusal.NotRegistered => "请先报名参加本场竞价 / Register for this auction first.",
        BidderRefusal.NotQualified => "报名尚未通过资格审核，暂无竞买号 / Your registration has not been qualified yet.",
        BidderRefusal.NoDeposit => "未缴纳保证金，不能出价（无保证金不得竞价）/ No deposit received: you cannot bid yet.",
        BidderRefusal.BarredDefaulter => "贵机构曾在该标的的拍卖中悔拍，不得参加重新拍卖（最高人民法院网络司法拍卖规定第二十四条）/ Your organisation defaulted on this lot and may not bid in its re-auction (SPC 2016 Art. 24).",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
    };
}
