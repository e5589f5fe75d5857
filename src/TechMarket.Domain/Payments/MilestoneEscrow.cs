using TechMarket.Domain.Shared;

namespace TechMarket.Domain.Payments;

/// <summary>
/// 研发里程碑托管: a directed R&amp;D milestone's funds are escrowed before work starts and released to the developer
/// when the client accepts the deliverable (Civil Code Art. 846, payment in instalments tied to milestones).
/// </summary>
public static class MilestoneEscrow
{
    public static JournalEntry Fund(Guid milestoneId, Money amount, PaymentChannel channel, DateTimeOffset now)
    {
        var cause = new BusinessEventRef(BusinessEventKind.MilestoneFunded, milestoneId);
        return new JournalEntry(IdempotencyKey.For(cause), cause, "里程碑款项托管 milestone funded", now,
            [Posting.Debit(channel.CashAccount(), amount), Posting.Credit(LedgerAccount.MilestoneEscrow(milestoneId), amount)]);
    }

    /// <summary>The client accepted the deliverable: the escrow becomes payable to the developer.</summary>
    public static JournalEntry ReleaseToDeveloper(Guid milestoneId, Guid developerId, Money amount, DateTimeOffset now)
    {
        var cause = new BusinessEventRef(BusinessEventKind.MilestoneReleased, milestoneId);
        return new JournalEntry(IdempotencyKey.For(cause), cause, "里程碑验收通过 milestone accepted", now,
            [Posting.Debit(LedgerAccount.MilestoneEscrow(milestoneId), amount), Posting.Credit(LedgerAccount.PayableToSeller(developerId), amount)]);
    }
}
