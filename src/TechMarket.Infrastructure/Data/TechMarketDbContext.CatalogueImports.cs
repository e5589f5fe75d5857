using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Catalogue;

namespace TechMarket.Infrastructure.Data;

/// <summary>Background catalogue imports with their progress and report.</summary>
public abstract partial class TechMarketDbContext
{
    public DbSet<CatalogueImportJob> CatalogueImportJobs => Set<CatalogueImportJob>();
}
