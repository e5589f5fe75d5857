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
        b.Property(o => o.ContactName).HasMaxLength(100);
        b.Property(o => o.ContactPhone).HasMaxLength(40);
        b.Property(o => o.LicenceFile).HasMaxLength(100);
        b.Property(o => o.LicenceContentType).HasMaxLength(50);
        b.Property(o => o.RejectionReason).HasMaxLength(2000);
        b.Ignore(o => o.IsVerified);
        b.HasIndex(o => o.Verification);
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

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.ToTable("invitations");
        b.HasKey(i => i.Id);
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<Audit.AuditEntry>
{
    public void Configure(EntityTypeBuilder<Audit.AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.HasKey(a => a.Id);
        b.Property(a => a.Action).HasMaxLength(100);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.Reason).HasMaxLength(2000);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.At);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<Identity.AppUser>
{
    public void Configure(EntityTypeBuilder<Identity.AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.Property(u => u.OrganizationRole).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(u => u.OrganizationId);
    }
}
