using System.Diagnostics.CodeAnalysis;
using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Payments;

public enum CommissionRefusal
{
    None,
    /// <summary>Auction Law Art. 56: an auctioneer may charge at most 5 % of the hammer price from each side.</summary>
    AuctionRateAboveFivePercent,
}

/// <summary>Commission rates per side, configured per auction session or listing.</summary>
public sealed record CommissionRates
{
    private CommissionRates(Rate buyer, Rate seller) { Buyer = buyer; Seller = seller; }

    public Rate Buyer { get; }
    public Rate Seller { get; }

    /// <summary>Auction Law Art. 56: at most 5 % of the hammer price from each side.</summary>
    public static Rate AuctionCapPerSide { get; } = Rate.Percent(5);

    public static CommissionRates None { get; } = new(Rate.Zero, Rate.Zero);

    public static bool TryForAuction(Rate buyer, Rate seller, [NotNullWhen(true)] out CommissionRates? rates, out CommissionRefusal refusal)
    {
        rates = null;
        if (buyer > AuctionCapPerSide || seller > AuctionCapPerSide) { refusal = CommissionRefusal.AuctionRateAboveFivePercent; return false; }
        rates = new CommissionRates(buyer, seller);
        refusal = CommissionRefusal.None;
        return true;
    }

    /// <summary>A listed trade has no statutory cap; the venue's published tariff applies.</summary>
    public static CommissionRates ForListedTrade(Rate buyer, Rate seller) => new(buyer, seller);
}

/// <summary>
/// 结算: what each side of a deal pays or receives. The buyer owes price + buyer commission − the applied deposit;
/// the seller receives price − seller commission; the platform keeps both commissions.
/// </summary>
public sealed class DealSettlement
{
    public DealSettlement(Guid dealId, Guid buyerId, Guid sellerId, Money price, CommissionRates rates, Money appliedDeposit)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price.Fen, nameof(price));
        ArgumentOutOfRangeException.ThrowIfNegative(appliedDeposit.Fen, nameof(appliedDeposit));
        DealId = dealId;
        BuyerId = buyerId;
        SellerId = sellerId;
        Price = price;
        Rates = rates;
        AppliedDeposit = appliedDeposit;
        // The deposit is a share of the start or listing price and the price is at least that, so this cannot
        // happen for a valid deal; if it does, the inputs are wrong.
        if (appliedDeposit > BuyerTotal) throw new ArgumentException("The applied deposit exceeds what the buyer owes.", nameof(appliedDeposit));
    }

    public Guid DealId { get; }
    public Guid BuyerId { get; }
    public Guid SellerId { get; }
    public Money Price { get; }
    public CommissionRates Rates { get; }
    public Money AppliedDeposit { get; }

    public Money BuyerCommission => Rates.Buyer.Of(Price);
    public Money SellerCommission => Rates.Seller.Of(Price);
    public Money PlatformCommission => BuyerCommission + SellerCommission;
    public Money BuyerTotal => Price + BuyerCommission;
    public Money BuyerOwes => BuyerTotal - AppliedDeposit;
    public Money SellerReceives => Price - SellerCommission;

    /// <summary>At the hammer (成交确认书) or the signing: the buyer owes, the seller is owed, commission is earned.</summary>
    public JournalEntry Conclude(DateTimeOffset now)
    {
        var cause = new BusinessEventRef(BusinessEventKind.DealConcluded, DealId);
        List<Posting> postings = [Posting.Debit(LedgerAccount.DueFromBuyer(BuyerId), BuyerTotal)];
        if (SellerReceives > Money.Zero) postings.Add(Posting.Credit(LedgerAccount.PayableToSeller(SellerId), SellerReceives));
        if (PlatformCommission > Money.Zero) postings.Add(Posting.Credit(LedgerAccount.CommissionIncome, PlatformCommission));
        return new JournalEntry(IdempotencyKey.For(cause), cause, $"成交 deal concluded at {Price}", now, postings);
    }

    /// <summary>The buyer defaulted (悔拍 / did not sign or pay): the concluded deal is reversed; the deposit is forfeited separately.</summary>
    public JournalEntry Rescind(string reason, DateTimeOffset now)
    {
        var concluded = Conclude(now);
        var cause = new BusinessEventRef(BusinessEventKind.DealRescinded, DealId);
        return new JournalEntry(IdempotencyKey.For(cause), cause, reason, now,
            concluded.Postings.Select(p => new Posting(p.Account, new Money(-p.Amount.Fen))));
    }

    /// <summary>A receipt from the buyer toward the balance (one entry per receipt id).</summary>
    public JournalEntry BuyerPaid(Guid receiptId, Money amount, PaymentChannel channel, DateTimeOffset now)
    {
        var cause = new BusinessEventRef(BusinessEventKind.BuyerBalancePaid, receiptId);
        return new JournalEntry(IdempotencyKey.For(cause), cause, $"买方付款 deal {DealId:N}", now,
            [Posting.Debit(channel.CashAccount(), amount), Posting.Credit(LedgerAccount.DueFromBuyer(BuyerId), amount)]);
    }

    /// <summary>The center pays the seller out (one entry per payout id).</summary>
    public JournalEntry SellerPaidOut(Guid payoutId, Money amount, DateTimeOffset now)
    {
        var cause = new BusinessEventRef(BusinessEventKind.SellerPaidOut, payoutId);
        return new JournalEntry(IdempotencyKey.For(cause), cause, $"支付卖方 deal {DealId:N}", now,
            [Posting.Debit(LedgerAccount.PayableToSeller(SellerId), amount), Posting.Credit(LedgerAccount.CashAtBank, amount)]);
    }
}
