using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace TechMarket.Web.Tests.Infrastructure;

/// <summary>
/// The payments site on a fake clock that starts at the real time, so listing periods of 20 working days can pass in
/// a test: the expiry job, the auction closing job and every use case read this clock. Tests move it forward only.
/// </summary>
public abstract class ListedTradeSite : PaymentsSite
{
    // Whole seconds: PostgreSQL keeps microseconds, so a time stored and read back must equal the one the test computes.
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class ListedTradeSqliteSite : ListedTradeSite
{
    public override string Provider => "Sqlite";
    public override string? ConnectionString => null;
}

public sealed class ListedTradePostgresSite : ListedTradeSite
{
    private readonly string? connectionString = ScratchPostgres.NewDatabase();

    public override string Provider => "Postgres";
    public override string? ConnectionString => connectionString;
}

[CollectionDefinition(Name)]
public sealed class ListedTradeSqliteCollection : ICollectionFixture<ListedTradeSqliteSite>
{
    public const string Name = "listed-trade sqlite site";
}

[CollectionDefinition(Name)]
public sealed class ListedTradePostgresCollection : ICollectionFixture<ListedTradePostgresSite>
{
    public const string Name = "listed-trade postgres site";
}
