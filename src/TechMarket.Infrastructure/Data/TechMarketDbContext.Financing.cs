using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Financing;

namespace TechMarket.Infrastructure.Data;

/// <summary>IP-pledge financing (issue 9) and the patent register it reads.</summary>
public abstract partial class TechMarketDbContext
{
    public DbSet<PatentRightRow> PatentRights => Set<PatentRightRow>();
    public DbSet<PatentPledgeRow> PatentPledges => Set<PatentPledgeRow>();
    public DbSet<LenderConsentRow> LenderConsents => Set<LenderConsentRow>();
    public DbSet<PledgeCaseRow> PledgeCases => Set<PledgeCaseRow>();
    public DbSet<RealisationRequestRow> RealisationRequests => Set<RealisationRequestRow>();
    public DbSet<RealisationLotRow> RealisationLots => Set<RealisationLotRow>();
}
