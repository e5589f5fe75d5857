using Microsoft.Extensions.DependencyInjection;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Jobs;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

/// <summary>The daily digest's lease: of several nodes claiming the same day at once, exactly one runs it.</summary>
public abstract class DailyJobRunTests(TechMarketSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Of_eight_nodes_claiming_one_day_at_once_exactly_one_runs_the_job_and_the_next_day_is_free_again()
    {
        site.SkipUnlessAvailable();
        var job = "test-" + Guid.NewGuid().ToString("N")[..8];
        var day = new DateOnly(2031, 3, 4);
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var scope = site.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
            return await DailyJobRun.TryClaimAsync(db, job, day, DateTimeOffset.UtcNow, Ct);
        }, Ct)));

        Assert.Equal(1, claims.Count(c => c));
        Assert.Equal(1, site.WithDb(db => db.DailyJobRuns.Count(r => r.Job == job)));
        await using var next = site.Services.CreateAsyncScope();
        Assert.True(await DailyJobRun.TryClaimAsync(next.ServiceProvider.GetRequiredService<TechMarketDbContext>(), job, day.AddDays(1), DateTimeOffset.UtcNow, Ct));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteDailyJobRunTests(SqliteSite site) : DailyJobRunTests(site);

[Collection(PostgresCollection.Name)]
public sealed class PostgresDailyJobRunTests(PostgresSite site) : DailyJobRunTests(site);
