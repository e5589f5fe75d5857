using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Jobs;

namespace TechMarket.Infrastructure.Data;

/// <summary>Leases of the daily background jobs (one node runs each job each day).</summary>
public abstract partial class TechMarketDbContext
{
    public DbSet<DailyJobRun> DailyJobRuns => Set<DailyJobRun>();
}
