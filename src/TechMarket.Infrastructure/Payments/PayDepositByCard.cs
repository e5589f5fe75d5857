using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Payments;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Payments;

public sealed record CardPaymentStart(string PaymentIntentId, string? ClientSecret, DepositHoldMethod Method);

/// <summary>
/// 刷卡缴纳保证金: creates (once) the deposit's PaymentIntent at Stripe. The card is confirmed in the browser; the money
/// is booked when Stripe's webhook says it is authorised or taken, never from the browser's word.
/// </summary>
public sealed class PayDepositByCard(TechMarketDbContext db, StripeDepositPayments stripe, TimeProvider clock)
{
    public async Task<CardPaymentStart?> RunAsync(Guid depositId, Guid organizationId, CancellationToken ct)
    {
        var record = await db.Deposits.FirstOrDefaultAsync(d => d.Id == depositId && d.OrganizationId == organizationId, ct).ConfigureAwait(false);
        if (record is null || record.State != DepositState.AwaitingPayment) return null;
        var now = clock.GetUtcNow();
        // A card authorisation lapses after about 7 days: authorise only when the deposit is decided well before that.
        // Until the subject's close is known, take the money and refund on release.
        var method = record.StripeHoldMethod
            ?? (record.ReleaseDueBy is { } decidedBy ? DepositHoldPlanner.Choose(now, decidedBy) : DepositHoldMethod.CaptureThenRefund);
        // The create call's idempotency key is the deposit's DepositPaid event: a double click gets the same PaymentIntent.
        var hold = await stripe.AuthoriseAsync(record.ToDomain(), method, ct).ConfigureAwait(false);
        if (record.StripePaymentIntentId != hold.PaymentIntentId)
        {
            record.StripePaymentIntentId = hold.PaymentIntentId;
            record.StripeHoldMethod = method;
            record.UpdatedAt = now;
            db.AuditAs("deposit.card_started");
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        return new CardPaymentStart(hold.PaymentIntentId, hold.ClientSecret, method);
    }
}
