using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.PartnerFeed;

namespace TechMarket.Infrastructure.Data;

/// <summary>Partner feed (issue 10): the listing change log, webhook subscriptions and their deliveries.</summary>
public abstract partial class TechMarketDbContext
{
    public DbSet<ListingFeedEntry> ListingFeedLog => Set<ListingFeedEntry>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookFanoutPosition> WebhookFanoutPositions => Set<WebhookFanoutPosition>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookDeliveryAttempt> WebhookDeliveryAttempts => Set<WebhookDeliveryAttempt>();
}
