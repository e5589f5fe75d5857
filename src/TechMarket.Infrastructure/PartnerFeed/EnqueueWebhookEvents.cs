using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.PartnerFeed;

/// <summary>The JSON body of a notification. <see cref="Data"/> is the listing's feed item at the time of enqueueing.</summary>
public sealed record WebhookEvent(string Id, string Type, DateTimeOffset Created, FeedItem Data);

/// <summary>
/// Fan-out: turns the change log after each active subscription's position into one delivery per listing and event,
/// reading the same commit-ordered sequence as the pull feed (so nothing committed late is skipped), and moves the
/// position in the same SaveChanges as the deliveries. The position is a concurrency token and (subscription, event id)
/// is unique, so two nodes that race enqueue each event once: the loser's save fails as a whole and is dropped.
/// </summary>
public sealed class EnqueueWebhookEvents(TechMarketDbContext db, FeedSequencer sequencer, TimeProvider clock, ILogger<EnqueueWebhookEvents> logger)
{
    private const int BatchSize = 100;
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Returns how many deliveries it enqueued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var highest = await sequencer.RunAsync(cancellationToken);
        var positions = await (from p in db.WebhookFanoutPositions
                               join s in db.WebhookSubscriptions on p.SubscriptionId equals s.Id
                               where s.Status == WebhookStatus.Active && p.LastSequence < highest
                               select p).ToListAsync(cancellationToken);
        var enqueued = 0;
        foreach (var position in positions)
        {
            var rows = await db.ListingFeedLog.AsNoTracking()
                .Where(e => e.Sequence > position.LastSequence).OrderBy(e => e.Sequence).Take(BatchSize)
                .Select(e => new ReadListingFeed.ChangeRow(e.Sequence!.Value, e.ListingId, e.Change, e.At))
                .ToListAsync(cancellationToken);
            if (rows.Count == 0) continue;
            var published = rows.Where(r => r.Change == ListingFeedChange.Published).Select(r => r.ListingId).ToHashSet();
            var now = clock.GetUtcNow();
            var batch = 0;
            foreach (var item in await ReadListingFeed.ResolveAsync(db, rows, cancellationToken))
            {
                var type = item.Deleted ? "listing.removed" : published.Contains(item.Id) ? "listing.published" : "listing.updated";
                var eventId = $"evt_{item.Sequence}";
                var body = JsonSerializer.Serialize(new WebhookEvent(eventId, type, item.ChangedAt, item), Json);
                db.WebhookDeliveries.Add(new WebhookDelivery(Guid.NewGuid(), position.SubscriptionId, eventId, type, item.Id, body, now));
                batch++;
            }
            position.Advance(rows[^1].Sequence);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                enqueued += batch;
            }
            catch (DbUpdateException e)
            {
                // Another node enqueued from the same position first (concurrency token or unique event id): its work stands.
                logger.LogInformation(e, "Webhook fan-out for {Subscription} lost a race; skipped", position.SubscriptionId);
                db.ChangeTracker.Clear();
                break;
            }
        }
        return enqueued;
    }
}
