using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;

namespace TechMarket.Infrastructure.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("organizations");
        b.HasKey(o => o.Id);
        b.Property(o => o.Name).HasMaxLength(200).IsRequired();
        b.Property(o => o.NameEn).HasMaxLength(200);
        b.Property(o => o.CreditCode).HasMaxLength(18);
        b.HasIndex(o => o.CreditCode).IsUnique();
        b.Property(o => o.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Verification).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class CatalogueRecordConfiguration : IEntityTypeConfiguration<CatalogueRecord>
{
    public void Configure(EntityTypeBuilder<CatalogueRecord> b)
    {
        b.ToTable("catalogue_records");
        b.HasKey(r => r.Id);
        b.Property(r => r.RecordId).HasMaxLength(64).IsRequired();
        b.HasIndex(r => r.RecordId).IsUnique();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(r => r.Title).HasMaxLength(1000).IsRequired();
        b.Property(r => r.Language).HasMaxLength(8);
        b.Property(r => r.Source).HasMaxLength(200);
        b.Property(r => r.SourceLicense).HasMaxLength(200);
        b.Property(r => r.Discipline).HasMaxLength(100);
        b.Property(r => r.Category).HasMaxLength(100);
        b.Property(r => r.IpcCodes).HasMaxLength(1000);
    }
}

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> b)
    {
        b.ToTable("listings");
        b.HasKey(l => l.Id);
        b.Ignore(l => l.Price);
        b.HasOne(l => l.Record).WithMany().HasForeignKey(l => l.CatalogueRecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Industry).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(l => new { l.Status, l.PublishedAt });
        b.HasIndex(l => l.CatalogueRecordId);
    }
}
