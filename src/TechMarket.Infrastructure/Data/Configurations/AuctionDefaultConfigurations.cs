using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Auctions;

namespace TechMarket.Infrastructure.Data.Configurations;

internal sealed class AuctionDefaultConfiguration : IEntityTypeConfiguration<AuctionDefaultRecord>
{
    public void Configure(EntityTypeBuilder<AuctionDefaultRecord> b)
    {
        b.ToTable("auction_defaults");
        b.HasKey(d => d.Id);
        b.Property(d => d.Ground).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Reason).HasMaxLength(2000).IsRequired();
        b.HasOne<Auction>().WithMany().HasForeignKey(d => d.AuctionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Listing>().WithMany().HasForeignKey(d => d.ListingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // One default per auction: a second declaration (double click, two staff) loses on this index and changes nothing.
        b.HasIndex(d => d.AuctionId).IsUnique();
        // The bar is read with the registrations: by listing and organisation.
        b.HasIndex(d => new { d.ListingId, d.OrganizationId });
    }
}

internal sealed class RunnerUpOfferConfiguration : IEntityTypeConfiguration<RunnerUpOfferRecord>
{
    public void Configure(EntityTypeBuilder<RunnerUpOfferRecord> b)
    {
        b.ToTable("auction_runner_up_offers");
        b.HasKey(o => o.Id);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.BidderCode).HasMaxLength(32).IsRequired();
        b.HasOne<AuctionDefaultRecord>().WithMany().HasForeignKey(o => o.DefaultId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.DefaultId).IsUnique();
        b.HasIndex(o => new { o.Status, o.RespondBy });
    }
}
