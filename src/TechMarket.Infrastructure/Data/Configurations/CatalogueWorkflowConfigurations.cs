using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Outbox;

namespace TechMarket.Infrastructure.Data.Configurations;

/// <summary>The lifecycle columns of a listing (the base mapping is in CatalogueConfigurations).</summary>
internal sealed class ListingLifecycleConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> b)
    {
        b.Property(l => l.LegalStatus).HasConversion<string>().HasMaxLength(32);
        b.Property(l => l.Encumbrances).HasMaxLength(2000);
        b.Property(l => l.RejectionReason).HasMaxLength(2000);
        b.Ignore(l => l.IsEditable);
        b.OwnsMany(l => l.CoOwners, o =>
        {
            o.ToTable("listing_co_owners");
            o.WithOwner().HasForeignKey("ListingId");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.Property(c => c.Name).HasMaxLength(200).IsRequired();
        });
        b.Navigation(l => l.CoOwners).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(l => new { l.OrganizationId, l.Status });
    }
}

internal sealed class ListingOutboxMessageConfiguration : IEntityTypeConfiguration<Outbox.OutboxMessage>
{
    public void Configure(EntityTypeBuilder<Outbox.OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Type).HasMaxLength(100).IsRequired();
        b.Property(m => m.Payload).IsRequired();
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.HasIndex(m => new { m.ProcessedAt, m.CreatedAt });
    }
}

internal sealed class EnquiryConfiguration : IEntityTypeConfiguration<Enquiry>
{
    public void Configure(EntityTypeBuilder<Enquiry> b)
    {
        b.ToTable("enquiries");
        b.HasKey(e => e.Id);
        b.HasOne<Listing>().WithMany().HasForeignKey(e => e.ListingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.BuyerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.SellerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Messages).WithOne().HasForeignKey(m => m.EnquiryId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(e => new { e.ListingId, e.BuyerOrganizationId }).IsUnique();
        b.HasIndex(e => e.SellerOrganizationId);
    }
}

internal sealed class EnquiryMessageConfiguration : IEntityTypeConfiguration<EnquiryMessage>
{
    public void Configure(EntityTypeBuilder<EnquiryMessage> b)
    {
        b.ToTable("enquiry_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Body).HasMaxLength(4000).IsRequired();
    }
}

internal sealed class ListingFollowConfiguration : IEntityTypeConfiguration<ListingFollow>
{
    public void Configure(EntityTypeBuilder<ListingFollow> b)
    {
        b.ToTable("listing_follows");
        b.HasKey(f => new { f.ListingId, f.UserId });
        b.HasOne<Listing>().WithMany().HasForeignKey(f => f.ListingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ListingViewsConfiguration : IEntityTypeConfiguration<ListingViews>
{
    public void Configure(EntityTypeBuilder<ListingViews> b)
    {
        b.ToTable("listing_views");
        b.HasKey(v => v.ListingId);
        b.HasOne<Listing>().WithOne().HasForeignKey<ListingViews>(v => v.ListingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> b)
    {
        b.ToTable("saved_searches");
        b.HasKey(s => s.Id);
        b.Property(s => s.Email).HasMaxLength(256).IsRequired();
        b.Property(s => s.QueryString).HasMaxLength(2000);
        b.Property(s => s.UnsubscribeTokenHash).HasMaxLength(64);
        b.HasIndex(s => s.UnsubscribeTokenHash).IsUnique();
        b.HasIndex(s => s.UserId);
        b.Ignore(s => s.IsActive);
        b.HasIndex(s => new { s.Kind, s.UserId });
    }
}
