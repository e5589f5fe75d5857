using Stripe;
using TechMarket.Domain.Payments;
using TechMarket.Domain.Shared;

namespace TechMarket.Infrastructure.Payments;

/// <summary>
/// An ordinary card payment at Stripe (balance, milestone escrow): automatic capture, CNY fen, and one PaymentIntent per
/// idempotency key, so a double click or a retry is the same payment. What it pays for rides in the metadata, which the
/// <c>payment_intent.succeeded</c> webhook reads to book it.
/// </summary>
internal static class CardPaymentIntents
{
    public static Task<PaymentIntent> CreateAsync(PaymentIntentService service, Money amount, string description,
        Dictionary<string, string> metadata, IdempotencyKey key, CancellationToken ct) =>
        service.CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = amount.Fen,
            Currency = StripeDepositPayments.Currency,
            CaptureMethod = "automatic",
            Description = description,
            Metadata = metadata,
        }, new RequestOptions { IdempotencyKey = key.Value }, ct);
}
