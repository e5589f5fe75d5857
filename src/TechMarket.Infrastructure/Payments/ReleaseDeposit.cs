using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Audit;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Payments;

public enum ReleaseRefusal
{
    None,
    NotFound,
    AlreadyClosed,
    /// <summary>A bank transfer goes back by an outgoing transfer the center records with its bank reference.</summary>
    BankReferenceRequired,
    /// <summary>A card deposit but Stripe is not configured on this site.</summary>
    StripeUnavailable,
}

public sealed record ReleaseOutcome(ReleaseRefusal Refusal, DepositRecord? Deposit, PaymentRecord? Payment)
{
    public bool Succeeded => Refusal == ReleaseRefusal.None;
}

/// <summary>
/// 退还保证金: the deposit goes back the way it came, without interest. A bank transfer is recorded as an outgoing
/// transfer (the center's bank reference); a card deposit is cancelled or refunded at Stripe with the event's
/// idempotency key. The deposit's state, the payment record and the journal entry are one SaveChanges; a second click
/// finds the deposit released and changes nothing.
/// </summary>
public sealed class ReleaseDeposit(TechMarketDbContext db, PostJournalEntry post, ICurrentActor actor, TimeProvider clock, StripeDepositPayments? stripe = null)
{
    public async Task<ReleaseOutcome> RunAsync(Guid depositId, string? bankReference, string reason, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var record = await db.Deposits.FirstOrDefaultAsync(d => d.Id == depositId, ct).ConfigureAwait(false);
        if (record is null) return new ReleaseOutcome(ReleaseRefusal.NotFound, null, null);
        if (record.State is DepositState.Applied or DepositState.Released or DepositState.Forfeited)
            return new ReleaseOutcome(ReleaseRefusal.AlreadyClosed, record, null);

        var now = clock.GetUtcNow();
        var wasPaid = record.State == DepositState.Held;
        string? external = null;
        if (wasPaid && record.Channel == PaymentChannel.BankTransfer)
        {
            if (string.IsNullOrWhiteSpace(bankReference)) return new ReleaseOutcome(ReleaseRefusal.BankReferenceRequired, record, null);
            external = bankReference.Trim();
        }
        else if (wasPaid && record.Channel == PaymentChannel.Card)
        {
            if (stripe is null || record.StripePaymentIntentId is null || record.StripeHoldMethod is null)
                return new ReleaseOutcome(ReleaseRefusal.StripeUnavailable, record, null);
            var hold = new StripeDepositHold(record.Id, record.StripePaymentIntentId, record.StripeHoldMethod.Value, "", null);
            await stripe.ReleaseAsync(hold, record.Required, ct).ConfigureAwait(false);
            external = record.StripePaymentIntentId;
        }

        else if (!wasPaid && record.StripePaymentIntentId is not null && stripe is not null)
        {
            // A card payment was started but not completed: cancel it, so it cannot be paid into a closed deposit.
            var started = new StripeDepositHold(record.Id, record.StripePaymentIntentId, DepositHoldMethod.AuthoriseThenCapture, "", null);
            await stripe.ReleaseAsync(started, record.Required, ct).ConfigureAwait(false);
        }

        var deposit = record.ToDomain();
        var result = deposit.Release(reason, now);
        if (!result.IsAccepted) return new ReleaseOutcome(ReleaseRefusal.AlreadyClosed, record, null);
        record.Apply(deposit, now);
        if (result.Entry is null)
        {
            // Never paid: closed, no money moves.
            db.AuditAs("deposit.cancelled", reason);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return new ReleaseOutcome(ReleaseRefusal.None, record, null);
        }
        var payment = new PaymentRecord
        {
            Id = Guid.CreateVersion7(now),
            Direction = PaymentDirection.Outgoing,
            Purpose = PaymentPurpose.DepositRelease,
            OrganizationId = record.OrganizationId,
            AmountFen = record.RequiredFen,
            Channel = record.Channel!.Value,
            ExternalReference = external!,
            PaymentReference = record.PaymentReference,
            DepositId = record.Id,
            JournalKey = result.Entry.Key.Value,
            At = now,
            RecordedBy = actor.UserId,
        };
        db.PaymentRecords.Add(payment);
        var posted = await post.RunAsync([result.Entry], "deposit.released", reason, ct).ConfigureAwait(false);
        if (posted == PostingResult.Posted) return new ReleaseOutcome(ReleaseRefusal.None, record, payment);
        var current = await db.Deposits.AsNoTracking().FirstAsync(d => d.Id == depositId, ct).ConfigureAwait(false);
        return new ReleaseOutcome(ReleaseRefusal.AlreadyClosed, current, null);
    }
}
