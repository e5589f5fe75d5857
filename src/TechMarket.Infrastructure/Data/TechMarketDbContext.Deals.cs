using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Deals;

namespace TechMarket.Infrastructure.Data;

/// <summary>Deals (issue 7): what every road to a sale or licence ends in.</summary>
public abstract partial class TechMarketDbContext
{
    public DbSet<DealRecord> Deals => Set<DealRecord>();
}
