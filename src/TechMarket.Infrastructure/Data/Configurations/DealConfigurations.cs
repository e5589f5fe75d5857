using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Deals;

namespace TechMarket.Infrastructure.Data.Configurations;

internal sealed class DealConfiguration : IEntityTypeConfiguration<DealRecord>
{
    public void Configure(EntityTypeBuilder<DealRecord> b)
    {
        b.ToTable("deals");
        b.HasKey(d => d.Id);
        b.Property(d => d.Origin).HasConversion<string>().HasMaxLength(24);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(d => d.TradeMode).HasConversion<string>().HasMaxLength(24);
        b.Ignore(d => d.Price);
        b.HasIndex(d => new { d.Origin, d.OriginId }).IsUnique();
        b.HasIndex(d => new { d.ListingId, d.Status });
        b.HasIndex(d => d.BuyerOrganizationId);
        b.HasIndex(d => d.SellerOrganizationId);
        b.HasOne<Listing>().WithMany().HasForeignKey(d => d.ListingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.SellerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.BuyerOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
