using Microsoft.EntityFrameworkCore;
using TechMarket.Infrastructure.Outbox;
using TechMarket.Web.Tests.Deals;
using TechMarket.Web.Tests.Infrastructure;

namespace TechMarket.Web.Tests;

/// <summary>
/// The listing outbox retries a failed message after 1 s, 2 s, 4 s … rather than at once: before, a transient fault
/// used up all ten attempts within one burst of the dispatcher's loop. The site runs on a fake clock that only the
/// test moves, so "not retried yet" is a fact, not a race.
/// </summary>
public abstract class OutboxRetryTests(DealsSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_failed_message_waits_its_delay_before_the_next_attempt()
    {
        site.SkipUnlessAvailable();
        var id = Guid.NewGuid();
        site.WithDb(db =>
        {
            db.ListingOutbox.Add(new OutboxMessage(id, OutboxTypes.DemandOpened, "not json", site.Clock.GetUtcNow()));
            return db.SaveChanges();
        });
        var first = await WaitForAttemptsAsync(id, 1);
        Assert.Equal(site.Clock.GetUtcNow() + TimeSpan.FromSeconds(1), first.NextAttemptAt);
        Assert.NotNull(first.LastError);

        // The dispatcher polls every 200 ms; with the clock standing still, it must leave the message alone.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(1, Message(id).Attempts);

        site.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await WaitForAttemptsAsync(id, 2);
        Assert.Equal(site.Clock.GetUtcNow() + TimeSpan.FromSeconds(2), second.NextAttemptAt);
        Assert.Null(second.ProcessedAt);
        Assert.Equal(TimeSpan.FromMinutes(5), OutboxMessage.RetryDelay(20));
    }

    private OutboxMessage Message(Guid id) => site.WithDb(db => db.ListingOutbox.AsNoTracking().Single(m => m.Id == id));

    private async Task<OutboxMessage> WaitForAttemptsAsync(Guid id, int attempts)
    {
        await Eventually.TrueAsync(() => Message(id).Attempts >= attempts, $"attempt {attempts} never came");
        var message = Message(id);
        Assert.Equal(attempts, message.Attempts);
        return message;
    }
}

public sealed class SqliteOutboxRetryTests(DealsSqliteSite site) : OutboxRetryTests(site), IClassFixture<DealsSqliteSite>;

public sealed class PostgresOutboxRetryTests(DealsPostgresSite site) : OutboxRetryTests(site), IClassFixture<DealsPostgresSite>;
