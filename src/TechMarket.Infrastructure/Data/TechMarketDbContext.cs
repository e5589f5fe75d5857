using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Catalogue;
using TechMarket.Domain.Organizations;

namespace TechMarket.Infrastructure.Data;

/// <summary>
/// The platform's database. The model is shared; each provider has its own subclass so that SQLite and
/// PostgreSQL keep their own migration sets (Data/Migrations/Sqlite, Data/Migrations/Postgres).
/// </summary>
public abstract class TechMarketDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<CatalogueRecord> CatalogueRecords => Set<CatalogueRecord>();
    public DbSet<Listing> Listings => Set<Listing>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TechMarketDbContext).Assembly);
    }
}

public sealed class SqliteTechMarketDbContext(DbContextOptions<SqliteTechMarketDbContext> options) : TechMarketDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no date type and cannot order or compare DateTimeOffset text; store UTC ticks instead.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}

public sealed class PostgresTechMarketDbContext(DbContextOptions<PostgresTechMarketDbContext> options) : TechMarketDbContext(options);
