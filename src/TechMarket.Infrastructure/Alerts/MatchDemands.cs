using Microsoft.EntityFrameworkCore;
using TechMarket.Domain.Demands;
using TechMarket.Infrastructure.Data;

namespace TechMarket.Infrastructure.Alerts;

/// <summary>
/// Matches newly published listings to open demands (issue 8): same industry, and the demand's query
/// (<see cref="DemandMatchQuery"/>: title and public summary, above the relative threshold) finds the listing. Runs after
/// the outbox has indexed the listings, so the index is the one users search. Deterministic and idempotent: a demand ×
/// listing pair is recorded once (unique index), re-running adds nothing.
/// </summary>
public sealed class MatchDemands(TechMarketDbContext db, MatchingListings matching, TimeProvider clock)
{
    public async Task<int> RunAsync(IReadOnlyCollection<Guid> publishedListingIds, CancellationToken cancellationToken)
    {
        if (publishedListingIds.Count == 0) return 0;
        var listings = await db.Listings.AsNoTracking().Where(l => publishedListingIds.Contains(l.Id))
            .Select(l => new { l.Id, l.Industry, l.OrganizationId }).ToListAsync(cancellationToken);
        var industries = listings.Select(l => l.Industry).Distinct().ToList();
        var demands = await db.Demands.AsNoTracking()
            .Where(d => d.Status == DemandStatus.Open && industries.Contains(d.Industry))
            .Select(d => new { d.Id, d.Title, d.PublicSummary, d.Industry, d.OwnerOrganizationId }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var added = new List<DemandMatch>();
        foreach (var demand in demands)
        {
            // A listing of the demand owner's own organisation is no match for it.
            var candidates = listings.Where(l => l.Industry == demand.Industry && l.OrganizationId != demand.OwnerOrganizationId).Select(l => l.Id).ToList();
            if (candidates.Count == 0) continue;
            var hits = (await matching.FindAsync(demand.Title, demand.PublicSummary, demand.Industry, cancellationToken)).Select(h => h.ListingId).ToHashSet();
            var matched = candidates.Where(hits.Contains).ToList();
            if (matched.Count == 0) continue;
            var known = await db.DemandMatches.Where(m => m.DemandId == demand.Id && matched.Contains(m.ListingId)).Select(m => m.ListingId).ToListAsync(cancellationToken);
            added.AddRange(matched.Except(known).Select(listingId => new DemandMatch(demand.Id, listingId, now)));
        }
        if (added.Count == 0) return 0;
        db.DemandMatches.AddRange(added);
        await AlertRows.SaveOrDetachAsync(db, added, cancellationToken);
        return added.Count;
    }
}

internal static class AlertRows
{
    /// <summary>
    /// Saves the new match rows. Another node matching the same batch may have stored some first: the unique key refuses
    /// the duplicates, and the rows are detached before the error goes up, so the caller's context (the outbox messages it
    /// marks failed, to retry) saves cleanly and the retry adds only what is still missing.
    /// </summary>
    public static async Task SaveOrDetachAsync<T>(TechMarketDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
            throw;
        }
    }
}
