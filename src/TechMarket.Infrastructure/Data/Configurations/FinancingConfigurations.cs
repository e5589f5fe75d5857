using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.Financing;

namespace TechMarket.Infrastructure.Data.Configurations;

internal sealed class PatentRightConfiguration : IEntityTypeConfiguration<PatentRightRow>
{
    public void Configure(EntityTypeBuilder<PatentRightRow> b)
    {
        b.ToTable("patent_rights");
        b.HasKey(p => p.Number);
        b.Property(p => p.Number).HasMaxLength(32);
        b.Property(p => p.Title).HasMaxLength(1000).IsRequired();
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Industry).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.SourceRecordId).HasMaxLength(64);
        b.HasMany(p => p.Patentees).WithOne().HasForeignKey(o => o.PatentNumber).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PatenteeConfiguration : IEntityTypeConfiguration<PatenteeRow>
{
    public void Configure(EntityTypeBuilder<PatenteeRow> b)
    {
        b.ToTable("patent_right_patentees");
        b.HasKey(p => p.Id);
        b.Property(p => p.PatentNumber).HasMaxLength(32);
        b.Property(p => p.Name).HasMaxLength(200);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.OrganizationId, p.PatentNumber }).IsUnique();
    }
}

internal sealed class PatentPledgeConfiguration : IEntityTypeConfiguration<PatentPledgeRow>
{
    public void Configure(EntityTypeBuilder<PatentPledgeRow> b)
    {
        b.ToTable("patent_pledges");
        b.HasKey(p => p.Id);
        b.Property(p => p.PatentNumber).HasMaxLength(32);
        b.Property(p => p.LenderName).HasMaxLength(200);
        b.Property(p => p.NoticeNumber).HasMaxLength(64);
        b.HasOne<PatentRightRow>().WithMany().HasForeignKey(p => p.PatentNumber).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PledgeCaseRow>().WithMany().HasForeignKey(p => p.PledgeCaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.PatentNumber);
    }
}

internal sealed class LenderConsentConfiguration : IEntityTypeConfiguration<LenderConsentRow>
{
    public void Configure(EntityTypeBuilder<LenderConsentRow> b)
    {
        b.ToTable("lender_consents");
        b.HasKey(c => c.Id);
        b.Property(c => c.PatentNumber).HasMaxLength(32);
        b.Property(c => c.Proceeds).HasConversion<string>().HasMaxLength(20);
        b.HasOne<PatentRightRow>().WithMany().HasForeignKey(c => c.PatentNumber).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PledgeCaseRow>().WithMany().HasForeignKey(c => c.PledgeCaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.PatentNumber);
    }
}

internal sealed class PledgeCaseConfiguration : IEntityTypeConfiguration<PledgeCaseRow>
{
    public void Configure(EntityTypeBuilder<PledgeCaseRow> b)
    {
        b.ToTable("pledge_cases");
        b.HasKey(c => c.Id);
        b.Ignore(c => c.RequestedAmount);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.Industry).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.Purpose).HasMaxLength(500);
        b.Property(c => c.ValuationReportFile).HasMaxLength(100);
        b.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(c => c.Snapshot).IsRequired();
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.ApplicantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.ThirdPartyPledgorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.EvaluatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.LenderId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Patents).WithOne().HasForeignKey(p => p.PledgeCaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.State);
    }
}

internal sealed class PledgeCasePatentConfiguration : IEntityTypeConfiguration<PledgeCasePatentRow>
{
    public void Configure(EntityTypeBuilder<PledgeCasePatentRow> b)
    {
        b.ToTable("pledge_case_patents");
        b.HasKey(p => new { p.PledgeCaseId, p.PatentNumber });
        b.Property(p => p.PatentNumber).HasMaxLength(32);
        b.HasOne<PatentRightRow>().WithMany().HasForeignKey(p => p.PatentNumber).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.PatentNumber);
    }
}

internal sealed class RealisationRequestConfiguration : IEntityTypeConfiguration<RealisationRequestRow>
{
    public void Configure(EntityTypeBuilder<RealisationRequestRow> b)
    {
        b.ToTable("pledge_realisation_requests");
        b.HasKey(r => r.Id);
        b.Property(r => r.PatentNumbers).HasMaxLength(1000);
        b.Property(r => r.Method).HasMaxLength(200);
        b.Property(r => r.Note).HasMaxLength(2000);
        b.HasOne<PledgeCaseRow>().WithMany().HasForeignKey(r => r.PledgeCaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.PledgeCaseId).IsUnique();
    }
}

internal sealed class RealisationLotConfiguration : IEntityTypeConfiguration<RealisationLotRow>
{
    public void Configure(EntityTypeBuilder<RealisationLotRow> b)
    {
        b.ToTable("pledge_realisation_lots");
        b.HasKey(l => l.Id);
        b.Property(l => l.PatentNumber).HasMaxLength(40);
        b.Property(l => l.LenderTransferReference).HasMaxLength(100);
        b.HasOne<PledgeCaseRow>().WithMany().HasForeignKey(l => l.PledgeCaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Auctions.Auction>().WithMany().HasForeignKey(l => l.AuctionId).OnDelete(DeleteBehavior.Restrict);
        // One lot per auction, and a settlement belongs to at most one lot.
        b.HasIndex(l => l.AuctionId).IsUnique();
        b.HasIndex(l => l.SettlementId).IsUnique();
        b.HasIndex(l => new { l.PledgeCaseId, l.PatentNumber });
    }
}
