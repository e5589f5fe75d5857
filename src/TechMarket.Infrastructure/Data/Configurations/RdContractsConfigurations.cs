using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechMarket.Domain.Demands;
using TechMarket.Domain.Organizations;
using TechMarket.Infrastructure.RdContracts;

namespace TechMarket.Infrastructure.Data.Configurations;

internal sealed class DemandConfiguration : IEntityTypeConfiguration<Demand>
{
    public void Configure(EntityTypeBuilder<Demand> b)
    {
        b.ToTable("rd_demands");
        b.HasKey(d => d.Id);
        b.Property(d => d.Title).HasMaxLength(200).IsRequired();
        b.Property(d => d.PublicSummary).HasMaxLength(2000).IsRequired();
        b.Property(d => d.Problem).HasMaxLength(8000).IsRequired();
        b.Property(d => d.GoalsAndIndicators).HasMaxLength(8000).IsRequired();
        b.Property(d => d.Industry).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Ignore(d => d.BudgetMin);
        b.Ignore(d => d.BudgetMax);
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.OwnerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.Status, d.CreatedAt });
    }
}

internal sealed class NdaAcceptanceConfiguration : IEntityTypeConfiguration<NdaAcceptance>
{
    public void Configure(EntityTypeBuilder<NdaAcceptance> b)
    {
        b.ToTable("rd_nda_acceptances");
        b.HasKey(n => n.Id);
        b.Property(n => n.TypedName).HasMaxLength(100);
        b.HasIndex(n => new { n.DemandId, n.UserId }).IsUnique();
        b.HasOne<Demand>().WithMany().HasForeignKey(n => n.DemandId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable("rd_proposals");
        b.HasKey(p => p.Id);
        b.Property(p => p.Approach).HasMaxLength(8000).IsRequired();
        b.Property(p => p.Team).HasMaxLength(4000).IsRequired();
        b.Property(p => p.PaymentForm).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.RoyaltyBase).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.DeclineReason).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.DeclineText).HasMaxLength(2000);
        b.Ignore(p => p.Price);
        b.Ignore(p => p.PaymentTerms);
        b.HasOne<Demand>().WithMany().HasForeignKey(p => p.DemandId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.AuthorOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.DemandId, p.AuthorOrganizationId });
        b.OwnsMany(p => p.Milestones, m =>
        {
            m.ToTable("rd_proposal_milestones");
            m.WithOwner().HasForeignKey(x => x.ProposalId);
            m.HasKey(x => new { x.ProposalId, x.Number });
            m.Property(x => x.Deliverable).HasMaxLength(1000);
            m.Ignore(x => x.Amount);
        });
        b.Navigation(p => p.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProposalMessageConfiguration : IEntityTypeConfiguration<ProposalMessage>
{
    public void Configure(EntityTypeBuilder<ProposalMessage> b)
    {
        b.ToTable("rd_proposal_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.AuthorName).HasMaxLength(200);
        b.Property(m => m.Text).HasMaxLength(4000);
        b.HasOne<Proposal>().WithMany().HasForeignKey(m => m.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.ProposalId, m.At });
    }
}

internal sealed class RdContractConfiguration : IEntityTypeConfiguration<RdContractRecord>
{
    public void Configure(EntityTypeBuilder<RdContractRecord> b)
    {
        b.ToTable("rd_contracts");
        b.HasKey(c => c.Id);
        b.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.ProjectName).HasMaxLength(200);
        b.Property(c => c.ContentScopeAndRequirements).HasMaxLength(8000);
        b.Property(c => c.PlanPlaceAndManner).HasMaxLength(4000);
        b.Property(c => c.Confidentiality).HasMaxLength(4000);
        b.Property(c => c.AcceptanceStandardAndMethod).HasMaxLength(4000);
        b.Property(c => c.PaymentForm).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.RoyaltyBase).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Ignore(c => c.Contents);
        b.Ignore(c => c.Payment);
        b.HasIndex(c => c.ProposalId).IsUnique();
        b.HasIndex(c => c.ClientOrganizationId);
        b.HasIndex(c => c.DeveloperOrganizationId);
        b.HasMany(c => c.Plans).WithOne().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RdContractMilestonePlanConfiguration : IEntityTypeConfiguration<RdContractMilestonePlan>
{
    public void Configure(EntityTypeBuilder<RdContractMilestonePlan> b)
    {
        b.ToTable("rd_contract_milestones");
        b.HasKey(p => new { p.ContractId, p.Number });
        b.Property(p => p.Deliverable).HasMaxLength(1000);
    }
}

internal sealed class RdContractActionConfiguration : IEntityTypeConfiguration<RdContractAction>
{
    public void Configure(EntityTypeBuilder<RdContractAction> b)
    {
        b.ToTable("rd_contract_actions");
        b.HasKey(a => a.Id);
        // One action per sequence number: of two concurrent actions on the same contract, the second fails to save.
        b.HasIndex(a => new { a.ContractId, a.Seq }).IsUnique();
        b.Property(a => a.Kind).HasMaxLength(20);
        b.Property(a => a.Text).HasMaxLength(4000);
        b.Property(a => a.Files).HasMaxLength(2000);
        b.Property(a => a.DecisionKind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.FilingRight).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.KnowHow).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.KnowHowAgreement).HasMaxLength(4000);
        b.Property(a => a.RiskAgreed).HasMaxLength(4000);
        b.HasOne<RdContractRecord>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RdDeliverableFileConfiguration : IEntityTypeConfiguration<RdDeliverableFile>
{
    public void Configure(EntityTypeBuilder<RdDeliverableFile> b)
    {
        b.ToTable("rd_deliverable_files");
        b.HasKey(f => f.Id);
        b.Property(f => f.StoredName).HasMaxLength(100);
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.HasIndex(f => new { f.ContractId, f.Milestone });
    }
}

internal sealed class RdReminderSentConfiguration : IEntityTypeConfiguration<RdReminderSent>
{
    public void Configure(EntityTypeBuilder<RdReminderSent> b)
    {
        b.ToTable("rd_reminders_sent");
        b.HasKey(r => new { r.ContractId, r.Milestone, r.Kind });
        b.Property(r => r.Kind).HasMaxLength(20);
    }
}

internal sealed class MilestoneFundingConfiguration : IEntityTypeConfiguration<MilestoneFundingRecord>
{
    public void Configure(EntityTypeBuilder<MilestoneFundingRecord> b)
    {
        b.ToTable("rd_milestone_funding");
        b.HasKey(f => f.Id);
        b.HasIndex(f => new { f.ContractId, f.Milestone }).IsUnique();
        b.Property(f => f.PaymentReference).HasMaxLength(TechMarket.Domain.Payments.PaymentReference.Length).IsRequired();
        b.HasIndex(f => f.PaymentReference).IsUnique();
        b.Property(f => f.StripePaymentIntentId).HasMaxLength(100);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.Ignore(f => f.Amount);
    }
}
