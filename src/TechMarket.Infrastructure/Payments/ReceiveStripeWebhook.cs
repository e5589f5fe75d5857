using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Payments;

/// <summary>
/// POST /webhooks/stripe: verify, deduplicate and order (<see cref="StripeWebhookReceiver"/>), then put an accepted
/// event in payment_outbox. The dedupe row and the outbox row commit together, so a failure in between leaves neither
/// and Stripe's retry is processed. The caller answers at once; <see cref="ProcessPaymentOutbox"/> does the work.
/// </summary>
public sealed class ReceiveStripeWebhook(TechMarketDbContext db, StripeWebhookReceiver receiver, TimeProvider clock)
{
    public const string OutboxKind = "stripe.event";

    public async Task<WebhookOutcome> RunAsync(string json, string? signatureHeader, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var outcome = await receiver.ReceiveAsync(json, signatureHeader, ct).ConfigureAwait(false);
        if (outcome.Verdict == WebhookVerdict.Accepted)
        {
            db.PaymentOutbox.Add(new PaymentOutboxMessage { Id = Guid.CreateVersion7(clock.GetUtcNow()), Kind = OutboxKind, Payload = json, CreatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return outcome;
    }
}
