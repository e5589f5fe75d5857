using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Payments;

public enum ForfeitRefusal
{
    None,
    NotFound,
    /// <summary>Only a paid (held) deposit can be forfeited; an unpaid one is simply cancelled by <see cref="ReleaseDeposit"/>.</summary>
    NotHeld,
    /// <summary>A card deposit but Stripe is not configured on this site.</summary>
    StripeUnavailable,
}

public sealed record ForfeitOutcome(ForfeitRefusal Refusal, DepositRecord? Deposit, ForfeitureAllocation? Allocation)
{
    public bool Succeeded => Refusal == ForfeitRefusal.None;
}

/// <summary>
/// 没收保证金: a buyer who withdraws after paying, skips the bidding, or wins and does not sign or pay loses the deposit
/// (DOMAIN.md; SPC 2016 Art. 24). The deposit pays the costs first, then the re-auction shortfall (to the seller), the
/// rest is kept as forfeited deposits. An authorised card deposit is captured first. The state change and the journal
/// entry are one SaveChanges; forfeiting the same deposit again changes nothing and returns the first outcome.
/// </summary>
public sealed class ForfeitDeposit(TechMarketDbContext db, PostJournalEntry post, TimeProvider clock, StripeDepositPayments? stripe = null)
{
    public async Task<ForfeitOutcome> RunAsync(Guid depositId, ForfeitureClaims claims, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var record = await db.Deposits.FirstOrDefaultAsync(d => d.Id == depositId, ct).ConfigureAwait(false);
        if (record is null) return new(ForfeitRefusal.NotFound, null, null);
        if (record.State == DepositState.Forfeited) return new(ForfeitRefusal.None, record, DepositRules.AllocateForfeiture(record.Required, claims));
        if (record.State != DepositState.Held) return new(ForfeitRefusal.NotHeld, record, null);

        if (record.Channel == PaymentChannel.Card && record.StripeHoldMethod == DepositHoldMethod.AuthoriseThenCapture)
        {
            if (stripe is null || record.StripePaymentIntentId is null) return new(ForfeitRefusal.StripeUnavailable, record, null);
            var hold = new StripeDepositHold(record.Id, record.StripePaymentIntentId, DepositHoldMethod.AuthoriseThenCapture, "", null);
            await stripe.CaptureAsync(hold, BusinessEventKind.DepositForfeited, ct).ConfigureAwait(false);
        }

        var now = clock.GetUtcNow();
        var deposit = record.ToDomain();
        var result = deposit.Forfeit(claims, reason, now);
        if (!result.IsAccepted || result.Entry is null) return new(ForfeitRefusal.NotHeld, record, null);
        record.Apply(deposit, now);
        var posted = await post.RunAsync([result.Entry], "deposit.forfeited", reason, ct).ConfigureAwait(false);
        if (posted == PostingResult.Posted) return new(ForfeitRefusal.None, record, deposit.Forfeiture);
        var current = await db.Deposits.AsNoTracking().FirstAsync(d => d.Id == depositId, ct).ConfigureAwait(false);
        return new(current.State == DepositState.Forfeited ? ForfeitRefusal.None : ForfeitRefusal.NotHeld, current,
            current.State == DepositState.Forfeited ? DepositRules.AllocateForfeiture(current.Required, claims) : null);
    }
}
