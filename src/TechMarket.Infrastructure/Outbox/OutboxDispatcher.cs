using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TechMarket.Domain.Catalogue;
using TechMarket.Infrastructure.Data;
using TechMarket.Infrastructure.Search;
using TechMarket.Search;

namespace TechMarket.Infrastructure.Outbox;

/// <summary>Wakes the dispatcher as soon as a use case has committed outbox rows, instead of waiting for the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try { signal.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => signal.Dispose();
}

/// <summary>
/// Near-real-time indexing: reads unprocessed <see cref="OutboxTypes.ListingChanged"/> rows, indexes published listings,
/// removes every other state from the index, commits, and marks the rows processed. Polls every 200 ms and wakes on
/// <see cref="OutboxSignal"/>, so a change is searchable well within a second. Then <see cref="OutboxTypes.DemandOpened"/>
/// rows: each newly opened demand is matched to organisations (<see cref="Alerts.MatchOrganisations"/>). Other types are
/// left for their owners.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private const int BatchSize = 200;
    private const int MaxAttempts = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await DispatchOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must survive a failed batch (database restart, index lock); it is logged and retried.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Outbox dispatch failed; retrying");
            }
            if (handled == 0)
            {
                try { await signal.WaitAsync(PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>One batch of each kind; returns how many messages it handled.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken) =>
        await DispatchListingsAsync(cancellationToken) + await DispatchDemandsAsync(cancellationToken);

    /// <summary>
    /// Demand alerts: one message at a time (a search per demand), each marked processed in the save after its matches,
    /// or failed and retried (up to <see cref="MaxAttempts"/>, after <see cref="OutboxMessage.RetryDelay"/>) when matching
    /// throws — e.g. another node stored the same match first; the retry then finds it and adds nothing.
    /// </summary>
    private async Task<int> DispatchDemandsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var match = scope.ServiceProvider.GetRequiredService<Alerts.MatchOrganisations>();
        var now = clock.GetUtcNow();
        var messages = await db.ListingOutbox
            .Where(m => m.Type == OutboxTypes.DemandOpened && m.ProcessedAt == null && m.Attempts < MaxAttempts && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.CreatedAt).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var message in messages)
        {
            try
            {
                await match.RunAsync(JsonSerializer.Deserialize<DemandOpenedPayload>(message.Payload)!.DemandId, cancellationToken);
                message.Processed(clock.GetUtcNow());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.Failed(e.Message, clock.GetUtcNow());
                logger.LogWarning(e, "Matching demand message {Id} to organisations failed", message.Id);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return messages.Count;
    }

    private async Task<int> DispatchListingsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TechMarketDbContext>();
        var indexer = scope.ServiceProvider.GetRequiredService<ICatalogIndexer>();
        var due = clock.GetUtcNow();
        var messages = await db.ListingOutbox
            .Where(m => m.Type == OutboxTypes.ListingChanged && m.ProcessedAt == null && m.Attempts < MaxAttempts && (m.NextAttemptAt == null || m.NextAttemptAt <= due))
            .OrderBy(m => m.CreatedAt).Take(BatchSize).ToListAsync(cancellationToken);
        if (messages.Count == 0) return 0;
        try
        {
            var ids = messages.Select(m => JsonSerializer.Deserialize<ListingChangedPayload>(m.Payload)!.ListingId).Distinct().ToList();
            var published = await db.Listings.AsNoTracking().Where(l => ids.Contains(l.Id) && l.Status == ListingStatus.Published)
                .Select(l => new { Listing = l, l.Record, OrgName = db.Organizations.Where(o => o.Id == l.OrganizationId).Select(o => o.Name).First() })
                .ToListAsync(cancellationToken);
            if (published.Count > 0) await indexer.IndexAsync([.. published.Select(p => CatalogDocuments.From(p.Listing, p.Record!, p.OrgName))], cancellationToken);
            var gone = ids.Except(published.Select(p => p.Listing.Id)).ToList();
            if (gone.Count > 0) await indexer.DeleteAsync(gone, cancellationToken);
            await indexer.CommitAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<Alerts.MatchDemands>().RunAsync([.. published.Select(p => p.Listing.Id)], cancellationToken);
            var now = clock.GetUtcNow();
            foreach (var m in messages) m.Processed(now);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var m in messages) m.Failed(e.Message, clock.GetUtcNow());
            logger.LogWarning(e, "Indexing {Count} outbox messages failed", messages.Count);
        }
        await db.SaveChangesAsync(cancellationToken);
        return messages.Count;
    }
}
