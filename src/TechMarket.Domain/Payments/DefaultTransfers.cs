using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Payments;

/// <summary>
/// The two transfers a 悔拍 leaves for the center to make (SPC 2016 Art. 24), each keyed by the default so it is posted
/// once whatever the retries: the shortfall the forfeited deposit covered goes to the seller, and what the defaulter had
/// paid toward the price beyond the deposit goes back to it (only the deposit is forfeited).
/// </summary>
public static class DefaultTransfers
{
    /// <summary>应付卖方 → bank: the seller receives the re-auction shortfall booked for it when the re-sale was known.</summary>
    public static JournalEntry ShortfallToSeller(Guid defaultId, Guid sellerId, Money amount, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount.Fen, nameof(amount));
        var cause = new BusinessEventRef(BusinessEventKind.ShortfallPaidOut, defaultId);
        return new JournalEntry(IdempotencyKey.For(cause), cause, $"悔拍差价支付卖方 default {defaultId:N}", now,
            [Posting.Debit(LedgerAccount.PayableToSeller(sellerId), amount), Posting.Credit(LedgerAccount.CashAtBank, amount)]);
    }

    /// <summary>应收买方 (its credit) → bank: the defaulter's part-payments of the rescinded price are returned.</summary>
    public static JournalEntry PaymentsToDefaulter(Guid defaultId, Guid defaulterId, Money amount, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount.Fen, nameof(amount));
        var cause = new BusinessEventRef(BusinessEventKind.DefaulterPaymentsReturned, defaultId);
        return new JournalEntry(IdempotencyKey.For(cause), cause, $"悔拍退还已付价款 default {defaultId:N}", now,
            [Posting.Debit(LedgerAccount.DueFromBuyer(defaulterId), amount), Posting.Credit(LedgerAccount.CashAtBank, amount)]);
    }
}
