using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Payments;

/// <summary>
/// 研发里程碑托管: a directed R&amp;D milestone's funds are escrowed before work starts and released to the developer
/// when the client accepts the deliverable (Civil Code Art. 846, payment in instalments tied to milestones); a dispute goes
/// to the center, which releases, releases part or refunds. Each milestone has its own sub-accounts (party = the
/// milestone's account id): escrow, payable to the developer, refund payable to the client. Money only moves
/// cash → escrow → payable → cash, so per milestone: held + payables + paid out = funded.
/// </summary>
public static class MilestoneEscrow
{
    /// <summary>The client's money arrived (bank receipt or card): one entry per milestone, so it is never booked twice.</summary>
    public static JournalEntry Fund(Guid milestoneAccountId, Money amount, PaymentChannel channel, DateTimeOffset now)
    {
        var cause = new BusinessEventRef(BusinessEventKind.MilestoneFunded, milestoneAccountId);
        return new JournalEntry(IdempotencyKey.For(cause), cause, "里程碑款项托管 milestone funded", now,
            [Posting.Debit(channel.CashAccount(), amount), Posting.Credit(LedgerAccount.MilestoneEscrow(milestoneAccountId), amount)]);
    }

    /// <summary>Accepted, or released (in part) by the center: the escrow becomes payable to the developer (once per milestone).</summary>
    public static JournalEntry ReleaseToDeveloper(Guid milestoneAccountId, Money amount, string reason, DateTimeOffset now)
    {
        var cause = new BusinessEventRef(BusinessEventKind.MilestoneReleased, milestoneAccountId);
        return new JournalEntry(IdempotencyKey.For(cause), cause, reason, now,
            [Posting.Debit(LedgerAccount.MilestoneEscrow(milestoneAccountId), amount), Posting.Credit(LedgerAccount.PayableToDeveloper(milestoneAccountId), amount)]);
    }

    /// <summary>The center decided (part of) the escrow goes back to the client (once per milestone).</summary>
    public static JournalEntry RefundToClient(Guid milestoneAccountId, Money amount, string reason, DateTimeOffset now)
    {
        var cause = new BusinessEventRef(BusinessEventKind.MilestoneRefunded, milestoneAccountId);
        return new JournalEntry(IdempotencyKey.For(cause), cause, reason, now,
            [Posting.Debit(LedgerAccount.MilestoneEscrow(milestoneAccountId), amount), Posting.Credit(LedgerAccount.RefundPayableToClient(milestoneAccountId), amount)]);
    }

    /// <summary>The center transferred released money to the developer (one entry per payout id).</summary>
    public static JournalEntry PayDeveloper(Guid milestoneAccountId, Guid payoutId, Money amount, DateTimeOffset now)
    {
        var cause = new BusinessEventRef(BusinessEventKind.DeveloperPaidOut, payoutId);
        return new JournalEntry(IdempotencyKey.For(cause), cause, "支付研究开发方 milestone paid out", now,
            [Posting.Debit(LedgerAccount.PayableToDeveloper(milestoneAccountId), amount), Posting.Credit(LedgerAccount.CashAtBank, amount)]);
    }

    /// <summary>The center returned refunded money to the client (one entry per transfer id).</summary>
    public static JournalEntry ReturnToClient(Guid milestoneAccountId, Guid transferId, Money amount, DateTimeOffset now)
    {
        var cause = new BusinessEventRef(BusinessEventKind.ClientRefundPaidOut, transferId);
        return new JournalEntry(IdempotencyKey.For(cause), cause, "退还委托方 milestone refund returned", now,
            [Posting.Debit(LedgerAccount.RefundPayableToClient(milestoneAccountId), amount), Posting.Credit(LedgerAccount.CashAtBank, amount)]);
    }
}
