using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;

namespace TechMarket.Infrastructure.Data.Configurations;

internal sealed class ListingDocumentConfiguration : IEntityTypeConfiguration<ListingDocument>
{
    public void Configure(EntityTypeBuilder<ListingDocument> b)
    {
        b.ToTable("listing_documents");
        b.HasKey(d => d.Id);
        b.HasOne<Listing>().WithMany().HasForeignKey(d => d.ListingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.FileName).HasMaxLength(ListingDocument.MaxFileNameLength).IsRequired();
        b.Property(d => d.StoredName).HasMaxLength(64).IsRequired();
        b.Property(d => d.ContentType).HasMaxLength(100).IsRequired();
        b.Property(d => d.Visibility).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(d => d.ListingId);
        b.HasIndex(d => d.StoredName).IsUnique();
    }
}

internal sealed class CatalogueImportJobConfiguration : IEntityTypeConfiguration<Catalogue.CatalogueImportJob>
{
    public void Configure(EntityTypeBuilder<Catalogue.CatalogueImportJob> b)
    {
        b.ToTable("catalogue_import_jobs");
        b.HasKey(j => j.Id);
        b.HasOne<Organization>().WithMany().HasForeignKey(j => j.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(j => j.Format).HasConversion<string>().HasMaxLength(16);
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(j => j.FileName).HasMaxLength(200).IsRequired();
        b.Property(j => j.StoredFile).HasMaxLength(64).IsRequired();
        b.Property(j => j.Error).HasMaxLength(2000);
        b.Ignore(j => j.IsFinished);
        b.Ignore(j => j.RejectedList);
        b.Ignore(j => j.WarningList);
        b.HasIndex(j => new { j.Status, j.CreatedAt });
        b.HasIndex(j => new { j.OrganizationId, j.CreatedAt });
    }
}
