using TechMarket.Domain.Deals;

namespace TechMarket.Web.Deals;

/// <summary>Chinese display names of the 面议 codes (English through the localizer).</summary>
public static class OfferLabels
{
    public static string Status(OfferStatus status) => status switch
    {
        OfferStatus.AwaitingSeller => "待卖方答复",
        OfferStatus.AwaitingBuyer => "待买方答复",
        OfferStatus.Accepted => "已接受（已成交）",
        OfferStatus.Declined => "已拒绝",
        OfferStatus.Withdrawn => "已撤回",
        OfferStatus.Lapsed => "已失效（挂牌已售出）",
    };

    public static string Move(OfferMove move) => move switch
    {
        OfferMove.Offer => "报价",
        OfferMove.Counter => "还价",
        OfferMove.Accept => "接受",
        OfferMove.Decline => "拒绝",
        OfferMove.Withdraw => "撤回",
    };
}
