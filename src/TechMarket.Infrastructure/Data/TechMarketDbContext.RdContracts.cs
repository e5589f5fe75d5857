using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Demands;
using TechMarket.Infrastructure.RdContracts;

namespace TechMarket.Infrastructure.Data;

/// <summary>Directed R&amp;D (issue 8): demands, proposals, development contracts, milestone funding (the escrow itself is in the ledger).</summary>
public abstract partial class TechMarketDbContext
{
    public DbSet<Demand> Demands => Set<Demand>();
    public DbSet<NdaAcceptance> NdaAcceptances => Set<NdaAcceptance>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalMessage> ProposalMessages => Set<ProposalMessage>();
    public DbSet<RdContractRecord> RdContracts => Set<RdContractRecord>();
    public DbSet<RdContractAction> RdContractActions => Set<RdContractAction>();
    public DbSet<RdDeliverableFile> RdDeliverableFiles => Set<RdDeliverableFile>();
    public DbSet<RdReminderSent> RdRemindersSent => Set<RdReminderSent>();
    public DbSet<MilestoneFundingRecord> MilestoneFunding => Set<MilestoneFundingRecord>();
}
