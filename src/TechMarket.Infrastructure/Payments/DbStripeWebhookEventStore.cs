using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Payments.Persistence;

namespace TechMarket.Infrastructure.Payments;

/// <summary>
/// Stripe event ids and PaymentIntent stages in the database (stripe_webhook_events, stripe_object_stages). The event id
/// is the primary key, so two deliveries of one event racing on two nodes record it once.
/// </summary>
public sealed class DbStripeWebhookEventStore(TechMarketDbContext db, TimeProvider clock) : IStripeWebhookEventStore
{
    public async Task<WebhookRecordResult> TryRecordAsync(string eventId, string? objectId, int stage, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        for (var attempt = 0; ; attempt++)
        {
            if (await db.StripeWebhookEvents.AsNoTracking().AnyAsync(e => e.EventId == eventId, ct).ConfigureAwait(false))
                return WebhookRecordResult.AlreadySeen;
            db.StripeWebhookEvents.Add(new StripeWebhookEventRow { EventId = eventId, ObjectId = objectId, Stage = stage, ReceivedAt = clock.GetUtcNow() });
            var result = WebhookRecordResult.New;
            if (objectId is not null)
            {
                var current = await db.StripeObjectStages.FirstOrDefaultAsync(s => s.ObjectId == objectId, ct).ConfigureAwait(false);
                if (current is null) db.StripeObjectStages.Add(new StripeObjectStageRow { ObjectId = objectId, Stage = stage });
                else if (stage < current.Stage) result = WebhookRecordResult.Superseded;
                else current.Stage = stage;
            }
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                return result;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // The same event (→ AlreadySeen on the next pass) or another event of the same PaymentIntent won a race.
                db.ChangeTracker.Clear();
            }
        }
    }
}
