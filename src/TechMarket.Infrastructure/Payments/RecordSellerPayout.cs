using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Audit;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Payments;

public enum PayoutRefusal
{
    None,
    NotFound,
    /// <summary>The platform pays the seller only from the buyer's money: the buyer has not paid in full yet (or defaulted: 悔拍).</summary>
    BuyerNotPaid,
    /// <summary>More than what is still owed to the seller.</summary>
    AmountAboveOutstanding,
    /// <summary>A pledge realisation sale: the lender is paid out of the proceeds first (Civil Code Art. 436), then the pledgor.</summary>
    PledgeLenderFirst,
}

public sealed record PayoutOutcome(PayoutRefusal Refusal, PaymentRecord? Payment, bool WasAlreadyRecorded = false)
{
    public bool Succeeded => Refusal == PayoutRefusal.None;
}

/// <summary>
/// 支付卖方: the center records the transfer to the seller. The form's key names the payout, so sending the form twice
/// posts once; the settlement's paid amount is a concurrency token, so two different payouts cannot overpay.
/// </summary>
public sealed class RecordSellerPayout(TechMarketDbContext db, PostJournalEntry post, ICurrentActor actor, TimeProvider clock)
{
    public async Task<PayoutOutcome> RunAsync(Guid settlementId, Guid payoutId, Money amount, string bankReference, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bankReference);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount.Fen, nameof(amount));
        for (var attempt = 0; ; attempt++)
        {
            var key = IdempotencyKey.For(new BusinessEventRef(BusinessEventKind.SellerPaidOut, payoutId)).Value;
            var earlier = await db.PaymentRecords.AsNoTracking().FirstOrDefaultAsync(p => p.JournalKey == key, ct).ConfigureAwait(false);
            if (earlier is not null) return new PayoutOutcome(PayoutRefusal.None, earlier, WasAlreadyRecorded: true);
            var settlement = await db.Settlements.FirstOrDefaultAsync(s => s.Id == settlementId, ct).ConfigureAwait(false);
            if (settlement is null) return new PayoutOutcome(PayoutRefusal.NotFound, null);
            if (settlement.State is SettlementState.AwaitingBuyer or SettlementState.Rescinded) return new PayoutOutcome(PayoutRefusal.BuyerNotPaid, null);
            if (await db.RealisationLots.AnyAsync(l => l.SettlementId == settlementId && l.AppliedAt == null, ct).ConfigureAwait(false))
                return new PayoutOutcome(PayoutRefusal.PledgeLenderFirst, null);
            if (amount > settlement.SellerOutstanding) return new PayoutOutcome(PayoutRefusal.AmountAboveOutstanding, null);

            var now = clock.GetUtcNow();
            var entry = settlement.ToDomain().SellerPaidOut(payoutId, amount, now);
            settlement.SellerPaidFen += amount.Fen;
            if (settlement.SellerOutstanding == Money.Zero) settlement.State = SettlementState.Settled;
            var payment = PaymentRecord.BankTransferOut(PaymentPurpose.SellerPayout, settlement.SellerOrganizationId, amount, bankReference,
                entry.Key.Value, actor.UserId, now);
            payment.SettlementId = settlement.Id;
            db.PaymentRecords.Add(payment);
            try
            {
                var posted = await post.RunAsync([entry], "settlement.seller_paid", bankReference, ct).ConfigureAwait(false);
                if (posted == PostingResult.Posted) return new PayoutOutcome(PayoutRefusal.None, payment);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
            if (attempt >= 3) throw new InvalidOperationException("The payout could not be recorded after repeated conflicts.");
        }
    }
}
