using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Audit;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Payments;

public enum MilestonePayee
{
    /// <summary>支付研究开发方: money released to the developer (accepted, or released by the center).</summary>
    Developer = 1,
    /// <summary>退还委托方: money the center decided to refund to the client.</summary>
    Client = 2,
}

public enum MilestonePayoutRefusal
{
    None,
    NotFound,
    /// <summary>More than the payable account holds for this milestone (nothing released or refunded, or already paid).</summary>
    AmountAboveOutstanding,
}

public sealed record MilestonePayoutOutcome(MilestonePayoutRefusal Refusal, PaymentRecord? Payment, bool WasAlreadyRecorded = false)
{
    public bool Succeeded => Refusal == MilestonePayoutRefusal.None;
}

/// <summary>
/// The center records the transfer that pays a milestone's released money to the developer, or returns refunded money to
/// the client, like a seller payout: with the bank's reference, once per form (the payout id is the journal key), never
/// more than the milestone's payable balance in the ledger. The milestone's funding row is a concurrency token, so two
/// payouts racing on one milestone cannot both pass the balance check.
/// </summary>
public sealed class RecordMilestonePayout(TechMarketDbContext db, PostJournalEntry post, LedgerBalances ledger, ICurrentActor actor, TimeProvider clock)
{
    public async Task<MilestonePayoutOutcome> RunAsync(Guid fundingId, MilestonePayee payee, Guid payoutId, Money amount, string bankReference, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bankReference);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount.Fen, nameof(amount));
        var kind = payee == MilestonePayee.Developer ? BusinessEventKind.DeveloperPaidOut : BusinessEventKind.ClientRefundPaidOut;
        var key = IdempotencyKey.For(new BusinessEventRef(kind, payoutId)).Value;
        for (var attempt = 0; ; attempt++)
        {
            var earlier = await db.PaymentRecords.AsNoTracking().FirstOrDefaultAsync(p => p.JournalKey == key, ct).ConfigureAwait(false);
            if (earlier is not null) return new MilestonePayoutOutcome(MilestonePayoutRefusal.None, earlier, WasAlreadyRecorded: true);
            var funding = await db.MilestoneFunding.FirstOrDefaultAsync(f => f.Id == fundingId, ct).ConfigureAwait(false);
            if (funding is null) return new MilestonePayoutOutcome(MilestonePayoutRefusal.NotFound, null);
            var payable = payee == MilestonePayee.Developer ? LedgerAccount.PayableToDeveloper(funding.Id) : LedgerAccount.RefundPayableToClient(funding.Id);
            var outstanding = Money.Zero - await ledger.BalanceAsync(payable, ct).ConfigureAwait(false);
            if (amount > outstanding) return new MilestonePayoutOutcome(MilestonePayoutRefusal.AmountAboveOutstanding, null);

            var now = clock.GetUtcNow();
            var entry = payee == MilestonePayee.Developer
                ? MilestoneEscrow.PayDeveloper(funding.Id, payoutId, amount, now)
                : MilestoneEscrow.ReturnToClient(funding.Id, payoutId, amount, now);
            funding.Version++;
            var payment = PaymentRecord.BankTransferOut(
                payee == MilestonePayee.Developer ? PaymentPurpose.DeveloperPayout : PaymentPurpose.ClientRefund,
                payee == MilestonePayee.Developer ? funding.DeveloperOrganizationId : funding.ClientOrganizationId,
                amount, bankReference, entry.Key.Value, actor.UserId, now);
            payment.PaymentReference = funding.PaymentReference;
            payment.MilestoneFundingId = funding.Id;
            db.PaymentRecords.Add(payment);
            try
            {
                var posted = await post.RunAsync([entry], payee == MilestonePayee.Developer ? "rd-milestone.developer_paid" : "rd-milestone.client_refunded", bankReference, ct).ConfigureAwait(false);
                if (posted == PostingResult.Posted) return new MilestonePayoutOutcome(MilestonePayoutRefusal.None, payment);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
            if (attempt >= 3) throw new InvalidOperationException("The payout could not be recorded after repeated conflicts.");
        }
    }
}
