using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Demands;

namespace TechMarket.Infrastructure.Data;

/// <summary>Demand alerts (issue 8): listings matched to open demands.</summary>
public abstract partial class TechMarketDbContext
{
    public DbSet<DemandMatch> DemandMatches => Set<DemandMatch>();
}
