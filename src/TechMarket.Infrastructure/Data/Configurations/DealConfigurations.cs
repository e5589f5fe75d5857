using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Auctions;
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
        b.Property(d => d.RewardPolicy).HasMaxLength(1000);
        b.Property(d => d.CancellationReason).HasMaxLength(2000);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Ignore(d => d.Price);
        b.Ignore(d => d.Reward);
        b.Ignore(d => d.Contract);
        b.HasIndex(d => new { d.Origin, d.OriginId }).IsUnique();
        // One assignment, exclusive licence or equity contribution per listing, whatever raced to open it.
        b.HasIndex(d => d.ExclusiveKey).IsUnique();
        b.HasIndex(d => new { d.ListingId, d.Status });
        b.HasIndex(d => d.BuyerOrganizationId);
        b.HasIndex(d => d.SellerOrganizationId);
        b.HasIndex(d => new { d.Status, d.PublicityEndsAt });
        b.HasOne<Listing>().WithMany().HasForeignKey(d => d.ListingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.SellerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.BuyerOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuctionDealRefusalConfiguration : IEntityTypeConfiguration<AuctionDealRefusalRecord>
{
    public void Configure(EntityTypeBuilder<AuctionDealRefusalRecord> b)
    {
        b.ToTable("auction_deal_refusals");
        b.HasKey(r => r.AuctionId);
        b.Property(r => r.Refusal).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.ReasonZh).HasMaxLength(1000);
        b.Property(r => r.ReasonEn).HasMaxLength(1000);
        b.HasOne<Auction>().WithOne().HasForeignKey<AuctionDealRefusalRecord>(r => r.AuctionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DealSignatureConfiguration : IEntityTypeConfiguration<DealSignatureRecord>
{
    public void Configure(EntityTypeBuilder<DealSignatureRecord> b)
    {
        b.ToTable("deal_signatures");
        b.HasKey(s => s.Id);
        b.Property(s => s.Side).HasConversion<string>().HasMaxLength(12);
        b.Property(s => s.TypedName).HasMaxLength(100);
        b.HasIndex(s => new { s.DealId, s.Side }).IsUnique();
        b.HasOne<DealRecord>().WithMany().HasForeignKey(s => s.DealId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DealObjectionConfiguration : IEntityTypeConfiguration<DealObjectionRecord>
{
    public void Configure(EntityTypeBuilder<DealObjectionRecord> b)
    {
        b.ToTable("deal_objections");
        b.HasKey(o => o.Id);
        b.Property(o => o.RaisedBy).HasMaxLength(200);
        b.Property(o => o.Reason).HasMaxLength(4000);
        b.Property(o => o.Answer).HasMaxLength(4000);
        b.HasIndex(o => new { o.DealId, o.RaisedAt });
        b.HasOne<DealRecord>().WithMany().HasForeignKey(o => o.DealId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OfferConfiguration : IEntityTypeConfiguration<OfferRecord>
{
    public void Configure(EntityTypeBuilder<OfferRecord> b)
    {
        b.ToTable("offers");
        b.HasKey(o => o.Id);
        b.Property(o => o.TradeMode).HasConversion<string>().HasMaxLength(24);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasIndex(o => new { o.ListingId, o.BuyerOrganizationId });
        b.HasIndex(o => o.BuyerOrganizationId);
        b.HasIndex(o => o.SellerOrganizationId);
        b.HasOne<Listing>().WithMany().HasForeignKey(o => o.ListingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OfferMessageConfiguration : IEntityTypeConfiguration<OfferMessageRecord>
{
    public void Configure(EntityTypeBuilder<OfferMessageRecord> b)
    {
        b.ToTable("offer_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Side).HasConversion<string>().HasMaxLength(12);
        b.Property(m => m.Move).HasConversion<string>().HasMaxLength(12);
        b.Property(m => m.TradeMode).HasConversion<string>().HasMaxLength(24);
        b.Property(m => m.Message).HasMaxLength(4000);
        b.HasIndex(m => new { m.OfferId, m.At });
        b.HasOne<OfferRecord>().WithMany().HasForeignKey(m => m.OfferId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExpressLicenceTermsConfiguration : IEntityTypeConfiguration<ExpressLicenceTermsRecord>
{
    public void Configure(EntityTypeBuilder<ExpressLicenceTermsRecord> b)
    {
        b.ToTable("express_licence_terms");
        b.HasKey(t => t.ListingId);
        b.Property(t => t.Scope).HasMaxLength(1000);
        b.Property(t => t.Territory).HasMaxLength(200);
        b.Property(t => t.Term).HasMaxLength(200);
        b.HasOne<Listing>().WithOne().HasForeignKey<ExpressLicenceTermsRecord>(t => t.ListingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpenLicenceDeclarationConfiguration : IEntityTypeConfiguration<OpenLicenceDeclarationRecord>
{
    public void Configure(EntityTypeBuilder<OpenLicenceDeclarationRecord> b)
    {
        b.ToTable("open_licence_declarations");
        b.HasKey(d => d.Id);
        b.Property(d => d.RecordNumber).HasMaxLength(64);
        b.Property(d => d.Terms).HasMaxLength(4000);
        b.Property(d => d.WithdrawalReason).HasMaxLength(2000);
        b.Ignore(d => d.Fee);
        b.HasIndex(d => d.StandingKey).IsUnique();
        b.HasIndex(d => d.RecordNumber);
        b.HasIndex(d => d.ListingId);
        b.HasOne<Listing>().WithMany().HasForeignKey(d => d.ListingId).OnDelete(DeleteBehavior.Restrict);
    }
}
