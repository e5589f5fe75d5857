using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TechMarket.Infrastructure.Data;

// Used only by `dotnet ef migrations add`; the connection strings are placeholders, never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTechMarketDbContext>
{
    public SqliteTechMarketDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTechMarketDbContext>().UseSqlite("Data Source=design.db").Options, new Audit.SystemActor(), TimeProvider.System);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTechMarketDbContext>
{
    public PostgresTechMarketDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTechMarketDbContext>().UseNpgsql("Host=localhost;Database=design").Options, new Audit.SystemActor(), TimeProvider.System);
}
