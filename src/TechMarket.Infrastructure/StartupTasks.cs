using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Search;
using TechMarket.Infrastructure.Seeding;

namespace TechMarket.Infrastructure;

/// <summary>What the site does before it serves: migrate, seed (idempotent), bring the search index up to date.</summary>
public sealed class StartupTasks(TechMarketDbContext db, DatabaseOptions database, TechMarketPaths paths, CatalogueSeeder seeder,
    RebuildSearchIndex reindex, SearchOptions search, ILogger<StartupTasks> logger)
{
    public async Task RunAsync(bool seedDemoData, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(paths.Data);
        if (database.MigrateAtStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (seedDemoData)
        {
            await seeder.SeedAsync(cancellationToken);
        }
        if (search.RebuildAtStartup && !await reindex.IsCurrentAsync(cancellationToken))
        {
            logger.LogInformation("Search index is missing or stale; rebuilding");
            await reindex.RunAsync(null, cancellationToken);
        }
    }
}
