using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechMarket.Infrastructure.PartnerFeed;

namespace TechMarket.Infrastructure.Data.Configurations;

internal sealed class ListingFeedEntryConfiguration : IEntityTypeConfiguration<ListingFeedEntry>
{
    public void Configure(EntityTypeBuilder<ListingFeedEntry> b)
    {
        b.ToTable("listing_feed_log");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        b.Property(e => e.Change).HasConversion<string>().HasMaxLength(16);
        // Unique: two sequencing runs can never hand out one number twice, whatever goes wrong.
        b.HasIndex(e => e.Sequence).IsUnique();
        b.HasIndex(e => e.ListingId);
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("webhook_subscriptions");
        b.HasKey(s => s.Id);
        b.Property(s => s.ClientId).HasMaxLength(100).IsRequired();
        b.Property(s => s.Url).HasMaxLength(2000).IsRequired();
        b.Property(s => s.Description).HasMaxLength(200);
        b.Property(s => s.ProtectedSecret).HasMaxLength(1000).IsRequired();
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.FailureReason).HasMaxLength(500);
        b.HasIndex(s => new { s.ClientId, s.Status });
    }
}

internal sealed class WebhookFanoutPositionConfiguration : IEntityTypeConfiguration<WebhookFanoutPosition>
{
    public void Configure(EntityTypeBuilder<WebhookFanoutPosition> b)
    {
        b.ToTable("webhook_fanout_positions");
        b.HasKey(p => p.SubscriptionId);
        b.Property(p => p.SubscriptionId).ValueGeneratedNever();
        b.Property(p => p.LastSequence).IsConcurrencyToken();
        b.HasOne<WebhookSubscription>().WithOne().HasForeignKey<WebhookFanoutPosition>(p => p.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("webhook_deliveries");
        b.HasKey(d => d.Id);
        b.Property(d => d.EventId).HasMaxLength(64).IsRequired();
        b.Property(d => d.EventType).HasMaxLength(40).IsRequired();
        b.Property(d => d.Payload).IsRequired();
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.LastError).HasMaxLength(500);
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        // Exactly once per event and subscription, even when two nodes fan out the same change.
        b.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
        b.HasIndex(d => new { d.Status, d.NextAttemptAt });
    }
}

internal sealed class WebhookDeliveryAttemptConfiguration : IEntityTypeConfiguration<WebhookDeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryAttempt> b)
    {
        b.ToTable("webhook_delivery_attempts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedOnAdd();
        b.Property(a => a.Error).HasMaxLength(500);
        b.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.DeliveryId, a.Attempt }).IsUnique();
    }
}
