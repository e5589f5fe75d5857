using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Auctions;

namespace TechMarket.Infrastructure.Data.Configurations;

internal sealed class AuctionConfiguration : IEntityTypeConfiguration<Auction>
{
    public void Configure(EntityTypeBuilder<Auction> b)
    {
        b.ToTable("auctions");
        b.HasKey(a => a.Id);
        b.Property(a => a.Title).HasMaxLength(1000).IsRequired();
        b.Property(a => a.IncrementTable).HasMaxLength(2000);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.LeaderCode).HasMaxLength(32);
        b.Property(a => a.WinnerCode).HasMaxLength(32);
        b.Property(a => a.ConfirmationNumber).HasMaxLength(40);
        b.HasOne<Listing>().WithMany().HasForeignKey(a => a.ListingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.SellerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.ConsignorOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AuctionSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
        // The closing job's claim: open auctions by end.
        b.HasIndex(a => new { a.Status, a.EndsAt });
        b.HasIndex(a => a.SessionId);
    }
}

internal sealed class AuctionRegistrationConfiguration : IEntityTypeConfiguration<AuctionRegistration>
{
    public void Configure(EntityTypeBuilder<AuctionRegistration> b)
    {
        b.ToTable("auction_registrations");
        b.HasKey(r => r.Id);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.BidderCode).HasMaxLength(32);
        b.HasOne<Auction>().WithMany().HasForeignKey(r => r.AuctionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.AuctionId, r.OrganizationId }).IsUnique();
        b.HasIndex(r => new { r.AuctionId, r.BidderCode }).IsUnique();
    }
}

internal sealed class AuctionBidConfiguration : IEntityTypeConfiguration<AuctionBid>
{
    public void Configure(EntityTypeBuilder<AuctionBid> b)
    {
        b.ToTable("auction_bids");
        b.HasKey(x => x.Id);
        b.Property(x => x.BidderCode).HasMaxLength(32).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(32);
        b.Property(x => x.LeaderAfter).HasMaxLength(32);
        b.HasOne<Auction>().WithMany().HasForeignKey(x => x.AuctionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AuctionRegistration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Restrict);
        // A second writer at the same position fails instead of forking the log.
        b.HasIndex(x => new { x.AuctionId, x.Ordinal }).IsUnique();
        // A retried Idempotency-Key is refused by this index (bids without a key are NULL, and NULLs never collide).
        b.Property(x => x.IdempotencyKey).HasMaxLength(PlaceBid.MaxKeyLength);
        b.HasIndex(x => new { x.RegistrationId, x.IdempotencyKey }).IsUnique();
    }
}

internal sealed class AuctionSessionConfiguration : IEntityTypeConfiguration<AuctionSession>
{
    public void Configure(EntityTypeBuilder<AuctionSession> b)
    {
        b.ToTable("auction_sessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Title).HasMaxLength(200).IsRequired();
        b.Property(s => s.PromotionEvent).HasMaxLength(1000);
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizerOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox");
        b.HasKey(m => m.Id);
        b.Property(m => m.Type).HasMaxLength(100).IsRequired();
        b.HasIndex(m => new { m.ProcessedAt, m.Id });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.HasKey(n => n.Id);
        b.Property(n => n.Title).HasMaxLength(200).IsRequired();
        b.Property(n => n.Body).HasMaxLength(4000);
        b.Property(n => n.Link).HasMaxLength(500);
        b.HasOne<Organization>().WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.OrganizationId, n.CreatedAt });
    }
}
