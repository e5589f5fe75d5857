using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Deals;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests.Deals;

/// <summary>The site on a fake clock, so a 15-day publicity period can pass within a test; with a gate for racing saves of one deal.</summary>
public abstract class DealsSite : TechMarketSite
{
    // Whole seconds: PostgreSQL keeps microseconds, so a time stored and read back must equal the one the test computes.
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public DealSaveGate SaveGate { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (Provider == "Postgres") services.ConfigureDbContext<PostgresTechMarketDbContext>(o => o.AddInterceptors(SaveGate));
            else services.ConfigureDbContext<SqliteTechMarketDbContext>(o => o.AddInterceptors(SaveGate));
        });
    }
}

/// <summary>
/// Holds every save that changes the armed deal until all the racing saves have arrived (or 10 s pass), so the racers have
/// all read the deal before any of them writes — the worst interleaving, every round, on the real database. Inert unless armed.
/// </summary>
public sealed class DealSaveGate : SaveChangesInterceptor
{
    private Gate? armed;

    private sealed class Gate(Guid dealId, int racers)
    {
        public Guid DealId { get; } = dealId;
        public int Racers { get; } = racers;
        public int Arrived;
        public TaskCompletionSource AllArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Arm(Guid dealId, int racers) => Volatile.Write(ref armed, new Gate(dealId, racers));

    public void Disarm() => Volatile.Write(ref armed, null);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Volatile.Read(ref armed) is { } gate && eventData.Context is { } context
            && context.ChangeTracker.Entries<DealRecord>().Any(e => e.Entity.Id == gate.DealId && e.State == EntityState.Modified))
        {
            if (Interlocked.Increment(ref gate.Arrived) >= gate.Racers) gate.AllArrived.TrySetResult();
            await Task.WhenAny(gate.AllArrived.Task, Task.Delay(TimeSpan.FromSeconds(10), cancellationToken));
        }
        return result;
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
