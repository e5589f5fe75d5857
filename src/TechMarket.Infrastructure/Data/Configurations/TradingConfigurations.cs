using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Trading;

namespace TechMarket.Infrastructure.Data.Configurations;

internal sealed class ListedTradeConfiguration : IEntityTypeConfiguration<ListedTrade>
{
    public void Configure(EntityTypeBuilder<ListedTrade> b)
    {
        b.ToTable("listed_trades");
        b.HasKey(t => t.Id);
        b.Property(t => t.Title).HasMaxLength(500);
        b.Property(t => t.Conditions).HasMaxLength(4000);
        b.Property(t => t.Outcome).HasMaxLength(1000);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(t => t.TradeMode).HasConversion<string>().HasMaxLength(24);
        b.Ignore(t => t.Price);
        b.Ignore(t => t.Deposit);
        // One open listed trade per listing; the filter is the same SQL on SQLite and PostgreSQL.
        b.HasIndex(t => t.ListingId).IsUnique().HasFilter("\"Status\" = 'Open'").HasDatabaseName("ix_listed_trades_one_open_per_listing");
        b.HasIndex(t => new { t.Status, t.EndsAt });
        b.HasIndex(t => t.SellerOrganizationId);
        b.HasOne<Listing>().WithMany().HasForeignKey(t => t.ListingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.SellerOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TradeIntentionConfiguration : IEntityTypeConfiguration<TradeIntention>
{
    public void Configure(EntityTypeBuilder<TradeIntention> b)
    {
        b.ToTable("trade_intentions");
        b.HasKey(i => i.Id);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(i => i.DeclineReason).HasMaxLength(1000);
        b.Ignore(i => i.OfferedPrice);
        b.HasIndex(i => new { i.ListedTradeId, i.OrganizationId }).IsUnique();
        b.HasIndex(i => new { i.Status, i.DepositDueBy });
        b.HasIndex(i => i.OrganizationId);
        b.HasOne<ListedTrade>().WithMany().HasForeignKey(i => i.ListedTradeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
