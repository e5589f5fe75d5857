using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;
using TechMarket.Infrastructure.Audit;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Auctions;

/// <summary>The two transfers a 悔拍 leaves for the center (SPC 2016 Art. 24).</summary>
public enum DefaultTransfer
{
    /// <summary>支付卖方差价: the re-auction shortfall the forfeited deposit covered, to the seller.</summary>
    ShortfallToSeller = 1,
    /// <summary>退还已付价款: what the defaulter had paid toward the price beyond the deposit, back to it.</summary>
    PaymentsToDefaulter = 2,
}

public enum DefaultTransferRefusal
{
    None,
    NotFound,
    /// <summary>The re-sale is not known yet, so neither is the shortfall (see <see cref="SettleDefaultShortfall"/>).</summary>
    ShortfallNotKnown,
    /// <summary>Nothing to transfer: no shortfall, or the defaulter had paid nothing beyond the deposit.</summary>
    NothingOwed,
    /// <summary>A pledge realisation sale: its proceeds go to the lender first (Civil Code Art. 436), through the pledge case.</summary>
    PledgeLenderFirst,
}

public sealed record DefaultTransferOutcome(DefaultTransferRefusal Refusal, PaymentRecord? Payment, bool WasAlreadyRecorded = false)
{
    public bool Succeeded => Refusal == DefaultTransferRefusal.None;
}

/// <summary>
/// The center records the bank transfer that settles a 悔拍 with a party, the way it records a seller payout
/// (<see cref="RecordSellerPayout"/>): an outgoing <see cref="PaymentRecord"/> with the bank's reference and its journal entry
/// in one SaveChanges, audited, and the party told. SPC 2016 Art. 24: the forfeited deposit covers the re-auction's
/// shortfall, so the seller receives what <see cref="SettleDefaultShortfall"/> booked as owed to it; only the deposit is
/// forfeited, so the defaulter gets back what it had paid toward the rescinded price (its credit on the buyers' account).
/// The amount is the whole sum owed, and the journal key is the default's, so each transfer is booked once however
/// often the form is sent; the payment record's unique journal key decides a race between two members of staff.
/// </summary>
public sealed class RecordDefaultTransfer(TechMarketDbContext db, PostJournalEntry post, ICurrentActor actor, OutboxSignal outbox, TimeProvider clock)
{
    public const int MaxBankReferenceLength = 100;

    /// <summary>The journal (and payment record) key of a default's transfer.</summary>
    public static string JournalKey(DefaultTransfer transfer, Guid defaultId) => IdempotencyKey.For(new BusinessEventRef(transfer switch
    {
        DefaultTransfer.ShortfallToSeller => BusinessEventKind.ShortfallPaidOut,
        DefaultTransfer.PaymentsToDefaulter => BusinessEventKind.DefaulterPaymentsReturned,
        _ => throw new ArgumentOutOfRangeException(nameof(transfer)),
    }, defaultId)).Value;

    public async Task<DefaultTransferOutcome> RunAsync(Guid defaultId, DefaultTransfer transfer, string bankReference, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bankReference);
        var key = JournalKey(transfer, defaultId);
        for (var attempt = 0; ; attempt++)
        {
            var earlier = await db.PaymentRecords.AsNoTracking().FirstOrDefaultAsync(p => p.JournalKey == key, ct).ConfigureAwait(false);
            if (earlier is not null) return new DefaultTransferOutcome(DefaultTransferRefusal.None, earlier, WasAlreadyRecorded: true);
            var record = await db.AuctionDefaults.AsNoTracking().FirstOrDefaultAsync(d => d.Id == defaultId, ct).ConfigureAwait(false);
            if (record is null) return new DefaultTransferOutcome(DefaultTransferRefusal.NotFound, null);

            var now = clock.GetUtcNow();
            var (refusal, found, journal) = transfer == DefaultTransfer.ShortfallToSeller
                ? await ShortfallAsync(record, bankReference, now, ct).ConfigureAwait(false)
                : await PaymentsBackAsync(record, bankReference, now, ct).ConfigureAwait(false);
            if (refusal != DefaultTransferRefusal.None) return new DefaultTransferOutcome(refusal, null);
            var (payment, entry) = (found!, journal!);
            db.PaymentRecords.Add(payment);
            Notify(transfer, payment, now);
            try
            {
                var action = transfer == DefaultTransfer.ShortfallToSeller ? "auction.default_shortfall_paid_out" : "auction.default_payments_returned";
                var posted = await post.RunAsync([entry], action, $"default {record.Id:N}, {payment.Amount}, {payment.ExternalReference}", ct).ConfigureAwait(false);
                if (posted == PostingResult.Posted)
                {
                    outbox.Poke();
                    return new DefaultTransferOutcome(DefaultTransferRefusal.None, payment);
                }
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
            if (attempt >= 3) throw new InvalidOperationException("The transfer could not be recorded after repeated conflicts.");
        }
    }

    private async Task<(DefaultTransferRefusal, PaymentRecord?, JournalEntry?)> ShortfallAsync(AuctionDefaultRecord record, string bankReference, DateTimeOffset now, CancellationToken ct)
    {
        if (record.ShortfallSettledAt is null) return (DefaultTransferRefusal.ShortfallNotKnown, null, null);
        if (record.ShortfallPaidFen <= 0) return (DefaultTransferRefusal.NothingOwed, null, null);
        if (await db.RealisationLots.AnyAsync(l => l.AuctionId == record.AuctionId, ct).ConfigureAwait(false))
            return (DefaultTransferRefusal.PledgeLenderFirst, null, null);
        var amount = new Money(record.ShortfallPaidFen);
        var entry = DefaultTransfers.ShortfallToSeller(record.Id, record.SellerOrganizationId, amount, now);
        var payment = PaymentRecord.BankTransferOut(PaymentPurpose.DefaultShortfall, record.SellerOrganizationId, amount, bankReference, entry.Key.Value, actor.UserId, now);
        return (DefaultTransferRefusal.None, payment, entry);
    }

    /// <summary>What the defaulter paid toward the rescinded settlement's balance (receipts stop once it is rescinded).</summary>
    private async Task<(DefaultTransferRefusal, PaymentRecord?, JournalEntry?)> PaymentsBackAsync(AuctionDefaultRecord record, string bankReference, DateTimeOffset now, CancellationToken ct)
    {
        var settlement = await db.Settlements.AsNoTracking().FirstOrDefaultAsync(s => s.SubjectKind == DepositSubjectKind.Auction
            && s.SubjectId == record.AuctionId && s.State == SettlementState.Rescinded, ct).ConfigureAwait(false);
        if (settlement is not { BuyerPaidFen: > 0 }) return (DefaultTransferRefusal.NothingOwed, null, null);
        var amount = new Money(settlement.BuyerPaidFen);
        var entry = DefaultTransfers.PaymentsToDefaulter(record.Id, record.OrganizationId, amount, now);
        var payment = PaymentRecord.BankTransferOut(PaymentPurpose.DefaulterRefund, record.OrganizationId, amount, bankReference, entry.Key.Value, actor.UserId, now);
        payment.SettlementId = settlement.Id;
        payment.PaymentReference = settlement.PaymentReference;
        return (DefaultTransferRefusal.None, payment, entry);
    }

    private void Notify(DefaultTransfer transfer, PaymentRecord payment, DateTimeOffset now)
    {
        var notice = transfer == DefaultTransfer.ShortfallToSeller
            ? new OrganizationNotice(payment.OrganizationId, "悔拍差价已支付 / Re-auction shortfall paid",
                $"服务中心已将没收的悔拍保证金弥补的重新拍卖差价 {payment.Amount} 转账给贵机构（银行流水号 {payment.ExternalReference}，最高人民法院网络司法拍卖规定第二十四条）。/ The center transferred the re-auction shortfall of {payment.Amount}, covered by the defaulter's forfeited deposit, to your organisation (bank reference {payment.ExternalReference}; SPC 2016 Art. 24).",
                $"/Payments/Receipt/{payment.Id}")
            : new OrganizationNotice(payment.OrganizationId, "已退还悔拍前支付的价款 / Part-payments returned",
                $"贵机构被宣告悔拍，仅保证金不予退还；贵机构此前支付的价款 {payment.Amount} 已由服务中心退还（银行流水号 {payment.ExternalReference}）。/ Only the deposit is forfeited on a default: the {payment.Amount} your organisation had paid toward the price was returned (bank reference {payment.ExternalReference}).",
                $"/Payments/Receipt/{payment.Id}");
        db.Outbox.Add(PlaceBid.Message(OutboxTypes.OrganizationNotice, notice, now));
    }
}
