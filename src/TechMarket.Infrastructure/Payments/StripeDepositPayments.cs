using System.Globalization;
using Stripe;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Payments;

/// <summary>A card deposit at Stripe: the PaymentIntent and how it is held.</summary>
public sealed record StripeDepositHold(Guid DepositId, string PaymentIntentId, DepositHoldMethod Method, string Status, string? ClientSecret);

/// <summary>
/// Card deposits as Stripe PaymentIntents, in CNY fen. Every call carries an idempotency key derived from the
/// deposit's business event, so a double click, a retried request or Stripe.net's own network retry reaches Stripe
/// as one operation.
/// </summary>
public sealed class StripeDepositPayments(IStripeClient client)
{
    // Stripe amounts for CNY are in the smallest unit, fen: the same long the domain uses.
    public const string Currency = "cny";

    private readonly PaymentIntentService paymentIntents = new(client);
    private readonly RefundService refunds = new(client);

    public async Task<StripeDepositHold> AuthoriseAsync(Deposit deposit, DepositHoldMethod method, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deposit);
        var options = new PaymentIntentCreateOptions
        {
            Amount = deposit.Required.Fen,
            Currency = Currency,
            CaptureMethod = method switch
            {
                DepositHoldMethod.AuthoriseThenCapture => "manual",
                DepositHoldMethod.CaptureThenRefund => "automatic",
            },
            Description = $"保证金 deposit {deposit.Subject.Venue} {deposit.Subject.Id:N}",
            Metadata = new Dictionary<string, string>
            {
                ["deposit_id"] = deposit.Id.ToString("N", CultureInfo.InvariantCulture),
                ["organization_id"] = deposit.OrganizationId.ToString("N", CultureInfo.InvariantCulture),
            },
        };
        var intent = await paymentIntents.CreateAsync(options, Keyed(BusinessEventKind.DepositPaid, deposit.Id, "stripe-create"), ct).ConfigureAwait(false);
        return new StripeDepositHold(deposit.Id, intent.Id, method, intent.Status, intent.ClientSecret);
    }

    /// <summary>
    /// The deposit is applied to the price or forfeited: take the money. A hold captured at once has nothing to do.
    /// </summary>
    public async Task<string> CaptureAsync(StripeDepositHold hold, BusinessEventKind cause, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hold);
        if (cause is not (BusinessEventKind.DepositApplied or BusinessEventKind.DepositForfeited))
            throw new ArgumentOutOfRangeException(nameof(cause), cause, "Only an applied or forfeited deposit is captured.");
        if (hold.Method == DepositHoldMethod.CaptureThenRefund) return hold.Status;
        var intent = await paymentIntents.CaptureAsync(hold.PaymentIntentId, new PaymentIntentCaptureOptions(),
            Keyed(cause, hold.DepositId, "stripe-capture"), ct).ConfigureAwait(false);
        return intent.Status;
    }

    /// <summary>The deposit is released: cancel the authorisation, or refund what was captured at once (no interest).</summary>
    public async Task<string> ReleaseAsync(StripeDepositHold hold, Money amount, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var options = Keyed(BusinessEventKind.DepositReleased, hold.DepositId, "stripe-release");
        switch (hold.Method)
        {
            case DepositHoldMethod.AuthoriseThenCapture:
                var intent = await paymentIntents.CancelAsync(hold.PaymentIntentId,
                    new PaymentIntentCancelOptions { CancellationReason = "abandoned" }, options, ct).ConfigureAwait(false);
                return intent.Status;
            case DepositHoldMethod.CaptureThenRefund:
                var refund = await refunds.CreateAsync(new RefundCreateOptions
                {
                    PaymentIntent = hold.PaymentIntentId,
                    Amount = amount.Fen,
                    Reason = "requested_by_customer",
                    Metadata = new Dictionary<string, string> { ["deposit_id"] = hold.DepositId.ToString("N", CultureInfo.InvariantCulture) },
                }, options, ct).ConfigureAwait(false);
                return refund.Status;
            default:
                throw new ArgumentOutOfRangeException(nameof(hold), hold.Method, "Unknown hold method.");
        }
    }

    private static RequestOptions Keyed(BusinessEventKind kind, Guid depositId, string step) =>
        new() { IdempotencyKey = IdempotencyKey.For(new BusinessEventRef(kind, depositId), step).Value };
}
