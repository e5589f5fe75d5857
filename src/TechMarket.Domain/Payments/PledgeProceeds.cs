using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Payments;

/// <summary>
/// 质权实现所得: what the ledger does with a realisation sale's proceeds. The sale concludes like any other (the pledgor,
/// as patentee, is the seller of record); the lender is then paid first out of the pledgor's share up to the secured
/// debt (Civil Code Art. 436), and what is left stays payable to the pledgor (Art. 438).
/// </summary>
public static class PledgeProceeds
{
    /// <summary>Moves the lender's part of the pledgor's proceeds to the lender (one entry per realisation lot).</summary>
    public static JournalEntry Apply(Guid lotId, Guid pledgorId, Guid lenderId, Money toLender, DateTimeOffset now)
    {
        var cause = new BusinessEventRef(BusinessEventKind.PledgeProceedsApplied, lotId);
        return new JournalEntry(IdempotencyKey.For(cause), cause, $"质权实现所得抵偿债务 lot {lotId:N}", now,
            [Posting.Debit(LedgerAccount.PayableToSeller(pledgorId), toLender), Posting.Credit(LedgerAccount.PayableToLender(lenderId), toLender)]);
    }

    /// <summary>The center's transfer of that part to the lender (one entry per realisation lot).</summary>
    public static JournalEntry PayLender(Guid lotId, Guid lenderId, Money amount, DateTimeOffset now)
    {
        var cause = new BusinessEventRef(BusinessEventKind.LenderPaidOut, lotId);
        return new JournalEntry(IdempotencyKey.For(cause), cause, $"支付质权人 lot {lotId:N}", now,
            [Posting.Debit(LedgerAccount.PayableToLender(lenderId), amount), Posting.Credit(LedgerAccount.CashAtBank, amount)]);
    }
}
