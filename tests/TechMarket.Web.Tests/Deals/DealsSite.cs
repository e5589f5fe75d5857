using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests.Deals;

/// <summary>The site on a fake clock, so a 15-day publicity period can pass within a test.</summary>
public abstract class DealsSite : TechMarketSite
{
    // Whole seconds: PostgreSQL keeps microseconds, so a time stored and read back must equal the one the test computes.
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class DealsSqliteSite : DealsSite
{
    public override string Provider => "Sqlite";
    public override string? ConnectionString => null;
}

public sealed class DealsPostgresSite : DealsSite
{
    private readonly string? connectionString = ScratchPostgres.NewDatabase();
    public override string Provider => "Postgres";
    public override string? ConnectionString => connectionString;
}
