using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Auctions;

/// <summary>Why the center declares a winner in default (悔拍).</summary>
public enum DefaultGround
{
    /// <summary>未按期支付尾款: the balance was not paid by the settlement's due date.</summary>
    NotPaid = 1,
    /// <summary>拒绝签约: the winner refused to sign the confirmation or contract; may be declared before the due date.</summary>
    RefusedToSign = 2,
}

/// <summary>
/// 悔拍 (SPC 2016 Art. 24): a winner who does not pay the balance in time, or refuses to sign, is declared in default.
/// The deposit is forfeited and applied to costs, then to any shortfall of the re-auction; the defaulter may not bid in
/// the re-auction.
/// </summary>
public static class DefaultRules
{
    /// <summary>
    /// Null when the default may be declared now; otherwise why not. Non-payment only after the due date has passed (the
    /// winner has the whole period); a refusal to sign may be declared at once, as the refusal itself is the breach.
    /// </summary>
    public static string? CanDeclare(DefaultGround ground, DateTimeOffset? buyerDueBy, DateTimeOffset now)
    {
        if (ground == DefaultGround.RefusedToSign) return null;
        if (buyerDueBy is not { } due)
        {
            return "尚未生成结算单（无付款期限），只能以“拒绝签约”宣告悔拍 / No settlement (no due date) yet: only a refusal to sign can be declared.";
        }
        if (now <= due)
        {
            var local = due.ToOffset(ChinaTime.Offset);
            return $"尾款付款期限为 {local:yyyy-MM-dd HH:mm}（北京时间），期限届满前不能以未付款宣告悔拍 / The balance is due by {local:yyyy-MM-dd HH:mm} Beijing time; non-payment cannot be declared before then.";
        }
        return null;
    }

    /// <summary>
    /// 差价 (SPC 2016 Art. 24): what the re-sale fell short of the defaulted price, capped by what is left of the forfeited
    /// deposit after costs. No re-sale (unsold, or none within the 30 days) measures no shortfall.
    /// </summary>
    public static Money Shortfall(Money defaultedPrice, Money? resalePrice, Money heldForShortfall)
    {
        if (resalePrice is not { } resale || resale >= defaultedPrice) return Money.Zero;
        var gap = defaultedPrice - resale;
        return gap <= heldForShortfall ? gap : heldForShortfall;
    }
}

/// <summary>One bid of the log as the runner-up rule reads it.</summary>
public sealed record LoggedBid(int Ordinal, BidderCode Bidder, Money Amount, bool Accepted);

/// <summary>次高出价人 and the amount the lot may be offered to them at.</summary>
public sealed record RunnerUpBid(BidderCode Bidder, Money Amount, int Ordinal);

/// <summary>
/// DOMAIN.md (option under SPC 2016 Art. 24): after a default the center may offer the lot to the runner-up at their
/// last bid. The runner-up is the bidder other than the defaulter whose highest accepted bid is the highest in the log;
/// equal amounts go to the earlier bid (as at the auction itself). The amount is that bidder's highest accepted bid as
/// logged: in manual mode the exact bid; in proxy mode the maximum the bidder entered, because that is the last
/// amount the bidder declared itself bound to pay (Auction Law Art. 36: a bid binds until a higher one is accepted),
/// whereas the price the engine showed for it was only as much as was needed to lead. Rejected bids bound nobody and
/// are ignored. The amount is never compared with the reserve here: the caller checks Auction Law Art. 50 and says
/// only "not offered", so the reserve is never revealed.
/// </summary>
public static class RunnerUp
{
    public static RunnerUpBid? Select(IEnumerable<LoggedBid> log, BidderCode defaulter)
    {
        ArgumentNullException.ThrowIfNull(log);
        RunnerUpBid? best = null;
        foreach (var bid in log.Where(b => b.Accepted && b.Bidder != defaulter).OrderBy(b => b.Ordinal))
        {
            // Strictly higher only: an equal amount placed later does not displace the earlier bidder.
            if (best is null || bid.Amount > best.Amount) best = new RunnerUpBid(bid.Bidder, bid.Amount, bid.Ordinal);
        }
        return best;
    }
}
